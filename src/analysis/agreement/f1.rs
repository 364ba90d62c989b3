//! Span F1 between two raters (NLP practice): strict (same begin, end and category) and overlap
//! (same category, overlapping, matched one-to-one by [`F1_MATCHING_RULE`]), plus the four
//! SemEval-2013 schemes nervaluate reports (strict, exact, partial, type).
//!
//! F1 is symmetric, so which rater is the reference only matters for precision and recall.
//! Overlapping pairs are found by a sort-and-sweep, never by comparing every unit with every
//! other. Zero-length units are dropped; same-code overlaps are kept as they are.

use std::cmp::Reverse;

use serde::Serialize;

use super::figure::Figure;
use super::units::Unit;

/// How overlap F1 pairs codings, in the words reports and `docs/AGREEMENT.md` use.
pub const F1_MATCHING_RULE: &str = "Overlap F1 pairs codings one-to-one, greedily: of all pairs of overlapping codings with the same code (one of each coder), the pair sharing the most characters is matched first; ties go to the pair whose boundaries are closer (|start difference| + |end difference|), then to the pair that starts earlier in the text, then to the earlier codings; each coding is matched at most once. Strict F1 pairs codings with identical start, end and code.";

/// Matched units of two raters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct F1Counts {
    /// Units of the first (reference) rater.
    pub first: u64,
    /// Units of the second rater.
    pub second: u64,
    /// Matched pairs.
    pub matched: u64,
}

impl F1Counts {
    /// Adds another set of counts.
    pub fn add(&mut self, other: F1Counts) {
        self.first += other.first;
        self.second += other.second;
        self.matched += other.matched;
    }

    /// Matched share of the second rater's units.
    pub fn precision(&self) -> Figure {
        Figure::ratio(self.matched as f64, self.second as f64)
    }

    /// Matched share of the first rater's units.
    pub fn recall(&self) -> Figure {
        Figure::ratio(self.matched as f64, self.first as f64)
    }

    /// 2·matched/(first + second); not defined when neither rater has a unit.
    pub fn f1(&self) -> Figure {
        Figure::ratio(2.0 * self.matched as f64, (self.first + self.second) as f64)
    }
}

/// How two units must relate to count as a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Matching {
    /// Same begin, end and category.
    Strict,
    /// Same category and overlapping; one-to-one, largest overlap first.
    Overlap,
}

/// F1 counts per category (`categories` entries) between the units of two raters.
pub fn span_f1(
    first: &[Unit],
    second: &[Unit],
    categories: usize,
    matching: Matching,
) -> Vec<F1Counts> {
    let (first, second) = (non_empty(first), non_empty(second));
    let mut out = vec![F1Counts::default(); categories];
    let count = |units: &[Unit], out: &mut Vec<F1Counts>, pick: fn(&mut F1Counts) -> &mut u64| {
        for u in units.iter().filter(|u| u.category < categories) {
            *pick(&mut out[u.category]) += 1;
        }
    };
    count(&first, &mut out, |c| &mut c.first);
    count(&second, &mut out, |c| &mut c.second);
    let pairs = match matching {
        Matching::Strict => exact_pairs(&first, &second, true),
        Matching::Overlap => overlap_matching(&first, &second, true),
    };
    for (i, _) in pairs {
        if first[i].category < categories {
            out[first[i].category].matched += 1;
        }
    }
    out
}

fn non_empty(units: &[Unit]) -> Vec<Unit> {
    units.iter().copied().filter(|u| !u.is_empty()).collect()
}

/// One-to-one pairs `(index in a, index in b)` with the same span (and category, if asked).
pub fn exact_pairs(a: &[Unit], b: &[Unit], same_category: bool) -> Vec<(usize, usize)> {
    let key = |u: &Unit| (u.begin, u.end, if same_category { u.category } else { 0 });
    let sorted = |units: &[Unit]| {
        let mut idx: Vec<usize> = (0..units.len()).collect();
        idx.sort_by_key(|&i| (key(&units[i]), units[i].category));
        idx
    };
    let (ia, ib) = (sorted(a), sorted(b));
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < ia.len() && j < ib.len() {
        match key(&a[ia[i]]).cmp(&key(&b[ib[j]])) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((ia[i], ib[j]));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Every pair `(index in a, index in b)` of overlapping units (of the same category, if asked),
/// found by one sweep over the units sorted by begin.
pub fn overlapping_pairs(a: &[Unit], b: &[Unit], same_category: bool) -> Vec<(usize, usize)> {
    let mut order: Vec<(u64, bool, usize)> = a
        .iter()
        .enumerate()
        .map(|(i, u)| (u.begin, false, i))
        .collect();
    order.extend(b.iter().enumerate().map(|(j, u)| (u.begin, true, j)));
    order.sort_unstable();
    let (mut active_a, mut active_b): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut out = Vec::new();
    for (begin, in_b, idx) in order {
        active_a.retain(|&i| a[i].end > begin);
        active_b.retain(|&j| b[j].end > begin);
        let category = if in_b {
            b[idx].category
        } else {
            a[idx].category
        };
        if in_b {
            let hits = active_a
                .iter()
                .filter(|&&i| !same_category || a[i].category == category);
            out.extend(hits.map(|&i| (i, idx)));
            active_b.push(idx);
        } else {
            let hits = active_b
                .iter()
                .filter(|&&j| !same_category || b[j].category == category);
            out.extend(hits.map(|&j| (idx, j)));
            active_a.push(idx);
        }
    }
    out
}

/// One-to-one matching of overlapping units by [`F1_MATCHING_RULE`]. Every tie-break looks at
/// the two spans as an unordered pair, so swapping `a` and `b` or reordering them gives the same
/// number of matches.
pub fn overlap_matching(a: &[Unit], b: &[Unit], same_category: bool) -> Vec<(usize, usize)> {
    let candidates = overlapping_pairs(a, b, same_category);
    greedy(a, b, candidates, |_, _| 0)
}

/// Picks pairs in order of (preference, largest overlap, closest boundaries, earliest start,
/// unordered spans), each unit at most once.
fn greedy(
    a: &[Unit],
    b: &[Unit],
    mut candidates: Vec<(usize, usize)>,
    preference: impl Fn(&Unit, &Unit) -> u8,
) -> Vec<(usize, usize)> {
    let overlap = |x: &Unit, y: &Unit| x.end.min(y.end).saturating_sub(x.begin.max(y.begin));
    let spans = |x: &Unit, y: &Unit| {
        let (p, q) = ((x.begin, x.end, x.category), (y.begin, y.end, y.category));
        (p.min(q), p.max(q))
    };
    candidates.sort_by_key(|&(i, j)| {
        let (x, y) = (&a[i], &b[j]);
        let distance = x.begin.abs_diff(y.begin) + x.end.abs_diff(y.end);
        let start = x.begin.min(y.begin);
        (
            preference(x, y),
            Reverse(overlap(x, y)),
            distance,
            start,
            spans(x, y),
            i,
            j,
        )
    });
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut out = Vec::new();
    for (i, j) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            out.push((i, j));
        }
    }
    out
}

/// Counts of one SemEval-2013 scheme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SchemeCounts {
    /// Correct (COR).
    pub correct: u64,
    /// Incorrect (INC).
    pub incorrect: u64,
    /// Partial (PAR), credited 0.5.
    pub partial: u64,
    /// Missed reference units (MIS).
    pub missed: u64,
    /// Spurious units of the other rater (SPU).
    pub spurious: u64,
}

impl SchemeCounts {
    fn credit(&self) -> f64 {
        self.correct as f64 + 0.5 * self.partial as f64
    }

    /// (COR + 0.5·PAR)/ACT, ACT = COR + INC + PAR + SPU.
    pub fn precision(&self) -> Figure {
        let actual = self.correct + self.incorrect + self.partial + self.spurious;
        Figure::ratio(self.credit(), actual as f64)
    }

    /// (COR + 0.5·PAR)/POS, POS = COR + INC + PAR + MIS.
    pub fn recall(&self) -> Figure {
        let possible = self.correct + self.incorrect + self.partial + self.missed;
        Figure::ratio(self.credit(), possible as f64)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> Figure {
        match (self.precision().value(), self.recall().value()) {
            (Some(p), Some(r)) => Figure::ratio(2.0 * p * r, p + r),
            _ => Figure::NotDefined,
        }
    }
}

/// The four SemEval-2013 schemes as nervaluate reports them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SemevalScores {
    /// Span and category equal.
    pub strict: SchemeCounts,
    /// Span equal, category ignored.
    pub exact: SchemeCounts,
    /// Span equal (correct) or overlapping (partial), category ignored.
    pub partial: SchemeCounts,
    /// Category equal and spans overlapping.
    pub type_match: SchemeCounts,
}

/// Scores `other` against `reference`: units are paired one-to-one (same span and category
/// first, then same span, then largest overlap, same category preferred); each pair is graded
/// per scheme, unpaired reference units are missed and unpaired other units spurious.
pub fn semeval(reference: &[Unit], other: &[Unit]) -> SemevalScores {
    let (r, o) = (non_empty(reference), non_empty(other));
    let pairs = semeval_pairs(&r, &o);
    let mut s = SemevalScores::default();
    for &(i, j) in &pairs {
        let (x, y) = (&r[i], &o[j]);
        let same_span = x.begin == y.begin && x.end == y.end;
        let same_category = x.category == y.category;
        grade(&mut s.strict, same_span && same_category, false);
        grade(&mut s.exact, same_span, false);
        grade(&mut s.partial, same_span, true);
        grade(&mut s.type_match, same_category, false);
    }
    let missed = (r.len() - pairs.len()) as u64;
    let spurious = (o.len() - pairs.len()) as u64;
    for c in [
        &mut s.strict,
        &mut s.exact,
        &mut s.partial,
        &mut s.type_match,
    ] {
        c.missed = missed;
        c.spurious = spurious;
    }
    s
}

fn grade(counts: &mut SchemeCounts, correct: bool, partial_credit: bool) {
    match (correct, partial_credit) {
        (true, _) => counts.correct += 1,
        (false, true) => counts.partial += 1,
        (false, false) => counts.incorrect += 1,
    }
}

fn semeval_pairs(r: &[Unit], o: &[Unit]) -> Vec<(usize, usize)> {
    let preference = |x: &Unit, y: &Unit| {
        let same_span = x.begin == y.begin && x.end == y.end;
        match (same_span, x.category == y.category) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => 3,
        }
    };
    greedy(r, o, overlapping_pairs(r, o, false), preference)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRUG: usize = 0;
    const BRAND: usize = 1;
    const GROUP: usize = 2;

    fn u(category: usize, begin: u64, end: u64) -> Unit {
        Unit::new(0, category, begin, end)
    }

    /// Worked example D (nervaluate README, "Putting all together"). Its table counts scenario I
    /// twice (strict: 2 correct, 6 possible), so the reference has two exact matches.
    fn example_d() -> (Vec<Unit>, Vec<Unit>) {
        let reference = vec![
            u(DRUG, 0, 9),     // I: phenytoin
            u(DRUG, 100, 109), // I again
            u(BRAND, 20, 27),  // III: tikosyn, missed
            u(DRUG, 43, 51),   // V: warfarin vs "of warfarin"
            u(DRUG, 60, 71),   // IV: propranolol, other code
            u(GROUP, 85, 99),  // VI: contraceptives vs "oral contraceptives"
        ];
        let other = vec![
            u(DRUG, 0, 9),
            u(DRUG, 100, 109),
            u(BRAND, 30, 37), // II: healthy, spurious
            u(DRUG, 40, 51),
            u(BRAND, 60, 71),
            u(DRUG, 80, 99),
        ];
        (reference, other)
    }

    #[test]
    fn d_nervaluate_schemes() {
        let (r, o) = example_d();
        let s = semeval(&r, &o);
        let close = |f: Figure, want: f64| (f.value().unwrap() - want).abs() <= 0.01;
        for (name, c, want) in [
            ("strict", s.strict, 0.33),
            ("exact", s.exact, 0.5),
            ("partial", s.partial, 0.66),
            ("type", s.type_match, 0.5),
        ] {
            assert!(close(c.precision(), want), "{name} P {:?}", c.precision());
            assert!(close(c.recall(), want), "{name} R {:?}", c.recall());
            assert!(close(c.f1(), want), "{name} F1 {:?}", c.f1());
        }
        assert_eq!(s.partial.partial, 2);
        assert_eq!((s.strict.missed, s.strict.spurious), (1, 1));
    }

    #[test]
    fn d_strict_f1_is_the_strict_scheme() {
        let (r, o) = example_d();
        let total = |m| {
            span_f1(&r, &o, 3, m)
                .into_iter()
                .fold(F1Counts::default(), |mut t, c| {
                    t.add(c);
                    t
                })
        };
        assert!((total(Matching::Strict).f1().value().unwrap() - 0.33).abs() <= 0.01);
        // Overlap (same code): I, I and V match: 2·3/12.
        assert_eq!(total(Matching::Overlap).f1(), Figure::Value(0.5));
    }

    #[test]
    fn overlap_matching_is_one_to_one_largest_first() {
        let a = [u(0, 0, 10), u(0, 8, 12)];
        let b = [u(0, 5, 15), u(0, 0, 6)];
        let mut pairs = overlap_matching(&a, &b, true);
        pairs.sort();
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
        assert_eq!(overlapping_pairs(&a, &b, true).len(), 3);
    }

    /// Both candidates of `a[0]` share 5 characters with it; the closer one, b[1] (boundaries 5 + 2
    /// apart against 5 + 5), is matched, which leaves b[0] for a[1]. Breaking the tie by span order
    /// instead (b[0] starts first) would match a[0]–b[0] and leave a[1] and b[1] unmatched: F1 0.5
    /// instead of 1.
    #[test]
    fn equal_overlaps_go_to_the_closer_boundaries() {
        let a = [u(0, 10, 20), u(0, 3, 8)];
        let b = [u(0, 5, 15), u(0, 15, 22)];
        let mut pairs = overlap_matching(&a, &b, true);
        pairs.sort();
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
        let f1 = span_f1(&a, &b, 1, Matching::Overlap)[0].f1();
        assert_eq!(f1, Figure::Value(1.0));
        let swapped = span_f1(&b, &a, 1, Matching::Overlap)[0].f1();
        assert_eq!(swapped, f1, "the raters' order does not matter");
    }

    /// Same overlap and same boundary distance: the pair that starts earlier is matched.
    #[test]
    fn equal_overlap_and_distance_go_to_the_earlier_pair() {
        let a = [u(0, 10, 20)];
        let b = [u(0, 15, 25), u(0, 5, 15)];
        assert_eq!(overlap_matching(&a, &b, true), vec![(0, 1)]);
    }

    #[test]
    fn nothing_to_match_is_not_defined() {
        let c = span_f1(&[], &[], 1, Matching::Strict)[0];
        assert_eq!(c.f1(), Figure::NotDefined);
    }
}
