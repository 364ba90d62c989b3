//! Long work off the UI thread: an export, a `.qdpx` import, a search over a large corpus runs
//! as a job on a worker thread. A job has a label, a progress counter and a cancel flag
//! ([`JobProgress`], shared with the worker), and hands its result back as a closure that the
//! frame runs on the app (one `try_recv` per job and frame, never a wait). A job that runs over
//! half a second shows in the status bar with its progress and a Cancel button.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use egui::Ui;

use crate::model::job::JobProgress;

use super::app::SpanwiseApp;
use super::i18n::{tr, tr_args};

/// How long a job runs before the status bar shows it with a Cancel button.
pub const SHOW_AFTER: Duration = Duration::from_millis(500);

/// What a finished job does to the app, run on the UI thread.
pub type JobDone = Box<dyn FnOnce(&mut SpanwiseApp) + Send>;

/// What a job is, so a new one of the same kind can replace it (a new search query).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Writing an export file.
    Export,
    /// Reading a `.qdpx` into a new project.
    Import,
    /// Searching the corpus.
    Search,
    /// Comparing coders for review mode.
    Review,
}

/// One job under way.
struct Job {
    kind: JobKind,
    label: String,
    progress: Arc<JobProgress>,
    started: Instant,
    done: Receiver<JobDone>,
}

/// The jobs under way.
#[derive(Default)]
pub struct Jobs {
    running: Vec<Job>,
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.running.iter().map(|j| (&j.label, j.kind)))
            .finish()
    }
}

impl Jobs {
    /// Starts `work` on a worker thread; what it returns runs on the app when it is done.
    pub fn spawn(
        &mut self,
        kind: JobKind,
        label: String,
        work: impl FnOnce(&JobProgress) -> JobDone + Send + 'static,
    ) -> Arc<JobProgress> {
        let progress = JobProgress::shared();
        let (tx, rx) = channel();
        let shared = Arc::clone(&progress);
        std::thread::spawn(move || {
            let _ = tx.send(work(&shared));
        });
        self.running.push(Job {
            kind,
            label,
            progress: Arc::clone(&progress),
            started: Instant::now(),
            done: rx,
        });
        progress
    }

    /// Whether no job runs.
    pub fn is_empty(&self) -> bool {
        self.running.is_empty()
    }

    /// Whether a job of this kind runs.
    pub fn runs(&self, kind: JobKind) -> bool {
        self.running.iter().any(|j| j.kind == kind)
    }

    /// Asks every job of this kind to stop (their results still come back, and say so).
    pub fn cancel(&self, kind: JobKind) {
        for job in self.running.iter().filter(|j| j.kind == kind) {
            job.progress.cancel();
        }
    }

    /// Asks every job to stop.
    pub fn cancel_all(&self) {
        self.running.iter().for_each(|j| j.progress.cancel());
    }

    /// The labels of the jobs under way.
    pub fn labels(&self) -> Vec<String> {
        self.running.iter().map(|j| j.label.clone()).collect()
    }
}

impl SpanwiseApp {
    /// Each frame: runs the results of finished jobs on the app, and keeps frames coming while
    /// jobs run (so their results and progress show without a mouse move).
    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        let mut finished = Vec::new();
        self.jobs.running.retain(|job| match job.done.try_recv() {
            Ok(done) => {
                finished.push(Ok(done));
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                finished.push(Err(job.label.clone()));
                false
            }
        });
        for done in finished {
            match done {
                Ok(done) => done(self),
                Err(label) => {
                    self.message = Some(tr_args("job-stopped", &[("job", label.into())]));
                }
            }
        }
        if !self.jobs.is_empty() {
            ctx.request_repaint_after(Duration::from_millis(30));
        }
    }

    /// The status bar's part: each job running over half a second, its progress and Cancel.
    pub(super) fn jobs_status(&mut self, ui: &mut Ui) {
        for job in &self.jobs.running {
            if job.started.elapsed() < SHOW_AFTER {
                continue;
            }
            ui.separator();
            let (done, total) = job.progress.done_of_total();
            if job.progress.is_cancelled() {
                ui.label(tr_args("job-cancelling", &[("job", (&job.label).into())]));
                continue;
            }
            ui.spinner();
            if total > 0 {
                let part = (done as f32 / total as f32).min(1.0);
                ui.add(
                    egui::ProgressBar::new(part)
                        .desired_width(120.0)
                        .text(job.label.as_str()),
                );
            } else {
                ui.label(tr_args(
                    "job-running",
                    &[
                        ("job", (&job.label).into()),
                        ("mb", format!("{:.1}", done as f64 / 1e6).into()),
                    ],
                ));
            }
            if ui
                .button(tr("job-cancel"))
                .on_hover_text(tr("job-cancel-hint"))
                .clicked()
            {
                job.progress.cancel();
            }
        }
    }
}
