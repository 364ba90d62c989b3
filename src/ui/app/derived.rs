//! Data the panels derive from the project for the open document (highlights, per-document
//! counts). When the project changes, only the documents the change reached are recounted (the
//! workspace's journal says which), so a new coding costs the same on a project of 300,000
//! codings as on one of 300; a new coder, a codebook or corpus change rebuilds everything.

use super::SpanwiseApp;
use crate::edit::workspace::journal::Reach;
use crate::model::codebook::Codebook;
use crate::model::coder::coder_file_stem;
use crate::model::coding::Coding;
use crate::model::corpus::DocId;
use crate::ui::highlights::HighlightIndex;

/// Data derived from the project for the current document, rebuilt when either changes.
#[derive(Debug, Default)]
pub(super) struct Derived {
    key: Option<(u64, usize, String)>,
    pub(super) highlights: HighlightIndex,
    /// Per document, per code (codebook order): the current coder's coding counts.
    counts: Vec<Vec<usize>>,
}

/// One document's codings in a coder's file (kept sorted by document, so they are a range).
fn document_range<'a>(codings: &'a [Coding], doc: &str) -> &'a [Coding] {
    let lo = codings.partition_point(|c| c.document.0.as_str() < doc);
    let hi = lo + codings[lo..].partition_point(|c| c.document.0 == doc);
    &codings[lo..hi]
}

fn count_codes(codings: &[Coding], codebook: &Codebook, row: &mut [usize]) {
    row.iter_mut().for_each(|n| *n = 0);
    for c in codings {
        if let Some(k) = codebook.index_of(&c.code) {
            row[k] += 1;
        }
    }
}

impl SpanwiseApp {
    pub(in crate::ui) fn refresh_derived(&mut self) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let doc_id = self
            .document()
            .map(|d| d.meta.id.0.clone())
            .unwrap_or_default();
        let key = (ws.revision(), self.current_doc, ws.coder().to_string());
        if self.derived.key.as_ref() == Some(&key) {
            return;
        }
        let project = ws.project();
        let codings = project
            .coder(ws.coder())
            .map(|f| f.codings.as_slice())
            .unwrap_or(&[]);
        let reach = match &self.derived.key {
            Some((rev, _, coder)) if coder == ws.coder() => ws.reach_since(*rev),
            _ => Reach::Everything,
        };
        let docs = &project.corpus.documents;
        let codes = project.codebook.codes.len();
        let fits = self.derived.counts.len() == docs.len()
            && self.derived.counts.first().is_none_or(|r| r.len() == codes);
        match reach {
            Reach::NoCodings if fits => {}
            Reach::Documents(reached) if fits => {
                let me = coder_file_stem(ws.coder());
                for (_, doc) in reached.iter().filter(|(c, _)| coder_file_stem(c) == me) {
                    if let Some(d) = project.corpus.index_of(doc) {
                        let range = document_range(codings, &doc.0);
                        count_codes(range, &project.codebook, &mut self.derived.counts[d]);
                    }
                }
            }
            _ => self.derived.counts = all_counts(codings, project),
        }
        let doc_codings = document_range(codings, &doc_id);
        self.derived.highlights = HighlightIndex::new(doc_codings.iter(), &project.codebook);
        self.derived.key = Some(key);
    }

    /// Per-code counts of the current coder's codings in document `index`.
    pub fn counts(&self, index: usize) -> &[usize] {
        self.derived.counts.get(index).map_or(&[], Vec::as_slice)
    }
}

/// Every document's per-code counts, in one pass over the coder's codings.
fn all_counts(codings: &[Coding], project: &crate::model::project::Project) -> Vec<Vec<usize>> {
    let mut counts = vec![vec![0; project.codebook.codes.len()]; project.corpus.documents.len()];
    let doc_index: std::collections::HashMap<&DocId, usize> = project
        .corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (&d.meta.id, i))
        .collect();
    let mut current: Option<(&DocId, Option<usize>)> = None;
    for c in codings {
        let d = match current {
            Some((id, d)) if id == &c.document => d,
            _ => {
                let d = doc_index.get(&c.document).copied();
                current = Some((&c.document, d));
                d
            }
        };
        if let (Some(d), Some(k)) = (d, project.codebook.index_of(&c.code)) {
            counts[d][k] += 1;
        }
    }
    counts
}
