//! Moving around by keyboard and from lists: showing a span of any document, and extending the
//! text selection by words and sentences.

use crate::model::span::Span;
use crate::model::text::DocText;

use super::app::SpanwiseApp;
use super::reader::Selection;

impl SpanwiseApp {
    /// Opens document `index` with `span` selected as text and scrolled into view.
    pub fn show_span(&mut self, index: usize, span: Span) {
        if index != self.current_doc {
            self.open_document(index);
            // The reader keeps no selection across documents; forget the old layout first.
            self.reader.reset();
        }
        self.selected_coding = None;
        self.reader.select(span);
        self.reader.scroll_to(span.start);
    }

    /// Moves the end of the text selection with `step` (from the cursor to a new offset). Without a
    /// selection it starts at the selected coding's end, or at the top of the article.
    pub fn extend_selection(&mut self, step: impl Fn(&DocText, usize) -> usize) {
        let Some(text) = self.document_text() else {
            return;
        };
        let start = self
            .reader
            .selection
            .map(|s| (s.anchor, s.cursor))
            .or_else(|| {
                let id = self.selected_coding?;
                let end = self
                    .document_codings()
                    .into_iter()
                    .find(|(i, _)| *i == id)?
                    .1
                    .end;
                Some((end, end))
            });
        let (anchor, cursor) = start.unwrap_or((0, 0));
        let cursor = step(&text, cursor).min(text.char_len());
        self.selected_coding = None;
        self.reader.selection = Some(Selection {
            anchor,
            cursor,
            snap: false,
        });
    }

    /// Esc outside a text field: closes an open menu or popup first; otherwise, with no text
    /// selected, deselects the selected coding (the reader clears a text selection itself).
    pub(super) fn escape(&mut self, ui: &egui::Ui) {
        let pressed = ui.input(|i| i.key_pressed(egui::Key::Escape) && !i.modifiers.any());
        if !pressed || self.palette.is_some() {
            return;
        }
        let consume = |ui: &egui::Ui| {
            ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        };
        if egui::Popup::is_any_open(ui.ctx()) {
            egui::Popup::close_all(ui.ctx());
            consume(ui);
        } else if self.reader.selection.is_none() && self.selected_coding.take().is_some() {
            consume(ui);
        }
    }
}
