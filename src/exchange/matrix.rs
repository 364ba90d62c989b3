//! Matrix export: one CSV row per document × coder with document metadata, the number of codings
//! and one count column per code — the shape SPSS and regression models want. Documents a coder
//! did not code appear with zeros, so every coder has a row for every document.

use std::collections::{HashMap, HashSet};

use super::csv::{finish, rfc4180_writer};
use super::output::{ExportError, ExportOutput};
use super::row::export_rows;
use crate::model::coder::Progress;
use crate::model::project::Project;

/// Exports document × coder code counts for the chosen coders (empty = all) as CSV.
pub fn export_matrix(project: &Project, coders: &[String]) -> Result<ExportOutput, ExportError> {
    let rows = export_rows(project, coders)?;
    let codes = code_columns(project, &rows.rows);
    let code_index: HashMap<&str, usize> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let coder_index: HashMap<&str, usize> = rows
        .coders
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let n_docs = project.corpus.documents.len();
    let mut counts = vec![vec![0u64; codes.len()]; n_docs * rows.coders.len()];
    for row in &rows.rows {
        let cell = row.doc_index * rows.coders.len() + coder_index[row.coder.as_str()];
        counts[cell][code_index[row.code_id.as_str()]] += 1;
    }
    let mut writer = rfc4180_writer(Vec::new());
    let mut header: Vec<String> = [
        "project",
        "document",
        "title",
        "date",
        "source",
        "document_memo",
        "coder",
        "progress",
        "codings",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(codes.iter().map(|c| format!("n_{c}")));
    header.extend(super::variables::matrix_columns(project));
    writer.write_record(&header)?;
    for (d, doc) in project.corpus.documents.iter().enumerate() {
        for (c, coder) in rows.coders.iter().enumerate() {
            let cell = &counts[d * rows.coders.len() + c];
            let mut record = vec![
                project.name.clone(),
                doc.meta.id.0.clone(),
                doc.meta.title.clone(),
                doc.meta.date.clone().unwrap_or_default(),
                doc.meta.source.clone().unwrap_or_default(),
                project.document_memo(coder, &doc.meta.id).to_string(),
                coder.clone(),
                project
                    .coder(coder)
                    .map_or(Progress::NotStarted, |f| f.progress_of(&doc.meta.id))
                    .label()
                    .to_string(),
                cell.iter().sum::<u64>().to_string(),
            ];
            record.extend(cell.iter().map(u64::to_string));
            record.extend(super::variables::matrix_values(
                project,
                project.coder(coder),
                doc,
            ));
            writer.write_record(&record)?;
        }
    }
    Ok(ExportOutput {
        bytes: finish(writer)?,
        codings: rows.rows.len(),
    })
}

/// Code ids in codebook order, then ids used by codings but missing from the codebook, sorted.
fn code_columns(project: &Project, rows: &[super::row::ExportRow]) -> Vec<String> {
    let mut codes: Vec<String> = project
        .codebook
        .codes
        .iter()
        .map(|c| c.id.0.clone())
        .collect();
    let known: HashSet<&str> = codes.iter().map(String::as_str).collect();
    let mut extra: Vec<String> = rows
        .iter()
        .filter(|r| !known.contains(r.code_id.as_str()))
        .map(|r| r.code_id.clone())
        .collect();
    extra.sort();
    extra.dedup();
    codes.extend(extra);
    codes
}
