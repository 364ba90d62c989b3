//! The coded segments as a table of text: CSV (RFC 4180, CRLF, header row) for files, and the
//! same columns tab-separated for the clipboard (a spreadsheet pastes it into cells).

use std::path::Path;

use super::segment::Segment;

/// Why the table could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RetrievalError {
    /// The CSV writer failed.
    #[error("could not write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The file could not be written.
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
}

/// The columns, in order.
pub const HEADER: [&str; 15] = [
    "document",
    "title",
    "date",
    "coder",
    "code",
    "code_path",
    "coding_id",
    "start",
    "end",
    "length",
    "before",
    "quote",
    "after",
    "memo",
    "fields",
];

fn record(s: &Segment) -> [String; 15] {
    [
        s.document.as_str().to_string(),
        s.title.clone(),
        s.date.clone().unwrap_or_default(),
        s.coder.clone(),
        s.code.as_str().to_string(),
        s.code_path.clone(),
        s.id.0.to_string(),
        s.span.start.to_string(),
        s.span.end.to_string(),
        s.len().to_string(),
        s.before.clone(),
        s.quote.clone(),
        s.after.clone(),
        s.memo.clone(),
        s.fields_text(),
    ]
}

fn write(list: &[Segment], delimiter: u8) -> Result<Vec<u8>, RetrievalError> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER)?;
    for s in list {
        w.write_record(record(s))?;
    }
    w.into_inner()
        .map_err(|e| RetrievalError::Csv(e.into_error().into()))
}

/// The list as CSV: one header row, then one row per segment in the list's order.
pub fn to_csv(list: &[Segment]) -> Result<Vec<u8>, RetrievalError> {
    write(list, b',')
}

/// The list as tab-separated text with the CSV's columns and quoting, for the clipboard.
pub fn to_tsv(list: &[Segment]) -> Result<String, RetrievalError> {
    let bytes = write(list, b'\t')?;
    // The writer was given only strings, so its output is UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Writes the list as CSV to a file (atomically).
pub fn write_csv(list: &[Segment], path: &Path) -> Result<(), RetrievalError> {
    let bytes = to_csv(list)?;
    Ok(crate::storage::atomic_write(path, &bytes)?)
}
