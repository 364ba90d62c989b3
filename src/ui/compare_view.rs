//! The compare view of review mode: the open article with every compared coder's codings in the
//! reader, each coder in its own band of underline lanes and its own underline colour (the fill
//! keeps the code's colour), and every difference outlined in the colour of its kind, the
//! selected one heavier. Clicking a coding selects the difference it belongs to.

use egui::{RichText, Sense, Ui, vec2};

use crate::analysis::compare::DifferenceKind;
use crate::model::coding::CodingId;

use super::app::SpanwiseApp;
use super::coder_palette::coder_colour;
use super::command::AppCommand;
use super::highlights::{Highlight, HighlightIndex, Mark};
use super::i18n::{tr, tr_args};
use super::reader::{ReaderContext, code_colour};
use super::review::{CompareKey, key, kind_colour, kind_label};

/// Bits of a compare-view highlight id that hold the coding id; the coder's position is above.
const CODER_SHIFT: u32 = 48;

/// A highlight id unique across coders: the coder's position and the coding id.
fn layer_id(coder: usize, id: CodingId) -> CodingId {
    CodingId(((coder as u64) << CODER_SHIFT) | id.0)
}

/// The coder position and coding id of a compare-view highlight id.
fn split_layer_id(id: CodingId) -> (usize, CodingId) {
    (
        (id.0 >> CODER_SHIFT) as usize,
        CodingId(id.0 & ((1 << CODER_SHIFT) - 1)),
    )
}

impl SpanwiseApp {
    /// The central panel of review mode.
    pub(super) fn compare_view(&mut self, ui: &mut Ui) {
        let chosen = self.review.chosen();
        self.legend(ui, &chosen);
        ui.separator();
        let Some(doc) = self.document() else {
            ui.label(tr("article-no-documents"));
            return;
        };
        let title = doc.meta.title.clone();
        let doc_id = doc.meta.id.0.clone();
        let Some(text) = doc.text.clone() else {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                tr_args("compare-text-missing", &[("title", (&title).into())]),
            );
            return;
        };
        ui.horizontal(|ui| {
            if ui
                .small_button("<")
                .on_hover_text(tr("action-document-prev"))
                .clicked()
            {
                let prev = self.current_doc.saturating_sub(1);
                self.queue(AppCommand::OpenDocument(prev));
            }
            if ui
                .small_button(">")
                .on_hover_text(tr("action-document-next"))
                .clicked()
            {
                self.queue(AppCommand::OpenDocument(self.current_doc + 1));
            }
            // wrapped in the row's remaining width: a long title must not widen the column
            ui.add(egui::Label::new(RichText::new(&title).heading()).wrap());
        });
        self.refresh_compare_index(&chosen);
        let Some((_, index)) = self.review.compare_cache.as_ref() else {
            return;
        };
        let cx = ReaderContext {
            doc_id: &doc_id,
            text: &text,
            highlights: index,
            selected: None,
            max_line_em: self.prefs.max_line_em,
            font_size: self.prefs.font_size,
            stripes: false,
        };
        let out = self.reader.ui(ui, &cx);
        if let Some(id) = out.clicked_coding {
            let (coder, id) = split_layer_id(id);
            let hit = chosen.get(coder).and_then(|name| {
                self.review
                    .differences()
                    .iter()
                    .find(|d| d.codings_of(name).contains(&id))
                    .map(key)
            });
            if let Some(k) = hit {
                self.queue(AppCommand::SelectDifference(k));
            }
        }
    }

    fn legend(&self, ui: &mut Ui, chosen: &[String]) {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("compare-underlines"));
            for coder in chosen {
                let colour = coder_colour(chosen, coder);
                swatch(ui, colour, true);
                ui.label(RichText::new(coder).color(colour));
            }
            ui.separator();
            ui.label(tr("compare-outlines"));
            for kind in DifferenceKind::ALL {
                swatch(ui, kind_colour(kind), false);
                ui.label(kind_label(kind));
            }
        });
    }

    /// Rebuilds the compare view's highlights when the project, the document, the coders or the
    /// selection changed.
    fn refresh_compare_index(&mut self, chosen: &[String]) {
        let (Some(ws), Some(doc)) = (self.workspace.as_ref(), self.document()) else {
            return;
        };
        let k: CompareKey = (
            ws.revision(),
            self.current_doc,
            chosen.to_vec(),
            self.review.selected.clone(),
        );
        if self.review.compare_cache.as_ref().map(|(k, _)| k) == Some(&k) {
            return;
        }
        let project = ws.project();
        let doc_id = &doc.meta.id;
        let layers: Vec<Vec<Highlight>> = chosen
            .iter()
            .enumerate()
            .map(|(i, coder)| {
                project
                    .coder(coder)
                    .into_iter()
                    .flat_map(|f| f.document_codings(doc_id))
                    .map(|c| {
                        let code = project.codebook.get(&c.code);
                        Highlight {
                            id: layer_id(i, c.id),
                            span: c.span(),
                            colour: code_colour(code.map_or([128, 128, 128], |c| c.rgb())),
                            lane: 0,
                            underline: coder_colour(chosen, coder),
                            label: format!("{coder}: {}", project.codebook.name_of(&c.code)),
                            memo: c.memo.clone(),
                        }
                    })
                    .collect()
            })
            .collect();
        let marks: Vec<Mark> = self
            .review
            .differences()
            .iter()
            .filter(|d| &d.document == doc_id)
            .map(|d| Mark {
                span: d.span,
                colour: kind_colour(d.kind),
                label: kind_label(d.kind),
                emphasised: self.review.selected.as_ref() == Some(&key(d)),
            })
            .collect();
        let index = HighlightIndex::layered(layers).with_marks(marks);
        self.review.compare_cache = Some((k, index));
    }
}

/// A small colour sample: an underline bar or an outlined box.
fn swatch(ui: &mut Ui, colour: egui::Color32, underline: bool) {
    let (r, _) = ui.allocate_exact_size(vec2(14.0, 12.0), Sense::hover());
    if underline {
        ui.painter().line_segment(
            [r.left_bottom(), r.right_bottom()],
            egui::Stroke::new(2.5, colour),
        );
    } else {
        ui.painter().rect_stroke(
            r.shrink(1.0),
            2.0,
            egui::Stroke::new(1.5, colour),
            egui::StrokeKind::Inside,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_ids_keep_coder_and_coding_apart() {
        let id = layer_id(3, CodingId(77));
        assert_ne!(id, layer_id(2, CodingId(77)));
        assert_eq!(split_layer_id(id), (3, CodingId(77)));
    }
}
