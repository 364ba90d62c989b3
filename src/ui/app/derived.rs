//! Data the panels derive from the project for the open document (highlights, per-document and
//! per-code counts). The counts are kept per coder, document and code and updated from each
//! change: the workspace's journal says which (coder, document) pairs a change reached, and only
//! those rows are recounted, so a new coding costs the same on a project of 300,000 codings as on
//! one of 300. A codebook or corpus change, or a new coder, rebuilds the tables.

use std::collections::{BTreeSet, HashMap};

use super::SpanwiseApp;
use crate::edit::workspace::journal::Reach;
use crate::model::codebook::{CodeId, Codebook};
use crate::model::coder::coder_file_stem;
use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::ui::code_tree::CodeCounts;
use crate::ui::highlights::HighlightIndex;

/// What the derived data was built for: revision, document, coder, code filter.
type Key = (u64, usize, String, Option<BTreeSet<CodeId>>);

/// Data derived from the project for the current document, rebuilt when either changes.
#[derive(Debug, Default)]
pub(super) struct Derived {
    key: Option<Key>,
    pub(super) highlights: HighlightIndex,
    /// Counts per coder, document and code, with their totals.
    tables: Tables,
    /// Per document: the current coder's number of codings.
    doc_codings: Vec<usize>,
    /// Per code (codebook order): codings in this article and the corpus, mine and everyone's.
    pub(super) code_counts: Vec<CodeCounts>,
}

/// Codings per document and code, and per code over the corpus.
#[derive(Debug, Default, Clone)]
struct Table {
    rows: Vec<Vec<usize>>,
    totals: Vec<usize>,
}

impl Table {
    fn new(docs: usize, codes: usize) -> Self {
        Self {
            rows: vec![vec![0; codes]; docs],
            totals: vec![0; codes],
        }
    }

    /// Replaces a document's row; returns what changed per code.
    fn set_row(&mut self, doc: usize, row: Vec<usize>) -> Vec<isize> {
        let delta: Vec<isize> = row
            .iter()
            .zip(&self.rows[doc])
            .map(|(new, old)| *new as isize - *old as isize)
            .collect();
        self.add(doc, &delta);
        delta
    }

    fn add(&mut self, doc: usize, delta: &[isize]) {
        for (k, d) in delta.iter().enumerate() {
            self.rows[doc][k] = self.rows[doc][k].saturating_add_signed(*d);
            self.totals[k] = self.totals[k].saturating_add_signed(*d);
        }
    }
}

/// Every coder's table (by coder file stem) and their sum.
#[derive(Debug, Default)]
struct Tables {
    shape: (usize, usize),
    coders: HashMap<String, Table>,
    all: Table,
}

impl Tables {
    /// Counts every coding of every coder.
    fn build(project: &Project) -> Self {
        let shape = (project.corpus.documents.len(), project.codebook.codes.len());
        let doc_index = project.corpus.positions();
        let code_index = code_index(&project.codebook);
        let mut all = Table::new(shape.0, shape.1);
        let mut coders = HashMap::new();
        for (stem, file) in &project.coders {
            let mut table = Table::new(shape.0, shape.1);
            for c in &file.codings {
                if let (Some(&d), Some(&k)) = (doc_index.get(&c.document), code_index.get(&c.code))
                {
                    table.rows[d][k] += 1;
                    table.totals[k] += 1;
                    all.rows[d][k] += 1;
                    all.totals[k] += 1;
                }
            }
            coders.insert(stem.clone(), table);
        }
        Self { shape, coders, all }
    }

    /// Recounts the rows a change reached; false when the tables no longer fit the project.
    fn update(&mut self, project: &Project, reached: &BTreeSet<(String, DocId)>) -> bool {
        let shape = (project.corpus.documents.len(), project.codebook.codes.len());
        if shape != self.shape {
            return false;
        }
        let code_index = code_index(&project.codebook);
        for (coder, doc) in reached {
            let Some(d) = project.corpus.index_of(doc) else {
                continue;
            };
            let codings = project
                .coder(coder)
                .map_or(&[][..], |f| f.document_codings(doc));
            let mut row = vec![0; shape.1];
            for c in codings {
                if let Some(&k) = code_index.get(&c.code) {
                    row[k] += 1;
                }
            }
            let table = self
                .coders
                .entry(coder_file_stem(coder))
                .or_insert_with(|| Table::new(shape.0, shape.1));
            let delta = table.set_row(d, row);
            self.all.add(d, &delta);
        }
        true
    }
}

fn code_index(codebook: &Codebook) -> HashMap<&CodeId, usize> {
    codebook
        .codes
        .iter()
        .enumerate()
        .map(|(i, c)| (&c.id, i))
        .collect()
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
        let reach = match &self.derived.key {
            Some((rev, ..)) => ws.reach_since(*rev),
            None => Reach::Everything,
        };
        let fresh = match &reach {
            Reach::NoCodings => {
                self.derived.tables.shape
                    != (project.corpus.documents.len(), project.codebook.codes.len())
            }
            Reach::Documents(reached) => !self.derived.tables.update(project, reached),
            Reach::Everything => true,
        };
        if fresh {
            self.derived.tables = Tables::build(project);
        }
        let codings = project
            .coder(ws.coder())
            .map_or(&[][..], |f| f.document_codings(&doc_id));
        let shown = codings
            .iter()
            .filter(|c| key.3.as_ref().is_none_or(|f| f.contains(&c.code)));
        self.derived.highlights = HighlightIndex::new(shown, &project.codebook);
        let tables = &self.derived.tables;
        let empty = Table::new(tables.shape.0, tables.shape.1);
        let mine = tables
            .coders
            .get(&coder_file_stem(ws.coder()))
            .unwrap_or(&empty);
        self.derived.doc_codings = mine.rows.iter().map(|r| r.iter().sum()).collect();
        let here = self.current_doc;
        self.derived.code_counts = (0..tables.shape.1)
            .map(|k| CodeCounts {
                mine_here: mine.rows.get(here).map_or(0, |r| r[k]),
                mine_corpus: mine.totals[k],
                all_here: tables.all.rows.get(here).map_or(0, |r| r[k]),
                all_corpus: tables.all.totals[k],
            })
            .collect();
        self.derived.key = Some(key);
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
