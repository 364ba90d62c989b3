//! Earlier versions of corpus texts, kept in `.spanwise/texts/<sha256>.txt`, so that a text
//! changed outside Spanwise can be diffed against the version the codings were made on: every
//! offset then maps exactly, and only codings whose text was deleted need a person's attention.
//!
//! The copies are a cache: a project without them (e.g. a fresh clone) falls back to re-anchoring
//! from the quotes ([`crate::anchor`]). They are written when a project opens with a text that
//! matches `project.ron`, once per text version.

use std::path::{Path, PathBuf};

fn path(root: &Path, sha256: &str) -> PathBuf {
    root.join(".spanwise")
        .join("texts")
        .join(format!("{}.txt", sha256.to_ascii_lowercase()))
}

/// Keeps a copy of a text under its SHA-256 (once; failures only lose the cache).
pub fn remember(root: &Path, sha256: &str, text: &str) {
    let p = path(root, sha256);
    if p.exists() {
        return;
    }
    // a cache: written without fsync, but renamed into place so it is never half a text
    let tmp = p.with_extension(format!("{}.tmp", std::process::id()));
    let written = p
        .parent()
        .is_some_and(|dir| std::fs::create_dir_all(dir).is_ok())
        && std::fs::write(&tmp, text).is_ok()
        && std::fs::rename(&tmp, &p).is_ok();
    if !written {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The kept copy of a text version, if there is one.
pub fn recall(root: &Path, sha256: &str) -> Option<String> {
    let text = std::fs::read_to_string(path(root, sha256)).ok()?;
    (crate::model::corpus::sha256_hex(text.as_bytes()).eq_ignore_ascii_case(sha256)).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_round_trip_and_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let sha = crate::model::corpus::sha256_hex("Text".as_bytes());
        remember(dir.path(), &sha, "Text");
        assert_eq!(recall(dir.path(), &sha).as_deref(), Some("Text"));
        assert_eq!(recall(dir.path(), "00"), None);
    }
}
