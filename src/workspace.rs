//! A coder's working session on a project: commands, undo/redo, and what is unsaved.
//!
//! The GUI, the CLI and the tests all change a project through [`Workspace::execute`], so undo,
//! autosave and the dirty flag see every change.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::coder::coder_file_stem;
use crate::command::{Command, CommandError};
use crate::project::Project;
use crate::storage::{self, StorageError};

/// A project opened by one coder.
#[derive(Debug)]
pub struct Workspace {
    /// The project.
    pub project: Project,
    coder: String,
    undo: Vec<Command>,
    redo: Vec<Command>,
    dirty: BTreeSet<String>,
    /// Bumped on every change, so views can tell when to rebuild what they derive.
    revision: u64,
}

impl Workspace {
    /// Opens a project folder for a coder.
    pub fn open(root: &Path, coder: &str) -> Result<Self, StorageError> {
        Ok(Self::new(storage::load_project(root)?, coder))
    }

    /// Wraps a loaded project.
    pub fn new(project: Project, coder: &str) -> Self {
        Self {
            project,
            coder: coder.trim().to_string(),
            undo: Vec::new(),
            redo: Vec::new(),
            dirty: BTreeSet::new(),
            revision: 0,
        }
    }

    /// The coder whose file this session writes.
    pub fn coder(&self) -> &str {
        &self.coder
    }

    /// Why this session may not write the coder's file, if it may not.
    pub fn read_only_reason(&self) -> Option<String> {
        self.project.is_unreadable(&self.coder).then(|| {
            format!(
                "{} could not be read: coding is disabled until it is fixed",
                self.project.coder_path(&self.coder).display()
            )
        })
    }

    /// A counter that changes whenever the project changes.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies a command as one undo step.
    pub fn execute(&mut self, command: Command) -> Result<(), CommandError> {
        let inverse = self.apply(command)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(())
    }

    fn apply(&mut self, command: Command) -> Result<Command, CommandError> {
        let coders: Vec<String> = command.coders().iter().map(|c| c.to_string()).collect();
        let inverse = self.project.apply(command)?;
        self.dirty.extend(coders);
        self.revision += 1;
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
        let stack = if undo { &mut self.undo } else { &mut self.redo };
        let Some(cmd) = stack.pop() else {
            return false;
        };
        let inverse = self
            .apply(cmd)
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
        !self.dirty.is_empty()
    }

    /// Writes every coder file with unsaved changes; returns the paths written.
    pub fn save(&mut self) -> Result<Vec<PathBuf>, StorageError> {
        let mut written = Vec::new();
        let dirty: Vec<String> = self.dirty.iter().cloned().collect();
        for coder in dirty {
            written.push(storage::save_coder(&self.project, &coder)?);
            self.dirty.remove(&coder);
        }
        Ok(written)
    }

    /// The file stem of this session's coder.
    pub fn coder_stem(&self) -> String {
        coder_file_stem(&self.coder)
    }
}
