//! Every rater's continuum cut into mutually exclusive segments, each with one value: the gap
//! (value 0, matter the rater left uncoded) or the set of codes the rater gave that stretch.
//!
//! The uα family (Krippendorff et al. 2016) needs such a partition per rater. Spanwise lets a
//! coder's codings of different codes overlap; where they do, the stretch is cut at every begin
//! and end and each piece carries the set of codes on it as one value of its own (see
//! [`super::CODE_SET_RULE`]). Without overlaps every value is a single code.

use std::collections::HashMap;

use crate::analysis::agreement::units::Continuum;

/// The value of uncoded matter.
pub(super) const GAP: usize = 0;

/// A stretch `[begin, end)` of one rater's continuum with one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Segment {
    pub begin: u64,
    pub end: u64,
    pub value: usize,
}

impl Segment {
    pub fn len(&self) -> u64 {
        self.end - self.begin
    }
}

/// The segments of every rater and what each value stands for.
#[derive(Debug, Clone)]
pub(super) struct Partition {
    /// Per rater, the segments in order; together they cover the continuum.
    pub raters: Vec<Vec<Segment>>,
    /// The codes of each value; `values[GAP]` is empty.
    pub values: Vec<Vec<usize>>,
}

impl Partition {
    /// The value that stands for the one code `category`, if any rater gave it alone.
    pub fn single(&self, category: usize) -> Option<usize> {
        self.values.iter().position(|v| v.as_slice() == [category])
    }
}

/// The partition by code sets of the merged units `merged[category][rater]` (each list sorted
/// and disjoint, as `units::merged_units` returns them).
pub(super) fn by_code_sets(continuum: &Continuum, merged: &[Vec<Vec<(u64, u64)>>]) -> Partition {
    let mut values: Vec<Vec<usize>> = vec![Vec::new()];
    let mut ids: HashMap<Vec<usize>, usize> = HashMap::new();
    ids.insert(Vec::new(), GAP);
    // The value of each code alone, found without hashing (the common case).
    let mut singles: Vec<Option<usize>> = vec![None; merged.len()];
    let raters = (0..continuum.raters)
        .map(|r| {
            let mut events: Vec<(u64, bool, usize)> = Vec::new();
            for (c, by_rater) in merged.iter().enumerate() {
                for &(b, e) in &by_rater[r] {
                    events.push((b, true, c));
                    events.push((e, false, c));
                }
            }
            // Ends before begins at the same position: touching units stay apart.
            events.sort_unstable_by_key(|&(at, begin, c)| (at, begin, c));
            sweep(continuum, &events, |set| {
                if let [c] = set
                    && let Some(id) = singles[*c]
                {
                    return id;
                }
                match ids.get(set) {
                    Some(&id) => id,
                    None => {
                        let id = values.len();
                        ids.insert(set.to_vec(), id);
                        values.push(set.to_vec());
                        if let [c] = set {
                            singles[*c] = Some(id);
                        }
                        id
                    }
                }
            })
        })
        .collect();
    Partition { raters, values }
}

/// The partition of one code alone: its units (value 1) and everything else as gap.
pub(super) fn of_one_code(continuum: &Continuum, by_rater: &[Vec<(u64, u64)>]) -> Partition {
    let raters = by_rater
        .iter()
        .map(|units| {
            let mut out = Vec::with_capacity(2 * units.len() + 1);
            let mut at = continuum.begin;
            for &(b, e) in units {
                push(&mut out, at, b, GAP);
                push(&mut out, b, e, 1);
                at = e;
            }
            push(&mut out, at, continuum.end(), GAP);
            out
        })
        .collect();
    Partition {
        raters,
        values: vec![Vec::new(), vec![0]],
    }
}

/// Segments between consecutive event positions, valued by the codes active there.
fn sweep(
    continuum: &Continuum,
    events: &[(u64, bool, usize)],
    mut intern: impl FnMut(&[usize]) -> usize,
) -> Vec<Segment> {
    let mut out = Vec::with_capacity(events.len() + 1);
    // The codes active here, sorted; a rater's units of one code are disjoint, so few.
    let mut active: Vec<usize> = Vec::new();
    let mut at = continuum.begin;
    let mut value = GAP;
    let mut i = 0;
    while i < events.len() {
        let position = events[i].0;
        push(&mut out, at, position, value);
        while i < events.len() && events[i].0 == position {
            let (_, begin, c) = events[i];
            match (begin, active.binary_search(&c)) {
                (true, Err(at)) => active.insert(at, c),
                (false, Ok(at)) => {
                    active.remove(at);
                }
                _ => {}
            }
            i += 1;
        }
        value = intern(&active);
        at = position;
    }
    push(&mut out, at, continuum.end(), value);
    out
}

/// Appends `[begin, end)` unless empty; a gap right after a gap extends it.
fn push(out: &mut Vec<Segment>, begin: u64, end: u64, value: usize) {
    if begin >= end {
        return;
    }
    match out.last_mut() {
        Some(last) if value == GAP && last.value == GAP && last.end == begin => last.end = end,
        _ => out.push(Segment { begin, end, value }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn continuum(raters: usize) -> Continuum {
        Continuum {
            begin: 0,
            length: 30,
            raters,
            categories: 2,
        }
    }

    #[test]
    fn overlapping_codes_of_one_coder_become_a_value_of_their_own() {
        let merged = vec![vec![vec![(0, 10), (10, 12)]], vec![vec![(5, 20)]]];
        let p = by_code_sets(&continuum(1), &merged);
        let runs: Vec<(u64, u64, Vec<usize>)> = p.raters[0]
            .iter()
            .map(|s| (s.begin, s.end, p.values[s.value].clone()))
            .collect();
        assert_eq!(
            runs,
            vec![
                (0, 5, vec![0]),
                (5, 10, vec![0, 1]),
                (10, 12, vec![0, 1]),
                (12, 20, vec![1]),
                (20, 30, vec![]),
            ]
        );
    }

    #[test]
    fn a_rater_without_units_has_one_gap() {
        let p = by_code_sets(&continuum(2), &[vec![vec![(3, 4)], vec![]]]);
        assert_eq!(
            p.raters[1],
            vec![Segment {
                begin: 0,
                end: 30,
                value: GAP
            }]
        );
        let alone = of_one_code(&continuum(2), &[vec![(3, 4)], vec![]]);
        assert_eq!(alone.raters[0].len(), 3);
    }
}
