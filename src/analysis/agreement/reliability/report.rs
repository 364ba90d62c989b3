//! One reliability report on predefined units: α at the chosen level (and at the nominal level
//! beside it), the κ family, percent agreement, each with its parts, its reference, its bootstrap
//! interval where it is an α, and the cautions that apply.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::alpha::{self, Alpha};
use super::bootstrap::{self, Interval, Resampling};
use super::caution::{Caution, MIN_PAIRABLE_UNITS};
use super::coincidence::Coincidences;
use super::data::ReliabilityData;
use super::level::Level;
use super::multi_coder;
use super::pairwise::{self, Chance};
use crate::analysis::agreement::figure::Figure;

/// What a report computes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Level of measurement for α.
    pub level: Level,
    /// Bootstrap the α values, or not.
    pub bootstrap: Option<Resampling>,
}

/// The parts a coefficient is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Parts {
    /// α: observed and expected disagreement.
    Disagreement {
        /// D_o.
        d_o: Figure,
        /// D_e.
        d_e: Figure,
    },
    /// κ-like coefficients: observed and chance agreement.
    Agreement {
        /// p_a.
        p_a: Figure,
        /// p_e (not defined for percent agreement, which corrects for nothing).
        p_e: Figure,
    },
}

/// One coefficient of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Coefficient {
    /// Stable key: `alpha_<level>`, `cohen_kappa`, `scott_pi`, `fleiss_kappa`,
    /// `brennan_prediger`, `gwet_ac1`, `percent_agreement`.
    pub key: String,
    /// Name as printed, naming the variant.
    pub name: String,
    /// The publication that defines the computed variant.
    pub reference: &'static str,
    /// The figure (not defined when a caution says so).
    pub value: Figure,
    /// Its parts.
    pub parts: Parts,
    /// Units the figure used (units with two or more values, or coded by both coders).
    pub n_units: usize,
    /// Bootstrap interval (α only, when asked for and when it applies).
    pub interval: Option<Interval>,
    /// Reasons the figure is missing or weak.
    pub cautions: Vec<Caution>,
}

/// The report.
#[derive(Debug, Clone, PartialEq)]
pub struct Reliability {
    /// The level α was computed at.
    pub level: Level,
    /// Coders (columns).
    pub coders: Vec<String>,
    /// Units (rows) in the data.
    pub n_units: usize,
    /// Units with values from two or more coders.
    pub n_pairable_units: usize,
    /// Pairable values n (values in those units).
    pub n_pairable: usize,
    /// Units left out of every figure because fewer than two coders gave them a value.
    pub left_out: Vec<String>,
    /// The figures, α at the chosen level first.
    pub coefficients: Vec<Coefficient>,
    /// The bootstrap settings, if any.
    pub bootstrap: Option<Resampling>,
}

const KRIPPENDORFF: &str = "Krippendorff (2011), Computing Krippendorff's alpha-reliability; \
                            Krippendorff (2019), Content Analysis, 4th ed., ch. 12";
const COHEN: &str = "Cohen (1960), Educational and Psychological Measurement 20, 37-46";
const SCOTT: &str = "Scott (1955), Public Opinion Quarterly 19, 321-325";
const FLEISS: &str = "Fleiss (1971), Psychological Bulletin 76, 378-382; with missing values \
                      as Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed.";
const BRENNAN: &str = "Brennan & Prediger (1981), Educational and Psychological Measurement 41, \
                       687-699; with missing values as Gwet (2014)";
const GWET: &str = "Gwet (2008), British Journal of Mathematical and Statistical Psychology 61, \
                    29-48; Gwet (2014)";
const PERCENT: &str = "mean pairwise agreement over units with two or more values, Gwet (2014)";

/// The report for `data`. The caller makes sure the values are numbers where `options.level`
/// needs them ([`super::table`] does when it reads a file).
pub fn compute(data: &ReliabilityData, options: Options) -> Reliability {
    let co = Coincidences::of(data);
    let per_unit = data.values_per_unit();
    let left_out = data
        .units
        .iter()
        .zip(&per_unit)
        .filter(|&(_, &m)| m < 2)
        .map(|(u, _)| u.clone())
        .collect();
    let mut coefficients = vec![alpha_row(data, &co, options.level, options.bootstrap)];
    if options.level != Level::Nominal {
        coefficients.push(alpha_row(data, &co, Level::Nominal, options.bootstrap));
    }
    coefficients.extend(chance_rows(data, &co));
    Reliability {
        level: options.level,
        coders: data.coders.clone(),
        n_units: data.units.len(),
        n_pairable_units: co.pairable_units,
        n_pairable: co.total.round() as usize,
        left_out,
        coefficients,
        bootstrap: options.bootstrap,
    }
}

fn alpha_row(
    data: &ReliabilityData,
    co: &Coincidences,
    level: Level,
    how: Option<Resampling>,
) -> Coefficient {
    let Alpha {
        alpha: value,
        d_o,
        d_e,
        ..
    } = alpha::alpha(data, co, level);
    let delta = alpha::differences(data, co, level);
    let interval = match (how, d_e.value(), value.value()) {
        // Bootstrapping does not apply to α = 1 (every pair agrees: KALPHA says the same).
        (Some(how), Some(e), Some(a)) if a < 1.0 => {
            bootstrap::interval(co, &delta, e, data.coders.len(), how)
        }
        _ => None,
    };
    Coefficient {
        key: format!("alpha_{}", level.name()),
        name: format!("Krippendorff's alpha ({level})"),
        reference: KRIPPENDORFF,
        value,
        parts: Parts::Disagreement { d_o, d_e },
        n_units: co.pairable_units,
        interval,
        cautions: cautions(value, co.pairable_units, || no_variation(data, co)),
    }
}

/// The single value of data without variation.
fn no_variation(data: &ReliabilityData, co: &Coincidences) -> Caution {
    let value = co
        .frequencies
        .iter()
        .position(|&n| n > 0.0)
        .map(|i| data.values[i].label.clone())
        .unwrap_or_default();
    Caution::NoVariation { value }
}

/// The cautions every figure shares: nothing to compare, no variation, too few units, below 0.
fn cautions(value: Figure, units: usize, no_variation: impl FnOnce() -> Caution) -> Vec<Caution> {
    let mut out = Vec::new();
    if units == 0 {
        out.push(Caution::NoPairableValues);
        return out;
    }
    match value.value() {
        None => out.push(no_variation()),
        Some(v) if v < 0.0 => out.push(Caution::BelowZero),
        Some(_) => {}
    }
    if units < MIN_PAIRABLE_UNITS {
        out.push(Caution::FewUnits { units });
    }
    out
}

fn chance_rows(data: &ReliabilityData, co: &Coincidences) -> Vec<Coefficient> {
    let coders = data.coders.len();
    let family = multi_coder::family(data);
    let (cohen, scott) = pairwise::cohen_and_scott(data);
    let row = |key: &str, name: &str, reference, c: Chance, only: Option<Caution>| {
        let mut coefficient = Coefficient {
            key: key.to_string(),
            name: name.to_string(),
            reference,
            value: c.value,
            parts: Parts::Agreement {
                p_a: c.p_a,
                p_e: c.p_e,
            },
            n_units: c.units,
            interval: None,
            cautions: Vec::new(),
        };
        match only {
            Some(caution) => {
                coefficient.value = Figure::NotDefined;
                coefficient.parts = Parts::Agreement {
                    p_a: Figure::NotDefined,
                    p_e: Figure::NotDefined,
                };
                coefficient.n_units = 0;
                coefficient.cautions.push(caution);
            }
            None => {
                let undefined = if data.values.len() < 2 && key != "percent_agreement" {
                    Caution::OneCategory
                } else {
                    no_variation(data, co)
                };
                coefficient.cautions = cautions(c.value, c.units, || undefined);
            }
        }
        coefficient
    };
    let two = (coders != 2).then_some(Caution::TwoCodersOnly { coders });
    let three = (coders < 3).then_some(Caution::ThreeCodersOrMore);
    vec![
        row("cohen_kappa", "Cohen's kappa", COHEN, cohen, two.clone()),
        row("scott_pi", "Scott's pi", SCOTT, scott, two),
        row(
            "fleiss_kappa",
            "Fleiss' kappa",
            FLEISS,
            family.fleiss,
            three,
        ),
        row(
            "brennan_prediger",
            "Brennan-Prediger kappa",
            BRENNAN,
            family.brennan_prediger,
            None,
        ),
        row("gwet_ac1", "Gwet's AC1", GWET, family.gwet_ac1, None),
        row(
            "percent_agreement",
            "Percent agreement",
            PERCENT,
            family.percent,
            None,
        ),
    ]
}

impl Reliability {
    /// The coefficient with `key`, if the report has it.
    pub fn get(&self, key: &str) -> Option<&Coefficient> {
        self.coefficients.iter().find(|c| c.key == key)
    }

    /// α at the report's level.
    pub fn alpha(&self) -> &Coefficient {
        &self.coefficients[0]
    }
}

impl Serialize for Coefficient {
    /// Keys: key, name, reference, value, d_o and d_e (α) or p_a and p_e (the others), n_units,
    /// ci_low, ci_high, q_667, q_800 (α only; `null` without a bootstrap), cautions.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("key", &self.key)?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("reference", self.reference)?;
        map.serialize_entry("value", &self.value)?;
        match self.parts {
            Parts::Disagreement { d_o, d_e } => {
                map.serialize_entry("d_o", &d_o)?;
                map.serialize_entry("d_e", &d_e)?;
            }
            Parts::Agreement { p_a, p_e } => {
                map.serialize_entry("p_a", &p_a)?;
                map.serialize_entry("p_e", &p_e)?;
            }
        }
        map.serialize_entry("n_units", &self.n_units)?;
        if matches!(self.parts, Parts::Disagreement { .. }) {
            let i = self.interval.as_ref();
            map.serialize_entry("ci_low", &i.map(|i| i.ci_low))?;
            map.serialize_entry("ci_high", &i.map(|i| i.ci_high))?;
            map.serialize_entry("q_667", &i.map(|i| i.q_667))?;
            map.serialize_entry("q_800", &i.map(|i| i.q_800))?;
            map.serialize_entry("draws", &i.map(|i| i.draws))?;
        }
        map.serialize_entry("cautions", &self.cautions)?;
        map.end()
    }
}

impl Serialize for Reliability {
    /// Keys: level, coders, n_units, n_pairable_units, n_pairable, units_left_out, alpha, d_o,
    /// d_e, ci_low, ci_high (α at the chosen level, repeated from its coefficient), bootstrap
    /// ({replicates, seed} or null), coefficients.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let alpha = self.alpha();
        let (d_o, d_e) = match alpha.parts {
            Parts::Disagreement { d_o, d_e } => (d_o, d_e),
            Parts::Agreement { .. } => (Figure::NotDefined, Figure::NotDefined),
        };
        let interval = alpha.interval.as_ref();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("level", &self.level)?;
        map.serialize_entry("coders", &self.coders)?;
        map.serialize_entry("n_units", &self.n_units)?;
        map.serialize_entry("n_pairable_units", &self.n_pairable_units)?;
        map.serialize_entry("n_pairable", &self.n_pairable)?;
        map.serialize_entry("units_left_out", &self.left_out)?;
        map.serialize_entry("alpha", &alpha.value)?;
        map.serialize_entry("d_o", &d_o)?;
        map.serialize_entry("d_e", &d_e)?;
        map.serialize_entry("ci_low", &interval.map(|i| i.ci_low))?;
        map.serialize_entry("ci_high", &interval.map(|i| i.ci_high))?;
        map.serialize_entry("bootstrap", &self.bootstrap)?;
        map.serialize_entry("coefficients", &self.coefficients)?;
        map.end()
    }
}
