//! Krippendorff's unitizing alpha αU (Krippendorff 1995, 2004), as DKPro Agreement and INCEpTION
//! compute it.
//!
//! For each category every rater's continuum is cut into sections (that rater's units of the
//! category and the gaps between them). Observed disagreement sums squared distances between
//! overlapping sections of every rater pair in one merge pass; expected disagreement is a closed
//! sum over unit and gap lengths. Both are accumulated exactly in `i128` and divided once, so the
//! edge case "observed equals expected" is decided exactly, not up to rounding.
//!
//! Same-code overlaps of one rater are merged first ([`super::SAME_CODE_OVERLAP_RULE`]), because
//! the section model needs one rater's units of a category to be disjoint.

use serde::Serialize;

use super::figure::Figure;
use super::fraction::Fraction;
use super::units::{Continuum, Unit, merged_units};

/// A section of one rater's continuum for one category: a unit or a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// First position.
    pub begin: u64,
    /// One past the last position.
    pub end: u64,
    /// True for a unit, false for a gap.
    pub is_unit: bool,
}

impl Section {
    /// A unit section.
    pub fn unit(begin: u64, end: u64) -> Self {
        Self {
            begin,
            end,
            is_unit: true,
        }
    }

    /// A gap section.
    pub fn gap(begin: u64, end: u64) -> Self {
        Self {
            begin,
            end,
            is_unit: false,
        }
    }

    fn len(&self) -> u64 {
        self.end - self.begin
    }
}

/// Squared distance δ² between two sections of different raters in the same category.
pub fn squared_distance(g: Section, h: Section) -> u128 {
    let sq = |x: u64| u128::from(x) * u128::from(x);
    match (g.is_unit, h.is_unit) {
        (true, true) if g.begin < h.end && h.begin < g.end => {
            sq(g.begin.abs_diff(h.begin)) + sq(g.end.abs_diff(h.end))
        }
        (true, false) if h.begin <= g.begin && g.end <= h.end => sq(g.len()),
        (false, true) if g.begin <= h.begin && h.end <= g.end => sq(h.len()),
        _ => 0,
    }
}

/// αU and its parts for one category.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CategoryAlpha {
    /// Number of units of all raters (after dropping empty and merging overlapping ones).
    pub units: usize,
    /// Observed disagreement D_O(c).
    pub observed: f64,
    /// Expected disagreement D_E(c).
    pub expected: f64,
    /// αU(c) = 1 − D_O(c)/D_E(c).
    pub alpha: Figure,
}

/// αU of a continuum: per category and overall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitizingAlpha {
    /// Per category, in category index order.
    pub categories: Vec<CategoryAlpha>,
    /// Σ_c D_O(c).
    pub observed: f64,
    /// Σ_c D_E(c).
    pub expected: f64,
    /// Overall αU = 1 − Σ_c D_O(c) / Σ_c D_E(c).
    pub alpha: Figure,
}

/// Krippendorff's αU of the units on a continuum. Not defined with fewer than two raters, an
/// empty continuum, or no unit of length > 0.
pub fn unitizing_alpha(continuum: &Continuum, units: &[Unit]) -> UnitizingAlpha {
    let merged = merged_units(continuum, units);
    let measurable = continuum.raters >= 2 && continuum.length > 0;
    let parts: Vec<(usize, Fraction, Fraction)> = merged
        .iter()
        .map(|raters| category_parts(continuum, raters))
        .collect();
    let categories = parts
        .iter()
        .map(|&(units, d_o, d_e)| CategoryAlpha {
            units,
            observed: d_o.to_f64(),
            expected: d_e.to_f64(),
            alpha: coefficient(
                measurable && units > 0,
                d_o.to_f64(),
                d_e.to_f64(),
                d_o.same_as(d_e),
            ),
        })
        .collect::<Vec<_>>();
    let observed: f64 = categories.iter().map(|c| c.observed).sum();
    let expected: f64 = categories.iter().map(|c| c.expected).sum();
    let any_unit = measurable && categories.iter().any(|c| c.units > 0);
    let equal = (observed - expected).abs() <= 1e-12 * observed.max(expected);
    UnitizingAlpha {
        alpha: coefficient(any_unit, observed, expected, equal),
        categories,
        observed,
        expected,
    }
}

/// 1 − D_O/D_E with DKPro's edge cases.
pub(super) fn coefficient(any_unit: bool, observed: f64, expected: f64, equal: bool) -> Figure {
    if !any_unit {
        Figure::NotDefined
    } else if observed == 0.0 && expected == 0.0 {
        Figure::Value(1.0)
    } else if equal {
        Figure::Value(0.0)
    } else {
        Figure::ratio(observed, expected).map(|r| 1.0 - r)
    }
}

/// Unit count, D_O and D_E of one category; `raters[i]` are rater i's disjoint sorted units.
fn category_parts(
    continuum: &Continuum,
    raters: &[Vec<(u64, u64)>],
) -> (usize, Fraction, Fraction) {
    let units: usize = raters.iter().map(Vec::len).sum();
    let m = raters.len() as i128;
    let l = i128::from(continuum.length);
    if m < 2 || l == 0 {
        let zero = Fraction {
            numerator: 0,
            denominator: 1,
        };
        return (units, zero, zero);
    }
    let sections: Vec<Vec<Section>> = raters.iter().map(|u| sections(continuum, u)).collect();
    let observed = Fraction {
        numerator: 2 * observed_sum(&sections),
        denominator: m * (m - 1) * l * l,
    };
    (units, observed, expected(continuum, &sections))
}

/// A rater's sections: units and the non-empty gaps around them, in order.
pub(super) fn sections(continuum: &Continuum, units: &[(u64, u64)]) -> Vec<Section> {
    let mut out = Vec::with_capacity(2 * units.len() + 1);
    let mut at = continuum.begin;
    for &(b, e) in units {
        if b > at {
            out.push(Section::gap(at, b));
        }
        out.push(Section::unit(b, e));
        at = e;
    }
    if at < continuum.end() {
        out.push(Section::gap(at, continuum.end()));
    }
    out
}

/// Σ_{i<j} Σ_g Σ_h δ²(g, h), one merge pass per rater pair.
pub(super) fn observed_sum(sections: &[Vec<Section>]) -> i128 {
    let mut sum: u128 = 0;
    for (i, a) in sections.iter().enumerate() {
        for b in &sections[i + 1..] {
            sum += pair_sum(a, b);
        }
    }
    sum as i128
}

/// Both lists partition the same continuum, so every overlapping pair is current once.
fn pair_sum(a: &[Section], b: &[Section]) -> u128 {
    let (mut i, mut j, mut sum) = (0, 0, 0u128);
    while i < a.len() && j < b.len() {
        sum += squared_distance(a[i], b[j]);
        let (ea, eb) = (a[i].end, b[j].end);
        if ea <= eb {
            i += 1;
        }
        if eb <= ea {
            j += 1;
        }
    }
    sum
}

/// D_E(c) as an exact fraction.
fn expected(continuum: &Continuum, sections: &[Vec<Section>]) -> Fraction {
    let unit_lengths: Vec<i128> = lengths(sections, true);
    let mut gaps: Vec<i128> = lengths(sections, false);
    gaps.sort_unstable();
    // suffix[k] = Σ gaps[k..]
    let mut suffix = vec![0i128; gaps.len() + 1];
    for k in (0..gaps.len()).rev() {
        suffix[k] = suffix[k + 1] + gaps[k];
    }
    let n = unit_lengths.len() as i128;
    let mut numerator: i128 = 0;
    let mut self_pairs: i128 = 0;
    for &l in &unit_lengths {
        numerator += (n - 1) * (l * (l - 1) * (2 * l - 1)) / 3;
        let first = gaps.partition_point(|&g| g < l);
        let count = (gaps.len() - first) as i128;
        numerator += l * l * (suffix[first] - count * (l - 1));
        self_pairs += l * (l - 1);
    }
    let m = sections.len() as i128;
    let l = i128::from(continuum.length);
    Fraction {
        numerator: 2 * numerator,
        denominator: l * (m * l * (m * l - 1) - self_pairs),
    }
}

fn lengths(sections: &[Vec<Section>], units: bool) -> Vec<i128> {
    sections
        .iter()
        .flatten()
        .filter(|s| s.is_unit == units)
        .map(|s| i128::from(s.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn study(
        begin: u64,
        length: u64,
        raters: usize,
        rows: &[(usize, usize, u64, u64)],
    ) -> UnitizingAlpha {
        let categories = rows.iter().map(|r| r.1 + 1).max().unwrap_or(1);
        let continuum = Continuum {
            begin,
            length,
            raters,
            categories,
        };
        let units: Vec<Unit> = rows
            .iter()
            .map(|&(r, c, b, e)| Unit::new(r, c, b, e))
            .collect();
        unitizing_alpha(&continuum, &units)
    }

    const C: usize = 0;
    const K: usize = 1;

    /// U1: Krippendorff (2004, p. 254), DKPro `Krippendorff2004Test`.
    fn u1() -> UnitizingAlpha {
        study(
            150,
            300,
            2,
            &[
                (0, C, 225, 295),
                (0, C, 370, 400),
                (1, C, 220, 300),
                (1, C, 355, 375),
                (1, C, 400, 420),
                (0, K, 180, 240),
                (0, K, 300, 350),
                (1, K, 180, 240),
                (1, K, 300, 350),
            ],
        )
    }

    #[test]
    fn u1_overall_alpha() {
        let a = u1();
        assert!(
            (a.alpha.value().unwrap() - 0.8591).abs() <= 0.0005,
            "{:?}",
            a.alpha
        );
    }

    #[test]
    fn u1_per_category() {
        let a = u1();
        let c = a.categories[C];
        assert!(
            (c.observed - 0.0144).abs() <= 0.0001,
            "D_O(c) = {}",
            c.observed
        );
        assert!(
            (c.expected - 0.0532).abs() <= 0.0001,
            "D_E(c) = {}",
            c.expected
        );
        assert!(
            (c.alpha.value().unwrap() - 0.7286).abs() <= 0.0001,
            "{:?}",
            c.alpha
        );
        let k = a.categories[K];
        assert_eq!(k.observed, 0.0);
        assert!(
            (k.expected - 0.0490).abs() <= 0.0001,
            "D_E(k) = {}",
            k.expected
        );
        assert_eq!(k.alpha, Figure::Value(1.0));
    }

    #[test]
    fn u1_distances() {
        let d = squared_distance(Section::unit(225, 295), Section::unit(220, 300));
        assert_eq!(d, 50);
        assert_eq!(
            squared_distance(Section::unit(370, 400), Section::unit(355, 375)),
            850
        );
        assert_eq!(
            squared_distance(Section::gap(400, 450), Section::unit(400, 420)),
            400
        );
        assert_eq!(
            squared_distance(Section::unit(400, 420), Section::gap(400, 450)),
            400
        );
        assert_eq!(
            squared_distance(Section::unit(220, 300), Section::gap(150, 225)),
            0
        );
        assert_eq!(
            squared_distance(Section::gap(150, 225), Section::gap(150, 220)),
            0
        );
    }

    #[test]
    fn u2_one_long_unit_against_three_short() {
        let a = study(
            0,
            10,
            2,
            &[(0, 0, 1, 9), (1, 0, 2, 3), (1, 0, 4, 5), (1, 0, 6, 7)],
        );
        let c = a.categories[0];
        assert!(
            (c.observed - 0.9100).abs() <= 0.0001,
            "D_O = {}",
            c.observed
        );
        assert!(
            (c.expected - 0.5351).abs() <= 0.0001,
            "D_E = {}",
            c.expected
        );
        assert!(
            (a.alpha.value().unwrap() + 0.7003).abs() <= 0.0001,
            "{:?}",
            a.alpha
        );
    }

    #[test]
    fn u6_single_unit_gives_exactly_zero() {
        let a = study(0, 20, 3, &[(0, 0, 0, 1)]);
        assert_eq!(a.alpha, Figure::Value(0.0));
        assert_eq!(a.categories[0].alpha, Figure::Value(0.0));
    }

    #[test]
    fn u6_no_units_is_not_defined() {
        let a = study(0, 20, 3, &[]);
        assert_eq!(a.alpha, Figure::NotDefined);
        assert_eq!(a.alpha.to_string(), "not defined");
    }

    #[test]
    fn u6_zero_length_unit_is_dropped() {
        let a = study(0, 15, 2, &[(0, 0, 0, 0), (0, 0, 2, 7), (1, 0, 2, 7)]);
        assert_eq!(a.alpha, Figure::Value(1.0));
    }

    #[test]
    fn one_rater_is_not_defined() {
        let a = study(0, 15, 1, &[(0, 0, 2, 7)]);
        assert_eq!(a.alpha, Figure::NotDefined);
        assert_eq!(a.categories[0].alpha, Figure::NotDefined);
    }

    #[test]
    fn same_code_overlaps_of_one_rater_are_merged() {
        let split = study(0, 40, 2, &[(0, 0, 5, 20), (0, 0, 10, 30), (1, 0, 5, 30)]);
        assert_eq!(split.alpha, Figure::Value(1.0));
    }
}
