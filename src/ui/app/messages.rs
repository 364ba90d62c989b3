//! What the status bar says after opening a project and after saving.

use std::path::{Path, PathBuf};

use crate::edit::workspace::Workspace;

/// What the status bar says after opening: the folder, and what re-anchoring did.
pub(super) fn opened_message(path: &Path, ws: Option<&Workspace>) -> String {
    let mut msg = format!("Opened {}", path.display());
    if let Some(a) = ws.map(|w| &w.project().integrity.anchoring)
        && !a.changed_documents.is_empty()
    {
        msg.push_str(&format!(
            "; {} text(s) changed since the last session: {} coding(s) moved with the text, {} need attention",
            a.changed_documents.len(),
            a.moved.len(),
            a.attention.len()
        ));
    }
    if let Some(ws) = ws.filter(|w| w.adopted_memos() > 0) {
        msg.push_str(&format!(
            "; {} document memo(s) of project.ron taken into {} (written with your next save; \
             project.ron is left as it is)",
            ws.adopted_memos(),
            ws.project().coder_path(ws.coder()).display()
        ));
    }
    msg
}

/// "Saved a, b" for the status bar.
pub(in crate::ui) fn saved_message(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    format!("Saved {}", names.join(", "))
}
