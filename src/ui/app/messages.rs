//! What the status bar says after opening a project and after saving.

use std::path::{Path, PathBuf};

use crate::edit::workspace::Workspace;
use crate::ui::i18n::tr_args;

/// What the status bar says after opening: the folder, and what re-anchoring did.
pub(super) fn opened_message(path: &Path, ws: Option<&Workspace>) -> String {
    let mut msg = tr_args(
        "status-opened",
        &[("path", path.display().to_string().into())],
    );
    if let Some(a) = ws.map(|w| &w.project().integrity.anchoring)
        && !a.changed_documents.is_empty()
    {
        msg.push_str("; ");
        msg.push_str(&tr_args(
            "status-texts-changed",
            &[
                ("texts", a.changed_documents.len().into()),
                ("moved", a.moved.len().into()),
                ("attention", a.attention.len().into()),
            ],
        ));
    }
    if let Some(ws) = ws.filter(|w| w.adopted_memos() > 0) {
        let file = ws.project().coder_path(ws.coder()).display().to_string();
        msg.push_str("; ");
        msg.push_str(&tr_args(
            "status-memos-adopted",
            &[("memos", ws.adopted_memos().into()), ("file", file.into())],
        ));
    }
    msg
}

/// "Saved a, b" for the status bar.
pub(in crate::ui) fn saved_message(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    tr_args("status-saved", &[("files", names.join(", ").into())])
}
