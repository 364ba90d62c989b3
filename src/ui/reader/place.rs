//! Placing the article in the reading column: how wide the column is, which paragraphs are
//! laid out this frame, and where the scroll offset must be so that the text the reader looks
//! at stays where it was.
//!
//! Before the scroll area is shown, the reader knows the offset it will show (egui takes the
//! viewport from the offset stored last frame or set now), so everything in and near that
//! viewport is measured first and the offset is corrected by what the measurements moved: the
//! row at the top of the screen stays put, and a jump lands exactly, in the same frame.

use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextWrapping};
use egui::{Color32, FontId, Galley, TextFormat, Ui};

use super::layout::{Metrics, ParagraphLayout};
use super::{Anchor, Goal, LayoutKey, Reader, ReaderContext, TOP_PAD};

/// Longest line of the column in ems: about 80 chars of German news text in the default font.
pub const DEFAULT_MAX_LINE_EM: f32 = 35.0;

/// Smallest space on each side of the column.
const SIDE_PAD: f32 = 12.0;

/// Paragraphs this far (in screen heights) above and below the viewport are measured too, so
/// scrolling by wheel or keys meets heights that are already exact.
const OVERSCAN: f32 = 0.5;

/// Chars of the article laid out once per column width to learn how many fill a row.
const SAMPLE_CHARS: usize = 3000;

/// Width of the reading column for `available` points: all of it but a small margin on each
/// side, and never more than `max_line_em` ems. Whole points: the width guessed before the
/// scroll area is shown (from a fractional panel width) and the one inside it (whole points)
/// then agree, so the paragraphs are not wrapped twice in the frame a window is resized.
pub fn column_width(available: f32, font_size: f32, max_line_em: f32) -> f32 {
    (available - 2.0 * SIDE_PAD)
        .floor()
        .min(max_line_em * font_size)
        .max(1.0)
}

/// Share of the window width the reader keeps however many side panels are open.
pub const READER_SHARE: f32 = 0.4;

/// Widest a side panel may be when `open` side panels share a window `window_width` wide, so
/// that the reader keeps [`READER_SHARE`] of it (panels may always be dragged narrower).
pub fn side_panel_max(window_width: f32, open: usize) -> f32 {
    (window_width * (1.0 - READER_SHARE) / open.max(1) as f32).max(1.0)
}

/// Width the scroll area keeps for itself beside its content, before it has been shown once.
pub(super) fn scroll_chrome(ui: &Ui) -> f32 {
    let s = ui.spacing().scroll;
    let bar = if s.floating {
        s.floating_allocated_width
    } else {
        s.allocated_width()
    };
    bar + s.content_margin.sum().x
}

impl Reader {
    /// Makes the paragraph layout fit the document, the column width and the font: a new
    /// document gets estimates; a new width or font re-estimates everything (nothing is laid
    /// out here) and keeps the anchor on its char.
    pub(super) fn prepare(&mut self, ui: &Ui, cx: &ReaderContext<'_>, column: f32) {
        let key = LayoutKey {
            doc: cx.doc_id.to_owned(),
            text_len: cx.text.char_len(),
            column,
            font_size: cx.font_size,
            pixels_per_point: ui.pixels_per_point(),
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let same_doc = self
            .key
            .as_ref()
            .is_some_and(|k| k.doc == key.doc && k.text_len == key.text_len);
        let metrics = self.metrics(ui, cx, column);
        if same_doc {
            self.layout.reestimate(metrics);
            if let Some(a) = self.anchor.as_mut() {
                a.row_y = None;
            }
        } else {
            self.remember_place();
            if self.key.is_some() {
                self.selection = None;
            }
            self.layout = ParagraphLayout::new(cx.text.paragraphs(), metrics);
            self.anchor = None;
            if self.scroll_to.is_none() {
                self.scroll_to = self.places.get(cx.doc_id).map(|&offset| Goal {
                    offset,
                    screen_fraction: 0.0,
                });
            }
            // The offset of the new document is always set explicitly.
            self.fresh_scroll = true;
        }
        self.key = Some(key);
        self.visible.clear();
    }

    /// Keeps the char at the top of the screen of the open document, to come back to it.
    pub(super) fn remember_place(&mut self) {
        if let (Some(key), Some(a)) = (self.key.as_ref(), self.anchor)
            && a.para < self.layout.len()
        {
            let offset = self.layout.span(a.para).start + a.char_in_para;
            self.places.insert(key.doc.clone(), offset);
        }
    }

    /// Row height and chars per row at this width, from a sample of the article's own text.
    fn metrics(&self, ui: &Ui, cx: &ReaderContext<'_>, column: f32) -> Metrics {
        let end = cx.text.char_len().min(SAMPLE_CHARS);
        let sample: String = cx
            .text
            .slice(crate::model::span::Span::new(0, end))
            .unwrap_or("")
            .chars()
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
        let sample = if sample.trim().is_empty() {
            "Spanwise ".repeat(40)
        } else {
            sample
        };
        let chars = sample.chars().count();
        let galley = ui.fonts_mut(|f| f.layout_job(job(sample, cx.font_size, column)));
        let rows = &galley.rows;
        let row_height = rows.first().map_or(cx.font_size, |r| r.height());
        let chars_per_row = if rows.len() >= 2 {
            let last = rows.last().map_or(0, |r| r.row.glyphs.len());
            (chars - last) as f32 / (rows.len() - 1) as f32
        } else {
            chars as f32 * column / galley.size().x.max(1.0)
        };
        Metrics {
            row_height,
            chars_per_row,
            empty_height: cx.font_size * 0.6,
            gap: cx.font_size * 0.15,
        }
    }

    /// The galley of paragraph `i` (egui caches it while it is asked for every frame).
    pub(super) fn galley(&self, ui: &Ui, cx: &ReaderContext<'_>, i: usize) -> Arc<Galley> {
        let text = cx.text.slice(self.layout.span(i)).unwrap_or("");
        let column = self.key.as_ref().map_or(1.0, |k| k.column);
        ui.fonts_mut(|f| f.layout_job(job(text.to_owned(), cx.font_size, column)))
    }

    /// Lays out paragraph `i` if it only has an estimate; true when its height changed.
    fn measure(&mut self, ui: &Ui, cx: &ReaderContext<'_>, i: usize) -> bool {
        if self.layout.is_measured(i) {
            return false;
        }
        let height = self.galley(ui, cx, i).size().y;
        self.layout.set_measured(i, height) != 0.0
    }

    /// Measures every paragraph meeting the band `from..to` of column heights; true when any
    /// height changed.
    pub(super) fn measure_band(
        &mut self,
        ui: &Ui,
        cx: &ReaderContext<'_>,
        from: f32,
        to: f32,
    ) -> bool {
        if self.layout.is_empty() {
            return false;
        }
        let mut changed = false;
        let mut i = self.layout.at_y(from);
        while i < self.layout.len() && self.layout.top(i) <= to {
            changed |= self.measure(ui, cx, i);
            i += 1;
        }
        changed
    }

    /// Column height of the top of the row holding `char_in_para` of paragraph `para`, and
    /// that row's top within the paragraph (laying the paragraph out when needed).
    fn row_top(
        &mut self,
        ui: &Ui,
        cx: &ReaderContext<'_>,
        para: usize,
        char_in_para: usize,
        known: Option<f32>,
    ) -> (f32, f32) {
        let row_y = match known {
            Some(y) if self.layout.is_measured(para) => y,
            _ => {
                self.measure(ui, cx, para);
                let galley = self.galley(ui, cx, para);
                galley.pos_from_cursor(CCursor::new(char_in_para)).min.y
            }
        };
        (self.layout.top(para) + row_y, row_y)
    }

    /// The scroll offset to show this frame, if it must differ from `current` (egui's own):
    /// a jump target at its place on the screen, the top row kept where it was after heights
    /// changed, or the top of a newly opened document. Measures everything near that view.
    pub(super) fn plan_offset(
        &mut self,
        ui: &Ui,
        cx: &ReaderContext<'_>,
        current: Option<f32>,
        view_h: f32,
    ) -> Option<f32> {
        if self.layout.is_empty() {
            return None;
        }
        // The goal: the row of this char at `screen_y` below the top of the view.
        let (para, char_in_para, mut known, screen_y) = if let Some(goal) = self.scroll_to.take() {
            let para = self.layout.of_offset(goal.offset);
            let local = goal.offset.saturating_sub(self.layout.span(para).start);
            (para, local, None, goal.screen_fraction * view_h)
        } else if let (Some(a), Some(current)) = (self.anchor, current) {
            // Where the row was on screen, moved by what the user scrolled since.
            let screen_y = a.y - (a.offset - TOP_PAD) - (current - a.offset);
            (a.para, a.char_in_para, a.row_y, screen_y)
        } else if let Some(current) = current {
            let top = current - TOP_PAD;
            self.measure_band(
                ui,
                cx,
                top - OVERSCAN * view_h,
                top + (1.0 + OVERSCAN) * view_h,
            );
            return None;
        } else {
            (0, 0, None, TOP_PAD)
        };
        let mut offset = current.unwrap_or(0.0);
        for _ in 0..8 {
            let (y, row_y) = self.row_top(ui, cx, para, char_in_para, known);
            known = Some(row_y);
            let wanted = y - screen_y + TOP_PAD;
            let max_offset = (self.layout.total_height() + 2.0 * TOP_PAD - view_h)
                .min(self.shown_max_offset.unwrap_or(f32::INFINITY))
                .max(0.0);
            offset = match current {
                Some(c) if (wanted - c).abs() < 0.01 => c,
                _ => wanted.clamp(0.0, max_offset),
            };
            let top = offset - TOP_PAD;
            let from = top - OVERSCAN * view_h;
            if !self.measure_band(ui, cx, from, top + (1.0 + OVERSCAN) * view_h) {
                break;
            }
        }
        match current {
            Some(c) if (offset - c).abs() < 0.01 => None,
            _ => Some(offset),
        }
    }

    /// Remembers the first whole row at the top of the view (`view_top` in column
    /// coordinates), or the row cut by the top edge when no row starts on screen, and the
    /// scroll offset it was seen at.
    pub(super) fn record_anchor(&mut self, view_top: f32, offset: f32) {
        let mut cut = None;
        for (i, galley) in &self.visible {
            let top = self.layout.top(*i);
            if top + self.layout.height(*i) <= view_top {
                continue;
            }
            let mut first = 0;
            for row in &galley.rows {
                let anchor = Anchor {
                    para: *i,
                    char_in_para: first,
                    row_y: Some(row.min_y()),
                    y: top + row.min_y(),
                    offset,
                };
                if top + row.min_y() >= view_top - 0.5 {
                    self.anchor = Some(anchor);
                    return;
                }
                if top + row.max_y() > view_top && cut.is_none() {
                    cut = Some(anchor);
                }
                first += row.row.glyphs.len() + usize::from(row.ends_with_newline);
            }
        }
        if cut.is_some() {
            self.anchor = cut;
        }
    }
}

/// The layout job of one paragraph: wrapped at the column, colour filled in when painted (so
/// the theme never re-lays the text), trailing spaces kept so chars map 1:1 onto glyphs.
fn job(text: String, font_size: f32, column: f32) -> LayoutJob {
    let mut job = LayoutJob::single_section(
        text,
        TextFormat::simple(FontId::proportional(font_size), Color32::PLACEHOLDER),
    );
    job.wrap = TextWrapping::wrap_at_width(column);
    job.keep_trailing_whitespace = true;
    job
}
