//! The window: a thin egui layer over the core.

use std::path::PathBuf;

/// Opens the window on a project (or the last / bundled one).
pub fn run(_project: Option<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!("the window is not built yet")
}
