//! Coders and their files: each coder writes only `coding/<coder>.ron`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::coding::{Coding, CodingId};
use crate::model::corpus::DocId;
use crate::model::variable::{DocumentValues, Number, VariableId};

/// How far a coder has got with a document.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Progress {
    /// Not opened for coding yet.
    #[default]
    NotStarted,
    /// Being coded.
    InProgress,
    /// Finished.
    Done,
}

impl Progress {
    /// All states, in order.
    pub const ALL: [Progress; 3] = [Progress::NotStarted, Progress::InProgress, Progress::Done];

    /// Label for the document list.
    pub fn label(self) -> &'static str {
        match self {
            Progress::NotStarted => "not started",
            Progress::InProgress => "in progress",
            Progress::Done => "done",
        }
    }
}

/// A place where a reviewer decided that none of the compared coders' codings belong in the
/// consensus: the document and the char span of the difference.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Rejection {
    /// The document.
    pub document: DocId,
    /// First char of the difference.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
}

/// Format version of coder files.
pub const CODER_FORMAT_VERSION: u32 = 1;

/// The contents of one `coding/<coder>.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoderFile {
    /// Format version of this file.
    pub format_version: u32,
    /// The coder's name as they typed it.
    pub coder: String,
    /// How far this coder has got with each document (absent: not started).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub progress: BTreeMap<DocId, Progress>,
    /// This coder's memos on documents. An entry (even an empty one) overrides the memo an
    /// older `project.ron` held for that document.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub document_memos: BTreeMap<DocId, String>,
    /// SHA-256 of each document's text that this file's offsets refer to (written on save), so
    /// a text changed since can be diffed against exactly that version.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub texts: BTreeMap<DocId, String>,
    /// The codesheet: this coder's value of each document variable, per document (absent: not
    /// filled in).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub variables: DocumentValues,
    /// Places a reviewer decided to code nothing at ("neither", in a consensus file), sorted;
    /// absent in older files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
    /// Codings, sorted by document, start, end, code and id.
    pub codings: Vec<Coding>,
}

impl CoderFile {
    /// An empty file for a coder.
    pub fn new(coder: &str) -> Self {
        Self {
            format_version: CODER_FORMAT_VERSION,
            coder: coder.to_string(),
            progress: BTreeMap::new(),
            document_memos: BTreeMap::new(),
            texts: BTreeMap::new(),
            variables: BTreeMap::new(),
            rejected: Vec::new(),
            codings: Vec::new(),
        }
    }

    /// True when the reviewer decided "neither" at this place.
    pub fn is_rejected(&self, rejection: &Rejection) -> bool {
        self.rejected.binary_search(rejection).is_ok()
    }

    /// Records or clears a "neither" decision; returns whether it was recorded before.
    pub fn set_rejected(&mut self, rejection: Rejection, rejected: bool) -> bool {
        match (self.rejected.binary_search(&rejection), rejected) {
            (Ok(_), true) => true,
            (Ok(at), false) => {
                self.rejected.remove(at);
                true
            }
            (Err(at), true) => {
                self.rejected.insert(at, rejection);
                false
            }
            (Err(_), false) => false,
        }
    }

    /// Puts the codings in their canonical order.
    pub fn sort(&mut self) {
        self.codings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }

    /// The coding with this id.
    pub fn get(&self, id: CodingId) -> Option<&Coding> {
        self.codings.iter().find(|c| c.id == id)
    }

    /// The next free coding id.
    pub fn next_id(&self) -> CodingId {
        let max = self.codings.iter().map(|c| c.id.0).max().unwrap_or(0);
        match max.checked_add(1) {
            Some(next) => CodingId(next),
            // ids were edited up to u64::MAX: take the smallest free one
            None => {
                let used: std::collections::HashSet<u64> =
                    self.codings.iter().map(|c| c.id.0).collect();
                CodingId((1..).find(|i| !used.contains(i)).unwrap_or(1))
            }
        }
    }

    /// This coder's progress with a document.
    pub fn progress_of(&self, doc: &DocId) -> Progress {
        self.progress.get(doc).copied().unwrap_or_default()
    }

    /// This coder's own memo on a document, if the file holds one.
    pub fn document_memo(&self, doc: &DocId) -> Option<&str> {
        self.document_memos.get(doc).map(String::as_str)
    }

    /// This coder's value of a variable for a document, if filled in.
    pub fn value_of(&self, doc: &DocId, variable: &VariableId) -> Option<Number> {
        self.variables.get(doc)?.get(variable).copied()
    }

    /// The codings of one document, in text order.
    pub fn in_document<'a>(&'a self, doc: &'a DocId) -> impl Iterator<Item = &'a Coding> + 'a {
        self.codings.iter().filter(move |c| &c.document == doc)
    }

    /// The codings of one document found by binary search, O(log n): for files in their
    /// canonical order ([`CoderFile::sort`]), which loading establishes and every edit keeps
    /// (the window's files are always in it). [`CoderFile::in_document`] reads any order.
    pub fn document_codings(&self, doc: &DocId) -> &[Coding] {
        let codings = &self.codings[..];
        let lo = codings.partition_point(|c| c.document.0.as_str() < doc.0.as_str());
        let hi = lo + codings[lo..].partition_point(|c| &c.document == doc);
        &codings[lo..hi]
    }
}

/// The file name a coder's codings are stored under: letters, digits, `-`, `_` and `.` kept,
/// everything else replaced by `_`.
pub fn coder_file_stem(coder: &str) -> String {
    let stem: String = coder
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = stem.trim_start_matches('.').to_string();
    if stem.is_empty() {
        "coder".into()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coder_names_become_safe_file_stems() {
        assert_eq!(coder_file_stem("Anna Müller"), "Anna_Müller");
        assert_eq!(coder_file_stem("../evil"), "_evil");
        assert_eq!(coder_file_stem("  "), "coder");
    }
}
