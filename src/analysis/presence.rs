//! Codes as present or absent per article: for each code a units-by-coders table whose units are
//! the documents every compared coder has marked done (finished documents), with the value 1 where
//! the coder used the code in the document at least once and 0 where not. This is the shape every
//! coefficient on predefined units takes (Krippendorff's α nominal, the κ family).
//!
//! Unlike the variables' tables no cell is missing: a coder who finished a document and did not
//! use a code there judged it absent.

use super::agreement::documents::{self, DocumentRule};
use super::agreement::reliability::ReliabilityData;
use super::variables::VariablesError;
use crate::model::codebook::CodeId;
use crate::model::coder::CoderFile;
use crate::model::corpus::DocId;
use crate::model::project::Project;

/// One code's presence table.
#[derive(Debug, Clone, PartialEq)]
pub struct PresenceTable {
    /// The code.
    pub code: CodeId,
    /// Its name in the codebook.
    pub name: String,
    /// The coders (columns) and units (rows: the finished documents) with 0/1 values.
    pub data: ReliabilityData,
}

/// The finished documents (marked done by every one of `coders`, with a text), in project order.
pub fn finished_documents(
    project: &Project,
    coders: &[String],
) -> Result<Vec<DocId>, VariablesError> {
    let files = coder_files(project, coders)?;
    let choice = documents::choose(project, &files, DocumentRule::Finished);
    Ok(choice.used.into_iter().map(|d| d.id).collect())
}

fn coder_files<'a>(
    project: &'a Project,
    coders: &[String],
) -> Result<Vec<&'a CoderFile>, VariablesError> {
    coders
        .iter()
        .map(|c| {
            project
                .coder(c)
                .ok_or_else(|| VariablesError::UnknownCoder(c.clone()))
        })
        .collect()
}

/// The presence table of every code of the codebook, in codebook order, over the finished
/// documents of `coders`.
pub fn presence_tables(
    project: &Project,
    coders: &[String],
) -> Result<Vec<PresenceTable>, VariablesError> {
    let files = coder_files(project, coders)?;
    let units = finished_documents(project, coders)?;
    Ok(project
        .codebook
        .codes
        .iter()
        .map(|code| PresenceTable {
            code: code.id.clone(),
            name: code.name.clone(),
            data: table(&files, coders, &units, &code.id),
        })
        .collect())
}

/// Units-by-coders: 1 where the coder used `code` in the document, else 0.
fn table(
    files: &[&CoderFile],
    coders: &[String],
    units: &[DocId],
    code: &CodeId,
) -> ReliabilityData {
    let rows = units
        .iter()
        .map(|doc| {
            let values = files
                .iter()
                .map(|f| {
                    let used = f
                        .in_document(doc)
                        .any(|c| &c.code == code && c.end > c.start);
                    Some(if used { 1.0 } else { 0.0 })
                })
                .collect();
            (doc.0.clone(), values)
        })
        .collect();
    ReliabilityData::numbers(coders.to_vec(), rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codebook::{Code, Codebook};
    use crate::model::coder::Progress;
    use crate::model::coding::Coding;
    use crate::model::corpus::Document;

    fn project() -> Project {
        let documents = (0..3)
            .map(|i| Document::in_memory(format!("d{i}"), format!("Doc {i}"), "Ein kurzer Text."))
            .collect();
        let codebook = Codebook {
            codes: vec![Code::plain("risk", "#000000")],
        };
        let mut p = Project::new("/nonexistent", "t", codebook, documents);
        for (coder, docs) in [("anna", vec![0, 1]), ("ben", vec![0])] {
            let file = p.coder_mut(coder);
            for d in docs {
                let id = file.next_id();
                file.codings.push(Coding {
                    id,
                    document: DocId(format!("d{d}")),
                    code: CodeId("risk".into()),
                    start: 0,
                    end: 3,
                    quote: "Ein".into(),
                    memo: String::new(),
                    attributes: Default::default(),
                    created: String::new(),
                    modified: String::new(),
                });
            }
            for d in 0..3 {
                let done = if coder == "ben" && d == 2 {
                    Progress::InProgress
                } else {
                    Progress::Done
                };
                file.progress.insert(DocId(format!("d{d}")), done);
            }
        }
        p
    }

    #[test]
    fn finished_documents_are_the_units_and_a_code_is_one_or_zero() {
        let p = project();
        let coders = vec!["anna".to_string(), "ben".to_string()];
        let tables = presence_tables(&p, &coders).unwrap();
        assert_eq!(tables.len(), 1);
        let data = &tables[0].data;
        assert_eq!(data.units, ["d0", "d1"], "d2 is not done by ben");
        let value = |u: usize, c: usize| data.values[data.cells[u][c].unwrap()].number;
        assert_eq!((value(0, 0), value(0, 1)), (Some(1.0), Some(1.0)));
        assert_eq!((value(1, 0), value(1, 1)), (Some(1.0), Some(0.0)));
        assert_eq!(
            presence_tables(&p, &["anna".into(), "zoe".into()]),
            Err(VariablesError::UnknownCoder("zoe".into()))
        );
    }
}
