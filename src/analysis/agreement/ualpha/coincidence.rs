//! The coincidences of a partition (Krippendorff et al. 2016, eqs. 1–4 and 10): how much matter
//! of value c one rater paired with value k of another, summed over ordered rater pairs, and the
//! self-pairing corrections the expected coincidences leave out. Integers throughout: every sum
//! is kept multiplied by (m − 1) or (m − 1)², so nothing is divided before the end.

use super::partition::{GAP, Partition, Segment};

/// Observed coincidences and the corrections of a partition.
#[derive(Debug, Clone)]
pub(super) struct Coincidences {
    /// Number of values (the gap and every code set).
    pub values: usize,
    /// `observed[c * values + k]` = Σ over ordered rater pairs i ≠ j of the length of matter
    /// valued c by i and k by j: (m − 1) times the observed coincidence l_ck.
    pub observed: Vec<i128>,
    /// Per value, (m − 1)² times Σ over its segments of l² (units, kept intact) or l (gaps,
    /// divisible into single positions): the self-pairings the expected coincidences exclude.
    pub correction: Vec<i128>,
    /// Per value ≠ gap, Σ over its segments of w², w = the segment's length paired with other
    /// raters' coded matter: (m − 1)² times the self-pairings within coded matter (cuα).
    pub coded_correction: Vec<i128>,
}

impl Coincidences {
    /// The coincidences of `partition` in one merge pass per rater pair.
    pub fn of(partition: &Partition) -> Self {
        let values = partition.values.len();
        let raters = &partition.raters;
        let m = raters.len() as i128;
        let scale = (m - 1) * (m - 1);
        let mut observed = vec![0i128; values * values];
        let mut paired: Vec<Vec<i128>> = raters.iter().map(|s| vec![0; s.len()]).collect();
        for i in 0..raters.len() {
            for j in i + 1..raters.len() {
                let (left, right) = paired.split_at_mut(j);
                let overlaps = Overlaps::new(&raters[i], &raters[j]);
                for (g, h, length) in overlaps {
                    let (c, k) = (raters[i][g].value, raters[j][h].value);
                    observed[c * values + k] += length;
                    observed[k * values + c] += length;
                    if c != GAP && k != GAP {
                        left[i][g] += length;
                        right[0][h] += length;
                    }
                }
            }
        }
        let mut correction = vec![0i128; values];
        let mut coded_correction = vec![0i128; values];
        for (segments, paired) in raters.iter().zip(&paired) {
            for (s, &w) in segments.iter().zip(paired) {
                let l = i128::from(s.len());
                correction[s.value] += scale * if s.value == GAP { l } else { l * l };
                if s.value != GAP {
                    coded_correction[s.value] += w * w;
                }
            }
        }
        Self {
            values,
            observed,
            correction,
            coded_correction,
        }
    }

    /// The observed coincidence sum of values `c` and `k`.
    pub fn at(&self, c: usize, k: usize) -> i128 {
        self.observed[c * self.values + k]
    }
}

/// The overlapping segment pairs of two partitions of the same continuum: (g, h, length).
struct Overlaps<'a> {
    a: &'a [Segment],
    b: &'a [Segment],
    i: usize,
    j: usize,
}

impl<'a> Overlaps<'a> {
    fn new(a: &'a [Segment], b: &'a [Segment]) -> Self {
        Self { a, b, i: 0, j: 0 }
    }
}

impl Iterator for Overlaps<'_> {
    type Item = (usize, usize, i128);

    fn next(&mut self) -> Option<Self::Item> {
        while self.i < self.a.len() && self.j < self.b.len() {
            let (g, h) = (self.a[self.i], self.b[self.j]);
            let length = g.end.min(h.end).saturating_sub(g.begin.max(h.begin));
            let item = (self.i, self.j, i128::from(length));
            if g.end <= h.end {
                self.i += 1;
            }
            if h.end <= g.end {
                self.j += 1;
            }
            if length > 0 {
                return Some(item);
            }
        }
        None
    }
}
