//! Help → About: the version and what Spanwise is. (The key sheet, F1, is `key_sheet`.)

use egui::Ui;

use super::app::SpanwiseApp;
use super::i18n::{tr, tr_args};
use super::windows::WindowId;

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
        egui::Window::new(WindowId::About.title())
            .open(&mut about)
            .collapsible(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
            .show(ui.ctx(), |ui| {
                ui.heading(tr_args(
                    "about-version",
                    &[("version", env!("CARGO_PKG_VERSION").into())],
                ));
                ui.label(tr("about-what"));
                ui.label(tr("about-where"));
            });
        self.help.about = about;
    }
}
