//! Reading and writing project folders: `project.ron`, `corpus/*.txt`, `coding/<coder>.ron`.
//!
//! Guarantees: every write is atomic (temporary file in the same folder, fsync, rename, fsync of
//! the folder); output is deterministic (sorted, fixed formatting), so loading and saving an
//! untouched project gives the same bytes; a file that cannot be read is reported with its path,
//! line and column and is never written over.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::coder::{CODER_FORMAT_VERSION, CoderFile};
use crate::corpus::{Corpus, Document};
use crate::project::{LoadProblem, PROJECT_FORMAT_VERSION, Project, ProjectFile};
use crate::text::DocText;

/// What can go wrong reading or writing a project.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A RON file is malformed or has the wrong shape.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The file parsed but its content is not acceptable.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Writing was refused to protect a file.
    #[error("{}: not written: {reason}", path.display())]
    Refused {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StorageError + '_ {
    move |source| StorageError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The fixed RON formatting every Spanwise file is written with.
pub fn to_ron<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .escape_strings(true);
    let mut out = ron::ser::to_string_pretty(value, config).expect("Spanwise types serialize");
    out.push('\n');
    out
}

/// Parses a RON file, turning errors into [`StorageError::Syntax`] with line and column.
pub fn parse_ron<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, StorageError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| StorageError::Syntax {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// Writes a file atomically: temporary file in the same folder, fsync, rename, fsync of the folder.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|source| {
        let _ = fs::remove_file(&tmp);
        StorageError::Io {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Reads a file as UTF-8, naming the byte offset of the first bad sequence.
pub fn read_utf8(path: &Path) -> Result<String, StorageError> {
    let bytes = fs::read(path).map_err(io_err(path))?;
    String::from_utf8(bytes).map_err(|e| StorageError::Invalid {
        path: path.to_path_buf(),
        message: format!(
            "not UTF-8: invalid byte sequence at byte offset {}",
            e.utf8_error().valid_up_to()
        ),
    })
}

/// Reads and checks `project.ron`.
pub fn read_project_file(root: &Path) -> Result<ProjectFile, StorageError> {
    let path = root.join("project.ron");
    let text = read_utf8(&path)?;
    let file: ProjectFile = parse_ron(&path, &text)?;
    if file.format_version > PROJECT_FORMAT_VERSION {
        return Err(StorageError::Invalid {
            path,
            message: format!(
                "format version {} is newer than this Spanwise reads ({PROJECT_FORMAT_VERSION}); update Spanwise",
                file.format_version
            ),
        });
    }
    validate_project_file(&path, &file)?;
    Ok(file)
}

fn validate_project_file(path: &Path, file: &ProjectFile) -> Result<(), StorageError> {
    let invalid = |message: String| StorageError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    let mut ids = BTreeSet::new();
    for code in &file.codebook.codes {
        if !ids.insert(&code.id) {
            return Err(invalid(format!("code id `{}` appears twice", code.id)));
        }
    }
    let mut doc_ids = BTreeSet::new();
    for doc in &file.documents {
        if !doc_ids.insert(&doc.id) {
            return Err(invalid(format!("document id `{}` appears twice", doc.id)));
        }
        check_relative_path(&doc.path)
            .map_err(|m| invalid(format!("document `{}`: {m}", doc.id)))?;
    }
    Ok(())
}

/// Accepts only relative paths that stay inside the project folder.
pub fn check_relative_path(path: &str) -> Result<(), String> {
    let p = Path::new(path);
    if p.is_absolute() || path.starts_with('/') || path.starts_with('\\') {
        return Err(format!(
            "path `{path}` is absolute; it must lie inside the project folder"
        ));
    }
    if p.components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(format!("path `{path}` leaves the project folder"));
    }
    Ok(())
}

/// Loads a project folder. Fails only when `project.ron` cannot be used; a missing text or an
/// unreadable coder file is recorded in [`Project::problems`] and the rest opens.
pub fn load_project(root: &Path) -> Result<Project, StorageError> {
    let file = read_project_file(root)?;
    let mut problems = Vec::new();
    let documents = file
        .documents
        .into_iter()
        .map(|meta| {
            let path = root.join(&meta.path);
            let text = match read_utf8(&path) {
                Ok(t) => Some(DocText::new(t)),
                Err(e) => {
                    problems.push(LoadProblem {
                        path,
                        message: e.to_string(),
                    });
                    None
                }
            };
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
    };
    load_coders(&mut project)?;
    Ok(project)
}

fn load_coders(project: &mut Project) -> Result<(), StorageError> {
    let dir = project.root.join("coding");
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(());
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    for path in paths {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        match read_coder_file(&path) {
            Ok(file) => {
                project.coders.insert(stem, file);
            }
            Err(e) => {
                project.problems.push(LoadProblem {
                    path: path.clone(),
                    message: e.to_string(),
                });
                project.unreadable_coders.insert(stem);
            }
        }
    }
    Ok(())
}

/// Reads one coder file and checks it on its own (ids unique, spans well formed).
pub fn read_coder_file(path: &Path) -> Result<CoderFile, StorageError> {
    let text = read_utf8(path)?;
    let file: CoderFile = parse_ron(path, &text)?;
    let invalid = |message: String| StorageError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    if file.format_version > CODER_FORMAT_VERSION {
        return Err(invalid(format!(
            "format version {} is newer than this Spanwise reads ({CODER_FORMAT_VERSION}); update Spanwise",
            file.format_version
        )));
    }
    let mut ids = BTreeSet::new();
    for c in &file.codings {
        if !ids.insert(c.id) {
            return Err(invalid(format!("coding id {} appears twice", c.id.0)));
        }
        if c.start > c.end {
            return Err(invalid(format!(
                "coding {}: start {} is after end {}",
                c.id.0, c.start, c.end
            )));
        }
    }
    Ok(file)
}

/// Writes `project.ron`.
pub fn save_project_file(project: &Project) -> Result<(), StorageError> {
    atomic_write(
        &project.project_file_path(),
        to_ron(&project.to_file()).as_bytes(),
    )
}

/// Writes one coder's file, refusing when that file could not be read at load time.
pub fn save_coder(project: &Project, coder: &str) -> Result<PathBuf, StorageError> {
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
    atomic_write(&path, to_ron(&file).as_bytes())?;
    Ok(path)
}
