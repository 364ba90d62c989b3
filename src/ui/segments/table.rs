//! Drawing the coded-segments window: the filters, the sort and export bar, and the table, one
//! page of rows at a time, the coded text wrapped in full.

use egui::{RichText, Sense, Ui, vec2};

use crate::analysis::retrieval::{SegmentSort, to_tsv};
use crate::model::codebook::CodeId;
use crate::model::project::Project;

use super::super::command::AppCommand;
use super::super::i18n::{tr, tr_args};
use super::super::reader::code_colour;
use super::{PAGE_ROWS, SegmentsView};

/// Widths of the columns: article, code, coder, coded text, memo and fields.
const WIDTHS: [f32; 5] = [190.0, 150.0, 80.0, 420.0, 200.0];

/// Column headings.
const HEADINGS: [&str; 5] = [
    "segments-article",
    "segments-code",
    "segments-coder",
    "segments-coded-text",
    "segments-memo-fields",
];

/// A sort key's name in the window's language.
fn sort_label(sort: SegmentSort) -> String {
    tr(match sort {
        SegmentSort::Document => "segments-article",
        SegmentSort::Date => "segments-date",
        SegmentSort::Code => "segments-code",
        SegmentSort::Coder => "segments-coder",
        SegmentSort::Length => "segments-length",
    })
}

impl SegmentsView {
    /// Draws the window; false once the user closed it.
    pub(super) fn window(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        out: &mut Vec<AppCommand>,
    ) -> bool {
        let mut open = true;
        egui::Window::new(tr("window-segments"))
            .open(&mut open)
            .default_size(vec2(1120.0, 560.0))
            .default_pos(ui.ctx().content_rect().left_top() + vec2(60.0, 60.0))
            .show(ui.ctx(), |ui| {
                self.code_and_coder_filter(ui, project);
                self.article_and_field_filter(ui, project);
                self.sort_bar(ui, out);
                ui.separator();
                self.table(ui, project, out);
            });
        open
    }

    fn code_and_coder_filter(&mut self, ui: &mut Ui, project: &Project) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr("segments-codes")).strong());
            for code in &project.codebook.codes {
                if let Some(on) = self.codes.get_mut(&code.id) {
                    swatch(ui, code.rgb());
                    ui.checkbox(on, code.name.as_str());
                }
            }
            ui.separator();
            ui.label(RichText::new(tr("segments-coders")).strong());
            for (name, on) in self.coders.iter_mut() {
                ui.checkbox(on, name.as_str());
            }
        });
    }

    fn article_and_field_filter(&mut self, ui: &mut Ui, project: &Project) {
        ui.horizontal_wrapped(|ui| {
            let chosen = self
                .article
                .as_ref()
                .and_then(|id| project.corpus.get(id))
                .map_or_else(|| tr("segments-all-articles"), |d| d.meta.title.clone());
            egui::ComboBox::from_label(tr("segments-article"))
                .selected_text(chosen)
                .width(260.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.article, None, tr("segments-all-articles"));
                    for d in &project.corpus.documents {
                        ui.selectable_value(
                            &mut self.article,
                            Some(d.meta.id.clone()),
                            d.meta.title.as_str(),
                        );
                    }
                });
            ui.separator();
            let shown = if self.field_name.is_empty() {
                tr("segments-any-field")
            } else {
                self.field_name.clone()
            };
            egui::ComboBox::from_label(tr("segments-field"))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut self.field_name,
                        String::new(),
                        tr("segments-any-field"),
                    );
                    for name in &self.field_names {
                        ui.selectable_value(&mut self.field_name, name.clone(), name);
                    }
                });
            let label = ui.label(tr("segments-value-contains"));
            ui.add(
                egui::TextEdit::singleline(&mut self.field_value)
                    .desired_width(160.0)
                    .hint_text(tr("segments-any-value")),
            )
            .labelled_by(label.id);
            if (!self.field_name.is_empty() || !self.field_value.is_empty())
                && ui.button(tr("segments-clear-field")).clicked()
            {
                self.field_name.clear();
                self.field_value.clear();
            }
        });
    }

    fn sort_bar(&mut self, ui: &mut Ui, out: &mut Vec<AppCommand>) {
        ui.horizontal(|ui| {
            ui.label(tr("segments-sort-by"));
            for s in SegmentSort::ALL {
                ui.selectable_value(&mut self.sort, s, sort_label(s));
            }
            ui.checkbox(&mut self.descending, tr("segments-descending"));
            ui.separator();
            ui.label(
                RichText::new(tr_args("segments-count", &[("n", self.rows.len().into())])).weak(),
            );
            if ui
                .add_enabled(
                    !self.rows.is_empty(),
                    egui::Button::new(tr("segments-export-csv")),
                )
                .on_hover_text(tr("segments-export-csv-hint"))
                .clicked()
            {
                out.push(AppCommand::ExportSegments);
            }
            if ui
                .add_enabled(
                    !self.rows.is_empty(),
                    egui::Button::new(tr("segments-copy-rows")),
                )
                .on_hover_text(tr("segments-copy-rows-hint"))
                .clicked()
                && let Ok(text) = to_tsv(&self.rows)
            {
                ui.ctx().copy_text(text);
                self.copied = Some(self.rows.len());
            }
            if let Some(n) = self.copied {
                ui.label(RichText::new(tr_args("segments-copied", &[("n", n.into())])).weak());
            }
        });
    }

    fn table(&mut self, ui: &mut Ui, project: &Project, out: &mut Vec<AppCommand>) {
        if self.rows.is_empty() {
            ui.label(tr("segments-none"));
            return;
        }
        self.pager(ui);
        let end = (self.first_row + PAGE_ROWS).min(self.rows.len());
        let weak = ui.visuals().weak_text_color();
        egui::ScrollArea::both()
            .id_salt("segments-table")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("segments-grid")
                    .striped(true)
                    .num_columns(WIDTHS.len())
                    .spacing(vec2(10.0, 6.0))
                    .show(ui, |ui| {
                        for (heading, w) in HEADINGS.iter().zip(WIDTHS) {
                            cell(ui, w, |ui| {
                                ui.label(RichText::new(tr(heading)).strong());
                            });
                        }
                        ui.end_row();
                        for s in &self.rows[self.first_row..end] {
                            cell(ui, WIDTHS[0], |ui| {
                                ui.add(egui::Label::new(&s.title).wrap());
                                if let Some(date) = &s.date {
                                    ui.label(RichText::new(date).color(weak));
                                }
                            });
                            cell(ui, WIDTHS[1], |ui| {
                                ui.horizontal_top(|ui| {
                                    swatch(ui, code_rgb(project, &s.code));
                                    ui.add(egui::Label::new(&s.code_path).wrap());
                                });
                            });
                            cell(ui, WIDTHS[2], |ui| {
                                ui.add(egui::Label::new(&s.coder).wrap());
                            });
                            cell(ui, WIDTHS[3], |ui| {
                                let text = RichText::new(&s.quote).strong();
                                let button = egui::Button::selectable(false, text)
                                    .wrap_mode(egui::TextWrapMode::Wrap);
                                if ui.add(button).on_hover_text(tr("segments-open")).clicked() {
                                    out.push(AppCommand::OpenSegment(Box::new(s.clone())));
                                }
                                let context = context_line(&s.before, &s.after);
                                ui.add(egui::Label::new(RichText::new(context).color(weak)).wrap());
                            });
                            cell(ui, WIDTHS[4], |ui| {
                                if !s.memo.is_empty() {
                                    ui.add(egui::Label::new(&s.memo).wrap());
                                }
                                let fields = s.fields_text();
                                if !fields.is_empty() {
                                    ui.add(
                                        egui::Label::new(RichText::new(fields).color(weak)).wrap(),
                                    );
                                }
                            });
                            ui.end_row();
                        }
                    });
            });
    }

    /// "Rows 101–200 of 540" with buttons for the pages before and after.
    fn pager(&mut self, ui: &mut Ui) {
        let n = self.rows.len();
        if n <= PAGE_ROWS {
            return;
        }
        let end = (self.first_row + PAGE_ROWS).min(n);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    self.first_row > 0,
                    egui::Button::new(tr("segments-previous-rows")),
                )
                .clicked()
            {
                self.first_row = self.first_row.saturating_sub(PAGE_ROWS);
            }
            ui.label(tr_args(
                "segments-rows",
                &[
                    ("first", (self.first_row + 1).into()),
                    ("end", end.into()),
                    ("n", n.into()),
                ],
            ));
            if ui
                .add_enabled(end < n, egui::Button::new(tr("segments-next-rows")))
                .clicked()
            {
                self.first_row = end;
            }
        });
    }
}

/// A table cell of a fixed width whose contents wrap inside it.
fn cell(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    ui.vertical(|ui| {
        ui.set_width(width);
        add(ui);
    });
}

fn swatch(ui: &mut Ui, rgb: [u8; 3]) {
    let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
    ui.painter().rect_filled(r, 2.0, code_colour(rgb));
}

fn code_rgb(project: &Project, code: &CodeId) -> [u8; 3] {
    project.codebook.get(code).map_or([128; 3], |c| c.rgb())
}

/// Chars of context shown on each side in the table (the CSV has all of it).
const CONTEXT_SHOWN: usize = 40;

/// The words around a coded text, the coded text itself left out: `…als Kommune […] walten
/// lassen…`.
fn context_line(before: &str, after: &str) -> String {
    let b: Vec<char> = before.chars().collect();
    let b: String = b[b.len().saturating_sub(CONTEXT_SHOWN)..].iter().collect();
    let a: String = after.chars().take(CONTEXT_SHOWN).collect();
    let b = b.split_whitespace().collect::<Vec<_>>().join(" ");
    let a = a.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("\u{2026}{b} [\u{2026}] {a}\u{2026}")
}
