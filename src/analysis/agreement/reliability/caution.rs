//! Cautions: why a figure is not defined, or why it should not be reported as it stands. Each
//! carries the sentence the report prints beside the figure.

use serde::{Serialize, Serializer};

/// Fewer units than this with two or more values make a figure too weak to report on its own
/// (a Spanwise convention, not a published rule; Krippendorff 2013 ties the needed sample to the
/// number of values and the smallest acceptable α).
pub const MIN_PAIRABLE_UNITS: usize = 10;

/// A reason to distrust or leave out a figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Caution {
    /// No unit has values from two coders: nothing can be compared.
    NoPairableValues,
    /// Every pairable value is the same, so expected disagreement is 0 and α (or κ) divides by 0.
    NoVariation {
        /// The one value used.
        value: String,
    },
    /// The figure rests on fewer than [`MIN_PAIRABLE_UNITS`] units.
    FewUnits {
        /// Units the figure used.
        units: usize,
    },
    /// A two-coder coefficient on data with another number of coders.
    TwoCodersOnly {
        /// Coders in the data.
        coders: usize,
    },
    /// Fleiss' κ is reported for three or more coders (with two it is Scott's π).
    ThreeCodersOrMore,
    /// Only one category occurs, so chance agreement per Brennan–Prediger or Gwet is undefined.
    OneCategory,
    /// Below zero: the coders disagree more than chance would make them.
    BelowZero,
}

impl Caution {
    /// A short stable key for machine-readable output.
    pub fn key(&self) -> &'static str {
        match self {
            Caution::NoPairableValues => "no_pairable_values",
            Caution::NoVariation { .. } => "no_variation",
            Caution::FewUnits { .. } => "few_units",
            Caution::TwoCodersOnly { .. } => "two_coders_only",
            Caution::ThreeCodersOrMore => "three_coders_or_more",
            Caution::OneCategory => "one_category",
            Caution::BelowZero => "below_zero",
        }
    }

    /// True when the caution means the figure has no value.
    pub fn undefines(&self) -> bool {
        !matches!(self, Caution::FewUnits { .. } | Caution::BelowZero)
    }
}

impl std::fmt::Display for Caution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Caution::NoPairableValues => {
                write!(f, "not defined: no unit has values from two coders")
            }
            Caution::NoVariation { value } => write!(
                f,
                "not defined: every pairable value is \"{value}\", so there is no variation to \
                 agree on (KALPHA prints 0 here)"
            ),
            Caution::FewUnits { units } => write!(
                f,
                "rests on {units} unit(s) with two or more values, fewer than {MIN_PAIRABLE_UNITS}: \
                 too few to report"
            ),
            Caution::TwoCodersOnly { coders } => write!(
                f,
                "not defined: compares exactly two coders, the data have {coders}"
            ),
            Caution::ThreeCodersOrMore => write!(
                f,
                "not reported: for three or more coders (with two coders it equals Scott's pi)"
            ),
            Caution::OneCategory => {
                write!(f, "not defined: only one category occurs in the data")
            }
            Caution::BelowZero => write!(
                f,
                "below 0: the coders disagree more than chance would make them (systematic \
                 disagreement)"
            ),
        }
    }
}

impl Serialize for Caution {
    /// `{"kind": "few_units", "reason": "…"}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Caution", 2)?;
        s.serialize_field("kind", self.key())?;
        s.serialize_field("reason", &self.to_string())?;
        s.end()
    }
}
