//! Reading and writing project folders: `project.ron`, `corpus/*.txt`, `coding/<coder>.ron`.
//!
//! Guarantees: every write is atomic (temporary file in the same folder, fsync, rename, fsync of
//! the folder); output is deterministic (sorted, fixed formatting), so loading and saving an
//! untouched project gives the same bytes; a file that cannot be read is reported with its path,
//! line and column and is never written over.

pub mod backup;
pub mod bundled;
mod coders;
mod coding_list;
pub mod conflict_copy;
pub mod create;
pub mod encoding;
mod error;
mod files;
pub mod inside;
pub mod loader;
pub mod lock;
pub mod migration;
mod parallel;
pub mod snapshot;
pub mod validation;

pub use coders::{merge_conflict_line, parse_coder_text};
pub use error::StorageError;
use files::io_err;
pub use files::{
    atomic_write, atomic_write_with, check_relative_path, parse_ron, read_ron_text, read_utf8,
    to_ron,
};
pub use loader::{LoadError, LoadOptions, UnreadFiles, load};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::coder::{CODER_FORMAT_VERSION, CoderFile, coder_file_stem};
use crate::model::project::{Project, ProjectFile};
use crate::storage::lock::{CoderLock, LockError};

/// Reads and checks `project.ron` (migrating an older format in memory).
pub fn read_project_file(root: &Path) -> Result<ProjectFile, StorageError> {
    loader::read_project_file_versioned(root).map(|(file, _)| file)
}

/// Loads a project folder for the window ([`LoadOptions::window`]): fails only when `project.ron`
/// cannot be used; a missing text or a file that cannot be read fully is recorded in
/// [`Project::problems`] (its coder read-only) and the rest opens. Codings in texts changed since
/// `project.ron` recorded their SHA-256 are re-anchored (see [`anchor`](crate::anchor)).
pub fn load_project(root: &Path) -> Result<Project, StorageError> {
    match loader::load(root, &LoadOptions::window()) {
        Ok(project) => Ok(project),
        Err(LoadError::Storage(e)) => Err(e),
        Err(LoadError::Unread { .. }) => unreachable!("the window's options leave files out"),
    }
}

/// Reads one coder file and checks it on its own (version, ids unique, spans well formed).
pub fn read_coder_file(path: &Path) -> Result<CoderFile, StorageError> {
    let text = read_ron_text(path)?;
    parse_coder_text(path, &text).map(|(file, _)| file)
}

/// Writes `project.ron`, backing up the version it replaces.
pub fn save_project_file(project: &Project) -> Result<(), StorageError> {
    write_new_texts(project)?;
    let path = project.project_file_path();
    let bytes = to_ron(&project.to_file());
    let old = project.integrity.migrated.get("project").copied();
    backup::back_up(&project.root, "project", &path, bytes.as_bytes(), old)?;
    atomic_write(&path, bytes.as_bytes())
}

/// Writes the text of every document added since the last save (its file does not exist yet),
/// before `project.ron` names it. Existing corpus files are never rewritten.
fn write_new_texts(project: &Project) -> Result<(), StorageError> {
    for doc in &project.corpus.documents {
        let path = project.root.join(&doc.meta.path);
        if let Some(text) = &doc.text
            && !path.exists()
        {
            check_relative_path(&doc.meta.path).map_err(|reason| StorageError::Refused {
                path: path.clone(),
                reason,
            })?;
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(io_err(dir))?;
            }
            atomic_write(&path, text.as_str().as_bytes())?;
        }
    }
    Ok(())
}

/// The SHA-256 of the current text of every document a coder file has codings in.
fn text_versions(
    project: &Project,
    file: &CoderFile,
) -> BTreeMap<crate::model::corpus::DocId, String> {
    let mut out = BTreeMap::new();
    for c in &file.codings {
        if out.contains_key(&c.document) {
            continue;
        }
        let version = match project
            .corpus
            .get(&c.document)
            .and_then(|d| d.text.as_ref())
        {
            Some(text) => text.sha256().to_string(),
            // a missing text: keep what the file said, the offsets still refer to that version
            None => match file.texts.get(&c.document) {
                Some(v) => v.clone(),
                None => continue,
            },
        };
        out.insert(c.document.clone(), version);
    }
    out
}

/// Writes one coder's file under that coder's lock, refusing when that file could not be read at
/// load time or another session holds the lock. The version it replaces is backed up first.
pub fn save_coder(project: &Project, coder: &str) -> Result<PathBuf, StorageError> {
    let lock = lock_for_writing(&project.root, coder)?;
    prepare_coder_save(project, coder)?.under(lock).write()
}

/// Takes a coder's lock for one write; a lock held by another live session refuses the write.
pub fn lock_for_writing(root: &Path, coder: &str) -> Result<CoderLock, StorageError> {
    CoderLock::acquire(root, coder).map_err(|e| match e {
        LockError::Held { path, holder, .. } => StorageError::Refused {
            path: project_coder_path(root, coder),
            reason: format!(
                "coder `{coder}` is being coded by {holder} (lock {}); not writing over that                  session's work",
                path.display()
            ),
        },
        LockError::Storage(e) => e,
    })
}

fn project_coder_path(root: &Path, coder: &str) -> PathBuf {
    root.join("coding")
        .join(format!("{}.ron", coder_file_stem(coder)))
}

/// A coder file ready to be written: everything taken from the project, so that the slow part
/// (formatting and writing) can run on another thread while the coder goes on.
#[derive(Debug, Clone)]
pub struct CoderSave {
    root: PathBuf,
    path: PathBuf,
    stem: String,
    migrated_from: Option<u32>,
    file: CoderFile,
    /// The coder's lock, when this save took it for itself (kept until the file is written).
    lock: Option<Arc<CoderLock>>,
}

impl CoderSave {
    /// Keeps `lock` (this coder's, taken for this save) until the file is written.
    pub fn under(mut self, lock: CoderLock) -> Self {
        self.lock = Some(Arc::new(lock));
        self
    }

    /// Formats the file, backs up the version it replaces, and writes it atomically.
    pub fn write(self) -> Result<PathBuf, StorageError> {
        let bytes = to_ron(&self.file);
        backup::back_up(
            &self.root,
            &self.stem,
            &self.path,
            bytes.as_bytes(),
            self.migrated_from,
        )?;
        atomic_write(&self.path, bytes.as_bytes())?;
        drop(self.lock);
        Ok(self.path)
    }

    /// The coder's name.
    pub fn coder(&self) -> &str {
        &self.file.coder
    }
}

/// Takes what saving a coder needs from the project, refusing when that coder's file could not
/// be read at load time.
pub fn prepare_coder_save(project: &Project, coder: &str) -> Result<CoderSave, StorageError> {
    let path = project.coder_path(coder);
    if project.is_unreadable(coder) {
        return Err(StorageError::Refused {
            path,
            reason: "this file could not be read when the project was opened; fix or move it first"
                .into(),
        });
    }
    let mut file = project
        .coder(coder)
        .cloned()
        .unwrap_or_else(|| CoderFile::new(coder));
    file.format_version = CODER_FORMAT_VERSION;
    file.sort();
    file.texts = text_versions(project, &file);
    let stem = coder_file_stem(coder);
    Ok(CoderSave {
        root: project.root.clone(),
        path,
        migrated_from: project.integrity.migrated.get(&stem).copied(),
        stem,
        file,
        lock: None,
    })
}
