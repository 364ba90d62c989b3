//! The codebook editor: add, rename, recolour, re-key, describe, reorder, nest, merge and delete
//! codes, define the fields (attributes) their codings carry, and edit or remove the document
//! variables of the codesheet ([`super::codebook_variables`]). The editor owns its state and
//! draws from a read-only view of the project; every edit is queued as an
//! [`AppCommand::Execute`], so it is undoable; a code is never removed while codings use it: the
//! current coder's are recoded or deleted first, in the same undo step
//! ([`crate::edit::removal`]).

use egui::{RichText, Sense, Ui, vec2};

use crate::edit::command::Command;
use crate::edit::removal::{self, DeleteCodings};
use crate::model::codebook::{AttributeDef, Code, CodeId, OKABE_ITO};
use crate::model::project::Project;
use crate::model::variable::VariableId;

use super::command::AppCommand;
use super::fields::committed_text;
use super::i18n::{tr, tr_args};
use super::reader::code_colour;

/// What the codebook window is drawn from.
pub struct CodebookView<'a> {
    /// The open project.
    pub project: &'a Project,
    /// The coder of this session (whose codings and values a removal clears).
    pub coder: &'a str,
}

/// What the right side of the window edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selected {
    /// A code of the codebook.
    Code(CodeId),
    /// A document variable of the codesheet.
    Variable(VariableId),
}

/// State of the codebook editor window.
#[derive(Debug, Default)]
pub struct CodebookEditor {
    /// Whether the window is shown.
    pub open: bool,
    /// The code or variable being edited.
    pub selected: Option<Selected>,
    /// A delete waiting for the user's choice of what happens to its codings.
    confirm_delete: Option<(CodeId, Option<CodeId>)>,
    /// A variable removal waiting for the user's confirmation.
    pub(super) confirm_remove: Option<VariableId>,
    new_name: String,
    new_field: String,
    new_choices: String,
    /// What this frame's drawing asks the shell to do.
    pub(super) out: Vec<AppCommand>,
}

impl CodebookEditor {
    /// Draws the window (when open) and returns the commands the user's edits make.
    pub fn ui(&mut self, ctx: &egui::Context, view: &CodebookView) -> Vec<AppCommand> {
        if !self.open {
            return Vec::new();
        }
        let mut open = true;
        let screen = ctx.content_rect();
        // the window fits the screen; the list and the form scroll inside it
        let body = (screen.height() - 230.0).max(100.0);
        egui::Window::new(tr("window-codebook"))
            .open(&mut open)
            .default_width(640.0_f32.min(screen.width() - 40.0))
            .default_pos(screen.center() - vec2(320.0, (screen.height() / 2.0 - 40.0).min(240.0)))
            .max_height(screen.height() - 60.0)
            // as tall as its content (up to the screen): a remembered height would hide the
            // form's lower part behind a scroll bar
            .resizable([true, false])
            .show(ctx, |ui| {
                ui.label(RichText::new(tr("codebook-shared")).weak());
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(200.0);
                        egui::ScrollArea::vertical()
                            .id_salt("codebook-list")
                            .max_height(body)
                            .min_scrolled_height(body)
                            .show(ui, |ui| {
                                self.code_list(ui, view);
                                ui.separator();
                                self.variable_list(ui, view);
                            });
                        ui.separator();
                        // below the list, never scrolled away
                        self.new_code(ui, view);
                    });
                    ui.separator();
                    ui.vertical(|ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("codebook-form")
                            .max_height(body)
                            .min_scrolled_height(body)
                            .show(ui, |ui| match self.selected.clone() {
                                Some(Selected::Code(id)) => self.code_form(ui, view, &id),
                                Some(Selected::Variable(id)) => self.variable_form(ui, view, &id),
                                None => {
                                    ui.label(tr("codebook-choose"));
                                }
                            });
                    });
                });
            });
        self.open = open;
        std::mem::take(&mut self.out)
    }

    pub(super) fn execute(&mut self, command: Command) {
        self.out.push(AppCommand::Execute(command));
    }

    pub(super) fn notify(&mut self, message: String) {
        self.out.push(AppCommand::Notify(message));
    }

    /// Queues an `UpdateCode` when `change` changes the code.
    fn update_code(&mut self, code: &Code, change: impl FnOnce(&mut Code)) {
        let mut changed = code.clone();
        change(&mut changed);
        if &changed != code {
            self.execute(Command::UpdateCode(changed));
        }
    }

    fn code_list(&mut self, ui: &mut Ui, view: &CodebookView) {
        for code in &view.project.codebook.codes {
            let selected = self.selected == Some(Selected::Code(code.id.clone()));
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
                    self.selected = Some(Selected::Code(code.id.clone()));
                    self.confirm_delete = None;
                }
            });
        }
    }

    fn new_code(&mut self, ui: &mut Ui, view: &CodebookView) {
        let label = ui.label(tr("codebook-new-code"));
        let field = ui
            .add(egui::TextEdit::singleline(&mut self.new_name).desired_width(180.0))
            .labelled_by(label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr("codebook-add-code")).clicked() || enter {
            let name = std::mem::take(&mut self.new_name);
            let name = name.trim();
            if !name.is_empty() {
                let book = &view.project.codebook;
                let code = crate::model::new_code::new_code(book, name, None);
                self.selected = Some(Selected::Code(code.id.clone()));
                let at = book.codes.len();
                self.execute(Command::InsertCode { at, code });
            }
        }
    }

    fn code_form(&mut self, ui: &mut Ui, view: &CodebookView, id: &CodeId) {
        let Some(code) = view.project.codebook.get(id) else {
            return;
        };
        let mut others = view.project.codebook.labels();
        others.retain(|(c, _)| c != id);
        ui.label(
            RichText::new(tr_args(
                "codebook-code-id",
                &[("id", code.id.0.as_str().into())],
            ))
            .weak()
            .small(),
        );
        if let Some(name) = committed_text(
            ui,
            ("code-name", id),
            &tr("codebook-name"),
            &code.name,
            false,
        ) {
            self.update_code(code, |c| c.name = name.trim().to_string());
        }
        let key = code.key.map(String::from).unwrap_or_default();
        let key_label = tr("codebook-key");
        if let Some(k) = committed_text(ui, ("code-key", id), &key_label, &key, false) {
            self.set_code_key(view, code, k.trim().chars().next());
        }
        self.colour_row(ui, code);
        self.parent_row(ui, code, &others);
        let def = &code.definition;
        if let Some(d) = committed_text(ui, ("code-def", id), &tr("codebook-definition"), def, true)
        {
            self.update_code(code, |c| c.definition = d);
        }
        self.fields_rows(ui, code);
        ui.horizontal(|ui| {
            let at = view.project.codebook.index_of(id).unwrap_or(0);
            for (label, to) in [
                (tr("codebook-move-up"), at.saturating_sub(1)),
                (tr("codebook-move-down"), at + 1),
            ] {
                if ui.button(label).clicked() && to != at {
                    self.execute(Command::MoveCode { id: id.clone(), to });
                }
            }
        });
        ui.separator();
        self.delete_rows(ui, view, id, &others);
    }

    /// Gives a code a key, unless an action or another code already uses it (then the status
    /// bar names which).
    fn set_code_key(&mut self, view: &CodebookView, code: &Code, key: Option<char>) {
        let reserved = super::actions::reserved_code_keys();
        let book = &view.project.codebook;
        let refused =
            key.and_then(|k| crate::model::new_code::check_key(book, &code.id, k, &reserved).err());
        match refused {
            Some(why) => self.notify(tr_args(
                "codebook-key-not-changed",
                &[("reason", why.to_string().into())],
            )),
            None => self.update_code(code, |c| c.key = key),
        }
    }

    fn colour_row(&mut self, ui: &mut Ui, code: &Code) {
        ui.horizontal(|ui| {
            ui.label(tr("codebook-colour"));
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
                let resp =
                    resp.on_hover_text(tr_args("codebook-use-colour", &[("hex", hex.into())]));
                resp.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        tr_args("codebook-colour-name", &[("hex", hex.into())]),
                    )
                });
                if resp.clicked() {
                    self.update_code(code, |c| c.colour = hex.to_string());
                }
            }
        });
    }

    fn parent_row(&mut self, ui: &mut Ui, code: &Code, others: &[(CodeId, String)]) {
        let mut parent = code.parent.clone();
        ui.horizontal(|ui| {
            let label = ui.label(tr("codebook-parent"));
            let shown = parent
                .as_ref()
                .map_or_else(|| tr("codebook-top-level"), |p| name_in(others, p));
            egui::ComboBox::from_id_salt(("code-parent", &code.id))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut parent, None, tr("codebook-top-level"));
                    for (oid, name) in others {
                        ui.selectable_value(&mut parent, Some(oid.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        self.update_code(code, |c| c.parent = parent);
    }

    fn fields_rows(&mut self, ui: &mut Ui, code: &Code) {
        ui.label(RichText::new(tr("codebook-fields")).strong());
        let mut remove = None;
        for (i, f) in code.attributes.iter().enumerate() {
            ui.horizontal(|ui| {
                let kind = if f.choices.is_empty() {
                    tr("codebook-free-text")
                } else {
                    f.choices.join(" / ")
                };
                ui.label(format!("{}: {kind}", f.name));
                let hint = tr_args("codebook-remove-field", &[("field", (&f.name).into())]);
                if ui
                    .small_button(tr("codebook-remove"))
                    .on_hover_text(hint)
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.update_code(code, |c| {
                c.attributes.remove(i);
            });
        }
        ui.horizontal(|ui| {
            let l = ui.label(tr("codebook-field"));
            let edit = egui::TextEdit::singleline(&mut self.new_field).desired_width(140.0);
            ui.add(edit).labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label(tr("codebook-choices"));
            let edit = egui::TextEdit::singleline(&mut self.new_choices)
                .desired_width(ui.available_width().clamp(80.0, 220.0));
            ui.add(edit).labelled_by(l.id);
        });
        // below the field, wrapped: as a hint inside it, it was cut off
        ui.label(RichText::new(tr("codebook-choices-hint")).weak().small());
        if ui.button(tr("codebook-add-field")).clicked() {
            let name = std::mem::take(&mut self.new_field).trim().to_string();
            let choices: Vec<String> = std::mem::take(&mut self.new_choices)
                .split(',')
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect();
            if !name.is_empty() && !code.attributes.iter().any(|a| a.name == name) {
                self.update_code(code, |c| c.attributes.push(AttributeDef { name, choices }));
            }
        }
    }

    /// Queues the deletion of a code (its codings recoded or deleted), or says why not.
    fn delete_code(&mut self, view: &CodebookView, id: &CodeId, codings: DeleteCodings) {
        self.confirm_delete = None;
        match removal::delete_code(view.project, view.coder, id, &codings) {
            Ok(command) => {
                self.execute(command);
                self.selected = None;
            }
            Err(e) => self.notify(tr_args(
                "codebook-not-deleted",
                &[("error", e.to_string().into())],
            )),
        }
    }

    fn delete_rows(
        &mut self,
        ui: &mut Ui,
        view: &CodebookView,
        id: &CodeId,
        others: &[(CodeId, String)],
    ) {
        let used = removal::my_code_usage(view.project, view.coder, id);
        match self.confirm_delete.clone() {
            Some((pid, target)) if &pid == id => {
                self.confirm_rows(ui, view, id, others, used, target)
            }
            _ => {
                ui.horizontal(|ui| {
                    if ui.button(tr("codebook-delete-code")).clicked() {
                        if used == 0 {
                            self.delete_code(view, id, DeleteCodings::Delete);
                        } else {
                            self.confirm_delete = Some((id.clone(), None));
                        }
                    }
                    let mut into: Option<CodeId> = None;
                    egui::ComboBox::from_id_salt(("merge-into", id))
                        .selected_text(tr("codebook-merge-into"))
                        .show_ui(ui, |ui| {
                            for (oid, name) in others {
                                ui.selectable_value(&mut into, Some(oid.clone()), name);
                            }
                        })
                        .response
                        .on_hover_text(tr("codebook-merge-hint"));
                    if let Some(target) = into {
                        self.delete_code(view, id, DeleteCodings::RecodeTo(target));
                    }
                });
            }
        }
    }

    /// The question what happens to the `used` codings of a code being deleted.
    fn confirm_rows(
        &mut self,
        ui: &mut Ui,
        view: &CodebookView,
        id: &CodeId,
        others: &[(CodeId, String)],
        used: usize,
        mut target: Option<CodeId>,
    ) {
        ui.label(tr_args("codebook-used", &[("n", used.into())]));
        let mut choice = None;
        ui.horizontal(|ui| {
            let l = ui.label(tr("codebook-recode-to"));
            let shown = target
                .as_ref()
                .map_or_else(|| tr("codebook-choose-code"), |t| name_in(others, t));
            egui::ComboBox::from_id_salt(("recode-to", id))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (oid, name) in others {
                        ui.selectable_value(&mut target, Some(oid.clone()), name);
                    }
                })
                .response
                .labelled_by(l.id);
            let recode = egui::Button::new(tr("codebook-recode-delete"));
            if ui.add_enabled(target.is_some(), recode).clicked() {
                choice = target.clone().map(DeleteCodings::RecodeTo);
            }
        });
        let mut cancel = false;
        ui.horizontal(|ui| {
            let delete = tr_args("codebook-delete-with-codings", &[("n", used.into())]);
            if ui.button(delete).clicked() {
                choice = Some(DeleteCodings::Delete);
            }
            cancel = ui.button(tr("prompt-cancel")).clicked();
        });
        if let Some(choice) = choice {
            self.delete_code(view, id, choice);
        } else if cancel {
            self.confirm_delete = None;
        } else {
            self.confirm_delete = Some((id.clone(), target));
        }
    }
}

/// The name of a code in a list of (id, name), or its id.
fn name_in(codes: &[(CodeId, String)], id: &CodeId) -> String {
    codes
        .iter()
        .find(|(i, _)| i == id)
        .map_or(id.0.clone(), |(_, n)| n.clone())
}
