//! The workspace's side of typing: drafts recorded, committed as one command, and flushed by
//! saves (see [`crate::edit::draft`]).

use crate::edit::command::{Command, CommandError};
use crate::edit::draft::{Draft, TextTarget};
use crate::model::coding::Coding;

use super::Workspace;

impl Workspace {
    /// The text a field for `target` shows: the draft when one is being typed for it, else the
    /// stored value (empty when the target is gone).
    pub fn text_of(&self, target: &TextTarget) -> String {
        match &self.draft {
            Some(d) if &d.target == target => d.text.clone(),
            _ => self.stored_text(target).unwrap_or_default(),
        }
    }

    /// The draft being typed, if any.
    pub fn draft(&self) -> Option<&Draft> {
        self.draft.as_ref()
    }

    /// Records what the user has typed into the field for `target`. A draft for another target
    /// is committed first. Refused when the session is read-only.
    pub fn type_text(&mut self, target: TextTarget, text: String) -> Result<(), CommandError> {
        if let Some(reason) = self.read_only_reason() {
            return Err(CommandError::ReadOnly(reason));
        }
        if self.draft.as_ref().is_some_and(|d| d.target != target) {
            self.commit_draft()?;
        }
        match &mut self.draft {
            Some(d) => d.text = text,
            None => {
                self.draft = Some(Draft {
                    target,
                    text,
                    applied: false,
                })
            }
        }
        self.edits += 1;
        Ok(())
    }

    /// Turns the draft into a command (one undo step) and closes it; true when something
    /// changed. On error the draft is gone and the error says what was not stored.
    pub fn commit_draft(&mut self) -> Result<bool, CommandError> {
        match self.draft.take() {
            Some(draft) => self.apply_draft(&draft),
            None => Ok(false),
        }
    }

    /// Applies the draft before a save but keeps it open, so the text reaches the file while
    /// the field keeps focus, and further typing joins the same undo step.
    pub(super) fn flush_draft(&mut self) -> Result<(), CommandError> {
        let Some(mut draft) = self.draft.take() else {
            return Ok(());
        };
        let changed = self.apply_draft(&draft)?;
        draft.applied |= changed;
        self.draft = Some(draft);
        Ok(())
    }

    /// True when the draft differs from what is stored.
    pub(super) fn draft_pending(&self) -> bool {
        self.draft
            .as_ref()
            .is_some_and(|d| matches!(self.draft_command(d), Ok(Some(_))))
    }

    fn apply_draft(&mut self, draft: &Draft) -> Result<bool, CommandError> {
        let Some(command) = self.draft_command(draft)? else {
            return Ok(false);
        };
        let inverse = self.apply(command, true)?;
        if !draft.applied {
            // the first state of this draft is the undo step; later states replace the text
            // and keep that step, which restores the text from before the field was entered
            self.undo.push(inverse);
        }
        self.redo.clear();
        Ok(true)
    }

    /// The command that stores the draft, `None` when it would change nothing.
    fn draft_command(&self, draft: &Draft) -> Result<Option<Command>, CommandError> {
        let coder = self.coder.clone();
        let text = draft.text.clone();
        if self.stored_text(&draft.target).as_deref() == Some(text.as_str()) {
            return Ok(None);
        }
        let command = match &draft.target {
            TextTarget::ProjectMemo => Command::SetProjectMemo(text),
            TextTarget::DocumentMemo(document) => Command::SetDocumentMemo {
                coder,
                document: document.clone(),
                memo: text,
            },
            TextTarget::CodingMemo(id) => {
                let mut coding = self.own_coding(*id)?;
                coding.memo = text;
                Command::ReplaceCoding { coder, coding }
            }
            TextTarget::CodingField { coding: id, field } => {
                let old = self.own_coding(*id)?;
                let coding = with_field(old.clone(), field, &text);
                if coding == old {
                    return Ok(None);
                }
                Command::ReplaceCoding { coder, coding }
            }
        };
        Ok(Some(command))
    }

    /// What is stored for a target; `None` when the target is gone (a deleted coding).
    fn stored_text(&self, target: &TextTarget) -> Option<String> {
        let p = &self.project;
        match target {
            TextTarget::ProjectMemo => Some(p.memo.clone()),
            TextTarget::DocumentMemo(doc) => Some(p.document_memo(&self.coder, doc).to_string()),
            TextTarget::CodingMemo(id) => self.own_coding(*id).ok().map(|c| c.memo),
            TextTarget::CodingField { coding, field } => self
                .own_coding(*coding)
                .ok()
                .map(|c| c.attributes.get(field).cloned().unwrap_or_default()),
        }
    }
}

/// `coding` with a free-text field set (trimmed; an empty value removes the field).
fn with_field(mut coding: Coding, field: &str, value: &str) -> Coding {
    let value = value.trim();
    if value.is_empty() {
        coding.attributes.remove(field);
    } else {
        coding
            .attributes
            .insert(field.to_string(), value.to_string());
    }
    coding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codebook::CodeId;
    use crate::model::corpus::DocId;
    use crate::model::span::Span;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        crate::storage::bundled::extract_to(dir.path()).unwrap();
        let ws = Workspace::open(dir.path(), "anna").unwrap();
        (dir, ws)
    }

    fn doc(ws: &Workspace, i: usize) -> DocId {
        ws.project.corpus.documents[i].meta.id.clone()
    }

    #[test]
    fn a_save_while_typing_writes_the_draft_and_keeps_one_undo_step() {
        let (dir, mut ws) = workspace();
        let target = TextTarget::DocumentMemo(doc(&ws, 0));
        ws.type_text(target.clone(), "Erst „so“".into()).unwrap();
        assert!(ws.is_dirty(), "a draft is an unsaved change");
        ws.save().unwrap();
        assert!(!ws.is_dirty());
        let on_disk = crate::storage::read_coder_file(&dir.path().join("coding/anna.ron"));
        assert_eq!(
            on_disk.unwrap().document_memo(&doc(&ws, 0)),
            Some("Erst „so“")
        );
        ws.type_text(target.clone(), "Erst „so“, dann\u{a0}anders".into())
            .unwrap();
        ws.commit_draft().unwrap();
        assert_eq!(ws.text_of(&target), "Erst „so“, dann\u{a0}anders");
        assert!(ws.undo());
        assert_eq!(ws.text_of(&target), "", "one step back to before the field");
        assert!(!ws.undo(), "and no more steps");
    }

    #[test]
    fn another_field_or_command_commits_the_draft_first() {
        let (_dir, mut ws) = workspace();
        let (a, b) = (doc(&ws, 0), doc(&ws, 1));
        ws.type_text(TextTarget::DocumentMemo(a.clone()), "A".into())
            .unwrap();
        ws.type_text(TextTarget::DocumentMemo(b.clone()), "B".into())
            .unwrap();
        assert_eq!(ws.project.document_memo("anna", &a), "A", "committed");
        let coding = ws
            .project
            .new_coding("anna", &a, &CodeId("claim".into()), Span::new(0, 4))
            .unwrap();
        ws.execute(Command::AddCoding {
            coder: "anna".into(),
            coding,
        })
        .unwrap();
        assert!(ws.draft().is_none());
        assert_eq!(ws.project.document_memo("anna", &b), "B");
        assert!(ws.undo() && ws.undo());
        assert_eq!(ws.project.document_memo("anna", &b), "", "undone in order");
        assert_eq!(ws.project.document_memo("anna", &a), "A");
    }

    #[test]
    fn a_document_memo_changes_only_the_coder_file() {
        let (_dir, mut ws) = workspace();
        let command = Command::SetDocumentMemo {
            coder: "anna".into(),
            document: doc(&ws, 0),
            memo: "x".into(),
        };
        assert!(!command.changes_project_file());
        assert_eq!(command.coders(), vec!["anna"]);
        ws.execute(command).unwrap();
        let batch = ws.begin_save().unwrap();
        assert!(batch.paths.is_empty(), "project.ron is not written");
        assert_eq!(batch.coders.len(), 1);
    }

    #[test]
    fn clearing_a_memo_that_project_ron_held_keeps_it_cleared() {
        let dir = tempfile::tempdir().unwrap();
        crate::storage::bundled::extract_to(dir.path()).unwrap();
        let mut project = crate::storage::load_project(dir.path()).unwrap();
        project.corpus.documents[0].meta.memo = "alt".into();
        let id = project.corpus.documents[0].meta.id.clone();
        let mut ws = Workspace::new(project, "anna");
        assert_eq!(ws.adopted_memos(), 1);
        assert!(
            ws.is_dirty(),
            "the copied memo is written with the next save"
        );
        let target = TextTarget::DocumentMemo(id.clone());
        ws.type_text(target.clone(), String::new()).unwrap();
        ws.commit_draft().unwrap();
        assert_eq!(ws.text_of(&target), "");
        let file = ws.project.coder("anna").unwrap();
        assert_eq!(
            file.document_memo(&id),
            Some(""),
            "an empty entry overrides"
        );
        assert_eq!(
            ws.project.legacy_document_memo(&id),
            "alt",
            "nothing dropped"
        );
    }
}
