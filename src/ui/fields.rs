//! Text fields that commit when they lose focus, so typing a memo or a name is one undo step,
//! not one per keystroke, and an undo shows at once in a field that is not being edited.

use egui::{TextEdit, Ui};

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
