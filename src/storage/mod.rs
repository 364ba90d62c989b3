//! Reading and writing project folders: `project.ron`, `corpus/*.txt`, `coding/<coder>.ron`.
//!
//! Guarantees: every write is atomic (temporary file in the same folder, fsync, rename, fsync of
//! the folder); output is deterministic (sorted, fixed formatting), so loading and saving an
//! untouched project gives the same bytes; a file that cannot be read is reported with its path,
//! line and column and is never written over.

pub mod backup;
pub mod bundled;
pub mod create;
pub mod encoding;
mod error;
mod files;
pub mod lock;
pub mod migration;
pub mod snapshot;
pub mod validation;

pub use error::StorageError;
use files::io_err;
pub use files::{atomic_write, check_relative_path, parse_ron, read_ron_text, read_utf8, to_ron};

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::anchor;
use crate::model::coder::{CODER_FORMAT_VERSION, CoderFile, coder_file_stem};
use crate::model::corpus::{Corpus, Document, sha256_hex};
use crate::model::project::{Integrity, LoadProblem, Project, ProjectFile};
use crate::model::text::DocText;
use crate::storage::encoding::decode_utf8;

/// Reads and checks `project.ron` (migrating an older format in memory).
pub fn read_project_file(root: &Path) -> Result<ProjectFile, StorageError> {
    read_project_file_versioned(root).map(|(file, _)| file)
}

fn read_project_file_versioned(root: &Path) -> Result<(ProjectFile, Option<u32>), StorageError> {
    let path = root.join("project.ron");
    let text = read_ron_text(&path)?;
    let (file, migrated) = migration::project_file(&path, &text)?;
    validate_project_file(&path, &file)?;
    Ok((file, migrated))
}

fn validate_project_file(path: &Path, file: &ProjectFile) -> Result<(), StorageError> {
    let invalid = |message: String| StorageError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    let mut ids = HashSet::new();
    for code in &file.codebook.codes {
        if !ids.insert(&code.id) {
            return Err(invalid(format!("code id `{}` appears twice", code.id)));
        }
    }
    let mut doc_ids = HashSet::new();
    for doc in &file.documents {
        if !doc_ids.insert(&doc.id) {
            return Err(invalid(format!("document id `{}` appears twice", doc.id)));
        }
        check_relative_path(&doc.path)
            .map_err(|m| invalid(format!("document `{}`: {m}", doc.id)))?;
    }
    Ok(())
}

/// Loads a project folder. Fails only when `project.ron` cannot be used; a missing text or an
/// unreadable coder file is recorded in [`Project::problems`] and the rest opens. Codings in
/// texts changed since `project.ron` recorded their SHA-256 are re-anchored (see [`anchor`]).
pub fn load_project(root: &Path) -> Result<Project, StorageError> {
    let (file, migrated) = read_project_file_versioned(root)?;
    let mut problems = Vec::new();
    let mut integrity = Integrity::default();
    if let Some(v) = migrated {
        integrity.migrated.insert("project".into(), v);
        problems.push(migration_note(&root.join("project.ron"), v));
    }
    let documents = file
        .documents
        .into_iter()
        .map(|meta| {
            let (text, changed) = load_text(root, &meta, &mut problems);
            if text.is_none() {
                integrity.anchoring.missing_documents.push(meta.id.clone());
            } else if changed {
                integrity.anchoring.changed_documents.push(meta.id.clone());
            }
            if let Some(t) = &text {
                snapshot::remember(root, t.sha256(), t.as_str());
            }
            Document { meta, text }
        })
        .collect();
    let mut project = Project {
        root: root.to_path_buf(),
        name: file.name,
        memo: file.memo,
        codebook: file.codebook,
        corpus: Corpus { documents },
        coders: BTreeMap::new(),
        problems,
        unreadable_coders: BTreeSet::new(),
        integrity,
    };
    load_coders(&mut project);
    let root = project.root.clone();
    anchor::anchor_project(&mut project, &|sha256| snapshot::recall(&root, sha256));
    Ok(project)
}

fn migration_note(path: &Path, from: u32) -> LoadProblem {
    LoadProblem {
        path: path.to_path_buf(),
        message: format!(
            "{}: format version {from} was migrated to the current version; the original is kept \
             in .spanwise/backups/ when the file is next saved",
            path.display()
        ),
    }
}

/// Reads one corpus text; returns it (None when unreadable) and whether it differs from the
/// SHA-256 in `project.ron`.
fn load_text(
    root: &Path,
    meta: &crate::model::corpus::DocumentMeta,
    problems: &mut Vec<LoadProblem>,
) -> (Option<DocText>, bool) {
    let path = root.join(&meta.path);
    let mut report = |message: String| {
        problems.push(LoadProblem {
            path: path.clone(),
            message,
        })
    };
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            report(format!(
                "{}: document `{}` is missing ({e}); its codings are kept",
                path.display(),
                meta.id
            ));
            return (None, false);
        }
    };
    let sha = sha256_hex(&bytes);
    let changed = !meta.sha256.eq_ignore_ascii_case(&sha);
    match decode_utf8(&path, bytes) {
        Ok(text) => {
            for note in encoding::corpus_notes(&text) {
                report(format!(
                    "{}:{}:{}: {}",
                    path.display(),
                    note.line,
                    note.column,
                    note.message
                ));
            }
            let text = DocText::new(text);
            text.set_sha256(sha);
            (Some(text), changed)
        }
        Err(e) => {
            report(format!(
                "{e}; document `{}` is not shown and its codings are kept",
                meta.id
            ));
            (None, false)
        }
    }
}

fn load_coders(project: &mut Project) {
    let dir = project.root.join("coding");
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    let index = validation::ProjectIndex::new(project);
    let results: Vec<_> = paths
        .into_iter()
        .map(|path| {
            let result = read_ron_text(&path).and_then(|text| {
                let (file, migrated) = parse_coder_text(&path, &text)?;
                index.check(&path, &text, &file)?;
                Ok((file, migrated))
            });
            (path, result)
        })
        .collect();
    drop(index);
    for (path, result) in results {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let (mut file, migrated) = match result {
            Ok(ok) => ok,
            Err(e) => {
                project.problems.push(LoadProblem {
                    path: path.clone(),
                    message: format!("{e}; the file is left as it is and will not be written"),
                });
                project.unreadable_coders.insert(stem);
                continue;
            }
        };
        if let Some(v) = migrated {
            project.problems.push(migration_note(&path, v));
            project.integrity.migrated.insert(stem.clone(), v);
        }
        // a hand-edited file may be out of order; everything after loading relies on the order
        file.sort();
        project.coders.insert(stem, file);
    }
}

/// Reads one coder file and checks it on its own (version, ids unique, spans well formed).
pub fn read_coder_file(path: &Path) -> Result<CoderFile, StorageError> {
    let text = read_ron_text(path)?;
    parse_coder_text(path, &text).map(|(file, _)| file)
}

/// Parses a coder file's text (migrating an older format) and checks it on its own; returns the
/// version it was migrated from, if it was.
pub fn parse_coder_text(path: &Path, text: &str) -> Result<(CoderFile, Option<u32>), StorageError> {
    let (file, migrated) = migration::coder_file(path, text)?;
    validation::check_coder_file(path, text, &file)?;
    Ok((file, migrated))
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

/// Writes one coder's file, refusing when that file could not be read at load time. The
/// version it replaces is backed up first.
pub fn save_coder(project: &Project, coder: &str) -> Result<PathBuf, StorageError> {
    prepare_coder_save(project, coder)?.write()
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
}

impl CoderSave {
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
    })
}
