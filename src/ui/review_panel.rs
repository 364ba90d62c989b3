//! The review panel beside the compare view: which coders to compare, the filter, the decision
//! buttons for the selected difference (with the "Edit…" form) and the list of differences, each
//! with its article's title and the quoted text.
//!
//! The panel belongs to [`Review`], whose state it changes (the coders compared, the filter, the
//! "Edit…" form); what changes the project or the shell (deciding, selecting a difference,
//! leaving review mode) it queues as [`AppCommand`]s.

use egui::{Color32, RichText, Sense, Ui};

use crate::analysis::agreement::DocumentChoice;
use crate::analysis::compare::{Difference, Resolution};
use crate::model::codebook::CodeId;
use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::span::Span;

use super::actions::Action;
use super::coder_palette::coder_colour;
use super::command::AppCommand;
use super::i18n::{tr, tr_args};
use super::review::{CONSENSUS, DifferenceKey, Review, key, kind_colour, kind_label};

/// Lines in a row of the differences list: title, quote, what differs.
const ROW_LINES: f32 = 3.0;

/// What the panel reads besides its own state.
pub(super) struct PanelInput<'a> {
    /// The open project.
    pub project: &'a Project,
    /// The reader's selection and the document it is in.
    pub selection: Option<(DocId, Span)>,
}

impl Review {
    /// Draws the panel; requests for the shell go to `out`.
    pub(super) fn panel_ui(&mut self, ui: &mut Ui, input: &PanelInput, out: &mut Vec<AppCommand>) {
        ui.horizontal(|ui| {
            ui.heading(tr("review-heading"));
            if ui
                .button(tr("review-back"))
                .on_hover_text(tr("review-back-hint"))
                .clicked()
            {
                out.push(AppCommand::Perform(Action::ReviewCoders));
            }
        });
        self.coder_choice(ui);
        ui.separator();
        self.difference_filter(ui, input.project);
        ui.separator();
        self.decision_buttons(ui, input, out);
        ui.separator();
        self.difference_list(ui, input.project, out);
    }

    fn coder_choice(&mut self, ui: &mut Ui) {
        ui.label(tr("review-compare-coders"));
        let names: Vec<(String, bool)> =
            self.coders.iter().map(|(n, on)| (n.clone(), *on)).collect();
        if names.is_empty() {
            ui.label(RichText::new(tr("review-no-coders")).weak());
        }
        let chosen = self.chosen();
        ui.horizontal_wrapped(|ui| {
            for (name, mut on) in names {
                let text = if name == CONSENSUS {
                    tr_args("review-adjudicated", &[("name", (&name).into())])
                } else {
                    name.clone()
                };
                let label = if on {
                    RichText::new(text).color(coder_colour(&chosen, &name))
                } else {
                    RichText::new(text)
                };
                if ui
                    .checkbox(&mut on, label)
                    .on_hover_text(tr("review-compare-hint"))
                    .changed()
                {
                    self.choose(&name, on);
                }
            }
        });
        if let Some(e) = &self.compare_error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
    }

    fn difference_filter(&mut self, ui: &mut Ui, project: &Project) {
        let codes: Vec<(CodeId, String)> = project.codebook.labels();
        let docs: Vec<(DocId, String)> = project
            .corpus
            .documents
            .iter()
            .map(|d| (d.meta.id.clone(), d.meta.title.clone()))
            .collect();
        let code_text = self
            .code_filter
            .as_ref()
            .and_then(|c| codes.iter().find(|(id, _)| id == c))
            .map_or_else(|| tr("review-all-codes"), |(_, n)| n.clone());
        egui::ComboBox::from_label(tr("review-code"))
            .selected_text(code_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.code_filter, None, tr("review-all-codes"));
                for (id, name) in codes {
                    ui.selectable_value(&mut self.code_filter, Some(id), name);
                }
            });
        let doc_text = self
            .document_filter
            .as_ref()
            .and_then(|d| docs.iter().find(|(id, _)| id == d))
            .map_or_else(|| tr("review-all-documents"), |(_, t)| short(t, 36));
        egui::ComboBox::from_label(tr("review-document"))
            .selected_text(doc_text)
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.document_filter, None, tr("review-all-documents"));
                for (id, title) in docs {
                    ui.selectable_value(&mut self.document_filter, Some(id), title);
                }
            });
        ui.checkbox(&mut self.show_agreements, tr("review-show-agreements"))
            .on_hover_text(tr("review-show-agreements-hint"));
    }

    fn decision_buttons(&mut self, ui: &mut Ui, input: &PanelInput, out: &mut Vec<AppCommand>) {
        let agreements = self.differences.iter().filter(|d| d.is_agreement()).count();
        if ui
            .add_enabled(
                agreements > 0,
                egui::Button::new(tr_args(
                    "review-accept-agreements",
                    &[("n", agreements.into())],
                )),
            )
            .on_hover_text(tr("review-accept-agreements-hint"))
            .clicked()
        {
            out.push(AppCommand::AcceptAgreements);
        }
        let Some(d) = self.selected_difference().cloned() else {
            ui.label(RichText::new(tr("review-select-difference")).weak());
            return;
        };
        let project = input.project;
        ui.colored_label(kind_colour(d.kind), kind_label(d.kind));
        if self.is_decided(&d, project) {
            ui.label(RichText::new(tr("review-decided-again")).weak());
        }
        let chosen = self.chosen();
        for (coder, ids) in &d.codings {
            let colour = coder_colour(&chosen, coder);
            let file = project.coder(coder);
            if ids.is_empty() {
                ui.label(
                    RichText::new(tr_args("review-no-coding-here", &[("coder", coder.into())]))
                        .color(colour),
                );
            }
            for id in ids {
                if let Some(c) = file.and_then(|f| f.get(*id)) {
                    ui.label(
                        RichText::new(format!(
                            "{coder}: {} \u{201e}{}\u{201c}",
                            project.codebook.name_of(&c.code),
                            short(&c.quote, 80)
                        ))
                        .color(colour),
                    );
                }
            }
        }
        ui.horizontal_wrapped(|ui| {
            for (coder, ids) in &d.codings {
                let button = egui::Button::new(
                    RichText::new(tr_args("review-accept", &[("coder", coder.into())]))
                        .color(coder_colour(&chosen, coder)),
                );
                if ui
                    .add_enabled(!ids.is_empty(), button)
                    .on_hover_text(tr_args("review-accept-hint", &[("coder", coder.into())]))
                    .on_disabled_hover_text(tr_args(
                        "review-accept-disabled",
                        &[("coder", coder.into())],
                    ))
                    .clicked()
                {
                    out.push(AppCommand::Decide(Resolution::Accept(coder.clone())));
                }
            }
            if ui
                .button(tr("review-both"))
                .on_hover_text(tr("review-both-hint"))
                .clicked()
            {
                out.push(AppCommand::Decide(Resolution::Both));
            }
            if ui
                .button(tr("review-neither"))
                .on_hover_text(tr("review-neither-hint"))
                .clicked()
            {
                out.push(AppCommand::Decide(Resolution::Neither));
            }
            if ui
                .button(tr("review-edit"))
                .on_hover_text(tr("review-edit-hint"))
                .clicked()
            {
                self.edit = Some(
                    d.codes
                        .first()
                        .cloned()
                        .unwrap_or_else(|| CodeId(String::new())),
                );
            }
        });
        if let Some(resolution) = self.edit_form(ui, input, &d) {
            out.push(AppCommand::Decide(resolution));
        }
    }

    /// The "Edit…" form: a code and the reader's selection (or the difference's span).
    fn edit_form(&mut self, ui: &mut Ui, input: &PanelInput, d: &Difference) -> Option<Resolution> {
        let code = self.edit.clone()?;
        let codebook = &input.project.codebook;
        let codes: Vec<(CodeId, String)> = codebook.labels();
        let span = input
            .selection
            .as_ref()
            .filter(|(doc, _)| *doc == d.document)
            .map_or(d.span, |(_, span)| *span);
        let mut chosen = code;
        let mut out = None;
        ui.group(|ui| {
            egui::ComboBox::from_label(tr("review-edited-code"))
                .selected_text(codebook.name_of(&chosen))
                .show_ui(ui, |ui| {
                    for (id, name) in &codes {
                        ui.selectable_value(&mut chosen, id.clone(), name);
                    }
                });
            ui.label(tr_args(
                "review-edit-span",
                &[
                    ("start", span.start.into()),
                    ("end", span.end.into()),
                    ("chars", span.len().into()),
                ],
            ));
            if ui
                .add_enabled(
                    codebook.get(&chosen).is_some(),
                    egui::Button::new(tr("review-accept-edited")),
                )
                .on_hover_text(tr("review-accept-edited-hint"))
                .clicked()
            {
                out = Some(Resolution::Edited(vec![(chosen.clone(), span)]));
            }
        });
        self.edit = Some(chosen);
        out
    }

    fn difference_list(&mut self, ui: &mut Ui, project: &Project, out: &mut Vec<AppCommand>) {
        let follows = std::mem::take(&mut self.list_follows);
        let listed = self.listed();
        let undecided = listed
            .iter()
            .filter(|d| !d.is_agreement() && !self.is_decided(d, project))
            .count();
        ui.label(tr_args(
            "review-listed",
            &[("n", listed.len().into()), ("undecided", undecided.into())],
        ));
        if let Some(note) = left_out_note(&self.documents) {
            ui.label(RichText::new(note).weak())
                .on_hover_text(tr("review-left-out-hint"));
        }
        let chosen = self.chosen();
        let selected = self.selected.clone();
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let row_height = ROW_LINES * line + 8.0;
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("differences")
            .auto_shrink([false, false]);
        if follows
            && let Some(i) = listed
                .iter()
                .position(|d| Some(&key(d)) == selected.as_ref())
        {
            let row = row_height + ui.spacing().item_spacing.y;
            scroll = scroll.vertical_scroll_offset((i as f32 * row - 2.0 * row).max(0.0));
        }
        // rows are prepared for the lines on screen only: a large study lists tens of
        // thousands of differences
        scroll.show_rows(ui, row_height, listed.len(), |ui, range| {
            for d in &listed[range] {
                let row = Row::new(d, project, self.is_decided(d, project));
                let is_selected = selected.as_ref() == Some(&row.key);
                if row.ui(ui, row_height, is_selected, &chosen) {
                    out.push(AppCommand::SelectDifference(row.key.clone()));
                }
            }
        });
    }
}

/// "Differences from 4 of 5 documents; left out: Title (not done by ben (in progress))".
pub fn left_out_note(choice: &DocumentChoice) -> Option<String> {
    if choice.left_out.is_empty() {
        return None;
    }
    let total = choice.used.len() + choice.left_out.len();
    let list: Vec<String> = choice
        .left_out
        .iter()
        .map(|d| {
            format!(
                "{} ({})",
                d.title,
                super::agreement_view::left_out_reason(&d.reason)
            )
        })
        .collect();
    Some(tr_args(
        "review-left-out",
        &[
            ("used", choice.used.len().into()),
            ("total", total.into()),
            ("list", list.join("; ").into()),
        ],
    ))
}

/// One row of the differences list, prepared before drawing.
struct Row {
    key: DifferenceKey,
    colour: Color32,
    title: String,
    quote: String,
    what: String,
    coders: Vec<String>,
    decided: bool,
}

impl Row {
    fn new(d: &Difference, project: &Project, decided: bool) -> Self {
        let doc = project.corpus.get(&d.document);
        let title = doc.map_or_else(|| d.document.to_string(), |doc| doc.meta.title.clone());
        let quote = doc
            .and_then(|doc| doc.text.as_ref())
            .and_then(|t| t.slice(d.span))
            .map_or_else(String::new, |q| {
                q.split_whitespace().collect::<Vec<_>>().join(" ")
            });
        let codes: Vec<String> = d
            .codes
            .iter()
            .map(|c| project.codebook.name_of(c))
            .collect();
        Self {
            key: key(d),
            colour: kind_colour(d.kind),
            title,
            quote: format!("\u{201e}{}\u{201c}", short(&quote, 160)),
            what: format!("{}: {}", kind_label(d.kind), codes.join(" / ")),
            coders: d
                .codings
                .iter()
                .filter(|(_, ids)| !ids.is_empty())
                .map(|(c, _)| c.clone())
                .collect(),
            decided,
        }
    }

    /// Draws the row in a rect of `height`; true when it was clicked.
    fn ui(&self, ui: &mut Ui, height: f32, selected: bool, chosen: &[String]) -> bool {
        let width = ui.available_width();
        let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
        let visuals = ui.visuals();
        if selected {
            ui.painter()
                .rect_filled(rect, 3.0, visuals.selection.bg_fill);
        } else if response.hovered() {
            ui.painter()
                .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let bar = egui::Rect::from_min_size(rect.min, egui::vec2(4.0, height));
        ui.painter().rect_filled(bar, 1.0, self.colour);
        let inner = rect.shrink2(egui::vec2(4.0, 2.0));
        let inner = egui::Rect::from_min_max(inner.min + egui::vec2(6.0, 0.0), inner.max);
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner));
        child.spacing_mut().item_spacing.y = 0.0;
        let title = RichText::new(&self.title).strong();
        let title = if self.decided { title.weak() } else { title };
        child.add(egui::Label::new(title).truncate().selectable(false));
        child.add(egui::Label::new(&self.quote).truncate().selectable(false));
        // one line, ellipsized at the panel's edge like the two above (not cut off)
        let style = child.style().clone();
        let mut job = egui::text::LayoutJob::default();
        let mut part = |text: RichText| {
            text.append_to(
                &mut job,
                &style,
                egui::FontSelection::Default,
                egui::Align::Center,
            );
        };
        part(RichText::new(&self.what).color(self.colour));
        for coder in &self.coders {
            part(RichText::new(format!("  {coder}")).color(coder_colour(chosen, coder)));
        }
        if self.decided {
            part(RichText::new(format!("  {}", tr("review-decided"))).weak());
        }
        child.add(egui::Label::new(job).truncate().selectable(false));
        response.clicked()
    }
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
