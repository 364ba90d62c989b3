//! The menu bar, made from the action table: each action in the menu its row names, and the View
//! menu's Theme and Language choices. Its texts come from the catalogue of the window's language.

use egui::Ui;

use super::actions::{Menu, TABLE};
use super::app::SpanwiseApp;
use super::i18n::tr;

/// The menus in bar order, with their names in the window's language.
fn menus() -> [(Menu, String); 4] {
    [
        (Menu::File, tr("menu-file")),
        (Menu::Edit, tr("menu-edit")),
        (Menu::View, tr("menu-view")),
        (Menu::Help, tr("menu-help")),
    ]
}

impl SpanwiseApp {
    /// The menu bar.
    pub(super) fn main_menu(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            for (menu, name) in menus() {
                ui.menu_button(name, |ui| self.menu_items(ui, menu));
            }
        });
    }

    fn menu_items(&mut self, ui: &mut Ui, menu: Menu) {
        let specs = TABLE.iter().filter(|s| s.menu == menu);
        for (i, spec) in specs.enumerate() {
            if spec.group && i > 0 {
                ui.separator();
            }
            self.action_button(ui, spec.action);
        }
        if menu == Menu::View {
            self.theme_menu(ui);
            self.language_menu(ui);
            self.dialog_menu(ui);
        }
    }
}
