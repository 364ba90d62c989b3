//! The corpus: the documents of a project and their texts.

use serde::{Deserialize, Serialize};

use crate::model::text::DocText;
pub use crate::model::text::sha256_hex;

/// Stable identifier of a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl DocId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A document's entry in `project.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Stable id, referenced by codings.
    pub id: DocId,
    /// Path of the text, relative to the project folder (`corpus/…`).
    pub path: String,
    /// Title (the article's headline).
    pub title: String,
    /// Publication date as stated by the text (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Publisher or origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// SHA-256 of the text file, lower-case hex.
    pub sha256: String,
    /// The memo on this document as older Spanwise versions stored it in `project.ron`; coders now
    /// keep their document memos in their own file ([`crate::model::coder::CoderFile`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
}

/// A document with its text loaded (or the reason it could not be).
#[derive(Debug, Clone)]
pub struct Document {
    /// The entry from `project.ron`.
    pub meta: DocumentMeta,
    /// The text, `None` when the file is missing or unreadable.
    pub text: Option<DocText>,
}

impl Document {
    /// A document made in memory (importers' previews, generators, tests): stored under
    /// `corpus/<id>.txt`, its SHA-256 taken from the text, no date, source or memo.
    pub fn in_memory(id: impl Into<String>, title: impl Into<String>, text: &str) -> Self {
        let id = id.into();
        Self {
            meta: DocumentMeta {
                path: format!("corpus/{id}.txt"),
                id: DocId(id),
                title: title.into(),
                date: None,
                source: None,
                sha256: sha256_hex(text.as_bytes()),
                memo: String::new(),
            },
            text: Some(DocText::new(text)),
        }
    }

    /// The text, or an empty one when it is missing.
    pub fn text_or_empty(&self) -> DocText {
        self.text.clone().unwrap_or_else(|| DocText::new(""))
    }
}

/// The documents of a project, in project order.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Documents in the order of `project.ron`.
    pub documents: Vec<Document>,
}

impl Corpus {
    /// The document with this id.
    pub fn get(&self, id: &DocId) -> Option<&Document> {
        self.documents.iter().find(|d| &d.meta.id == id)
    }

    /// Position of a document in project order.
    pub fn index_of(&self, id: &DocId) -> Option<usize> {
        self.documents.iter().position(|d| &d.meta.id == id)
    }

    /// Every document's position in project order, by id (for many lookups in a row).
    pub fn positions(&self) -> std::collections::HashMap<&DocId, usize> {
        self.documents
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.meta.id, i))
            .collect()
    }
}

/// Title and date read from a news text: the date from a leading ` date YYYY-MM ` marker, the title
/// from the first non-empty line (after the marker), cut at its first sentence when long.
pub fn headline_and_date(text: &str) -> (String, Option<String>) {
    let mut rest = text.trim_start_matches('\u{feff}');
    let mut date = None;
    if let Some(after) = rest.trim_start().strip_prefix("date ") {
        let value: String = after
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        if !value.is_empty() {
            date = Some(value.clone());
            rest = &after[value.len()..];
        }
    }
    let line = rest
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    (shorten_headline(line), date)
}

fn shorten_headline(line: &str) -> String {
    const MAX: usize = 90;
    if line.chars().count() <= MAX {
        return line.to_string();
    }
    let cut: String = line.chars().take(MAX).collect();
    match cut.rfind(". ") {
        Some(i) if i > 20 => cut[..=i].to_string(),
        _ => format!("{}…", cut.trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_date_marker_and_headline() {
        let (title, date) = headline_and_date(
            " date 2018-01 So will Huawei Duisburg zu einer Smart City machen\n\nText",
        );
        assert_eq!(date.as_deref(), Some("2018-01"));
        assert_eq!(title, "So will Huawei Duisburg zu einer Smart City machen");
    }

    #[test]
    fn sha_is_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
