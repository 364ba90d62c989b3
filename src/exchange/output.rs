//! What every export returns (the file's bytes and how many codings went in) and why an export
//! can fail.

use crate::model::coding::CodingId;
use crate::model::corpus::DocId;

/// The result of an export: the file's bytes and how many codings went into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOutput {
    /// The file contents.
    pub bytes: Vec<u8>,
    /// Number of codings written.
    pub codings: usize,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A coder asked for has no file in the project.
    #[error("no coder `{0}` in this project")]
    UnknownCoder(String),
    /// A coding points at a document the project does not have.
    #[error("coder `{coder}`, coding {id}: document `{document}` is not in the project")]
    UnknownDocument {
        /// The coder.
        coder: String,
        /// The coding.
        id: CodingId,
        /// The missing document.
        document: DocId,
    },
    /// A coded document's text could not be read.
    #[error("document `{0}`: its text is missing, so offsets cannot be exported")]
    MissingText(DocId),
    /// A coding's span leaves its document's text.
    #[error(
        "coder `{coder}`, coding {id}: span {start}..{end} leaves document `{document}` ({len} chars)"
    )]
    SpanOutOfText {
        /// The coder.
        coder: String,
        /// The coding.
        id: CodingId,
        /// The document.
        document: DocId,
        /// Start of the span.
        start: usize,
        /// End of the span.
        end: usize,
        /// Length of the text in chars.
        len: usize,
    },
    /// Writing CSV failed.
    #[error("CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// Writing JSON failed.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing the zip failed.
    #[error("zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// An in-memory write failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}
