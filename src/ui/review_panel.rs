//! The review panel beside the compare view: which coders to compare, the filter, the decision
//! buttons for the selected difference (with the "Edit…" form) and the list of differences.

use egui::{RichText, Ui};

use crate::analysis::compare::{Difference, DifferenceKind, Resolution};
use crate::model::codebook::CodeId;
use crate::model::corpus::DocId;
use crate::model::project::Project;

use super::app::SpanwiseApp;
use super::review::{CONSENSUS, DifferenceKey, coder_colour, key, kind_colour};

/// Height of a row in the differences list.
const ROW_HEIGHT: f32 = 18.0;

impl SpanwiseApp {
    pub(super) fn review_panel(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.heading("Review");
            if ui
                .button("Back to coding")
                .on_hover_text("Leave review mode")
                .clicked()
            {
                self.toggle_review();
            }
        });
        self.coder_choice(ui);
        ui.separator();
        self.difference_filter(ui);
        ui.separator();
        self.decision_buttons(ui);
        ui.separator();
        self.difference_list(ui);
    }

    fn coder_choice(&mut self, ui: &mut Ui) {
        ui.label("Compare coders:");
        let names: Vec<(String, bool)> = self
            .review
            .coders
            .iter()
            .map(|(n, on)| (n.clone(), *on))
            .collect();
        if names.is_empty() {
            ui.label(RichText::new("This project has no coder files yet.").weak());
        }
        ui.horizontal_wrapped(|ui| {
            for (name, mut on) in names {
                let text = if name == CONSENSUS {
                    format!("{name} (adjudicated)")
                } else {
                    name.clone()
                };
                let colour_index = self.review.chosen().iter().position(|c| c == &name);
                let label = match colour_index {
                    Some(k) => RichText::new(text).color(coder_colour(k)),
                    None => RichText::new(text),
                };
                if ui
                    .checkbox(&mut on, label)
                    .on_hover_text("Compare this coder's codings")
                    .changed()
                {
                    self.review.choose(&name, on);
                }
            }
        });
        if let Some(e) = &self.review.compare_error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
    }

    fn difference_filter(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let codes: Vec<(CodeId, String)> = ws.project().codebook.labels();
        let docs: Vec<(DocId, String)> = ws
            .project()
            .corpus
            .documents
            .iter()
            .map(|d| (d.meta.id.clone(), d.meta.title.clone()))
            .collect();
        let code_text = self
            .review
            .code_filter
            .as_ref()
            .and_then(|c| codes.iter().find(|(id, _)| id == c))
            .map_or("all codes".to_string(), |(_, n)| n.clone());
        egui::ComboBox::from_label("Code")
            .selected_text(code_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.review.code_filter, None, "all codes");
                for (id, name) in codes {
                    ui.selectable_value(&mut self.review.code_filter, Some(id), name);
                }
            });
        let doc_text = self
            .review
            .document_filter
            .as_ref()
            .and_then(|d| docs.iter().find(|(id, _)| id == d))
            .map_or("all documents".to_string(), |(_, t)| short(t, 36));
        egui::ComboBox::from_label("Document")
            .selected_text(doc_text)
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.review.document_filter, None, "all documents");
                for (id, title) in docs {
                    ui.selectable_value(&mut self.review.document_filter, Some(id), title);
                }
            });
        ui.checkbox(&mut self.review.show_agreements, "show agreements too")
            .on_hover_text("List differences where every coder has the same code and span");
    }

    fn decision_buttons(&mut self, ui: &mut Ui) {
        let agreements = self
            .review
            .differences
            .iter()
            .filter(|d| d.is_agreement())
            .count();
        if ui
            .add_enabled(
                agreements > 0,
                egui::Button::new(format!("Accept all agreements ({agreements})")),
            )
            .on_hover_text(
                "Copy every agreement (same code and span for all compared coders) into coding/consensus.ron; the code and document filters apply",
            )
            .clicked()
        {
            self.accept_all_agreements();
        }
        let Some(d) = self.review.selected_difference().cloned() else {
            ui.label(RichText::new("Select a difference (F8 / Shift+F8) to decide it.").weak());
            return;
        };
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let project = ws.project();
        ui.colored_label(kind_colour(d.kind), d.kind.label());
        if self.review.is_decided(&d, project) {
            ui.label(RichText::new("decided (deciding again replaces it)").weak());
        }
        for (coder, ids) in &d.codings {
            let file = project.coder(coder);
            if ids.is_empty() {
                ui.label(format!("{coder}: no coding here"));
            }
            for id in ids {
                if let Some(c) = file.and_then(|f| f.get(*id)) {
                    ui.label(format!(
                        "{coder}: {} \u{201e}{}\u{201c}",
                        project.codebook.name_of(&c.code),
                        short(&c.quote, 80)
                    ));
                }
            }
        }
        let coders: Vec<String> = d.codings.iter().map(|(c, _)| c.clone()).collect();
        let mut decision = None;
        ui.horizontal_wrapped(|ui| {
            for coder in &coders {
                if ui
                    .button(format!("Accept {coder}"))
                    .on_hover_text(format!("Keep {coder}'s version in the consensus"))
                    .clicked()
                {
                    decision = Some(Resolution::Accept(coder.clone()));
                }
            }
            if ui
                .button("Both")
                .on_hover_text("Keep every coder's codings here")
                .clicked()
            {
                decision = Some(Resolution::Both);
            }
            if ui
                .button("Neither")
                .on_hover_text("Keep none of these codings")
                .clicked()
            {
                decision = Some(Resolution::Neither);
            }
            if ui
                .button("Edit…")
                .on_hover_text("Choose the code and select the text yourself")
                .clicked()
            {
                self.review.edit = Some(
                    d.codes
                        .first()
                        .cloned()
                        .unwrap_or_else(|| CodeId(String::new())),
                );
            }
        });
        if let Some(resolution) = self.edit_form(ui, &d) {
            decision = Some(resolution);
        }
        if let Some(resolution) = decision {
            self.decide(resolution);
        }
    }

    /// The "Edit…" form: a code and the reader's selection (or the difference's span).
    fn edit_form(&mut self, ui: &mut Ui, d: &Difference) -> Option<Resolution> {
        let code = self.review.edit.clone()?;
        let ws = self.workspace.as_ref()?;
        let codes: Vec<(CodeId, String)> = ws.project().codebook.labels();
        let span = self
            .document_text()
            .and_then(|t| self.reader.selected_span(&t))
            .filter(|_| self.document().is_some_and(|doc| doc.meta.id == d.document))
            .unwrap_or(d.span);
        let mut chosen = code;
        let mut out = None;
        ui.group(|ui| {
            egui::ComboBox::from_label("Edited code")
                .selected_text(ws.project().codebook.name_of(&chosen))
                .show_ui(ui, |ui| {
                    for (id, name) in &codes {
                        ui.selectable_value(&mut chosen, id.clone(), name);
                    }
                });
            ui.label(format!(
                "Text {}–{} ({} chars): select other text in the article to change it.",
                span.start,
                span.end,
                span.len()
            ));
            if ui
                .add_enabled(
                    ws.project().codebook.get(&chosen).is_some(),
                    egui::Button::new("Accept edited version"),
                )
                .on_hover_text("Write this code on this text into the consensus")
                .clicked()
            {
                out = Some(Resolution::Edited(vec![(chosen.clone(), span)]));
            }
        });
        self.review.edit = Some(chosen);
        out
    }

    fn difference_list(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let project = ws.project();
        let listed = self.review.listed();
        let undecided = listed
            .iter()
            .filter(|d| !d.is_agreement() && !self.review.is_decided(d, project))
            .count();
        ui.label(format!(
            "{} listed, {undecided} undecided disagreements",
            listed.len()
        ));
        let rows: Vec<(DifferenceKey, DifferenceKind, String, bool)> = listed
            .iter()
            .map(|d| {
                (
                    key(d),
                    d.kind,
                    row_text(d, project),
                    self.review.is_decided(d, project),
                )
            })
            .collect();
        let mut clicked = None;
        let selected = self.review.selected.clone();
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("differences")
            .auto_shrink([false, false]);
        if std::mem::take(&mut self.review.list_follows)
            && let Some(i) = rows.iter().position(|r| Some(&r.0) == selected.as_ref())
        {
            let row = ROW_HEIGHT + ui.spacing().item_spacing.y;
            scroll = scroll.vertical_scroll_offset((i as f32 * row - 3.0 * row).max(0.0));
        }
        scroll.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            for (k, kind, text, decided) in &rows[range] {
                ui.horizontal(|ui| {
                    let (r, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().rect_filled(r, 2.0, kind_colour(*kind));
                    let text = if *decided {
                        RichText::new(format!("{text} (decided)")).weak()
                    } else {
                        RichText::new(text)
                    };
                    let is_selected = selected.as_ref() == Some(k);
                    if ui.selectable_label(is_selected, text).clicked() {
                        clicked = Some(k.clone());
                    }
                });
            }
        });
        if let Some(k) = clicked {
            self.select_difference(k);
        }
    }
}

/// One line of the differences list: where, which codes, which coders.
fn row_text(d: &Difference, project: &Project) -> String {
    let doc = project
        .corpus
        .index_of(&d.document)
        .map_or("?".to_string(), |i| format!("{}", i + 1));
    let codes: Vec<String> = d
        .codes
        .iter()
        .map(|c| project.codebook.name_of(c))
        .collect();
    let who: Vec<&str> = d
        .codings
        .iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(c, _)| c.as_str())
        .collect();
    let kind = match d.kind {
        DifferenceKind::Agreement => "agree",
        DifferenceKind::SameCodeOverlap => "overlap",
        DifferenceKind::CodeConflict => "conflict",
        DifferenceKind::OnlyOne => "only",
    };
    format!(
        "doc {doc} @{}: {kind} {} ({})",
        d.span.start,
        codes.join("/"),
        who.join(", ")
    )
}

/// `text` cut to `max` chars with an ellipsis.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}
