//! Text fields that commit when they lose focus, so typing a memo or a name is one undo step,
//! not one per keystroke, and an undo shows at once in a field that is not being edited.

use egui::{TextEdit, Ui};

use crate::edit::workspace::{TextTarget, Workspace};

use super::command::AppCommand;

/// A text field showing `current`; returns the new text when the user leaves a changed field.
pub fn committed_text(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    current: &str,
    multiline: bool,
) -> Option<String> {
    let id = ui.make_persistent_id(id_salt);
    // The draft lives in egui's memory while the field is being edited.
    let draft: Option<String> = ui.data(|d| d.get_temp(id));
    let mut buffer = draft.unwrap_or_else(|| current.to_string());
    let label = ui.label(label);
    let edit = if multiline {
        TextEdit::multiline(&mut buffer).desired_rows(3)
    } else {
        TextEdit::singleline(&mut buffer)
    };
    let response = ui
        .add(edit.id(id).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if response.changed() {
        ui.data_mut(|d| d.insert_temp(id, buffer.clone()));
    }
    if response.lost_focus() || !response.has_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    (response.lost_focus() && buffer != current).then_some(buffer)
}

/// The widget id of the field that edits `target` (one field per target, so the app can tell
/// whether the field of the open draft still has focus).
pub fn draft_field_id(target: &TextTarget) -> egui::Id {
    egui::Id::unique(("spanwise-draft-field", target))
}

/// A text field whose text lives in the workspace while it is typed ([`Workspace::type_text`]),
/// committed as one command when the field loses focus. Disabled when `enabled` is false. It
/// reads the workspace only: what was typed, and the commit, are returned as commands for the
/// shell to run after the frame's UI pass.
pub fn draft_field(
    ui: &mut Ui,
    ws: &Workspace,
    target: TextTarget,
    label: &str,
    multiline: bool,
    enabled: bool,
) -> Vec<AppCommand> {
    let mut buffer = ws.text_of(&target);
    let label = ui.label(label);
    let edit = if multiline {
        TextEdit::multiline(&mut buffer).desired_rows(3)
    } else {
        TextEdit::singleline(&mut buffer)
    };
    let edit = edit
        .id(draft_field_id(&target))
        .desired_width(f32::INFINITY);
    let response = ui.add_enabled(enabled, edit).labelled_by(label.id);
    let mut out = Vec::new();
    let changed = response.changed();
    let own_draft = ws.draft().is_some_and(|d| d.target == target);
    if changed {
        out.push(AppCommand::Type(target, buffer));
    }
    if response.lost_focus() && (own_draft || changed) {
        out.push(AppCommand::CommitTyping);
    }
    out
}
