//! Quitting without losing work: File → Quit (Ctrl+Q), the window's close button and the
//! window manager's close all pass here. What is being typed is committed and everything is
//! saved (on a worker thread, the window drawing "Saving…" meanwhile) before the window
//! closes; when that save fails, the window stays open and says why, and the user chooses to
//! try again or to quit without saving.

use egui::{RichText, Ui};

use super::actions::Action;
use super::app::SpanwiseApp;
use super::command::AppCommand;
use super::i18n::tr;
use super::saving::AfterSave;

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
    /// File → Quit: commits the text being typed, saves in the background and closes the
    /// window once the bytes are on disk, unless the save fails (then the window stays open and
    /// says why).
    pub fn quit(&mut self) {
        self.quit.failed = None;
        self.save_then(AfterSave::Quit);
    }

    /// Everything is on disk: the window may close.
    pub(super) fn quit_saved(&mut self) {
        self.quit.failed = None;
        self.quit.closing = true;
    }

    /// The save on the way out failed: the window stays open and asks.
    pub(super) fn quit_failed(&mut self, error: String) {
        self.quit.failed = Some(error);
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
        if requested && !self.quit.without_saving {
            self.commit_typing();
            if self.saving.waiting() == Some(&AfterSave::Quit) {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            } else if !self.all_saved() || !self.jobs.is_empty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.quit();
            }
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
