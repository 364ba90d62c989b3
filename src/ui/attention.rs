//! The "needs attention" window: codings of the current coder that could not be placed with
//! confidence in a text changed outside Spanwise. Nothing is dropped: each one is shown with
//! why, and the coder places it (at a suggestion or at the selected text) or deletes it. The
//! window draws from the workspace and queues what the coder chose as an [`AppCommand`].

use egui::{RichText, Ui};

use crate::edit::workspace::Workspace;
use crate::model::coding::CodingId;
use crate::model::span::Span;

use super::codings::shorten;
use super::command::AppCommand;
use super::i18n::tr;

/// One row of the window.
struct Row {
    id: CodingId,
    doc: usize,
    title: String,
    quote: String,
    reason: String,
    suggestion: Option<Span>,
}

fn rows(ws: &Workspace) -> Vec<Row> {
    ws.my_attention()
        .map(|a| {
            let doc = ws.project().corpus.index_of(&a.document).unwrap_or(0);
            Row {
                id: a.id,
                doc,
                title: ws
                    .project()
                    .corpus
                    .documents
                    .get(doc)
                    .map_or(String::new(), |d| d.meta.title.clone()),
                quote: a.quote.clone(),
                reason: a.reason.clone(),
                suggestion: a.suggestion,
            }
        })
        .collect()
}

/// What the attention window is drawn from.
pub struct AttentionView<'a> {
    /// The open workspace.
    pub workspace: &'a Workspace,
    /// Index of the open document.
    pub current_doc: usize,
    /// The text selected in the open document, if any.
    pub selection: Option<Span>,
}

/// The attention window; it has no state of its own (what needs attention is the workspace's).
pub struct AttentionWindow;

impl AttentionWindow {
    /// Draws the window while some coding of this coder needs attention; returns what the coder
    /// chose (show, place or delete a coding).
    pub fn ui(ctx: &egui::Context, view: &AttentionView) -> Vec<AppCommand> {
        let rows = rows(view.workspace);
        let mut out = Vec::new();
        if rows.is_empty() {
            return out;
        }
        egui::Window::new(tr("window-attention"))
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.label(tr("attention-explain"));
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for r in &rows {
                            row_ui(ui, view, r, &mut out);
                        }
                    });
            });
        out
    }
}

fn row_ui(ui: &mut Ui, view: &AttentionView, r: &Row, out: &mut Vec<AppCommand>) {
    ui.separator();
    ui.label(RichText::new(shorten(&r.title, 60)).weak());
    ui.label(RichText::new(format!("„{}“", shorten(&r.quote, 120))).strong());
    ui.label(RichText::new(&r.reason).small());
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr("attention-show")).clicked() {
            out.push(AppCommand::ShowCoding {
                document: r.doc,
                id: r.id,
            });
        }
        if let Some(span) = r.suggestion
            && ui.button(tr("attention-place-suggestion")).clicked()
        {
            out.push(AppCommand::PlaceFlagged { id: r.id, span });
        }
        let here = view.selection.filter(|_| r.doc == view.current_doc);
        let hint = tr("attention-select-first");
        let place = egui::Button::new(tr("attention-place-selection"));
        if ui
            .add_enabled(here.is_some(), place)
            .on_disabled_hover_text(hint)
            .clicked()
            && let Some(span) = here
        {
            out.push(AppCommand::PlaceFlagged { id: r.id, span });
        }
        if ui.button(tr("attention-delete")).clicked() {
            out.push(AppCommand::DeleteFlagged(r.id));
        }
    });
}
