//! Help → About: the version and what Spanwise is. (The key sheet, F1, is `key_sheet`.)

use egui::Ui;

use super::app::SpanwiseApp;

/// Which Help windows are open.
#[derive(Debug, Default)]
pub struct HelpWindows {
    /// About Spanwise.
    pub about: bool,
}

impl SpanwiseApp {
    /// The About window, when open.
    pub(super) fn about_window(&mut self, ui: &mut Ui) {
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
