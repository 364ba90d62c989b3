//! The article reader: a custom widget that lays the text out paragraph by paragraph at a fixed
//! reading width, paints codings as translucent fills plus underline lanes, and owns the text
//! selection (mouse drag, double-click, shift-click, shift+arrows).
//!
//! Only paragraphs that meet the viewport are laid out and painted each frame; paragraph heights
//! are measured once per (document, width, font size), so the cost of a frame grows with what is
//! on screen, not with the length of the document. Codings never enter the layout job, so adding
//! one does not re-lay the text.

use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextWrapping};
use egui::{
    Color32, FontId, Galley, Pos2, Rect, Sense, Stroke, StrokeKind, TextFormat, Ui, pos2, vec2,
};

use crate::model::coding::CodingId;
use crate::model::span::Span;
use crate::model::text::DocText;

use super::highlights::{Highlight, HighlightIndex};

/// What the reader reports back to the app after a frame.
#[derive(Debug, Default)]
pub struct ReaderOutput {
    /// A coding highlight was clicked.
    pub clicked_coding: Option<CodingId>,
    /// Plain text was clicked (not a coding): the coding selection should clear.
    pub clicked_text: bool,
}

/// A text selection in char offsets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection started.
    pub anchor: usize,
    /// Where it ends (moves with the pointer or shift+arrows).
    pub cursor: usize,
    /// Grow to whole words (mouse selections without Alt).
    pub snap: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct LayoutKey {
    doc: String,
    text_len: usize,
    width: f32,
    font_size: f32,
    dark: bool,
}

#[derive(Debug)]
struct Paragraph {
    span: Span,
    top: f32,
    height: f32,
}

/// State of the reader for the open document.
#[derive(Debug, Default)]
pub struct Reader {
    key: Option<LayoutKey>,
    paragraphs: Vec<Paragraph>,
    total_height: f32,
    /// The current text selection, if any.
    pub selection: Option<Selection>,
    scroll_to: Option<usize>,
    /// Screen position of the content origin in the last frame (for tests and hit-testing).
    last_origin: Option<Pos2>,
    last_viewport: Option<Rect>,
    /// Paragraph galleys laid out in the last frame, by paragraph index.
    visible: Vec<(usize, Arc<Galley>)>,
    /// Spans to outline besides the codings (search hits), sorted by start; set by the app.
    pub marks: Vec<Span>,
}

/// Everything the reader needs to draw one document.
pub struct ReaderContext<'a> {
    /// Id of the document (the layout cache key).
    pub doc_id: &'a str,
    /// The text.
    pub text: &'a DocText,
    /// Codings to paint.
    pub highlights: &'a HighlightIndex,
    /// The selected coding, outlined.
    pub selected: Option<CodingId>,
    /// Reading width in points.
    pub width: f32,
    /// Font size in points.
    pub font_size: f32,
}

impl Reader {
    /// The selected span, snapped to words when the selection asks for it.
    pub fn selected_span(&self, text: &DocText) -> Option<Span> {
        let sel = self.selection?;
        let raw = Span::new(sel.anchor, sel.cursor);
        let span = if sel.snap {
            text.snap_to_words(raw)
        } else {
            raw
        };
        (!span.is_empty()).then_some(span)
    }

    /// Selects a span (as if by keyboard: no snapping).
    pub fn select(&mut self, span: Span) {
        self.selection = Some(Selection {
            anchor: span.start,
            cursor: span.end,
            snap: false,
        });
    }

    /// Clears the text selection.
    pub fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// Scrolls so that a char offset is visible on the next frame.
    pub fn scroll_to(&mut self, offset: usize) {
        self.scroll_to = Some(offset);
    }

    /// Forgets the layout (another document or project was opened).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Screen position of the boundary before the char at `offset` (vertically centred on its
    /// row), if that paragraph was on screen last frame. Tests use it to drag real selections.
    pub fn screen_pos_of(&self, offset: usize) -> Option<Pos2> {
        let origin = self.last_origin?;
        self.visible.iter().find_map(|(i, galley)| {
            let p = &self.paragraphs[*i];
            if offset < p.span.start || offset > p.span.end {
                return None;
            }
            let rect = galley.pos_from_cursor(CCursor::new(offset - p.span.start));
            Some(origin + vec2(rect.min.x + 0.5, p.top + rect.center().y))
        })
    }

    /// The part of the article visible on screen in the last frame.
    pub fn visible_screen_rect(&self) -> Option<Rect> {
        let origin = self.last_origin?;
        let viewport = self.last_viewport?;
        let top = origin.y - 8.0 + viewport.min.y;
        Some(Rect::from_min_max(
            pos2(origin.x, top),
            pos2(origin.x + 10_000.0, top + viewport.height()),
        ))
    }

    /// Draws the document and handles pointer and keyboard selection.
    pub fn ui(&mut self, ui: &mut Ui, cx: &ReaderContext<'_>) -> ReaderOutput {
        self.ensure_layout(ui, cx);
        let mut out = ReaderOutput::default();
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt(("reader", cx.doc_id))
            .auto_shrink([false, false]);
        if let Some(offset) = self.scroll_to.take()
            && let Some(y) = self.y_of(ui, cx, offset)
        {
            let view_h = self.last_viewport.map_or(600.0, |r| r.height());
            scroll = scroll.vertical_scroll_offset((y - view_h / 3.0).max(0.0));
        }
        scroll.show_viewport(ui, |ui, viewport| {
            self.last_viewport = Some(viewport);
            let margin = ((ui.available_width() - cx.width) / 2.0).max(8.0);
            let origin = ui.max_rect().min + vec2(margin, 8.0);
            let size = vec2(cx.width, self.total_height + 16.0);
            let rect = Rect::from_min_size(origin, size);
            ui.set_min_size(vec2(ui.available_width(), size.y + 8.0));
            let response =
                ui.interact(rect, ui.scope_id().with("article"), Sense::click_and_drag());
            self.last_origin = Some(origin);
            self.lay_out_visible(ui, cx, viewport);
            self.paint(ui, cx, origin);
            out = self.handle_pointer(ui, cx, &response, origin);
            if response.hovered() {
                self.hover_tooltip(ui, cx, &response, origin);
            }
        });
        self.handle_keys(ui, cx);
        out
    }

    fn job(&self, text: &str, cx: &ReaderContext<'_>, ui: &Ui) -> LayoutJob {
        let mut job = LayoutJob::single_section(
            text.to_owned(),
            TextFormat::simple(
                FontId::proportional(cx.font_size),
                ui.visuals().strong_text_color(),
            ),
        );
        job.wrap = TextWrapping::wrap_at_width(cx.width);
        job.keep_trailing_whitespace = true;
        job
    }

    fn galley(&self, ui: &Ui, cx: &ReaderContext<'_>, index: usize) -> Arc<Galley> {
        let span = self.paragraphs[index].span;
        let text = cx.text.slice(span).unwrap_or("");
        let job = self.job(text, cx, ui);
        ui.fonts_mut(|f| f.layout_job(job))
    }

    fn ensure_layout(&mut self, ui: &Ui, cx: &ReaderContext<'_>) {
        let key = LayoutKey {
            doc: cx.doc_id.to_owned(),
            text_len: cx.text.char_len(),
            width: cx.width,
            font_size: cx.font_size,
            dark: ui.visuals().dark_mode,
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        if self.key.as_ref().is_some_and(|k| k.doc != key.doc) {
            self.selection = None;
        }
        self.key = Some(key);
        let gap = cx.font_size * 0.15;
        self.paragraphs = cx
            .text
            .paragraphs()
            .into_iter()
            .map(|span| Paragraph {
                span,
                top: 0.0,
                height: 0.0,
            })
            .collect();
        let mut top = 0.0;
        for i in 0..self.paragraphs.len() {
            let height = if self.paragraphs[i].span.is_empty() {
                cx.font_size * 0.6
            } else {
                self.galley(ui, cx, i).size().y
            };
            let p = &mut self.paragraphs[i];
            p.top = top;
            p.height = height;
            top += height + gap;
        }
        self.total_height = top;
        self.visible.clear();
    }

    /// Index of the paragraph at content height `y` (clamped).
    fn paragraph_at_y(&self, y: f32) -> usize {
        let i = self.paragraphs.partition_point(|p| p.top + p.height < y);
        i.min(self.paragraphs.len().saturating_sub(1))
    }

    fn paragraph_of(&self, offset: usize) -> usize {
        let i = self.paragraphs.partition_point(|p| p.span.end < offset);
        i.min(self.paragraphs.len().saturating_sub(1))
    }

    fn y_of(&self, ui: &Ui, cx: &ReaderContext<'_>, offset: usize) -> Option<f32> {
        if self.paragraphs.is_empty() {
            return None;
        }
        let i = self.paragraph_of(offset);
        let p = &self.paragraphs[i];
        let galley = self.galley(ui, cx, i);
        let local = offset.saturating_sub(p.span.start);
        Some(p.top + galley.pos_from_cursor(CCursor::new(local)).min.y)
    }

    fn lay_out_visible(&mut self, ui: &Ui, cx: &ReaderContext<'_>, viewport: Rect) {
        self.visible.clear();
        if self.paragraphs.is_empty() {
            return;
        }
        let first = self.paragraph_at_y(viewport.min.y - 8.0);
        for i in first..self.paragraphs.len() {
            if self.paragraphs[i].top > viewport.max.y {
                break;
            }
            let galley = self.galley(ui, cx, i);
            self.visible.push((i, galley));
        }
    }

    fn paint(&self, ui: &Ui, cx: &ReaderContext<'_>, origin: Pos2) {
        let painter = ui.painter();
        let dark = ui.visuals().dark_mode;
        let sel_colour = ui.visuals().selection.bg_fill.gamma_multiply(0.8);
        let selected_span = self.selected_span(cx.text);
        for (i, galley) in &self.visible {
            let p = &self.paragraphs[*i];
            let top_left = origin + vec2(0.0, p.top);
            let hits = cx.highlights.overlapping(p.span);
            for h in &hits {
                let fill = h.colour.gamma_multiply(if dark { 0.35 } else { 0.28 });
                for r in span_rects(galley, p.span, h.span, top_left) {
                    painter.rect_filled(r, 0.0, fill);
                }
            }
            if let Some(sel) = selected_span {
                for r in span_rects(galley, p.span, sel, top_left) {
                    painter.rect_filled(r, 0.0, sel_colour);
                }
            }
            self.paint_marks(painter, galley, p.span, top_left, dark);
            painter.galley(top_left, galley.clone(), ui.visuals().strong_text_color());
            for h in &hits {
                Self::paint_lane(painter, galley, p.span, h, top_left, cx.selected, dark);
            }
            for m in cx.highlights.marks_overlapping(p.span) {
                let width = if m.emphasised { 2.5 } else { 1.0 };
                for r in span_rects(galley, p.span, m.span, top_left) {
                    painter.rect_stroke(
                        r.expand(2.0),
                        2.0,
                        Stroke::new(width, m.colour),
                        StrokeKind::Outside,
                    );
                }
            }
        }
    }

    /// Search hits: a yellow wash with a strong outline, distinct from the codings' fills and
    /// underlines in both themes.
    fn paint_marks(
        &self,
        painter: &egui::Painter,
        galley: &Galley,
        para: Span,
        top_left: Pos2,
        dark: bool,
    ) {
        let from = self.marks.partition_point(|m| m.end <= para.start);
        let (fill, stroke) = if dark {
            (
                Color32::from_rgba_unmultiplied(240, 228, 66, 40),
                Color32::from_rgb(240, 228, 66),
            )
        } else {
            (
                Color32::from_rgba_unmultiplied(240, 228, 66, 110),
                Color32::from_rgb(90, 80, 0),
            )
        };
        for m in self.marks[from..].iter().take_while(|m| m.start < para.end) {
            for r in span_rects(galley, para, *m, top_left) {
                painter.rect_filled(r, 2.0, fill);
                painter.rect_stroke(r, 2.0, Stroke::new(1.0, stroke), StrokeKind::Outside);
            }
        }
    }

    fn paint_lane(
        painter: &egui::Painter,
        galley: &Galley,
        para: Span,
        h: &Highlight,
        top_left: Pos2,
        selected: Option<CodingId>,
        dark: bool,
    ) {
        let is_selected = selected == Some(h.id);
        let ink = super::theme::ink(h.colour, dark);
        for r in span_rects(galley, para, h.span, top_left) {
            let y = r.max.y - 1.0 + 3.0 * h.lane as f32;
            let underline = super::theme::ink(h.underline, dark);
            painter.line_segment(
                [pos2(r.min.x, y), pos2(r.max.x, y)],
                Stroke::new(2.0, underline),
            );
            if is_selected {
                painter.rect_stroke(
                    r.expand(1.0),
                    2.0,
                    Stroke::new(1.5, ink),
                    StrokeKind::Outside,
                );
            }
        }
    }

    /// Char offset (a boundary between chars) nearest a screen position.
    fn offset_at(&self, pos: Pos2, origin: Pos2) -> Option<usize> {
        let local = pos - origin;
        let (i, galley) = self.galley_at_y(local.y)?;
        let p = &self.paragraphs[i];
        let cursor = galley.cursor_from_pos(vec2(local.x, local.y - p.top));
        Some(p.span.start + cursor.index.0.min(p.span.len()))
    }

    /// The char under a screen position (the glyph whose box holds it).
    fn char_at(&self, pos: Pos2, origin: Pos2) -> Option<usize> {
        let local = pos - origin;
        let (i, galley) = self.galley_at_y(local.y)?;
        let p = &self.paragraphs[i];
        let y = local.y - p.top;
        let mut first = 0;
        for row in &galley.rows {
            let n = row.row.glyphs.len();
            if y >= row.min_y() && y < row.max_y() {
                let x = local.x - row.pos.x;
                let col = row.row.glyphs.iter().position(|g| {
                    let r = g.logical_rect();
                    x >= r.min.x && x < r.max.x
                })?;
                return Some(p.span.start + first + col);
            }
            first += n + usize::from(row.ends_with_newline);
        }
        None
    }

    fn galley_at_y(&self, y: f32) -> Option<(usize, &Arc<Galley>)> {
        let i = self.paragraph_at_y(y);
        self.visible
            .iter()
            .find(|(j, _)| *j == i)
            .map(|(j, g)| (*j, g))
    }

    fn handle_pointer(
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

    fn hover_tooltip(
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

    fn handle_keys(&mut self, ui: &Ui, cx: &ReaderContext<'_>) {
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

/// Screen rectangles covering `span` within one paragraph galley (one per row it touches).
fn span_rects(galley: &Galley, para: Span, span: Span, top_left: Pos2) -> Vec<Rect> {
    let mut out = Vec::new();
    let local = Span::new(
        span.start.saturating_sub(para.start).min(para.len()),
        span.end.saturating_sub(para.start).min(para.len()),
    );
    if local.is_empty() {
        return out;
    }
    let mut first = 0;
    for row in &galley.rows {
        let n = row.row.glyphs.len();
        let a = local.start.max(first);
        let b = local.end.min(first + n);
        if a < b {
            let x0 = row.pos.x + row.row.x_offset(egui::text::CharIndex(a - first));
            let x1 = row.pos.x + row.row.x_offset(egui::text::CharIndex(b - first));
            out.push(Rect::from_min_max(
                top_left + vec2(x0, row.min_y()),
                top_left + vec2(x1, row.max_y()),
            ));
        }
        first += n + usize::from(row.ends_with_newline);
        if first >= local.end {
            break;
        }
    }
    out
}

/// A colour from a code's RGB with full opacity.
pub fn code_colour(rgb: [u8; 3]) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}
