//! Fallback fonts, so that every character of a corpus renders: news texts quote social media
//! posts with emoji (🙂, 🇩🇪, 👍🏽) and use symbols (✓, ★, ☎, →, ≙) that egui's bundled fonts lack, and a
//! missing glyph shows as a box ("tofu") that hides what the analyst is coding.
//!
//! The fonts ship in `assets/fonts/` (SIL Open Font License, see `assets/fonts/README.md`) and are
//! compiled in, so the app needs no system font. They go *after* egui's own fonts in both the
//! proportional and the monospace family: text egui can already draw looks exactly as before.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

/// The fallback fonts, in the order egui tries them: name and the TTF file's bytes.
pub const FALLBACK_FONTS: [(&str, &[u8]); 3] = [
    (
        "spanwise-noto-emoji",
        include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf"),
    ),
    (
        "spanwise-noto-sans-symbols-2",
        include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
    ),
    (
        "spanwise-noto-sans-math",
        include_bytes!("../../assets/fonts/NotoSansMath-Regular.ttf"),
    ),
];

/// Adds the fallback fonts to `ctx` after its current fonts; a second call changes nothing.
pub fn install(ctx: &egui::Context) {
    for (name, bytes) in FALLBACK_FONTS {
        // `add_font` skips a font whose name is already installed, so this is cheap every frame.
        ctx.add_font(FontInsert::new(
            name,
            FontData::from_static(bytes),
            [FontFamily::Proportional, FontFamily::Monospace]
                .into_iter()
                .map(|family| InsertFontFamily {
                    family,
                    priority: FontPriority::Lowest,
                })
                .collect(),
        ));
    }
}
