//! The coincidence matrix o_ck: how often value c was paired with value k by two different coders
//! in the same unit, each unit weighted by 1/(m_u − 1) so that every pairable value counts once
//! (Krippendorff 2011, section C). Units with fewer than two values are not pairable.

use super::data::ReliabilityData;

/// Coincidences of one data set.
#[derive(Debug, Clone, PartialEq)]
pub struct Coincidences {
    /// `matrix[c][k]` = o_ck (symmetric).
    pub matrix: Vec<Vec<f64>>,
    /// n_c = Σ_k o_ck: how many pairable values are c.
    pub frequencies: Vec<f64>,
    /// n = Σ_c n_c: the number of pairable values.
    pub total: f64,
    /// Units with two or more values.
    pub pairable_units: usize,
}

impl Coincidences {
    /// The coincidence matrix of `data`.
    pub fn of(data: &ReliabilityData) -> Self {
        let v = data.values.len();
        let mut matrix = vec![vec![0.0; v]; v];
        let mut pairable_units = 0;
        for (u, m) in data.values_per_unit().into_iter().enumerate() {
            if m < 2 {
                continue;
            }
            pairable_units += 1;
            let weight = 1.0 / (m - 1) as f64;
            let counts = data.unit_counts(u);
            for &(c, nc) in &counts {
                for &(k, nk) in &counts {
                    let pairs = if c == k { nc * (nc - 1) } else { nc * nk };
                    matrix[c][k] += pairs as f64 * weight;
                }
            }
        }
        let frequencies: Vec<f64> = matrix.iter().map(|r| r.iter().sum()).collect();
        let total = frequencies.iter().sum();
        Coincidences {
            matrix,
            frequencies,
            total,
            pairable_units,
        }
    }

    /// The number of cells with o_ck > 0, counting c–k and k–c apart.
    pub fn filled_cells(&self) -> usize {
        self.matrix.iter().flatten().filter(|&&o| o > 0.0).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_of_three_values_counts_each_value_once() {
        let data = ReliabilityData::numbers(
            vec!["a".into(), "b".into(), "c".into()],
            vec![
                ("1".into(), vec![Some(1.0), Some(1.0), Some(2.0)]),
                ("2".into(), vec![Some(2.0), None, None]),
            ],
        );
        let o = Coincidences::of(&data);
        assert_eq!(o.matrix, vec![vec![1.0, 1.0], vec![1.0, 0.0]]);
        assert_eq!(o.total, 3.0);
        assert_eq!(o.pairable_units, 1);
        assert_eq!(o.filled_cells(), 3);
    }
}
