//! What a report is made of: the figures and the facts about the project the text names.

use crate::analysis::agreement::Report;
use crate::analysis::predefined::Predefined;
use crate::model::project::Project;

/// What a report is made of.
#[derive(Debug, Clone)]
pub struct ReportInput<'a> {
    /// The project's name.
    pub project: String,
    /// The date the report was made, as written in it.
    pub date: String,
    /// Documents in the corpus (used and left out).
    pub corpus_documents: usize,
    /// The unitizing figures.
    pub agreement: &'a Report,
    /// The figures on predefined units.
    pub predefined: &'a Predefined,
}

impl<'a> ReportInput<'a> {
    /// The input for `project`'s figures, dated today.
    pub fn new(project: &Project, agreement: &'a Report, predefined: &'a Predefined) -> Self {
        Self {
            project: project.name.clone(),
            date: chrono::Local::now().format("%Y-%m-%d").to_string(),
            corpus_documents: project.corpus.documents.len(),
            agreement,
            predefined,
        }
    }
}
