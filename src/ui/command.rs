//! What panels and windows ask the app shell to do. A panel does not change the project or the
//! shell's state while it draws: it queues an [`AppCommand`], and the shell runs the queue at one
//! point, after the frame's UI pass ([`SpanwiseApp::run_commands`]), in both coding and review
//! mode.

use crate::analysis::compare::Resolution;
use crate::analysis::retrieval::Segment;
use crate::edit::command::Command;
use crate::edit::workspace::TextTarget;
use crate::model::codebook::CodeId;
use crate::model::coding::CodingId;
use crate::model::span::Span;
use crate::model::text::DocText;

use super::actions::Action;
use super::app::SpanwiseApp;
use super::i18n::{LanguageChoice, tr};
use super::palette::Palette;
use super::review::DifferenceKey;
use super::theme::ThemeChoice;
use super::windows::WindowId;

/// One request of a panel to the shell.
#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    /// Performs an action of the table.
    Perform(Action),
    /// Runs a workspace command (the one path for every change of the project).
    Execute(Command),
    /// Runs a workspace command and, when it changed the project, says so in the status bar.
    ExecuteSaying(Command, String),
    /// Opens the document at this index with this span selected and scrolled into view.
    ShowSpan(usize, Span),
    /// Applies a code to the selection (or recodes the selected coding).
    ApplyCode(CodeId),
    /// Opens the document at this index.
    OpenDocument(usize),
    /// Shows a window of the registry.
    Open(WindowId),
    /// Hides a window of the registry.
    Close(WindowId),
    /// Sets the coder's name and re-opens the project for them.
    SetCoder(String),
    /// Review mode: selects a difference (opens its document at it).
    SelectDifference(DifferenceKey),
    /// Review mode: decides the selected difference into the consensus file.
    Decide(Resolution),
    /// Review mode: accepts every agreement the code and document filters pass.
    AcceptAgreements,
    /// Coded segments: opens the reader at a segment (its coding selected when it is the
    /// current coder's).
    OpenSegment(Box<Segment>),
    /// Coded segments: asks where to write the listed rows as CSV.
    ExportSegments,
    /// Shows a short message in the status bar (why an edit was refused).
    Notify(String),
    /// Selects a coding of the current coder and scrolls the reader to it.
    SelectCoding(CodingId),
    /// Opens a document and scrolls to one of the current coder's codings in it.
    ShowCoding {
        /// Index of the document.
        document: usize,
        /// The coding.
        id: CodingId,
    },
    /// Places a coding that needs attention at a span (one undo step).
    PlaceFlagged {
        /// The coding.
        id: CodingId,
        /// Where it goes.
        span: Span,
    },
    /// Deletes a coding that needs attention (one undo step).
    DeleteFlagged(CodingId),
    /// Records what is typed into a memo or free-text field (a draft, not yet an undo step).
    Type(TextTarget, String),
    /// Commits the draft being typed as one undo step.
    CommitTyping,
    /// Shows only this code and its sub-codes in the reader (and the coded segments), or every
    /// code (`None`).
    FilterCode(Option<CodeId>),
    /// Opens the coded segments listing only this code.
    SegmentsOf(CodeId),
}

impl SpanwiseApp {
    /// Queues a command for the end of this frame.
    pub fn queue(&mut self, command: AppCommand) {
        self.commands.push(command);
    }

    /// Runs the queued commands in order (the shell calls this once a frame, after the UI pass;
    /// a command may queue more, which run in the same call).
    pub fn run_commands(&mut self) {
        while !self.commands.is_empty() {
            let batch = std::mem::take(&mut self.commands);
            for command in batch {
                self.run_command(command);
            }
        }
    }

    fn run_command(&mut self, command: AppCommand) {
        match command {
            AppCommand::Perform(action) => self.perform(action),
            AppCommand::Execute(command) => self.execute(command),
            AppCommand::ExecuteSaying(command, said) => {
                let before = self.workspace.as_ref().map(|w| w.revision());
                self.execute(command);
                if self.workspace.as_ref().map(|w| w.revision()) != before {
                    self.message = Some(said);
                }
            }
            AppCommand::ShowSpan(doc, span) => self.show_span(doc, span),
            AppCommand::ApplyCode(code) => self.apply_code(&code),
            AppCommand::OpenDocument(index) => self.open_document(index),
            AppCommand::Open(window) => self.open_window(window),
            AppCommand::Close(window) => self.close_window(window),
            AppCommand::SetCoder(name) => self.set_coder(&name),
            AppCommand::SelectDifference(k) => self.select_difference(k),
            AppCommand::Decide(resolution) => self.decide(resolution),
            AppCommand::AcceptAgreements => self.accept_all_agreements(),
            AppCommand::OpenSegment(segment) => self.open_segment(&segment),
            AppCommand::ExportSegments => self.ask_segments_csv(),
            AppCommand::Notify(message) => self.message = Some(message),
            AppCommand::SelectCoding(id) => self.select_own_coding(id),
            AppCommand::ShowCoding { document, id } => {
                self.open_document(document);
                self.select_own_coding(id);
            }
            AppCommand::PlaceFlagged { id, span } => self.place_flagged(id, span),
            AppCommand::DeleteFlagged(id) => self.delete_flagged(id),
            AppCommand::Type(target, text) => self.type_text(target, text),
            AppCommand::CommitTyping => self.commit_typing(),
            AppCommand::FilterCode(code) => self.filter_code(code),
            AppCommand::SegmentsOf(code) => {
                self.open_segments();
                if let (Some(s), Some(ws)) = (self.segments.as_mut(), self.workspace.as_ref()) {
                    s.only_code(&ws.project().codebook, &code);
                }
            }
        }
    }

    /// Performs an action from the table, now.
    pub fn perform(&mut self, action: Action) {
        match action {
            Action::Save => self.request_save(),
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            Action::OpenProject => self.dialogs.open_project(),
            Action::NewProject => self.dialogs.new_project_source(),
            Action::Export => self.open_window(WindowId::Export),
            Action::ImportQdpx => self.dialogs.import_qdpx_file(),
            Action::EditCodebook => self.codebook_editor.open = !self.codebook_editor.open,
            Action::AddDocuments => self.dialogs.add_documents(),
            Action::ApplyCodeByKey => {
                self.message = Some(tr("status-press-code-key"));
            }
            Action::DeleteCoding => self.delete_selected_coding(),
            Action::StartLeft => self.nudge(true, -1),
            Action::StartRight => self.nudge(true, 1),
            Action::EndLeft => self.nudge(false, -1),
            Action::EndRight => self.nudge(false, 1),
            Action::NextCoding => self.step_coding(1),
            Action::PrevCoding => self.step_coding(-1),
            Action::NextDocument => self.open_document(self.current_doc + 1),
            Action::PrevDocument => self.open_document(self.current_doc.saturating_sub(1)),
            Action::FontBigger => self.prefs.font_size = (self.prefs.font_size + 1.0).min(40.0),
            Action::FontSmaller => self.prefs.font_size = (self.prefs.font_size - 1.0).max(10.0),
            Action::ExtendCharRight => self.extend_selection(|t, i| (i + 1).min(t.char_len())),
            Action::ExtendCharLeft => self.extend_selection(|_, i| i.saturating_sub(1)),
            Action::ExtendWordRight => self.extend_selection(DocText::next_word_boundary),
            Action::ExtendWordLeft => self.extend_selection(DocText::prev_word_boundary),
            Action::ExtendSentenceRight => {
                self.extend_selection(crate::model::sentence::next_sentence_end)
            }
            Action::ExtendSentenceLeft => {
                self.extend_selection(crate::model::sentence::prev_sentence_start)
            }
            Action::ClearSelection => self.reader.clear_selection(),
            Action::Search => self.search.open(),
            Action::CodedSegments => self.open_window(WindowId::Segments),
            Action::CommandPalette => self.open_window(WindowId::Palette),
            Action::KeySheet => self.toggle_window(WindowId::KeySheet),
            Action::About => self.toggle_window(WindowId::About),
            Action::Quit => self.quit(),
            Action::ZoomIn => self.zoom(1),
            Action::ZoomOut => self.zoom(-1),
            Action::ZoomReset => self.zoom(0),
            Action::ToggleCodeTree => self.prefs.show_code_tree = !self.prefs.show_code_tree,
            Action::ToggleStripes => self.prefs.show_stripes = !self.prefs.show_stripes,
            Action::ThemeSystem => self.prefs.theme = ThemeChoice::System,
            Action::ThemeLight => self.prefs.theme = ThemeChoice::Light,
            Action::ThemeDark => self.prefs.theme = ThemeChoice::Dark,
            Action::LanguageSystem => self.set_language(LanguageChoice::System),
            Action::LanguageGerman => self.set_language(LanguageChoice::German),
            Action::LanguageEnglish => self.set_language(LanguageChoice::English),
            Action::ReviewCoders => self.toggle_review(),
            Action::NextDifference => self.step_difference(1),
            Action::PrevDifference => self.step_difference(-1),
            Action::Reliability => self.toggle_window(WindowId::Reliability),
            Action::SaveReport => self.ask_report_path(),
        }
    }

    /// Whether an action can be used now (see [`super::actions::When`]).
    pub fn action_available(&self, action: Action) -> bool {
        action.available(self.workspace.is_some(), self.review.active)
    }

    fn delete_selected_coding(&mut self) {
        if let (Some(id), Some(ws)) = (self.selected_coding, self.workspace.as_ref()) {
            let coder = ws.coder().to_string();
            self.execute(Command::RemoveCoding { coder, id });
            self.selected_coding = None;
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        if self.coding_blocked().is_some() {
            return;
        }
        if let Some(ws) = self.workspace.as_mut() {
            let done = if undo { ws.undo() } else { ws.redo() };
            if !done {
                self.message = Some(if undo {
                    tr("status-nothing-to-undo")
                } else {
                    tr("status-nothing-to-redo")
                });
            }
        }
    }

    /// Shows a window of the registry.
    pub fn open_window(&mut self, window: WindowId) {
        match window {
            WindowId::CoderPrompt
            | WindowId::Attention
            | WindowId::DecodeQuestion
            | WindowId::PathPrompt => {}
            WindowId::Problems => self.show_problems = true,
            WindowId::Export => self.open_export_panel(),
            WindowId::Codebook => self.codebook_editor.open = true,
            WindowId::Segments => self.open_segments(),
            WindowId::Palette => self.palette = Some(Palette::default()),
            WindowId::KeySheet => self.key_sheet.open = true,
            WindowId::About => self.help.about = true,
            WindowId::Reliability => {
                self.reliability.get_or_insert_with(Default::default);
            }
        }
    }

    /// Shows a window of the registry, or hides it when it is open (F1 twice).
    pub fn toggle_window(&mut self, window: WindowId) {
        if self.is_open(window) {
            self.close_window(window);
        } else {
            self.open_window(window);
        }
    }

    /// Hides a window of the registry.
    pub fn close_window(&mut self, window: WindowId) {
        match window {
            WindowId::CoderPrompt | WindowId::Attention => {}
            WindowId::DecodeQuestion => self.pending_decode = None,
            WindowId::Problems => self.show_problems = false,
            WindowId::Export => self.export = None,
            WindowId::Codebook => self.codebook_editor.open = false,
            WindowId::Segments => self.segments = None,
            WindowId::Palette => self.palette = None,
            WindowId::KeySheet => self.key_sheet.open = false,
            WindowId::About => self.help.about = false,
            WindowId::PathPrompt => self.dialogs.prompt = None,
            WindowId::Reliability => self.reliability = None,
        }
    }
}
