//! The window: a thin egui layer over the core. The app shell ([`app`]) runs a frame as a key
//! pass, the panels of the mode, the windows of the one registry ([`windows`]), then the
//! commands panels queued ([`command`]); every change of the project goes through
//! [`app::SpanwiseApp::execute`], which runs a [`crate::edit::command::Command`]. Menus, palette,
//! keys and the key sheet come from one action table ([`actions`]).

pub mod actions;
mod agreement_charts;
mod agreement_family;
pub mod agreement_view;
pub mod app;
mod attention;
pub mod code_tree;
pub mod codebook_editor;
mod codebook_variables;
pub mod coder_palette;
pub mod codesheet;
mod codings;
pub mod command;
mod compare_view;
pub mod dialogs;
mod documents;
pub mod exchange;
mod fields;
mod fit;
pub mod fonts;
mod help;
pub mod highlights;
pub mod i18n;
pub mod jobs;
pub mod key_sheet;
mod memo;
mod menu;
mod navigation;
pub mod palette;
mod panels;
pub mod path_prompt;
mod quit;
pub mod reader;
pub mod reliability_window;
pub mod review;
mod review_job;
mod review_panel;
mod saving;
pub mod search;
mod search_job;
pub mod segments;
pub mod theme;
pub mod windows;

use std::path::PathBuf;

pub use app::{Prefs, SpanwiseApp};

/// Opens the window on a project (or the last opened, or the bundled one).
pub fn run(project: Option<PathBuf>) -> anyhow::Result<()> {
    // Diagnostics for window-system problems: `RUST_LOG=debug spanwise`.
    let _ = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
        .try_init();
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png"))?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Spanwise")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_icon(icon),
        ..Default::default()
    };
    eframe::run_native(
        "spanwise",
        options,
        Box::new(move |cc| {
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            Ok(Box::new(SpanwiseApp::new(prefs, project)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
