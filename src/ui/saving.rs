//! Saving in the background: the project is snapshotted on the UI thread (cheap), and the
//! files are formatted and written atomically on a worker thread, so a coder of a large project
//! never waits for a save. Autosave and Ctrl+S both go this way; a Ctrl+S while a save runs
//! queues one more, so no change is lost. Quitting and opening another project wait for the
//! running save, save what is left, and only then close or switch (see [`AfterSave`]): the
//! window keeps drawing meanwhile and the status bar says "Saving…".

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use super::app::{SaveState, SpanwiseApp, not_changed, saved_message};
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

/// What waits for everything to be on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterSave {
    /// Close the window (File → Quit, Ctrl+Q, the window's close).
    Quit,
    /// Open this project folder, then say this (what an import brought), if anything.
    Open(PathBuf, Option<String>),
}

/// The saves under way and what waits for them.
#[derive(Debug, Default)]
pub struct SaveWork {
    /// The background save being written, if any.
    running: Option<Receiver<SaveOutcome>>,
    /// Ctrl+S was pressed while a save ran: save again when it is done.
    queued: bool,
    /// What to do once everything is on disk.
    then: Option<AfterSave>,
}

impl SaveWork {
    /// Whether a save is being written.
    pub fn running(&self) -> bool {
        self.running.is_some()
    }

    /// What waits for the saves, if anything.
    pub fn waiting(&self) -> Option<&AfterSave> {
        self.then.as_ref()
    }
}

impl SpanwiseApp {
    /// Starts writing unsaved changes on a worker thread (one save at a time).
    pub fn save_in_background(&mut self) {
        if self.saving.running.is_some() {
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
        self.saving.running = Some(rx);
        self.last_change = None;
    }

    /// Ctrl+S: saves in the background; while a save runs, queues one more after it. "Saved"
    /// shows when the outcome is back, that is when the bytes are on disk.
    pub fn request_save(&mut self) {
        if self.saving.running.is_some() {
            self.saving.queued = true;
        } else if self.workspace.as_ref().is_some_and(|w| w.is_dirty()) {
            self.save_in_background();
        }
    }

    /// Saves everything, then does `then`; the window keeps drawing meanwhile.
    pub(super) fn save_then(&mut self, then: AfterSave) {
        self.commit_typing();
        // a failure before this point is tried again: its coders are unsaved again
        self.save_error = None;
        self.saving.then = Some(then);
    }

    /// Whether everything is on disk and nothing is being written.
    pub fn all_saved(&self) -> bool {
        self.save_state() == SaveState::Saved
    }

    /// The state shown in the status bar.
    pub fn save_state(&self) -> SaveState {
        if let Some(e) = &self.save_error {
            return SaveState::Failed(e.clone());
        }
        if self.saving.running.is_some() || self.saving.then.is_some() {
            return SaveState::Saving;
        }
        match &self.workspace {
            Some(ws) if ws.is_dirty() => SaveState::Unsaved,
            _ => SaveState::Saved,
        }
    }

    /// Each frame: takes the result of a finished background save, starts the queued one, and
    /// drives what waits for the saves.
    pub(super) fn poll_background_save(&mut self, ctx: &egui::Context) {
        if let Some(rx) = &self.saving.running {
            match rx.try_recv() {
                Ok(outcome) => {
                    self.saving.running = None;
                    self.apply_outcome(outcome);
                    if std::mem::take(&mut self.saving.queued) {
                        self.request_save();
                    }
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.saving.running = None;
                    self.save_error = Some(tr("save-stopped"));
                }
            }
        }
        self.drive_after_save();
        if self.saving.running.is_some() {
            ctx.request_repaint_after(Duration::from_millis(30));
        }
    }

    /// Waits for what waits for the saves: saves what is left once the running save is back,
    /// and does the waiting thing when all is on disk (or reports why it was not done).
    fn drive_after_save(&mut self) {
        if self.saving.then.is_none() || self.saving.running.is_some() {
            return;
        }
        if let Some(error) = self.save_error.clone() {
            let then = self.saving.then.take().expect("checked above");
            return self.after_save_failed(then, error);
        }
        if self.workspace.as_ref().is_some_and(|w| w.is_dirty()) {
            self.save_in_background();
            if self.saving.running.is_none() && self.save_error.is_none() {
                let then = self.saving.then.take().expect("checked above");
                self.after_save_failed(then, tr("quit-some-unsaved"));
            }
            return;
        }
        if self.saving.then == Some(AfterSave::Quit) && !self.jobs.is_empty() {
            // an export or import cut off by the process's end would leave its temporary
            // files: cancelled, they clean up, and the window closes when they are back
            return self.jobs.cancel_all();
        }
        match self.saving.then.take().expect("checked above") {
            AfterSave::Quit => self.quit_saved(),
            AfterSave::Open(path, said) => {
                self.open_project_now(&path);
                if said.is_some() && self.open_error.is_none() {
                    self.message = said;
                }
            }
        }
    }

    fn after_save_failed(&mut self, then: AfterSave, error: String) {
        match then {
            AfterSave::Quit => self.quit_failed(error),
            AfterSave::Open(..) => self.message = Some(not_changed(&error)),
        }
    }

    /// Saves unsaved changes now and waits for the bytes (blocks: for leaving the app after
    /// its window is gone, and for tests); errors are kept for the status bar.
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
                let said = saved_message(&paths);
                self.saved_at_edits = Some((ws.edits(), said.clone()));
                self.message = Some(said);
            }
            Err(e) => self.save_error = Some(e.to_string()),
        }
    }

    /// Waits for a background save under way.
    fn finish_background_save(&mut self) {
        if let Some(rx) = self.saving.running.take()
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

impl SpanwiseApp {
    /// Whether a save or a job runs, or something waits for a save (tests step frames until
    /// this is false).
    pub fn busy(&self) -> bool {
        self.saving.running() || self.saving.waiting().is_some() || !self.jobs.is_empty()
    }
}
