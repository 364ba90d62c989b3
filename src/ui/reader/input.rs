//! Pointer and keyboard on the article: click, drag, double-click and shift-click select text
//! (snapped to words unless Alt is held), a click on a highlight selects its coding, hovering
//! shows the codings under the pointer, shift+arrows move the selection's end.

use egui::{Pos2, Sense, Ui, vec2};

use crate::model::span::Span;

use super::{Reader, ReaderContext, ReaderOutput, Selection};

impl Reader {
    /// Char offset (a boundary between chars) nearest a screen position.
    fn offset_at(&self, pos: Pos2, origin: Pos2) -> Option<usize> {
        let local = pos - origin;
        let (i, galley) = self.galley_at_y(local.y)?;
        let span = self.layout.span(i);
        let cursor = galley.cursor_from_pos(vec2(local.x, local.y - self.layout.top(i)));
        Some(span.start + cursor.index.0.min(span.len()))
    }

    /// The char under a screen position (the glyph whose box holds it).
    fn char_at(&self, pos: Pos2, origin: Pos2) -> Option<usize> {
        let local = pos - origin;
        let (i, galley) = self.galley_at_y(local.y)?;
        let start = self.layout.span(i).start;
        let y = local.y - self.layout.top(i);
        let mut first = 0;
        for row in &galley.rows {
            let n = row.row.glyphs.len();
            if y >= row.min_y() && y < row.max_y() {
                let x = local.x - row.pos.x;
                let col = row.row.glyphs.iter().position(|g| {
                    let r = g.logical_rect();
                    x >= r.min.x && x < r.max.x
                })?;
                return Some(start + first + col);
            }
            first += n + usize::from(row.ends_with_newline);
        }
        None
    }

    /// Whether a press landed on the selected text (a drag from there carries it to a code).
    fn press_in_selection(
        &self,
        cx: &ReaderContext<'_>,
        press: Option<Pos2>,
        origin: Pos2,
    ) -> bool {
        let (Some(span), Some(c)) = (
            self.selected_span(cx.text),
            press.and_then(|p| self.char_at(p, origin)),
        ) else {
            return false;
        };
        span.start <= c && c < span.end
    }

    pub(super) fn handle_pointer(
        &mut self,
        ui: &Ui,
        cx: &ReaderContext<'_>,
        response: &egui::Response,
        origin: Pos2,
    ) -> ReaderOutput {
        let mut out = ReaderOutput::default();
        let modifiers = ui.input(|i| i.modifiers);
        let pointer = response.interact_pointer_pos();
        if response.double_clicked() {
            if let Some(c) = pointer.and_then(|p| self.char_at(p, origin)) {
                let word = cx.text.word_at(c);
                self.selection = Some(Selection {
                    anchor: word.start,
                    cursor: word.end,
                    snap: false,
                });
            }
            return out;
        }
        if response.drag_started() {
            let press = ui.input(|i| i.pointer.press_origin()).or(pointer);
            if !modifiers.shift && self.press_in_selection(cx, press, origin) {
                // the selection is being carried onto a code, not replaced
                self.dragging_out = true;
                egui::DragAndDrop::set_payload(ui.ctx(), super::DraggedSelection);
                return out;
            }
            if let Some(offset) = press.and_then(|p| self.offset_at(p, origin)) {
                let anchor = match (modifiers.shift, self.selection) {
                    (true, Some(sel)) => sel.anchor,
                    _ => offset,
                };
                self.selection = Some(Selection {
                    anchor,
                    cursor: offset,
                    snap: !modifiers.alt,
                });
            }
        } else if self.dragging_out {
            if response.dragged() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
            } else {
                self.dragging_out = false;
            }
        } else if response.dragged() {
            if let (Some(offset), Some(sel)) = (
                pointer.and_then(|p| self.offset_at(p, origin)),
                self.selection.as_mut(),
            ) {
                sel.cursor = offset;
                sel.snap = !modifiers.alt;
            }
        } else if response.clicked() {
            out = self.click(cx, pointer, origin, modifiers);
        }
        out
    }

    fn click(
        &mut self,
        cx: &ReaderContext<'_>,
        pointer: Option<Pos2>,
        origin: Pos2,
        modifiers: egui::Modifiers,
    ) -> ReaderOutput {
        let mut out = ReaderOutput::default();
        let Some(pos) = pointer else {
            return out;
        };
        if modifiers.shift {
            if let Some(offset) = self.offset_at(pos, origin) {
                let anchor = self.selection.map_or(offset, |s| s.anchor);
                self.selection = Some(Selection {
                    anchor,
                    cursor: offset,
                    snap: !modifiers.alt,
                });
            }
            return out;
        }
        self.selection = None;
        let hit = self
            .char_at(pos, origin)
            .and_then(|c| cx.highlights.innermost_at(c));
        match hit {
            Some(h) => out.clicked_coding = Some(h.id),
            None => out.clicked_text = true,
        }
        out
    }

    pub(super) fn hover_tooltip(
        &self,
        ui: &Ui,
        cx: &ReaderContext<'_>,
        response: &egui::Response,
        origin: Pos2,
    ) {
        let Some(pos) = response.hover_pos() else {
            return;
        };
        let Some(c) = self.char_at(pos, origin) else {
            return;
        };
        let hits = cx.highlights.containing(c);
        let marks: Vec<_> = cx
            .highlights
            .marks_overlapping(Span::new(c, c + 1))
            .collect();
        if hits.is_empty() && marks.is_empty() {
            return;
        }
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            ui.scope_id().with("coding-tip"),
            egui::PopupAnchor::Pointer,
        )
        .gap(12.0)
        .show(|ui| {
            for h in hits {
                ui.horizontal(|ui| {
                    let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
                    ui.painter().rect_filled(r, 2.0, h.colour);
                    ui.strong(&h.label);
                });
                if !h.memo.is_empty() {
                    ui.label(&h.memo);
                }
            }
            for m in marks {
                ui.colored_label(m.colour, &m.label);
            }
        });
    }

    pub(super) fn handle_keys(&mut self, ui: &Ui, cx: &ReaderContext<'_>) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let Some(sel) = self.selection.as_mut() else {
            return;
        };
        let text = cx.text;
        ui.input_mut(|i| {
            use egui::{Key, Modifiers};
            let word_shift = Modifiers::COMMAND | Modifiers::SHIFT;
            if i.consume_key(word_shift, Key::ArrowRight) {
                sel.cursor = text.next_word_boundary(sel.cursor);
                sel.snap = false;
            }
            if i.consume_key(word_shift, Key::ArrowLeft) {
                sel.cursor = text.prev_word_boundary(sel.cursor);
                sel.snap = false;
            }
            if i.consume_key(Modifiers::SHIFT, Key::ArrowRight) {
                sel.cursor = (sel.cursor + 1).min(text.char_len());
                sel.snap = false;
            }
            if i.consume_key(Modifiers::SHIFT, Key::ArrowLeft) {
                sel.cursor = sel.cursor.saturating_sub(1);
                sel.snap = false;
            }
        });
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            self.selection = None;
        }
    }
}
