//! One coded segment: a coding with its article, code path, text in context, memo and fields.

use std::collections::BTreeMap;

use crate::model::codebook::CodeId;
use crate::model::coding::CodingId;
use crate::model::corpus::DocId;
use crate::model::span::Span;

/// One coded segment with its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The coder who made the coding.
    pub coder: String,
    /// The coding's id in that coder's file.
    pub id: CodingId,
    /// The document.
    pub document: DocId,
    /// Position of the document in project order.
    pub document_index: usize,
    /// The document's title.
    pub title: String,
    /// The document's date as the text states it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub date: Option<String>,
    /// The code.
    pub code: CodeId,
    /// The code's name.
    pub code_name: String,
    /// The code's names from the top of the codebook down, `risk › data protection`.
    pub code_path: String,
    /// Position of the code in the codebook (`usize::MAX` when unknown).
    pub code_index: usize,
    /// The coded span (char offsets).
    pub span: Span,
    /// Words before the quote.
    pub before: String,
    /// The coded text.
    pub quote: String,
    /// Words after the quote.
    pub after: String,
    /// The coder's memo on the coding.
    pub memo: String,
    /// The coding's field values, by field name.
    pub fields: BTreeMap<String, String>,
}

impl Segment {
    /// Length of the coded span in chars.
    pub fn len(&self) -> usize {
        self.span.len()
    }

    /// True when the span is empty (never for valid codings).
    pub fn is_empty(&self) -> bool {
        self.span.is_empty()
    }

    /// The fields as one line: `actor=Huawei; tone=negative`.
    pub fn fields_text(&self) -> String {
        let parts: Vec<String> = self
            .fields
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        parts.join("; ")
    }
}
