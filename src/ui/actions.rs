//! One table of user actions: each knows its label and keyboard shortcut. Menus, the shortcut
//! handler and the help text are generated from it, so a shortcut is defined in one place.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Something the user can ask for by menu, button or key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Write unsaved changes now.
    Save,
    /// Undo the last coding change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Open another project folder.
    OpenProject,
    /// Make a project from a folder of .txt files.
    NewProject,
    /// Export codings for analysis or another QDA tool.
    Export,
    /// Make a project from a REFI-QDA .qdpx file.
    ImportQdpx,
    /// Open the codebook editor.
    EditCodebook,
    /// Copy .txt files into the corpus.
    AddDocuments,
    /// Delete the selected coding.
    DeleteCoding,
    /// Move the selected coding's start one char left.
    StartLeft,
    /// Move the selected coding's start one char right.
    StartRight,
    /// Move the selected coding's end one char left.
    EndLeft,
    /// Move the selected coding's end one char right.
    EndRight,
    /// Select the next coding in the document.
    NextCoding,
    /// Select the previous coding in the document.
    PrevCoding,
    /// Open the next document.
    NextDocument,
    /// Open the previous document.
    PrevDocument,
    /// Larger text in the reader.
    FontBigger,
    /// Smaller text in the reader.
    FontSmaller,
    /// Enter or leave review mode (compare coders, agreement, adjudication).
    ReviewCoders,
    /// In review mode: select the next difference in the list.
    NextDifference,
    /// In review mode: select the previous difference in the list.
    PrevDifference,
}

impl Action {
    /// Every action, in menu order.
    pub const ALL: [Action; 23] = [
        Action::Save,
        Action::Undo,
        Action::Redo,
        Action::OpenProject,
        Action::NewProject,
        Action::Export,
        Action::ImportQdpx,
        Action::EditCodebook,
        Action::AddDocuments,
        Action::DeleteCoding,
        Action::StartLeft,
        Action::StartRight,
        Action::EndLeft,
        Action::EndRight,
        Action::NextCoding,
        Action::PrevCoding,
        Action::NextDocument,
        Action::PrevDocument,
        Action::FontBigger,
        Action::FontSmaller,
        Action::ReviewCoders,
        Action::NextDifference,
        Action::PrevDifference,
    ];

    /// Label for menus and help.
    pub fn label(self) -> &'static str {
        match self {
            Action::Save => "Save",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::OpenProject => "Open project…",
            Action::NewProject => "New project from a folder of .txt files…",
            Action::Export => "Export…",
            Action::ImportQdpx => "Import .qdpx…",
            Action::EditCodebook => "Codebook…",
            Action::AddDocuments => "Add documents…",
            Action::DeleteCoding => "Delete selected coding",
            Action::StartLeft => "Move start of coding left",
            Action::StartRight => "Move start of coding right",
            Action::EndLeft => "Move end of coding left",
            Action::EndRight => "Move end of coding right",
            Action::NextCoding => "Next coding",
            Action::PrevCoding => "Previous coding",
            Action::NextDocument => "Next document",
            Action::PrevDocument => "Previous document",
            Action::FontBigger => "Larger text",
            Action::FontSmaller => "Smaller text",
            Action::ReviewCoders => "Review coders…",
            Action::NextDifference => "Next difference",
            Action::PrevDifference => "Previous difference",
        }
    }

    /// The keyboard shortcut, if the action has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let alt = Modifiers::ALT;
        let alt_shift = Modifiers::ALT | Modifiers::SHIFT;
        let none = Modifiers::NONE;
        let (m, k) = match self {
            Action::Save => (cmd, Key::S),
            Action::Undo => (cmd, Key::Z),
            Action::Redo => (cmd | Modifiers::SHIFT, Key::Z),
            Action::OpenProject => (cmd, Key::O),
            Action::Export => (cmd, Key::E),
            Action::EditCodebook => (cmd, Key::K),
            Action::NewProject | Action::ImportQdpx | Action::AddDocuments => return None,
            Action::DeleteCoding => (none, Key::Delete),
            Action::StartLeft => (alt, Key::ArrowLeft),
            Action::StartRight => (alt, Key::ArrowRight),
            Action::EndLeft => (alt_shift, Key::ArrowLeft),
            Action::EndRight => (alt_shift, Key::ArrowRight),
            Action::NextCoding => (none, Key::N),
            Action::PrevCoding => (Modifiers::SHIFT, Key::N),
            Action::NextDocument => (cmd, Key::PageDown),
            Action::PrevDocument => (cmd, Key::PageUp),
            Action::FontBigger => (cmd | Modifiers::SHIFT, Key::Plus),
            Action::FontSmaller => (cmd | Modifiers::SHIFT, Key::Minus),
            Action::ReviewCoders => (cmd | Modifiers::SHIFT, Key::R),
            Action::NextDifference => (none, Key::F8),
            Action::PrevDifference => (Modifiers::SHIFT, Key::F8),
        };
        Some(KeyboardShortcut::new(m, k))
    }

    /// Actions with shortcuts, most specific modifiers first (egui ignores extra Shift/Alt when
    /// matching, so Alt+Shift+← must be tried before Alt+←).
    pub fn by_specificity() -> Vec<(Action, KeyboardShortcut)> {
        let mut v: Vec<_> = Action::ALL
            .iter()
            .filter_map(|a| a.shortcut().map(|s| (*a, s)))
            .collect();
        v.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        v
    }

    /// The shortcut as text, e.g. "Ctrl+S".
    pub fn shortcut_text(self) -> String {
        self.shortcut()
            .map(|s| s.format(&egui::ModifierNames::NAMES, false))
            .unwrap_or_default()
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.command || m.ctrl)
}

/// The egui key for a code's shortcut character.
pub fn key_for_char(c: char) -> Option<Key> {
    Key::from_name(&c.to_ascii_uppercase().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let mut seen = HashSet::new();
        for a in Action::ALL {
            if let Some(s) = a.shortcut() {
                assert!(seen.insert((s.modifiers, s.logical_key)), "{a:?} clashes");
            }
        }
    }

    #[test]
    fn digit_and_letter_keys_resolve() {
        assert_eq!(key_for_char('1'), Some(Key::Num1));
        assert_eq!(key_for_char('c'), Some(Key::C));
    }
}
