//! Figures: a coefficient that is either a number or explicitly "not defined", and the measures
//! a figure can belong to, each with the one sentence the UI shows as its tooltip.
//!
//! NaN never leaves this module: a ratio with a zero denominator becomes [`Figure::NotDefined`].

use serde::{Serialize, Serializer};

/// Text shown for a figure that has no value.
pub const NOT_DEFINED: &str = "not defined";

/// A coefficient's value, or the explicit statement that it has none for the data at hand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    /// A finite value.
    Value(f64),
    /// The formula divides by zero for this data (for example: nobody coded anything).
    NotDefined,
}

impl Figure {
    /// A figure from a number; NaN and infinities become [`Figure::NotDefined`].
    pub fn new(value: f64) -> Self {
        if value.is_finite() {
            Figure::Value(value)
        } else {
            Figure::NotDefined
        }
    }

    /// `numerator / denominator`, not defined when the denominator is zero.
    pub fn ratio(numerator: f64, denominator: f64) -> Self {
        if denominator == 0.0 {
            Figure::NotDefined
        } else {
            Figure::new(numerator / denominator)
        }
    }

    /// The value, if defined.
    pub fn value(self) -> Option<f64> {
        match self {
            Figure::Value(v) => Some(v),
            Figure::NotDefined => None,
        }
    }

    /// The figure with `f` applied to its value; not defined stays not defined.
    pub fn map(self, f: impl FnOnce(f64) -> f64) -> Figure {
        match self {
            Figure::Value(v) => Figure::new(f(v)),
            Figure::NotDefined => Figure::NotDefined,
        }
    }

    /// True when the figure has a value.
    pub fn is_defined(self) -> bool {
        matches!(self, Figure::Value(_))
    }

    /// The mean of the defined figures, not defined when none is.
    pub fn mean(figures: impl IntoIterator<Item = Figure>) -> Figure {
        let values: Vec<f64> = figures.into_iter().filter_map(Figure::value).collect();
        Figure::ratio(values.iter().sum(), values.len() as f64)
    }
}

impl std::fmt::Display for Figure {
    /// Three decimals unless a precision is given; "not defined" for an undefined figure.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Figure::Value(v) => format!("{v:.*}", f.precision().unwrap_or(3)),
            Figure::NotDefined => NOT_DEFINED.to_string(),
        };
        pad(f, &text)
    }
}

/// Writes `text` padded to the formatter's width (right-aligned unless asked otherwise); unlike
/// `Formatter::pad` it never cuts the text at the precision, which here means decimals.
fn pad(f: &mut std::fmt::Formatter<'_>, text: &str) -> std::fmt::Result {
    let fill = f.width().unwrap_or(0).saturating_sub(text.chars().count());
    let (before, after) = match f.align() {
        Some(std::fmt::Alignment::Left) => (0, fill),
        Some(std::fmt::Alignment::Center) => (fill / 2, fill - fill / 2),
        _ => (fill, 0),
    };
    write!(f, "{}{text}{}", " ".repeat(before), " ".repeat(after))
}

impl Serialize for Figure {
    /// A number, or `null` when not defined.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value().serialize(serializer)
    }
}

/// The kinds of figure Spanwise reports; serialised as their JSON keys (see [`Measure::key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Measure {
    /// Krippendorff's unitizing alpha αU.
    #[serde(rename = "alpha_u")]
    UnitizingAlpha,
    /// Krippendorff et al.'s (2016) uα: unitizing and coding at once.
    #[serde(rename = "u_alpha")]
    UAlpha,
    /// |uα: relevant (coded) against irrelevant (uncoded) matter.
    #[serde(rename = "bar_u_alpha")]
    BarUAlpha,
    /// cuα: the codes of the matter coders both coded.
    #[serde(rename = "cu_alpha")]
    CuAlpha,
    /// (k)uα: one code's part of cuα.
    #[serde(rename = "k_u_alpha")]
    KUAlpha,
    /// Percent agreement at character level.
    #[serde(rename = "percent_agreement")]
    PercentAgreement,
    /// Cohen's κ at character level (two coders).
    #[serde(rename = "cohen_kappa")]
    CohenKappa,
    /// Fleiss' κ at character level (three or more coders).
    #[serde(rename = "fleiss_kappa")]
    FleissKappa,
    /// Span F1, strict matching.
    #[serde(rename = "strict_f1")]
    StrictF1,
    /// Span F1, overlap matching.
    #[serde(rename = "overlap_f1")]
    OverlapF1,
}

impl Measure {
    /// Every measure, in report column order.
    pub const ALL: [Measure; 10] = [
        Measure::UnitizingAlpha,
        Measure::UAlpha,
        Measure::BarUAlpha,
        Measure::CuAlpha,
        Measure::KUAlpha,
        Measure::PercentAgreement,
        Measure::CohenKappa,
        Measure::FleissKappa,
        Measure::StrictF1,
        Measure::OverlapF1,
    ];

    /// Short column label.
    pub fn label(self) -> &'static str {
        match self {
            Measure::UnitizingAlpha => "alpha_U",
            Measure::UAlpha => "u-alpha",
            Measure::BarUAlpha => "|u-alpha",
            Measure::CuAlpha => "cu-alpha",
            Measure::KUAlpha => "(k)u-alpha",
            Measure::PercentAgreement => "agreement %",
            Measure::CohenKappa => "Cohen kappa",
            Measure::FleissKappa => "Fleiss kappa",
            Measure::StrictF1 => "F1 strict",
            Measure::OverlapF1 => "F1 overlap",
        }
    }

    /// The stable key of the measure in JSON and CSV output.
    pub fn key(self) -> &'static str {
        match self {
            Measure::UnitizingAlpha => "alpha_u",
            Measure::UAlpha => "u_alpha",
            Measure::BarUAlpha => "bar_u_alpha",
            Measure::CuAlpha => "cu_alpha",
            Measure::KUAlpha => "k_u_alpha",
            Measure::PercentAgreement => "percent_agreement",
            Measure::CohenKappa => "cohen_kappa",
            Measure::FleissKappa => "fleiss_kappa",
            Measure::StrictF1 => "strict_f1",
            Measure::OverlapF1 => "overlap_f1",
        }
    }

    /// The coefficient's precise name: which variant, on which units.
    pub fn name(self) -> &'static str {
        match self {
            Measure::UnitizingAlpha => {
                "Krippendorff's unitizing alpha (alpha_U) on character continua, per code: each coder's text is cut into that code's units and the gaps between them, gaps count as sections (a unit inside another coder's gap adds its squared length), overlapping units add their squared boundary differences; D_E from all units and gaps; overall alpha_U = 1 - sum D_O / sum D_E over codes"
            }
            Measure::UAlpha => {
                "Krippendorff's u-alpha (2016) on character continua, nominal: every coder's text is one sequence of segments, uncoded (the gap) or carrying a code; observed coincidences are the lengths of matter one coder gave value c and another value k; expected coincidences pair all matter at random with units kept whole; u-alpha = 1 - D_o/D_e over all values, the gap included. On a code row: that code alone against all other matter"
            }
            Measure::BarUAlpha => {
                "Krippendorff's |u-alpha (2016): u-alpha's coincidences collapsed to two values, uncoded against coded by any code: do the coders agree on what is relevant? On a code row: that code alone, equal to its u-alpha"
            }
            Measure::CuAlpha => {
                "Krippendorff's cu-alpha (2016): only the matter that two coders both coded, nominal over the codes: do the coders give the same code where their units meet? Not defined on a code row or with fewer than two codes in such matter"
            }
            Measure::KUAlpha => {
                "Krippendorff's (k)u-alpha (2016), per code k: in cu-alpha's coincidences, the share of k-matter paired with another code, observed against expected; only on code rows"
            }
            Measure::PercentAgreement => {
                "Percent agreement on characters, per code: every character of the used documents is one item, coded or not coded by each coder; mean over coder pairs; pooled over codes in the overall row"
            }
            Measure::CohenKappa => {
                "Cohen's kappa (Cohen 1960) on characters, per code: every character is one item with the two categories coded / not coded; A_E from each coder's own rate; pooled over codes in the overall row"
            }
            Measure::FleissKappa => {
                "Fleiss' kappa (Fleiss 1971) on characters, per code: every character is one item rated coded / not coded by every coder; chance from the pooled rate; pooled over codes in the overall row"
            }
            Measure::StrictF1 => {
                "Span F1, strict: a coding matches when the other coder made one with the same start, end and code; 2 x matches / (codings of both); mean over coder pairs"
            }
            Measure::OverlapF1 => {
                "Span F1, overlap: a coding matches an overlapping coding of the same code by the other coder, one-to-one, largest overlap first (ties: closer boundaries, then earlier start); mean over coder pairs"
            }
        }
    }

    /// Where the coefficient is defined (and which implementation it agrees with).
    pub fn reference(self) -> &'static str {
        match self {
            Measure::UnitizingAlpha => {
                "Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological Methodology 25, 47-76; Krippendorff, K. (2004). Content Analysis, 2nd ed., worked example p. 254. As implemented in DKPro Agreement (KrippendorffAlphaUnitizingAgreement) and INCEpTION."
            }
            Measure::UAlpha | Measure::BarUAlpha | Measure::CuAlpha | Measure::KUAlpha => {
                "Krippendorff, K., Mathet, Y., Bouvry, S. & Widloecher, A. (2016). On the reliability of unitizing textual continua: Further developments. Quality & Quantity 50, 2347-2364; Krippendorff, K. (2019). Content Analysis, 4th ed., ch. 12. Spanwise's reading of the formulas and its rule for overlapping codes are in docs/AGREEMENT.md."
            }
            Measure::PercentAgreement => {
                "Character-level baseline as NVivo and QualCoder report it."
            }
            Measure::CohenKappa => {
                "Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement 20, 37-46."
            }
            Measure::FleissKappa => {
                "Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin 76, 378-382."
            }
            Measure::StrictF1 | Measure::OverlapF1 => {
                "Span-level F1 as in NLP evaluation (e.g. Hripcsak & Rothschild 2005, Agreement, the F-measure, and reliability in information retrieval, JAMIA 12, 296-298); matching rule Spanwise's own, stated above."
            }
        }
    }

    /// What the figure measures, in one sentence (tooltip text).
    pub fn description(self) -> &'static str {
        match self {
            Measure::UnitizingAlpha => {
                "Krippendorff's unitizing alpha: how well the coders agree on where coded units begin and end and which code they carry, corrected for chance (1 = perfect, 0 = chance, below 0 = systematic disagreement)."
            }
            Measure::UAlpha => {
                "Krippendorff's u-alpha: how well the coders agree on the whole coded text at once, where units lie and which code they carry, on the length of matter, corrected for chance."
            }
            Measure::BarUAlpha => {
                "Krippendorff's |u-alpha: how well the coders agree on which text is coded at all (any code) and which is not, corrected for chance."
            }
            Measure::CuAlpha => {
                "Krippendorff's cu-alpha: where two coders both coded the same text, how well they agree on its code, corrected for chance."
            }
            Measure::KUAlpha => {
                "Krippendorff's (k)u-alpha: for this code, how reliably coders give it where both coded the text, corrected for chance."
            }
            Measure::PercentAgreement => {
                "Share of characters (per code: coded or not) on which the coders agree, not corrected for chance and inflated when most text is uncoded."
            }
            Measure::CohenKappa => {
                "Cohen's kappa on characters (per code: coded or not): agreement of two coders corrected for the agreement their own coding rates would give by chance."
            }
            Measure::FleissKappa => {
                "Fleiss' kappa on characters (per code: coded or not): agreement of three or more coders corrected for the agreement the pooled coding rate would give by chance."
            }
            Measure::StrictF1 => {
                "Span F1 with strict matching: share of codings that the other coder made with exactly the same start, end and code (mean over coder pairs)."
            }
            Measure::OverlapF1 => {
                "Span F1 with overlap matching: share of codings that the other coder matched with the same code on overlapping text, each coding matched at most once (mean over coder pairs)."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_never_becomes_a_number() {
        assert_eq!(Figure::new(f64::NAN), Figure::NotDefined);
        assert_eq!(Figure::ratio(0.0, 0.0), Figure::NotDefined);
        assert_eq!(Figure::ratio(1.0, 4.0), Figure::Value(0.25));
        assert_eq!(Figure::NotDefined.to_string(), "not defined");
        assert_eq!(format!("{:.2}", Figure::Value(0.5)), "0.50");
        assert_eq!(format!("{:>12}", Figure::Value(0.5)), "       0.500");
        assert_eq!(format!("{:<8.1}|", Figure::Value(0.25)), "0.2     |");
        assert_eq!(format!("{:>12}", Figure::NotDefined), " not defined");
        assert_eq!(serde_json::to_string(&Figure::NotDefined).unwrap(), "null");
    }

    #[test]
    fn mean_skips_undefined_figures() {
        let m = Figure::mean([Figure::Value(1.0), Figure::NotDefined, Figure::Value(0.0)]);
        assert_eq!(m, Figure::Value(0.5));
        assert_eq!(Figure::mean([Figure::NotDefined]), Figure::NotDefined);
    }

    #[test]
    fn every_measure_has_a_sentence() {
        for m in Measure::ALL {
            assert!(m.description().ends_with('.'), "{m:?}");
        }
    }
}
