//! The left panel: project name and memo, and the documents with date, the current coder's
//! progress and per-code counts.

use egui::{RichText, Sense, Ui, vec2};

use crate::edit::command::Command;
use crate::edit::workspace::TextTarget;
use crate::model::coder::Progress;

use super::app::SpanwiseApp;
use super::reader::code_colour;

struct Row {
    title: String,
    date: Option<String>,
    missing: bool,
    progress: Progress,
}

impl SpanwiseApp {
    pub(super) fn documents_panel(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        ui.heading(&ws.project().name);
        let count = ws.project().corpus.documents.len();
        let done = ws.project().coder(ws.coder()).map_or(0, |f| {
            f.progress
                .values()
                .filter(|p| **p == Progress::Done)
                .count()
        });
        let colours: Vec<_> = ws
            .project()
            .codebook
            .codes
            .iter()
            .map(|c| code_colour(c.rgb()))
            .collect();
        ui.label(RichText::new(format!("{count} documents, {done} done")).weak());
        egui::CollapsingHeader::new("Project memo").show(ui, |ui| {
            ui.label(
                RichText::new("Stored in the shared project.ron, not in your coder file").weak(),
            );
            self.text_field(ui, TextTarget::ProjectMemo, "Memo on the project", true);
        });
        ui.separator();
        let mut open = None;
        // only the rows on screen are laid out: a corpus may hold thousands of documents
        let row_height = ui.spacing().interact_size.y * 2.0 + 16.0;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_height, count, |ui, range| {
                for i in range {
                    let Some(row) = self.row(i) else { continue };
                    if self.document_row(ui, i, &row, &colours, row_height) {
                        open = Some(i);
                    }
                }
            });
        if let Some(i) = open {
            self.open_document(i);
        }
    }

    /// What the list shows of document `i` (built only for the rows on screen).
    fn row(&self, i: usize) -> Option<Row> {
        let ws = self.workspace.as_ref()?;
        let d = ws.project().corpus.documents.get(i)?;
        let progress = ws
            .project()
            .coder(ws.coder())
            .map_or(Progress::NotStarted, |f| f.progress_of(&d.meta.id));
        Some(Row {
            title: d.meta.title.clone(),
            date: d.meta.date.clone(),
            missing: d.text.is_none(),
            progress,
        })
    }

    /// One document in the list; true when it was clicked.
    fn document_row(
        &self,
        ui: &mut Ui,
        i: usize,
        row: &Row,
        colours: &[egui::Color32],
        height: f32,
    ) -> bool {
        let selected = i == self.current_doc;
        let fill = if selected {
            ui.visuals().selection.bg_fill.gamma_multiply(0.4)
        } else {
            egui::Color32::TRANSPARENT
        };
        let mut clicked = false;
        egui::Frame::new()
            .inner_margin(4.0)
            .corner_radius(4.0)
            .fill(fill)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.set_height(height - 8.0 - ui.spacing().item_spacing.y);
                let mut t = RichText::new(row.title.as_str());
                if selected {
                    t = t.strong();
                }
                let button =
                    egui::Button::selectable(selected, t).wrap_mode(egui::TextWrapMode::Truncate);
                clicked = ui.add(button).on_hover_text(row.title.as_str()).clicked();
                ui.horizontal(|ui| {
                    if let Some(d) = &row.date {
                        ui.label(RichText::new(d.as_str()).weak().small());
                    }
                    if row.missing {
                        ui.colored_label(ui.visuals().warn_fg_color, "text missing");
                    }
                    for (k, n) in self.counts(i).iter().enumerate() {
                        let (rect, _) = ui.allocate_exact_size(vec2(8.0, 8.0), Sense::hover());
                        ui.painter().circle_filled(rect.center(), 4.0, colours[k]);
                        ui.label(RichText::new(n.to_string()).small());
                    }
                    let colour = match row.progress {
                        Progress::NotStarted => ui.visuals().weak_text_color(),
                        Progress::InProgress => ui.visuals().warn_fg_color,
                        Progress::Done => egui::Color32::from_rgb(0x00, 0x9E, 0x73),
                    };
                    ui.label(RichText::new(row.progress.label()).small().color(colour));
                });
            });
        clicked
    }

    /// The current coder's progress selector for the open document.
    pub(super) fn progress_selector(&mut self, ui: &mut Ui) {
        let (Some(ws), Some(doc)) = (self.workspace.as_ref(), self.document()) else {
            return;
        };
        let doc_id = doc.meta.id.clone();
        let current = ws
            .project()
            .coder(ws.coder())
            .map_or(Progress::NotStarted, |f| f.progress_of(&doc_id));
        let coder = ws.coder().to_string();
        let mut chosen = None;
        ui.horizontal(|ui| {
            ui.label("Progress:");
            for p in Progress::ALL {
                if ui.selectable_label(current == p, p.label()).clicked() && current != p {
                    chosen = Some(p);
                }
            }
        });
        if let Some(progress) = chosen {
            self.execute(Command::SetProgress {
                coder,
                document: doc_id,
                progress,
            });
        }
    }

    /// The current coder's memo on the open document (kept in their own coder file).
    pub(super) fn document_memo(&mut self, ui: &mut Ui) {
        let (Some(ws), Some(doc)) = (self.workspace.as_ref(), self.document()) else {
            return;
        };
        let id = doc.meta.id.clone();
        let target = TextTarget::DocumentMemo(id.clone());
        let title = if ws.text_of(&target).is_empty() {
            "Document memo"
        } else {
            "Document memo (1)"
        };
        egui::CollapsingHeader::new(title)
            .id_salt(("doc-memo", &id))
            .show(ui, |ui| {
                self.text_field(ui, target, "Memo on this document", true);
            });
    }
}
