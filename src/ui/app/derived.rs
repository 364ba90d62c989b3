//! Data the panels derive from the project for the open document (highlights, per-document
//! counts), rebuilt only when the project's revision, the document or the coder changes.

use super::SpanwiseApp;
use crate::ui::highlights::HighlightIndex;

/// Data derived from the project for the current document, rebuilt when either changes.
#[derive(Debug, Default)]
pub(super) struct Derived {
    key: Option<(u64, usize, String)>,
    pub(super) highlights: HighlightIndex,
    /// Per document, per code (codebook order): the current coder's coding counts.
    counts: Vec<Vec<usize>>,
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
        // coder files are kept sorted by document first, so one document's codings are a range
        let lo = codings.partition_point(|c| c.document.0.as_str() < doc_id.as_str());
        let hi = lo + codings[lo..].partition_point(|c| c.document.0 == doc_id);
        let highlights = HighlightIndex::new(codings[lo..hi].iter(), &project.codebook);
        let mut counts =
            vec![vec![0; project.codebook.codes.len()]; project.corpus.documents.len()];
        let doc_index: std::collections::HashMap<_, _> = project
            .corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.meta.id, i))
            .collect();
        let mut current: Option<(&crate::model::corpus::DocId, Option<usize>)> = None;
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
        self.derived = Derived {
            key: Some(key),
            highlights,
            counts,
        };
    }

    /// Per-code counts of the current coder's codings in document `index`.
    pub fn counts(&self, index: usize) -> &[usize] {
        self.derived.counts.get(index).map_or(&[], Vec::as_slice)
    }
}
