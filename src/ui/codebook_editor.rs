//! The codebook editor: add, rename, recolour, re-key, describe, reorder, nest, merge and delete
//! codes, and define the fields (attributes) their codings carry. Every edit is a command, so it
//! is undoable; a code is never removed while codings use it: they are recoded or deleted first,
//! in the same undo step.

use egui::{RichText, Sense, Ui, vec2};

use crate::edit::command::Command;
use crate::model::codebook::{AttributeDef, Code, CodeId, OKABE_ITO};

use super::app::SpanwiseApp;
use super::fields::committed_text;
use super::reader::code_colour;

/// What happens to the codings of a code that is deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteCodings {
    /// They get another code.
    RecodeTo(CodeId),
    /// They are deleted too.
    Delete,
}

/// State of the codebook editor window.
#[derive(Debug, Default)]
pub struct CodebookEditor {
    /// Whether the window is shown.
    pub open: bool,
    /// The code being edited.
    pub selected: Option<CodeId>,
    /// A delete waiting for the user's choice of what happens to its codings.
    pub confirm_delete: Option<(CodeId, Option<CodeId>)>,
    new_name: String,
    new_field: String,
    new_choices: String,
}

impl SpanwiseApp {
    /// Adds a code with the next free palette colour and digit key; returns its id.
    pub fn add_code(&mut self, name: &str) -> Option<CodeId> {
        let ws = self.workspace.as_ref()?;
        let book = &ws.project().codebook;
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let code = crate::model::new_code::new_code(book, name, None);
        let id = code.id.clone();
        let at = book.codes.len();
        self.execute(Command::InsertCode { at, code });
        Some(id)
    }

    /// Changes a code through an `UpdateCode` command.
    pub fn update_code(&mut self, id: &CodeId, change: impl FnOnce(&mut Code)) {
        let Some(mut code) = self
            .workspace
            .as_ref()
            .and_then(|w| w.project().codebook.get(id).cloned())
        else {
            return;
        };
        let before = code.clone();
        change(&mut code);
        if code != before {
            self.execute(Command::UpdateCode(code));
        }
    }

    /// Deletes a code; the current coder's codings of it are recoded or deleted in the same step.
    /// Refused (with a message) when another coder's codings use it.
    pub fn delete_code(&mut self, id: &CodeId, codings: DeleteCodings) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let me = ws.project().coder(ws.coder()).map(|f| f.coder.clone());
        let others: Vec<String> = ws
            .project()
            .code_usage(id)
            .into_iter()
            .filter(|(c, _)| Some(c) != me.as_ref())
            .map(|(c, n)| format!("{n} by {c}"))
            .collect();
        if !others.is_empty() {
            self.message = Some(format!(
                "Not deleted: other coders' codings use `{}` ({}); each coder recodes their own file first",
                ws.project().codebook.name_of(id),
                others.join(", ")
            ));
            return;
        }
        let coder = ws.coder().to_string();
        let mine: Vec<_> = ws
            .project()
            .coder(&coder)
            .map(|f| {
                f.codings
                    .iter()
                    .filter(|c| &c.code == id)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let mut steps: Vec<Command> = mine
            .into_iter()
            .map(|mut c| match &codings {
                DeleteCodings::RecodeTo(target) => {
                    c.code = target.clone();
                    Command::ReplaceCoding {
                        coder: coder.clone(),
                        coding: c,
                    }
                }
                DeleteCodings::Delete => Command::RemoveCoding {
                    coder: coder.clone(),
                    id: c.id,
                },
            })
            .collect();
        steps.push(Command::RemoveCode { id: id.clone() });
        self.execute(Command::Batch(steps));
        self.codebook_editor.selected = None;
    }

    /// Moves a code up (-1) or down (+1) in display order.
    pub fn move_code(&mut self, id: &CodeId, delta: isize) {
        let Some(at) = self
            .workspace
            .as_ref()
            .and_then(|w| w.project().codebook.index_of(id))
        else {
            return;
        };
        let to = at.saturating_add_signed(delta);
        if to != at {
            self.execute(Command::MoveCode { id: id.clone(), to });
        }
    }

    /// Number of the current coder's codings that use a code.
    pub fn my_usage(&self, id: &CodeId) -> usize {
        self.workspace
            .as_ref()
            .and_then(|w| w.project().coder(w.coder()))
            .map_or(0, |f| f.codings.iter().filter(|c| &c.code == id).count())
    }

    pub(super) fn codebook_window(&mut self, ui: &mut Ui) {
        if !self.codebook_editor.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Codebook")
            .open(&mut open)
            .default_width(640.0)
            .default_pos(ui.ctx().content_rect().center() - vec2(320.0, 240.0))
            .show(ui.ctx(), |ui| {
                ui.label(
                    RichText::new(
                        "Changes here are saved to the shared project.ron, the whole team's \
                         file (not your coder file): agree them with your project lead.",
                    )
                    .weak(),
                );
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(200.0);
                        self.code_list(ui);
                    });
                    ui.separator();
                    ui.vertical(|ui| self.code_form(ui));
                });
            });
        self.codebook_editor.open = open;
    }

    fn code_list(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let codes = ws.project().codebook.codes.clone();
        for code in &codes {
            let selected = self.codebook_editor.selected.as_ref() == Some(&code.id);
            ui.horizontal(|ui| {
                if code.parent.is_some() {
                    ui.add_space(14.0);
                }
                let (r, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
                ui.painter().rect_filled(r, 2.0, code_colour(code.rgb()));
                let label = match code.key {
                    Some(k) => format!("{}  ({k})", code.name),
                    None => code.name.clone(),
                };
                if ui.selectable_label(selected, label).clicked() {
                    self.codebook_editor.selected = Some(code.id.clone());
                    self.codebook_editor.confirm_delete = None;
                }
            });
        }
        ui.separator();
        let label = ui.label("New code:");
        ui.add(egui::TextEdit::singleline(&mut self.codebook_editor.new_name).desired_width(180.0))
            .labelled_by(label.id);
        if ui.button("Add code").clicked() {
            let name = std::mem::take(&mut self.codebook_editor.new_name);
            if let Some(id) = self.add_code(&name) {
                self.codebook_editor.selected = Some(id);
            }
        }
    }

    fn code_form(&mut self, ui: &mut Ui) {
        let Some(id) = self.codebook_editor.selected.clone() else {
            ui.label("Choose a code on the left to edit it.");
            return;
        };
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let Some(code) = ws.project().codebook.get(&id).cloned() else {
            return;
        };
        let mut others = ws.project().codebook.labels();
        others.retain(|(c, _)| *c != id);
        ui.label(RichText::new(format!("id: {}", code.id)).weak().small());
        if let Some(name) = committed_text(ui, ("code-name", &id), "Name", &code.name, false) {
            self.update_code(&id, |c| c.name = name.trim().to_string());
        }
        let key = code.key.map(String::from).unwrap_or_default();
        if let Some(k) = committed_text(
            ui,
            ("code-key", &id),
            "Shortcut key (one character)",
            &key,
            false,
        ) {
            self.set_code_key(&id, k.trim().chars().next());
        }
        self.colour_row(ui, &id, &code);
        self.parent_row(ui, &id, &code, &others);
        if let Some(d) = committed_text(ui, ("code-def", &id), "Definition", &code.definition, true)
        {
            self.update_code(&id, |c| c.definition = d);
        }
        self.fields_rows(ui, &id, &code);
        ui.horizontal(|ui| {
            if ui.button("Move up").clicked() {
                self.move_code(&id, -1);
            }
            if ui.button("Move down").clicked() {
                self.move_code(&id, 1);
            }
        });
        ui.separator();
        self.delete_rows(ui, &id, &others);
    }

    /// Gives a code a key, unless an action or another code already uses it (then the status
    /// bar names which).
    fn set_code_key(&mut self, id: &CodeId, key: Option<char>) {
        let refused = key.and_then(|k| {
            let ws = self.workspace.as_ref()?;
            let reserved = super::actions::reserved_code_keys();
            crate::model::new_code::check_key(&ws.project().codebook, id, k, &reserved).err()
        });
        match refused {
            Some(why) => self.message = Some(format!("Key not changed: {why}")),
            None => self.update_code(id, |c| c.key = key),
        }
    }

    fn colour_row(&mut self, ui: &mut Ui, id: &CodeId, code: &Code) {
        ui.horizontal(|ui| {
            ui.label("Colour:");
            for hex in OKABE_ITO {
                let rgb = crate::model::codebook::parse_hex_colour(hex).unwrap_or([128; 3]);
                let (r, resp) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::click());
                ui.painter().rect_filled(r, 3.0, code_colour(rgb));
                if code.colour.eq_ignore_ascii_case(hex) {
                    ui.painter().rect_stroke(
                        r.expand(2.0),
                        3.0,
                        egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
                        egui::StrokeKind::Outside,
                    );
                }
                let resp = resp.on_hover_text(format!("Use {hex}"));
                resp.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Colour {hex}"))
                });
                if resp.clicked() {
                    self.update_code(id, |c| c.colour = hex.to_string());
                }
            }
        });
    }

    fn parent_row(&mut self, ui: &mut Ui, id: &CodeId, code: &Code, others: &[(CodeId, String)]) {
        let mut parent = code.parent.clone();
        ui.horizontal(|ui| {
            let label = ui.label("Sub-code of:");
            let shown = parent.as_ref().map_or("(top level)".to_string(), |p| {
                others
                    .iter()
                    .find(|(i, _)| i == p)
                    .map_or(p.0.clone(), |(_, n)| n.clone())
            });
            egui::ComboBox::from_id_salt(("code-parent", id))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut parent, None, "(top level)");
                    for (oid, name) in others {
                        ui.selectable_value(&mut parent, Some(oid.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if parent != code.parent {
            self.update_code(id, |c| c.parent = parent);
        }
    }

    fn fields_rows(&mut self, ui: &mut Ui, id: &CodeId, code: &Code) {
        ui.label(RichText::new("Fields on codings").strong());
        let mut remove = None;
        for (i, f) in code.attributes.iter().enumerate() {
            ui.horizontal(|ui| {
                let kind = if f.choices.is_empty() {
                    "free text".to_string()
                } else {
                    f.choices.join(" / ")
                };
                ui.label(format!("{}: {kind}", f.name));
                if ui
                    .small_button("remove")
                    .on_hover_text(format!("Remove field {}", f.name))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.update_code(id, |c| {
                c.attributes.remove(i);
            });
        }
        ui.horizontal(|ui| {
            let l = ui.label("Field");
            ui.add(
                egui::TextEdit::singleline(&mut self.codebook_editor.new_field)
                    .desired_width(140.0),
            )
            .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label("Choices");
            ui.add(
                egui::TextEdit::singleline(&mut self.codebook_editor.new_choices)
                    .desired_width(220.0)
                    .hint_text("comma-separated; empty: free text"),
            )
            .labelled_by(l.id);
        });
        if ui.button("Add field").clicked() {
            let name = std::mem::take(&mut self.codebook_editor.new_field)
                .trim()
                .to_string();
            let choices: Vec<String> = std::mem::take(&mut self.codebook_editor.new_choices)
                .split(',')
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect();
            if !name.is_empty() && !code.attributes.iter().any(|a| a.name == name) {
                self.update_code(id, |c| c.attributes.push(AttributeDef { name, choices }));
            }
        }
    }

    fn delete_rows(&mut self, ui: &mut Ui, id: &CodeId, others: &[(CodeId, String)]) {
        let used = self.my_usage(id);
        let pending = self.codebook_editor.confirm_delete.clone();
        match pending {
            Some((pid, mut target)) if &pid == id => {
                ui.label(format!("{used} of your codings use this code."));
                let mut choice = None;
                ui.horizontal(|ui| {
                    let l = ui.label("Recode them to:");
                    let shown = target.as_ref().map_or("(choose)".to_string(), |t| {
                        others
                            .iter()
                            .find(|(i, _)| i == t)
                            .map_or(t.0.clone(), |(_, n)| n.clone())
                    });
                    egui::ComboBox::from_id_salt(("recode-to", id))
                        .selected_text(shown)
                        .show_ui(ui, |ui| {
                            for (oid, name) in others {
                                ui.selectable_value(&mut target, Some(oid.clone()), name);
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    if ui
                        .add_enabled(target.is_some(), egui::Button::new("Recode and delete"))
                        .clicked()
                    {
                        choice = target.clone().map(DeleteCodings::RecodeTo);
                    }
                });
                ui.horizontal(|ui| {
                    if ui
                        .button(format!("Delete the code and its {used} codings"))
                        .clicked()
                    {
                        choice = Some(DeleteCodings::Delete);
                    }
                    if ui.button("Cancel").clicked() {
                        target = None;
                        self.codebook_editor.confirm_delete = None;
                    }
                });
                if let Some(choice) = choice {
                    self.codebook_editor.confirm_delete = None;
                    self.delete_code(id, choice);
                } else if self.codebook_editor.confirm_delete.is_some() {
                    self.codebook_editor.confirm_delete = Some((pid, target));
                }
            }
            _ => {
                ui.horizontal(|ui| {
                    if ui.button("Delete code…").clicked() {
                        if used == 0 {
                            self.delete_code(id, DeleteCodings::Delete);
                        } else {
                            self.codebook_editor.confirm_delete = Some((id.clone(), None));
                        }
                    }
                    let mut into: Option<CodeId> = None;
                    egui::ComboBox::from_id_salt(("merge-into", id))
                        .selected_text("Merge into…")
                        .show_ui(ui, |ui| {
                            for (oid, name) in others {
                                ui.selectable_value(&mut into, Some(oid.clone()), name);
                            }
                        })
                        .response
                        .on_hover_text(
                            "Recode every coding of this code to another code, then delete it",
                        );
                    if let Some(target) = into {
                        self.delete_code(id, DeleteCodings::RecodeTo(target));
                    }
                });
            }
        }
    }
}
