//! Codings: a code applied to a span of a document by one coder.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::codebook::CodeId;
use crate::model::corpus::DocId;
use crate::model::span::Span;

/// Identifier of a coding, unique within its coder file.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct CodingId(pub u64);

impl std::fmt::Display for CodingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// One coded span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    /// Id, unique within the coder file.
    pub id: CodingId,
    /// The document coded.
    pub document: DocId,
    /// The code applied.
    pub code: CodeId,
    /// First char (0-based, Unicode scalar values).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The text at `start..end` when the coding was made; used to check and re-anchor.
    pub quote: String,
    /// The coder's memo.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
    /// Attribute values (e.g. `actor`), by attribute name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// When the coding was made (RFC 3339, UTC).
    pub created: String,
    /// When it was last changed (RFC 3339, UTC).
    pub modified: String,
}

impl Coding {
    /// The coded span.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }

    /// The key codings are written and listed in: document, position, code, id.
    pub fn sort_key(&self) -> (&DocId, usize, usize, &CodeId, CodingId) {
        (&self.document, self.start, self.end, &self.code, self.id)
    }
}

/// The current time as RFC 3339 in UTC, to the second.
pub fn now_timestamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
