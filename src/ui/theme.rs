//! Look and feel: the light/dark theme choice, the window zoom, and code colours that stay
//! readable on either background.

use egui::Color32;
use serde::{Deserialize, Serialize};

use super::app::SpanwiseApp;
use super::i18n::{LanguageChoice, tr};

/// Which colours the window uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// All choices, in menu order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// Menu label, in the window's language.
    pub fn label(self) -> String {
        match self {
            ThemeChoice::System => tr("theme-system"),
            ThemeChoice::Light => tr("theme-light"),
            ThemeChoice::Dark => tr("theme-dark"),
        }
    }

    fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Smallest and largest window zoom.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

impl SpanwiseApp {
    /// Puts the remembered theme and zoom into effect (cheap when nothing changed).
    pub(super) fn apply_look(&self, ctx: &egui::Context) {
        let wanted = self.prefs.theme.preference();
        if ctx.options(|o| o.theme_preference) != wanted {
            ctx.set_theme(wanted);
        }
        if ctx.options(|o| o.zoom_with_keyboard) {
            // Zoom keys are actions of our own table (so the palette and menus list them).
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
        }
        let zoom = self.prefs.zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        if (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(zoom);
        }
    }

    /// The View menu's Theme submenu.
    pub(super) fn theme_menu(&mut self, ui: &mut egui::Ui) {
        ui.separator();
        ui.menu_button(tr("menu-theme"), |ui| {
            for t in ThemeChoice::ALL {
                if ui
                    .radio_value(&mut self.prefs.theme, t, t.label())
                    .clicked()
                {
                    ui.close();
                }
            }
        });
    }

    /// The View menu's Language submenu: System, Deutsch, English; the choice applies on the
    /// next frame and is remembered in the preferences.
    pub(super) fn language_menu(&mut self, ui: &mut egui::Ui) {
        ui.menu_button(tr("menu-language"), |ui| {
            for choice in LanguageChoice::ALL {
                let on = self.prefs.language == choice;
                if ui.radio(on, tr(choice.label_key())).clicked() {
                    self.set_language(choice);
                    ui.close();
                }
            }
        });
    }

    /// Sets the window's language (it speaks it from the next frame on).
    pub fn set_language(&mut self, choice: LanguageChoice) {
        self.prefs.language = choice;
        super::i18n::set_language(choice.resolve());
    }

    /// Changes the window zoom by `steps` tenths (0 resets it).
    pub fn zoom(&mut self, steps: i32) {
        self.prefs.zoom = if steps == 0 {
            1.0
        } else {
            let z = self.prefs.zoom + 0.1 * steps as f32;
            ((z * 10.0).round() / 10.0).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1)
        };
    }
}

/// A code colour adjusted to stand out as a line or outline on the background: on light
/// backgrounds pale colours (the Okabe–Ito yellow, sky blue) are darkened until their contrast
/// ratio reaches 3:1; on dark backgrounds dark colours are lightened the same way.
pub fn ink(colour: Color32, dark: bool) -> Color32 {
    let background = if dark {
        Color32::from_gray(27)
    } else {
        Color32::from_gray(248)
    };
    let mut c = colour;
    for _ in 0..20 {
        if contrast(c, background) >= 3.0 {
            break;
        }
        c = if dark {
            c.lerp_to_gamma(Color32::WHITE, 0.12)
        } else {
            c.lerp_to_gamma(Color32::BLACK, 0.12)
        };
    }
    c
}

/// WCAG contrast ratio of two opaque colours.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

fn luminance(c: Color32) -> f32 {
    let lin = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codebook::{OKABE_ITO, parse_hex_colour};

    #[test]
    fn every_okabe_ito_colour_reaches_3_to_1_on_both_backgrounds() {
        for hex in OKABE_ITO {
            let [r, g, b] = parse_hex_colour(hex).unwrap();
            let c = Color32::from_rgb(r, g, b);
            assert!(
                contrast(ink(c, false), Color32::from_gray(248)) >= 3.0,
                "{hex} light"
            );
            assert!(
                contrast(ink(c, true), Color32::from_gray(27)) >= 3.0,
                "{hex} dark"
            );
        }
    }

    #[test]
    fn dark_enough_colours_are_left_alone() {
        let blue = Color32::from_rgb(0x00, 0x72, 0xB2);
        assert_eq!(ink(blue, false), blue);
        assert!(contrast(Color32::BLACK, Color32::WHITE) > 20.0);
    }
}
