//! The "needs attention" window: codings of the current coder that could not be placed with
//! confidence in a text changed outside Spanwise. Nothing is dropped: each one is shown with
//! why, and the coder places it (at a suggestion or at the selected text) or deletes it.

use egui::{RichText, Ui};

use crate::model::coding::CodingId;
use crate::model::span::Span;

use super::app::SpanwiseApp;
use super::codings::shorten;

/// One row of the window.
struct Row {
    id: CodingId,
    doc: usize,
    title: String,
    quote: String,
    reason: String,
    suggestion: Option<Span>,
}

impl SpanwiseApp {
    fn attention_rows(&self) -> Vec<Row> {
        let Some(ws) = self.workspace.as_ref() else {
            return Vec::new();
        };
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

    /// Places a flagged coding at a span (one undo step).
    pub fn place_flagged(&mut self, id: CodingId, span: Span) {
        if let Some(ws) = self.workspace.as_mut()
            && let Err(e) = ws.place_attention(id, span)
        {
            self.message = Some(format!("Not placed: {e}"));
        }
    }

    /// Deletes a flagged coding (one undo step).
    pub fn delete_flagged(&mut self, id: CodingId) {
        if let Some(ws) = self.workspace.as_mut()
            && let Err(e) = ws.delete_attention(id)
        {
            self.message = Some(format!("Not deleted: {e}"));
        }
    }

    pub(super) fn attention_window(&mut self, ui: &mut Ui) {
        let rows = self.attention_rows();
        if rows.is_empty() {
            return;
        }
        let selection = self
            .document_text()
            .and_then(|t| self.reader.selected_span(&t));
        let mut action: Option<(CodingId, Option<Span>, usize)> = None;
        egui::Window::new("Codings that need attention")
            .default_width(460.0)
            .show(ui.ctx(), |ui| {
                ui.label(
                    "These texts changed outside Spanwise and these codings could not be placed \
                     with confidence. They are kept; place or delete each.",
                );
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for r in &rows {
                            ui.separator();
                            ui.label(RichText::new(shorten(&r.title, 60)).weak());
                            ui.label(
                                RichText::new(format!("„{}“", shorten(&r.quote, 120))).strong(),
                            );
                            ui.label(RichText::new(&r.reason).small());
                            ui.horizontal_wrapped(|ui| {
                                if ui.button("Show").clicked() {
                                    action = Some((r.id, None, r.doc));
                                }
                                if let Some(s) = r.suggestion
                                    && ui.button("Place at suggestion").clicked()
                                {
                                    action = Some((r.id, Some(s), r.doc));
                                }
                                let here = selection.filter(|_| r.doc == self.current_doc);
                                let hint = "Select the passage in the article first";
                                if ui
                                    .add_enabled(
                                        here.is_some(),
                                        egui::Button::new("Place at selection"),
                                    )
                                    .on_disabled_hover_text(hint)
                                    .clicked()
                                {
                                    action = Some((r.id, here, r.doc));
                                }
                                if ui.button("Delete this coding").clicked() {
                                    action = Some((r.id, Some(Span::new(0, 0)), r.doc));
                                }
                            });
                        }
                    });
            });
        match action {
            Some((id, None, doc)) => {
                self.open_document(doc);
                let span = self
                    .workspace
                    .as_ref()
                    .and_then(|w| w.project().coder(w.coder())?.get(id))
                    .map(|c| c.span());
                if let Some(span) = span {
                    self.reader.scroll_to(span.start);
                }
            }
            Some((id, Some(span), _)) if span.is_empty() => self.delete_flagged(id),
            Some((id, Some(span), _)) => {
                self.place_flagged(id, span);
                self.reader.clear_selection();
            }
            None => {}
        }
    }
}
