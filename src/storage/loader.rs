//! The one project loader every command and the window use, with one rule for a file it cannot
//! read fully (a coder file with merge-conflict markers, of a newer format, truncated or failing
//! validation; a sync tool's conflict copy; a corpus entry that is a pipe, a device, a link out of
//! the project or too large): it is never used half-read and never written over. Commands refuse
//! to run on such a folder unless told to leave those files out ([`UnreadFiles`]); the window
//! opens the rest and shows each file's reason, with that coder read-only.
//!
//! Loading for a read-only command writes nothing: the cache of text versions
//! ([`crate::storage::snapshot`]) is written only when [`LoadOptions::write_cache`] is set.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::anchor;
use crate::model::corpus::{Corpus, Document, DocumentMeta, sha256_hex};
use crate::model::project::{Integrity, LoadProblem, ProblemKind, Project, ProjectFile};
use crate::model::text::DocText;
use crate::storage::coders::{self, merge_conflict_line, migration_note};
use crate::storage::encoding::{self, decode_utf8};
use crate::storage::error::StorageError;
use crate::storage::files::{check_relative_path, read_ron_text};
use crate::storage::inside::{max_coder_file_bytes, max_file_bytes, read_inside};
use crate::storage::{migration, parallel, snapshot};

/// What to do when a file of the project exists but cannot be read fully.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnreadFiles {
    /// Stop: loading fails with [`LoadError::Unread`] naming every such file.
    Refuse,
    /// Leave them out: the project opens without them, each one listed in
    /// [`Project::unread_files`] and its coder read-only.
    LeaveOut,
}

/// How a project is loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// What to do with files that cannot be read fully.
    pub unread: UnreadFiles,
    /// Whether to keep copies of the texts in `.spanwise/texts` (the window does; read-only
    /// commands must not write).
    pub write_cache: bool,
    /// The largest corpus text read, in bytes.
    pub max_file_bytes: u64,
    /// Leave out single codings that fail validation (unknown document or code, past the end
    /// of an unchanged text) and read the rest of their file, each one recorded as
    /// [`ProblemKind::SkippedCoding`](crate::model::project::ProblemKind) and its coder
    /// read-only. Only for read-only commands told so (`spanwise agreement --skip-invalid`).
    pub skip_invalid_codings: bool,
    /// The largest coder file read, in bytes.
    pub max_coder_file_bytes: u64,
}

impl LoadOptions {
    /// The window: opens what it can, marks the rest read-only, keeps text versions.
    pub fn window() -> Self {
        Self {
            unread: UnreadFiles::LeaveOut,
            write_cache: true,
            max_file_bytes: max_file_bytes(),
            skip_invalid_codings: false,
            max_coder_file_bytes: max_coder_file_bytes(),
        }
    }

    /// A read-only command: writes nothing; refuses a folder it cannot fully read unless
    /// `leave_out` (the command line's `--skip-invalid`).
    pub fn read_only(leave_out: bool) -> Self {
        Self {
            unread: if leave_out {
                UnreadFiles::LeaveOut
            } else {
                UnreadFiles::Refuse
            },
            write_cache: false,
            max_file_bytes: max_file_bytes(),
            skip_invalid_codings: false,
            max_coder_file_bytes: max_coder_file_bytes(),
        }
    }

    /// These options, leaving out single invalid codings instead of their whole file (see
    /// [`LoadOptions::skip_invalid_codings`]); a read-only load only.
    pub fn skipping_invalid_codings(self) -> Self {
        Self {
            skip_invalid_codings: !self.write_cache,
            ..self
        }
    }
}

/// Why a project could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// `project.ron` cannot be used.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// Files exist that could not be read fully, and the options said to refuse.
    #[error("{}", list(.files))]
    Unread {
        /// The project folder.
        root: PathBuf,
        /// Each file and why, naming file:line:col where it applies.
        files: Vec<LoadProblem>,
    },
}

fn list(files: &[LoadProblem]) -> String {
    let lines: Vec<&str> = files.iter().map(|p| p.message.as_str()).collect();
    lines.join("\n")
}

pub(crate) fn read_project_file_versioned(
    root: &Path,
) -> Result<(ProjectFile, Option<u32>), StorageError> {
    let path = root.join("project.ron");
    let text = read_ron_text(&path)?;
    if let Some(line) = merge_conflict_line(&text) {
        return Err(StorageError::InvalidAt {
            path,
            line,
            column: 1,
            message: "git merge conflict: resolve it, then run spanwise check".into(),
        });
    }
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
    let mut variable_ids = HashSet::new();
    for variable in &file.variables {
        if !variable_ids.insert(&variable.id) {
            return Err(invalid(format!(
                "variable id `{}` appears twice",
                variable.id
            )));
        }
        if let Some(problem) = variable.definition_problem() {
            return Err(invalid(problem));
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

/// Loads a project folder by `options`. Fails when `project.ron` cannot be used, or (with
/// [`UnreadFiles::Refuse`]) when any file cannot be read fully; a missing text is recorded in
/// [`Project::problems`] and the rest opens. Codings in texts changed since `project.ron`
/// recorded their SHA-256 are re-anchored (see [`anchor`]).
pub fn load(root: &Path, options: &LoadOptions) -> Result<Project, LoadError> {
    let (file, migrated) = read_project_file_versioned(root)?;
    let mut problems = Vec::new();
    let mut integrity = Integrity::default();
    if let Some(v) = migrated {
        integrity.migrated.insert("project".into(), v);
        problems.push(migration_note(&root.join("project.ron"), v));
    }
    // the texts are read, hashed and indexed on every core; results and problems keep their order
    let loaded = parallel::map_in_order(
        &file.documents,
        |_| 1,
        |meta| {
            let mut problems = Vec::new();
            let (text, changed) = load_text(root, meta, options.max_file_bytes, &mut problems);
            if let Some(t) = text.as_ref().filter(|_| options.write_cache) {
                snapshot::remember(root, t.sha256(), t.as_str());
            }
            (text, changed, problems)
        },
    );
    let mut documents = Vec::with_capacity(loaded.len());
    for (meta, (text, changed, found)) in file.documents.into_iter().zip(loaded) {
        problems.extend(found);
        if text.is_none() {
            integrity.anchoring.missing_documents.push(meta.id.clone());
        } else if changed {
            integrity.anchoring.changed_documents.push(meta.id.clone());
        }
        documents.push(Document { meta, text });
    }
    let mut project = Project {
        root: root.to_path_buf(),
        name: file.name,
        memo: file.memo,
        codebook: file.codebook,
        variables: file.variables,
        corpus: Corpus { documents },
        coders: BTreeMap::new(),
        problems,
        unreadable_coders: BTreeSet::new(),
        integrity,
    };
    coders::load_coders(
        &mut project,
        options.max_coder_file_bytes,
        options.skip_invalid_codings,
    );
    if options.unread == UnreadFiles::Refuse && project.unread_files().next().is_some() {
        return Err(LoadError::Unread {
            root: root.to_path_buf(),
            files: project.unread_files().cloned().collect(),
        });
    }
    let root = project.root.clone();
    anchor::anchor_project(&mut project, &|sha256| snapshot::recall(&root, sha256));
    Ok(project)
}

/// Reads one corpus text; returns it (None when missing or not read) and whether it differs from
/// the SHA-256 in `project.ron`.
fn load_text(
    root: &Path,
    meta: &DocumentMeta,
    max: u64,
    problems: &mut Vec<LoadProblem>,
) -> (Option<DocText>, bool) {
    let path = root.join(&meta.path);
    let mut report = |message: String, kind: ProblemKind| {
        problems.push(LoadProblem {
            path: path.clone(),
            message,
            kind,
        })
    };
    let bytes = match read_inside(root, &path, max) {
        Ok(b) => b,
        Err(StorageError::Io { source, .. }) if !fs::exists(&path).unwrap_or(true) => {
            report(
                format!(
                    "{}: document `{}` is missing ({source}); its codings are kept",
                    path.display(),
                    meta.id
                ),
                ProblemKind::MissingText,
            );
            return (None, false);
        }
        Err(e) => {
            report(
                format!(
                    "{e}; document `{}` is not read and its codings are kept",
                    meta.id
                ),
                ProblemKind::Unreadable,
            );
            return (None, false);
        }
    };
    let sha = sha256_hex(&bytes);
    let changed = !meta.sha256.eq_ignore_ascii_case(&sha);
    match decode_utf8(&path, bytes) {
        Ok(text) => {
            for note in encoding::corpus_notes(&text) {
                report(
                    format!(
                        "{}:{}:{}: {}",
                        path.display(),
                        note.line,
                        note.column,
                        note.message
                    ),
                    ProblemKind::Note,
                );
            }
            let text = DocText::new(text);
            text.set_sha256(sha);
            (Some(text), changed)
        }
        Err(e) => {
            report(
                format!(
                    "{e}; document `{}` is not shown and its codings are kept",
                    meta.id
                ),
                ProblemKind::MissingText,
            );
            (None, false)
        }
    }
}
