//! Which documents agreement figures use: by default only those every compared coder has marked
//! done, so a document a coder has not finished does not count as "coded nothing". Every
//! document left out is named with its reason.

use serde::Serialize;

use crate::model::coder::{CoderFile, Progress};
use crate::model::corpus::DocId;
use crate::model::project::Project;

/// Which documents enter the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentRule {
    /// Only documents every compared coder has marked done (the default).
    #[default]
    Finished,
    /// Every document with a text, finished or not (`--include-unfinished`).
    All,
}

impl DocumentRule {
    /// The rule in one sentence, as reports state it.
    pub fn description(self) -> &'static str {
        match self {
            DocumentRule::Finished => {
                "Only documents that every compared coder has marked done are used; a document a coder has not finished would count as coded nothing."
            }
            DocumentRule::All => {
                "Every document with a text is used, also those a coder has not marked done (--include-unfinished): what a coder has not coded yet counts as coded nothing."
            }
        }
    }
}

/// One coder's progress with a document, where it is not done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unfinished {
    /// The coder's name.
    pub coder: String,
    /// How far they got.
    pub progress: Progress,
}

/// A document the figures use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UsedDocument {
    /// Its id.
    pub id: DocId,
    /// Its title.
    pub title: String,
    /// Coders who have not marked it done (empty under [`DocumentRule::Finished`]).
    pub unfinished_by: Vec<Unfinished>,
}

/// Why a document is left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftOutReason {
    /// These coders have not marked it done.
    Unfinished(Vec<Unfinished>),
    /// Its text is missing or could not be read, so its codings cannot be placed.
    NoText,
}

impl std::fmt::Display for LeftOutReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LeftOutReason::Unfinished(by) => write!(f, "not done by {}", unfinished_list(by)),
            LeftOutReason::NoText => write!(f, "its text is missing"),
        }
    }
}

/// "ben (in progress), carl (not started)".
pub fn unfinished_list(by: &[Unfinished]) -> String {
    let names: Vec<String> = by
        .iter()
        .map(|u| format!("{} ({})", u.coder, u.progress.label()))
        .collect();
    names.join(", ")
}

/// A document the figures leave out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// Its id.
    pub id: DocId,
    /// Its title.
    pub title: String,
    /// Why.
    pub reason: LeftOutReason,
}

/// The documents used and left out, in project order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DocumentChoice {
    /// The rule applied.
    pub rule: DocumentRule,
    /// Documents the figures use.
    pub used: Vec<UsedDocument>,
    /// Documents the figures leave out.
    pub left_out: Vec<LeftOut>,
}

impl DocumentChoice {
    /// One line: "4 of 5 documents used (…); left out: id (reason); …".
    pub fn summary(&self) -> String {
        let total = self.used.len() + self.left_out.len();
        let mut out = format!("{} of {total} documents used", self.used.len());
        let unfinished: Vec<&UsedDocument> = self
            .used
            .iter()
            .filter(|d| !d.unfinished_by.is_empty())
            .collect();
        if !unfinished.is_empty() {
            out.push_str(&format!(
                ", {} of them not done by every coder (counted because unfinished documents are included)",
                unfinished.len()
            ));
        }
        if !self.left_out.is_empty() {
            let list: Vec<String> = self
                .left_out
                .iter()
                .take(SUMMARY_LISTS)
                .map(|d| format!("{} ({})", d.id, d.reason))
                .collect();
            out.push_str(&format!("; left out: {}", list.join("; ")));
            let more = self.left_out.len().saturating_sub(SUMMARY_LISTS);
            if more > 0 {
                out.push_str(&format!(
                    "; and {more} more (the JSON output lists every document)"
                ));
            }
        }
        out
    }
}

/// Left-out documents a [`DocumentChoice::summary`] names one by one; the rest are counted.
pub const SUMMARY_LISTS: usize = 10;

/// Chooses the documents by `rule` for the given coders' files.
pub fn choose(project: &Project, files: &[&CoderFile], rule: DocumentRule) -> DocumentChoice {
    let mut choice = DocumentChoice {
        rule,
        ..Default::default()
    };
    for doc in &project.corpus.documents {
        let (id, title) = (doc.meta.id.clone(), doc.meta.title.clone());
        let unfinished: Vec<Unfinished> = files
            .iter()
            .filter_map(|f| {
                let progress = f.progress_of(&id);
                (progress != Progress::Done).then(|| Unfinished {
                    coder: f.coder.clone(),
                    progress,
                })
            })
            .collect();
        let reason = if doc.text.is_none() {
            Some(LeftOutReason::NoText)
        } else if rule == DocumentRule::Finished && !unfinished.is_empty() {
            Some(LeftOutReason::Unfinished(unfinished.clone()))
        } else {
            None
        };
        match reason {
            Some(reason) => choice.left_out.push(LeftOut { id, title, reason }),
            None => choice.used.push(UsedDocument {
                id,
                title,
                unfinished_by: unfinished,
            }),
        }
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_left_out_list_is_named_in_part_and_counted() {
        let left_out = |n: usize| -> Vec<LeftOut> {
            (0..n)
                .map(|i| LeftOut {
                    id: DocId(format!("doc{i:02}")),
                    title: format!("Article {i}"),
                    reason: LeftOutReason::NoText,
                })
                .collect()
        };
        let few = DocumentChoice {
            left_out: left_out(3),
            ..Default::default()
        };
        assert!(few.summary().contains("doc02"), "{}", few.summary());
        assert!(!few.summary().contains("more"), "{}", few.summary());
        let many = DocumentChoice {
            left_out: left_out(SUMMARY_LISTS + 2),
            ..Default::default()
        };
        let s = many.summary();
        assert!(
            s.starts_with("0 of 12 documents used; left out: doc00"),
            "{s}"
        );
        assert!(s.contains("doc09") && !s.contains("doc10"), "{s}");
        assert!(
            s.ends_with("and 2 more (the JSON output lists every document)"),
            "{s}"
        );
    }
}
