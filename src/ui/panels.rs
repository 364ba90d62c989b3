//! The panels around the reader: menu bar, code toolbar, document list, codings list with the
//! selected coding's editor, status bar, and the small windows (coder name, load problems).

use egui::{RichText, Ui, vec2};

use crate::model::codebook::CodeId;

use super::actions::Action;
use super::app::{SaveState, SpanwiseApp};
use super::command::AppCommand;
use super::i18n::{tr, tr_args};
use super::reader::code_colour;
use super::windows::WindowId;

impl SpanwiseApp {
    /// A menu entry for an action: its label and first key; greyed out when not available.
    pub(super) fn action_button(&mut self, ui: &mut Ui, action: Action) {
        let button = egui::Button::new(action.label()).shortcut_text(action.shortcut_text());
        if ui
            .add_enabled(self.action_available(action), button)
            .clicked()
        {
            self.queue(AppCommand::Perform(action));
            ui.close();
        }
    }

    pub(super) fn code_toolbar(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let codes: Vec<_> = ws
            .project()
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
            ui.label(tr("toolbar-code-as"));
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
                .on_hover_text(tr("action-view-font-smaller"))
                .clicked()
            {
                self.queue(AppCommand::Perform(Action::FontSmaller));
            }
            if ui
                .small_button("A+")
                .on_hover_text(tr("action-view-font-bigger"))
                .clicked()
            {
                self.queue(AppCommand::Perform(Action::FontBigger));
            }
        });
        if let Some(id) = apply {
            self.queue(AppCommand::ApplyCode(id));
        }
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            match self.coder() {
                Some(c) => ui.label(tr_args("status-coder", &[("name", c.into())])),
                None => ui.label(tr("status-coder-not-set")),
            };
            ui.separator();
            match self.save_state() {
                SaveState::Saved => ui.label(tr("status-state-saved")),
                SaveState::Saving => ui.label(tr("status-state-saving")),
                SaveState::Unsaved => {
                    ui.colored_label(ui.visuals().warn_fg_color, tr("status-state-unsaved"))
                }
                SaveState::Failed(e) => ui.colored_label(
                    ui.visuals().error_fg_color,
                    tr_args("status-state-failed", &[("error", e.into())]),
                ),
            };
            self.jobs_status(ui);
            if let Some(reason) = self.coding_blocked() {
                // the short form: the problems list has the file's line, column and details
                let short = self.workspace.as_ref().and_then(|w| w.read_only_summary());
                ui.separator();
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    tr_args(
                        "status-read-only",
                        &[("reason", short.unwrap_or(reason).into())],
                    ),
                );
            }
            let problems = self
                .workspace
                .as_ref()
                .map_or(0, |w| w.project().problems.len());
            if problems > 0 {
                ui.separator();
                if ui
                    .link(tr_args("status-problems", &[("n", problems.into())]))
                    .clicked()
                {
                    self.queue(AppCommand::Open(WindowId::Problems));
                }
            }
            if let (Some(text), Some(sel)) = (self.document_text(), self.reader.selection) {
                if let Some(span) = self.reader.selected_span(&text) {
                    ui.separator();
                    ui.label(tr_args(
                        "status-selection",
                        &[
                            ("start", span.start.into()),
                            ("end", span.end.into()),
                            ("chars", span.len().into()),
                        ],
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

    pub(super) fn problems_window(&mut self, ui: &mut Ui) {
        if !self.show_problems {
            return;
        }
        let problems: Vec<String> = self
            .workspace
            .as_ref()
            .map(|w| {
                w.project()
                    .problems
                    .iter()
                    .map(|p| p.message.clone())
                    .collect()
            })
            .unwrap_or_default();
        let mut open = true;
        egui::Window::new(tr("window-problems"))
            .open(&mut open)
            .default_width(560.0)
            .show(ui.ctx(), |ui| {
                ui.label(tr("problems-not-loaded"));
                for p in &problems {
                    ui.colored_label(ui.visuals().error_fg_color, p);
                }
            });
        if !open {
            self.queue(AppCommand::Close(WindowId::Problems));
        }
    }
}

/// "Who is coding?": asks the coder's name once; owns what is typed until it is confirmed.
#[derive(Debug, Default)]
pub struct CoderPrompt {
    input: String,
}

impl CoderPrompt {
    /// Draws the prompt; returns [`AppCommand::SetCoder`] when the name is confirmed (button or
    /// Enter).
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<AppCommand> {
        let mut done = false;
        egui::Window::new(tr("window-coder-prompt"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, vec2(0.0, 0.0))
            .show(ctx, |ui| {
                ui.label(tr("coder-prompt-explain"));
                let label = ui.label(tr("coder-prompt-name"));
                let resp = ui
                    .add(egui::TextEdit::singleline(&mut self.input))
                    .labelled_by(label.id);
                // Once only: requesting focus every frame loops when the OS window has no focus.
                let asked = ui.ctx().data_mut(|d| {
                    std::mem::replace(d.get_temp_mut_or_default::<bool>(resp.id), true)
                });
                if !asked {
                    resp.request_focus();
                }
                let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button(tr("coder-prompt-start")).clicked() || enter {
                    done = true;
                }
            });
        done.then(|| AppCommand::SetCoder(self.input.clone()))
    }
}
