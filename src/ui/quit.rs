//! Quitting without losing work: File → Quit (Ctrl+Q), the window's close button and the
//! window manager's close all pass here. What is being typed is committed and everything is
//! saved synchronously before the window closes; when that save fails, the window stays open
//! and says why, and the user chooses to try again or to quit without saving.

use egui::{RichText, Ui};

use super::actions::Action;
use super::app::{SaveState, SpanwiseApp};
use super::command::AppCommand;
use super::i18n::tr;

/// Where quitting stands.
#[derive(Debug, Default)]
pub struct QuitState {
    /// The app asked the window to close (File → Quit) and waits for it.
    pub closing: bool,
    /// The save on the way out failed with this error; the window stayed open.
    pub failed: Option<String>,
    /// The user chose to quit without saving.
    pub without_saving: bool,
}

impl SpanwiseApp {
    /// File → Quit: commits the text being typed, saves now and closes the window, unless the
    /// save fails (then the window stays open and says why).
    pub fn quit(&mut self) {
        if self.flush_for_quit() {
            self.quit.closing = true;
        }
    }

    /// Commits, waits for a background save and saves synchronously; true when nothing is left
    /// unsaved.
    fn flush_for_quit(&mut self) -> bool {
        self.commit_typing();
        self.save_now();
        match self.save_state() {
            SaveState::Saved => {
                self.quit.failed = None;
                true
            }
            SaveState::Failed(e) => {
                self.quit.failed = Some(e);
                false
            }
            SaveState::Unsaved | SaveState::Saving => {
                self.quit.failed = Some(tr("quit-some-unsaved"));
                false
            }
        }
    }

    /// Ctrl+S and Ctrl+Q while a text field has the keyboard: Ctrl+S leaves the field (it
    /// commits this frame) and saves at the end of the frame; Ctrl+Q commits and quits at once.
    pub(super) fn shortcuts_while_typing(&mut self, ui: &Ui) {
        let save = Action::Save.shortcut().expect("Save has a shortcut");
        if ui.input_mut(|i| i.consume_shortcut(&save)) {
            ui.memory_mut(|m| m.stop_text_input());
            self.queue(AppCommand::Perform(Action::Save));
        }
        let quit = Action::Quit.shortcut().expect("Quit has a shortcut");
        if ui.input_mut(|i| i.consume_shortcut(&quit)) {
            self.quit();
        }
    }

    /// Each frame: sends the close the app asked for, and holds any close request until the
    /// work is on disk.
    pub(super) fn guard_close(&mut self, ui: &Ui) {
        let ctx = ui.ctx();
        if std::mem::take(&mut self.quit.closing) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.quit.without_saving && !self.flush_for_quit() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        self.quit_window(ui);
    }

    /// The question after a failed save on the way out.
    fn quit_window(&mut self, ui: &Ui) {
        let Some(error) = self.quit.failed.clone() else {
            return;
        };
        let (mut again, mut anyway, mut stay) = (false, false, false);
        egui::Window::new(tr("quit-title"))
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                ui.label(RichText::new(tr("quit-heading")).strong());
                ui.colored_label(ui.visuals().error_fg_color, &error);
                ui.horizontal(|ui| {
                    again = ui.button(tr("quit-try-again")).clicked();
                    stay = ui.button(tr("quit-keep-open")).clicked();
                    anyway = ui.button(tr("quit-without-saving")).clicked();
                });
            });
        if again {
            self.quit();
        } else if stay {
            self.quit.failed = None;
        } else if anyway {
            self.quit.without_saving = true;
            self.quit.closing = true;
        }
    }
}
