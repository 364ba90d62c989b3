//! The panels around the reader: menu bar, code toolbar, document list, codings list with the
//! selected coding's editor, status bar, and the small windows (coder name, load problems).

use egui::{RichText, Sense, Ui, vec2};

use crate::codebook::CodeId;

use super::actions::Action;
use super::app::{SaveState, SpanwiseApp};
use super::reader::code_colour;

impl SpanwiseApp {
    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for a in [
                    Action::OpenProject,
                    Action::NewProject,
                    Action::ImportQdpx,
                    Action::Save,
                    Action::Export,
                ] {
                    self.action_button(ui, a);
                }
            });
            ui.menu_button("Edit", |ui| {
                for a in [Action::Undo, Action::Redo, Action::DeleteCoding] {
                    self.action_button(ui, a);
                }
                ui.separator();
                for a in [
                    Action::StartLeft,
                    Action::StartRight,
                    Action::EndLeft,
                    Action::EndRight,
                ] {
                    self.action_button(ui, a);
                }
            });
            ui.menu_button("View", |ui| {
                for a in [
                    Action::NextDocument,
                    Action::PrevDocument,
                    Action::NextCoding,
                    Action::PrevCoding,
                    Action::FontBigger,
                    Action::FontSmaller,
                ] {
                    self.action_button(ui, a);
                }
                self.analysis_menu_items(ui);
            });
        });
    }

    pub(super) fn action_button(&mut self, ui: &mut Ui, action: Action) {
        let button = egui::Button::new(action.label()).shortcut_text(action.shortcut_text());
        if ui.add(button).clicked() {
            self.perform(action);
            ui.close();
        }
    }

    pub(super) fn code_toolbar(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let codes: Vec<_> = ws
            .project
            .codebook
            .codes
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    c.name.clone(),
                    c.key,
                    c.rgb(),
                    c.definition.clone(),
                )
            })
            .collect();
        let mut apply: Option<CodeId> = None;
        ui.horizontal_wrapped(|ui| {
            ui.label("Code selection as:");
            for (id, name, key, rgb, definition) in codes {
                let label = match key {
                    Some(k) => format!("{k}  {name}"),
                    None => name,
                };
                let button = egui::Button::new(RichText::new(label).strong())
                    .fill(code_colour(rgb).gamma_multiply(0.35))
                    .stroke(egui::Stroke::new(1.5, code_colour(rgb)));
                if ui.add(button).on_hover_text(definition).clicked() {
                    apply = Some(id);
                }
            }
            ui.separator();
            if ui
                .small_button("A-")
                .on_hover_text("Smaller text")
                .clicked()
            {
                self.perform(Action::FontSmaller);
            }
            if ui.small_button("A+").on_hover_text("Larger text").clicked() {
                self.perform(Action::FontBigger);
            }
        });
        if let Some(id) = apply {
            self.apply_code(&id);
        }
    }

    pub(super) fn documents_panel(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        ui.heading(&ws.project.name);
        ui.label(RichText::new(format!("{} documents", ws.project.corpus.documents.len())).weak());
        ui.separator();
        let docs: Vec<(String, Option<String>, bool)> = ws
            .project
            .corpus
            .documents
            .iter()
            .map(|d| (d.meta.title.clone(), d.meta.date.clone(), d.text.is_none()))
            .collect();
        let colours: Vec<_> = ws
            .project
            .codebook
            .codes
            .iter()
            .map(|c| code_colour(c.rgb()))
            .collect();
        let mut open = None;
        let row_height = 64.0;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_height, docs.len(), |ui, range| {
                for i in range {
                    let (title, date, missing) = &docs[i];
                    let selected = i == self.current_doc;
                    let frame = egui::Frame::new()
                        .inner_margin(4.0)
                        .corner_radius(4.0)
                        .fill(if selected {
                            ui.visuals().selection.bg_fill.gamma_multiply(0.4)
                        } else {
                            egui::Color32::TRANSPARENT
                        });
                    frame.show(ui, |ui| {
                        ui.set_min_height(row_height - 12.0);
                        ui.set_width(ui.available_width());
                        let mut t = RichText::new(title.as_str());
                        if selected {
                            t = t.strong();
                        }
                        let button = egui::Button::selectable(selected, t)
                            .wrap_mode(egui::TextWrapMode::Truncate);
                        if ui.add(button).on_hover_text(title.as_str()).clicked() {
                            open = Some(i);
                        }
                        ui.horizontal(|ui| {
                            if let Some(d) = date {
                                ui.label(RichText::new(d.as_str()).weak().small());
                            }
                            if *missing {
                                ui.colored_label(ui.visuals().warn_fg_color, "text missing");
                            }
                            for (k, n) in self.counts(i).iter().enumerate() {
                                let (rect, _) =
                                    ui.allocate_exact_size(vec2(8.0, 8.0), Sense::hover());
                                ui.painter().circle_filled(rect.center(), 4.0, colours[k]);
                                ui.label(RichText::new(n.to_string()).small());
                            }
                        });
                    });
                    ui.add_space(4.0);
                }
            });
        if let Some(i) = open {
            self.open_document(i);
        }
    }

    pub(super) fn codings_panel(&mut self, ui: &mut Ui) {
        ui.heading("Codings");
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let Some(doc) = self.document() else {
            return;
        };
        let codebook = ws.project.codebook.clone();
        let items: Vec<_> = ws
            .project
            .coder(ws.coder())
            .map(|f| f.in_document(&doc.meta.id).cloned().collect())
            .unwrap_or_else(Vec::new);
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
                    let quote: String = c.quote.chars().take(90).collect();
                    let ellipsis = if c.quote.chars().count() > 90 {
                        "…"
                    } else {
                        ""
                    };
                    let text = format!(
                        "{}  {}{}",
                        codebook.name_of(&c.code),
                        quote.replace('\n', " "),
                        ellipsis
                    );
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

    fn coding_editor(&mut self, ui: &mut Ui) {
        let Some(id) = self.selected_coding else {
            return;
        };
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let Some(coding) = ws
            .project
            .coder(ws.coder())
            .and_then(|f| f.get(id))
            .cloned()
        else {
            return;
        };
        let codes: Vec<_> = ws
            .project
            .codebook
            .codes
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(format!("Selected coding {}", coding.id)).strong());
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
            ui.horizontal(|ui| {
                ui.label("Start");
                if ui
                    .small_button("<")
                    .on_hover_text(Action::StartLeft.shortcut_text())
                    .clicked()
                {
                    self.perform(Action::StartLeft);
                }
                if ui
                    .small_button(">")
                    .on_hover_text(Action::StartRight.shortcut_text())
                    .clicked()
                {
                    self.perform(Action::StartRight);
                }
                ui.label("End");
                if ui
                    .small_button("<")
                    .on_hover_text(Action::EndLeft.shortcut_text())
                    .clicked()
                {
                    self.perform(Action::EndLeft);
                }
                if ui
                    .small_button(">")
                    .on_hover_text(Action::EndRight.shortcut_text())
                    .clicked()
                {
                    self.perform(Action::EndRight);
                }
            });
            self.memo_field(ui, id, &coding.memo);
            if ui
                .button("Delete coding")
                .on_hover_text("Delete key")
                .clicked()
            {
                self.perform(Action::DeleteCoding);
            }
        });
    }

    fn memo_field(&mut self, ui: &mut Ui, id: crate::coding::CodingId, memo: &str) {
        let edit = self.memo_edit();
        if edit.as_ref().is_none_or(|(eid, _)| *eid != id) {
            *edit = Some((id, memo.to_string()));
        }
        let Some((_, buffer)) = edit.as_mut() else {
            return;
        };
        let label = ui.label("Memo");
        let resp = ui
            .add(
                egui::TextEdit::multiline(buffer)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if resp.lost_focus() || (!resp.has_focus() && buffer != memo) {
            let text = buffer.clone();
            if text != memo {
                self.update_coding(id, |c| c.memo = text);
            }
        }
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            match self.coder() {
                Some(c) => ui.label(format!("Coder: {c}")),
                None => ui.label("Coder: (not set)"),
            };
            ui.separator();
            match self.save_state() {
                SaveState::Saved => ui.label("saved"),
                SaveState::Unsaved => {
                    ui.colored_label(ui.visuals().warn_fg_color, "unsaved changes")
                }
                SaveState::Failed(e) => {
                    ui.colored_label(ui.visuals().error_fg_color, format!("saving failed: {e}"))
                }
            };
            if let Some(reason) = self.coding_blocked() {
                ui.separator();
                ui.colored_label(ui.visuals().warn_fg_color, format!("read-only: {reason}"));
            }
            let problems = self
                .workspace
                .as_ref()
                .map_or(0, |w| w.project.problems.len());
            if problems > 0 {
                ui.separator();
                if ui
                    .link(format!("{problems} problem(s) reading the project: show"))
                    .clicked()
                {
                    *self.show_problems() = true;
                }
            }
            if let (Some(text), Some(sel)) = (self.document_text(), self.reader.selection) {
                if let Some(span) = self.reader.selected_span(&text) {
                    ui.separator();
                    ui.label(format!(
                        "selection {}–{} ({} chars)",
                        span.start,
                        span.end,
                        span.len()
                    ));
                }
                let _ = sel;
            }
            if let Some(m) = &self.message {
                ui.separator();
                ui.label(RichText::new(m).weak());
            }
        });
    }

    pub(super) fn coder_prompt(&mut self, ui: &mut Ui) {
        if self.coder().is_some() {
            return;
        }
        let mut done = false;
        egui::Window::new("Who is coding?")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, vec2(0.0, 0.0))
            .show(ui.ctx(), |ui| {
                ui.label("Your name is stored with every coding you make, in coding/<name>.ron.");
                let label = ui.label("Coder name:");
                let resp = ui
                    .add(egui::TextEdit::singleline(self.coder_input()))
                    .labelled_by(label.id);
                // Once only: requesting focus every frame loops when the OS window has no focus.
                let asked = ui.ctx().data_mut(|d| {
                    std::mem::replace(d.get_temp_mut_or_default::<bool>(resp.id), true)
                });
                if !asked {
                    resp.request_focus();
                }
                let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Start coding").clicked() || enter {
                    done = true;
                }
            });
        if done {
            let name = self.coder_input().clone();
            self.set_coder(&name);
        }
    }

    pub(super) fn problems_window(&mut self, ui: &mut Ui) {
        if !*self.show_problems() {
            return;
        }
        let problems: Vec<String> = self
            .workspace
            .as_ref()
            .map(|w| {
                w.project
                    .problems
                    .iter()
                    .map(|p| p.message.clone())
                    .collect()
            })
            .unwrap_or_default();
        let mut open = true;
        egui::Window::new("Problems reading the project")
            .open(&mut open)
            .default_width(560.0)
            .show(ui.ctx(), |ui| {
                ui.label("These files were not loaded. They are left untouched on disk and will not be overwritten.");
                for p in &problems {
                    ui.colored_label(ui.visuals().error_fg_color, p);
                }
            });
        *self.show_problems() = open;
    }
}
