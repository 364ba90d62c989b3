//! Native file dialogs (rfd). They run on their own thread so the window keeps painting; their
//! answers come back through a channel and are acted on at the start of the next frame. Tests
//! never open one: they call the functions the answers lead to.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::exchange::ExportFormat;

use super::app::SpanwiseApp;

/// What a dialog answered (`None`: cancelled, or no dialog available on this system).
#[derive(Debug)]
pub(super) enum DialogResult {
    OpenProject(Option<PathBuf>),
    NewProjectSource(Option<PathBuf>),
    NewProjectDest(PathBuf, Option<PathBuf>),
    ExportTo(ExportFormat, Vec<String>, Option<PathBuf>),
    ImportFile(Option<PathBuf>),
    ImportDest(PathBuf, Option<PathBuf>),
    AddDocuments(Vec<PathBuf>),
    SegmentsCsv(Option<PathBuf>),
    ReportHtml(Option<PathBuf>),
}

/// The channel dialog threads answer on.
pub(super) struct Dialogs {
    tx: Sender<DialogResult>,
    rx: Receiver<DialogResult>,
}

impl Default for Dialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self { tx, rx }
    }
}

impl Dialogs {
    fn spawn(&self, ask: impl FnOnce() -> DialogResult + Send + 'static) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(ask());
        });
    }

    fn pick_folder(title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).pick_folder()
    }

    /// Asks for a project folder to open.
    pub fn open_project(&self) {
        self.spawn(|| {
            DialogResult::OpenProject(Self::pick_folder("Open a Spanwise project folder"))
        });
    }

    /// Asks for a folder of .txt files to make a project from.
    pub fn new_project_source(&self) {
        self.spawn(|| {
            DialogResult::NewProjectSource(Self::pick_folder("Choose a folder of .txt files"))
        });
    }

    fn new_project_dest(&self, src: PathBuf) {
        self.spawn(move || {
            let dest = Self::pick_folder("Choose an empty folder for the new project");
            DialogResult::NewProjectDest(src, dest)
        });
    }

    /// Asks where to write an export.
    pub fn export_to(&self, format: ExportFormat, coders: Vec<String>, suggested: String) {
        self.spawn(move || {
            let path = rfd::FileDialog::new()
                .set_title("Export codings")
                .set_file_name(suggested)
                .add_filter(format.name(), &[format.extension()])
                .save_file();
            DialogResult::ExportTo(format, coders, path)
        });
    }

    /// Asks for a .qdpx file to import.
    pub fn import_qdpx_file(&self) {
        self.spawn(|| {
            let file = rfd::FileDialog::new()
                .set_title("Import a REFI-QDA project")
                .add_filter("REFI-QDA project", &["qdpx"])
                .pick_file();
            DialogResult::ImportFile(file)
        });
    }

    /// Asks for text files to add to the corpus.
    pub fn add_documents(&self) {
        self.spawn(|| {
            let files = rfd::FileDialog::new()
                .set_title("Add text files to the corpus")
                .add_filter("Plain text", &["txt"])
                .pick_files()
                .unwrap_or_default();
            DialogResult::AddDocuments(files)
        });
    }

    /// Asks where to write the coded-segments list as CSV.
    pub fn segments_csv(&self, suggested: String) {
        self.spawn(move || {
            let path = rfd::FileDialog::new()
                .set_title("Export coded segments")
                .set_file_name(suggested)
                .add_filter("CSV", &["csv"])
                .save_file();
            DialogResult::SegmentsCsv(path)
        });
    }

    /// Asks where to write the reliability report.
    pub fn report_html(&self, suggested: String) {
        self.spawn(move || {
            let path = rfd::FileDialog::new()
                .set_title("Save the reliability report")
                .set_file_name(suggested)
                .add_filter("HTML", &["html"])
                .save_file();
            DialogResult::ReportHtml(path)
        });
    }

    fn import_dest(&self, file: PathBuf) {
        self.spawn(move || {
            let dest = Self::pick_folder("Choose an empty folder for the imported project");
            DialogResult::ImportDest(file, dest)
        });
    }
}

impl SpanwiseApp {
    /// Acts on the answers of dialogs that have closed.
    pub(super) fn poll_dialogs(&mut self) {
        while let Ok(result) = self.dialogs.rx.try_recv() {
            match result {
                DialogResult::OpenProject(Some(path)) => self.open_project(&path),
                DialogResult::NewProjectSource(Some(src)) => self.dialogs.new_project_dest(src),
                DialogResult::NewProjectDest(src, Some(dest)) => self.create_project(&src, &dest),
                DialogResult::ExportTo(format, coders, Some(path)) => {
                    self.export_to(&path, format, &coders);
                }
                DialogResult::ImportFile(Some(file)) => self.dialogs.import_dest(file),
                DialogResult::ImportDest(file, Some(dest)) => self.import_qdpx(&file, &dest),
                DialogResult::AddDocuments(files) if !files.is_empty() => {
                    self.add_documents(&files, crate::storage::create::Decoding::Utf8);
                }
                DialogResult::SegmentsCsv(Some(path)) => {
                    self.export_segments_csv(&path);
                }
                DialogResult::ReportHtml(Some(path)) => self.save_report(&path),
                _ => self.message = Some(NO_DIALOG.into()),
            }
        }
    }
}

const NO_DIALOG: &str = "Nothing chosen. (If no dialog appeared, this system has no file dialog: \
    install xdg-desktop-portal or zenity, or use the command line: spanwise --help.)";
