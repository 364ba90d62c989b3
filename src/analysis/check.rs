//! Checking a project's codings against its texts: every quote equals the text at its offsets, and
//! every coded document and code exists. The command line's `spanwise check` prints these.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::model::coding::CodingId;
use crate::model::corpus::{DocId, sha256_hex};
use crate::model::project::Project;
use crate::model::span::Span;

/// One thing wrong in a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckProblem {
    /// A file could not be loaded (missing text, unreadable coder file).
    Load {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A document's text no longer has the SHA-256 recorded in `project.ron`.
    TextChanged {
        /// The document.
        document: DocId,
        /// Recorded hash.
        expected: String,
        /// Hash of the text now.
        found: String,
    },
    /// Something wrong with one coding.
    Coding {
        /// The coder file.
        file: PathBuf,
        /// The coding.
        id: CodingId,
        /// Its document.
        document: DocId,
        /// Its span.
        span: Span,
        /// What is wrong.
        issue: CodingIssue,
    },
}

/// What is wrong with a coding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodingIssue {
    /// The document is not in the project.
    UnknownDocument,
    /// The document's text is missing.
    MissingText,
    /// The code is not in the codebook.
    UnknownCode(String),
    /// The span is empty or leaves the text.
    BadSpan {
        /// Text length in chars.
        len: usize,
    },
    /// The stored quote differs from the text at the offsets.
    QuoteMismatch {
        /// The stored quote.
        expected: String,
        /// The text at the offsets now.
        found: String,
    },
}

impl std::fmt::Display for CheckProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckProblem::Load { path, message } => write!(f, "{}: {message}", path.display()),
            CheckProblem::TextChanged {
                document,
                expected,
                found,
            } => write!(
                f,
                "document `{document}`: text changed since it was added (sha256 {found}, project.ron says {expected})"
            ),
            CheckProblem::Coding {
                file,
                id,
                document,
                span,
                issue,
            } => {
                write!(
                    f,
                    "{}: coding {id} (document `{document}`, {}..{}): ",
                    file.display(),
                    span.start,
                    span.end
                )?;
                match issue {
                    CodingIssue::UnknownDocument => write!(f, "document is not in the project"),
                    CodingIssue::MissingText => write!(f, "document text is missing"),
                    CodingIssue::UnknownCode(code) => {
                        write!(f, "code `{code}` is not in the codebook")
                    }
                    CodingIssue::BadSpan { len } => {
                        write!(f, "span is empty or leaves the text ({len} chars)")
                    }
                    CodingIssue::QuoteMismatch { expected, found } => {
                        write!(
                            f,
                            "quote does not match the text: expected {expected:?}, found {found:?}"
                        )
                    }
                }
            }
        }
    }
}

/// Everything wrong in a project, in file order; empty when all holds.
pub fn check_project(project: &Project) -> Vec<CheckProblem> {
    let mut problems: Vec<CheckProblem> = project
        .problems
        .iter()
        .map(|p| CheckProblem::Load {
            path: p.path.clone(),
            message: p.message.clone(),
        })
        .collect();
    for doc in &project.corpus.documents {
        if let Some(text) = &doc.text {
            let found = sha256_hex(text.as_str().as_bytes());
            if found != doc.meta.sha256 {
                problems.push(CheckProblem::TextChanged {
                    document: doc.meta.id.clone(),
                    expected: doc.meta.sha256.clone(),
                    found,
                });
            }
        }
    }
    let docs: HashMap<&DocId, _> = project
        .corpus
        .documents
        .iter()
        .map(|d| (&d.meta.id, d))
        .collect();
    let codes: HashSet<&str> = project
        .codebook
        .codes
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    for file in project.coders.values() {
        let path = project.coder_path(&file.coder);
        for coding in &file.codings {
            let span = coding.span();
            let issue = |issue| CheckProblem::Coding {
                file: path.clone(),
                id: coding.id,
                document: coding.document.clone(),
                span,
                issue,
            };
            if !codes.contains(coding.code.as_str()) {
                problems.push(issue(CodingIssue::UnknownCode(coding.code.0.clone())));
            }
            let Some(doc) = docs.get(&coding.document) else {
                problems.push(issue(CodingIssue::UnknownDocument));
                continue;
            };
            let Some(text) = &doc.text else {
                problems.push(issue(CodingIssue::MissingText));
                continue;
            };
            match text.slice(span).filter(|_| !span.is_empty()) {
                None => problems.push(issue(CodingIssue::BadSpan {
                    len: text.char_len(),
                })),
                Some(found) if found != coding.quote => {
                    problems.push(issue(CodingIssue::QuoteMismatch {
                        expected: coding.quote.clone(),
                        found: found.to_string(),
                    }))
                }
                Some(_) => {}
            }
        }
    }
    problems
}
