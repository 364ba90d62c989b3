//! Reading the coder files of `coding/`: each `coding/<stem>.ron` is one coder, read fully or not
//! at all. A file that cannot be read fully is recorded with `file:line:col`, what is wrong and
//! what to do, and its coder becomes read-only; a sync tool's conflict copy is recorded as a
//! second version of its coder and never read as a coder of its own.

use std::fs;
use std::path::{Path, PathBuf};

use crate::model::coder::{CoderFile, coder_file_stem};
use crate::model::project::{LoadProblem, ProblemKind, Project};
use crate::storage::conflict_copy::conflict_copy;
use crate::storage::encoding::{decode_utf8, line_column};
use crate::storage::error::StorageError;
use crate::storage::inside::read_inside;
use crate::storage::{migration, parallel, validation};

/// Reads every coder file of the project into it (see the module doc for the rule).
/// With `skip_invalid_codings`, a coding that fails the check against the project is left out
/// and recorded, and the rest of its file is read (its coder read-only).
pub(crate) fn load_coders(project: &mut Project, max: u64, skip_invalid_codings: bool) {
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
    let mut copies = Vec::new();
    let mut coders = Vec::with_capacity(paths.len());
    for path in paths {
        let stem = stem_of(&path);
        match conflict_copy(&stem) {
            Some(copy) => copies.push((path, copy)),
            None => coders.push((path, stem)),
        }
    }
    // the coder files are read and parsed at once, each on a thread of its own
    let root = &project.root;
    let read = |(path, stem): &(PathBuf, String)| {
        read_inside(root, path, max)
            .and_then(|bytes| decode_utf8(path, bytes))
            .and_then(|text| {
                let (mut file, migrated) = read_coder(path, stem, &text)?;
                let skipped = if skip_invalid_codings {
                    leave_out_invalid(&index, path, &text, &mut file)
                } else {
                    index
                        .check(path, &text, &file)
                        .map_err(|e| hint(e, &text))?;
                    Vec::new()
                };
                Ok((file, migrated, skipped))
            })
    };
    let parsed = parallel::map_each(&coders, read);
    let results: Vec<_> = coders
        .into_iter()
        .zip(parsed)
        .map(|((path, stem), result)| (path, stem, result))
        .collect();
    drop(index);
    for (path, copy) in copies {
        let original = project
            .root
            .join("coding")
            .join(format!("{}.ron", copy.coder));
        project.problems.push(LoadProblem {
            message: format!(
                "{}:1:1: a {} conflict copy: two versions of {}: keep, merge or compare them \
                 with {}, then move this copy out of coding/; it is not read as a coder",
                path.display(),
                copy.tool,
                copy.coder,
                original.display()
            ),
            path,
            kind: ProblemKind::ConflictCopy { coder: copy.coder },
        });
    }
    for (path, stem, result) in results {
        let (mut file, migrated, skipped) = match result {
            Ok(ok) => ok,
            Err(e) => {
                project.problems.push(LoadProblem {
                    path: path.clone(),
                    message: format!("{e}; the file is left as it is and will not be written"),
                    kind: ProblemKind::Unreadable,
                });
                project.unreadable_coders.insert(stem);
                continue;
            }
        };
        if !skipped.is_empty() {
            project.unreadable_coders.insert(stem.clone());
        }
        for e in skipped {
            project.problems.push(LoadProblem {
                path: path.clone(),
                message: format!("{e}; this coding is left out (--skip-invalid)"),
                kind: ProblemKind::SkippedCoding,
            });
        }
        if let Some(v) = migrated {
            project.problems.push(migration_note(&path, v));
            project.integrity.migrated.insert(stem.clone(), v);
        }
        // a hand-edited file may be out of order; everything after loading relies on the order
        file.sort();
        project.coders.insert(stem, file);
    }
}

/// Removes the codings that fail the check against the project; returns their errors.
fn leave_out_invalid(
    index: &validation::ProjectIndex<'_>,
    path: &Path,
    text: &str,
    file: &mut CoderFile,
) -> Vec<StorageError> {
    let invalid = index.invalid_codings(path, text, file);
    let drop: std::collections::HashSet<usize> = invalid.iter().map(|(i, _)| *i).collect();
    let mut at = 0;
    file.codings.retain(|_| {
        at += 1;
        !drop.contains(&(at - 1))
    });
    invalid.into_iter().map(|(_, e)| e).collect()
}

/// The note that a file was read in an older format.
pub(crate) fn migration_note(path: &Path, from: u32) -> LoadProblem {
    LoadProblem {
        path: path.to_path_buf(),
        message: format!(
            "{}: format version {from} was migrated to the current version; the original is kept \
             in .spanwise/backups/ when the file is next saved",
            path.display()
        ),
        kind: ProblemKind::Note,
    }
}

/// Parses a coder file's text (migrating an older format) and checks it on its own; returns the
/// version it was migrated from, if it was.
pub fn parse_coder_text(path: &Path, text: &str) -> Result<(CoderFile, Option<u32>), StorageError> {
    let (file, migrated) = migration::coder_file(path, text)?;
    validation::check_coder_file(path, text, &file)?;
    Ok((file, migrated))
}

fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// Parses one coder file's text: no merge-conflict markers, a known format, well formed, and a
/// `coder` field that belongs to the file name.
fn read_coder(
    path: &Path,
    stem: &str,
    text: &str,
) -> Result<(CoderFile, Option<u32>), StorageError> {
    crate::storage::files::refuse_bom(path, text)?;
    if let Some(line) = merge_conflict_line(text) {
        return Err(StorageError::InvalidAt {
            path: path.to_path_buf(),
            line,
            column: 1,
            message: "git merge conflict: resolve it, then run spanwise check".into(),
        });
    }
    let (file, migrated) = parse_coder_text(path, text).map_err(|e| hint(e, text))?;
    if coder_file_stem(&file.coder) != stem {
        let (line, column) = field_line(text, "coder").unwrap_or((1, 1));
        return Err(StorageError::InvalidAt {
            path: path.to_path_buf(),
            line,
            column,
            message: format!(
                "the coder field says `{}`, whose file would be coding/{}.ron, but this file is \
                 coding/{stem}.ron: correct the field or rename the file, then run spanwise check",
                file.coder,
                coder_file_stem(&file.coder)
            ),
        });
    }
    Ok((file, migrated))
}

/// The 1-based line of the first git merge-conflict marker (`<<<<<<<`, `=======`, `>>>>>>>` at
/// the start of a line).
pub fn merge_conflict_line(text: &str) -> Option<usize> {
    // one SIMD pass over the file for the markers' first chars at a line start: a file without
    // any (every file, nearly) skips the walk over its lines
    let bytes = text.as_bytes();
    let candidate = memchr::memchr3_iter(b'=', b'<', b'>', bytes)
        .any(|at| (at == 0 || bytes[at - 1] == b'\n') && bytes[at..].starts_with(&[bytes[at]; 7]));
    if !candidate {
        return None;
    }
    text.lines()
        .position(|l| {
            let l = l.trim_end();
            l == "=======" || l.starts_with("<<<<<<<") || l.starts_with(">>>>>>>")
        })
        .map(|i| i + 1)
}

/// Adds what to do to a syntax error: a file that ends early was most likely cut off.
fn hint(e: StorageError, text: &str) -> StorageError {
    match e {
        StorageError::Syntax {
            path,
            line,
            column,
            message,
        } => {
            let end = line_column(text.as_bytes(), text.trim_end().len());
            // cut off: the parser ran out of text, or stopped on the last line of a file that
            // does not end with the `)` every coder file ends with (a cut inside a word)
            let cut_in_last_line = line == end.0 && !text.trim_end().ends_with(')');
            let truncated = message.contains("end of") || (line, column) >= end || cut_in_last_line;
            let todo = if truncated {
                "the file ends early (cut off while copying or syncing?): restore it from \
                 .spanwise/backups/ or version control, then run spanwise check"
            } else {
                "correct it there (or restore the file from .spanwise/backups/), then run \
                 spanwise check"
            };
            StorageError::Syntax {
                path,
                line,
                column,
                message: format!("{message}: {todo}"),
            }
        }
        other => other,
    }
}

/// Line and column of the first `name:` that starts a line.
fn field_line(text: &str, name: &str) -> Option<(usize, usize)> {
    let key = format!("{name}:");
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(&key) {
            let at = offset + line.len() - trimmed.len();
            return Some(line_column(text.as_bytes(), at));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_markers_are_found_on_their_line() {
        let text = "(\n<<<<<<< HEAD\n    coder: \"anna\",\n=======\n>>>>>>> main\n)";
        assert_eq!(merge_conflict_line(text), Some(2));
        assert_eq!(
            merge_conflict_line("(\n    memo: \"a ======= b\",\n)"),
            None
        );
        assert_eq!(merge_conflict_line("(\n=======\n)"), Some(2));
        assert_eq!(merge_conflict_line(">>>>>>> theirs\n"), Some(1));
        assert_eq!(merge_conflict_line("(\n<<<<<< six\n== < >\n)"), None);
    }

    #[test]
    fn the_coder_field_is_located() {
        let text = "(\n    format_version: 1,\n    coder: \"ben\",\n)";
        assert_eq!(field_line(text, "coder"), Some((3, 5)));
    }
}
