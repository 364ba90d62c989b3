//! Data the panels derive from the project for the open document (highlights, per-document and
//! per-code counts), rebuilt only when the project's revision, the document, the coder or the
//! code filter changes.

use std::collections::{BTreeSet, HashMap};

use super::SpanwiseApp;
use crate::model::codebook::{CodeId, Codebook};
use crate::model::coding::Coding;
use crate::model::corpus::DocId;
use crate::ui::code_tree::CodeCounts;
use crate::ui::highlights::HighlightIndex;

/// What the derived data was built for: revision, document, coder, code filter.
type Key = (u64, usize, String, Option<BTreeSet<CodeId>>);

/// Data derived from the project for the current document, rebuilt when either changes.
#[derive(Debug, Default)]
pub(super) struct Derived {
    key: Option<Key>,
    pub(super) highlights: HighlightIndex,
    /// Per document: the current coder's number of codings.
    doc_codings: Vec<usize>,
    /// Per code (codebook order): codings in this article and the corpus, mine and everyone's.
    pub(super) code_counts: Vec<CodeCounts>,
}

impl SpanwiseApp {
    pub(in crate::ui) fn refresh_derived(&mut self) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let doc_id = self
            .document()
            .map(|d| d.meta.id.clone())
            .unwrap_or_else(|| DocId(String::new()));
        let filter = self.code_tree.filter_set(&ws.project().codebook);
        let key = (
            ws.revision(),
            self.current_doc,
            ws.coder().to_string(),
            filter,
        );
        if self.derived.key.as_ref() == Some(&key) {
            return;
        }
        let project = ws.project();
        let codings = project
            .coder(ws.coder())
            .map(|f| f.codings.as_slice())
            .unwrap_or(&[]);
        let mine = document_range(codings, &doc_id);
        let shown = mine
            .iter()
            .filter(|c| key.3.as_ref().is_none_or(|f| f.contains(&c.code)));
        let highlights = HighlightIndex::new(shown, &project.codebook);
        let doc_index: HashMap<_, _> = project
            .corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.meta.id, i))
            .collect();
        let mut doc_codings = vec![0; project.corpus.documents.len()];
        for c in codings {
            if let Some(&d) = doc_index.get(&c.document) {
                doc_codings[d] += 1;
            }
        }
        let mut code_counts = vec![CodeCounts::default(); project.codebook.codes.len()];
        let mut tally = |cs: &[Coding], mine: bool| {
            count_codes(&project.codebook, cs, &doc_id, mine, &mut code_counts)
        };
        tally(codings, true);
        for file in project.coders.values() {
            tally(&file.codings, false);
        }
        self.derived = Derived {
            key: Some(key),
            highlights,
            doc_codings,
            code_counts,
        };
    }

    /// The current coder's number of codings in document `index`.
    pub fn document_codings_count(&self, index: usize) -> usize {
        self.derived.doc_codings.get(index).copied().unwrap_or(0)
    }

    /// Codings of each code (codebook order) in the open article and the corpus, the current
    /// coder's and every coder's.
    pub fn code_counts(&self) -> &[CodeCounts] {
        &self.derived.code_counts
    }
}

/// One document's codings: coder files are kept sorted by document first, so they are a range.
fn document_range<'a>(codings: &'a [Coding], doc: &DocId) -> &'a [Coding] {
    let lo = codings.partition_point(|c| c.document.0.as_str() < doc.0.as_str());
    let hi = lo + codings[lo..].partition_point(|c| &c.document == doc);
    &codings[lo..hi]
}

/// Adds one coder's codings to the per-code counts (as "mine" or as "all coders").
fn count_codes(
    codebook: &Codebook,
    codings: &[Coding],
    doc: &DocId,
    mine: bool,
    counts: &mut [CodeCounts],
) {
    let index: HashMap<&CodeId, usize> = codebook
        .codes
        .iter()
        .enumerate()
        .map(|(i, c)| (&c.id, i))
        .collect();
    for c in codings {
        let Some(&k) = index.get(&c.code) else {
            continue;
        };
        let here = usize::from(&c.document == doc);
        let n = &mut counts[k];
        if mine {
            n.mine_here += here;
            n.mine_corpus += 1;
        } else {
            n.all_here += here;
            n.all_corpus += 1;
        }
    }
}
