//! The "Coded segments" window (Ctrl+G): codings of chosen codes and coders across the corpus
//! as a keyword-in-context table, sortable, clickable, exportable as CSV.

use std::collections::BTreeMap;
use std::path::Path;

use egui::{Align, Layout, RichText, Sense, Ui, vec2};

use crate::analysis::retrieval::{
    Segment, SegmentFilter, SegmentSort, segments, sort_segments, write_csv,
};
use crate::model::codebook::CodeId;
use crate::model::coder::coder_file_stem;

use super::app::SpanwiseApp;
use super::reader::code_colour;

/// The state of the coded-segments window.
#[derive(Debug, Clone, Default)]
pub struct SegmentsView {
    /// Codes by id, with whether they are listed.
    pub codes: BTreeMap<CodeId, bool>,
    /// Coders by name, with whether they are listed.
    pub coders: BTreeMap<String, bool>,
    /// The sort column.
    pub sort: SegmentSort,
    /// Sort descending.
    pub descending: bool,
    /// The rows as shown.
    pub rows: Vec<Segment>,
    key: Option<(u64, SegmentFilter, SegmentSort, bool)>,
}

impl SegmentsView {
    /// Lists only this code (and every coder).
    pub fn only_code(&mut self, code: &CodeId) {
        for (id, on) in self.codes.iter_mut() {
            *on = id == code;
        }
    }

    fn filter(&self) -> SegmentFilter {
        fn on<K: Ord + Clone>(m: &BTreeMap<K, bool>) -> std::collections::BTreeSet<K> {
            m.iter()
                .filter(|(_, v)| **v)
                .map(|(k, _)| k.clone())
                .collect()
        }
        SegmentFilter {
            codes: on(&self.codes),
            coders: on(&self.coders),
        }
    }
}

impl SpanwiseApp {
    /// Opens the coded-segments window with every code and coder chosen.
    pub fn open_segments(&mut self) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let p = ws.project();
        let mut coders: BTreeMap<String, bool> =
            p.coder_names().into_iter().map(|c| (c, true)).collect();
        coders.insert(ws.coder().to_string(), true);
        self.segments = Some(SegmentsView {
            codes: p
                .codebook
                .codes
                .iter()
                .map(|c| (c.id.clone(), true))
                .collect(),
            coders,
            ..Default::default()
        });
        self.refresh_segments();
    }

    /// Rebuilds the rows when the project, the filter or the sort changed.
    pub fn refresh_segments(&mut self) {
        let (Some(ws), Some(view)) = (self.workspace.as_ref(), self.segments.as_mut()) else {
            return;
        };
        let filter = view.filter();
        let key = (ws.revision(), filter.clone(), view.sort, view.descending);
        if view.key.as_ref() == Some(&key) {
            return;
        }
        view.rows = if filter.codes.is_empty() || filter.coders.is_empty() {
            Vec::new()
        } else {
            segments(ws.project(), &filter)
        };
        sort_segments(&mut view.rows, view.sort, view.descending);
        view.key = Some(key);
    }

    /// Opens the document of row `index` at its coding: the coding is selected when it is the
    /// current coder's, otherwise its text is.
    pub fn open_segment(&mut self, index: usize) {
        let Some(seg) = self
            .segments
            .as_ref()
            .and_then(|v| v.rows.get(index))
            .cloned()
        else {
            return;
        };
        let mine = self
            .coder()
            .is_some_and(|c| coder_file_stem(c) == coder_file_stem(&seg.coder));
        self.show_span(seg.document_index, seg.span);
        if mine {
            self.select_coding(seg.id, seg.span);
        }
    }

    /// Writes the rows as shown to a CSV file; returns how many went in.
    pub fn export_segments_csv(&mut self, path: &Path) -> Option<usize> {
        self.refresh_segments();
        let rows = &self.segments.as_ref()?.rows;
        match write_csv(rows, path) {
            Ok(()) => {
                let n = rows.len();
                self.message = Some(format!("Wrote {n} coded segments to {}", path.display()));
                Some(n)
            }
            Err(e) => {
                self.message = Some(format!("CSV not written: {e}"));
                None
            }
        }
    }

    pub(super) fn segments_window(&mut self, ui: &mut Ui) {
        if self.segments.is_none() {
            return;
        }
        self.refresh_segments();
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let codes: Vec<(CodeId, String, [u8; 3])> = ws
            .project()
            .codebook
            .codes
            .iter()
            .map(|c| (c.id.clone(), c.name.clone(), c.rgb()))
            .collect();
        let suggested = super::dialogs::suggested_file_name(&ws.project().name, "segments", "csv");
        let mut open = true;
        let mut clicked = None;
        let mut export = false;
        let Some(mut view) = self.segments.take() else {
            return;
        };
        egui::Window::new("Coded segments")
            .open(&mut open)
            .default_size(vec2(1040.0, 440.0))
            .default_pos(ui.ctx().content_rect().left_top() + vec2(120.0, 90.0))
            .show(ui.ctx(), |ui| {
                filter_rows(ui, &mut view, &codes);
                ui.horizontal(|ui| {
                    ui.label("Sort by");
                    for s in SegmentSort::ALL {
                        ui.selectable_value(&mut view.sort, s, s.label());
                    }
                    ui.checkbox(&mut view.descending, "descending");
                    ui.separator();
                    ui.label(RichText::new(format!("{} segments", view.rows.len())).weak());
                    if ui.button("Export CSV…").clicked() {
                        export = true;
                    }
                });
                ui.separator();
                clicked = table(ui, &view, &codes);
            });
        self.segments = open.then_some(view);
        if let Some(i) = clicked {
            self.open_segment(i);
        }
        if export {
            self.dialogs.segments_csv(suggested);
        }
    }
}

fn filter_rows(ui: &mut Ui, view: &mut SegmentsView, codes: &[(CodeId, String, [u8; 3])]) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Codes").strong());
        for (id, name, rgb) in codes {
            if let Some(on) = view.codes.get_mut(id) {
                let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
                ui.painter().rect_filled(r, 2.0, code_colour(*rgb));
                ui.checkbox(on, name.as_str());
            }
        }
        ui.separator();
        ui.label(RichText::new("Coders").strong());
        for (name, on) in view.coders.iter_mut() {
            ui.checkbox(on, name.as_str());
        }
    });
}

const COLUMNS: [(&str, f32); 4] = [
    ("Document", 190.0),
    ("Code", 100.0),
    ("Coder", 70.0),
    ("Len", 36.0),
];

/// The KWIC table; only the rows on screen are laid out. Returns the clicked row.
fn table(ui: &mut Ui, view: &SegmentsView, codes: &[(CodeId, String, [u8; 3])]) -> Option<usize> {
    let mut clicked = None;
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let rest = (ui.available_width() - COLUMNS.iter().map(|c| c.1 + 8.0).sum::<f32>()).max(300.0);
    let (before_w, quote_w) = (rest * 0.34, rest * 0.32);
    let after_w = rest - before_w - quote_w - 16.0;
    ui.horizontal(|ui| {
        for (name, w) in COLUMNS {
            cell(ui, w, Align::Min, |ui| {
                ui.label(RichText::new(name).strong())
            });
        }
        cell(ui, before_w, Align::Max, |ui| {
            ui.label(RichText::new("before").strong())
        });
        cell(ui, quote_w, Align::Min, |ui| {
            ui.label(RichText::new("coded text").strong())
        });
        cell(ui, after_w, Align::Min, |ui| {
            ui.label(RichText::new("after").strong())
        });
    });
    let weak = ui.visuals().weak_text_color();
    egui::ScrollArea::vertical()
        .id_salt("segments-table")
        .auto_shrink([false, false])
        .show_rows(ui, row_h, view.rows.len(), |ui, range| {
            for i in range {
                let s = &view.rows[i];
                let rgb = codes
                    .iter()
                    .find(|c| c.0 == s.code)
                    .map_or([128; 3], |c| c.2);
                ui.horizontal(|ui| {
                    ui.set_height(row_h - 4.0);
                    cell(ui, COLUMNS[0].1, Align::Min, |ui| {
                        ui.add(egui::Label::new(&s.title).truncate())
                            .on_hover_text(&s.title)
                    });
                    cell(ui, COLUMNS[1].1, Align::Min, |ui| {
                        let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
                        ui.painter().rect_filled(r, 2.0, code_colour(rgb));
                        ui.add(egui::Label::new(&s.code_name).truncate())
                    });
                    cell(ui, COLUMNS[2].1, Align::Min, |ui| {
                        ui.add(egui::Label::new(&s.coder).truncate())
                    });
                    cell(ui, COLUMNS[3].1, Align::Max, |ui| {
                        ui.label(s.len().to_string())
                    });
                    cell(ui, before_w, Align::Max, |ui| {
                        ui.label(RichText::new(tail(&s.before, before_w)).color(weak))
                    });
                    cell(ui, quote_w, Align::Min, |ui| {
                        let quote = s.quote.replace('\n', " ");
                        let b = egui::Button::selectable(false, RichText::new(quote).strong())
                            .wrap_mode(egui::TextWrapMode::Truncate);
                        let r = ui.add(b).on_hover_text("Open the document at this coding");
                        if r.clicked() {
                            clicked = Some(i);
                        }
                        r
                    });
                    cell(ui, after_w, Align::Min, |ui| {
                        ui.add(egui::Label::new(RichText::new(&s.after).color(weak)).truncate())
                    });
                });
            }
        });
    clicked
}

/// A fixed-width table cell.
fn cell(ui: &mut Ui, width: f32, align: Align, add: impl FnOnce(&mut Ui) -> egui::Response) {
    let h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    ui.allocate_ui_with_layout(
        vec2(width, h),
        Layout::left_to_right(Align::Center).with_main_align(align),
        |ui| {
            ui.set_width(width);
            ui.set_clip_rect(ui.max_rect().intersect(ui.clip_rect()));
            add(ui);
        },
    );
}

/// The end of a context string that fits about `width` points (the words nearest the quote).
fn tail(s: &str, width: f32) -> String {
    let max = (width / 7.5) as usize;
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= max {
        return s.to_string();
    }
    let cut: String = chars[chars.len() - max.saturating_sub(1)..]
        .iter()
        .collect();
    format!("…{}", cut.trim_start())
}
