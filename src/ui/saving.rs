//! Autosave in the background: the project is snapshotted on the UI thread (cheap), and the
//! files are formatted and written atomically on a worker thread, so a coder of a large project
//! never waits for a save. Ctrl+S, opening another project and quitting save synchronously.

use std::path::PathBuf;
use std::sync::mpsc::{TryRecvError, channel};

use super::app::{SpanwiseApp, saved_message};
use super::i18n::tr;

/// What a background save did.
#[derive(Debug)]
pub struct SaveOutcome {
    /// Files written.
    pub paths: Vec<PathBuf>,
    /// Coders whose file could not be written (they are unsaved again).
    pub failed: Vec<String>,
    /// The first error, for the status bar.
    pub error: Option<String>,
}

impl SpanwiseApp {
    /// Starts writing unsaved changes on a worker thread (one save at a time).
    pub fn save_in_background(&mut self) {
        if self.saving.is_some() {
            return;
        }
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        let batch = match ws.begin_save() {
            Ok(batch) => batch,
            Err(e) => {
                self.save_error = Some(e.to_string());
                return;
            }
        };
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut outcome = SaveOutcome {
                paths: batch.paths,
                failed: Vec::new(),
                error: None,
            };
            for save in batch.coders {
                let coder = save.coder().to_string();
                match save.write() {
                    Ok(path) => outcome.paths.push(path),
                    Err(e) => {
                        outcome.failed.push(coder);
                        outcome.error.get_or_insert(e.to_string());
                    }
                }
            }
            let _ = tx.send(outcome);
        });
        self.saving = Some(rx);
        self.last_change = None;
    }

    /// Takes the result of a finished background save.
    pub(super) fn poll_background_save(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.saving else {
            return;
        };
        match rx.try_recv() {
            Ok(outcome) => {
                self.saving = None;
                self.apply_outcome(outcome);
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50))
            }
            Err(TryRecvError::Disconnected) => {
                self.saving = None;
                self.save_error = Some(tr("save-stopped"));
            }
        }
    }

    /// Waits for a background save under way (before a synchronous save or quitting).
    pub(super) fn finish_background_save(&mut self) {
        if let Some(rx) = self.saving.take()
            && let Ok(outcome) = rx.recv()
        {
            self.apply_outcome(outcome);
        }
    }

    fn apply_outcome(&mut self, outcome: SaveOutcome) {
        if let Some(ws) = self.workspace.as_mut() {
            ws.save_failed(&outcome.failed);
        }
        match outcome.error {
            Some(e) => self.save_error = Some(e),
            None => {
                self.save_error = None;
                let said = saved_message(&outcome.paths);
                self.saved_at_edits = self.workspace.as_ref().map(|w| (w.edits(), said.clone()));
                self.message = Some(said);
            }
        }
    }
}
