//! What an agreement report is asked for: rows per code or per document, which documents,
//! how documents combine into corpus figures, and the reference coder.

use serde::Serialize;

use super::documents::DocumentRule;
use super::units::DOCUMENTS_COMBINED;

/// What the rows of a report break the figures down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    /// One row per code, over the whole corpus.
    #[default]
    Code,
    /// One row per document, over all codes.
    Document,
}

/// How the corpus figures (code rows and the overall row) combine the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Average {
    /// The used documents end to end as one continuum ([`DOCUMENTS_COMBINED`]).
    #[default]
    Corpus,
    /// Each document on its own, then the mean over documents (as INCEpTION reports it).
    Documents,
}

impl Average {
    /// The rule in one sentence.
    pub fn description(self) -> &'static str {
        match self {
            Average::Corpus => DOCUMENTS_COMBINED,
            Average::Documents => {
                "Corpus figures are document averages: every figure is computed on each used document alone, then averaged over the documents where it is defined (as INCEpTION reports them); counts are summed. The coder matrix stays on the documents laid end to end."
            }
        }
    }
}

/// What to compute.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Options {
    /// Rows per code or per document.
    pub grouping: Grouping,
    /// Which documents are used.
    pub documents: DocumentRule,
    /// How documents combine into corpus figures.
    pub average: Average,
    /// The coder precision and recall are measured against (default: the first compared coder).
    pub reference: Option<String>,
}

impl Options {
    /// The defaults with rows by `grouping`.
    pub fn by(grouping: Grouping) -> Self {
        Self {
            grouping,
            ..Self::default()
        }
    }

    /// Every document, finished or not (for data without progress, such as generated studies).
    pub fn all_documents(grouping: Grouping) -> Self {
        Self {
            grouping,
            documents: DocumentRule::All,
            ..Self::default()
        }
    }
}
