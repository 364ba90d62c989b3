//! The codebook window's document variables: the list under the codes, and the form that edits
//! a variable's name, instruction, scale and values (labelled codes or a range), or removes it
//! after a confirmation that says how many values coders have set. Changes are queued as
//! `UpdateVariable` or (through [`crate::edit::removal::remove_variable`]) one batch that clears
//! the coder's values and removes the variable; the command itself refuses a definition the
//! values already given would not fit.

use egui::{RichText, Ui};

use crate::edit::command::Command;
use crate::edit::removal;
use crate::model::variable::{Scale, Values, Variable, VariableId};

use super::codebook_editor::{CodebookEditor, CodebookView, Selected};
use super::fields::committed_text;
use super::i18n::{tr, tr_args};

/// A scale's name in the window's language ("nominal", "ordinal", "interval", "ratio").
pub(super) fn scale_label(scale: Scale) -> String {
    tr(match scale {
        Scale::Nominal => "scale-nominal",
        Scale::Ordinal => "scale-ordinal",
        Scale::Interval => "scale-interval",
        Scale::Ratio => "scale-ratio",
    })
}

impl CodebookEditor {
    pub(super) fn variable_list(&mut self, ui: &mut Ui, view: &CodebookView) {
        ui.label(RichText::new(tr("variables-heading")).strong());
        for v in &view.project.variables {
            let selected = self.selected == Some(Selected::Variable(v.id.clone()));
            let label = format!("{} [{}]", v.label, scale_label(v.scale));
            if ui.selectable_label(selected, label).clicked() {
                self.selected = Some(Selected::Variable(v.id.clone()));
                self.confirm_remove = None;
            }
        }
        if view.project.variables.is_empty() {
            ui.label(RichText::new(tr("variables-none")).weak());
        }
    }

    /// Queues an `UpdateVariable` when `change` changes the variable.
    fn update_variable(&mut self, v: &Variable, change: impl FnOnce(&mut Variable)) {
        let mut changed = v.clone();
        change(&mut changed);
        if &changed != v {
            self.execute(Command::UpdateVariable(changed));
        }
    }

    pub(super) fn variable_form(&mut self, ui: &mut Ui, view: &CodebookView, id: &VariableId) {
        let Some(v) = view.project.variable(id) else {
            return;
        };
        ui.label(
            RichText::new(tr_args("variables-id", &[("id", id.to_string().into())]))
                .weak()
                .small(),
        );
        if let Some(name) = committed_text(
            ui,
            ("var-label", id),
            &tr("variables-name"),
            &v.label,
            false,
        ) {
            let name = name.trim().to_string();
            if name.is_empty() {
                self.notify(tr("variables-name-needed"));
            } else {
                self.update_variable(v, |v| v.label = name);
            }
        }
        let instruction = &v.description;
        if let Some(d) = committed_text(
            ui,
            ("var-desc", id),
            &tr("variables-instruction"),
            instruction,
            true,
        ) {
            self.update_variable(v, |v| v.description = d);
        }
        self.scale_row(ui, v);
        let text = v.values.to_text();
        if let Some(typed) = committed_text(
            ui,
            ("var-values", id),
            &tr("variables-values"),
            &text,
            false,
        ) {
            match Values::parse(&typed) {
                Ok(values) => self.update_variable(v, |v| v.values = values),
                Err(e) => self.notify(tr_args(
                    "status-not-changed",
                    &[("reason", e.to_string().into())],
                )),
            }
        }
        ui.separator();
        self.remove_rows(ui, view, v);
    }

    fn scale_row(&mut self, ui: &mut Ui, v: &Variable) {
        let mut scale = v.scale;
        ui.horizontal(|ui| {
            let label = ui.label(tr("variables-scale"));
            egui::ComboBox::from_id_salt(("var-scale", &v.id))
                .selected_text(scale_label(scale))
                .show_ui(ui, |ui| {
                    for s in Scale::ALL {
                        ui.selectable_value(&mut scale, s, scale_label(s));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        self.update_variable(v, |v| v.scale = scale);
    }

    fn remove_rows(&mut self, ui: &mut Ui, view: &CodebookView, v: &Variable) {
        if self.confirm_remove.as_ref() != Some(&v.id) {
            if ui.button(tr("variables-remove")).clicked() {
                self.confirm_remove = Some(v.id.clone());
            }
            return;
        }
        let usage = view.project.variable_usage(&v.id);
        ui.label(usage_text(&usage));
        let mine = removal::my_variable_usage(view.project, view.coder, &v.id);
        let mut cancel = false;
        ui.horizontal(|ui| {
            let remove = tr_args("variables-remove-mine", &[("n", mine.into())]);
            if ui.button(remove).clicked() {
                self.confirm_remove = None;
                match removal::remove_variable(view.project, view.coder, &v.id) {
                    Ok(command) => {
                        self.execute(command);
                        self.selected = None;
                    }
                    Err(e) => self.notify(tr_args(
                        "variables-not-removed",
                        &[("error", e.to_string().into())],
                    )),
                }
            }
            cancel = ui.button(tr("prompt-cancel")).clicked();
        });
        if cancel {
            self.confirm_remove = None;
        }
    }
}

/// How many values coders have set of a variable, in words.
fn usage_text(usage: &[(String, usize)]) -> String {
    let total: usize = usage.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return tr("variables-unused");
    }
    let who: Vec<String> = usage
        .iter()
        .map(|(c, n)| tr_args("variables-by", &[("n", (*n).into()), ("coder", c.into())]))
        .collect();
    tr_args(
        "variables-usage",
        &[("n", total.into()), ("who", who.join(", ").into())],
    )
}
