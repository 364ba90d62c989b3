//! CSV export: one row per coding, RFC 4180 (CRLF line ends, quotes doubled), UTF-8 without BOM,
//! with a header row; reads as-is with `readr::read_csv` and `pandas.read_csv`.

use std::io::Write;

use super::output::{ExportError, ExportOutput};
use super::row::{ExportRow, RowPlan, Value, column_names};
use crate::model::project::Project;

/// Exports the chosen coders' codings (empty = all) as CSV.
pub fn export_csv(project: &Project, coders: &[String]) -> Result<ExportOutput, ExportError> {
    let mut bytes = Vec::new();
    let codings = write_csv(project, coders, &mut bytes)?;
    Ok(ExportOutput { bytes, codings })
}

/// Writes the CSV export into `out` as it is made (rows a piece at a time, on all cores), so a
/// large export never holds all its rows or bytes; returns how many codings went in.
pub fn write_csv(
    project: &Project,
    coders: &[String],
    out: &mut dyn Write,
) -> Result<usize, ExportError> {
    let plan = RowPlan::new(project, coders)?;
    let mut header = rfc4180_writer(Vec::new());
    header.write_record(column_names(&plan.attribute_names))?;
    out.write_all(&finish(header)?)?;
    plan.encode_in_pieces(encode_rows, |bytes| Ok(out.write_all(bytes)?))?;
    Ok(plan.row_count())
}

fn encode_rows(rows: &[ExportRow], bytes: &mut Vec<u8>) -> Result<(), ExportError> {
    let mut writer = rfc4180_writer(bytes);
    let mut number = String::new();
    for row in rows {
        for value in row.values() {
            match value {
                Value::Text(t) => writer.write_field(t)?,
                Value::Number(n) => {
                    number.clear();
                    std::fmt::Write::write_fmt(&mut number, format_args!("{n}"))
                        .expect("formatting into a String");
                    writer.write_field(&number)?;
                }
            }
        }
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush()?;
    Ok(())
}

/// A CSV writer with the settings every Spanwise CSV uses.
pub(crate) fn rfc4180_writer<W: Write>(out: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(out)
}

/// The bytes written so far.
pub(crate) fn finish(writer: ::csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ExportError> {
    writer
        .into_inner()
        .map_err(|e| ExportError::Io(std::io::Error::other(e.to_string())))
}
