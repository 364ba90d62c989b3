//! The one registry of windows. Coding and review mode draw the same list ([`draw`]), so a
//! window a shortcut opens is shown in either mode; each entry draws only when its window is
//! open (or, for the coder prompt, the attention list and the encoding question, when there is
//! something to ask).

use egui::Ui;

use super::app::SpanwiseApp;

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
}

/// One entry of the registry: the window and how it draws itself.
struct Entry {
    window: WindowId,
    title: &'static str,
    draw: fn(&mut SpanwiseApp, &mut Ui),
}

/// Every window, in drawing order (later ones are on top when they open together).
static REGISTRY: &[Entry] = &[
    Entry {
        window: WindowId::CoderPrompt,
        title: "Who is coding?",
        draw: coder_prompt,
    },
    Entry {
        window: WindowId::Problems,
        title: "Problems reading the project",
        draw: SpanwiseApp::problems_window,
    },
    Entry {
        window: WindowId::Export,
        title: "Export codings",
        draw: SpanwiseApp::export_window,
    },
    Entry {
        window: WindowId::Codebook,
        title: "Codebook",
        draw: codebook,
    },
    Entry {
        window: WindowId::Attention,
        title: "Codings that need attention",
        draw: attention,
    },
    Entry {
        window: WindowId::DecodeQuestion,
        title: "Not UTF-8",
        draw: SpanwiseApp::decode_question,
    },
    Entry {
        window: WindowId::Segments,
        title: "Coded segments",
        draw: SpanwiseApp::segments_window,
    },
    Entry {
        window: WindowId::Palette,
        title: "Command palette",
        draw: SpanwiseApp::palette_window,
    },
    Entry {
        window: WindowId::KeySheet,
        title: "Keyboard shortcuts",
        draw: SpanwiseApp::key_sheet_window,
    },
    Entry {
        window: WindowId::About,
        title: "About Spanwise",
        draw: SpanwiseApp::about_window,
    },
];

impl WindowId {
    /// Every window of the registry, in drawing order.
    pub fn all() -> impl Iterator<Item = WindowId> {
        REGISTRY.iter().map(|e| e.window)
    }

    /// The window's title.
    pub fn title(self) -> &'static str {
        REGISTRY
            .iter()
            .find(|e| e.window == self)
            .map_or("", |e| e.title)
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
        }
        assert_eq!(WindowId::all().count(), 10);
    }
}
