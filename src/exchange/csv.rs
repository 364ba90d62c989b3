//! CSV export: one row per coding, RFC 4180 (CRLF line ends, quotes doubled), UTF-8 without BOM,
//! with a header row; reads as-is with `readr::read_csv` and `pandas.read_csv`.

use super::output::{ExportError, ExportOutput};
use super::row::{Value, column_names, export_rows};
use crate::model::project::Project;

/// Exports the chosen coders' codings (empty = all) as CSV.
pub fn export_csv(project: &Project, coders: &[String]) -> Result<ExportOutput, ExportError> {
    let rows = export_rows(project, coders)?;
    let mut writer = rfc4180_writer();
    writer.write_record(column_names(&rows.attribute_names))?;
    let mut record: Vec<String> = Vec::new();
    for row in &rows.rows {
        record.clear();
        record.extend(row.values().into_iter().map(|v| match v {
            Value::Text(t) => t.to_string(),
            Value::Number(n) => n.to_string(),
        }));
        writer.write_record(&record)?;
    }
    Ok(ExportOutput {
        bytes: finish(writer)?,
        codings: rows.rows.len(),
    })
}

/// A CSV writer with the settings every Spanwise CSV uses.
pub(crate) fn rfc4180_writer() -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(Vec::new())
}

/// The bytes written so far.
pub(crate) fn finish(writer: ::csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ExportError> {
    writer
        .into_inner()
        .map_err(|e| ExportError::Io(std::io::Error::other(e.to_string())))
}
