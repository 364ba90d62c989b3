//! The one registry of windows. Coding and review mode draw the same list ([`draw`]), so a
//! window a shortcut opens is shown in either mode; each entry draws only when its window is
//! open (or, for the coder prompt, the attention list and the encoding question, when there is
//! something to ask).

use egui::Ui;

use super::app::SpanwiseApp;
use super::i18n::tr;

/// A window of the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WindowId {
    /// "Who is coding?": shown until the coder has a name.
    CoderPrompt,
    /// Files that could not be read when the project was opened.
    Problems,
    /// File → Export….
    Export,
    /// The codebook editor.
    Codebook,
    /// Codings that re-anchoring could not place with confidence.
    Attention,
    /// Files to add that are not UTF-8.
    DecodeQuestion,
    /// The coded segments across the corpus.
    Segments,
    /// The command palette.
    Palette,
    /// The table of keys (F1).
    KeySheet,
    /// Help → About.
    About,
    /// A file question asked in the window (no system file dialog).
    PathPrompt,
    /// Review mode: coefficients on predefined units (variables, codes present or absent).
    Reliability,
}

/// One entry of the registry: the window and how it draws itself.
struct Entry {
    window: WindowId,
    /// The catalogue key of the title.
    title: &'static str,
    draw: fn(&mut SpanwiseApp, &mut Ui),
}

/// Every window, in drawing order (later ones are on top when they open together).
static REGISTRY: &[Entry] = &[
    Entry {
        window: WindowId::CoderPrompt,
        title: "window-coder-prompt",
        draw: coder_prompt,
    },
    Entry {
        window: WindowId::Problems,
        title: "window-problems",
        draw: SpanwiseApp::problems_window,
    },
    Entry {
        window: WindowId::Export,
        title: "window-export",
        draw: SpanwiseApp::export_window,
    },
    Entry {
        window: WindowId::Codebook,
        title: "window-codebook",
        draw: codebook,
    },
    Entry {
        window: WindowId::Attention,
        title: "window-attention",
        draw: attention,
    },
    Entry {
        window: WindowId::DecodeQuestion,
        title: "window-decode-question",
        draw: SpanwiseApp::decode_question,
    },
    Entry {
        window: WindowId::Segments,
        title: "window-segments",
        draw: SpanwiseApp::segments_window,
    },
    Entry {
        window: WindowId::Reliability,
        title: "window-reliability",
        draw: SpanwiseApp::reliability_window,
    },
    Entry {
        window: WindowId::Palette,
        title: "window-palette",
        draw: SpanwiseApp::palette_window,
    },
    Entry {
        window: WindowId::KeySheet,
        title: "window-key-sheet",
        draw: SpanwiseApp::key_sheet_window,
    },
    Entry {
        window: WindowId::About,
        title: "window-about",
        draw: SpanwiseApp::about_window,
    },
    Entry {
        window: WindowId::PathPrompt,
        title: "window-path-prompt",
        draw: SpanwiseApp::path_prompt_window,
    },
];

impl WindowId {
    /// Every window of the registry, in drawing order.
    pub fn all() -> impl Iterator<Item = WindowId> {
        REGISTRY.iter().map(|e| e.window)
    }

    /// The catalogue key of the window's title.
    pub fn title_key(self) -> &'static str {
        REGISTRY
            .iter()
            .find(|e| e.window == self)
            .map_or("", |e| e.title)
    }

    /// The window's title, in the window's language.
    pub fn title(self) -> String {
        tr(self.title_key())
    }
}

/// Draws every window of the registry (each returns at once when it is closed).
pub(super) fn draw(app: &mut SpanwiseApp, ui: &mut Ui) {
    for entry in REGISTRY {
        (entry.draw)(app, ui);
    }
}

/// The coder prompt, while the coder has no name and a project is open.
fn coder_prompt(app: &mut SpanwiseApp, ui: &mut Ui) {
    if app.coder().is_some() || app.workspace.is_none() {
        return;
    }
    if let Some(command) = app.coder_prompt.ui(ui.ctx()) {
        app.queue(command);
    }
}

/// The codebook editor, drawn from the open project; its edits join the frame's commands.
fn codebook(app: &mut SpanwiseApp, ui: &mut Ui) {
    let Some(ws) = app.workspace.as_ref() else {
        return;
    };
    let view = super::codebook_editor::CodebookView {
        project: ws.project(),
        coder: ws.coder(),
    };
    let commands = app.codebook_editor.ui(ui.ctx(), &view);
    app.commands.extend(commands);
}

/// The codings that need attention, drawn from the workspace.
fn attention(app: &mut SpanwiseApp, ui: &mut Ui) {
    let Some(ws) = app.workspace.as_ref() else {
        return;
    };
    let text = app.document().and_then(|d| d.text.as_ref());
    let view = super::attention::AttentionView {
        workspace: ws,
        current_doc: app.current_doc,
        selection: text.and_then(|t| app.reader.selected_span(t)),
    };
    let commands = super::attention::AttentionWindow::ui(ui.ctx(), &view);
    app.commands.extend(commands);
}

impl SpanwiseApp {
    /// Whether a window of the registry is open now.
    pub fn is_open(&self, window: WindowId) -> bool {
        match window {
            WindowId::CoderPrompt => self.coder().is_none(),
            WindowId::Problems => self.show_problems,
            WindowId::Export => self.export.is_some(),
            WindowId::Codebook => self.codebook_editor.open,
            WindowId::Attention => self
                .workspace
                .as_ref()
                .is_some_and(|w| w.my_attention().next().is_some()),
            WindowId::DecodeQuestion => self.pending_decode.is_some(),
            WindowId::Segments => self.segments.is_some(),
            WindowId::Palette => self.palette.is_some(),
            WindowId::KeySheet => self.key_sheet.open,
            WindowId::About => self.help.about,
            WindowId::PathPrompt => self.dialogs.prompt.is_some(),
            WindowId::Reliability => self.reliability.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_window_is_registered_once_with_a_title() {
        for w in WindowId::all() {
            assert_eq!(REGISTRY.iter().filter(|e| e.window == w).count(), 1);
            assert!(!w.title().is_empty());
            for language in crate::ui::i18n::Language::ALL {
                let (messages, _) = crate::ui::i18n::messages(language);
                assert!(
                    messages.contains_key(w.title_key()),
                    "{w:?} in {language:?}"
                );
            }
        }
        assert_eq!(WindowId::all().count(), 12);
    }
}
