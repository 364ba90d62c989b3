//! What each change reached, kept for the last few revisions, so views can update what they
//! derive from the change instead of from the whole project: adding a coding on a project of
//! 300,000 codings recounts one document, not all of them.

use std::collections::{BTreeSet, VecDeque};

use crate::edit::command::Command;
use crate::model::corpus::DocId;
use crate::model::project::Project;

/// Revisions kept; a view further behind rebuilds everything.
const KEPT: usize = 256;

/// Which codings a change may have changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// No coding (a memo, a progress mark, a codesheet value).
    NoCodings,
    /// The codings of these coders in these documents.
    Documents(BTreeSet<(String, DocId)>),
    /// Anything (the codebook, the corpus or the codesheet changed).
    Everything,
}

impl Reach {
    /// What `command` may change, read before it is applied to `project`.
    pub fn of(command: &Command, project: &Project) -> Reach {
        let mut docs = BTreeSet::new();
        if collect(command, project, &mut docs) {
            if docs.is_empty() {
                Reach::NoCodings
            } else {
                Reach::Documents(docs)
            }
        } else {
            Reach::Everything
        }
    }

    fn merge(&mut self, other: &Reach) {
        match (&mut *self, other) {
            (Reach::Everything, _) | (_, Reach::NoCodings) => {}
            (_, Reach::Everything) => *self = Reach::Everything,
            (Reach::NoCodings, Reach::Documents(d)) => *self = Reach::Documents(d.clone()),
            (Reach::Documents(mine), Reach::Documents(d)) => mine.extend(d.iter().cloned()),
        }
    }
}

/// Adds the (coder, document) pairs a command reaches; false when it may reach anything.
fn collect(command: &Command, project: &Project, out: &mut BTreeSet<(String, DocId)>) -> bool {
    let old_document = |coder: &str, id| {
        project
            .coder(coder)
            .and_then(|f| f.get(id))
            .map(|c| c.document.clone())
    };
    match command {
        Command::AddCoding { coder, coding } => {
            out.insert((coder.clone(), coding.document.clone()));
        }
        Command::ReplaceCoding { coder, coding } => {
            out.insert((coder.clone(), coding.document.clone()));
            if let Some(doc) = old_document(coder, coding.id) {
                out.insert((coder.clone(), doc));
            }
        }
        Command::RemoveCoding { coder, id } => match old_document(coder, *id) {
            Some(doc) => {
                out.insert((coder.clone(), doc));
            }
            None => return false,
        },
        Command::SetProjectMemo(_)
        | Command::SetDocumentMemo { .. }
        | Command::SetProgress { .. }
        | Command::SetVariable { .. } => {}
        Command::Batch(steps) => return steps.iter().all(|s| collect(s, project, out)),
        _ => return false,
    }
    true
}

/// The reach of the last [`KEPT`] revisions.
#[derive(Debug, Default)]
pub struct Journal {
    entries: VecDeque<(u64, Reach)>,
}

impl Journal {
    /// Notes that the change to `revision` reached `reach`.
    pub fn record(&mut self, revision: u64, reach: Reach) {
        if self.entries.len() == KEPT {
            self.entries.pop_front();
        }
        self.entries.push_back((revision, reach));
    }

    /// What every change after `since` up to `now` reached together; `Everything` when the
    /// journal does not go back that far.
    pub fn since(&self, since: u64, now: u64) -> Reach {
        if since == now {
            return Reach::NoCodings;
        }
        let covered = self
            .entries
            .front()
            .is_some_and(|(first, _)| *first <= since + 1)
            && self.entries.back().is_some_and(|(last, _)| *last == now);
        if !covered || since > now {
            return Reach::Everything;
        }
        let mut reach = Reach::NoCodings;
        for (_, r) in self.entries.iter().filter(|(rev, _)| *rev > since) {
            reach.merge(r);
        }
        reach
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(pairs: &[(&str, &str)]) -> Reach {
        Reach::Documents(
            pairs
                .iter()
                .map(|(c, d)| (c.to_string(), DocId(d.to_string())))
                .collect(),
        )
    }

    #[test]
    fn the_reach_since_a_revision_is_the_union_of_the_changes_after_it() {
        let mut j = Journal::default();
        j.record(1, docs(&[("anna", "a")]));
        j.record(2, Reach::NoCodings);
        j.record(3, docs(&[("anna", "b")]));
        assert_eq!(j.since(3, 3), Reach::NoCodings);
        assert_eq!(j.since(2, 3), docs(&[("anna", "b")]));
        assert_eq!(j.since(0, 3), docs(&[("anna", "a"), ("anna", "b")]));
        assert_eq!(j.since(0, 4), Reach::Everything, "a change not noted");
        j.record(4, Reach::Everything);
        assert_eq!(j.since(3, 4), Reach::Everything);
    }

    #[test]
    fn a_view_further_behind_than_the_journal_rebuilds_everything() {
        let mut j = Journal::default();
        for rev in 1..=(KEPT as u64 + 10) {
            j.record(rev, docs(&[("anna", "a")]));
        }
        assert_eq!(j.since(0, KEPT as u64 + 10), Reach::Everything);
        assert_eq!(j.since(20, KEPT as u64 + 10), docs(&[("anna", "a")]));
    }
}
