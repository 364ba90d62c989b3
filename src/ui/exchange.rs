//! File → Export… and File → Import .qdpx…: the window's side of `crate::exchange`, which the
//! command line calls too. Both run as jobs ([`super::jobs`]): the window keeps drawing, and
//! either can be cancelled.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use egui::{RichText, Ui};

use crate::exchange::{self, ExportFormat, qdpx_import};
use crate::model::job::JobProgress;

use super::app::SpanwiseApp;
use super::i18n::{tr, tr_args};
use super::jobs::JobKind;

/// The state of the export window.
#[derive(Debug, Clone)]
pub struct ExportPanel {
    /// The chosen format.
    pub format: ExportFormat,
    /// Coders by name, with whether they are included.
    pub coders: BTreeMap<String, bool>,
}

impl SpanwiseApp {
    /// Opens the export window with every coder chosen.
    pub fn open_export_panel(&mut self) {
        self.request_save();
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let coders = ws
            .project()
            .coder_names()
            .into_iter()
            .map(|c| (c, true))
            .collect();
        self.export = Some(ExportPanel {
            format: ExportFormat::Csv,
            coders,
        });
    }

    /// Exports the chosen coders' codings to a file, as a job on a worker thread (streamed into
    /// a temporary file beside `path`, renamed into place when complete; cancelling leaves
    /// `path` as it was). The status bar says how many codings went in when it is done.
    pub fn export_to(
        &mut self,
        path: &Path,
        format: ExportFormat,
        coders: &[String],
    ) -> Option<Arc<JobProgress>> {
        // only the exported coders' codings are copied for the worker (texts are shared)
        let project = self.workspace.as_ref()?.project().with_coders(coders);
        let (path, coders) = (path.to_path_buf(), coders.to_vec());
        let label = tr_args("job-export", &[("format", format.name().into())]);
        let progress = self.jobs.spawn(JobKind::Export, label, move |progress| {
            let result =
                exchange::export_to_file_watched(&project, format, &coders, &path, progress);
            let cancelled = progress.is_cancelled();
            Box::new(move |app: &mut SpanwiseApp| {
                app.message = Some(match result {
                    Ok(n) => tr_args(
                        "exchange-exported",
                        &[
                            ("n", n.into()),
                            ("format", format.name().into()),
                            ("path", path.display().to_string().into()),
                        ],
                    ),
                    Err(_) if cancelled => tr("exchange-export-cancelled"),
                    Err(e) => tr_args("exchange-export-failed", &[("error", e.to_string().into())]),
                })
            })
        });
        Some(progress)
    }

    /// Imports a .qdpx file as a new project in `dest` as a job on a worker thread, and opens it
    /// when it is done; cancelling leaves the open project as it is and nothing in `dest`.
    pub fn import_qdpx(&mut self, file: &Path, dest: &Path) -> Arc<JobProgress> {
        let (file, dest) = (file.to_path_buf(), dest.to_path_buf());
        let label = tr("job-import");
        self.jobs.spawn(JobKind::Import, label, move |progress| {
            let result =
                qdpx_import::import_qdpx_watched(&file, &dest, Default::default(), progress);
            Box::new(move |app: &mut SpanwiseApp| app.imported(result))
        })
    }

    /// The import's result: opens the new project and says what came along.
    fn imported(&mut self, result: Result<qdpx_import::ImportReport, qdpx_import::ImportError>) {
        match result {
            Ok(report) => {
                let mut msg = tr_args(
                    "exchange-imported",
                    &[
                        ("documents", report.documents.into()),
                        ("codes", report.codes.into()),
                        ("codings", report.codings.into()),
                        ("coders", report.coders.len().into()),
                    ],
                );
                if let Some(reading) = report.reading {
                    msg.push_str(&tr_args(
                        "exchange-positions-read-as",
                        &[("reading", reading.to_string().into())],
                    ));
                }
                for (what, lines) in [
                    ("exchange-unplaced", &report.unplaced),
                    ("exchange-without-text", &report.without_text),
                    ("exchange-who-coded", &report.coders_note),
                    ("exchange-not-carried", &report.not_carried),
                ] {
                    if !lines.is_empty() {
                        msg.push_str(&format!("; {}: {}", tr(what), lines.join("; ")));
                    }
                }
                // said once the new project is open (after the open one is saved)
                let open = super::saving::AfterSave::Open(report.project_dir, Some(msg));
                self.save_then(open);
            }
            Err(qdpx_import::ImportError::Cancelled) => {
                self.message = Some(tr("exchange-import-cancelled"))
            }
            Err(e) => {
                self.message = Some(tr_args(
                    "exchange-import-failed",
                    &[("error", e.to_string().into())],
                ))
            }
        }
    }

    pub(super) fn export_window(&mut self, ui: &mut Ui) {
        let Some(panel) = self.export.as_mut() else {
            return;
        };
        match panel.ui(ui) {
            ExportOutcome::Open => {}
            ExportOutcome::Closed => self.export = None,
            ExportOutcome::Export(format, coders) => {
                let project = self
                    .workspace
                    .as_ref()
                    .map_or("spanwise".into(), |w| w.project().name.clone());
                let name = super::dialogs::suggested_file_name(
                    &project,
                    format.name(),
                    format.extension(),
                );
                self.export = None;
                self.dialogs.export_to(format, coders, name);
            }
        }
    }
}

/// What the user did with the export window this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportOutcome {
    /// Still choosing.
    Open,
    /// Closed without exporting.
    Closed,
    /// Export in this format the codings of these coders.
    Export(ExportFormat, Vec<String>),
}

impl ExportPanel {
    /// Draws the window: the format, the coders, and the button that asks where to write.
    pub fn ui(&mut self, ui: &mut Ui) -> ExportOutcome {
        let mut open = true;
        let mut go = false;
        egui::Window::new(tr("window-export"))
            .open(&mut open)
            .collapsible(false)
            .show(ui.ctx(), |ui| {
                ui.label(RichText::new(tr("exchange-format")).strong());
                for f in ExportFormat::ALL {
                    ui.radio_value(&mut self.format, f, format_label(f));
                }
                ui.separator();
                ui.label(RichText::new(tr("exchange-coders")).strong());
                if self.coders.is_empty() {
                    ui.label(tr("exchange-no-coders"));
                }
                for (name, on) in self.coders.iter_mut() {
                    ui.checkbox(on, name.as_str());
                }
                ui.separator();
                let any = self.coders.values().any(|v| *v);
                if ui
                    .add_enabled(any, egui::Button::new(tr("exchange-export-button")))
                    .clicked()
                {
                    go = true;
                }
            });
        if go {
            let coders = self
                .coders
                .iter()
                .filter(|(_, on)| **on)
                .map(|(n, _)| n.clone())
                .collect();
            ExportOutcome::Export(self.format, coders)
        } else if open {
            ExportOutcome::Open
        } else {
            ExportOutcome::Closed
        }
    }
}

fn format_label(f: ExportFormat) -> String {
    tr(match f {
        ExportFormat::Csv => "export-format-csv",
        ExportFormat::Jsonl => "export-format-jsonl",
        ExportFormat::Matrix => "export-format-matrix",
        ExportFormat::W3c => "export-format-w3c",
        ExportFormat::Qdpx => "export-format-qdpx",
        ExportFormat::VariablesCsv => "export-format-variables-csv",
        ExportFormat::VariablesJsonl => "export-format-variables-jsonl",
        ExportFormat::VariablesSps => "export-format-variables-sps",
    })
}

/// Files waiting for the user's answer: they are not UTF-8; decode them as Windows-1252?
#[derive(Debug, Clone)]
pub struct PendingDecode {
    /// The files to add.
    pub files: Vec<std::path::PathBuf>,
    /// What reading them as UTF-8 said.
    pub error: String,
}

impl SpanwiseApp {
    /// Copies text files into the corpus (normalised: no BOM, LF, NFC) and adds them as documents
    /// in one undoable step. A file that is not UTF-8 leads to a question: decode as Windows-1252?
    pub fn add_documents(
        &mut self,
        files: &[std::path::PathBuf],
        decoding: crate::storage::create::Decoding,
    ) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        match crate::storage::create::add_documents(ws.project(), files, decoding) {
            Ok(added) => {
                let n = added.len();
                let steps = added
                    .into_iter()
                    .map(|(meta, text)| crate::edit::command::Command::AddDocument { meta, text })
                    .collect();
                self.execute(crate::edit::command::Command::Batch(steps));
                self.save_now();
                self.message = Some(tr_args("exchange-added", &[("n", n.into())]));
            }
            Err(e)
                if decoding == crate::storage::create::Decoding::Utf8
                    && e.to_string().contains("not UTF-8") =>
            {
                self.pending_decode = Some(PendingDecode {
                    files: files.to_vec(),
                    error: e.to_string(),
                });
            }
            Err(e) => {
                self.message = Some(tr_args(
                    "exchange-none-added",
                    &[("error", e.to_string().into())],
                ))
            }
        }
    }

    pub(super) fn decode_question(&mut self, ui: &mut Ui) {
        let Some(pending) = self.pending_decode.clone() else {
            return;
        };
        let mut answer = None;
        egui::Window::new(tr("window-decode-question"))
            .collapsible(false)
            .show(ui.ctx(), |ui| {
                ui.label(&pending.error);
                ui.label(tr("exchange-windows-1252-hint"));
                ui.horizontal(|ui| {
                    if ui.button(tr("exchange-decode-1252")).clicked() {
                        answer = Some(true);
                    }
                    if ui.button(tr("prompt-cancel")).clicked() {
                        answer = Some(false);
                    }
                });
            });
        if let Some(yes) = answer {
            self.pending_decode = None;
            if yes {
                self.add_documents(
                    &pending.files,
                    crate::storage::create::Decoding::Windows1252,
                );
            }
        }
    }
}
