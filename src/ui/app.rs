//! The application state and the frame: panels around the reader, actions, saving.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::edit::command::Command;
use crate::edit::workspace::Workspace;
use crate::model::codebook::CodeId;
use crate::model::coding::CodingId;
use crate::model::corpus::Document;
use crate::model::text::DocText;

use super::actions::{Action, key_for_char};
use super::codebook_editor::CodebookEditor;
use super::dialogs::Dialogs;
use super::exchange::{ExportPanel, PendingDecode};
use super::palette::Palette;
use super::reader::{Reader, ReaderContext};
use super::review::Review;
use super::search::SearchPanel;
use super::segments::SegmentsView;
use super::theme::ThemeChoice;

/// Seconds after the last change before the app saves by itself.
pub const AUTOSAVE_DELAY: f64 = 3.0;

/// UI preferences, remembered between runs through eframe's storage (never project data).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The coder's name, asked once.
    pub coder: Option<String>,
    /// The project opened last.
    pub last_project: Option<PathBuf>,
    /// Reader font size in points.
    pub font_size: f32,
    /// Longest line of the reading column, in ems of the reader font (narrower when the window
    /// has less room).
    pub max_line_em: f32,
    /// Light, dark or following the system.
    pub theme: ThemeChoice,
    /// Zoom factor of the whole window.
    pub zoom: f32,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            coder: None,
            last_project: None,
            font_size: 17.0,
            max_line_em: super::reader::DEFAULT_MAX_LINE_EM,
            theme: ThemeChoice::System,
            zoom: 1.0,
        }
    }
}

/// Whether the coding on disk is up to date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is on disk.
    Saved,
    /// Some change is not on disk yet.
    Unsaved,
    /// A save is being written in the background.
    Saving,
    /// The last save failed.
    Failed(String),
}

mod coding;
mod derived;

use derived::Derived;

/// The whole application.
pub struct SpanwiseApp {
    /// The open project, if any.
    pub workspace: Option<Workspace>,
    /// Why the last project could not be opened.
    pub open_error: Option<String>,
    /// Remembered preferences.
    pub prefs: Prefs,
    /// Index of the open document.
    pub current_doc: usize,
    /// The reader.
    pub reader: Reader,
    /// The selected coding (of the current coder).
    pub selected_coding: Option<CodingId>,
    /// A short message for the status bar.
    pub message: Option<String>,
    pub(super) save_error: Option<String>,
    pub(super) last_change: Option<f64>,
    seen_revision: u64,
    pub(super) coder_input: String,
    pub(super) show_problems: bool,
    derived: Derived,
    pub(super) dialogs: Dialogs,
    /// The File → Export… window, when open.
    pub export: Option<ExportPanel>,
    /// The codebook editor.
    pub codebook_editor: CodebookEditor,
    /// Files to add that wait for an answer about their encoding.
    pub pending_decode: Option<PendingDecode>,
    save_after_frame: bool,
    /// The background save under way, if any.
    pub(super) saving: Option<std::sync::mpsc::Receiver<super::saving::SaveOutcome>>,
    /// The search panel (Ctrl+F).
    pub search: SearchPanel,
    /// The coded-segments window, when open.
    pub segments: Option<SegmentsView>,
    /// The command palette, when open.
    pub palette: Option<Palette>,
    /// Review mode: comparing coders and adjudicating.
    pub review: Review,
}

impl SpanwiseApp {
    /// A new app with these preferences, opening `project` (or the last / bundled project).
    pub fn new(prefs: Prefs, project: Option<PathBuf>) -> Self {
        let mut app = Self {
            workspace: None,
            open_error: None,
            prefs,
            current_doc: 0,
            reader: Reader::default(),
            selected_coding: None,
            message: None,
            save_error: None,
            last_change: None,
            seen_revision: 0,
            coder_input: String::new(),
            show_problems: false,
            derived: Derived::default(),
            dialogs: Dialogs::default(),
            export: None,
            codebook_editor: CodebookEditor::default(),
            pending_decode: None,
            save_after_frame: false,
            saving: None,
            search: SearchPanel::default(),
            segments: None,
            palette: None,
            review: Review::default(),
        };
        let path = project
            .or_else(|| {
                app.prefs
                    .last_project
                    .clone()
                    .filter(|p| p.join("project.ron").is_file())
            })
            .map(Ok)
            .unwrap_or_else(crate::storage::bundled::path);
        match path {
            Ok(path) => app.open_project(&path),
            Err(e) => app.open_error = Some(e.to_string()),
        }
        app
    }

    /// Opens a project folder, saving the current one first.
    pub fn open_project(&mut self, path: &Path) {
        self.save_now();
        let coder = self.prefs.coder.clone().unwrap_or_default();
        let opened = if coder.is_empty() {
            Workspace::open(path, &coder)
        } else {
            Workspace::open_for_coding(path, &coder)
        };
        match opened {
            Ok(ws) => {
                self.show_problems = !ws.project.problems.is_empty();
                self.workspace = Some(ws);
                self.open_error = None;
                self.prefs.last_project = Some(path.to_path_buf());
                self.current_doc = 0;
                self.selected_coding = None;
                self.reader.reset();
                self.derived = Derived::default();
                self.save_error = None;
                self.message = Some(opened_message(path, self.workspace.as_ref()));
            }
            Err(e) => self.open_error = Some(e.to_string()),
        }
    }

    /// Sets the coder's name (asked once) and re-binds the open project to that coder.
    pub fn set_coder(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        self.save_now();
        self.prefs.coder = Some(name.to_string());
        // reopen under the new name, so the lock and the text versions are that coder's
        if let Some(root) = self.workspace.as_ref().map(|w| w.project.root.clone()) {
            let doc = self.current_doc;
            self.workspace = None;
            self.open_project(&root);
            self.open_document(doc);
        }
        self.derived = Derived::default();
    }

    /// The coder's name, if known.
    pub fn coder(&self) -> Option<&str> {
        self.prefs.coder.as_deref()
    }

    /// The state shown in the status bar.
    pub fn save_state(&self) -> SaveState {
        if let Some(e) = &self.save_error {
            return SaveState::Failed(e.clone());
        }
        if self.saving.is_some() {
            return SaveState::Saving;
        }
        match &self.workspace {
            Some(ws) if ws.is_dirty() => SaveState::Unsaved,
            _ => SaveState::Saved,
        }
    }

    /// Saves unsaved changes now; errors are kept for the status bar.
    pub fn save_now(&mut self) {
        self.finish_background_save();
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        if !ws.is_dirty() {
            return;
        }
        match ws.save() {
            Ok(paths) => {
                self.save_error = None;
                self.last_change = None;
                self.message = Some(saved_message(&paths));
            }
            Err(e) => self.save_error = Some(e.to_string()),
        }
    }

    /// The open document.
    pub fn document(&self) -> Option<&Document> {
        self.workspace
            .as_ref()?
            .project
            .corpus
            .documents
            .get(self.current_doc)
    }

    /// Opens the document at an index.
    pub fn open_document(&mut self, index: usize) {
        let count = self
            .workspace
            .as_ref()
            .map_or(0, |w| w.project.corpus.documents.len());
        if index < count && index != self.current_doc {
            self.current_doc = index;
            self.selected_coding = None;
            self.reader.clear_selection();
        }
    }

    /// Why coding is not possible right now, if it is not.
    pub fn coding_blocked(&self) -> Option<String> {
        let ws = self.workspace.as_ref()?;
        if self.coder().is_none() {
            return Some("enter your coder name first".into());
        }
        ws.read_only_reason()
    }

    /// Runs a command through the workspace (the one path for every change).
    pub fn execute(&mut self, command: Command) {
        if let Some(reason) = self.coding_blocked() {
            self.message = Some(format!("Not changed: {reason}"));
            return;
        }
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        if let Err(e) = ws.execute(command) {
            self.message = Some(format!("Not changed: {e}"));
        }
    }

    /// Performs an action from the table.
    pub fn perform(&mut self, action: Action) {
        match action {
            Action::Save => self.save_now(),
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            Action::OpenProject => self.dialogs.open_project(),
            Action::NewProject => self.dialogs.new_project_source(),
            Action::Export => self.open_export_panel(),
            Action::ImportQdpx => self.dialogs.import_qdpx_file(),
            Action::EditCodebook => self.codebook_editor.open = !self.codebook_editor.open,
            Action::AddDocuments => self.dialogs.add_documents(),
            Action::DeleteCoding => {
                if let (Some(id), Some(ws)) = (self.selected_coding, self.workspace.as_ref()) {
                    let coder = ws.coder().to_string();
                    self.execute(Command::RemoveCoding { coder, id });
                    self.selected_coding = None;
                }
            }
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
            Action::ExtendWordRight => self.extend_selection(DocText::next_word_boundary),
            Action::ExtendWordLeft => self.extend_selection(DocText::prev_word_boundary),
            Action::ExtendSentenceRight => {
                self.extend_selection(crate::model::sentence::next_sentence_end)
            }
            Action::ExtendSentenceLeft => {
                self.extend_selection(crate::model::sentence::prev_sentence_start)
            }
            Action::Search => self.search.open(),
            Action::CodedSegments => self.open_segments(),
            Action::CommandPalette => self.palette = Some(Palette::default()),
            Action::ZoomIn => self.zoom(1),
            Action::ZoomOut => self.zoom(-1),
            Action::ZoomReset => self.zoom(0),
            Action::ThemeSystem => self.prefs.theme = ThemeChoice::System,
            Action::ThemeLight => self.prefs.theme = ThemeChoice::Light,
            Action::ThemeDark => self.prefs.theme = ThemeChoice::Dark,
            Action::ReviewCoders => self.toggle_review(),
            Action::NextDifference => self.step_difference(1),
            Action::PrevDifference => self.step_difference(-1),
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        if self.coding_blocked().is_some() {
            return;
        }
        if let Some(ws) = self.workspace.as_mut() {
            let done = if undo { ws.undo() } else { ws.redo() };
            if !done {
                self.message = Some(format!("Nothing to {}", if undo { "undo" } else { "redo" }));
            }
        }
    }

    /// Makes a project from a folder of texts and opens it.
    pub fn create_project(&mut self, src: &Path, dest: &Path) {
        match crate::storage::create::project_from_texts(src, dest) {
            Ok(report) => {
                self.open_project(dest);
                self.message = Some(report.to_string());
            }
            Err(e) => self.message = Some(format!("No project made: {e}")),
        }
    }

    fn handle_shortcuts(&mut self, ui: &egui::Ui) {
        if ui.ctx().egui_wants_keyboard_input() {
            // Ctrl+S while typing a memo or name: leave the field (it commits this frame),
            // then save at the end of the frame.
            let save = Action::Save.shortcut().expect("Save has a shortcut");
            if ui.input_mut(|i| i.consume_shortcut(&save)) {
                ui.memory_mut(|m| m.stop_text_input());
                self.save_after_frame = true;
            }
            return;
        }
        for (action, shortcut) in Action::by_specificity() {
            if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.perform(action);
            }
        }
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y)) {
            self.perform(Action::Redo);
        }
        // Ctrl+= zooms in too: `+` needs Shift on many layouts.
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Equals)) {
            self.perform(Action::ZoomIn);
        }
        let keys: Vec<(CodeId, egui::Key)> = self
            .workspace
            .iter()
            .flat_map(|ws| ws.project.codebook.codes.iter())
            .filter_map(|c| Some((c.id.clone(), key_for_char(c.key?)?)))
            .collect();
        if self.review.active {
            return; // code keys would code the reviewer's own file, which the compare view hides
        }
        for (code, key) in keys {
            let pressed = ui.input_mut(|i| {
                !i.modifiers.command
                    && !i.modifiers.ctrl
                    && i.consume_key(egui::Modifiers::NONE, key)
            });
            if pressed {
                self.apply_code(&code);
            }
        }
    }

    fn track_changes(&mut self, now: f64) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        if ws.revision() != self.seen_revision {
            self.seen_revision = ws.revision();
            self.last_change = Some(now);
            if let Some(id) = self.selected_coding
                && ws
                    .project
                    .coder(ws.coder())
                    .and_then(|f| f.get(id))
                    .is_none()
            {
                self.selected_coding = None;
            }
        }
        if let Some(t) = self.last_change
            && ws.is_dirty()
            && now - t >= AUTOSAVE_DELAY
        {
            self.save_in_background();
        }
    }

    /// Draws one frame.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        // First, before any text is laid out this pass, so the new fonts apply at once.
        super::fonts::install(ui.ctx());
        self.poll_dialogs();
        self.poll_background_save(ui.ctx());
        self.apply_look(ui.ctx());
        let now = ui.input(|i| i.time);
        self.handle_shortcuts(ui);
        self.track_changes(now);
        if self.last_change.is_some() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_DELAY));
        }
        self.refresh_derived();
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if self.workspace.is_none() {
            egui::CentralPanel::default().show(ui, |ui| self.no_project(ui));
            return;
        }
        if self.review.active {
            return self.review_ui(ui);
        }
        let side_max = super::reader::side_panel_max(
            ui.ctx().content_rect().width(),
            2 + usize::from(self.search.open),
        );
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(260.0)
            .max_size(side_max)
            .show(ui, |ui| self.documents_panel(ui));
        egui::Panel::right("codings")
            .resizable(true)
            .default_size(300.0)
            .max_size(side_max)
            .show(ui, |ui| {
                super::codesheet::Codesheet::show(self, ui);
                self.codings_panel(ui)
            });
        self.search_panel(ui);
        egui::CentralPanel::default().show(ui, |ui| self.article(ui));
        self.coder_prompt(ui);
        self.problems_window(ui);
        self.export_window(ui);
        self.codebook_window(ui);
        self.attention_window(ui);
        self.decode_question(ui);
        if std::mem::take(&mut self.save_after_frame) {
            self.save_now();
        }
        self.segments_window(ui);
        self.palette_window(ui);
    }

    fn article(&mut self, ui: &mut egui::Ui) {
        self.code_toolbar(ui);
        ui.separator();
        let Some(doc) = self.document() else {
            ui.label("This project has no documents yet.");
            return;
        };
        let Some(text) = doc.text.clone() else {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "The text of “{}” ({}) is missing or unreadable; its codings are kept.",
                    doc.meta.title, doc.meta.path
                ),
            );
            return;
        };
        let doc_id = doc.meta.id.0.clone();
        let title = doc.meta.title.clone();
        self.reader.marks = self.search.marks_in(&doc_id);
        ui.vertical_centered(|ui| ui.heading(&title));
        ui.horizontal(|ui| {
            self.progress_selector(ui);
        });
        self.document_memo(ui);
        let cx = ReaderContext {
            doc_id: &doc_id,
            text: &text,
            highlights: &self.derived.highlights,
            selected: self.selected_coding,
            max_line_em: self.prefs.max_line_em,
            font_size: self.prefs.font_size,
        };
        let out = self.reader.ui(ui, &cx);
        if let Some(id) = out.clicked_coding {
            self.selected_coding = Some(id);
        } else if out.clicked_text {
            self.selected_coding = None;
        }
    }

    /// The text of the open document.
    pub fn document_text(&self) -> Option<DocText> {
        self.document().and_then(|d| d.text.clone())
    }

    /// Reloads the open project from disk (unsaved changes are saved first).
    pub fn reload(&mut self) {
        if let Some(root) = self.workspace.as_ref().map(|w| w.project.root.clone()) {
            self.open_project(&root);
        }
    }

    /// Persists the preferences (called by eframe).
    pub fn store_prefs(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }

    pub(super) fn no_project(&mut self, ui: &mut egui::Ui) {
        ui.heading("No project open");
        if let Some(e) = &self.open_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.label("Use File → Open project… or start Spanwise with a project folder: spanwise PATH");
    }

    /// The error of the last failed save, if any.
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }
}

impl eframe::App for SpanwiseApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        SpanwiseApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.store_prefs(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_now();
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(10)
    }
}

/// What the status bar says after opening: the folder, and what re-anchoring did.
fn opened_message(path: &Path, ws: Option<&Workspace>) -> String {
    let mut msg = format!("Opened {}", path.display());
    if let Some(a) = ws.map(|w| &w.project.integrity.anchoring)
        && !a.changed_documents.is_empty()
    {
        msg.push_str(&format!(
            "; {} text(s) changed since the last session: {} coding(s) moved with the text, {} need attention",
            a.changed_documents.len(),
            a.moved.len(),
            a.attention.len()
        ));
    }
    msg
}

/// "Saved a, b" for the status bar.
pub(super) fn saved_message(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    format!("Saved {}", names.join(", "))
}
