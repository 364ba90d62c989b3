//! The progress rule, applied to every command a user executes: the first coding a coder makes in
//! a document, or the first codesheet value they give it, marks that document "in progress" for
//! them, in the same undo step. It holds for a
//! coding made in the reader, for bulk coding from search, and for any other path, because the
//! workspace applies it to every command before it runs.

use std::collections::BTreeSet;

use crate::edit::command::Command;
use crate::model::coder::Progress;
use crate::model::corpus::DocId;
use crate::model::project::Project;

/// `command`, plus a [`Command::SetProgress`] to "in progress" for each (coder, document) that it
/// gives a first coding, as one batch; unchanged when there is none.
pub fn with_progress(project: &Project, command: Command) -> Command {
    let mut started: BTreeSet<(String, DocId)> = BTreeSet::new();
    first_codings(project, &command, &mut started);
    if started.is_empty() {
        return command;
    }
    let mut batch = match command {
        Command::Batch(cmds) => cmds,
        other => vec![other],
    };
    batch.extend(
        started
            .into_iter()
            .map(|(coder, document)| Command::SetProgress {
                coder,
                document,
                progress: Progress::InProgress,
            }),
    );
    Command::Batch(batch)
}

/// Collects the (coder, document) pairs that `command` adds a coding or a codesheet value to
/// while the coder has not started the document, unless the command itself sets that document's
/// progress.
fn first_codings(project: &Project, command: &Command, out: &mut BTreeSet<(String, DocId)>) {
    let mut starts = |coder: &String, document: &DocId| {
        let not_started = project
            .coder(coder)
            .is_none_or(|f| f.progress_of(document) == Progress::NotStarted);
        if not_started {
            out.insert((coder.clone(), document.clone()));
        }
    };
    match command {
        Command::AddCoding { coder, coding } => starts(coder, &coding.document),
        Command::SetVariable {
            coder,
            document,
            value: Some(_),
            ..
        } => starts(coder, document),
        Command::Batch(cmds) => {
            cmds.iter().for_each(|c| first_codings(project, c, out));
            for c in cmds {
                if let Command::SetProgress {
                    coder, document, ..
                } = c
                {
                    out.remove(&(coder.clone(), document.clone()));
                }
            }
        }
        _ => {}
    }
}
