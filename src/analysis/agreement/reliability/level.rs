//! Levels of measurement and their difference functions δ² (Krippendorff 2011, "Computing
//! Krippendorff's alpha-reliability", section E).

use serde::Serialize;

/// A level of measurement: which differences between values count, and how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Categories: any two different values differ by 1.
    Nominal,
    /// Ranks: the difference grows with the number of values ranked between the two.
    Ordinal,
    /// Numbers on a scale with equal steps: δ² = (c − k)².
    Interval,
    /// Numbers with a natural zero: δ² = ((c − k)/(c + k))².
    Ratio,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 4] = [
        Level::Nominal,
        Level::Ordinal,
        Level::Interval,
        Level::Ratio,
    ];

    /// The lower-case name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Level::Nominal => "nominal",
            Level::Ordinal => "ordinal",
            Level::Interval => "interval",
            Level::Ratio => "ratio",
        }
    }

    /// True for the levels whose values must be numbers.
    pub fn needs_numbers(self) -> bool {
        self != Level::Nominal
    }

    /// The matrix δ²[c][k] for values `numbers` (ascending; ignored at the nominal level) whose
    /// pairable frequencies are `frequencies` (used by the ordinal metric).
    pub fn differences(self, numbers: &[f64], frequencies: &[f64]) -> Vec<Vec<f64>> {
        let v = frequencies.len();
        let mut delta = vec![vec![0.0; v]; v];
        // Running sums of frequencies for the ordinal metric: rank[g] = n_0 + … + n_g.
        let cumulative: Vec<f64> = frequencies
            .iter()
            .scan(0.0, |sum, n| {
                *sum += n;
                Some(*sum)
            })
            .collect();
        for c in 0..v {
            for k in c + 1..v {
                let d = match self {
                    Level::Nominal => 1.0,
                    Level::Ordinal => {
                        let between = cumulative[k] - cumulative[c] + frequencies[c];
                        let d = between - (frequencies[c] + frequencies[k]) / 2.0;
                        d * d
                    }
                    Level::Interval => (numbers[c] - numbers[k]).powi(2),
                    Level::Ratio => {
                        let sum = numbers[c] + numbers[k];
                        if sum == 0.0 {
                            0.0
                        } else {
                            ((numbers[c] - numbers[k]) / sum).powi(2)
                        }
                    }
                };
                delta[c][k] = d;
                delta[k][c] = d;
            }
        }
        delta
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Krippendorff (2011), ordinal metric: δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)².
    #[test]
    fn ordinal_difference_counts_the_ranks_between() {
        let d = Level::Ordinal.differences(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]);
        // 1 vs 2: 2 + 4 − 3 = 3; 1 vs 3: 2 + 4 + 6 − 4 = 8; 2 vs 3: 4 + 6 − 5 = 5.
        assert_eq!(d[0][1], 9.0);
        assert_eq!(d[0][2], 64.0);
        assert_eq!(d[1][2], 25.0);
        assert_eq!(d[2][0], 64.0);
        assert_eq!(d[1][1], 0.0);
    }

    #[test]
    fn ratio_difference_of_two_zeros_is_zero() {
        let d = Level::Ratio.differences(&[0.0, 0.0, 2.0], &[1.0, 1.0, 1.0]);
        assert_eq!(d[0][1], 0.0);
        assert_eq!(d[0][2], 1.0);
        let i = Level::Interval.differences(&[1.0, 4.0], &[1.0, 1.0]);
        assert_eq!(i[0][1], 9.0);
        let n = Level::Nominal.differences(&[], &[1.0, 1.0]);
        assert_eq!(n[0][1], 1.0);
    }
}
