//! Two-coder coefficients on the units both coders coded: Cohen's κ (Cohen 1960; chance from
//! each coder's own marginals) and Scott's π (Scott 1955; chance from the pooled marginals).
//! Values are compared as categories (nominal).

use serde::Serialize;

use super::data::ReliabilityData;
use crate::analysis::agreement::figure::Figure;
use crate::analysis::agreement::kappa::{chance_corrected, cohen_kappa};

/// A chance-corrected agreement coefficient with its parts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Chance {
    /// The coefficient (p_a − p_e)/(1 − p_e).
    pub value: Figure,
    /// Observed agreement p_a.
    pub p_a: Figure,
    /// Chance agreement p_e.
    pub p_e: Figure,
    /// Units the coefficient used.
    pub units: usize,
}

/// The agreement table of coders 0 and 1 over the units both coded: `table[a][b]`.
pub fn agreement_table(data: &ReliabilityData) -> (Vec<Vec<u64>>, usize) {
    let v = data.values.len();
    let mut table = vec![vec![0u64; v]; v];
    let mut units = 0;
    for row in &data.cells {
        if let (Some(Some(a)), Some(Some(b))) = (row.first(), row.get(1)) {
            table[*a][*b] += 1;
            units += 1;
        }
    }
    (table, units)
}

/// Cohen's κ and Scott's π of the first two coders of `data`.
pub fn cohen_and_scott(data: &ReliabilityData) -> (Chance, Chance) {
    let (table, units) = agreement_table(data);
    let cohen = cohen_kappa(&table);
    let n = units as f64;
    let pooled = (0..table.len())
        .map(|k| {
            let row: u64 = table[k].iter().sum();
            let col: u64 = table.iter().map(|r| r[k]).sum();
            ((row + col) as f64 / (2.0 * n)).powi(2)
        })
        .sum::<f64>();
    let scott_expected = if units == 0 {
        Figure::NotDefined
    } else {
        Figure::new(pooled)
    };
    (
        Chance {
            value: cohen.kappa,
            p_a: cohen.observed,
            p_e: cohen.expected,
            units,
        },
        Chance {
            value: chance_corrected(cohen.observed, scott_expected),
            p_a: cohen.observed,
            p_e: scott_expected,
            units,
        },
    )
}
