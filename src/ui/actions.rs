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
    /// Extend the selection to the next word boundary.
    ExtendWordRight,
    /// Extend the selection to the previous word boundary.
    ExtendWordLeft,
    /// Extend the selection to the end of the sentence.
    ExtendSentenceRight,
    /// Extend the selection to the start of the sentence.
    ExtendSentenceLeft,
    /// Full-text search over the corpus.
    Search,
    /// The coded segments of chosen codes across the corpus.
    CodedSegments,
    /// Every command by name.
    CommandPalette,
    /// Make the whole window larger.
    ZoomIn,
    /// Make the whole window smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Colours follow the system's light or dark setting.
    ThemeSystem,
    /// Light colours.
    ThemeLight,
    /// Dark colours.
    ThemeDark,
    /// Enter or leave review mode (compare coders, agreement, adjudication).
    ReviewCoders,
    /// In review mode: select the next difference in the list.
    NextDifference,
    /// In review mode: select the previous difference in the list.
    PrevDifference,
    /// Save everything and close the window.
    Quit,
    /// Show every keyboard shortcut.
    KeySheet,
    /// Show the version and what Spanwise is.
    About,
}

impl Action {
    /// Every action, in menu order.
    pub const ALL: [Action; 39] = [
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
        Action::ExtendWordRight,
        Action::ExtendWordLeft,
        Action::ExtendSentenceRight,
        Action::ExtendSentenceLeft,
        Action::Search,
        Action::CodedSegments,
        Action::CommandPalette,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::ThemeSystem,
        Action::ThemeLight,
        Action::ThemeDark,
        Action::ReviewCoders,
        Action::NextDifference,
        Action::PrevDifference,
        Action::Quit,
        Action::KeySheet,
        Action::About,
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
            Action::ExtendWordRight => "Extend selection by a word (forward)",
            Action::ExtendWordLeft => "Extend selection by a word (back)",
            Action::ExtendSentenceRight => "Extend selection to the sentence end",
            Action::ExtendSentenceLeft => "Extend selection to the sentence start",
            Action::Search => "Search the corpus…",
            Action::CodedSegments => "Coded segments…",
            Action::CommandPalette => "Command palette…",
            Action::ZoomIn => "Zoom in",
            Action::ZoomOut => "Zoom out",
            Action::ZoomReset => "Actual size",
            Action::ThemeSystem => "Theme: follow the system",
            Action::ThemeLight => "Theme: light",
            Action::ThemeDark => "Theme: dark",
            Action::ReviewCoders => "Review coders…",
            Action::NextDifference => "Next difference",
            Action::PrevDifference => "Previous difference",
            Action::Quit => "Quit",
            Action::KeySheet => "Keyboard shortcuts",
            Action::About => "About Spanwise",
        }
    }

    /// The keyboard shortcut, if the action has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let alt = Modifiers::ALT;
        let alt_shift = Modifiers::ALT | Modifiers::SHIFT;
        let none = Modifiers::NONE;
        let cmd_shift = cmd | Modifiers::SHIFT;
        let (m, k) = match self {
            Action::Save => (cmd, Key::S),
            Action::Undo => (cmd, Key::Z),
            Action::Redo => (cmd | Modifiers::SHIFT, Key::Z),
            Action::OpenProject => (cmd, Key::O),
            Action::Export => (cmd, Key::E),
            Action::EditCodebook => (cmd, Key::K),
            Action::NewProject
            | Action::ImportQdpx
            | Action::AddDocuments
            | Action::ThemeSystem
            | Action::ThemeLight
            | Action::ThemeDark
            | Action::About => return None,
            Action::DeleteCoding => (none, Key::Delete),
            Action::StartLeft => (alt, Key::ArrowLeft),
            Action::StartRight => (alt, Key::ArrowRight),
            Action::EndLeft => (alt_shift, Key::ArrowLeft),
            Action::EndRight => (alt_shift, Key::ArrowRight),
            Action::NextCoding => (none, Key::N),
            Action::PrevCoding => (Modifiers::SHIFT, Key::N),
            Action::NextDocument => (cmd, Key::PageDown),
            Action::PrevDocument => (cmd, Key::PageUp),
            // not Ctrl+Shift: on a US keyboard Ctrl+Plus is Ctrl+Shift+=, which must zoom
            Action::FontBigger => (alt, Key::Plus),
            Action::FontSmaller => (alt, Key::Minus),
            Action::ExtendWordRight => (cmd_shift, Key::ArrowRight),
            Action::ExtendWordLeft => (cmd_shift, Key::ArrowLeft),
            Action::ExtendSentenceRight => (cmd_shift, Key::ArrowDown),
            Action::ExtendSentenceLeft => (cmd_shift, Key::ArrowUp),
            Action::Search => (cmd, Key::F),
            Action::CodedSegments => (cmd, Key::G),
            Action::CommandPalette => (cmd_shift, Key::P),
            Action::ZoomIn => (cmd, Key::Plus),
            Action::ZoomOut => (cmd, Key::Minus),
            Action::ZoomReset => (cmd, Key::Num0),
            Action::ReviewCoders => (cmd | Modifiers::SHIFT, Key::R),
            Action::NextDifference => (none, Key::F8),
            Action::PrevDifference => (Modifiers::SHIFT, Key::F8),
            Action::Quit => (cmd, Key::Q),
            Action::KeySheet => (none, Key::F1),
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

    /// Code keys are pressed without modifiers; egui also matches a shortcut when extra Shift or
    /// Alt is held, so a code key must not be the key of any action without Command.
    #[test]
    fn no_shortcut_clashes_with_a_code_key_of_the_bundled_project() {
        let project =
            crate::storage::load_project(&crate::storage::bundled::source_tree_path()).unwrap();
        let mut seen = HashSet::new();
        for code in &project.codebook.codes {
            let key = key_for_char(code.key.expect("bundled codes have keys")).unwrap();
            assert!(seen.insert(key), "two codes share the key {key:?}");
            for a in Action::ALL {
                if let Some(s) = a.shortcut() {
                    let plain = !s.modifiers.command && !s.modifiers.ctrl;
                    assert!(
                        !(plain && s.logical_key == key),
                        "{a:?} and code `{}` both use {key:?}",
                        code.name
                    );
                }
            }
        }
        assert_eq!(seen.len(), 3);
    }

    #[test]
    fn every_action_has_a_label_and_the_palette_opener_is_ctrl_shift_p() {
        for a in Action::ALL {
            assert!(!a.label().is_empty());
        }
        let s = Action::CommandPalette.shortcut().unwrap();
        assert_eq!(s.modifiers, Modifiers::COMMAND | Modifiers::SHIFT);
        assert_eq!(s.logical_key, Key::P);
    }

    #[test]
    fn digit_and_letter_keys_resolve() {
        assert_eq!(key_for_char('1'), Some(Key::Num1));
        assert_eq!(key_for_char('c'), Some(Key::C));
    }
}
