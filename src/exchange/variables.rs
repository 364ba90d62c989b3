//! The documents table: one row per document and coder with one column per document variable
//! (its value code and, for labelled variables, its label), as CSV and JSONL; the variable
//! columns of the SPSS matrix and an SPSS syntax file with their labels.
//!
//! Every document appears once for every chosen coder, with empty cells where the coder gave no
//! value, so the table has the same shape whatever was filled in.

use serde::Serializer;
use serde::ser::SerializeMap;

use super::csv::{finish, rfc4180_writer};
use super::output::{ExportError, ExportOutput};
use super::row::select_coders;
use crate::model::coder::CoderFile;
use crate::model::corpus::Document;
use crate::model::project::Project;
use crate::model::variable::{Number, Values, Variable};

/// One cell of the documents table.
enum Cell {
    Text(String),
    Number(Option<Number>),
}

/// The columns before the variables.
const FIXED: [&str; 7] = [
    "project", "document", "title", "date", "source", "coder", "progress",
];

/// The header of the documents table: the fixed columns, then per variable `<id>` and, for
/// labelled variables, `<id>_label`.
pub fn document_columns(project: &Project) -> Vec<String> {
    let mut columns: Vec<String> = FIXED.iter().map(|s| s.to_string()).collect();
    for v in &project.variables {
        columns.push(v.id.0.clone());
        if has_labels(v) {
            columns.push(format!("{}_label", v.id));
        }
    }
    columns
}

fn has_labels(v: &Variable) -> bool {
    matches!(v.values, Values::Labels(_))
}

fn row(project: &Project, doc: &Document, file: &CoderFile) -> Vec<Cell> {
    let meta = &doc.meta;
    let mut cells = vec![
        Cell::Text(project.name.clone()),
        Cell::Text(meta.id.0.clone()),
        Cell::Text(meta.title.clone()),
        Cell::Text(meta.date.clone().unwrap_or_default()),
        Cell::Text(meta.source.clone().unwrap_or_default()),
        Cell::Text(file.coder.clone()),
        Cell::Text(file.progress_of(&meta.id).label().to_string()),
    ];
    for v in &project.variables {
        let value = file.value_of(&meta.id, &v.id);
        cells.push(Cell::Number(value));
        if has_labels(v) {
            let label = value.and_then(|x| v.label_of(x)).unwrap_or_default();
            cells.push(Cell::Text(label.to_string()));
        }
    }
    cells
}

/// Calls `each` with every (document, coder file) pair in document order, then coder order.
fn for_each_row(
    project: &Project,
    coders: &[String],
    mut each: impl FnMut(Vec<Cell>) -> Result<(), ExportError>,
) -> Result<usize, ExportError> {
    let files = select_coders(project, coders)?;
    let mut rows = 0;
    for doc in &project.corpus.documents {
        for file in &files {
            each(row(project, doc, file))?;
            rows += 1;
        }
    }
    Ok(rows)
}

/// Exports the documents table as CSV (empty cells where no value was given).
pub fn export_variables_csv(
    project: &Project,
    coders: &[String],
) -> Result<ExportOutput, ExportError> {
    let mut writer = rfc4180_writer(Vec::new());
    writer.write_record(document_columns(project))?;
    for_each_row(project, coders, |cells| {
        let record: Vec<String> = cells
            .into_iter()
            .map(|c| match c {
                Cell::Text(t) => t,
                Cell::Number(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            })
            .collect();
        Ok(writer.write_record(&record)?)
    })?;
    Ok(ExportOutput {
        bytes: finish(writer)?,
        codings: 0,
    })
}

/// Exports the documents table as JSON Lines: value codes are numbers (`null` when not given),
/// every other field a string.
pub fn export_variables_jsonl(
    project: &Project,
    coders: &[String],
) -> Result<ExportOutput, ExportError> {
    let columns = document_columns(project);
    let mut bytes = Vec::new();
    for_each_row(project, coders, |cells| {
        let mut ser = serde_json::Serializer::new(&mut bytes);
        let mut map = (&mut ser).serialize_map(Some(cells.len()))?;
        for (key, cell) in columns.iter().zip(cells) {
            match cell {
                Cell::Text(t) => map.serialize_entry(key, &t)?,
                Cell::Number(n) => map.serialize_entry(key, &n.map(|n| n.0))?,
            }
        }
        map.end()?;
        bytes.push(b'\n');
        Ok(())
    })?;
    Ok(ExportOutput { bytes, codings: 0 })
}

/// The matrix's variable columns: `var_<id>` per variable, in codesheet order.
pub fn matrix_columns(project: &Project) -> Vec<String> {
    project
        .variables
        .iter()
        .map(|v| format!("var_{}", v.id))
        .collect()
}

/// A coder's value codes for a document, one per [`matrix_columns`] entry (empty: not given).
pub fn matrix_values(project: &Project, coder: Option<&CoderFile>, doc: &Document) -> Vec<String> {
    project
        .variables
        .iter()
        .map(|v| {
            coder
                .and_then(|f| f.value_of(&doc.meta.id, &v.id))
                .map(|n| n.to_string())
                .unwrap_or_default()
        })
        .collect()
}

/// SPSS syntax giving the matrix's `var_<id>` columns their variable labels, value labels and
/// level of measurement (run it after `GET DATA` of the matrix CSV).
pub fn export_spss_labels(project: &Project) -> ExportOutput {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from("* Spanwise: labels of the document variables of the matrix.\n");
    if !project.variables.is_empty() {
        out.push_str("VARIABLE LABELS\n");
        let lines: Vec<String> = project
            .variables
            .iter()
            .map(|v| format!("  var_{} {}", v.id, quote(&v.label)))
            .collect();
        out.push_str(&lines.join("\n"));
        out.push_str(".\n");
    }
    for v in &project.variables {
        if let Values::Labels(labels) = &v.values
            && !labels.is_empty()
        {
            out.push_str(&format!("VALUE LABELS var_{}\n", v.id));
            let lines: Vec<String> = labels
                .iter()
                .map(|l| format!("  {} {}", l.code, quote(&l.label)))
                .collect();
            out.push_str(&lines.join("\n"));
            out.push_str(".\n");
        }
        let level = match v.scale {
            crate::model::variable::Scale::Nominal => "NOMINAL",
            crate::model::variable::Scale::Ordinal => "ORDINAL",
            _ => "SCALE",
        };
        out.push_str(&format!("VARIABLE LEVEL var_{} ({level}).\n", v.id));
    }
    ExportOutput {
        bytes: out.into_bytes(),
        codings: 0,
    }
}
