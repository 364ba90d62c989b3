//! One table of user actions ([`TABLE`]): each is declared once with its id, label, default
//! keys, menu and when it is available. The menus, the command palette, the keyboard handler,
//! the key sheet (F1) and the README's key table are all built from it, and a code may not be
//! given a key that an action answers to ([`reserved_code_keys`]).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::new_code::ReservedKey;

use super::i18n::{Language, tr, tr_in};

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
    /// Apply a code by its key (the keys are the codes' own, see the codebook).
    ApplyCodeByKey,
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
    /// Extend the selection by one character (the reader answers this key).
    ExtendCharRight,
    /// Shrink or extend the selection back by one character (the reader answers this key).
    ExtendCharLeft,
    /// Extend the selection to the next word boundary.
    ExtendWordRight,
    /// Extend the selection to the previous word boundary.
    ExtendWordLeft,
    /// Extend the selection to the end of the sentence.
    ExtendSentenceRight,
    /// Extend the selection to the start of the sentence.
    ExtendSentenceLeft,
    /// Clear the selection (the reader answers this key).
    ClearSelection,
    /// Full-text search over the corpus.
    Search,
    /// The coded segments of chosen codes across the corpus.
    CodedSegments,
    /// Every command by name.
    CommandPalette,
    /// The table of keys.
    KeySheet,
    /// Make the whole window larger.
    ZoomIn,
    /// Make the whole window smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Show or hide the code tree beside the document list.
    ToggleCodeTree,
    /// Show or hide the coding stripes beside the reading column.
    ToggleStripes,
    /// Colours follow the system's light or dark setting.
    ThemeSystem,
    /// Light colours.
    ThemeLight,
    /// Dark colours.
    ThemeDark,
    /// The window speaks the system locale's language.
    LanguageSystem,
    /// The window speaks German.
    LanguageGerman,
    /// The window speaks English.
    LanguageEnglish,
    /// Enter or leave review mode (compare coders, agreement, adjudication).
    ReviewCoders,
    /// In review mode: select the next difference in the list.
    NextDifference,
    /// In review mode: select the previous difference in the list.
    PrevDifference,
    /// In review mode: the coefficients on predefined units (variables, codes present or absent).
    Reliability,
    /// In review mode: write the reliability report as one HTML file.
    SaveReport,
    /// Save everything and close the window.
    Quit,
    /// Show the version and what Spanwise is.
    About,
}

/// The menu an action is listed in; a new group inside a menu starts with a separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// File.
    File,
    /// Edit.
    Edit,
    /// View.
    View,
    /// Help.
    Help,
    /// Not in a menu (keys, buttons and the palette only).
    None,
}

/// When an action can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Always, even without a project.
    Always,
    /// With a project open.
    Project,
    /// With a project open, in the coding view (not in review mode).
    Coding,
    /// In review mode.
    Review,
}

/// Who answers an action's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handler {
    /// The app shell's keyboard handler (the frame's key pass).
    Shell,
    /// The reader widget, while it has a selection.
    Reader,
    /// The code keys of the codebook.
    CodeKeys,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// The action.
    pub action: Action,
    /// A stable id, e.g. `coding.next`; its label is the catalogue message of
    /// [`Spec::label_key`].
    pub id: &'static str,
    /// Default keys; the first is the one menus show.
    pub keys: &'static [KeyboardShortcut],
    /// Where the action is listed.
    pub menu: Menu,
    /// Starts a new group in its menu (a separator before it).
    pub group: bool,
    /// When it can be used.
    pub when: When,
    /// Who answers its keys.
    pub handler: Handler,
}

impl Spec {
    /// The catalogue key of the label: `action-` and the id with `.` and `_` as `-`
    /// (`file.import_qdpx` → `action-file-import-qdpx`).
    pub fn label_key(&self) -> String {
        format!("action-{}", self.id.replace(['.', '_'], "-"))
    }

    /// Label for menus, palette and the key sheet, in the window's language.
    pub fn label(&self) -> String {
        tr(&self.label_key())
    }

    /// The label in a given language (the README's key table is English).
    pub fn label_in(&self, language: Language) -> String {
        tr_in(language, &self.label_key(), &[])
    }
}

const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT: Modifiers = Modifiers::ALT;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const ALT_SHIFT: Modifiers = Modifiers::ALT.plus(Modifiers::SHIFT);

const fn k(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

macro_rules! spec {
    ($a:ident, $id:literal, [$($m:ident $key:ident),*], $menu:ident $(+ $g:ident)?, $when:ident, $h:ident) => {
        Spec {
            action: Action::$a,
            id: $id,
            keys: &[$(k($m, Key::$key)),*],
            menu: Menu::$menu,
            group: spec!(@group $($g)?),
            when: When::$when,
            handler: Handler::$h,
        }
    };
    (@group) => { false };
    (@group group) => { true };
}

/// Every action, in menu order.
pub static TABLE: &[Spec] = &[
    spec!(OpenProject, "file.open", [CMD O], File, Always, Shell),
    spec!(NewProject, "file.new", [], File, Always, Shell),
    spec!(ImportQdpx, "file.import_qdpx", [], File, Always, Shell),
    spec!(AddDocuments, "file.add_documents", [], File, Project, Shell),
    spec!(Save, "file.save", [CMD S], File, Project, Shell),
    spec!(Export, "file.export", [CMD E], File, Project, Shell),
    spec!(Quit, "file.quit", [CMD Q], File + group, Always, Shell),
    spec!(Undo, "edit.undo", [CMD Z], Edit, Project, Shell),
    spec!(Redo, "edit.redo", [CMD_SHIFT Z, CMD Y], Edit, Project, Shell),
    spec!(DeleteCoding, "coding.delete", [NONE Delete], Edit, Coding, Shell),
    spec!(EditCodebook, "codebook.edit", [CMD K], Edit, Project, Shell),
    spec!(
        ApplyCodeByKey,
        "coding.apply_key",
        [],
        None,
        Coding,
        CodeKeys
    ),
    spec!(StartLeft, "coding.start_left", [ALT ArrowLeft], Edit + group, Coding, Shell),
    spec!(StartRight, "coding.start_right", [ALT ArrowRight], Edit, Coding, Shell),
    spec!(EndLeft, "coding.end_left", [ALT_SHIFT ArrowLeft], Edit, Coding, Shell),
    spec!(EndRight, "coding.end_right", [ALT_SHIFT ArrowRight], Edit, Coding, Shell),
    spec!(NextDocument, "document.next", [CMD PageDown], View, Project, Shell),
    spec!(PrevDocument, "document.prev", [CMD PageUp], View, Project, Shell),
    spec!(NextCoding, "coding.next", [NONE N], View, Coding, Shell),
    spec!(PrevCoding, "coding.prev", [SHIFT N], View, Coding, Shell),
    // not Ctrl+Shift: on a US keyboard Ctrl+Plus is Ctrl+Shift+=, which must zoom
    spec!(FontBigger, "view.font_bigger", [ALT Plus], View, Always, Shell),
    spec!(FontSmaller, "view.font_smaller", [ALT Minus], View, Always, Shell),
    spec!(Search, "search.open", [CMD F], View + group, Project, Shell),
    spec!(CodedSegments, "segments.open", [CMD G], View, Project, Shell),
    spec!(CommandPalette, "palette.open", [CMD_SHIFT P], View, Always, Shell),
    spec!(ExtendCharRight, "selection.char_right", [SHIFT ArrowRight], None, Coding, Reader),
    spec!(ExtendCharLeft, "selection.char_left", [SHIFT ArrowLeft], None, Coding, Reader),
    spec!(ExtendWordRight, "selection.word_right", [CMD_SHIFT ArrowRight], View + group, Coding, Shell),
    spec!(ExtendWordLeft, "selection.word_left", [CMD_SHIFT ArrowLeft], View, Coding, Shell),
    spec!(ExtendSentenceRight, "selection.sentence_end", [CMD_SHIFT ArrowDown], View, Coding, Shell),
    spec!(ExtendSentenceLeft, "selection.sentence_start", [CMD_SHIFT ArrowUp], View, Coding, Shell),
    spec!(ClearSelection, "selection.clear", [NONE Escape], None, Coding, Reader),
    spec!(ZoomIn, "view.zoom_in", [CMD Plus, CMD Equals], View + group, Always, Shell),
    spec!(ZoomOut, "view.zoom_out", [CMD Minus], View, Always, Shell),
    spec!(ZoomReset, "view.zoom_reset", [CMD Num0], View, Always, Shell),
    spec!(
        ToggleCodeTree,
        "view.code_tree",
        [],
        View + group,
        Project,
        Shell
    ),
    spec!(ToggleStripes, "view.stripes", [], View, Always, Shell),
    spec!(ThemeSystem, "view.theme_system", [], None, Always, Shell),
    spec!(ThemeLight, "view.theme_light", [], None, Always, Shell),
    spec!(ThemeDark, "view.theme_dark", [], None, Always, Shell),
    spec!(
        LanguageSystem,
        "view.language_system",
        [],
        None,
        Always,
        Shell
    ),
    spec!(
        LanguageGerman,
        "view.language_german",
        [],
        None,
        Always,
        Shell
    ),
    spec!(
        LanguageEnglish,
        "view.language_english",
        [],
        None,
        Always,
        Shell
    ),
    spec!(ReviewCoders, "review.toggle", [CMD_SHIFT R], View + group, Project, Shell),
    spec!(NextDifference, "review.next", [NONE F8], View, Project, Shell),
    spec!(PrevDifference, "review.prev", [SHIFT F8], View, Project, Shell),
    spec!(Reliability, "review.reliability", [], View, Review, Shell),
    spec!(SaveReport, "review.save_report", [], View, Review, Shell),
    spec!(KeySheet, "help.keys", [NONE F1], Help, Always, Shell),
    spec!(About, "help.about", [], Help, Always, Shell),
];

impl Action {
    /// Every action, in menu order.
    pub fn all() -> impl Iterator<Item = Action> {
        TABLE.iter().map(|s| s.action)
    }

    /// The action's row of the table.
    pub fn spec(self) -> &'static Spec {
        TABLE
            .iter()
            .find(|s| s.action == self)
            .expect("every action has a row in TABLE")
    }

    /// Label for menus and help, in the window's language.
    pub fn label(self) -> String {
        self.spec().label()
    }

    /// The first keyboard shortcut, if the action has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.spec().keys.first().copied()
    }

    /// The first shortcut as text, e.g. "Ctrl+S".
    pub fn shortcut_text(self) -> String {
        self.shortcut().map(shortcut_text).unwrap_or_default()
    }

    /// Whether the action can be used now.
    pub fn available(self, has_project: bool, reviewing: bool) -> bool {
        match self.spec().when {
            When::Always => true,
            When::Project => has_project,
            When::Coding => has_project && !reviewing,
            When::Review => has_project && reviewing,
        }
    }

    /// The shell's shortcuts, most specific modifiers first (egui ignores extra Shift/Alt when
    /// matching, so Alt+Shift+← must be tried before Alt+←).
    pub fn by_specificity() -> Vec<(Action, KeyboardShortcut)> {
        let mut v: Vec<_> = TABLE
            .iter()
            .filter(|s| s.handler == Handler::Shell)
            .flat_map(|s| s.keys.iter().map(|k| (s.action, *k)))
            .collect();
        v.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        v
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.command || m.ctrl)
}

/// A shortcut as the key sheet writes it: "Ctrl+Shift+←", "Delete", "F8".
pub fn shortcut_text(s: KeyboardShortcut) -> String {
    let m = s.modifiers;
    let mut out = String::new();
    if m.command || m.ctrl || m.mac_cmd {
        out.push_str("Ctrl+");
    }
    if m.alt {
        out.push_str("Alt+");
    }
    if m.shift {
        out.push_str("Shift+");
    }
    out.push_str(match s.logical_key {
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Escape => "Esc",
        Key::Equals => "=",
        Key::Num0 => "0",
        other => other.name(),
    });
    out
}

/// The egui key for a code's shortcut character.
pub fn key_for_char(c: char) -> Option<Key> {
    Key::from_name(&c.to_ascii_uppercase().to_string())
}

/// The keys a code may not have: those of the shell's actions pressed without Ctrl. Code keys
/// are matched without Ctrl and egui ignores an extra Shift or Alt, so `n` (Next coding) and
/// Shift+N (Previous coding) both take `n`.
pub fn reserved_code_keys() -> Vec<ReservedKey> {
    let mut out = Vec::new();
    for spec in TABLE.iter().filter(|s| s.handler == Handler::Shell) {
        for key in spec.keys {
            if key.modifiers.command || key.modifiers.ctrl || key.modifiers.mac_cmd {
                continue;
            }
            let taken = ('!'..='~')
                .chain('ä'..='ü')
                .find(|c| key_for_char(*c) == Some(key.logical_key));
            if let Some(c) = taken {
                out.push(ReservedKey {
                    key: c.to_ascii_lowercase(),
                    action: spec.label(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_two_actions_share_a_shortcut_and_ids_are_unique() {
        let mut seen = HashSet::new();
        let mut ids = HashSet::new();
        for s in TABLE {
            assert!(ids.insert(s.id), "{} twice", s.id);
            for k in s.keys {
                assert!(
                    seen.insert((k.modifiers, k.logical_key)),
                    "{:?} clashes",
                    s.action
                );
            }
        }
    }

    /// Code keys are pressed without modifiers; egui also matches a shortcut when extra Shift or
    /// Alt is held, so a code key must not be the key of any action without Command.
    #[test]
    fn no_reserved_key_is_a_code_key_of_the_bundled_project() {
        let project =
            crate::storage::load_project(&crate::storage::bundled::source_tree_path()).unwrap();
        let reserved = reserved_code_keys();
        assert!(
            reserved
                .iter()
                .any(|r| r.key == 'n' && r.action == "Next coding")
        );
        assert!(
            reserved
                .iter()
                .any(|r| r.key == 'n' && r.action == "Previous coding")
        );
        let mut seen = HashSet::new();
        for code in &project.codebook.codes {
            let key = code.key.expect("bundled codes have keys");
            assert!(seen.insert(key), "two codes share the key {key:?}");
            assert!(
                crate::model::new_code::check_key(&project.codebook, &code.id, key, &reserved)
                    .is_ok(),
                "code `{}` has a reserved key",
                code.name
            );
        }
        assert_eq!(seen.len(), 3);
    }

    #[test]
    fn every_action_has_one_row_and_the_palette_opener_is_ctrl_shift_p() {
        for a in Action::all() {
            assert!(!a.label().is_empty());
            for language in Language::ALL {
                let (messages, _) = crate::ui::i18n::messages(language);
                let key = a.spec().label_key();
                assert!(messages.contains_key(&key), "{key} missing in {language:?}");
            }
            assert_eq!(TABLE.iter().filter(|s| s.action == a).count(), 1);
        }
        assert_eq!(Action::CommandPalette.shortcut_text(), "Ctrl+Shift+P");
        assert_eq!(Action::EndLeft.shortcut_text(), "Alt+Shift+←");
    }

    #[test]
    fn digit_and_letter_keys_resolve() {
        assert_eq!(key_for_char('1'), Some(Key::Num1));
        assert_eq!(key_for_char('c'), Some(Key::C));
    }
}
