//! Earlier versions of corpus texts, kept in `.spanwise/texts/<sha256>.txt`, so that a text
//! changed outside Spanwise can be diffed against the version the codings were made on: every
//! offset then maps exactly, and only codings whose text was deleted need a person's attention.
//!
//! The copies are a cache: a project without them (e.g. a fresh clone) falls back to re-anchoring
//! from the quotes ([`crate::anchor`]). They are written when a project opens with a text that
//! matches `project.ron`, once per text version.

use std::path::{Path, PathBuf};
use std::time::Duration;

use similar::{Algorithm, DiffOp, TextDiff};

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

/// Where each char offset of an old text lies in a new one (`None`: the char was deleted or
/// replaced). Computed with a char diff (Myers), bounded in time.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    map: Vec<Option<usize>>,
}

impl OffsetMap {
    /// Diffs two versions of a text.
    pub fn new(old: &str, new: &str) -> Self {
        let diff = TextDiff::configure()
            .algorithm(Algorithm::Myers)
            .timeout(Duration::from_secs(2))
            .diff_chars(old, new);
        let mut map = vec![None; old.chars().count()];
        for op in diff.ops() {
            if let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = *op
            {
                for k in 0..len {
                    map[old_index + k] = Some(new_index + k);
                }
            }
        }
        Self { map }
    }

    /// The new span of an old one: its first and last chars must both survive. A coding edited
    /// inside keeps its edges; one whose edge was deleted gets `None`.
    pub fn span(&self, start: usize, end: usize) -> Option<crate::model::span::Span> {
        if end <= start {
            return None;
        }
        let s = (*self.map.get(start)?)?;
        let e = (*self.map.get(end - 1)?)? + 1;
        (e > s).then(|| crate::model::span::Span::new(s, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_around_insertions_and_deletions() {
        let old = "Die Stadt Duisburg prüft „Smart City“.";
        let new = "Heute: Die Stadt Duisburg prüft nicht „Smart City“.";
        let m = OffsetMap::new(old, new);
        let at = |s: &str, t: &str| t.chars().take(t.find(s).unwrap()).count();
        let d = at("Duisburg", old);
        let span = m.span(d, d + 8).unwrap();
        assert_eq!(
            (span.start, span.end),
            (at("Duisburg", new), at("Duisburg", new) + 8)
        );
        let q = at("„Smart", old);
        let span = m.span(q, q + 12).unwrap();
        assert_eq!(span.start, at("„Smart", new));
        assert_eq!(
            m.span(0, 3).map(|s| s.start),
            Some(7),
            "„Die“ keeps its edges"
        );
    }

    #[test]
    fn a_deleted_edge_does_not_map() {
        let m = OffsetMap::new("eins zwei drei", "eins drei");
        assert!(m.span(5, 9).is_none());
    }

    #[test]
    fn copies_round_trip_and_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let sha = crate::model::corpus::sha256_hex("Text".as_bytes());
        remember(dir.path(), &sha, "Text");
        assert_eq!(recall(dir.path(), &sha).as_deref(), Some("Text"));
        assert_eq!(recall(dir.path(), "00"), None);
    }
}
