//! The "Coded segments" window (Ctrl+G): the retrieval table. Every coding of the chosen codes,
//! coders and article, optionally only those whose field holds a value, one row each with the
//! article's title and date, the code's path, the coder, the full coded text (wrapped), memo and
//! fields; sortable; a click opens the reader at the coding; the rows shown can be written as
//! CSV or copied to the clipboard as tab-separated text.
//!
//! [`SegmentsView`] owns the window's state and draws it ([`table`]); it reads the project and
//! queues [`AppCommand`]s for what the shell does (open the reader at a row, ask for a file).

mod table;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::analysis::retrieval::{
    FieldFilter, Segment, SegmentFilter, SegmentSort, segments, sort_segments, write_csv,
};
use crate::model::codebook::CodeId;
use crate::model::coder::coder_file_stem;
use crate::model::corpus::DocId;
use crate::model::project::Project;

use super::app::SpanwiseApp;
use super::i18n::tr_args;

/// Rows drawn at once; the pager moves through the rest.
pub const PAGE_ROWS: usize = 100;

/// The state of the coded-segments window.
#[derive(Debug, Clone, Default)]
pub struct SegmentsView {
    /// Codes by id, with whether they are listed.
    pub codes: BTreeMap<CodeId, bool>,
    /// Coders by name, with whether they are listed.
    pub coders: BTreeMap<String, bool>,
    /// Only this article (all when `None`).
    pub article: Option<DocId>,
    /// Only codings whose field of this name (any field when empty) …
    pub field_name: String,
    /// … holds a value containing this text (no condition when both are empty).
    pub field_value: String,
    /// The sort column.
    pub sort: SegmentSort,
    /// Sort descending.
    pub descending: bool,
    /// The rows as shown (every page).
    pub rows: Vec<Segment>,
    /// The first row of the page shown.
    pub first_row: usize,
    /// What the last copy put on the clipboard (rows), for the window to say so.
    pub copied: Option<usize>,
    /// The field names of the codebook and the codings, for the field filter.
    pub field_names: Vec<String>,
    key: Option<(u64, SegmentFilter, SegmentSort, bool)>,
}

impl SegmentsView {
    /// The window for a project: every code, every coder (and the current one) chosen.
    pub fn for_project(project: &Project, coder: &str) -> Self {
        let mut coders: BTreeMap<String, bool> = project
            .coder_names()
            .into_iter()
            .map(|c| (c, true))
            .collect();
        coders.insert(coder.to_string(), true);
        Self {
            codes: project
                .codebook
                .codes
                .iter()
                .map(|c| (c.id.clone(), true))
                .collect(),
            coders,
            ..Default::default()
        }
    }

    /// Lists only this code and its sub-codes (as a MAXQDA user expects of a parent code).
    pub fn only_code(&mut self, codebook: &crate::model::codebook::Codebook, code: &CodeId) {
        let set = crate::ui::code_tree::with_descendants(codebook, code);
        for (id, on) in self.codes.iter_mut() {
            *on = set.contains(id);
        }
    }

    /// The filter from the window's choices.
    pub fn filter(&self) -> SegmentFilter {
        fn on<K: Ord + Clone>(m: &BTreeMap<K, bool>) -> BTreeSet<K> {
            m.iter()
                .filter(|(_, v)| **v)
                .map(|(k, _)| k.clone())
                .collect()
        }
        let field =
            (!self.field_name.is_empty() || !self.field_value.trim().is_empty()).then(|| {
                FieldFilter {
                    name: self.field_name.clone(),
                    value: self.field_value.clone(),
                }
            });
        SegmentFilter {
            codes: on(&self.codes),
            coders: on(&self.coders),
            documents: self.article.iter().cloned().collect(),
            field,
        }
    }

    /// Rebuilds the rows when the project, the filter or the sort changed.
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        let filter = self.filter();
        let key = (revision, filter.clone(), self.sort, self.descending);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        if self.key.as_ref().map(|k| &k.1) != Some(&filter) {
            self.first_row = 0;
        }
        if self.key.as_ref().map(|k| k.0) != Some(revision) {
            self.field_names = field_names(project);
        }
        self.rows = if filter.codes.is_empty() || filter.coders.is_empty() {
            Vec::new()
        } else {
            segments(project, &filter)
        };
        sort_segments(&mut self.rows, self.sort, self.descending);
        self.first_row = self.first_row.min(self.rows.len().saturating_sub(1));
        self.key = Some(key);
    }
}

impl SpanwiseApp {
    /// Opens the coded-segments window with every code and coder chosen.
    pub fn open_segments(&mut self) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let mut view = SegmentsView::for_project(ws.project(), ws.coder());
        view.refresh(ws.project(), ws.revision());
        self.segments = Some(view);
    }

    /// Rebuilds the rows when the project, the filter or the sort changed.
    pub fn refresh_segments(&mut self) {
        if let (Some(ws), Some(view)) = (self.workspace.as_ref(), self.segments.as_mut()) {
            view.refresh(ws.project(), ws.revision());
        }
    }

    /// Opens the document of a segment at its coding: the coding is selected when it is the
    /// current coder's, otherwise its text is.
    pub fn open_segment(&mut self, seg: &Segment) {
        let mine = self
            .coder()
            .is_some_and(|c| coder_file_stem(c) == coder_file_stem(&seg.coder));
        self.show_span(seg.document_index, seg.span);
        if mine {
            self.select_coding(seg.id, seg.span);
        }
    }

    /// Asks where to write the rows shown as CSV.
    pub fn ask_segments_csv(&mut self) {
        if let Some(ws) = self.workspace.as_ref() {
            let suggested =
                super::dialogs::suggested_file_name(&ws.project().name, "segments", "csv");
            self.dialogs.segments_csv(suggested);
        }
    }

    /// Writes the rows as shown (every page) to a CSV file; returns how many went in.
    pub fn export_segments_csv(&mut self, path: &Path) -> Option<usize> {
        self.refresh_segments();
        let rows = &self.segments.as_ref()?.rows;
        match write_csv(rows, path) {
            Ok(()) => {
                let n = rows.len();
                self.message = Some(tr_args(
                    "segments-wrote",
                    &[("n", n.into()), ("path", path.display().to_string().into())],
                ));
                Some(n)
            }
            Err(e) => {
                self.message = Some(tr_args(
                    "segments-not-written",
                    &[("error", e.to_string().into())],
                ));
                None
            }
        }
    }

    /// Draws the window (the registry's draw function) and queues what it asks for.
    pub(crate) fn segments_window(&mut self, ui: &mut egui::Ui) {
        let (Some(ws), Some(mut view)) = (self.workspace.as_ref(), self.segments.take()) else {
            return;
        };
        view.refresh(ws.project(), ws.revision());
        let mut out = Vec::new();
        let open = view.window(ui, ws.project(), &mut out);
        self.segments = open.then_some(view);
        self.commands.extend(out);
    }
}

/// The field names of the codebook and of every coder's codings, sorted, once each (the same
/// list the exports' columns come from).
fn field_names(project: &Project) -> Vec<String> {
    let files: Vec<_> = project.coders.values().collect();
    crate::exchange::attribute_names(project, &files)
}
