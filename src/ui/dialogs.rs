//! File questions: where to export, which folder to open, which files to add. Each is asked with
//! the system's file dialog (rfd) on its own thread, so the window keeps painting, starting in
//! the project folder. Where the system has no file dialog (no desktop portal, no zenity), or the
//! preference says so, or the system dialog fails to appear, the question is asked in the window
//! instead: a path field filled with the suggested path ([`super::path_prompt`]). Either way the
//! answer comes back through one channel and is acted on at the start of the next frame.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::exchange::ExportFormat;

use super::app::SpanwiseApp;
use super::i18n::tr;
use super::path_prompt::PathPrompt;

/// What a file question is for: its answer leads to the action.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// A project folder to open.
    OpenProject,
    /// A folder of .txt files to make a project from.
    NewProjectSource,
    /// An empty folder for the project made from these texts.
    NewProjectDest(PathBuf),
    /// Where to write an export of these coders' codings.
    ExportTo(ExportFormat, Vec<String>),
    /// A .qdpx file to import.
    ImportFile,
    /// An empty folder for the project imported from this .qdpx file.
    ImportDest(PathBuf),
    /// Text files to add to the corpus.
    AddDocuments,
    /// Where to write the coded-segments table as CSV.
    SegmentsCsv,
    /// Where to write the reliability report (HTML).
    ReportHtml,
}

/// What kind of path a question wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// An existing folder.
    Folder,
    /// A folder that may not exist yet (it is made).
    NewFolder,
    /// An existing file.
    File,
    /// One or more existing files.
    Files,
    /// A file to write (its folder must exist).
    Save,
}

/// One file question: its purpose, its title, what it picks, its filter and the suggested name.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// What the answer is for.
    pub purpose: Purpose,
    /// The catalogue key of the dialog's title.
    pub title: &'static str,
    /// The kind of path asked for.
    pub pick: Pick,
    /// The file filter: its name and extensions.
    pub filter: Option<(&'static str, Vec<&'static str>)>,
    /// The suggested file name (save questions).
    pub file_name: Option<String>,
}

impl Question {
    fn new(purpose: Purpose, title: &'static str, pick: Pick) -> Self {
        Self {
            purpose,
            title,
            pick,
            filter: None,
            file_name: None,
        }
    }

    fn filter(mut self, name: &'static str, ext: &'static str) -> Self {
        self.filter = Some((name, vec![ext]));
        self
    }

    fn named(mut self, name: String) -> Self {
        self.file_name = Some(name);
        self
    }
}

/// How file questions are asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DialogChoice {
    /// The system's file dialog where there is one, else the path field.
    #[default]
    Automatic,
    /// Always the path field in the window.
    PathField,
}

/// The answer to a question: the paths chosen (none: cancelled), and whether the system dialog
/// came back too quickly to have been shown at all.
#[derive(Debug)]
pub(super) struct Answer {
    question: Question,
    paths: Vec<PathBuf>,
    failed_to_show: bool,
}

/// A system dialog that returns empty within this time was never on screen.
const TOO_QUICK: Duration = Duration::from_millis(250);

/// The file questions of the window: the channel answers come back on, the folder they start in,
/// and the path field when a question is asked in the window.
pub(super) struct Dialogs {
    tx: Sender<Answer>,
    rx: Receiver<Answer>,
    /// The folder questions start in (the project folder).
    start: Option<PathBuf>,
    /// Whether this system has a file dialog (looked up once).
    available: bool,
    /// The system's dialog failed to appear once: ask in the window from now on.
    failed: bool,
    /// How the user wants questions asked.
    choice: DialogChoice,
    /// The question being asked in the window, if any.
    pub(super) prompt: Option<PathPrompt>,
}

impl Default for Dialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            start: None,
            available: system_dialog_available(),
            failed: false,
            choice: DialogChoice::Automatic,
            prompt: None,
        }
    }
}

impl Dialogs {
    /// Sets where questions start and how they are asked (the shell calls this each frame).
    pub(super) fn configure(&mut self, start: Option<&Path>, choice: DialogChoice) {
        if self.start.as_deref() != start {
            self.start = start.map(Path::to_path_buf);
        }
        self.choice = choice;
    }

    /// Whether the next question goes to the system's dialog.
    fn native(&self) -> bool {
        self.choice == DialogChoice::Automatic && self.available && !self.failed
    }

    /// Asks a question: with the system's dialog on a thread, or in the window.
    pub(super) fn ask(&mut self, question: Question) {
        if !self.native() {
            self.prompt = Some(PathPrompt::new(question, self.start.as_deref(), None));
            return;
        }
        let tx = self.tx.clone();
        let start = self.start.clone();
        std::thread::spawn(move || {
            let began = Instant::now();
            let paths = ask_system(&question, start.as_deref());
            let failed_to_show = paths.is_empty() && began.elapsed() < TOO_QUICK;
            let _ = tx.send(Answer {
                question,
                paths,
                failed_to_show,
            });
        });
    }

    /// Hands an answer given in the window to the same channel as the system dialog's.
    pub(super) fn answer(&self, question: Question, paths: Vec<PathBuf>) {
        let _ = self.tx.send(Answer {
            question,
            paths,
            failed_to_show: false,
        });
    }

    /// Asks for a project folder to open.
    pub fn open_project(&mut self) {
        self.ask(Question::new(
            Purpose::OpenProject,
            "dialog-open-project",
            Pick::Folder,
        ));
    }

    /// Asks for a folder of .txt files to make a project from.
    pub fn new_project_source(&mut self) {
        self.ask(Question::new(
            Purpose::NewProjectSource,
            "dialog-new-project-source",
            Pick::Folder,
        ));
    }

    /// Asks where to write an export (`suggested`: the file name offered).
    pub fn export_to(&mut self, format: ExportFormat, coders: Vec<String>, suggested: String) {
        self.ask(
            Question::new(
                Purpose::ExportTo(format, coders),
                "dialog-export",
                Pick::Save,
            )
            .filter(format.name(), format.extension())
            .named(suggested),
        );
    }

    /// Asks for a .qdpx file to import.
    pub fn import_qdpx_file(&mut self) {
        self.ask(
            Question::new(Purpose::ImportFile, "dialog-import-qdpx", Pick::File)
                .filter("REFI-QDA project", "qdpx"),
        );
    }

    /// Asks for text files to add to the corpus.
    pub fn add_documents(&mut self) {
        self.ask(
            Question::new(Purpose::AddDocuments, "dialog-add-documents", Pick::Files)
                .filter("Plain text", "txt"),
        );
    }

    /// Asks where to write the coded-segments list as CSV (`suggested`: the file name offered).
    pub fn segments_csv(&mut self, suggested: String) {
        self.ask(
            Question::new(Purpose::SegmentsCsv, "dialog-segments-csv", Pick::Save)
                .filter("CSV", "csv")
                .named(suggested),
        );
    }

    /// Asks where to write the reliability report (`suggested`: the file name offered).
    pub fn report_html(&mut self, suggested: String) {
        self.ask(
            Question::new(Purpose::ReportHtml, "dialog-report-html", Pick::Save)
                .filter("HTML", "html")
                .named(suggested),
        );
    }

    fn follow_up(&mut self, purpose: Purpose, title: &'static str) {
        self.ask(Question::new(purpose, title, Pick::NewFolder));
    }
}

/// Asks the system's file dialog (blocks its thread); no paths when cancelled or unavailable.
fn ask_system(question: &Question, start: Option<&Path>) -> Vec<PathBuf> {
    let mut dialog = rfd::FileDialog::new().set_title(tr(question.title));
    if let Some(dir) = start {
        dialog = dialog.set_directory(dir);
    }
    if let Some((name, ext)) = &question.filter {
        dialog = dialog.add_filter(*name, ext);
    }
    if let Some(name) = &question.file_name {
        dialog = dialog.set_file_name(name);
    }
    match question.pick {
        Pick::Folder | Pick::NewFolder => dialog.pick_folder().into_iter().collect(),
        Pick::File => dialog.pick_file().into_iter().collect(),
        Pick::Files => dialog.pick_files().unwrap_or_default(),
        Pick::Save => dialog.save_file().into_iter().collect(),
    }
}

/// Whether this system can show a file dialog: always on Windows and macOS; elsewhere when zenity
/// is installed or a desktop portal with a file chooser can be started on the session bus.
pub fn system_dialog_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    on_path("zenity") || portal_file_chooser()
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(program).is_file()))
}

/// A session bus, the portal's D-Bus service, and a portal back end offering a file chooser.
fn portal_file_chooser() -> bool {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        return false;
    }
    let data_dirs = std::env::var("XDG_DATA_DIRS")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "/usr/local/share:/usr/share".into());
    let dirs: Vec<PathBuf> = data_dirs.split(':').map(PathBuf::from).collect();
    let service = dirs.iter().any(|d| {
        d.join("dbus-1/services/org.freedesktop.portal.Desktop.service")
            .is_file()
    });
    let chooser = dirs.iter().any(|d| {
        std::fs::read_dir(d.join("xdg-desktop-portal/portals"))
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| {
                std::fs::read_to_string(e.path())
                    .is_ok_and(|s| s.contains("org.freedesktop.impl.portal.FileChooser"))
            })
    });
    service && chooser
}

/// The file name offered for something written from a project: `<project>-<what>-<date>.<ext>`,
/// the project's name made safe for a file name, the date as YYYY-MM-DD.
pub fn suggested_file_name(project: &str, what: &str, ext: &str) -> String {
    let stem = crate::model::coder::coder_file_stem(project);
    let date = chrono::Local::now().format("%Y-%m-%d");
    format!("{stem}-{what}-{date}.{ext}")
}

impl SpanwiseApp {
    /// Acts on the answers of questions that have closed.
    pub(super) fn poll_dialogs(&mut self) {
        let start = self.workspace.as_ref().map(|w| w.project().root.as_path());
        self.dialogs.configure(start, self.prefs.file_dialog);
        while let Ok(answer) = self.dialogs.rx.try_recv() {
            if answer.failed_to_show {
                let note = "dialog-did-not-open";
                self.dialogs.failed = true;
                self.dialogs.prompt = Some(PathPrompt::new(
                    answer.question,
                    self.dialogs.start.as_deref(),
                    Some(note),
                ));
                continue;
            }
            self.act_on(answer.question.purpose, answer.paths);
        }
    }

    fn act_on(&mut self, purpose: Purpose, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else {
            self.message = Some(tr("dialog-nothing-chosen"));
            return;
        };
        match purpose {
            Purpose::OpenProject => self.open_project(&first),
            Purpose::NewProjectSource => self
                .dialogs
                .follow_up(Purpose::NewProjectDest(first), "dialog-new-project-dest"),
            Purpose::NewProjectDest(src) => self.create_project(&src, &first),
            Purpose::ExportTo(format, coders) => {
                self.export_to(&first, format, &coders);
            }
            Purpose::ImportFile => self
                .dialogs
                .follow_up(Purpose::ImportDest(first), "dialog-import-dest"),
            Purpose::ImportDest(file) => {
                self.import_qdpx(&file, &first);
            }
            Purpose::AddDocuments => {
                self.add_documents(&paths, crate::storage::create::Decoding::Utf8);
            }
            Purpose::SegmentsCsv => {
                self.export_segments_csv(&first);
            }
            Purpose::ReportHtml => self.save_report(&first),
        }
    }

    /// The file question being asked in the window, if any.
    pub fn path_prompt(&self) -> Option<&PathPrompt> {
        self.dialogs.prompt.as_ref()
    }

    /// The View menu's "File dialogs" submenu: the system's dialog, or the path field.
    pub(super) fn dialog_menu(&mut self, ui: &mut egui::Ui) {
        ui.menu_button(tr("menu-file-dialogs"), |ui| {
            for (choice, label) in [
                (DialogChoice::Automatic, "dialogs-system"),
                (DialogChoice::PathField, "dialogs-path-field"),
            ] {
                if ui
                    .radio_value(&mut self.prefs.file_dialog, choice, tr(label))
                    .clicked()
                {
                    ui.close();
                }
            }
        });
    }

    /// The path field, when a question is asked in the window.
    pub(super) fn path_prompt_window(&mut self, ui: &mut egui::Ui) {
        let Some(prompt) = self.dialogs.prompt.as_mut() else {
            return;
        };
        match prompt.ui(ui) {
            None => {}
            Some(None) => {
                self.dialogs.prompt = None;
                self.message = Some(tr("dialog-nothing-chosen"));
            }
            Some(Some(paths)) => {
                let question = prompt.question.clone();
                self.dialogs.prompt = None;
                self.dialogs.answer(question, paths);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_name_has_project_what_date_and_extension() {
        let name = suggested_file_name("Duisburg × Huawei", "csv", "csv");
        let date = chrono::Local::now().format("%Y-%m-%d").to_string();
        assert!(name.ends_with(&format!("-csv-{date}.csv")), "{name}");
        assert!(!name.contains(' ') && !name.contains('/'), "{name}");
    }
}
