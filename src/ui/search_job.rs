//! Corpus search as a job: over a corpus of more than [`BACKGROUND_BYTES`] of text, folding the
//! corpus and finding the first pages of hits run on a worker thread, so typing never waits.
//! The panel asks for a search ([`SearchJob::ask`]); after its pass the shell starts the job
//! and cancels an older one; the hits show when the job is back, and only if they are still
//! those of the query being shown.

use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::search::{CorpusSearch, SearchCount, SearchOptions};
use crate::model::corpus::Corpus;
use crate::model::project::Project;

use super::app::SpanwiseApp;
use super::i18n::tr;
use super::jobs::JobKind;
use super::search::CONTEXT;

/// Above this much text (bytes) the corpus is searched by a job.
pub const BACKGROUND_BYTES: usize = 1_000_000;

/// A query, its options and how many hits to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchKey {
    /// The query as typed.
    pub query: String,
    /// How it is matched.
    pub options: SearchOptions,
    /// Hits listed.
    pub limit: usize,
}

/// A search for a job to run: the corpus to fold, or its index folded already.
#[derive(Debug)]
struct SearchRequest {
    key: SearchKey,
    root: PathBuf,
    docs: usize,
    index: Option<Arc<CorpusSearch>>,
    corpus: Option<Corpus>,
}

/// The panel's search jobs: the one asked for, and the one whose result is awaited.
#[derive(Debug, Default)]
pub struct SearchJob {
    /// The search whose hits are awaited (a result for any other is dropped).
    pub(super) searching: Option<SearchKey>,
    request: Option<SearchRequest>,
}

impl SearchJob {
    /// Asks for a search of `key` over the project's corpus (with its index, if it fits).
    pub(super) fn ask(
        &mut self,
        key: SearchKey,
        project: &Project,
        index: Option<Arc<CorpusSearch>>,
    ) {
        let corpus = index.is_none().then(|| project.corpus.clone());
        self.request = Some(SearchRequest {
            key: key.clone(),
            root: project.root.clone(),
            docs: project.corpus.documents.len(),
            index,
            corpus,
        });
        self.searching = Some(key);
    }
}

/// Bytes of text in the corpus.
pub fn corpus_bytes(corpus: &Corpus) -> usize {
    corpus
        .documents
        .iter()
        .filter_map(|d| d.text.as_ref())
        .map(|t| t.as_str().len())
        .sum()
}

impl SpanwiseApp {
    /// After the search panel's pass: starts the search it asked for, cancelling older ones.
    pub(super) fn start_search_job(&mut self) {
        let Some(request) = self.search.job.request.take() else {
            return;
        };
        self.jobs.cancel(JobKind::Search);
        self.jobs
            .spawn(JobKind::Search, tr("job-search"), move |progress| {
                let SearchRequest {
                    key,
                    root,
                    docs,
                    index,
                    corpus,
                } = request;
                let index = index.unwrap_or_else(|| {
                    let corpus = corpus.expect("a corpus when there is no index");
                    Arc::new(CorpusSearch::new(&corpus, key.options))
                });
                let query = key.query.trim();
                let found = (!progress.is_cancelled())
                    .then(|| (index.hits(query, CONTEXT, key.limit), index.count(query)));
                Box::new(move |app: &mut SpanwiseApp| {
                    let search = &mut app.search;
                    search.keep_index(root, docs, index);
                    if search.searching_for(&key) {
                        search.job.searching = None;
                        // cancelled from the status bar: no hits, and not asked again
                        let (hits, count) =
                            found.unwrap_or_else(|| (Vec::new(), SearchCount::default()));
                        search.show_results(key, hits, count);
                    }
                })
            });
    }
}

impl super::search::SearchPanel {
    /// Whether the hits of `key` are the ones awaited.
    fn searching_for(&self, key: &SearchKey) -> bool {
        self.job.searching.as_ref() == Some(key)
    }
}
