//! Chance-corrected agreement on predefined items: Cohen's κ for two raters, Fleiss' κ for more.
//!
//! Both take counts, not item lists, so the character-level baseline can feed them millions of
//! characters as a handful of weighted rows.

use serde::Serialize;

use super::figure::Figure;

/// Cohen's κ with its parts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CohenKappa {
    /// Observed agreement A_O (share of items on the diagonal).
    pub observed: Figure,
    /// Expected agreement A_E = Σ_k p₁(k)·p₂(k).
    pub expected: Figure,
    /// κ = (A_O − A_E)/(1 − A_E); not defined when there are no items or A_E = 1.
    pub kappa: Figure,
}

/// Cohen's κ from a square table: `table[a][b]` = number of items rater 1 put in category `a`
/// and rater 2 in category `b`.
pub fn cohen_kappa(table: &[Vec<u64>]) -> CohenKappa {
    let k = table.len();
    let total: u64 = table.iter().flatten().sum();
    let n = total as f64;
    let diagonal: u64 = (0..k).map(|i| table[i].get(i).copied().unwrap_or(0)).sum();
    let row = |i: usize| table[i].iter().sum::<u64>() as f64;
    let col = |j: usize| {
        table
            .iter()
            .map(|r| r.get(j).copied().unwrap_or(0))
            .sum::<u64>() as f64
    };
    let observed = Figure::ratio(diagonal as f64, n);
    let expected = Figure::ratio((0..k).map(|i| row(i) * col(i)).sum(), n * n);
    CohenKappa {
        observed,
        expected,
        kappa: chance_corrected(observed, expected),
    }
}

/// (A_O − A_E)/(1 − A_E), not defined when either part is, or when A_E = 1.
pub fn chance_corrected(observed: Figure, expected: Figure) -> Figure {
    match (observed.value(), expected.value()) {
        (Some(o), Some(e)) => Figure::ratio(o - e, 1.0 - e),
        _ => Figure::NotDefined,
    }
}

/// Fleiss' κ with its parts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FleissKappa {
    /// Mean pairwise agreement P̄.
    pub observed: Figure,
    /// Chance agreement P̄e = Σ_k p_k².
    pub expected: Figure,
    /// κ = (P̄ − P̄e)/(1 − P̄e).
    pub kappa: Figure,
}

/// Fleiss' κ from an item × category table of counts; every row must sum to the same number of
/// raters n ≥ 2 (rows that do not are skipped).
pub fn fleiss_kappa(items: &[Vec<u64>]) -> FleissKappa {
    let rows: Vec<(u64, &[u64])> = items.iter().map(|r| (1, r.as_slice())).collect();
    fleiss_kappa_weighted(&rows)
}

/// Fleiss' κ where each row stands for `weight` identical items.
pub fn fleiss_kappa_weighted(rows: &[(u64, &[u64])]) -> FleissKappa {
    let n = rows
        .iter()
        .map(|(_, r)| r.iter().sum::<u64>())
        .max()
        .unwrap_or(0);
    let categories = rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let (mut items, mut agreeing) = (0u64, 0f64);
    let mut per_category = vec![0f64; categories];
    for &(weight, row) in rows {
        if row.iter().sum::<u64>() != n || n < 2 {
            continue;
        }
        items += weight;
        let pairs: u64 = row.iter().map(|&c| c * c.saturating_sub(1)).sum();
        agreeing += weight as f64 * pairs as f64 / (n * (n - 1)) as f64;
        for (k, &c) in row.iter().enumerate() {
            per_category[k] += (weight * c) as f64;
        }
    }
    let observed = Figure::ratio(agreeing, items as f64);
    let assignments = (items * n) as f64;
    let expected = if assignments == 0.0 {
        Figure::NotDefined
    } else {
        Figure::new(per_category.iter().map(|c| (c / assignments).powi(2)).sum())
    };
    FleissKappa {
        observed,
        expected,
        kappa: chance_corrected(observed, expected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// C1: Cohen (1960), Table 2; DKPro `Cohen1960Test`.
    #[test]
    fn c1_cohen_1960() {
        let table = vec![vec![88, 14, 18], vec![10, 40, 10], vec![2, 6, 12]];
        let k = cohen_kappa(&table);
        assert!((k.observed.value().unwrap() - 0.70).abs() <= 0.01);
        assert!((k.expected.value().unwrap() - 0.41).abs() <= 0.01);
        assert!(
            (k.kappa.value().unwrap() - 0.492).abs() <= 0.001,
            "{:?}",
            k.kappa
        );
    }

    /// C13: Fleiss' κ, Wikipedia example; statsmodels `test_inter_rater.py`.
    #[test]
    fn c13_fleiss_wikipedia() {
        let items: Vec<Vec<u64>> = vec![
            vec![0, 0, 0, 0, 14],
            vec![0, 2, 6, 4, 2],
            vec![0, 0, 3, 5, 6],
            vec![0, 3, 9, 2, 0],
            vec![2, 2, 8, 1, 1],
            vec![7, 7, 0, 0, 0],
            vec![3, 2, 6, 3, 0],
            vec![2, 5, 3, 2, 2],
            vec![6, 5, 2, 1, 0],
            vec![0, 2, 2, 3, 7],
        ];
        let k = fleiss_kappa(&items).kappa.value().unwrap();
        assert!((k - 0.210).abs() < 0.0005, "{k}");
    }

    #[test]
    fn weighted_rows_equal_repeated_rows() {
        let repeated = fleiss_kappa(&[vec![3, 0], vec![3, 0], vec![1, 2], vec![0, 3]]);
        let weighted = fleiss_kappa_weighted(&[(2, &[3, 0]), (1, &[1, 2]), (1, &[0, 3])]);
        assert_eq!(repeated, weighted);
    }

    #[test]
    fn no_variation_is_not_defined() {
        let k = cohen_kappa(&[vec![5, 0], vec![0, 0]]);
        assert_eq!(k.observed, Figure::Value(1.0));
        assert_eq!(k.kappa, Figure::NotDefined);
        assert_eq!(cohen_kappa(&[]).kappa, Figure::NotDefined);
        assert_eq!(fleiss_kappa(&[vec![2, 0]]).kappa, Figure::NotDefined);
    }
}
