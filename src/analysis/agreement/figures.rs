//! The figures of one row of an agreement report (a code, a document, a coder pair or the whole
//! corpus): every coefficient with its parts and its cautions.

use serde::Serialize;

use super::caution::Caution;
use super::figure::{Figure, Measure};
use super::reliability::Interval;
use super::resample::AlphaIntervals;
use super::ualpha::FamilyFigures;

/// The figures of one row (or of the whole corpus).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Codings (units of length > 0) per coder, in the order the coders were given.
    pub codings: Vec<u64>,
    /// Krippendorff's unitizing alpha αU = 1 − D_O/D_E.
    pub alpha_u: Figure,
    /// αU's observed disagreement D_O.
    pub d_o: Figure,
    /// αU's expected disagreement D_E.
    pub d_e: Figure,
    /// Units αU compares: every coder's codings after merging their same-code overlaps.
    pub n_units: u64,
    /// Pairable values: coders × characters of the continuum (every coder judges every
    /// character as inside or outside a unit).
    pub n_pairable: u64,
    /// Krippendorff et al.'s (2016) unitizing family uα, |uα, cuα and (k)uα, each with D_o, D_e.
    pub family: FamilyFigures,
    /// Character-level percent agreement (mean over coder pairs).
    pub percent_agreement: Figure,
    /// Character-level κ: Cohen's for two coders, Fleiss' for more (see `kappa_measure`).
    pub kappa: Figure,
    /// Which κ `kappa` is.
    pub kappa_measure: Measure,
    /// Strict span F1 (mean over coder pairs).
    pub strict_f1: Figure,
    /// Strict precision of the other coders against the reference coder.
    pub strict_precision: Figure,
    /// Strict recall of the other coders against the reference coder.
    pub strict_recall: Figure,
    /// Overlap span F1 (mean over coder pairs).
    pub overlap_f1: Figure,
    /// Overlap precision of the other coders against the reference coder.
    pub overlap_precision: Figure,
    /// Overlap recall of the other coders against the reference coder.
    pub overlap_recall: Figure,
    /// Bootstrapped intervals of αU and the uα family (none until [`super::Report::attach`]).
    pub intervals: AlphaIntervals,
    /// Figures not to read like any other, with the reason.
    pub cautions: Vec<Caution>,
}

impl Figures {
    /// The figure of a measure; `None` for the κ that does not apply to this number of coders.
    pub fn get(&self, measure: Measure) -> Option<Figure> {
        match measure {
            Measure::UnitizingAlpha => Some(self.alpha_u),
            Measure::UAlpha => Some(self.family.u_alpha.alpha),
            Measure::BarUAlpha => Some(self.family.bar_u_alpha.alpha),
            Measure::CuAlpha => Some(self.family.cu_alpha.alpha),
            Measure::KUAlpha => Some(self.family.k_u_alpha.alpha),
            Measure::PercentAgreement => Some(self.percent_agreement),
            Measure::CohenKappa | Measure::FleissKappa => {
                (measure == self.kappa_measure).then_some(self.kappa)
            }
            Measure::StrictF1 => Some(self.strict_f1),
            Measure::OverlapF1 => Some(self.overlap_f1),
        }
    }

    /// The bootstrapped interval of a measure, if it has one.
    pub fn interval(&self, measure: Measure) -> Option<&Interval> {
        self.intervals.get(measure)
    }

    /// The cautions on a measure (its own and the row's).
    pub fn cautions_on(&self, measure: Measure) -> impl Iterator<Item = &Caution> {
        self.cautions
            .iter()
            .filter(move |c| c.measure.is_none_or(|m| m == measure))
    }
}
