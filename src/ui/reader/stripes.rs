//! Coding stripes, as MAXQDA shows them: a margin left of the reading column with one bracket
//! per coding spanning its lines, in its code's colour and labelled with the code's name
//! (shortened to fit). Overlapping codings keep the underline lanes of the highlights, so a
//! bracket never covers another; labels that would overlap are moved down. Only the codings of
//! the paragraphs on screen are drawn. Clicking a bracket or its label selects the coding.

use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Color32, FontId, Pos2, Rect, Role, Sense, Stroke, TextFormat, Ui, WidgetInfo, pos2, vec2,
};

use crate::model::coding::CodingId;

use super::super::i18n::tr_args;
use super::paint::span_rects;
use super::{Reader, ReaderContext};

/// Width of the stripe margin beside the column.
pub(super) const MARGIN: f32 = 96.0;

/// Space between the brackets and the text.
const GAP: f32 = 6.0;

/// Widest a lane may be; narrower when many codings overlap.
const LANE: f32 = 6.0;

/// Room kept for the labels however many lanes there are.
const MIN_LABEL: f32 = 44.0;

/// One coding's bracket on screen.
#[derive(Debug, Clone)]
struct Stripe {
    id: CodingId,
    lane: usize,
    colour: Color32,
    label: String,
    top: f32,
    bottom: f32,
}

impl Reader {
    /// The brackets of the codings meeting the paragraphs on screen, in screen coordinates.
    fn stripes(&self, cx: &ReaderContext<'_>, origin: Pos2) -> Vec<Stripe> {
        let mut out: Vec<Stripe> = Vec::new();
        for (i, galley) in &self.visible {
            let para = self.layout.span(*i);
            let top_left = origin + vec2(0.0, self.layout.top(*i));
            for h in cx.highlights.overlapping(para) {
                let rects = span_rects(galley, para, h.span, top_left);
                let (Some(first), Some(last)) = (rects.first(), rects.last()) else {
                    continue;
                };
                match out.iter_mut().find(|s| s.id == h.id) {
                    Some(s) => {
                        s.top = s.top.min(first.min.y);
                        s.bottom = s.bottom.max(last.max.y);
                    }
                    None => out.push(Stripe {
                        id: h.id,
                        lane: h.lane,
                        colour: h.colour,
                        label: h.label.clone(),
                        top: first.min.y,
                        bottom: last.max.y,
                    }),
                }
            }
        }
        out.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.lane.cmp(&b.lane)));
        out
    }

    /// Draws the stripes left of the column at `origin`; returns the coding clicked, if any.
    pub(super) fn paint_stripes(
        &self,
        ui: &mut Ui,
        cx: &ReaderContext<'_>,
        origin: Pos2,
        view: Rect,
    ) -> Option<CodingId> {
        let stripes = self.stripes(cx, origin);
        let lanes = stripes.iter().map(|s| s.lane + 1).max()?;
        let right = origin.x - GAP;
        let lane_w = LANE.min((MARGIN - GAP - MIN_LABEL) / lanes as f32).max(1.5);
        let label_right = right - lanes as f32 * lane_w - 3.0;
        let label_width = label_right - (origin.x - MARGIN);
        let dark = ui.visuals().dark_mode;
        let mut next_free = f32::NEG_INFINITY;
        let mut clicked = None;
        for s in stripes {
            let ink = super::super::theme::ink(s.colour, dark);
            let selected = cx.selected == Some(s.id);
            let x = right - (s.lane as f32 + 0.5) * lane_w;
            let stroke = Stroke::new(if selected { 3.0 } else { 1.5 }, ink);
            let painter = ui.painter();
            painter.line_segment([pos2(x, s.top), pos2(x, s.bottom)], stroke);
            painter.line_segment([pos2(x, s.top), pos2(right, s.top)], stroke);
            painter.line_segment([pos2(x, s.bottom), pos2(right, s.bottom)], stroke);
            let y = s.top.max(view.min.y).max(next_free);
            let galley = label_galley(ui, &s.label, label_width, ink, selected);
            let label_rect =
                Rect::from_min_size(pos2(label_right - galley.size().x, y), galley.size());
            next_free = label_rect.max.y;
            ui.painter().galley(label_rect.min, galley, ink);
            let bracket =
                Rect::from_x_y_ranges(x - lane_w / 2.0..=x + lane_w / 2.0, s.top..=s.bottom);
            for (part, key, rect) in [
                ("label", "stripe-label-name", label_rect),
                ("bracket", "stripe-bracket-name", bracket),
            ] {
                let resp = ui.interact(
                    rect,
                    ui.make_persistent_id(("stripe", part, s.id)),
                    Sense::click(),
                );
                let name = tr_args(key, &[("code", (&s.label).into())]);
                resp.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
                let tip = tr_args("stripe-hint", &[("code", (&s.label).into())]);
                if resp.on_hover_text(tip).clicked() {
                    clicked = Some(s.id);
                }
            }
        }
        clicked
    }
}

/// A label shortened with "…" to `width`.
fn label_galley(
    ui: &Ui,
    label: &str,
    width: f32,
    colour: Color32,
    strong: bool,
) -> std::sync::Arc<egui::Galley> {
    let size = if strong { 12.5 } else { 11.5 };
    let mut job = LayoutJob::single_section(
        label.to_owned(),
        TextFormat::simple(FontId::proportional(size), colour),
    );
    job.wrap = TextWrapping::truncate_at_width(width.max(8.0));
    ui.fonts_mut(|f| f.layout_job(job))
}
