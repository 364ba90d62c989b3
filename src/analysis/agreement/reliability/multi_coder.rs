//! Coefficients for any number of coders with missing values, in the forms of Gwet (2014),
//! *Handbook of Inter-Rater Reliability*, 4th ed., ch. 2 (the irrCAC package's `*.raw` functions):
//!
//! - percent agreement p_a = (1/n₂) Σ_{u: r_u ≥ 2} Σ_k r_uk (r_uk − 1) / (r_u (r_u − 1)), over the n₂
//!   units with two or more values;
//! - π_k = (1/n₁) Σ_{u: r_u ≥ 1} r_uk / r_u, over the n₁ units with a value;
//! - Fleiss' κ (Fleiss 1971): p_e = Σ_k π_k²;
//! - Brennan–Prediger (1981): p_e = 1/q, q the number of categories in the data;
//! - Gwet's AC1 (Gwet 2008): p_e = Σ_k π_k (1 − π_k) / (q − 1);
//!
//! each coefficient (p_a − p_e)/(1 − p_e). Values are compared as categories (nominal).

use super::data::ReliabilityData;
use super::pairwise::Chance;
use crate::analysis::agreement::figure::Figure;
use crate::analysis::agreement::kappa::chance_corrected;

/// The multi-coder family.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Family {
    /// Percent agreement p_a (as a share, 0 to 1), with no chance correction.
    pub percent: Chance,
    /// Fleiss' κ.
    pub fleiss: Chance,
    /// Brennan–Prediger's κ_n.
    pub brennan_prediger: Chance,
    /// Gwet's AC1.
    pub gwet_ac1: Chance,
}

/// The family's figures for `data`.
pub fn family(data: &ReliabilityData) -> Family {
    let q = data.values.len();
    let (mut agreeing, mut pairable) = (0.0, 0usize);
    let (mut shares, mut rated) = (vec![0.0; q], 0usize);
    for u in 0..data.units.len() {
        let counts = data.unit_counts(u);
        let r: usize = counts.iter().map(|(_, n)| n).sum();
        if r == 0 {
            continue;
        }
        rated += 1;
        for &(k, n) in &counts {
            shares[k] += n as f64 / r as f64;
        }
        if r >= 2 {
            pairable += 1;
            let pairs: usize = counts.iter().map(|(_, n)| n * (n - 1)).sum();
            agreeing += pairs as f64 / (r * (r - 1)) as f64;
        }
    }
    let p_a = Figure::ratio(agreeing, pairable as f64);
    let pi: Vec<f64> = shares.iter().map(|s| s / rated as f64).collect();
    let fleiss_e = if rated == 0 {
        Figure::NotDefined
    } else {
        Figure::new(pi.iter().map(|p| p * p).sum())
    };
    let bp_e = if q < 2 {
        Figure::NotDefined
    } else {
        Figure::new(1.0 / q as f64)
    };
    let ac1_e = if q < 2 || rated == 0 {
        Figure::NotDefined
    } else {
        Figure::new(pi.iter().map(|p| p * (1.0 - p)).sum::<f64>() / (q - 1) as f64)
    };
    let chance = |p_e: Figure| Chance {
        value: chance_corrected(p_a, p_e),
        p_a,
        p_e,
        units: pairable,
    };
    Family {
        percent: Chance {
            value: p_a,
            p_a,
            p_e: Figure::NotDefined,
            units: pairable,
        },
        fleiss: chance(fleiss_e),
        brennan_prediger: chance(bp_e),
        gwet_ac1: chance(ac1_e),
    }
}
