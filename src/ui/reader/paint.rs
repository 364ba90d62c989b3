//! Painting one frame of the article: code fills behind the text, search-hit washes, the
//! selection, then the text, underline lanes and outlines on top. Only paragraphs on screen are
//! painted; the galleys never depend on the codings.

use egui::{Color32, Galley, Pos2, Rect, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::model::coding::CodingId;
use crate::model::span::Span;

use super::super::highlights::Highlight;
use super::{Reader, ReaderContext};

impl Reader {
    pub(super) fn paint(&self, ui: &Ui, cx: &ReaderContext<'_>, origin: Pos2) {
        let painter = ui.painter();
        let dark = ui.visuals().dark_mode;
        let sel_colour = ui.visuals().selection.bg_fill.gamma_multiply(0.8);
        let selected_span = self.selected_span(cx.text);
        for (i, galley) in &self.visible {
            let para = self.layout.span(*i);
            let top_left = origin + vec2(0.0, self.layout.top(*i));
            let hits = cx.highlights.overlapping(para);
            for h in &hits {
                let fill = h.colour.gamma_multiply(if dark { 0.35 } else { 0.28 });
                for r in span_rects(galley, para, h.span, top_left) {
                    painter.rect_filled(r, 0.0, fill);
                }
            }
            if let Some(sel) = selected_span {
                for r in span_rects(galley, para, sel, top_left) {
                    painter.rect_filled(r, 0.0, sel_colour);
                }
            }
            self.paint_marks(painter, galley, para, top_left, dark);
            painter.galley(top_left, galley.clone(), ui.visuals().strong_text_color());
            for h in &hits {
                Self::paint_lane(painter, galley, para, h, top_left, cx.selected, dark);
            }
            for m in cx.highlights.marks_overlapping(para) {
                let width = if m.emphasised { 2.5 } else { 1.0 };
                for r in span_rects(galley, para, m.span, top_left) {
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
        let ink = super::super::theme::ink(h.colour, dark);
        for r in span_rects(galley, para, h.span, top_left) {
            let y = r.max.y - 1.0 + 3.0 * h.lane as f32;
            let underline = super::super::theme::ink(h.underline, dark);
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
}

/// Screen rectangles covering `span` within one paragraph galley (one per row it touches).
pub(super) fn span_rects(galley: &Galley, para: Span, span: Span, top_left: Pos2) -> Vec<Rect> {
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
