//! The input every agreement figure reads: coded units on a continuum of characters, and the rule
//! that settles one coder's overlapping units of the same code.

use serde::Serialize;

/// How Spanwise treats overlapping codings of the same code by the same coder (shown in the UI and
/// written into every export of agreement figures).
pub const SAME_CODE_OVERLAP_RULE: &str = "Overlapping codings of the same code by the same coder are merged into one unit covering their union before alpha_U and the character-level figures are computed (codings that only touch stay separate units); span F1 and the compare view use the codings as they are.";

/// How the documents of a corpus are combined into corpus figures.
pub const DOCUMENTS_COMBINED: &str = "Corpus figures treat all documents as one continuum: the documents are laid end to end in project order, each coding shifted by the length of the documents before it; per-document figures are computed on each document alone.";

/// One coded stretch of the continuum: `[begin, end)` by a rater in a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Unit {
    /// Index of the rater (coder), `0..raters`.
    pub rater: usize,
    /// Index of the category (code), `0..categories`.
    pub category: usize,
    /// First position.
    pub begin: u64,
    /// One past the last position.
    pub end: u64,
}

impl Unit {
    /// A unit.
    pub fn new(rater: usize, category: usize, begin: u64, end: u64) -> Self {
        Self {
            rater,
            category,
            begin,
            end,
        }
    }

    /// Number of positions covered.
    pub fn len(&self) -> u64 {
        self.end.saturating_sub(self.begin)
    }

    /// True when the unit covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The stretch `[begin, begin + length)` all raters coded, with the number of raters and categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Continuum {
    /// First position.
    pub begin: u64,
    /// Number of positions.
    pub length: u64,
    /// Number of raters, also those who coded nothing.
    pub raters: usize,
    /// Number of categories.
    pub categories: usize,
}

impl Continuum {
    /// One past the last position.
    pub fn end(&self) -> u64 {
        self.begin + self.length
    }
}

/// The units of each category and rater, `[category][rater]`, clipped to the continuum, without
/// zero-length units, sorted, with one rater's overlapping units merged (see
/// [`SAME_CODE_OVERLAP_RULE`]). Units naming a rater or category outside the continuum are ignored.
pub fn merged_units(continuum: &Continuum, units: &[Unit]) -> Vec<Vec<Vec<(u64, u64)>>> {
    let mut out = vec![vec![Vec::new(); continuum.raters]; continuum.categories];
    for u in units {
        if u.rater >= continuum.raters || u.category >= continuum.categories {
            continue;
        }
        let begin = u.begin.max(continuum.begin);
        let end = u.end.min(continuum.end());
        if begin < end {
            out[u.category][u.rater].push((begin, end));
        }
    }
    for list in out.iter_mut().flatten() {
        merge_overlaps(list);
    }
    out
}

/// Sorts intervals and merges those that overlap (touching intervals stay apart).
fn merge_overlaps(list: &mut Vec<(u64, u64)>) {
    list.sort_unstable();
    let mut merged: Vec<(u64, u64)> = Vec::with_capacity(list.len());
    for &(b, e) in list.iter() {
        match merged.last_mut() {
            Some(last) if b < last.1 => last.1 = last.1.max(e),
            _ => merged.push((b, e)),
        }
    }
    *list = merged;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_units_merge_touching_ones_do_not() {
        let c = Continuum {
            begin: 0,
            length: 100,
            raters: 1,
            categories: 1,
        };
        let units = [
            Unit::new(0, 0, 10, 20),
            Unit::new(0, 0, 15, 30),
            Unit::new(0, 0, 30, 40),
            Unit::new(0, 0, 50, 50),
            Unit::new(0, 0, 90, 120),
        ];
        assert_eq!(
            merged_units(&c, &units)[0][0],
            vec![(10, 30), (30, 40), (90, 100)]
        );
    }
}
