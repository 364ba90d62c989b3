//! The character-level baseline (what NVivo and QualCoder report): per code, every character is
//! an item that each coder either coded or not; percent agreement and κ on those items.
//!
//! The counts come from interval lengths (a sweep over unit boundaries), never from visiting
//! characters, and are exact. Beware: when most text is uncoded, agreement on "not coded"
//! dominates and inflates percent agreement.

use serde::Serialize;

use super::figure::Figure;
use super::kappa::{CohenKappa, FleissKappa, cohen_kappa, fleiss_kappa_weighted};
use super::units::{Continuum, Unit, merged_units};

/// Character counts of one category (or several pooled): how many characters each number of
/// raters coded, and how many each rater coded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CharacterTally {
    /// Number of items (characters × pooled categories).
    pub items: u64,
    /// `coverage[k]` = items coded by exactly `k` raters, `k = 0..=raters`.
    pub coverage: Vec<u64>,
    /// `coded[i]` = items rater `i` coded.
    pub coded: Vec<u64>,
}

impl CharacterTally {
    /// An empty tally for `raters` raters.
    pub fn new(raters: usize) -> Self {
        Self {
            items: 0,
            coverage: vec![0; raters + 1],
            coded: vec![0; raters],
        }
    }

    /// Number of raters.
    pub fn raters(&self) -> usize {
        self.coded.len()
    }

    /// Pools another tally's items into this one (the same raters).
    pub fn add(&mut self, other: &CharacterTally) {
        self.items += other.items;
        for (a, b) in self.coverage.iter_mut().zip(&other.coverage) {
            *a += b;
        }
        for (a, b) in self.coded.iter_mut().zip(&other.coded) {
            *a += b;
        }
    }

    /// Mean over rater pairs of the share of items on which the pair agrees.
    pub fn percent_agreement(&self) -> Figure {
        self.fleiss().observed
    }

    /// Cohen's κ of raters 0 and 1 (the 2×2 table coded/not coded).
    pub fn cohen(&self) -> CohenKappa {
        let both = self.coverage.get(2).copied().unwrap_or(0);
        let only = |i: usize| self.coded.get(i).copied().unwrap_or(0) - both;
        let neither = self.items - both - only(0) - only(1);
        cohen_kappa(&[vec![both, only(0)], vec![only(1), neither]])
    }

    /// Fleiss' κ over all raters.
    pub fn fleiss(&self) -> FleissKappa {
        let m = self.raters() as u64;
        let rows: Vec<(u64, [u64; 2])> = (0..=m)
            .map(|k| (self.coverage[k as usize], [k, m - k]))
            .collect();
        let rows: Vec<(u64, &[u64])> = rows.iter().map(|(w, r)| (*w, r.as_slice())).collect();
        fleiss_kappa_weighted(&rows)
    }

    /// Cohen's κ for two raters, Fleiss' κ for more.
    pub fn kappa(&self) -> Figure {
        if self.raters() == 2 {
            self.cohen().kappa
        } else {
            self.fleiss().kappa
        }
    }
}

/// The character tally of each category on a continuum (same-code overlaps merged first).
pub fn character_tallies(continuum: &Continuum, units: &[Unit]) -> Vec<CharacterTally> {
    merged_units(continuum, units)
        .iter()
        .map(|raters| tally(continuum.length, raters))
        .collect()
}

/// All categories' tallies pooled: every (character, category) pair is one item.
pub fn pooled(tallies: &[CharacterTally], raters: usize) -> CharacterTally {
    let mut total = CharacterTally::new(raters);
    for t in tallies {
        total.add(t);
    }
    total
}

fn tally(length: u64, raters: &[Vec<(u64, u64)>]) -> CharacterTally {
    let mut out = CharacterTally::new(raters.len());
    out.items = length;
    let mut events: Vec<(u64, i64)> = Vec::new();
    for (i, units) in raters.iter().enumerate() {
        out.coded[i] = units.iter().map(|(b, e)| e - b).sum();
        events.extend(units.iter().flat_map(|&(b, e)| [(b, 1), (e, -1)]));
    }
    events.sort_unstable();
    let (mut depth, mut at, mut covered) = (0i64, 0u64, 0u64);
    for (pos, step) in events {
        if depth > 0 {
            out.coverage[depth as usize] += pos - at;
            covered += pos - at;
        }
        depth += step;
        at = pos;
    }
    out.coverage[0] = length - covered;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts every character per category by brute force.
    fn brute(length: u64, raters: usize, units: &[Unit]) -> CharacterTally {
        let mut t = CharacterTally::new(raters);
        t.items = length;
        for pos in 0..length {
            let coders: Vec<usize> = (0..raters)
                .filter(|&r| {
                    units
                        .iter()
                        .any(|u| u.rater == r && u.begin <= pos && pos < u.end)
                })
                .collect();
            t.coverage[coders.len()] += 1;
            for r in coders {
                t.coded[r] += 1;
            }
        }
        t
    }

    #[test]
    fn sweep_counts_like_brute_force() {
        let units = [
            Unit::new(0, 0, 2, 10),
            Unit::new(0, 0, 5, 12),
            Unit::new(1, 0, 0, 4),
            Unit::new(1, 0, 8, 9),
            Unit::new(2, 0, 3, 15),
        ];
        let c = Continuum {
            begin: 0,
            length: 20,
            raters: 3,
            categories: 1,
        };
        assert_eq!(character_tallies(&c, &units)[0], brute(20, 3, &units));
    }

    #[test]
    fn two_raters_cohen_from_lengths() {
        // 100 chars; A codes [0,20), B codes [10,30): both 10, only A 10, only B 10, none 70.
        let c = Continuum {
            begin: 0,
            length: 100,
            raters: 2,
            categories: 1,
        };
        let t = &character_tallies(&c, &[Unit::new(0, 0, 0, 20), Unit::new(1, 0, 10, 30)])[0];
        assert_eq!(t.percent_agreement(), Figure::Value(0.8));
        let expected = 0.2 * 0.2 + 0.8 * 0.8;
        let kappa = (0.8 - expected) / (1.0 - expected);
        assert!((t.kappa().value().unwrap() - kappa).abs() < 1e-12);
    }

    #[test]
    fn nothing_coded_has_no_kappa() {
        let c = Continuum {
            begin: 0,
            length: 50,
            raters: 2,
            categories: 1,
        };
        let t = &character_tallies(&c, &[])[0];
        assert_eq!(t.percent_agreement(), Figure::Value(1.0));
        assert_eq!(t.kappa(), Figure::NotDefined);
    }
}
