//! Carrying offsets through an edit of a text: a char diff between two versions maps every char
//! offset of the old text onto the new one (or says it was deleted).

use std::time::Duration;

use similar::{Algorithm, DiffOp, TextDiff};

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
}
