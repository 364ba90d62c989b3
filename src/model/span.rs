//! Character spans: the one unit every offset in Spanwise is measured in.
//!
//! Offsets are Unicode scalar values (Rust `char` indices), 0-based and half-open `[start, end)`,
//! counted on the document text exactly as stored.

use serde::{Deserialize, Serialize};

/// A half-open range of char offsets `[start, end)` in one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First char of the span.
    pub start: usize,
    /// One past the last char of the span.
    pub end: usize,
}

impl Span {
    /// A span from two offsets in either order.
    pub fn new(a: usize, b: usize) -> Self {
        Self {
            start: a.min(b),
            end: a.max(b),
        }
    }

    /// Number of chars covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no char.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one char.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Number of chars the two spans share.
    pub fn overlap_len(&self, other: &Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// True when `offset` lies inside the span.
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_half_open() {
        let a = Span::new(0, 5);
        let b = Span::new(5, 9);
        assert!(!a.overlaps(&b));
        assert_eq!(a.overlap_len(&b), 0);
        assert!(Span::new(4, 6).overlaps(&b));
        assert_eq!(Span::new(3, 7).overlap_len(&Span::new(5, 12)), 2);
    }

    #[test]
    fn new_orders_its_ends() {
        assert_eq!(Span::new(9, 2), Span { start: 2, end: 9 });
        assert_eq!(Span::new(9, 2).len(), 7);
    }
}
