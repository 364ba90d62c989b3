//! Exact non-negative fractions of integer sums: the unitizing coefficients accumulate their
//! parts in integers and divide once, so "observed equals expected" is decided exactly.

/// An exact fraction `numerator / denominator`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fraction {
    /// The numerator.
    pub numerator: i128,
    /// The denominator.
    pub denominator: i128,
}

impl Fraction {
    /// `numerator / denominator`.
    pub fn new(numerator: i128, denominator: i128) -> Self {
        Self {
            numerator,
            denominator,
        }
    }

    /// The value; 0 for a zero numerator, also over a zero denominator.
    pub fn to_f64(self) -> f64 {
        if self.numerator == 0 {
            0.0
        } else {
            self.numerator as f64 / self.denominator as f64
        }
    }

    /// Exact equality by cross-multiplication, falling back to floats only on overflow.
    pub fn same_as(self, other: Fraction) -> bool {
        match (
            self.numerator.checked_mul(other.denominator),
            other.numerator.checked_mul(self.denominator),
        ) {
            (Some(a), Some(b)) => a == b,
            _ => self.to_f64() == other.to_f64(),
        }
    }
}
