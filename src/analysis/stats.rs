//! Counts for a quick look at a project: documents, coders, and codings per code and coder.

use std::collections::BTreeMap;

use crate::model::project::Project;

/// Counts of one project.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectStats {
    /// Number of documents.
    pub documents: usize,
    /// Coder names, sorted by file.
    pub coders: Vec<String>,
    /// Code ids: codebook order, then ids used but not in the codebook.
    pub codes: Vec<String>,
    /// Codings per (code id, coder name).
    pub counts: BTreeMap<(String, String), usize>,
    /// Codings per coder.
    pub per_coder: BTreeMap<String, usize>,
    /// Codings per code id.
    pub per_code: BTreeMap<String, usize>,
    /// Documents each coder coded at least once.
    pub documents_coded: BTreeMap<String, usize>,
}

impl ProjectStats {
    /// Total number of codings.
    pub fn total(&self) -> usize {
        self.per_coder.values().sum()
    }
}

/// Counts documents, coders and codings per code and coder.
pub fn project_stats(project: &Project) -> ProjectStats {
    let mut stats = ProjectStats {
        documents: project.corpus.documents.len(),
        coders: project.coder_names(),
        codes: project
            .codebook
            .codes
            .iter()
            .map(|c| c.id.0.clone())
            .collect(),
        ..Default::default()
    };
    for file in project.coders.values() {
        let mut docs = std::collections::BTreeSet::new();
        for c in &file.codings {
            if !stats.codes.contains(&c.code.0) {
                stats.codes.push(c.code.0.clone());
            }
            *stats
                .counts
                .entry((c.code.0.clone(), file.coder.clone()))
                .or_default() += 1;
            *stats.per_code.entry(c.code.0.clone()).or_default() += 1;
            docs.insert(&c.document);
        }
        stats
            .per_coder
            .insert(file.coder.clone(), file.codings.len());
        stats.documents_coded.insert(file.coder.clone(), docs.len());
    }
    stats
}
