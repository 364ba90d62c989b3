//! What re-anchoring found while a project was loaded: codings moved to a new place in a
//! changed text, and codings that wait for the user. Plain data, filled by [`crate::anchor`] and
//! kept in the project's integrity report.

use crate::model::codebook::CodeId;
use crate::model::coding::CodingId;
use crate::model::corpus::DocId;
use crate::model::span::Span;

/// A coding whose place in a changed text could not be found with confidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedsAttention {
    /// File stem of the coder whose coding it is.
    pub coder: String,
    /// The coding (it keeps its old offsets and quote until resolved).
    pub id: CodingId,
    /// The document it belongs to.
    pub document: DocId,
    /// The code applied.
    pub code: CodeId,
    /// The quote that could not be placed.
    pub quote: String,
    /// Why it could not be placed, in words for the user.
    pub reason: String,
    /// The best guess, offered to the user but not applied.
    pub suggestion: Option<Span>,
}

/// A coding that was moved to a new place in a changed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// File stem of the coder whose coding it is.
    pub coder: String,
    /// The coding.
    pub id: CodingId,
    /// The document.
    pub document: DocId,
    /// Offsets before.
    pub from: Span,
    /// Offsets after.
    pub to: Span,
    /// True when the quote was not found exactly and the closest similar text was taken (the
    /// quote now holds the new text).
    pub fuzzy: bool,
}

/// What re-anchoring did while a project was loaded, and what still needs the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnchorReport {
    /// Documents whose text differs from the SHA-256 recorded in `project.ron`.
    pub changed_documents: Vec<DocId>,
    /// Documents whose text file is missing or unreadable; their codings are kept unchanged.
    pub missing_documents: Vec<DocId>,
    /// Codings moved to a new place.
    pub moved: Vec<Moved>,
    /// Codings that could not be placed: they are kept and wait for the user.
    pub attention: Vec<NeedsAttention>,
}

impl AnchorReport {
    /// The attention entry for a coding, if it has one.
    pub fn attention_for(&self, coder: &str, id: CodingId) -> Option<&NeedsAttention> {
        self.attention
            .iter()
            .find(|a| a.coder == coder && a.id == id)
    }
}
