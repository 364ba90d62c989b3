//! Commands on the project as a whole: the codebook, documents, memos and progress.
//!
//! Rules that protect codings: a code or document is removed only when no coding of any coder
//! refers to it (recoding or deleting the codings comes first, in the same undo step), and a coder
//! changes only their own file, so a code another coder uses cannot be removed here.

use crate::model::codebook::{Code, CodeId};
use crate::model::coder::Progress;
use crate::model::corpus::{DocId, Document, DocumentMeta};
use crate::model::project::Project;
use crate::model::text::DocText;

use super::{Command, CommandError};

impl Project {
    pub(super) fn apply_project_command(
        &mut self,
        command: Command,
    ) -> Result<Command, CommandError> {
        match command {
            Command::InsertCode { at, code } => self.insert_code(at, code),
            Command::RemoveCode { id } => self.remove_code(id),
            Command::UpdateCode(code) => self.update_code(code),
            Command::MoveCode { id, to } => self.move_code(id, to),
            Command::SetProjectMemo(memo) => Ok(Command::SetProjectMemo(std::mem::replace(
                &mut self.memo,
                memo,
            ))),
            Command::SetDocumentMemo {
                coder,
                document,
                memo,
            } => self.set_document_memo(coder, document, memo),
            Command::AddDocument { meta, text } => self.add_document(meta, text),
            Command::RemoveDocument { id } => self.remove_document(id),
            Command::SetProgress {
                coder,
                document,
                progress,
            } => self.set_progress(coder, document, progress),
            other => unreachable!("not a project command: {other:?}"),
        }
    }

    /// How many codings of each coder use a code (coder name, count), coders with none left out.
    pub fn code_usage(&self, id: &CodeId) -> Vec<(String, usize)> {
        self.coders
            .values()
            .map(|f| {
                (
                    f.coder.clone(),
                    f.codings.iter().filter(|c| &c.code == id).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    fn insert_code(&mut self, at: usize, code: Code) -> Result<Command, CommandError> {
        if self.codebook.get(&code.id).is_some() {
            return Err(CommandError::DuplicateCode(code.id));
        }
        let id = code.id.clone();
        let at = at.min(self.codebook.codes.len());
        self.codebook.codes.insert(at, code);
        Ok(Command::RemoveCode { id })
    }

    fn remove_code(&mut self, id: CodeId) -> Result<Command, CommandError> {
        let at = self
            .codebook
            .index_of(&id)
            .ok_or_else(|| CommandError::UnknownCode(id.clone()))?;
        let usage = self.code_usage(&id);
        if !usage.is_empty() {
            let who: Vec<String> = usage.iter().map(|(c, n)| format!("{n} by {c}")).collect();
            return Err(CommandError::InUse(format!(
                "code `{}` is still used by codings ({})",
                self.codebook.name_of(&id),
                who.join(", ")
            )));
        }
        if let Some(child) = self
            .codebook
            .codes
            .iter()
            .find(|c| c.parent.as_ref() == Some(&id))
        {
            return Err(CommandError::InUse(format!(
                "code `{}` has the sub-code `{}`",
                self.codebook.name_of(&id),
                child.name
            )));
        }
        let code = self.codebook.codes.remove(at);
        Ok(Command::InsertCode { at, code })
    }

    fn update_code(&mut self, code: Code) -> Result<Command, CommandError> {
        if let Some(parent) = &code.parent
            && (parent == &code.id || self.codebook.get(parent).is_none())
        {
            return Err(CommandError::UnknownCode(parent.clone()));
        }
        let slot = self
            .codebook
            .codes
            .iter_mut()
            .find(|c| c.id == code.id)
            .ok_or_else(|| CommandError::UnknownCode(code.id.clone()))?;
        Ok(Command::UpdateCode(std::mem::replace(slot, code)))
    }

    fn move_code(&mut self, id: CodeId, to: usize) -> Result<Command, CommandError> {
        let from = self
            .codebook
            .index_of(&id)
            .ok_or_else(|| CommandError::UnknownCode(id.clone()))?;
        let code = self.codebook.codes.remove(from);
        let to = to.min(self.codebook.codes.len());
        self.codebook.codes.insert(to, code);
        Ok(Command::MoveCode { id, to: from })
    }

    /// Sets `coder`'s memo on a document in their own file. An empty memo removes the entry,
    /// unless `project.ron` holds an older memo for the document, which the empty entry then
    /// overrides (so clearing a memo is not undone by the old one showing again).
    fn set_document_memo(
        &mut self,
        coder: String,
        document: DocId,
        memo: String,
    ) -> Result<Command, CommandError> {
        if self.corpus.get(&document).is_none() {
            return Err(CommandError::UnknownDocument(document));
        }
        let old = self.document_memo(&coder, &document).to_string();
        let keep_empty = !self.legacy_document_memo(&document).is_empty();
        let memos = &mut self.coder_mut(&coder).document_memos;
        if memo.is_empty() && !keep_empty {
            memos.remove(&document);
        } else {
            memos.insert(document.clone(), memo);
        }
        Ok(Command::SetDocumentMemo {
            coder,
            document,
            memo: old,
        })
    }

    fn add_document(&mut self, meta: DocumentMeta, text: String) -> Result<Command, CommandError> {
        if self.corpus.get(&meta.id).is_some() {
            return Err(CommandError::DuplicateDocument(meta.id));
        }
        let id = meta.id.clone();
        self.corpus.documents.push(Document {
            meta,
            text: Some(DocText::new(text)),
        });
        Ok(Command::RemoveDocument { id })
    }

    fn remove_document(&mut self, id: DocId) -> Result<Command, CommandError> {
        let at = self
            .corpus
            .index_of(&id)
            .ok_or_else(|| CommandError::UnknownDocument(id.clone()))?;
        let used = self
            .coders
            .values()
            .any(|f| f.codings.iter().any(|c| c.document == id));
        if used {
            return Err(CommandError::InUse(format!(
                "document `{id}` still has codings"
            )));
        }
        let doc = self.corpus.documents.remove(at);
        let text = doc.text.map(|t| t.as_str().to_string()).unwrap_or_default();
        let inverse = Command::AddDocument {
            meta: doc.meta,
            text,
        };
        Ok(inverse)
    }

    fn set_progress(
        &mut self,
        coder: String,
        document: DocId,
        progress: Progress,
    ) -> Result<Command, CommandError> {
        if self.corpus.get(&document).is_none() {
            return Err(CommandError::UnknownDocument(document));
        }
        let file = self.coder_mut(&coder);
        let old = if progress == Progress::NotStarted {
            file.progress.remove(&document)
        } else {
            file.progress.insert(document.clone(), progress)
        };
        Ok(Command::SetProgress {
            coder,
            document,
            progress: old.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::span::Span;

    fn project() -> Project {
        let dir = tempfile::tempdir().unwrap();
        crate::storage::bundled::extract_to(dir.path()).unwrap();
        crate::storage::load_project(dir.path()).unwrap()
    }

    fn code(id: &str) -> Code {
        Code {
            id: CodeId(id.into()),
            name: id.into(),
            colour: "#CC79A7".into(),
            key: Some('4'),
            definition: String::new(),
            parent: None,
            attributes: Vec::new(),
        }
    }

    #[test]
    fn code_edits_invert_exactly() {
        let mut p = project();
        let before = p.codebook.clone();
        let inv = p
            .apply(Command::InsertCode {
                at: 1,
                code: code("actor"),
            })
            .unwrap();
        assert_eq!(p.codebook.codes[1].id.0, "actor");
        let inv2 = p
            .apply(Command::MoveCode {
                id: CodeId("actor".into()),
                to: 3,
            })
            .unwrap();
        assert_eq!(p.codebook.codes[3].id.0, "actor");
        p.apply(inv2).unwrap();
        p.apply(inv).unwrap();
        assert_eq!(p.codebook, before);
    }

    #[test]
    fn a_code_in_use_is_not_removed() {
        let mut p = project();
        let doc = p.corpus.documents[0].meta.id.clone();
        let claim = CodeId("claim".into());
        let c = p.new_coding("anna", &doc, &claim, Span::new(0, 4)).unwrap();
        p.apply(Command::AddCoding {
            coder: "anna".into(),
            coding: c,
        })
        .unwrap();
        let err = p
            .apply(Command::RemoveCode { id: claim.clone() })
            .unwrap_err();
        assert!(err.to_string().contains("1 by anna"), "{err}");
        assert!(p.codebook.get(&claim).is_some());
    }

    #[test]
    fn progress_round_trips() {
        let mut p = project();
        let doc = p.corpus.documents[0].meta.id.clone();
        let inv = p
            .apply(Command::SetProgress {
                coder: "anna".into(),
                document: doc.clone(),
                progress: Progress::Done,
            })
            .unwrap();
        assert_eq!(p.coder("anna").unwrap().progress_of(&doc), Progress::Done);
        p.apply(inv).unwrap();
        assert_eq!(
            p.coder("anna").unwrap().progress_of(&doc),
            Progress::NotStarted
        );
    }
}
