//! A coder's working session on a project: commands, undo/redo, and what is unsaved.
//!
//! The GUI, the CLI and the tests all change a project through [`Workspace::execute`], so undo,
//! autosave and the dirty flag see every change.

pub mod journal;
mod typing;

pub use crate::edit::draft::{Draft, TextTarget};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::anchor::{self, NeedsAttention};
use crate::edit::command::{Command, CommandError};
use crate::model::coder::coder_file_stem;
use crate::model::coding::CodingId;
use crate::model::project::Project;
use crate::model::span::Span;
use crate::storage::lock::{CoderLock, LockError};
use crate::storage::{self, StorageError};

/// A project opened by one coder.
#[derive(Debug)]
pub struct Workspace {
    /// The project (read it with [`Workspace::project`]; change it with commands).
    project: Project,
    coder: String,
    undo: Vec<Command>,
    redo: Vec<Command>,
    dirty: BTreeSet<String>,
    project_dirty: bool,
    /// Bumped on every change, so views can tell when to rebuild what they derive.
    revision: u64,
    /// The lock on this coder's file, when the session holds it.
    lock: Option<CoderLock>,
    /// Why the session may not write, besides an unreadable coder file (e.g. a lock held
    /// elsewhere).
    read_only: Option<String>,
    /// Text being typed into a memo or field, not yet a command.
    draft: Option<Draft>,
    /// Bumped on every change and every keystroke of a draft (for the autosave timer).
    edits: u64,
    /// Document memos of an older `project.ron` copied into this coder's file on opening.
    adopted_memos: usize,
    /// What the recent changes reached, for views that update from the change.
    journal: journal::Journal,
}

impl Workspace {
    /// Opens a project folder for a coder without taking the coder lock (for viewing, tests and
    /// tools; the GUI codes through [`Workspace::open_for_coding`]).
    pub fn open(root: &Path, coder: &str) -> Result<Self, StorageError> {
        Ok(Self::new(storage::load_project(root)?, coder))
    }

    /// Opens a project folder for coding: takes the coder's lock; when another live session holds
    /// it, the workspace opens read-only and [`Workspace::read_only_reason`] names the holder.
    pub fn open_for_coding(root: &Path, coder: &str) -> Result<Self, StorageError> {
        let project = storage::load_project(root)?;
        let mut ws = Self::new(project, coder);
        match CoderLock::acquire(root, coder) {
            Ok(lock) => ws.lock = Some(lock),
            Err(LockError::Held { holder, .. }) => {
                ws.read_only = Some(format!(
                    "coder `{}` is already being coded by {holder}; this window is read-only",
                    ws.coder
                ));
                ws.dirty.clear();
            }
            Err(LockError::Storage(e)) => return Err(e),
        }
        Ok(ws)
    }

    /// Wraps a loaded project. Codings of this coder that loading moved (changed texts) or
    /// migrated count as unsaved changes.
    pub fn new(project: Project, coder: &str) -> Self {
        let coder = coder.trim().to_string();
        let stem = coder_file_stem(&coder);
        let integrity = &project.integrity;
        let changed = integrity.anchoring.moved.iter().any(|m| m.coder == stem)
            || integrity.migrated.contains_key(&stem);
        let dirty = if changed && !project.is_unreadable(&coder) {
            BTreeSet::from([coder.clone()])
        } else {
            BTreeSet::new()
        };
        let mut ws = Self {
            project,
            coder,
            undo: Vec::new(),
            redo: Vec::new(),
            dirty,
            project_dirty: false,
            revision: 0,
            lock: None,
            read_only: None,
            draft: None,
            edits: 0,
            adopted_memos: 0,
            journal: journal::Journal::default(),
        };
        ws.adopt_legacy_memos();
        ws
    }

    /// Copies the document memos an older `project.ron` holds into this coder's file (where the
    /// coder has none of their own), to be written with the coder's next save. `project.ron`
    /// keeps them: it is not this coder's to rewrite, and nothing is dropped.
    fn adopt_legacy_memos(&mut self) {
        if self.coder.is_empty() || self.project.is_unreadable(&self.coder) {
            return;
        }
        let legacy: Vec<_> = self
            .project
            .corpus
            .documents
            .iter()
            .filter(|d| !d.meta.memo.is_empty())
            .map(|d| (d.meta.id.clone(), d.meta.memo.clone()))
            .collect();
        if legacy.is_empty() {
            return;
        }
        let memos = &mut self.project.coder_mut(&self.coder).document_memos;
        for (doc, memo) in legacy {
            if let std::collections::btree_map::Entry::Vacant(e) = memos.entry(doc) {
                e.insert(memo);
                self.adopted_memos += 1;
            }
        }
        if self.adopted_memos > 0 {
            self.dirty.insert(self.coder.clone());
        }
    }

    /// How many document memos of an older `project.ron` were copied into this coder's file
    /// when the project was opened (written with the next save).
    pub fn adopted_memos(&self) -> usize {
        self.adopted_memos
    }

    /// A counter that changes with every change to the project and every keystroke of a draft.
    pub fn edits(&self) -> u64 {
        self.edits
    }

    /// The project as loaded and as this session's commands changed it.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The coder lock this session holds, if it holds one.
    pub fn lock(&self) -> Option<&CoderLock> {
        self.lock.as_ref()
    }

    /// The coder whose file this session writes.
    pub fn coder(&self) -> &str {
        &self.coder
    }

    /// Why this session may not write the coder's file, if it may not.
    pub fn read_only_reason(&self) -> Option<String> {
        if let Some(reason) = &self.read_only {
            return Some(reason.clone());
        }
        self.project.is_unreadable(&self.coder).then(|| {
            match self.project.unread_reason(&self.coder) {
                // the reason names the file with line and column already
                Some(why) => format!("coding is disabled until the file is fixed: {why}"),
                None => format!(
                    "{} could not be read: coding is disabled until it is fixed",
                    self.project.coder_path(&self.coder).display()
                ),
            }
        })
    }

    /// [`Workspace::read_only_reason`] in a few words, for a status line: names the coder file
    /// once, without the details the problems list gives.
    pub fn read_only_summary(&self) -> Option<String> {
        if self.read_only.is_some() || !self.project.is_unreadable(&self.coder) {
            return self.read_only_reason();
        }
        Some(format!(
            "coding/{}.ron could not be read fully; coding is disabled until it is fixed (see the problems list)",
            crate::model::coder::coder_file_stem(&self.coder)
        ))
    }

    /// True when the session may not change or save anything.
    pub fn is_read_only(&self) -> bool {
        self.read_only_reason().is_some()
    }

    /// Codings that could not be placed in a changed text, all coders'.
    pub fn attention(&self) -> &[NeedsAttention] {
        &self.project.integrity.anchoring.attention
    }

    /// Codings of this session's coder that need attention.
    pub fn my_attention(&self) -> impl Iterator<Item = &NeedsAttention> + '_ {
        let stem = self.coder_stem();
        self.attention().iter().filter(move |a| a.coder == stem)
    }

    /// Resolves a coding that needs attention by placing it at `span` (its quote is taken from
    /// the text there); one undo step.
    pub fn place_attention(&mut self, id: CodingId, span: Span) -> Result<(), CommandError> {
        let mut coding = self.own_coding(id)?;
        coding.start = span.start;
        coding.end = span.end;
        self.execute(Command::ReplaceCoding {
            coder: self.coder.clone(),
            coding,
        })
    }

    /// Resolves a coding that needs attention by deleting it; one undo step.
    pub fn delete_attention(&mut self, id: CodingId) -> Result<(), CommandError> {
        self.own_coding(id)?;
        self.execute(Command::RemoveCoding {
            coder: self.coder.clone(),
            id,
        })
    }

    fn own_coding(&self, id: CodingId) -> Result<crate::model::coding::Coding, CommandError> {
        self.project
            .coder(&self.coder)
            .and_then(|f| f.get(id))
            .cloned()
            .ok_or_else(|| CommandError::UnknownCoding {
                coder: self.coder.clone(),
                id,
            })
    }

    /// A counter that changes whenever the project changes.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Which codings the changes after revision `since` may have changed (`Everything` when
    /// that is too far back to tell).
    pub fn reach_since(&self, since: u64) -> journal::Reach {
        self.journal.since(since, self.revision)
    }

    /// Applies a command as one undo step; refused when the session is read-only.
    pub fn execute(&mut self, command: Command) -> Result<(), CommandError> {
        if let Some(reason) = self.read_only_reason() {
            return Err(CommandError::ReadOnly(reason));
        }
        // what was typed before this command comes first in the undo history
        self.commit_draft()?;
        let command = crate::edit::progress::with_progress(&self.project, command);
        let inverse = self.apply(command, true)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(())
    }

    fn apply(&mut self, command: Command, check: bool) -> Result<Command, CommandError> {
        let coders: Vec<String> = command.coders().iter().map(|c| c.to_string()).collect();
        let project_file = command.changes_project_file();
        let mut touched = Vec::new();
        touched_codings(&command, &mut touched);
        let reach = journal::Reach::of(&command, &self.project);
        let inverse = if check {
            self.project.apply(command)?
        } else {
            self.project.restore(command)?
        };
        for (coder, id) in touched {
            anchor::refresh_attention(&mut self.project, &coder_file_stem(&coder), id);
        }
        self.dirty.extend(coders);
        self.project_dirty |= project_file;
        self.revision += 1;
        self.journal.record(self.revision, reach);
        self.edits += 1;
        Ok(inverse)
    }

    /// Undoes the last step; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Redoes the last undone step; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, undo: bool) -> bool {
        if self.commit_draft().is_err() {
            return false;
        }
        let stack = if undo { &mut self.undo } else { &mut self.redo };
        let Some(cmd) = stack.pop() else {
            return false;
        };
        let inverse = self
            .apply(cmd, false)
            .expect("the inverse of an applied command applies");
        if undo {
            self.redo.push(inverse);
        } else {
            self.undo.push(inverse);
        }
        true
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// True when some change is not yet on disk.
    pub fn is_dirty(&self) -> bool {
        !self.dirty.is_empty() || self.project_dirty || self.draft_pending()
    }

    /// Writes every coder file with unsaved changes (and the text being typed); returns the
    /// paths written. Refused when the
    /// session is read-only or its lock was taken over by another session.
    pub fn save(&mut self) -> Result<Vec<PathBuf>, StorageError> {
        let mut written = self.begin_save()?;
        let saves = std::mem::take(&mut written.coders);
        for save in saves {
            let coder = save.coder().to_string();
            match save.write() {
                Ok(path) => written.paths.push(path),
                Err(e) => {
                    self.save_failed(&[coder]);
                    return Err(e);
                }
            }
        }
        Ok(written.paths)
    }

    /// Starts a save: checks it is allowed, writes `project.ron` if it changed (small), and takes
    /// the changed coder files, ready to be written (perhaps on another thread) with
    /// [`storage::CoderSave::write`]. They count as saved from now on; report failures with
    /// [`Workspace::save_failed`].
    pub fn begin_save(&mut self) -> Result<SaveBatch, StorageError> {
        let mut batch = SaveBatch::default();
        if self.draft_pending() {
            self.flush_draft().map_err(|e| StorageError::Refused {
                path: self.project.coder_path(&self.coder),
                reason: format!("the text being typed could not be stored: {e}"),
            })?;
        }
        if self.dirty.is_empty() && !self.project_dirty {
            return Ok(batch);
        }
        if let Some(reason) = self.read_only_reason() {
            return Err(StorageError::Refused {
                path: self.project.coder_path(&self.coder),
                reason,
            });
        }
        if let Some(lock) = &self.lock
            && !lock.is_held()
        {
            return Err(StorageError::Refused {
                path: self.project.coder_path(&self.coder),
                reason: format!(
                    "the lock {} was taken over by another session; not saving over its work",
                    lock.path().display()
                ),
            });
        }
        // every coder file is written under its coder's lock: this session's own, or (for the
        // consensus file adjudication writes, say) one taken for the write; all are taken before
        // anything is written or marked saved
        let dirty: Vec<String> = self.dirty.iter().cloned().collect();
        let mut saves = Vec::with_capacity(dirty.len());
        for coder in &dirty {
            let mut save = storage::prepare_coder_save(&self.project, coder)?;
            let own = self.lock.is_some() && coder_file_stem(coder) == self.coder_stem();
            if !own {
                save = save.under(storage::lock_for_writing(&self.project.root, coder)?);
            }
            saves.push(save);
        }
        if self.project_dirty {
            storage::save_project_file(&self.project)?;
            self.project_dirty = false;
            batch.paths.push(self.project.project_file_path());
        }
        for coder in dirty {
            self.dirty.remove(&coder);
            self.project
                .integrity
                .migrated
                .remove(&coder_file_stem(&coder));
        }
        batch.coders = saves;
        Ok(batch)
    }

    /// Marks coders unsaved again after their file could not be written.
    pub fn save_failed(&mut self, coders: &[String]) {
        self.dirty.extend(coders.iter().cloned());
    }

    /// The file stem of this session's coder.
    pub fn coder_stem(&self) -> String {
        coder_file_stem(&self.coder)
    }
}

/// The (coder, coding) pairs a command changes.
fn touched_codings(command: &Command, out: &mut Vec<(String, CodingId)>) {
    match command {
        Command::AddCoding { coder, coding } | Command::ReplaceCoding { coder, coding } => {
            out.push((coder.clone(), coding.id));
        }
        Command::RemoveCoding { coder, id } => out.push((coder.clone(), *id)),
        Command::Batch(cmds) => cmds.iter().for_each(|c| touched_codings(c, out)),
        _ => {}
    }
}

/// The work of one save: files already written and coder files still to write.
#[derive(Debug, Default)]
pub struct SaveBatch {
    /// Files written by [`Workspace::begin_save`] itself (`project.ron`).
    pub paths: Vec<PathBuf>,
    /// Coder files to write.
    pub coders: Vec<storage::CoderSave>,
}
