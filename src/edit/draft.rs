//! Text being typed: a memo or a free-text field that is not a command yet.
//!
//! The window hands every keystroke of a memo field to the workspace as a [`Draft`], so the text
//! is never held only by a widget ([`crate::edit::workspace::Workspace::type_text`]). The draft becomes one [`Command`] (one undo step) when the
//! field loses focus, when another field or article takes over, before any other command, undo
//! or redo, and before every save, so no way out of a field loses what was typed. A save while
//! the field keeps focus writes the text and keeps the draft open: what is typed next joins the
//! same undo step.

use crate::model::coding::CodingId;
use crate::model::corpus::DocId;

/// What a text field being typed in changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextTarget {
    /// The project memo (the project's description, in the shared `project.ron`).
    ProjectMemo,
    /// This coder's memo on a document (in their own file).
    DocumentMemo(DocId),
    /// The memo of one of this coder's codings.
    CodingMemo(CodingId),
    /// A free-text field (attribute) of one of this coder's codings.
    CodingField {
        /// The coding.
        coding: CodingId,
        /// The field's name.
        field: String,
    },
}

impl TextTarget {
    /// True when committing the text changes the shared `project.ron` rather than the coder's
    /// own file.
    pub fn changes_project_file(&self) -> bool {
        matches!(self, TextTarget::ProjectMemo)
    }
}

/// Text typed into a field and not yet committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// What the text is for.
    pub target: TextTarget,
    /// The text as typed so far.
    pub text: String,
    /// A save already applied an earlier state of this draft; its undo step is the last one.
    pub(in crate::edit) applied: bool,
}
