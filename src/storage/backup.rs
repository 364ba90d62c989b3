//! Backups of coder files and `project.ron`, kept inside the project in `.spanwise/backups/`.
//!
//! Before a file is overwritten its current bytes are copied to
//! `.spanwise/backups/<stem>/<timestamp>.ron`; the newest [`KEPT`] of these are kept. A file of an
//! older format version is kept as `<timestamp>.v<version>.ron` and never pruned, so the original
//! of a migrated file survives. `.spanwise/.gitignore` keeps the folder out of git.

use std::fs;
use std::path::{Path, PathBuf};

use crate::storage::error::StorageError;
use crate::storage::files::atomic_write;

/// How many ordinary backups of each file are kept.
pub const KEPT: usize = 10;

/// The folder for Spanwise's own files inside a project.
pub fn spanwise_dir(root: &Path) -> PathBuf {
    root.join(".spanwise")
}

/// Creates `.spanwise/` with a `.gitignore` that ignores everything in it.
pub fn ensure_spanwise_dir(root: &Path) -> Result<PathBuf, StorageError> {
    let dir = spanwise_dir(root);
    let ignore = dir.join(".gitignore");
    if !ignore.is_file() {
        atomic_write(&ignore, b"*\n")?;
    }
    Ok(dir)
}

/// The backup folder of one file stem (a coder file stem, or `project`).
pub fn backup_dir(root: &Path, stem: &str) -> PathBuf {
    spanwise_dir(root).join("backups").join(stem)
}

/// Copies the current bytes of `file` into the backups of `stem` (nothing when the file does not
/// exist or already holds `next`, the bytes about to be written). `old_version` names a file of an
/// older format, which is kept for good. Returns the backup written.
pub fn back_up(
    root: &Path,
    stem: &str,
    file: &Path,
    next: &[u8],
    old_version: Option<u32>,
) -> Result<Option<PathBuf>, StorageError> {
    let Ok(current) = fs::read(file) else {
        return Ok(None);
    };
    if current == next {
        return Ok(None);
    }
    ensure_spanwise_dir(root)?;
    let dir = backup_dir(root, stem);
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ").to_string();
    let suffix = old_version.map_or(String::new(), |v| format!(".v{v}"));
    let mut path = dir.join(format!("{stamp}{suffix}.ron"));
    let mut n = 1;
    while path.exists() {
        path = dir.join(format!("{stamp}-{n}{suffix}.ron"));
        n += 1;
    }
    // pruned first, so that a crash in between never leaves more than KEPT
    if old_version.is_none() {
        prune(&dir, KEPT - 1);
    }
    atomic_write(&path, &current)?;
    Ok(Some(path))
}

/// The ordinary backups of a stem, oldest first.
pub fn backups(root: &Path, stem: &str) -> Vec<PathBuf> {
    ordinary_backups_in(&backup_dir(root, stem))
}

fn ordinary_backups_in(dir: &Path) -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_ordinary_backup(p))
        .collect();
    list.sort();
    list
}

fn is_ordinary_backup(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".ron") && !name.contains(".v") && !name.starts_with('.')
}

/// Deletes all but the newest `keep` ordinary backups; a failure only leaves more backups.
fn prune(dir: &Path, keep: usize) {
    let list = ordinary_backups_in(dir);
    for old in &list[..list.len().saturating_sub(keep)] {
        let _ = fs::remove_file(old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_newest_ten_and_old_versions_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let file = root.join("coding/anna.ron");
        atomic_write(&file, b"v0").unwrap();
        back_up(root, "anna", &file, b"x", Some(0)).unwrap();
        for i in 0..15 {
            let next = format!("state {i}");
            back_up(root, "anna", &file, next.as_bytes(), None).unwrap();
            atomic_write(&file, next.as_bytes()).unwrap();
        }
        let kept = backups(root, "anna");
        assert_eq!(kept.len(), KEPT);
        assert_eq!(fs::read(kept.last().unwrap()).unwrap(), b"state 13");
        let all = fs::read_dir(backup_dir(root, "anna")).unwrap().count();
        assert_eq!(all, KEPT + 1, "the v0 original is never pruned");
        assert_eq!(fs::read(root.join(".spanwise/.gitignore")).unwrap(), b"*\n");
        assert_eq!(
            back_up(root, "anna", &file, b"state 14", None).unwrap(),
            None
        );
    }
}
