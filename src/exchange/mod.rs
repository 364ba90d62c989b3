//! Exports for analysis and exchange: CSV, JSONL, a document × coder matrix, W3C Web Annotations
//! and REFI-QDA `.qdpx`, plus the `.qdpx` import, and the reliability report as one HTML file
//! ([`report_html`]).
//!
//! Every export is built from the same [`ExportRow`]s, one per coding, in a fixed order (document
//! order in the project, start, end, coder, code, coding id), and returns bytes, so the window and
//! the command line write exactly the same files. Exports are deterministic: the same project gives
//! the same bytes every time. Offsets are char (Unicode scalar) offsets like everywhere in Spanwise;
//! the rows add UTF-16 offsets for JavaScript and Java tools.

pub mod csv;
pub mod jsonl;
pub mod matrix;
mod output;
pub mod plain_text;
pub mod qde;
mod qde_error;
mod qde_guids;
pub mod qdpx;
mod qdpx_build;
mod qdpx_coders;
pub mod qdpx_import;
pub mod qdpx_positions;
mod qdpx_report;
pub mod qdpx_variables;
pub mod qdpx_zip;
pub mod report_html;
mod row;
pub mod synthetic;
pub mod variables;
pub mod w3c;
mod xml;

use std::io::Write;
use std::path::Path;
use std::str::FromStr;

pub use output::{ExportError, ExportOutput};
pub use row::{
    ExportRow, ExportRows, Value, attribute_names, column_names, export_rows, select_coders,
};

use crate::model::job::{JobProgress, WatchedWriter};
use crate::model::project::Project;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// One row per coding, RFC 4180 CSV with a header row.
    Csv,
    /// One JSON object per coding and line.
    Jsonl,
    /// One CSV row per document × coder with a count column per code.
    Matrix,
    /// A W3C Web Annotation collection (JSON-LD).
    W3c,
    /// A REFI-QDA project (`.qdpx` zip).
    Qdpx,
    /// One CSV row per document × coder with a column per document variable (code and label).
    VariablesCsv,
    /// One JSON object per document × coder with a field per document variable.
    VariablesJsonl,
    /// SPSS syntax with the labels of the matrix's document-variable columns.
    VariablesSps,
}

impl ExportFormat {
    /// All formats, in menu order.
    pub const ALL: [ExportFormat; 8] = [
        ExportFormat::Csv,
        ExportFormat::Jsonl,
        ExportFormat::Matrix,
        ExportFormat::W3c,
        ExportFormat::Qdpx,
        ExportFormat::VariablesCsv,
        ExportFormat::VariablesJsonl,
        ExportFormat::VariablesSps,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Matrix => "matrix",
            ExportFormat::W3c => "w3c",
            ExportFormat::Qdpx => "qdpx",
            ExportFormat::VariablesCsv => "variables-csv",
            ExportFormat::VariablesJsonl => "variables-jsonl",
            ExportFormat::VariablesSps => "variables-sps",
        }
    }

    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv | ExportFormat::Matrix | ExportFormat::VariablesCsv => "csv",
            ExportFormat::Jsonl | ExportFormat::VariablesJsonl => "jsonl",
            ExportFormat::VariablesSps => "sps",
            ExportFormat::W3c => "jsonld",
            ExportFormat::Qdpx => "qdpx",
        }
    }

    /// True when the output is text that may go to a terminal.
    pub fn is_text(self) -> bool {
        self != ExportFormat::Qdpx
    }
}

impl FromStr for ExportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown export format `{s}` (csv, jsonl, matrix, w3c, qdpx, variables-csv, variables-jsonl, variables-sps)"))
    }
}

/// Writes an export into `out` as it is made (CSV, JSONL and `.qdpx` stream their rows a piece
/// at a time; the matrix and W3C are built first); returns how many codings went in. `.qdpx`
/// needs a seekable output: see [`export_to_file`].
pub fn export_to_writer(
    project: &Project,
    format: ExportFormat,
    coders: &[String],
    out: &mut dyn Write,
) -> Result<usize, ExportError> {
    match format {
        ExportFormat::Csv => csv::write_csv(project, coders, out),
        ExportFormat::Jsonl => jsonl::write_jsonl(project, coders, out),
        _ => {
            let done = export(project, format, coders)?;
            out.write_all(&done.bytes)?;
            Ok(done.codings)
        }
    }
}

/// Exports into a file, atomically (a temporary file beside it, fsync, rename: `path` holds the
/// old file or the whole new one, never a part) and streamed, so memory stays flat however many
/// codings go in; returns how many did.
pub fn export_to_file(
    project: &Project,
    format: ExportFormat,
    coders: &[String],
    path: &Path,
) -> Result<usize, ExportError> {
    export_to_file_watched(project, format, coders, path, &JobProgress::default())
}

/// [`export_to_file`] counting the bytes written into `progress`, and stopping at the next row
/// piece once `progress` is cancelled: then the temporary file is removed and `path` is left as
/// it was (the error is an I/O error that [`crate::model::job::is_cancelled_io`] recognises).
pub fn export_to_file_watched(
    project: &Project,
    format: ExportFormat,
    coders: &[String],
    path: &Path,
    progress: &JobProgress,
) -> Result<usize, ExportError> {
    crate::storage::atomic_write_with(path, |out| {
        let mut out = WatchedWriter::new(out, progress);
        match format {
            ExportFormat::Qdpx => qdpx::write_qdpx(project, coders, &mut out).map(|(_, n)| n),
            _ => export_to_writer(project, format, coders, &mut out),
        }
    })
}

/// Exports a project in a format, for the chosen coders (empty = all coders).
pub fn export(
    project: &Project,
    format: ExportFormat,
    coders: &[String],
) -> Result<ExportOutput, ExportError> {
    match format {
        ExportFormat::Csv => csv::export_csv(project, coders),
        ExportFormat::Jsonl => jsonl::export_jsonl(project, coders),
        ExportFormat::Matrix => matrix::export_matrix(project, coders),
        ExportFormat::W3c => w3c::export_w3c(project, coders),
        ExportFormat::Qdpx => qdpx::export_qdpx(project, coders),
        ExportFormat::VariablesCsv => variables::export_variables_csv(project, coders),
        ExportFormat::VariablesJsonl => variables::export_variables_jsonl(project, coders),
        ExportFormat::VariablesSps => Ok(variables::export_spss_labels(project)),
    }
}
