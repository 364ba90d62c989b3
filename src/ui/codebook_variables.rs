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

/// The label of the values field.
pub const VALUES_LABEL: &str = "Values (1=negativ; 2=neutral, or 0..10 step 1)";

impl CodebookEditor {
    pub(super) fn variable_list(&mut self, ui: &mut Ui, view: &CodebookView) {
        ui.label(RichText::new("Document variables").strong());
        for v in &view.project.variables {
            let selected = self.selected == Some(Selected::Variable(v.id.clone()));
            let label = format!("{} [{}]", v.label, v.scale.label());
            if ui.selectable_label(selected, label).clicked() {
                self.selected = Some(Selected::Variable(v.id.clone()));
                self.confirm_remove = None;
            }
        }
        if view.project.variables.is_empty() {
            ui.label(RichText::new("None yet: add one on the codesheet.").weak());
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
        ui.label(RichText::new(format!("variable id: {id}")).weak().small());
        if let Some(name) = committed_text(ui, ("var-label", id), "Variable name", &v.label, false)
        {
            let name = name.trim().to_string();
            if name.is_empty() {
                self.notify("Not changed: a variable needs a name".into());
            } else {
                self.update_variable(v, |v| v.label = name);
            }
        }
        let instruction = &v.description;
        if let Some(d) = committed_text(ui, ("var-desc", id), "Instruction", instruction, true) {
            self.update_variable(v, |v| v.description = d);
        }
        self.scale_row(ui, v);
        let text = v.values.to_text();
        if let Some(typed) = committed_text(ui, ("var-values", id), VALUES_LABEL, &text, false) {
            match Values::parse(&typed) {
                Ok(values) => self.update_variable(v, |v| v.values = values),
                Err(e) => self.notify(format!("Not changed: {e}")),
            }
        }
        ui.separator();
        self.remove_rows(ui, view, v);
    }

    fn scale_row(&mut self, ui: &mut Ui, v: &Variable) {
        let mut scale = v.scale;
        ui.horizontal(|ui| {
            let label = ui.label("Scale:");
            egui::ComboBox::from_id_salt(("var-scale", &v.id))
                .selected_text(scale.label())
                .show_ui(ui, |ui| {
                    for s in Scale::ALL {
                        ui.selectable_value(&mut scale, s, s.label());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        self.update_variable(v, |v| v.scale = scale);
    }

    fn remove_rows(&mut self, ui: &mut Ui, view: &CodebookView, v: &Variable) {
        if self.confirm_remove.as_ref() != Some(&v.id) {
            if ui.button("Remove variable…").clicked() {
                self.confirm_remove = Some(v.id.clone());
            }
            return;
        }
        let usage = view.project.variable_usage(&v.id);
        ui.label(usage_text(&usage));
        let mine = removal::my_variable_usage(view.project, view.coder, &v.id);
        let mut cancel = false;
        ui.horizontal(|ui| {
            let remove = format!("Remove the variable and your {}", values(mine));
            if ui.button(remove).clicked() {
                self.confirm_remove = None;
                match removal::remove_variable(view.project, view.coder, &v.id) {
                    Ok(command) => {
                        self.execute(command);
                        self.selected = None;
                    }
                    Err(e) => self.notify(format!("Not removed: {e}")),
                }
            }
            cancel = ui.button("Cancel").clicked();
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
        return "No coder has set a value of this variable.".into();
    }
    let who: Vec<String> = usage.iter().map(|(c, n)| format!("{n} by {c}")).collect();
    format!(
        "Coders have set {} of this variable ({}).",
        values(total),
        who.join(", ")
    )
}

/// `1 value`, `2 values`.
fn values(n: usize) -> String {
    if n == 1 {
        "1 value".into()
    } else {
        format!("{n} values")
    }
}
