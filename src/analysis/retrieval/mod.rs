//! Retrieval: the coded segments of chosen codes, coders, articles and field values across the
//! whole corpus, each with its article's title and date, the code's path in the codebook, the
//! full coded text with a few words of context, the coder's memo and fields; sortable, and as
//! CSV or tab-separated text ([`table`]).
//!
//! This is the analyst's "show me every passage coded risk" list; it reads the project and never
//! changes it.

mod segment;
pub mod table;

use std::collections::{BTreeMap, BTreeSet};

pub use segment::Segment;
pub use table::{RetrievalError, to_csv, to_tsv, write_csv};

use crate::model::codebook::{CodeId, Codebook};
use crate::model::corpus::DocId;
use crate::model::project::Project;

/// Which codings to list: empty sets mean "all".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SegmentFilter {
    /// Codes to include (all when empty).
    pub codes: BTreeSet<CodeId>,
    /// Coder names to include (all when empty).
    pub coders: BTreeSet<String>,
    /// Articles to include (all when empty).
    pub documents: BTreeSet<DocId>,
    /// Only codings whose field matches (none: no condition).
    pub field: Option<FieldFilter>,
}

/// A condition on a coding's fields: the named field (any field when the name is empty) holds a
/// value containing `value`, ignoring case (any non-empty value when `value` is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FieldFilter {
    /// The field's name, or empty for any field.
    pub name: String,
    /// Text the value must contain.
    pub value: String,
}

impl FieldFilter {
    /// True when the fields meet the condition.
    pub fn matches(&self, fields: &BTreeMap<String, String>) -> bool {
        let wanted = self.value.trim().to_lowercase();
        fields
            .iter()
            .filter(|(name, _)| self.name.is_empty() || **name == self.name)
            .any(|(_, v)| !v.trim().is_empty() && v.to_lowercase().contains(&wanted))
    }
}

impl SegmentFilter {
    fn admits(&self, coder: &str, c: &crate::model::coding::Coding) -> bool {
        (self.coders.is_empty() || self.coders.contains(coder))
            && (self.codes.is_empty() || self.codes.contains(&c.code))
            && (self.documents.is_empty() || self.documents.contains(&c.document))
            && self.field.as_ref().is_none_or(|f| f.matches(&c.attributes))
    }
}

/// A code's names from the top of the codebook down to it, joined by ` › ` (a parent that is
/// missing or a loop ends the path).
pub fn code_path(codebook: &Codebook, id: &CodeId) -> String {
    let mut names = vec![codebook.name_of(id)];
    let mut seen: BTreeSet<&CodeId> = [id].into();
    let mut at = codebook.get(id).and_then(|c| c.parent.as_ref());
    while let Some(parent) = at {
        let Some(code) = codebook.get(parent).filter(|_| seen.insert(parent)) else {
            break;
        };
        names.push(code.name.clone());
        at = code.parent.as_ref();
    }
    names.reverse();
    names.join(" \u{203a} ")
}

/// What the list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SegmentSort {
    /// Project document (article) order, then position.
    #[default]
    Document,
    /// The article's date (undated first), then document and position.
    Date,
    /// Codebook order, then document and position.
    Code,
    /// Coder name, then document and position.
    Coder,
    /// Length of the quote in chars, then document and position.
    Length,
}

impl SegmentSort {
    /// All sort keys, in column order.
    pub const ALL: [SegmentSort; 5] = [
        SegmentSort::Document,
        SegmentSort::Date,
        SegmentSort::Code,
        SegmentSort::Coder,
        SegmentSort::Length,
    ];

    /// Column heading.
    pub fn label(self) -> &'static str {
        match self {
            SegmentSort::Document => "Article",
            SegmentSort::Date => "Date",
            SegmentSort::Code => "Code",
            SegmentSort::Coder => "Coder",
            SegmentSort::Length => "Length",
        }
    }
}

/// Chars of context on each side of a quote.
pub const CONTEXT_CHARS: usize = 60;

/// The coded segments that pass the filter, in document order.
pub fn segments(project: &Project, filter: &SegmentFilter) -> Vec<Segment> {
    let mut out = Vec::new();
    for file in project.coders.values() {
        for c in file
            .codings
            .iter()
            .filter(|c| filter.admits(&file.coder, c))
        {
            let Some(document_index) = project.corpus.index_of(&c.document) else {
                continue;
            };
            let doc = &project.corpus.documents[document_index];
            let span = c.span();
            let (before, quote, after) = match &doc.text {
                Some(text) => {
                    let (b, a) = text.context(span, CONTEXT_CHARS);
                    let q = text.slice(span).map_or(c.quote.clone(), str::to_string);
                    (b, q, a)
                }
                None => (String::new(), c.quote.clone(), String::new()),
            };
            out.push(Segment {
                coder: file.coder.clone(),
                id: c.id,
                document: c.document.clone(),
                document_index,
                title: doc.meta.title.clone(),
                date: doc.meta.date.clone(),
                code: c.code.clone(),
                code_name: project.codebook.name_of(&c.code),
                code_path: code_path(&project.codebook, &c.code),
                code_index: project.codebook.index_of(&c.code).unwrap_or(usize::MAX),
                span,
                before,
                quote,
                after,
                memo: c.memo.clone(),
                fields: c.attributes.clone(),
            });
        }
    }
    sort_segments(&mut out, SegmentSort::Document, false);
    out
}

/// Sorts segments by a key (ties broken by document, position, coder and id), optionally reversed.
pub fn sort_segments(list: &mut [Segment], by: SegmentSort, descending: bool) {
    let place = |s: &Segment| (s.document_index, s.span.start, s.span.end);
    list.sort_by(|a, b| {
        let primary = match by {
            SegmentSort::Document => std::cmp::Ordering::Equal,
            SegmentSort::Date => a.date.cmp(&b.date),
            SegmentSort::Code => a.code_index.cmp(&b.code_index),
            SegmentSort::Coder => a.coder.cmp(&b.coder),
            SegmentSort::Length => a.len().cmp(&b.len()),
        };
        let primary = if descending {
            primary.reverse()
        } else {
            primary
        };
        let rest = place(a)
            .cmp(&place(b))
            .then_with(|| a.coder.cmp(&b.coder))
            .then_with(|| a.id.cmp(&b.id));
        let rest = if descending && by == SegmentSort::Document {
            rest.reverse()
        } else {
            rest
        };
        primary.then(rest)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::coding::Coding;
    use crate::model::span::Span;

    fn project_with_codings() -> (tempfile::TempDir, Project) {
        let dir = tempfile::tempdir().unwrap();
        crate::storage::bundled::extract_to(dir.path()).unwrap();
        let mut p = crate::storage::load_project(dir.path()).unwrap();
        let add = |p: &mut Project, coder: &str, doc: usize, needle: &str, code: &str| {
            let d = &p.corpus.documents[doc];
            let text = d.text.as_ref().unwrap();
            let start = text.char_of_byte(text.as_str().find(needle).unwrap());
            let span = Span::new(start, start + needle.chars().count());
            let id = d.meta.id.clone();
            let coding: Coding = p
                .new_coding(coder, &id, &CodeId(code.into()), span)
                .unwrap();
            p.apply(crate::edit::command::Command::AddCoding {
                coder: coder.into(),
                coding,
            })
            .unwrap();
        };
        add(&mut p, "anna", 2, "Huawei", "risk");
        add(&mut p, "anna", 0, "äußerste Vorsicht", "risk");
        add(&mut p, "ben", 1, "Smart City", "claim");
        add(&mut p, "ben", 0, "Kommune", "risk");
        (dir, p)
    }

    #[test]
    fn filters_by_code_and_coder_and_sorts() {
        let (_dir, p) = project_with_codings();
        let all = segments(&p, &SegmentFilter::default());
        assert_eq!(all.len(), 4);
        let docs: Vec<usize> = all.iter().map(|s| s.document_index).collect();
        assert_eq!(docs, vec![0, 0, 1, 2], "document order");

        let risk = SegmentFilter {
            codes: [CodeId("risk".into())].into(),
            ..Default::default()
        };
        let mut list = segments(&p, &risk);
        assert_eq!(list.len(), 3);
        assert!(list.iter().all(|s| s.code_name == "risk"));
        sort_segments(&mut list, SegmentSort::Length, true);
        assert_eq!(list[0].quote, "äußerste Vorsicht");
        sort_segments(&mut list, SegmentSort::Coder, true);
        assert_eq!(list[0].coder, "ben");

        let ben = SegmentFilter {
            coders: ["ben".to_string()].into(),
            ..Default::default()
        };
        let mut list = segments(&p, &ben);
        sort_segments(&mut list, SegmentSort::Code, false);
        let codes: Vec<_> = list.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(codes, vec!["claim", "risk"], "codebook order");
    }

    #[test]
    fn segments_carry_keyword_in_context_and_go_to_csv() {
        let (_dir, p) = project_with_codings();
        let list = segments(&p, &SegmentFilter::default());
        let s = list
            .iter()
            .find(|s| s.quote == "äußerste Vorsicht")
            .unwrap();
        assert!(s.before.ends_with("als Kommune"), "{}", s.before);
        assert!(s.after.starts_with("walten lassen"), "{}", s.after);
        let csv = String::from_utf8(to_csv(&list).unwrap()).unwrap();
        let mut lines = csv.lines();
        assert_eq!(
            lines.next().unwrap(),
            "document,title,date,coder,code,code_path,coding_id,start,end,length,before,quote,after,memo,fields"
        );
        assert_eq!(csv.lines().count(), 5);
        assert!(csv.contains(",äußerste Vorsicht,"));
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(&rows[0][11], list[0].quote.as_str());
    }

    #[test]
    fn filters_by_article_and_field_value_and_names_the_code_path() {
        let (_dir, mut p) = project_with_codings();
        let child = crate::model::codebook::Code {
            parent: Some(CodeId("risk".into())),
            ..crate::model::codebook::Code::plain("spying", "#000000")
        };
        p.codebook.codes.push(child);
        let file = p.coders.get_mut("ben").unwrap();
        file.codings[0]
            .attributes
            .insert("actor".into(), "Huawei AG".into());
        file.codings[0].code = CodeId("spying".into());
        file.codings[0].memo = "check the source".into();
        let first_doc = p.corpus.documents[0].meta.id.clone();
        let in_first = SegmentFilter {
            documents: [first_doc.clone()].into(),
            ..Default::default()
        };
        let list = segments(&p, &in_first);
        assert_eq!(list.len(), 2);
        assert!(list.iter().all(|s| s.document == first_doc));
        let actor = SegmentFilter {
            field: Some(FieldFilter {
                name: "actor".into(),
                value: "huawei".into(),
            }),
            ..Default::default()
        };
        let list = segments(&p, &actor);
        assert_eq!(list.len(), 1, "one coding has an actor containing huawei");
        let s = &list[0];
        assert_eq!(s.code_path, "risk \u{203a} spying");
        assert_eq!(s.memo, "check the source");
        assert_eq!(s.fields_text(), "actor=Huawei AG");
        let other = FieldFilter {
            name: "actor".into(),
            value: "ZTE".into(),
        };
        assert!(
            segments(
                &p,
                &SegmentFilter {
                    field: Some(other),
                    ..Default::default()
                }
            )
            .is_empty()
        );
        let csv = String::from_utf8(to_csv(&list).unwrap()).unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(
            (&row[5], &row[13], &row[14]),
            (
                "risk \u{203a} spying",
                "check the source",
                "actor=Huawei AG"
            )
        );
        let tsv = to_tsv(&list).unwrap();
        assert!(tsv.starts_with("document\ttitle\tdate\t"), "{tsv}");
        assert_eq!(tsv.lines().count(), 2);
    }
}
