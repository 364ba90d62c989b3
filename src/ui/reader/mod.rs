//! The article reader: a custom widget that lays the text out paragraph by paragraph in a column
//! that reflows to the space it has (up to a readable line length), paints codings as
//! translucent fills plus underline lanes, and owns the text selection (mouse drag,
//! double-click, shift-click, shift+arrows).
//!
//! Opening an article costs one screen, not the article: paragraph heights start as estimates
//! ([`layout`]) and are measured when they come near the screen; the text under the reader's eye
//! stays put while heights refine or the column is re-wrapped ([`place`]). Codings never enter
//! the layout job, so adding one does not re-lay the text.

mod input;
pub mod layout;
mod paint;
mod place;
mod stripes;

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::CCursor;
use egui::{Galley, Id, IdSalt, Pos2, Rect, Sense, Ui, pos2, vec2};

use crate::model::coding::CodingId;
use crate::model::span::Span;
use crate::model::text::DocText;

use super::highlights::HighlightIndex;
use layout::ParagraphLayout;
pub use paint::code_colour;
pub use place::{DEFAULT_MAX_LINE_EM, READER_SHARE, column_width, side_panel_max};

/// Space above the first paragraph and below the last.
const TOP_PAD: f32 = 8.0;

/// Salt of the reader's scroll area id (one for every document: the state is dropped when
/// another document opens, so a new document never inherits an offset it was not laid out for).
const SCROLL_SALT: &str = "reader";

/// What the reader reports back to the app after a frame.
#[derive(Debug, Default)]
pub struct ReaderOutput {
    /// A coding highlight was clicked.
    pub clicked_coding: Option<CodingId>,
    /// Plain text was clicked (not a coding): the coding selection should clear.
    pub clicked_text: bool,
}

/// The payload of a text selection dragged out of the reader (dropped on a code, it codes the
/// selection with that code).
#[derive(Debug, Clone, Copy)]
pub struct DraggedSelection;

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

/// What the paragraph heights were measured for; any change re-estimates them.
#[derive(Debug, Clone, PartialEq)]
struct LayoutKey {
    doc: String,
    text_len: usize,
    column: f32,
    font_size: f32,
    pixels_per_point: f32,
}

/// The row at the top of the screen in the last frame, so the same text stays there when
/// heights above it change (measurements, a new column width) or the user scrolls by a delta.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    /// Paragraph of the row.
    para: usize,
    /// Offset of the row's first char within its paragraph.
    char_in_para: usize,
    /// Top of the row within its paragraph, while the width is unchanged.
    row_y: Option<f32>,
    /// Top of the row in column coordinates, when recorded.
    y: f32,
    /// The scroll offset when recorded.
    offset: f32,
}

/// Where the next frame must show: the row of `offset` at this fraction of the screen height.
#[derive(Debug, Clone, Copy)]
struct Goal {
    offset: usize,
    screen_fraction: f32,
}

/// State of the reader for the open document.
#[derive(Debug, Default)]
pub struct Reader {
    key: Option<LayoutKey>,
    layout: ParagraphLayout,
    /// The current text selection, if any.
    pub selection: Option<Selection>,
    scroll_to: Option<Goal>,
    anchor: Option<Anchor>,
    /// Where each document was left (char offset at the top), to come back to it.
    places: HashMap<String, usize>,
    /// The scroll area's state belongs to the last document: drop it before the next frame.
    fresh_scroll: bool,
    /// The scroll area the reader was shown in last frame (the coding and the review view each
    /// have their own).
    scroll_id: Option<Id>,
    /// Largest scroll offset egui saw last frame (it springs back from anything beyond).
    shown_max_offset: Option<f32>,
    /// Width taken by the scroll area around its content (scroll bar, margins), last frame.
    chrome: Option<f32>,
    /// Screen position of the column origin in the last frame (for tests and hit-testing).
    last_origin: Option<Pos2>,
    /// The scroll area's visible rect on screen in the last frame.
    last_inner: Option<Rect>,
    /// Paragraph galleys meeting the viewport in the last frame, by paragraph index.
    visible: Vec<(usize, Arc<Galley>)>,
    /// Spans to outline besides the codings (search hits), sorted by start; set by the app.
    pub marks: Vec<Span>,
    /// The pointer is dragging the selection out of the reader (onto a code), not extending it.
    dragging_out: bool,
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
    /// Longest line of the column in ems of the reader font; narrower when space is short.
    pub max_line_em: f32,
    /// Font size in points.
    pub font_size: f32,
    /// Draw the coding stripes beside the column.
    pub stripes: bool,
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

    /// Scrolls so that a char offset is visible (a third down the screen) on the next frame.
    pub fn scroll_to(&mut self, offset: usize) {
        self.scroll_to = Some(Goal {
            offset,
            screen_fraction: 1.0 / 3.0,
        });
    }

    /// Forgets the layout and selection (another document or project was opened); where each
    /// document was left is kept.
    pub fn reset(&mut self) {
        self.remember_place();
        let places = std::mem::take(&mut self.places);
        *self = Self {
            places,
            ..Self::default()
        };
    }

    /// Screen position of the boundary before the char at `offset` (vertically centred on its
    /// row), if that paragraph was on screen last frame. Tests use it to drag real selections.
    pub fn screen_pos_of(&self, offset: usize) -> Option<Pos2> {
        let origin = self.last_origin?;
        self.visible.iter().find_map(|(i, galley)| {
            let span = self.layout.span(*i);
            if offset < span.start || offset > span.end {
                return None;
            }
            let rect = galley.pos_from_cursor(CCursor::new(offset - span.start));
            Some(origin + vec2(rect.min.x + 0.5, self.layout.top(*i) + rect.center().y))
        })
    }

    /// The part of the window the article was visible in during the last frame.
    pub fn visible_screen_rect(&self) -> Option<Rect> {
        self.last_inner
    }

    /// The text rows on screen in the last frame: for each, the screen rect from its first
    /// glyph to its last non-blank one, and its number of chars. What a user sees of the text.
    pub fn visible_rows(&self) -> Vec<(Rect, usize)> {
        let (Some(origin), Some(inner)) = (self.last_origin, self.last_inner) else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        for (i, galley) in &self.visible {
            let top_left = origin + vec2(0.0, self.layout.top(*i));
            for row in &galley.rows {
                let y = top_left.y + row.min_y()..=top_left.y + row.max_y();
                if *y.end() < inner.min.y || *y.start() > inner.max.y {
                    continue;
                }
                let glyphs = &row.row.glyphs;
                let Some(last) = glyphs.iter().rposition(|g| !g.chr.is_whitespace()) else {
                    continue;
                };
                let x0 = top_left.x + row.pos.x + glyphs[0].pos.x;
                let x1 = top_left.x + row.pos.x + glyphs[last].logical_rect().max.x;
                rows.push((
                    Rect::from_x_y_ranges(x0..=x1, y),
                    glyphs.len() - usize::from(glyphs.last().is_some_and(|g| g.chr == ' ')),
                ));
            }
        }
        rows
    }

    /// Paragraphs of the open document laid out so far, of all with text (the rest have
    /// estimated heights).
    pub fn measured_paragraphs(&self) -> (usize, usize) {
        self.layout.laid_out()
    }

    /// Draws the document and handles pointer and keyboard selection.
    pub fn ui(&mut self, ui: &mut Ui, cx: &ReaderContext<'_>) -> ReaderOutput {
        let outer = ui.available_size();
        let chrome = self.chrome.unwrap_or_else(|| place::scroll_chrome(ui));
        let stripe_w = if cx.stripes { stripes::MARGIN } else { 0.0 };
        let column = column_width(outer.x - chrome - stripe_w, cx.font_size, cx.max_line_em);
        // The id egui gives the scroll area below.
        let scroll_id = ui.make_persistent_id(IdSalt::new(SCROLL_SALT));
        self.prepare(ui, cx, column);
        if self.scroll_id.is_some_and(|id| id != scroll_id) {
            // Shown in the other view now: start its scroll area at the line read in this one.
            if let Some(a) = self.anchor.take()
                && self.scroll_to.is_none()
            {
                self.scroll_to = Some(Goal {
                    offset: self.layout.span(a.para).start + a.char_in_para,
                    screen_fraction: 0.0,
                });
            }
            self.fresh_scroll = true;
        }
        self.scroll_id = Some(scroll_id);
        if std::mem::take(&mut self.fresh_scroll) {
            ui.ctx()
                .data_mut(|d| d.remove::<egui::scroll_area::State>(scroll_id));
            self.shown_max_offset = None;
        }
        let current =
            egui::scroll_area::State::load(ui.ctx(), scroll_id).map(|s| s.unclamped_offset().y);
        let desired = self.plan_offset(ui, cx, current, outer.y);
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt(SCROLL_SALT)
            .auto_shrink([false, false]);
        if let Some(y) = desired {
            scroll = scroll.vertical_scroll_offset(y);
        }
        let mut out = ReaderOutput::default();
        let output = scroll.show_viewport(ui, |ui, viewport| {
            let avail = ui.available_width();
            self.chrome = Some(outer.x - avail);
            let column = column_width(avail - stripe_w, cx.font_size, cx.max_line_em);
            // Only when the guess of the scroll bar's width was wrong (the first frame).
            self.prepare(ui, cx, column);
            let text_view = Rect::from_x_y_ranges(
                viewport.x_range(),
                viewport.min.y - TOP_PAD..=viewport.max.y - TOP_PAD,
            );
            self.measure_band(ui, cx, text_view.min.y, text_view.max.y);
            let margin = ((avail - stripe_w - column) / 2.0).max(0.0);
            let origin = ui.max_rect().min + vec2(margin + stripe_w, TOP_PAD);
            let height = self.layout.total_height() + 2.0 * TOP_PAD;
            ui.set_min_size(vec2(avail, height));
            self.shown_max_offset = Some((height - viewport.height()).max(0.0));
            let rect = Rect::from_min_size(origin - vec2(0.0, TOP_PAD), vec2(column, height));
            let response =
                ui.interact(rect, ui.scope_id().with("article"), Sense::click_and_drag());
            self.last_origin = Some(origin);
            self.collect_visible(ui, cx, text_view);
            self.record_anchor(text_view.min.y, viewport.min.y);
            self.paint(ui, cx, origin);
            out = self.handle_pointer(ui, cx, &response, origin);
            if cx.stripes {
                let view = viewport.translate(ui.max_rect().min.to_vec2());
                if let Some(id) = self.paint_stripes(ui, cx, origin, view) {
                    out.clicked_coding = Some(id);
                    out.clicked_text = false;
                }
            }
            if response.hovered() {
                self.hover_tooltip(ui, cx, &response, origin);
            }
        });
        debug_assert_eq!(output.id, scroll_id);
        self.last_inner = Some(output.inner_rect);
        self.handle_keys(ui, cx);
        out
    }

    /// Galleys of the paragraphs meeting the viewport (laid out already: cache hits).
    fn collect_visible(&mut self, ui: &Ui, cx: &ReaderContext<'_>, text_view: Rect) {
        self.visible.clear();
        for i in self.layout.in_band(text_view.min.y, text_view.max.y) {
            if self.layout.span(i).is_empty() {
                continue;
            }
            let galley = self.galley(ui, cx, i);
            self.visible.push((i, galley));
        }
    }

    /// Index of the paragraph at column height `y` (clamped).
    fn paragraph_at_y(&self, y: f32) -> usize {
        self.layout.at_y(y)
    }

    fn galley_at_y(&self, y: f32) -> Option<(usize, &Arc<Galley>)> {
        let i = self.paragraph_at_y(y);
        self.visible
            .iter()
            .find(|(j, _)| *j == i)
            .map(|(j, g)| (*j, g))
    }

    /// Screen rect of the column (full height of the visible part), for tests of its width.
    pub fn column_screen_rect(&self) -> Option<Rect> {
        let origin = self.last_origin?;
        let inner = self.last_inner?;
        let width = self.key.as_ref()?.column;
        Some(Rect::from_min_max(
            pos2(origin.x, inner.min.y),
            pos2(origin.x + width, inner.max.y),
        ))
    }
}
