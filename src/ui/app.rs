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
use super::command::AppCommand;
use super::dialogs::Dialogs;
use super::exchange::{ExportPanel, PendingDecode};
use super::i18n::{LanguageChoice, tr, tr_args};
use super::key_sheet::KeySheet;
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
    /// How file questions are asked: the system's dialog, or a path field in the window.
    pub file_dialog: super::dialogs::DialogChoice,
    /// The window's language: the system locale's, or one chosen in View → Language.
    pub language: LanguageChoice,
    /// The code tree is shown beside the document list.
    pub show_code_tree: bool,
    /// Coding stripes are drawn beside the reading column.
    pub show_stripes: bool,
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
            file_dialog: super::dialogs::DialogChoice::Automatic,
            language: LanguageChoice::System,
            show_code_tree: true,
            show_stripes: true,
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

mod codes;
mod coding;
mod derived;
mod messages;

use messages::opened_message;
pub(super) use messages::saved_message;

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
    /// The edit count when `message` said "Saved …", and that message: a later edit clears it
    /// while it is still shown (it would be stale).
    pub(super) saved_at_edits: Option<(u64, String)>,
    pub(super) save_error: Option<String>,
    pub(super) last_change: Option<f64>,
    seen_revision: u64,
    pub(super) coder_prompt: super::panels::CoderPrompt,
    pub(super) show_problems: bool,
    derived: Derived,
    pub(super) dialogs: Dialogs,
    /// The File → Export… window, when open.
    pub export: Option<ExportPanel>,
    /// The codebook editor.
    pub codebook_editor: CodebookEditor,
    /// Files to add that wait for an answer about their encoding.
    pub pending_decode: Option<PendingDecode>,
    /// Commands queued by panels and keys, run after the frame's UI pass.
    pub(super) commands: Vec<AppCommand>,
    /// The key sheet (F1).
    pub key_sheet: KeySheet,
    /// The background saves and what waits for them.
    pub saving: super::saving::SaveWork,
    /// Exports, imports and searches under way on worker threads.
    pub jobs: super::jobs::Jobs,
    /// The search panel (Ctrl+F).
    pub search: SearchPanel,
    /// The coded-segments window, when open.
    pub segments: Option<SegmentsView>,
    /// The command palette, when open.
    pub palette: Option<Palette>,
    /// Review mode: comparing coders and adjudicating.
    pub review: Review,
    /// Quitting: the close request, and a save that failed on the way out.
    pub quit: super::quit::QuitState,
    /// The Help menu's windows (keys, about).
    pub help: super::help::HelpWindows,
    /// Whether the window was shrunk to a small screen yet.
    fit: super::fit::WindowFit,
    /// Review mode's Reliability window, when open.
    pub reliability: Option<super::reliability_window::ReliabilityWindow>,
    /// The code tree beside the document list (collapse state, code filter).
    pub code_tree: super::code_tree::CodeTree,
    /// The document list.
    pub documents: super::documents::DocumentList,
}

impl SpanwiseApp {
    /// A new app with these preferences, opening `project` (or the last / bundled project).
    pub fn new(prefs: Prefs, project: Option<PathBuf>) -> Self {
        // the messages of opening the project below are in the chosen language
        super::i18n::set_language(prefs.language.resolve());
        let mut app = Self {
            workspace: None,
            open_error: None,
            prefs,
            current_doc: 0,
            reader: Reader::default(),
            selected_coding: None,
            message: None,
            saved_at_edits: None,
            save_error: None,
            last_change: None,
            seen_revision: 0,
            coder_prompt: Default::default(),
            show_problems: false,
            derived: Derived::default(),
            dialogs: Dialogs::default(),
            export: None,
            codebook_editor: CodebookEditor::default(),
            pending_decode: None,
            commands: Vec::new(),
            key_sheet: KeySheet::default(),
            saving: Default::default(),
            jobs: Default::default(),
            search: SearchPanel::default(),
            segments: None,
            palette: None,
            review: Review::default(),
            quit: Default::default(),
            help: Default::default(),
            fit: Default::default(),
            reliability: None,
            code_tree: Default::default(),
            documents: Default::default(),
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

    /// Opens a project folder once the current one is saved (at once when nothing is unsaved;
    /// else after the background save, the window drawing meanwhile).
    pub fn open_project(&mut self, path: &Path) {
        if self.workspace.as_ref().is_some_and(|w| w.is_dirty()) || self.saving.running() {
            let open = super::saving::AfterSave::Open(path.to_path_buf(), None);
            return self.save_then(open);
        }
        self.open_project_now(path);
    }

    /// Opens a project folder now (the current one is saved).
    pub(super) fn open_project_now(&mut self, path: &Path) {
        let coder = self.prefs.coder.clone().unwrap_or_default();
        let opened = if coder.is_empty() {
            Workspace::open(path, &coder)
        } else {
            Workspace::open_for_coding(path, &coder)
        };
        match opened {
            Ok(ws) => {
                self.show_problems = !ws.project().problems.is_empty();
                self.workspace = Some(ws);
                self.open_error = None;
                self.prefs.last_project = Some(path.to_path_buf());
                self.current_doc = 0;
                self.selected_coding = None;
                self.reader.reset();
                self.code_tree.filter = None;
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
        if let Some(root) = self.workspace.as_ref().map(|w| w.project().root.clone()) {
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

    /// The open document.
    pub fn document(&self) -> Option<&Document> {
        self.workspace
            .as_ref()?
            .project()
            .corpus
            .documents
            .get(self.current_doc)
    }

    /// Opens the document at an index.
    pub fn open_document(&mut self, index: usize) {
        let count = self
            .workspace
            .as_ref()
            .map_or(0, |w| w.project().corpus.documents.len());
        if index < count && index != self.current_doc {
            self.commit_typing();
            self.current_doc = index;
            self.selected_coding = None;
            self.reader.clear_selection();
        }
    }

    /// Why coding is not possible right now, if it is not.
    pub fn coding_blocked(&self) -> Option<String> {
        let ws = self.workspace.as_ref()?;
        if self.coder().is_none() {
            return Some(tr("coding-blocked-no-coder"));
        }
        ws.read_only_reason()
    }

    /// Runs a command through the workspace (the one path for every change).
    pub fn execute(&mut self, command: Command) {
        if let Some(reason) = self.coding_blocked() {
            self.message = Some(not_changed(&reason));
            return;
        }
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        if let Err(e) = ws.execute(command) {
            self.message = Some(not_changed(&e.to_string()));
        }
    }

    /// Makes a project from a folder of texts and opens it.
    pub fn create_project(&mut self, src: &Path, dest: &Path) {
        match crate::storage::create::project_from_texts(src, dest) {
            Ok(report) => {
                self.open_project(dest);
                self.message = Some(report.to_string());
            }
            Err(e) => {
                let error = e.to_string();
                self.message = Some(tr_args(
                    "status-no-project-made",
                    &[("error", error.into())],
                ));
            }
        }
    }

    /// The frame's key pass: the action table's keys and the code keys queue their commands.
    fn handle_shortcuts(&mut self, ui: &egui::Ui) {
        if ui.ctx().egui_wants_keyboard_input() {
            return self.shortcuts_while_typing(ui);
        }
        self.escape(ui);
        for (action, shortcut) in Action::by_specificity() {
            if self.action_available(action) && ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.queue(AppCommand::Perform(action));
            }
        }
        let keys: Vec<(CodeId, egui::Key)> = self
            .workspace
            .iter()
            .flat_map(|ws| ws.project().codebook.codes.iter())
            .filter_map(|c| Some((c.id.clone(), key_for_char(c.key?)?)))
            .collect();
        // Not in review mode: code keys would code the reviewer's own file, which the compare
        // view hides.
        if !self.action_available(Action::ApplyCodeByKey) {
            return;
        }
        for (code, key) in keys {
            let pressed = ui.input_mut(|i| {
                !i.modifiers.command
                    && !i.modifiers.ctrl
                    && i.consume_key(egui::Modifiers::NONE, key)
            });
            if pressed {
                self.queue(AppCommand::ApplyCode(code));
            }
        }
    }

    fn track_changes(&mut self, now: f64) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        if let Some((at, said)) = &self.saved_at_edits
            && *at != ws.edits()
        {
            // "Saved …" no longer tells the truth
            if self.message.as_ref() == Some(said) {
                self.message = None;
            }
            self.saved_at_edits = None;
        }
        if ws.edits() != self.seen_revision {
            self.seen_revision = ws.edits();
            self.last_change = Some(now);
            if let Some(id) = self.selected_coding
                && ws
                    .project()
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

    /// Draws one frame: the key pass, the panels of the mode, the windows of the registry, then
    /// the queued commands.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        // First, before any text is laid out this pass, so the new fonts apply at once.
        super::fonts::install(ui.ctx());
        super::i18n::set_language(self.prefs.language.resolve());
        self.poll_dialogs();
        self.poll_background_save(ui.ctx());
        self.poll_jobs(ui.ctx());
        self.apply_look(ui.ctx());
        self.fit.fit(ui.ctx());
        let now = ui.input(|i| i.time);
        self.handle_shortcuts(ui);
        self.guard_close(ui);
        self.commit_unfocused_typing(ui.ctx());
        self.track_changes(now);
        if self.last_change.is_some() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_DELAY));
        }
        self.refresh_derived();
        egui::Panel::top("menu").show(ui, |ui| self.main_menu(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if self.workspace.is_none() {
            egui::CentralPanel::default().show(ui, |ui| self.no_project(ui));
        } else if self.review.active {
            self.review_ui(ui);
        } else {
            self.coding_ui(ui);
        }
        super::windows::draw(self, ui);
        if !self.commands.is_empty() {
            // what the commands change is drawn in the next frame: ask for it now, not at the
            // next mouse move
            ui.ctx().request_repaint();
        }
        self.run_commands();
    }

    /// The coding view: code tree and documents, codings, search and the article.
    fn coding_ui(&mut self, ui: &mut egui::Ui) {
        let side_max = super::reader::side_panel_max(
            ui.ctx().content_rect().width(),
            2 + usize::from(self.search.open),
        );
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(260.0)
            .max_size(side_max)
            .show(ui, |ui| {
                if self.prefs.show_code_tree {
                    self.code_tree_panel(ui);
                }
                super::documents::DocumentList::show(self, ui);
            });
        egui::Panel::right("codings")
            .resizable(true)
            .default_size(300.0)
            .max_size(side_max)
            .show(ui, |ui| {
                super::codesheet::Codesheet::show(self, ui);
                super::codings::show(self, ui)
            });
        self.search_panel(ui);
        egui::CentralPanel::default().show(ui, |ui| self.article(ui));
    }

    fn article(&mut self, ui: &mut egui::Ui) {
        if self.prefs.show_code_tree {
            self.code_legend(ui);
        } else {
            self.code_toolbar(ui);
        }
        ui.separator();
        let Some(doc) = self.document() else {
            ui.label(tr("article-no-documents"));
            return;
        };
        let Some(text) = doc.text.clone() else {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                tr_args(
                    "article-text-missing",
                    &[
                        ("title", (&doc.meta.title).into()),
                        ("path", (&doc.meta.path).into()),
                    ],
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
            stripes: self.prefs.show_stripes,
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
        if let Some(root) = self.workspace.as_ref().map(|w| w.project().root.clone()) {
            self.open_project(&root);
        }
    }

    /// Persists the preferences (called by eframe).
    pub fn store_prefs(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }

    pub(super) fn no_project(&mut self, ui: &mut egui::Ui) {
        ui.heading(tr("no-project-heading"));
        if let Some(e) = &self.open_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.label(tr("no-project-hint"));
    }

    /// The error of the last failed save, if any.
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }
}

/// "Not changed: …" for the status bar.
pub(super) fn not_changed(reason: &str) -> String {
    tr_args("status-not-changed", &[("reason", reason.into())])
}

impl eframe::App for SpanwiseApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        SpanwiseApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.store_prefs(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.commit_typing();
        self.save_now();
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(10)
    }
}
