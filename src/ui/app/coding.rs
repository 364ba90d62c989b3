//! Coding from the window: applying a code to the selection, changing the selected coding, and
//! moving between codings. Every change goes through [`SpanwiseApp::execute`].

use crate::edit::command::Command;
use crate::model::codebook::CodeId;
use crate::model::coding::CodingId;
use crate::model::span::Span;

use super::SpanwiseApp;
use crate::ui::i18n::{tr, tr_args};

impl SpanwiseApp {
    /// Codes the current selection with a code.
    pub fn apply_code(&mut self, code: &CodeId) {
        let (Some(ws), Some(doc)) = (self.workspace.as_ref(), self.document()) else {
            return;
        };
        let Some(text) = doc.text.as_ref() else {
            return;
        };
        let Some(span) = self.reader.selected_span(text) else {
            if let Some(id) = self.selected_coding {
                self.recode_selected(id, code);
            } else {
                self.message = Some(tr("status-select-text-first"));
            }
            return;
        };
        let doc_id = doc.meta.id.clone();
        match ws.project().new_coding(ws.coder(), &doc_id, code, span) {
            Ok(coding) => {
                let id = coding.id;
                // the workspace marks the document "in progress" with its first coding
                self.execute(Command::AddCoding {
                    coder: ws.coder().to_string(),
                    coding,
                });
                self.reader.clear_selection();
                self.selected_coding = Some(id);
            }
            Err(e) => {
                self.message = Some(tr_args(
                    "status-not-coded",
                    &[("error", e.to_string().into())],
                ))
            }
        }
    }

    pub(in crate::ui) fn recode_selected(&mut self, id: CodingId, code: &CodeId) {
        self.update_selected(id, |c| c.code = code.clone());
    }

    /// Changes the selected coding through a `ReplaceCoding` command.
    pub(in crate::ui) fn update_selected(
        &mut self,
        id: CodingId,
        change: impl FnOnce(&mut crate::model::coding::Coding),
    ) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let Some(mut coding) = ws
            .project()
            .coder(ws.coder())
            .and_then(|f| f.get(id))
            .cloned()
        else {
            return;
        };
        let before = coding.clone();
        change(&mut coding);
        if coding != before {
            let coder = ws.coder().to_string();
            self.execute(Command::ReplaceCoding { coder, coding });
        }
    }

    pub(in crate::ui) fn nudge(&mut self, start: bool, delta: isize) {
        let Some(id) = self.selected_coding else {
            return;
        };
        self.update_selected(id, |c| {
            let v = if start { &mut c.start } else { &mut c.end };
            *v = v.saturating_add_signed(delta);
            if c.start >= c.end {
                if start {
                    c.start = c.end.saturating_sub(1);
                } else {
                    c.end = c.start + 1;
                }
            }
        });
    }

    /// The current coder's codings in the open document, in text order: (id, span).
    pub fn document_codings(&self) -> Vec<(CodingId, Span)> {
        let (Some(ws), Some(doc)) = (self.workspace.as_ref(), self.document()) else {
            return Vec::new();
        };
        ws.project()
            .coder(ws.coder())
            .map(|f| {
                f.document_codings(&doc.meta.id)
                    .iter()
                    .map(|c| (c.id, c.span()))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub(in crate::ui) fn step_coding(&mut self, delta: isize) {
        let list = self.document_codings();
        if list.is_empty() {
            return;
        }
        let pos = self
            .selected_coding
            .and_then(|id| list.iter().position(|(i, _)| *i == id));
        let next = match pos {
            Some(p) => (p as isize + delta).rem_euclid(list.len() as isize) as usize,
            None if delta > 0 => 0,
            None => list.len() - 1,
        };
        self.select_coding(list[next].0, list[next].1);
    }

    /// Selects a coding and scrolls the reader to it.
    pub fn select_coding(&mut self, id: CodingId, span: Span) {
        self.selected_coding = Some(id);
        self.reader.clear_selection();
        self.reader.scroll_to(span.start);
    }

    /// Selects one of the current coder's codings by id and scrolls the reader to it.
    pub(in crate::ui) fn select_own_coding(&mut self, id: CodingId) {
        let span = self
            .workspace
            .as_ref()
            .and_then(|w| w.project().coder(w.coder())?.get(id))
            .map(|c| c.span());
        if let Some(span) = span {
            self.select_coding(id, span);
        }
    }

    /// Places a flagged coding at a span (one undo step).
    pub fn place_flagged(&mut self, id: CodingId, span: Span) {
        if let Some(ws) = self.workspace.as_mut()
            && let Err(e) = ws.place_attention(id, span)
        {
            self.message = Some(tr_args(
                "attention-not-placed",
                &[("error", e.to_string().into())],
            ));
        }
        self.reader.clear_selection();
    }

    /// Deletes a flagged coding (one undo step).
    pub fn delete_flagged(&mut self, id: CodingId) {
        if let Some(ws) = self.workspace.as_mut()
            && let Err(e) = ws.delete_attention(id)
        {
            self.message = Some(tr_args(
                "codebook-not-deleted",
                &[("error", e.to_string().into())],
            ));
        }
    }
}
