//! Review mode's differences as a job: over large compared files (more codings than the
//! agreement figures compute at once) the comparison runs on a worker thread, the list showing
//! the differences known so far until the job is back; a newer change cancels the older job.
//! Small projects are compared in the frame, as before.

use crate::analysis::agreement::documents;

use super::agreement_view::DEFAULT_SYNC_LIMIT;
use super::app::SpanwiseApp;
use super::i18n::tr;
use super::jobs::JobKind;
use super::review::compute_differences;

impl SpanwiseApp {
    /// Brings the list of differences up to date with the project (at once, or by a job).
    pub fn refresh_review(&mut self) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let project = ws.project();
        let Some(k) = self.review.stale_key(project, ws.revision()) else {
            return;
        };
        let chosen = k.1.clone();
        if chosen.len() < 2 {
            let files: Vec<_> = chosen.iter().filter_map(|c| project.coder(c)).collect();
            let choice = documents::choose(project, &files, k.2);
            let error = Some(tr("review-choose-two"));
            return self.review.take_differences(k, (choice, Vec::new(), error));
        }
        let size: usize = chosen
            .iter()
            .filter_map(|c| project.coder(c))
            .map(|f| f.codings.len())
            .sum();
        if size <= DEFAULT_SYNC_LIMIT {
            let computed = compute_differences(project, &chosen, k.2);
            return self.review.take_differences(k, computed);
        }
        // only the compared coders' files travel to the thread (texts are shared, not copied)
        let project = project.with_coders(&chosen);
        self.review.set_pending(k.clone());
        self.jobs.cancel(JobKind::Review);
        self.jobs
            .spawn(JobKind::Review, tr("job-review"), move |progress| {
                let computed = compute_differences(&project, &chosen, k.2);
                let cancelled = progress.is_cancelled();
                Box::new(move |app: &mut SpanwiseApp| {
                    if !cancelled && app.review.is_pending(&k) {
                        app.review.take_differences(k, computed);
                    }
                })
            });
    }
}
