//! The Help menu: the key sheet (every shortcut, generated from the action table) and About.

use egui::{RichText, Ui};

use super::actions::Action;
use super::app::SpanwiseApp;

/// Which Help windows are open.
#[derive(Debug, Default)]
pub struct HelpWindows {
    /// The key sheet.
    pub keys: bool,
    /// About Spanwise.
    pub about: bool,
}

/// Keys handled outside the action table, as the key sheet lists them.
const OTHER_KEYS: [(&str, &str); 6] = [
    (
        "1, 2, 3 …",
        "Apply that code to the selection (or recode the selected coding)",
    ),
    (
        "Esc",
        "Close a menu; clear the selection; deselect the coding",
    ),
    ("Shift+← / Shift+→", "Extend the selection by a character"),
    ("Ctrl+=", "Zoom in (keyboards where + needs Shift)"),
    ("Ctrl+Y", "Redo"),
    ("F8 / Shift+F8", "Next / previous difference (review mode)"),
];

impl SpanwiseApp {
    /// The Help menu's entries.
    pub(super) fn help_menu(&mut self, ui: &mut Ui) {
        ui.menu_button("Help", |ui| {
            for a in [Action::KeySheet, Action::About] {
                self.action_button(ui, a);
            }
        });
    }

    /// The key sheet and About windows, when open.
    pub(super) fn help_windows(&mut self, ui: &Ui) {
        let mut keys = self.help.keys;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut keys)
            .default_width(460.0)
            .show(ui.ctx(), |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    egui::Grid::new("key-sheet").striped(true).show(ui, |ui| {
                        for a in Action::ALL.iter().filter(|a| a.shortcut().is_some()) {
                            ui.label(RichText::new(a.shortcut_text()).monospace());
                            ui.label(a.label());
                            ui.end_row();
                        }
                        for (key, what) in OTHER_KEYS {
                            ui.label(RichText::new(key).monospace());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
                });
            });
        self.help.keys = keys;
        let mut about = self.help.about;
        egui::Window::new("About Spanwise")
            .open(&mut about)
            .collapsible(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
            .show(ui.ctx(), |ui| {
                ui.heading(format!("Spanwise {}", env!("CARGO_PKG_VERSION")));
                ui.label(
                    "Coding news texts for media research: select text, code it, compare coders.",
                );
                ui.label("Your codings are saved in coding/<your name>.ron beside the corpus.");
            });
        self.help.about = about;
    }
}
