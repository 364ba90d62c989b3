//! The common row builder: one [`ExportRow`] per coding, in a fixed order, shared by every format.

use std::collections::{BTreeSet, HashMap};

use super::output::ExportError;
use crate::model::coder::{CoderFile, coder_file_stem};
use crate::model::coding::Coding;
use crate::model::project::Project;
use crate::model::span::Span;
use crate::model::text::DocText;

/// How many chars of context each side of a quote the rows carry (cut at whitespace).
pub const CONTEXT_CHARS: usize = 40;

/// One coding, flattened for analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    /// Position of the document in the project's corpus.
    pub doc_index: usize,
    /// Project name.
    pub project: String,
    /// Document id.
    pub document: String,
    /// Document title.
    pub title: String,
    /// Publication date as stated (may be empty).
    pub date: String,
    /// Publisher or origin (may be empty).
    pub source: String,
    /// The coder's name.
    pub coder: String,
    /// Id of the coding within its coder file.
    pub coding_id: u64,
    /// Code name.
    pub code: String,
    /// Code id.
    pub code_id: String,
    /// First char (code point), 0-based.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// First UTF-16 code unit.
    pub start_utf16: usize,
    /// One past the last UTF-16 code unit.
    pub end_utf16: usize,
    /// The text at `start..end`.
    pub quote: String,
    /// A few words before the quote, whitespace collapsed.
    pub context_before: String,
    /// A few words after the quote, whitespace collapsed.
    pub context_after: String,
    /// The coder's memo.
    pub memo: String,
    /// Attribute values, one per entry of [`ExportRows::attribute_names`] (empty when unset).
    pub attributes: Vec<String>,
    /// When the coding was made.
    pub created: String,
    /// When it was last changed.
    pub modified: String,
}

/// All rows of an export, with the attribute columns they carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportRows {
    /// Attribute names found in the codebook and the codings, sorted; columns `attr_<name>`.
    pub attribute_names: Vec<String>,
    /// The coders exported, by name, in file order.
    pub coders: Vec<String>,
    /// One row per coding.
    pub rows: Vec<ExportRow>,
}

/// The coder files selected by name (or file stem); all of them when `names` is empty.
pub fn select_coders<'a>(
    project: &'a Project,
    names: &[String],
) -> Result<Vec<&'a CoderFile>, ExportError> {
    if names.is_empty() {
        return Ok(project.coders.values().collect());
    }
    let mut chosen = BTreeSet::new();
    for name in names {
        let stem = coder_file_stem(name);
        let found = project
            .coders
            .iter()
            .find(|(s, f)| f.coder == *name || **s == stem)
            .ok_or_else(|| ExportError::UnknownCoder(name.clone()))?;
        chosen.insert(found.0.as_str());
    }
    Ok(chosen.into_iter().map(|s| &project.coders[s]).collect())
}

/// Builds the rows for the chosen coders (empty = all), in document order, start, end, coder,
/// code and id.
pub fn export_rows(project: &Project, coders: &[String]) -> Result<ExportRows, ExportError> {
    let plan = RowPlan::new(project, coders)?;
    // Rows are independent: large exports build them on every core, in order-keeping chunks.
    let threads = threads();
    let rows = if threads < 2 || plan.row_count() < PARALLEL_ROWS {
        plan.build(0..plan.row_count())
    } else {
        let chunk = plan.row_count().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..plan.row_count())
                .step_by(chunk)
                .map(|from| {
                    let plan = &plan;
                    scope.spawn(move || plan.build(from..(from + chunk).min(plan.row_count())))
                })
                .collect();
            let mut rows = Vec::with_capacity(plan.row_count());
            for handle in handles {
                rows.extend(handle.join().expect("building export rows panicked"));
            }
            rows
        })
    };
    Ok(ExportRows {
        attribute_names: plan.attribute_names,
        coders: plan.coders,
        rows,
    })
}

/// The threads large exports use.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// The codings of an export, located, checked and in row order, before any row is built: the
/// rows can then be built all at once or a piece at a time, so that a large export streams to
/// its file without ever holding every row.
#[derive(Debug)]
pub struct RowPlan<'a> {
    project: &'a Project,
    /// Attribute names found in the codebook and the codings, sorted; columns `attr_<name>`.
    pub attribute_names: Vec<String>,
    /// The coders exported, by name, in file order.
    pub coders: Vec<String>,
    codings: Vec<Located<'a>>,
}

/// Codings per piece when rows are built and encoded a piece at a time.
pub const PIECE_ROWS: usize = 8_192;

impl<'a> RowPlan<'a> {
    /// Locates and sorts the chosen coders' codings (empty = all) and checks every one, so that
    /// building rows cannot fail half-way: the first problem in row order is the error.
    pub fn new(project: &'a Project, coders: &[String]) -> Result<Self, ExportError> {
        let files = select_coders(project, coders)?;
        let mut codings = locate_codings(project, &files)?;
        codings.sort_by(|a, b| {
            (a.0, a.2.start, a.2.end, &a.1.coder, &a.2.code, a.2.id)
                .cmp(&(b.0, b.2.start, b.2.end, &b.1.coder, &b.2.code, b.2.id))
        });
        for &(doc_index, file, coding) in &codings {
            check(project, doc_index, file, coding)?;
        }
        Ok(Self {
            project,
            attribute_names: attribute_names(project, &files),
            coders: files.iter().map(|f| f.coder.clone()).collect(),
            codings,
        })
    }

    /// How many rows the export has.
    pub fn row_count(&self) -> usize {
        self.codings.len()
    }

    /// The codings in row order.
    pub fn codings(&self) -> impl Iterator<Item = &'a Coding> + '_ {
        self.codings.iter().map(|c| c.2)
    }

    /// Rows `range` (in row order), built on this thread.
    pub fn build(&self, range: std::ops::Range<usize>) -> Vec<ExportRow> {
        let mut rows = Vec::with_capacity(range.len());
        let mut utf16: Option<(usize, Utf16Table)> = None;
        for &(doc_index, file, coding) in &self.codings[range] {
            let text = self.project.corpus.documents[doc_index]
                .text
                .as_ref()
                .expect("checked by RowPlan::new");
            if utf16.as_ref().is_none_or(|(i, _)| *i != doc_index) {
                utf16 = Some((doc_index, Utf16Table::new(text)));
            }
            let table = &utf16.as_ref().expect("just built").1;
            rows.push(self.build_row(doc_index, text, table, file, coding));
        }
        rows
    }

    /// Streams the export: builds the rows a piece of [`PIECE_ROWS`] at a time, turns each piece
    /// into bytes with `encode` (pieces on all cores at once), and hands the bytes to `sink` in
    /// row order. Memory stays a few pieces' worth however many rows there are.
    pub fn encode_in_pieces(
        &self,
        encode: impl Fn(&[ExportRow], &mut Vec<u8>) -> Result<(), ExportError> + Sync,
        mut sink: impl FnMut(&[u8]) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        let threads = threads();
        let starts: Vec<usize> = (0..self.row_count()).step_by(PIECE_ROWS).collect();
        let piece = |from: usize| {
            let rows = self.build(from..(from + PIECE_ROWS).min(self.row_count()));
            let mut bytes = Vec::with_capacity(rows.len() * 512);
            encode(&rows, &mut bytes).map(|()| bytes)
        };
        for group in starts.chunks(threads.max(1)) {
            let encoded: Vec<Result<Vec<u8>, ExportError>> = if group.len() < 2 {
                group.iter().map(|&from| piece(from)).collect()
            } else {
                std::thread::scope(|scope| {
                    let handles: Vec<_> = group
                        .iter()
                        .map(|&from| scope.spawn(move || piece(from)))
                        .collect();
                    handles
                        .into_iter()
                        .map(|h| h.join().expect("encoding export rows panicked"))
                        .collect()
                })
            };
            for bytes in encoded {
                sink(&bytes?)?;
            }
        }
        Ok(())
    }
}

type Located<'a> = (usize, &'a CoderFile, &'a Coding);

/// Below this many codings, rows are built on one thread (spawning would cost more than it saves).
const PARALLEL_ROWS: usize = 20_000;

/// What would stop a coding's row from being built: its document has no text, or its span
/// leaves the text.
fn check(
    project: &Project,
    doc_index: usize,
    file: &CoderFile,
    coding: &Coding,
) -> Result<(), ExportError> {
    let doc = &project.corpus.documents[doc_index];
    let text = doc
        .text
        .as_ref()
        .ok_or_else(|| ExportError::MissingText(doc.meta.id.clone()))?;
    if coding.start > coding.end || coding.end > text.char_len() {
        return Err(ExportError::SpanOutOfText {
            coder: file.coder.clone(),
            id: coding.id,
            document: coding.document.clone(),
            start: coding.start,
            end: coding.end,
            len: text.char_len(),
        });
    }
    Ok(())
}

fn locate_codings<'a>(
    project: &'a Project,
    files: &[&'a CoderFile],
) -> Result<Vec<Located<'a>>, ExportError> {
    let index: HashMap<&str, usize> = project
        .corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.meta.id.as_str(), i))
        .collect();
    let mut out = Vec::new();
    for file in files {
        for coding in &file.codings {
            let doc_index = *index.get(coding.document.as_str()).ok_or_else(|| {
                ExportError::UnknownDocument {
                    coder: file.coder.clone(),
                    id: coding.id,
                    document: coding.document.clone(),
                }
            })?;
            out.push((doc_index, *file, coding));
        }
    }
    Ok(out)
}

/// The field names of the codebook and of these coders' codings, sorted, once each.
pub fn attribute_names(project: &Project, files: &[&CoderFile]) -> Vec<String> {
    let mut names: BTreeSet<String> = project
        .codebook
        .codes
        .iter()
        .flat_map(|c| c.attributes.iter().map(|a| a.name.clone()))
        .collect();
    for file in files {
        for coding in &file.codings {
            names.extend(coding.attributes.keys().cloned());
        }
    }
    names.into_iter().collect()
}

impl RowPlan<'_> {
    fn build_row(
        &self,
        doc_index: usize,
        text: &DocText,
        utf16: &Utf16Table,
        file: &CoderFile,
        coding: &Coding,
    ) -> ExportRow {
        let project = self.project;
        let meta = &project.corpus.documents[doc_index].meta;
        let span = Span::new(coding.start, coding.end);
        let quote = text.slice(span).expect("checked by RowPlan::new");
        let (context_before, context_after) = text.context(span, CONTEXT_CHARS);
        ExportRow {
            doc_index,
            project: project.name.clone(),
            document: meta.id.0.clone(),
            title: meta.title.clone(),
            date: meta.date.clone().unwrap_or_default(),
            source: meta.source.clone().unwrap_or_default(),
            coder: file.coder.clone(),
            coding_id: coding.id.0,
            code: project.codebook.name_of(&coding.code),
            code_id: coding.code.0.clone(),
            start: span.start,
            end: span.end,
            start_utf16: utf16.of(span.start),
            end_utf16: utf16.of(span.end),
            quote: quote.to_string(),
            context_before,
            context_after,
            memo: coding.memo.clone(),
            attributes: self
                .attribute_names
                .iter()
                .map(|n| coding.attributes.get(n).cloned().unwrap_or_default())
                .collect(),
            created: coding.created.clone(),
            modified: coding.modified.clone(),
        }
    }
}

/// UTF-16 offset of every char offset of one text, built once per document.
struct Utf16Table(Vec<u32>);

impl Utf16Table {
    fn new(text: &DocText) -> Self {
        let mut table = Vec::with_capacity(text.char_len() + 1);
        let mut at = 0u32;
        for c in text.as_str().chars() {
            table.push(at);
            at += c.len_utf16() as u32;
        }
        table.push(at);
        Self(table)
    }

    fn of(&self, char_offset: usize) -> usize {
        self.0[char_offset.min(self.0.len() - 1)] as usize
    }
}

/// The column names shared by the CSV and JSONL exports, in order.
pub fn column_names(attribute_names: &[String]) -> Vec<String> {
    let mut cols: Vec<String> = [
        "project",
        "document",
        "title",
        "date",
        "source",
        "coder",
        "coding_id",
        "code",
        "code_id",
        "start",
        "end",
        "start_utf16",
        "end_utf16",
        "quote",
        "context_before",
        "context_after",
        "memo",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    cols.extend(attribute_names.iter().map(|n| format!("attr_{n}")));
    cols.push("created".into());
    cols.push("modified".into());
    cols
}

/// One value of a row, typed for JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    /// Text.
    Text(&'a str),
    /// A count or offset.
    Number(u64),
}

impl ExportRow {
    /// The row's values in [`column_names`] order.
    pub fn values(&self) -> Vec<Value<'_>> {
        use Value::{Number as N, Text as T};
        let mut v = vec![
            T(&self.project),
            T(&self.document),
            T(&self.title),
            T(&self.date),
            T(&self.source),
            T(&self.coder),
            N(self.coding_id),
            T(&self.code),
            T(&self.code_id),
            N(self.start as u64),
            N(self.end as u64),
            N(self.start_utf16 as u64),
            N(self.end_utf16 as u64),
            T(&self.quote),
            T(&self.context_before),
            T(&self.context_after),
            T(&self.memo),
        ];
        v.extend(self.attributes.iter().map(|a| T(a)));
        v.push(T(&self.created));
        v.push(T(&self.modified));
        v
    }
}
