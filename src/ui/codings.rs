//! The right panel: the current document's codings in text order, and the editor of the selected
//! coding (code, boundaries, memo, attribute fields).

use egui::{RichText, Sense, Ui, vec2};

use crate::edit::workspace::TextTarget;
use crate::model::codebook::AttributeDef;
use crate::model::coding::Coding;

use super::actions::Action;
use super::app::SpanwiseApp;
use super::reader::code_colour;

impl SpanwiseApp {
    pub(super) fn codings_panel(&mut self, ui: &mut Ui) {
        ui.heading("Codings");
        let (Some(ws), Some(doc)) = (self.workspace.as_ref(), self.document()) else {
            return;
        };
        let codebook = ws.project().codebook.clone();
        let items: Vec<Coding> = ws
            .project()
            .coder(ws.coder())
            .map(|f| f.in_document(&doc.meta.id).cloned().collect())
            .unwrap_or_default();
        ui.label(RichText::new(format!("{} in this document", items.len())).weak());
        if self.selected_coding.is_some() {
            self.coding_editor(ui);
        }
        ui.separator();
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .id_salt("codings-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for c in &items {
                    let colour = code_colour(codebook.get(&c.code).map_or([128; 3], |k| k.rgb()));
                    let selected = self.selected_coding == Some(c.id);
                    let text = format!("{}  {}", codebook.name_of(&c.code), shorten(&c.quote, 90));
                    let resp = ui
                        .horizontal(|ui| {
                            let (r, _) = ui.allocate_exact_size(vec2(6.0, 18.0), Sense::hover());
                            ui.painter().rect_filled(r, 1.0, colour);
                            ui.add(egui::Button::selectable(selected, text).wrap())
                        })
                        .inner;
                    if resp.clicked() {
                        clicked = Some((c.id, c.span()));
                    }
                }
            });
        if let Some((id, span)) = clicked {
            self.select_coding(id, span);
        }
    }

    fn selected(&self) -> Option<Coding> {
        let ws = self.workspace.as_ref()?;
        ws.project()
            .coder(ws.coder())?
            .get(self.selected_coding?)
            .cloned()
    }

    fn coding_editor(&mut self, ui: &mut Ui) {
        let (Some(coding), Some(ws)) = (self.selected(), self.workspace.as_ref()) else {
            return;
        };
        let codes: Vec<_> = ws.project().codebook.labels();
        let fields = ws
            .project()
            .codebook
            .get(&coding.code)
            .map(|c| c.attributes.clone())
            .unwrap_or_default();
        let id = coding.id;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(format!("Selected coding {id}")).strong());
            ui.label(format!(
                "chars {}–{} ({} long)",
                coding.start,
                coding.end,
                coding.end - coding.start
            ));
            let mut new_code = None;
            ui.horizontal_wrapped(|ui| {
                ui.label("Code:");
                for (cid, name) in &codes {
                    if ui.selectable_label(&coding.code == cid, name).clicked()
                        && &coding.code != cid
                    {
                        new_code = Some(cid.clone());
                    }
                }
            });
            if let Some(code) = new_code {
                self.update_coding(id, |c| c.code = code);
            }
            self.boundary_buttons(ui);
            for field in &fields {
                self.attribute_field(ui, &coding, field);
            }
            self.text_field(ui, TextTarget::CodingMemo(id), "Memo", true);
            if ui
                .button("Delete coding")
                .on_hover_text("Delete key")
                .clicked()
            {
                self.queue(super::command::AppCommand::Perform(Action::DeleteCoding));
            }
        });
    }

    fn boundary_buttons(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            for (label, left, right) in [
                ("Start", Action::StartLeft, Action::StartRight),
                ("End", Action::EndLeft, Action::EndRight),
            ] {
                ui.label(label);
                for (text, action) in [("<", left), (">", right)] {
                    let hint = format!("{} ({})", action.label(), action.shortcut_text());
                    if ui.small_button(text).on_hover_text(hint).clicked() {
                        self.queue(super::command::AppCommand::Perform(action));
                    }
                }
            }
        });
    }

    /// One attribute of the selected coding: a choice list, or free text suggesting earlier values.
    fn attribute_field(&mut self, ui: &mut Ui, coding: &Coding, field: &AttributeDef) {
        let current = coding
            .attributes
            .get(&field.name)
            .cloned()
            .unwrap_or_default();
        let id = coding.id;
        let mut new_value = None;
        if field.choices.is_empty() {
            let target = TextTarget::CodingField {
                coding: id,
                field: field.name.clone(),
            };
            self.text_field(ui, target, &field.name, false);
            let suggestions = self.attribute_values(&field.name, &current);
            if !suggestions.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("earlier:").weak().small());
                    for s in suggestions.into_iter().take(6) {
                        if ui
                            .small_button(&s)
                            .on_hover_text(format!("Set {} to {s}", field.name))
                            .clicked()
                        {
                            new_value = Some(s);
                        }
                    }
                });
            }
        } else {
            ui.horizontal(|ui| {
                let label = ui.label(&field.name);
                egui::ComboBox::from_id_salt(("attr-choice", id, &field.name))
                    .selected_text(if current.is_empty() {
                        "(none)"
                    } else {
                        current.as_str()
                    })
                    .show_ui(ui, |ui| {
                        for choice in
                            std::iter::once("").chain(field.choices.iter().map(String::as_str))
                        {
                            let text = if choice.is_empty() { "(none)" } else { choice };
                            if ui.selectable_label(current == choice, text).clicked()
                                && current != choice
                            {
                                new_value = Some(choice.to_string());
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        }
        if let Some(value) = new_value {
            let name = field.name.clone();
            self.update_coding(id, move |c| {
                if value.trim().is_empty() {
                    c.attributes.remove(&name);
                } else {
                    c.attributes.insert(name, value.trim().to_string());
                }
            });
        }
    }

    /// Values given to an attribute anywhere in the project, most used first, except `current`.
    fn attribute_values(&self, name: &str, current: &str) -> Vec<String> {
        let Some(ws) = self.workspace.as_ref() else {
            return Vec::new();
        };
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for file in ws.project().coders.values() {
            for c in &file.codings {
                if let Some(v) = c.attributes.get(name)
                    && v != current
                {
                    *counts.entry(v.as_str()).or_default() += 1;
                }
            }
        }
        let mut values: Vec<(&str, usize)> = counts.into_iter().collect();
        values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        values.into_iter().map(|(v, _)| v.to_string()).collect()
    }
}

/// The first `max` chars of a quote on one line, with an ellipsis when cut.
pub fn shorten(quote: &str, max: usize) -> String {
    let one_line = quote.replace('\n', " ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max).collect();
    format!("{cut}…")
}
