//! Krippendorff's α on predefined units at any level, for any number of coders with missing
//! values, from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
//! alpha-reliability"; Krippendorff 2019, *Content Analysis*, 4th ed., ch. 12):
//!
//! D_o = (1/n) Σ_c Σ_k o_ck δ²_ck,  D_e = (1/(n(n − 1))) Σ_c Σ_k n_c n_k δ²_ck,  α = 1 − D_o/D_e.

use serde::Serialize;

use super::coincidence::Coincidences;
use super::data::ReliabilityData;
use super::level::Level;
use crate::analysis::agreement::figure::Figure;

/// α with its parts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Alpha {
    /// The level whose metric was used.
    pub level: Level,
    /// α = 1 − D_o/D_e; not defined without pairable values or without variation.
    pub alpha: Figure,
    /// Observed disagreement D_o.
    pub d_o: Figure,
    /// Expected disagreement D_e.
    pub d_e: Figure,
}

/// The difference matrix of `level` for `data`'s values and pairable frequencies.
pub fn differences(data: &ReliabilityData, co: &Coincidences, level: Level) -> Vec<Vec<f64>> {
    let numbers: Vec<f64> = data
        .values
        .iter()
        .map(|v| v.number.unwrap_or(f64::NAN))
        .collect();
    level.differences(&numbers, &co.frequencies)
}

/// α of `data` at `level`. The caller makes sure the values are numbers where the level needs them.
pub fn alpha(data: &ReliabilityData, co: &Coincidences, level: Level) -> Alpha {
    let delta = differences(data, co, level);
    let (d_o, d_e) = disagreements(co, &delta);
    Alpha {
        level,
        alpha: match (d_o.value(), d_e.value()) {
            (Some(o), Some(e)) if e > 0.0 => Figure::new(1.0 - o / e),
            _ => Figure::NotDefined,
        },
        d_o,
        d_e,
    }
}

/// (D_o, D_e) for the coincidences and differences; not defined when n < 2.
pub fn disagreements(co: &Coincidences, delta: &[Vec<f64>]) -> (Figure, Figure) {
    let n = co.total;
    if n < 2.0 {
        return (Figure::NotDefined, Figure::NotDefined);
    }
    let (mut observed, mut expected) = (0.0, 0.0);
    for ((o_row, d_row), n_c) in co.matrix.iter().zip(delta).zip(&co.frequencies) {
        for ((o, d), n_k) in o_row.iter().zip(d_row).zip(&co.frequencies) {
            observed += o * d;
            expected += n_c * n_k * d;
        }
    }
    (
        Figure::new(observed / n),
        Figure::new(expected / (n * (n - 1.0))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_coders(a: &[f64], b: &[f64]) -> ReliabilityData {
        let rows = a
            .iter()
            .zip(b)
            .enumerate()
            .map(|(i, (&x, &y))| (i.to_string(), vec![Some(x), Some(y)]))
            .collect();
        ReliabilityData::numbers(vec!["A".into(), "B".into()], rows)
    }

    /// Krippendorff (2011), section A: binary data, two observers, no missing data:
    /// α = 0.095.
    #[test]
    fn binary_two_observers_2011() {
        let data = two_coders(
            &[0., 1., 0., 0., 0., 0., 0., 0., 1., 0.],
            &[1., 1., 1., 0., 0., 1., 0., 0., 0., 0.],
        );
        let co = Coincidences::of(&data);
        let a = alpha(&data, &co, Level::Nominal).alpha.value().unwrap();
        assert!((a - 0.095).abs() < 0.0005, "{a}");
    }

    #[test]
    fn perfect_agreement_is_one_and_no_variation_is_not_defined() {
        let data = two_coders(&[1., 2., 3.], &[1., 2., 3.]);
        let co = Coincidences::of(&data);
        assert_eq!(alpha(&data, &co, Level::Interval).alpha, Figure::Value(1.0));
        let same = two_coders(&[2., 2.], &[2., 2.]);
        let co = Coincidences::of(&same);
        let a = alpha(&same, &co, Level::Nominal);
        assert_eq!(a.alpha, Figure::NotDefined);
        assert_eq!(a.d_o, Figure::Value(0.0));
        assert_eq!(a.d_e, Figure::Value(0.0));
    }
}
