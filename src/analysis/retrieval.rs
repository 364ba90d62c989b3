//! Retrieval: the coded segments of chosen codes and coders across the whole corpus, each with
//! keyword-in-context (a few words before, the quote, a few words after), sortable, and as CSV.
//!
//! This is the analyst's "show me every passage coded risk" list; it reads the project and never
//! changes it.

use std::collections::BTreeSet;
use std::path::Path;

use crate::model::codebook::CodeId;
use crate::model::coding::CodingId;
use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::span::Span;

/// Which codings to list: empty sets mean "all".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SegmentFilter {
    /// Codes to include (all when empty).
    pub codes: BTreeSet<CodeId>,
    /// Coder names to include (all when empty).
    pub coders: BTreeSet<String>,
}

/// One coded segment with its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The coder who made the coding.
    pub coder: String,
    /// The coding's id in that coder's file.
    pub id: CodingId,
    /// The document.
    pub document: DocId,
    /// Position of the document in project order.
    pub document_index: usize,
    /// The document's title.
    pub title: String,
    /// The code.
    pub code: CodeId,
    /// The code's name.
    pub code_name: String,
    /// Position of the code in the codebook (`usize::MAX` when unknown).
    pub code_index: usize,
    /// The coded span (char offsets).
    pub span: Span,
    /// Words before the quote.
    pub before: String,
    /// The coded text.
    pub quote: String,
    /// Words after the quote.
    pub after: String,
}

impl Segment {
    /// Length of the coded span in chars.
    pub fn len(&self) -> usize {
        self.span.len()
    }

    /// True when the span is empty (never for valid codings).
    pub fn is_empty(&self) -> bool {
        self.span.is_empty()
    }
}

/// What the list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SegmentSort {
    /// Project document order, then position.
    #[default]
    Document,
    /// Codebook order, then document and position.
    Code,
    /// Coder name, then document and position.
    Coder,
    /// Length of the quote in chars, then document and position.
    Length,
}

impl SegmentSort {
    /// All sort keys, in column order.
    pub const ALL: [SegmentSort; 4] = [
        SegmentSort::Document,
        SegmentSort::Code,
        SegmentSort::Coder,
        SegmentSort::Length,
    ];

    /// Column heading.
    pub fn label(self) -> &'static str {
        match self {
            SegmentSort::Document => "Document",
            SegmentSort::Code => "Code",
            SegmentSort::Coder => "Coder",
            SegmentSort::Length => "Length",
        }
    }
}

/// Why the CSV could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RetrievalError {
    /// The CSV writer failed.
    #[error("could not write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The file could not be written.
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
}

/// Chars of context on each side of a quote.
pub const CONTEXT_CHARS: usize = 60;

/// The coded segments that pass the filter, in document order.
pub fn segments(project: &Project, filter: &SegmentFilter) -> Vec<Segment> {
    let mut out = Vec::new();
    for file in project.coders.values() {
        if !filter.coders.is_empty() && !filter.coders.contains(&file.coder) {
            continue;
        }
        for c in &file.codings {
            if !filter.codes.is_empty() && !filter.codes.contains(&c.code) {
                continue;
            }
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
                code: c.code.clone(),
                code_name: project.codebook.name_of(&c.code),
                code_index: project.codebook.index_of(&c.code).unwrap_or(usize::MAX),
                span,
                before,
                quote,
                after,
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

/// The list as CSV (RFC 4180, CRLF, header row): document, title, coder, code, start, end,
/// length, before, quote, after.
pub fn to_csv(list: &[Segment]) -> Result<Vec<u8>, RetrievalError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record([
        "document",
        "title",
        "coder",
        "code",
        "coding_id",
        "start",
        "end",
        "length",
        "before",
        "quote",
        "after",
    ])?;
    for s in list {
        w.write_record([
            s.document.as_str(),
            &s.title,
            &s.coder,
            s.code.as_str(),
            &s.id.0.to_string(),
            &s.span.start.to_string(),
            &s.span.end.to_string(),
            &s.len().to_string(),
            &s.before,
            &s.quote,
            &s.after,
        ])?;
    }
    w.into_inner()
        .map_err(|e| RetrievalError::Csv(e.into_error().into()))
}

/// Writes the list as CSV to a file (atomically).
pub fn write_csv(list: &[Segment], path: &Path) -> Result<(), RetrievalError> {
    let bytes = to_csv(list)?;
    Ok(crate::storage::atomic_write(path, &bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::coding::Coding;

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
            "document,title,coder,code,coding_id,start,end,length,before,quote,after"
        );
        assert_eq!(csv.lines().count(), 5);
        assert!(csv.contains(",äußerste Vorsicht,"));
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(&rows[0][9], list[0].quote.as_str());
    }
}
