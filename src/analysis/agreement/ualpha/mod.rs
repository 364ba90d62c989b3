//! Krippendorff's unitizing alpha family uα, |uα, cuα and (k)uα (Krippendorff, Mathet, Bouvry &
//! Widlöcher 2016, "On the reliability of unitizing textual continua: Further developments",
//! Quality & Quantity 50, 2347–2364; Krippendorff 2019, *Content Analysis*, 4th ed., ch. 12),
//! beside the older αU of [`super::unitizing`].
//!
//! Every rater's continuum is one partition into segments, each valued by the gap or by the codes
//! on it ([`partition`]). Observed coincidences l_ck are the lengths of matter valued c by one
//! rater and k by another, summed over ordered rater pairs and divided by m − 1; expected
//! coincidences pair the same matter at random, keeping units intact (a unit is not paired with
//! itself) and gaps divisible. Then, with the nominal metric:
//! - **uα**: all values at once, the gap included: unitizing and coding together;
//! - **|uα**: the gap against all codes taken together: relevant against irrelevant matter;
//! - **cuα**: only the matter two raters both coded, among the codes: coding where units meet;
//! - **(k)uα**: the part of cuα that concerns code k, the reliability of that one code.
//!
//! D_o and D_e are shares of the pairable matter (divided by l..): uα = 1 − D_o/D_e. Everything
//! is summed in integers in one merge pass per rater pair, O(segments), and divided once.

mod coincidence;
mod partition;
pub(super) mod resample;

use serde::Serialize;

use super::figure::{Figure, Measure};
use super::fraction::Fraction;
use super::units::{Continuum, Unit, merged_units};
use coincidence::Coincidences;
use partition::{GAP, by_code_sets, of_one_code};

/// How the uα family reads codings of different codes that one coder let overlap.
pub const CODE_SET_RULE: &str = "For the u-alpha family every coder's text is one sequence of segments, each uncoded or carrying one value: where a coder's codings of different codes overlap, the stretch is cut at every start and end and each piece carries the set of its codes as a value of its own (so 'a+b' is neither 'a' nor 'b'); same-code overlaps are merged first.";

/// One coefficient of the family with its observed and expected disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct UnitizingFigure {
    /// 1 − D_o/D_e.
    pub alpha: Figure,
    /// Observed disagreement: the share of the pairable matter paired with a different value.
    pub d_o: Figure,
    /// Expected disagreement: that share when the matter is paired by chance.
    pub d_e: Figure,
}

impl UnitizingFigure {
    /// A figure the data leave undefined, parts included.
    pub const NOT_DEFINED: UnitizingFigure = UnitizingFigure {
        alpha: Figure::NotDefined,
        d_o: Figure::NotDefined,
        d_e: Figure::NotDefined,
    };

    /// The figure of `d_o` and `d_e`; `measurable` false makes all three not defined.
    fn new(measurable: bool, d_o: Fraction, d_e: Fraction) -> Self {
        if !measurable {
            return Self::NOT_DEFINED;
        }
        let part = |f: Fraction| match f.denominator {
            0 => Figure::NotDefined,
            _ => Figure::Value(f.to_f64()),
        };
        Self {
            alpha: coefficient(d_o, d_e),
            d_o: part(d_o),
            d_e: part(d_e),
        }
    }

    /// The mean of each part over the figures where it is defined.
    pub fn mean(all: impl Iterator<Item = UnitizingFigure> + Clone) -> Self {
        Self {
            alpha: Figure::mean(all.clone().map(|f| f.alpha)),
            d_o: Figure::mean(all.clone().map(|f| f.d_o)),
            d_e: Figure::mean(all.map(|f| f.d_e)),
        }
    }
}

/// 1 − D_o/D_e: 1 when both are 0, exactly 0 when they are equal, not defined when D_e is 0.
fn coefficient(d_o: Fraction, d_e: Fraction) -> Figure {
    if d_o.denominator == 0 || d_e.denominator == 0 {
        Figure::NotDefined
    } else if d_o.numerator == 0 && d_e.numerator == 0 {
        Figure::Value(1.0)
    } else if d_o.same_as(d_e) {
        Figure::Value(0.0)
    } else if d_e.numerator == 0 {
        Figure::NotDefined
    } else {
        let ratio = match (
            d_o.numerator.checked_mul(d_e.denominator),
            d_o.denominator.checked_mul(d_e.numerator),
        ) {
            (Some(a), Some(b)) => a as f64 / b as f64,
            _ => d_o.to_f64() / d_e.to_f64(),
        };
        Figure::new(1.0 - ratio)
    }
}

/// The family's figures of one code.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CodeFamily {
    /// uα of the code alone (its units against all other matter, other codes included); with
    /// two values it equals the code's |uα.
    pub alone: UnitizingFigure,
    /// (k)uα with k = the code: its reliability within cuα's coincidences.
    pub k_u_alpha: UnitizingFigure,
}

/// The uα family of a continuum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitizingFamily {
    /// uα over all values, the gap included.
    pub u_alpha: UnitizingFigure,
    /// |uα: the gap against all codes together.
    pub bar_u_alpha: UnitizingFigure,
    /// cuα: the codes of the matter two raters both coded.
    pub cu_alpha: UnitizingFigure,
    /// Per category, in category index order.
    pub codes: Vec<CodeFamily>,
}

impl UnitizingFamily {
    /// The figures of the overall row: uα, |uα and cuα over all codes; (k)uα needs a code.
    pub fn overall(&self) -> FamilyFigures {
        FamilyFigures {
            u_alpha: self.u_alpha,
            bar_u_alpha: self.bar_u_alpha,
            cu_alpha: self.cu_alpha,
            k_u_alpha: UnitizingFigure::NOT_DEFINED,
        }
    }

    /// The figures of code `c`'s row: uα and |uα of the code alone (equal, two values), no cuα
    /// (it compares codes), and the code's (k)uα.
    pub fn code(&self, c: usize) -> FamilyFigures {
        let code = self.codes[c];
        FamilyFigures {
            u_alpha: code.alone,
            bar_u_alpha: code.alone,
            cu_alpha: UnitizingFigure::NOT_DEFINED,
            k_u_alpha: code.k_u_alpha,
        }
    }
}

/// The uα family as one row of a report shows it (a code, a document, a pair or the corpus).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FamilyFigures {
    /// uα: on a code row, of that code alone.
    pub u_alpha: UnitizingFigure,
    /// |uα: on a code row, of that code alone.
    pub bar_u_alpha: UnitizingFigure,
    /// cuα over all codes; not defined on a code row.
    pub cu_alpha: UnitizingFigure,
    /// (k)uα of the row's code; not defined on other rows.
    pub k_u_alpha: UnitizingFigure,
}

impl FamilyFigures {
    /// The coefficients a report shows on a row: on a code row |uα of the code alone (equal to
    /// its uα) and its (k)uα; on every other row uα, |uα and cuα over all codes.
    pub fn shown(&self, code_row: bool) -> Vec<(Measure, UnitizingFigure)> {
        if code_row {
            vec![
                (Measure::BarUAlpha, self.bar_u_alpha),
                (Measure::KUAlpha, self.k_u_alpha),
            ]
        } else {
            vec![
                (Measure::UAlpha, self.u_alpha),
                (Measure::BarUAlpha, self.bar_u_alpha),
                (Measure::CuAlpha, self.cu_alpha),
            ]
        }
    }

    /// The mean of every part over several documents' figures where it is defined.
    pub fn mean(all: &[FamilyFigures]) -> Self {
        let mean = |pick: fn(&FamilyFigures) -> UnitizingFigure| {
            UnitizingFigure::mean(all.iter().map(pick))
        };
        Self {
            u_alpha: mean(|f| f.u_alpha),
            bar_u_alpha: mean(|f| f.bar_u_alpha),
            cu_alpha: mean(|f| f.cu_alpha),
            k_u_alpha: mean(|f| f.k_u_alpha),
        }
    }
}

/// The uα family of `units` on `continuum`. Same-code overlaps of one rater are merged first
/// (as for αU); not defined with fewer than two raters, an empty continuum or no unit.
pub fn unitizing_family(continuum: &Continuum, units: &[Unit]) -> UnitizingFamily {
    let merged = merged_units(continuum, units);
    let measurable = continuum.raters >= 2 && continuum.length > 0;
    let any_unit = merged.iter().flatten().any(|r| !r.is_empty());
    let partition = by_code_sets(continuum, &merged);
    let all = Coincidences::of(&partition);
    let singles: Vec<Option<usize>> = (0..merged.len()).map(|c| partition.single(c)).collect();
    let alone: Vec<UnitizingFigure> = merged
        .iter()
        .map(|by_rater| {
            let any = by_rater.iter().any(|r| !r.is_empty());
            if measurable && any {
                alone(&Coincidences::of(&of_one_code(continuum, by_rater)))
            } else {
                UnitizingFigure::NOT_DEFINED
            }
        })
        .collect();
    family_of(&all, &singles, alone, measurable, any_unit)
}

/// The family from the coincidences `all` of a partition, the value of each code alone
/// (`singles`) and each code's uα alone.
fn family_of(
    all: &Coincidences,
    singles: &[Option<usize>],
    alone: Vec<UnitizingFigure>,
    measurable: bool,
    any_unit: bool,
) -> UnitizingFamily {
    let coded = coded_sum(all);
    let codes = alone
        .into_iter()
        .zip(singles)
        .map(|(alone, single)| CodeFamily {
            alone,
            k_u_alpha: match single {
                Some(value) if measurable => k_u_alpha(all, *value, coded),
                _ => UnitizingFigure::NOT_DEFINED,
            },
        })
        .collect();
    let (d_o, d_e) = nominal(all, &(0..all.values).collect::<Vec<_>>(), total(all));
    UnitizingFamily {
        u_alpha: UnitizingFigure::new(measurable && any_unit, d_o, d_e),
        bar_u_alpha: bar_u_alpha(all, measurable && any_unit),
        cu_alpha: cu_alpha(all, measurable),
        codes,
    }
}

/// uα of one code's units against everything else, from the coincidences of its partition.
fn alone(c: &Coincidences) -> UnitizingFigure {
    let (d_o, d_e) = nominal(c, &[GAP, 1], total(c));
    UnitizingFigure::new(true, d_o, d_e)
}

/// The total self-pairing correction of all values.
fn total(c: &Coincidences) -> i128 {
    c.correction.iter().sum()
}

/// Nominal D_o and D_e of the coincidences among `values` (eqs. 5a, 11):
/// D_o = (S − Σ_c O_cc)/S and D_e = (S² − Σ_c O_c.²)/(S² − C), where S is the sum and O_c. the
/// margins of the (scaled) observed coincidences and C the (scaled) self-pairing correction.
fn nominal(c: &Coincidences, values: &[usize], correction: i128) -> (Fraction, Fraction) {
    let margin = |v: usize| values.iter().map(|&k| c.at(v, k)).sum::<i128>();
    let sum: i128 = values.iter().map(|&v| margin(v)).sum();
    let diagonal: i128 = values.iter().map(|&v| c.at(v, v)).sum();
    let squares: i128 = values.iter().map(|&v| margin(v) * margin(v)).sum();
    (
        Fraction::new(sum - diagonal, sum),
        Fraction::new(sum * sum - squares, sum * sum - correction),
    )
}

/// |uα (eq. 6): the coincidences collapsed to gap and coded, the corrections unchanged.
fn bar_u_alpha(c: &Coincidences, measurable: bool) -> UnitizingFigure {
    let coded = 1..c.values;
    let gap_gap = c.at(GAP, GAP);
    let gap_coded: i128 = coded.clone().map(|k| c.at(GAP, k)).sum();
    let coded_coded: i128 = coded
        .clone()
        .flat_map(|v| coded.clone().map(move |k| (v, k)))
        .map(|(v, k)| c.at(v, k))
        .sum();
    let collapsed = Coincidences {
        values: 2,
        observed: vec![gap_gap, gap_coded, gap_coded, coded_coded],
        correction: vec![0, total(c)],
        coded_correction: vec![0, 0],
    };
    let (d_o, d_e) = nominal(&collapsed, &[GAP, 1], total(c));
    UnitizingFigure::new(measurable, d_o, d_e)
}

/// cuα (eqs. 10–11): the coincidences among coded values only, with the self-pairings of each
/// unit's matter that other raters coded too. Needs two values with such matter.
fn cu_alpha(c: &Coincidences, measurable: bool) -> UnitizingFigure {
    let coded: Vec<usize> = (1..c.values).collect();
    let with_matter = coded
        .iter()
        .filter(|&&v| coded.iter().any(|&k| c.at(v, k) > 0))
        .count();
    let correction = coded.iter().map(|&v| c.coded_correction[v]).sum();
    let (d_o, d_e) = nominal(c, &coded, correction);
    UnitizingFigure::new(measurable && with_matter >= 2, d_o, d_e)
}

/// The coded matter paired with coded matter: Σ over coded values v, w of l_vw.
fn coded_sum(c: &Coincidences) -> i128 {
    (1..c.values)
        .map(|v| (1..c.values).map(|w| c.at(v, w)).sum::<i128>())
        .sum()
}

/// (k)uα (eq. 13b): D_o = (l_k − l_kk)/l_k, D_e = (e_k − e_kk)/e_k in cuα's coincidences,
/// which is l_k(l − l_k)/(l_k·l − corr_k) with l the coded matter paired with coded matter.
/// `sum` is [`coded_sum`] of `c`, the same for every k.
fn k_u_alpha(c: &Coincidences, k: usize, sum: i128) -> UnitizingFigure {
    let margin: i128 = (1..c.values).map(|v| c.at(k, v)).sum();
    let d_o = Fraction::new(margin - c.at(k, k), margin);
    let d_e = Fraction::new(
        margin * (sum - margin),
        margin * sum - c.coded_correction[k],
    );
    UnitizingFigure::new(margin > 0 && sum > margin, d_o, d_e)
}

#[cfg(test)]
mod tests;
