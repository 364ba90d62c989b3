//! The compared coders' codings on the documents chosen for agreement, as units on one
//! continuum: the documents laid end to end in project order ([`super::DOCUMENTS_COMBINED`]).

use std::collections::HashMap;

use super::documents::{DocumentChoice, DocumentRule, choose};
use super::units::{Continuum, Unit};
use crate::model::codebook::CodeId;
use crate::model::coder::{CoderFile, coder_file_stem};
use crate::model::corpus::DocId;
use crate::model::project::Project;

/// Why figures could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgreementError {
    /// Agreement needs at least two coders.
    #[error("agreement needs at least two coders, got {0}")]
    TooFewCoders(usize),
    /// A coder has no file in the project.
    #[error("coder `{0}` has no coding file in this project")]
    UnknownCoder(String),
    /// The same coder was named twice.
    #[error("coder `{0}` is named twice")]
    DuplicateCoder(String),
    /// The reference coder is not among the compared coders.
    #[error("the reference coder `{0}` is not one of the compared coders")]
    UnknownReference(String),
}

/// A used document's place on the corpus continuum.
#[derive(Debug, Clone)]
pub(super) struct DocumentSlot {
    pub id: DocId,
    pub title: String,
    pub begin: u64,
    pub length: u64,
}

/// Every chosen coder's codings on the used documents as units on the corpus continuum.
pub(super) struct CorpusUnits {
    pub coders: Vec<String>,
    pub categories: Vec<CodeId>,
    pub documents: Vec<DocumentSlot>,
    pub by_document: Vec<Vec<Unit>>,
    pub length: u64,
    pub choice: DocumentChoice,
}

impl CorpusUnits {
    pub fn new(
        project: &Project,
        coders: &[String],
        rule: DocumentRule,
    ) -> Result<Self, AgreementError> {
        let files = coder_files(project, coders)?;
        let choice = choose(project, &files, rule);
        let (documents, length) = slots(project, &choice);
        let doc_index: HashMap<&DocId, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.id, i))
            .collect();
        let categories = categories(project, &files);
        let code_index: HashMap<&CodeId, usize> =
            categories.iter().enumerate().map(|(i, c)| (c, i)).collect();
        let mut by_document = vec![Vec::new(); documents.len()];
        for (rater, file) in files.iter().enumerate() {
            for coding in &file.codings {
                let Some(&d) = doc_index.get(&coding.document) else {
                    continue;
                };
                let slot = &documents[d];
                let clip = |x: usize| slot.begin + (x as u64).min(slot.length);
                let unit = Unit::new(
                    rater,
                    code_index[&coding.code],
                    clip(coding.start),
                    clip(coding.end),
                );
                if !unit.is_empty() {
                    by_document[d].push(unit);
                }
            }
        }
        Ok(Self {
            coders: files.iter().map(|f| f.coder.clone()).collect(),
            categories,
            documents,
            by_document,
            length,
            choice,
        })
    }

    fn continuum(&self, begin: u64, length: u64) -> Continuum {
        Continuum {
            begin,
            length,
            raters: self.coders.len(),
            categories: self.categories.len(),
        }
    }

    /// All used documents end to end.
    pub fn corpus_continuum(&self) -> Continuum {
        self.continuum(0, self.length)
    }

    /// Used document `d` alone.
    pub fn document_continuum(&self, d: usize) -> Continuum {
        self.continuum(self.documents[d].begin, self.documents[d].length)
    }

    /// Every unit of every used document.
    pub fn all_units(&self) -> Vec<Unit> {
        self.by_document.concat()
    }
}

fn coder_files<'p>(
    project: &'p Project,
    coders: &[String],
) -> Result<Vec<&'p CoderFile>, AgreementError> {
    if coders.len() < 2 {
        return Err(AgreementError::TooFewCoders(coders.len()));
    }
    let mut seen = std::collections::BTreeSet::new();
    coders
        .iter()
        .map(|name| {
            if !seen.insert(coder_file_stem(name)) {
                return Err(AgreementError::DuplicateCoder(name.clone()));
            }
            project
                .coder(name)
                .ok_or_else(|| AgreementError::UnknownCoder(name.clone()))
        })
        .collect()
}

/// The used documents laid end to end in project order.
fn slots(project: &Project, choice: &DocumentChoice) -> (Vec<DocumentSlot>, u64) {
    let mut at = 0u64;
    let slots = choice
        .used
        .iter()
        .map(|used| {
            let length = project
                .corpus
                .get(&used.id)
                .and_then(|d| d.text.as_ref())
                .map_or(0, |t| t.char_len() as u64);
            let slot = DocumentSlot {
                id: used.id.clone(),
                title: used.title.clone(),
                begin: at,
                length,
            };
            at += length;
            slot
        })
        .collect();
    (slots, at)
}

/// The codebook's codes in order, then codes used by codings but missing from it, sorted.
fn categories(project: &Project, files: &[&CoderFile]) -> Vec<CodeId> {
    let mut out: Vec<CodeId> = project
        .codebook
        .codes
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let mut extra: Vec<CodeId> = files
        .iter()
        .flat_map(|f| f.codings.iter().map(|c| &c.code))
        .filter(|c| project.codebook.get(c).is_none())
        .cloned()
        .collect();
    extra.sort();
    extra.dedup();
    out.extend(extra);
    out
}
