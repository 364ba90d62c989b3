//! Cautions: a figure that the data leaves undefined, that rests on a convention rather than on
//! variation, or that rests on too few units to be read as an estimate. The CLI marks such
//! figures and the window colours them; both take the reasons from here.

use serde::Serialize;

use super::figure::{Figure, Measure};
use super::ualpha::FamilyFigures;

/// Fewer units than this (all compared coders together, after merging a coder's overlapping
/// same-code codings) and a row's figures get a caution. A rule of thumb, not a published
/// threshold: with a handful of units one disagreement moves αU by whole units (an αU of −411 on a
/// code used twice is possible).
pub const MIN_UNITS: u64 = 10;

/// Why a figure should not be read like any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum CautionReason {
    /// Nobody coded anything here: there is nothing to agree on, the figure is not defined.
    NoUnits,
    /// No variation to correct for: αU's expected disagreement D_E is 0, or κ's expected
    /// agreement is 1. The figure is not defined, or set by convention.
    NoVariation,
    /// The figure rests on `units` units, fewer than [`MIN_UNITS`].
    FewUnits {
        /// Units of all coders.
        units: u64,
    },
    /// A bootstrap was asked for, but the study has one document: the bootstrap resamples
    /// documents, so there is no interval.
    OneDocument,
}

/// A caution on one figure of a row, or on the whole row (`measure: None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Caution {
    /// The figure concerned; `None` for every figure of the row.
    pub measure: Option<Measure>,
    /// Why.
    #[serde(flatten)]
    pub reason: CautionReason,
}

impl Caution {
    /// A short tag for a table cell: "not defined", "no variation", "3 units".
    pub fn tag(&self) -> String {
        match self.reason {
            CautionReason::NoUnits => "no units".into(),
            CautionReason::NoVariation => "no variation".into(),
            CautionReason::FewUnits { units } => format!("{units} units"),
            CautionReason::OneDocument => "no interval".into(),
        }
    }

    /// The full reason, naming the figure.
    pub fn message(&self) -> String {
        let figure = self.measure.map_or("every figure", Measure::label);
        match self.reason {
            CautionReason::NoUnits => format!(
                "{figure} is not defined: nobody coded anything here, so there is nothing to agree on"
            ),
            CautionReason::NoVariation => format!(
                "{figure} has no variation to correct for (alpha_U and the u-alpha family: D_E = 0, or no matter to pair; kappa: expected agreement 1): it is not defined or set by convention, not an estimate"
            ),
            CautionReason::OneDocument => format!(
                "{figure} and the u-alpha family have no confidence interval: the bootstrap resamples documents, and this study has only one"
            ),
            CautionReason::FewUnits { units } => format!(
                "{figure} rests on {units} unit(s), fewer than {MIN_UNITS}: one disagreement moves it a lot; read it as a hint, not as a reliability figure"
            ),
        }
    }
}

/// What the cautions of a row are read from.
#[derive(Debug, Clone, Copy)]
pub struct CautionInput {
    /// Units of all coders in the row.
    pub n_units: u64,
    /// αU.
    pub alpha_u: Figure,
    /// αU's expected disagreement.
    pub d_e: Figure,
    /// The κ and which one it is.
    pub kappa: (Measure, Figure),
    /// Strict and overlap F1.
    pub f1: [Figure; 2],
    /// The uα family of the row.
    pub family: FamilyFigures,
    /// Whether the row is a code's (it shows |uα and (k)uα) or not (uα, |uα, cuα).
    pub code_row: bool,
}

/// The cautions of one row, figure by figure, then the row's.
pub fn cautions(input: CautionInput) -> Vec<Caution> {
    let mut out = Vec::new();
    let mut on = |measure: Measure, reason: CautionReason| {
        out.push(Caution {
            measure: Some(measure),
            reason,
        })
    };
    if input.n_units == 0 {
        on(Measure::UnitizingAlpha, CautionReason::NoUnits);
    } else if !input.alpha_u.is_defined() || input.d_e == Figure::Value(0.0) {
        on(Measure::UnitizingAlpha, CautionReason::NoVariation);
    }
    for (measure, figure) in input.family.shown(input.code_row) {
        if input.n_units == 0 {
            on(measure, CautionReason::NoUnits);
        } else if !figure.alpha.is_defined() || figure.d_e == Figure::Value(0.0) {
            on(measure, CautionReason::NoVariation);
        }
    }
    if !input.kappa.1.is_defined() {
        let reason = if input.n_units == 0 {
            CautionReason::NoUnits
        } else {
            CautionReason::NoVariation
        };
        on(input.kappa.0, reason);
    }
    for (measure, f1) in [Measure::StrictF1, Measure::OverlapF1]
        .into_iter()
        .zip(input.f1)
    {
        if !f1.is_defined() {
            on(measure, CautionReason::NoUnits);
        }
    }
    if input.n_units > 0 && input.n_units < MIN_UNITS {
        out.push(Caution {
            measure: None,
            reason: CautionReason::FewUnits {
                units: input.n_units,
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::agreement::ualpha::UnitizingFigure;

    fn input(n_units: u64, alpha: Figure, d_e: Figure) -> CautionInput {
        CautionInput {
            n_units,
            alpha_u: alpha,
            d_e,
            kappa: (Measure::CohenKappa, Figure::Value(0.5)),
            f1: [Figure::Value(0.5); 2],
            family: family(UnitizingFigure {
                alpha: Figure::Value(0.5),
                d_o: Figure::Value(0.1),
                d_e: Figure::Value(0.2),
            }),
            code_row: false,
        }
    }

    fn family(f: UnitizingFigure) -> FamilyFigures {
        FamilyFigures {
            u_alpha: f,
            bar_u_alpha: f,
            cu_alpha: f,
            k_u_alpha: f,
        }
    }

    #[test]
    fn few_units_and_no_variation_are_flagged_with_their_reason() {
        let few = cautions(input(2, Figure::Value(-411.0), Figure::Value(0.001)));
        assert_eq!(
            few,
            vec![Caution {
                measure: None,
                reason: CautionReason::FewUnits { units: 2 }
            }]
        );
        assert!(
            few[0].message().contains("fewer than 10"),
            "{}",
            few[0].message()
        );
        let flat = cautions(input(40, Figure::Value(1.0), Figure::Value(0.0)));
        assert_eq!(flat[0].reason, CautionReason::NoVariation);
        assert!(cautions(input(40, Figure::Value(0.8), Figure::Value(0.1))).is_empty());
        let none = cautions(CautionInput {
            kappa: (Measure::CohenKappa, Figure::NotDefined),
            f1: [Figure::NotDefined; 2],
            family: family(UnitizingFigure::NOT_DEFINED),
            ..input(0, Figure::NotDefined, Figure::Value(0.0))
        });
        assert_eq!(none.len(), 4 + 3);
        assert!(none.iter().all(|c| c.reason == CautionReason::NoUnits));
    }
}
