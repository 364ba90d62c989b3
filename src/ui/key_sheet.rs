//! The key sheet (F1) and the README's key table: both are made from the action table, so they
//! say what the keyboard handler does.

use egui::{RichText, Ui};

use super::actions::{Handler, Spec, TABLE, When, shortcut_text};
use super::app::SpanwiseApp;
use super::command::AppCommand;
use super::i18n::{Arg, Language, language, tr_in};
use super::windows::WindowId;

/// The key sheet window's state.
#[derive(Debug, Clone, Default)]
pub struct KeySheet {
    /// Whether it is shown.
    pub open: bool,
}

/// One line of the sheet in the window's language: the keys as text and what they do.
pub fn rows() -> Vec<(String, String)> {
    rows_in(language())
}

/// The sheet's lines in a given language.
pub fn rows_in(language: Language) -> Vec<(String, String)> {
    TABLE
        .iter()
        .filter(|s| !s.keys.is_empty() || s.handler == Handler::CodeKeys)
        .map(|s| (keys_text(s, language), what(s, language)))
        .collect()
}

fn keys_text(spec: &Spec, language: Language) -> String {
    if spec.handler == Handler::CodeKeys {
        return tr_in(language, "keysheet-code-keys", &[]);
    }
    let keys: Vec<String> = spec.keys.iter().map(|k| shortcut_text(*k)).collect();
    keys.join(&format!(" {} ", tr_in(language, "keysheet-or", &[])))
}

fn what(spec: &Spec, language: Language) -> String {
    let full = spec.label_in(language);
    let label = full.trim_end_matches('…');
    let args = [("label", Arg::from(label))];
    match (spec.when, spec.handler) {
        (When::Review, _) => tr_in(language, "keysheet-review-mode", &args),
        (_, Handler::Reader) => tr_in(language, "keysheet-in-article", &args),
        _ => label.to_string(),
    }
}

/// The key table as Markdown, as the README has it: always English, from the English catalogue.
pub fn key_sheet_markdown() -> String {
    let en = Language::English;
    let mut out = format!(
        "| {} | {} |\n|---|---|\n",
        tr_in(en, "keysheet-column-keys", &[]),
        tr_in(en, "keysheet-column-action", &[])
    );
    for (keys, what) in rows_in(en) {
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
