//! The key sheet (F1) and the README's key table: both are made from the action table, so they
//! say what the keyboard handler does.

use egui::{RichText, Ui};

use super::actions::{Handler, Spec, TABLE, When, shortcut_text};
use super::app::SpanwiseApp;
use super::command::AppCommand;
use super::windows::WindowId;

/// The key sheet window's state.
#[derive(Debug, Clone, Default)]
pub struct KeySheet {
    /// Whether it is shown.
    pub open: bool,
}

/// One line of the sheet: the keys as text and what they do.
pub fn rows() -> Vec<(String, String)> {
    TABLE
        .iter()
        .filter(|s| !s.keys.is_empty() || s.handler == Handler::CodeKeys)
        .map(|s| (keys_text(s), what(s)))
        .collect()
}

fn keys_text(spec: &Spec) -> String {
    if spec.handler == Handler::CodeKeys {
        return "1, 2, 3 … (the code's key)".into();
    }
    let keys: Vec<String> = spec.keys.iter().map(|k| shortcut_text(*k)).collect();
    keys.join(" or ")
}

fn what(spec: &Spec) -> String {
    let label = spec.label.trim_end_matches('…');
    match (spec.when, spec.handler) {
        (When::Review, _) => format!("{label} (review mode)"),
        (_, Handler::Reader) => format!("{label} (in the article)"),
        _ => label.to_string(),
    }
}

/// The key table as Markdown, as the README has it.
pub fn key_sheet_markdown() -> String {
    let mut out = String::from("| keys | action |\n|---|---|\n");
    for (keys, what) in rows() {
        out.push_str(&format!("| {keys} | {what} |\n"));
    }
    out
}

impl KeySheet {
    /// Draws the sheet; returns a command when the user closes it.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<AppCommand> {
        let mut open = self.open;
        egui::Window::new(WindowId::KeySheet.title())
            .open(&mut open)
            .default_width(520.0)
            .show(ui.ctx(), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(480.0)
                    .show(ui, |ui| {
                        egui::Grid::new("key-sheet").striped(true).show(ui, |ui| {
                            for (keys, what) in rows() {
                                ui.label(RichText::new(keys).monospace());
                                ui.label(what);
                                ui.end_row();
                            }
                        });
                    });
            });
        (!open).then_some(AppCommand::Close(WindowId::KeySheet))
    }
}

impl SpanwiseApp {
    pub(super) fn key_sheet_window(&mut self, ui: &mut Ui) {
        if !self.key_sheet.open {
            return;
        }
        if let Some(command) = self.key_sheet.ui(ui) {
            self.queue(command);
        }
    }
}
