//! The left panel's document list: the project's name and memo, the current coder's progress
//! over the corpus, and per document its date, number of codings and progress (counts, not one
//! dot per code, so it stays readable with 20 codes). The list owns its scroll state and follows
//! the open document; a click queues [`AppCommand::OpenDocument`].

use std::ops::Range;

use egui::{ProgressBar, RichText, Ui};

use crate::edit::command::Command;
use crate::edit::workspace::{TextTarget, Workspace};
use crate::model::coder::Progress;

use super::app::SpanwiseApp;
use super::command::AppCommand;
use super::i18n::{tr, tr_args};

/// What the list shows of one document.
struct Row {
    title: String,
    date: Option<String>,
    missing: bool,
    progress: Progress,
    codings: usize,
}

/// The document list's state.
#[derive(Debug, Default)]
pub struct DocumentList {
    /// The document that was open in the last frame (the list scrolls to a newly opened one).
    shown: Option<usize>,
    /// The rows on screen in the last frame.
    visible: Range<usize>,
}

impl DocumentList {
    /// Draws the project header, its memo and the list into the left panel.
    pub fn show(app: &mut SpanwiseApp, ui: &mut Ui) {
        let Some(ws) = app.workspace.as_ref() else {
            return;
        };
        ui.heading(&ws.project().name);
        progress_summary(ui, ws);
        egui::CollapsingHeader::new(tr("documents-project-memo")).show(ui, |ui| {
            ui.label(
                RichText::new(tr("documents-project-memo-where"))
                    .weak()
                    .small(),
            );
            // a long memo scrolls in a few lines: the document list below keeps its room
            let lines = ui.text_style_height(&egui::TextStyle::Body) * 4.0 + 12.0;
            egui::ScrollArea::vertical()
                .id_salt("project-memo")
                .max_height(lines)
                .show(ui, |ui| {
                    app.text_field(
                        ui,
                        TextTarget::ProjectMemo,
                        &tr("documents-project-memo-field"),
                        true,
                    );
                });
        });
        ui.separator();
        let Some(ws) = app.workspace.as_ref() else {
            return;
        };
        let counts: Vec<usize> = (0..ws.project().corpus.documents.len())
            .map(|i| app.document_codings_count(i))
            .collect();
        let current = app.current_doc;
        if let Some(command) = app.documents.list(ui, ws, current, &counts) {
            app.queue(command);
        }
    }

    /// The scrolling list; only the rows on screen are laid out (a corpus may hold thousands).
    fn list(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        current: usize,
        counts: &[usize],
    ) -> Option<AppCommand> {
        let count = ws.project().corpus.documents.len();
        let row_height = ui.spacing().interact_size.y * 2.0 + 16.0;
        let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if self.shown != Some(current) && !self.visible.contains(&current) && self.shown.is_some() {
            let spacing = ui.spacing().item_spacing.y;
            scroll = scroll.vertical_scroll_offset(current as f32 * (row_height + spacing));
        }
        self.shown = Some(current);
        let mut open = None;
        scroll.show_rows(ui, row_height, count, |ui, range| {
            self.visible = range.clone();
            for i in range {
                let Some(row) = row(ws, i, counts) else {
                    continue;
                };
                if document_row(ui, i == current, &row, row_height) {
                    open = Some(i);
                }
            }
        });
        open.map(AppCommand::OpenDocument)
    }
}

/// "16 documents: 3 done, 2 in progress" over a bar of the share done.
fn progress_summary(ui: &mut Ui, ws: &Workspace) {
    let count = ws.project().corpus.documents.len();
    let (mut done, mut started) = (0, 0);
    if let Some(f) = ws.project().coder(ws.coder()) {
        for p in f.progress.values() {
            match p {
                Progress::Done => done += 1,
                Progress::InProgress => started += 1,
                Progress::NotStarted => {}
            }
        }
    }
    let text = tr_args(
        "documents-progress",
        &[
            ("count", count.into()),
            ("done", done.into()),
            ("started", started.into()),
        ],
    );
    let share = if count == 0 {
        0.0
    } else {
        done as f32 / count as f32
    };
    ui.add(ProgressBar::new(share).desired_height(6.0))
        .on_hover_text(text.as_str());
    ui.label(RichText::new(text).weak());
}

/// A progress state's name in the window's language ("not started", "in progress", "done").
pub(super) fn progress_label(progress: Progress) -> String {
    tr(match progress {
        Progress::NotStarted => "progress-not-started",
        Progress::InProgress => "progress-in-progress",
        Progress::Done => "progress-done",
    })
}

/// What the list shows of document `i` (built only for the rows on screen).
fn row(ws: &Workspace, i: usize, counts: &[usize]) -> Option<Row> {
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
        codings: counts.get(i).copied().unwrap_or(0),
    })
}

/// One document in the list; true when it was clicked.
fn document_row(ui: &mut Ui, selected: bool, row: &Row, height: f32) -> bool {
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
                    ui.colored_label(ui.visuals().warn_fg_color, tr("documents-text-missing"));
                }
                let codings = tr_args("documents-codings", &[("n", row.codings.into())]);
                ui.label(RichText::new(codings).small());
                let colour = match row.progress {
                    Progress::NotStarted => ui.visuals().weak_text_color(),
                    Progress::InProgress => ui.visuals().warn_fg_color,
                    Progress::Done => egui::Color32::from_rgb(0x00, 0x9E, 0x73),
                };
                ui.label(
                    RichText::new(progress_label(row.progress))
                        .small()
                        .color(colour),
                );
            });
        });
    clicked
}

impl SpanwiseApp {
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
            ui.label(tr("documents-progress-label"));
            for p in Progress::ALL {
                if ui
                    .selectable_label(current == p, progress_label(p))
                    .clicked()
                    && current != p
                {
                    chosen = Some(p);
                }
            }
        });
        if let Some(progress) = chosen {
            self.queue(AppCommand::Execute(Command::SetProgress {
                coder,
                document: doc_id,
                progress,
            }));
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
            tr("documents-memo")
        } else {
            tr("documents-memo-one")
        };
        egui::CollapsingHeader::new(title)
            .id_salt(("doc-memo", &id))
            .show(ui, |ui| {
                self.text_field(ui, target, &tr("documents-memo-field"), true);
            });
    }
}
