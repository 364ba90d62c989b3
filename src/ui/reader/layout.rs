//! Where each paragraph of the open article sits in the reading column, without laying the
//! article out: every paragraph starts with a height estimated from its length, and gets its
//! real height once it has been laid out (when it comes near the screen).
//!
//! Tops are prefix sums kept in a Fenwick tree, so measuring one paragraph, finding the
//! paragraph at a height and the top of a paragraph all cost O(log n) however long the article
//! is. The module knows nothing of egui: the reader measures, this module only keeps the sums.

use std::ops::Range;

use crate::model::span::Span;

/// What the estimates are made from: one row of the column and how many chars fill it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Height of one text row.
    pub row_height: f32,
    /// Chars in a full row at the column width (measured on a sample of the article).
    pub chars_per_row: f32,
    /// Height of an empty paragraph (a blank line between paragraphs).
    pub empty_height: f32,
    /// Space below every paragraph.
    pub gap: f32,
}

impl Metrics {
    /// Estimated height of a paragraph of `chars` chars: whole rows at `chars_per_row`.
    pub fn estimate(&self, chars: usize) -> f32 {
        if chars == 0 {
            return self.empty_height;
        }
        let rows = (chars as f32 / self.chars_per_row.max(1.0)).ceil().max(1.0);
        rows * self.row_height
    }
}

/// Paragraph spans with their heights (estimated or measured) and tops.
#[derive(Debug, Clone, Default)]
pub struct ParagraphLayout {
    spans: Vec<Span>,
    heights: Vec<f32>,
    measured: Vec<bool>,
    /// Fenwick tree over `height + gap` of each paragraph.
    tree: Vec<f64>,
    metrics: Option<Metrics>,
}

impl ParagraphLayout {
    /// Paragraphs with estimated heights (empty paragraphs count as measured: they are never
    /// laid out).
    pub fn new(spans: Vec<Span>, metrics: Metrics) -> Self {
        let mut layout = Self {
            spans,
            ..Self::default()
        };
        layout.reestimate(metrics);
        layout
    }

    /// Forgets every measurement and estimates all heights again (the column width or the font
    /// changed). O(n), no layout.
    pub fn reestimate(&mut self, metrics: Metrics) {
        self.metrics = Some(metrics);
        self.heights = self
            .spans
            .iter()
            .map(|s| metrics.estimate(s.len()))
            .collect();
        self.measured = self.spans.iter().map(Span::is_empty).collect();
        self.rebuild_tree();
    }

    fn rebuild_tree(&mut self) {
        let gap = f64::from(self.gap());
        let n = self.heights.len();
        self.tree = self.heights.iter().map(|&h| f64::from(h) + gap).collect();
        for i in 0..n {
            let parent = i | (i + 1);
            if parent < n {
                self.tree[parent] += self.tree[i];
            }
        }
    }

    /// The metrics the estimates use.
    pub fn metrics(&self) -> Option<Metrics> {
        self.metrics
    }

    fn gap(&self) -> f32 {
        self.metrics.map_or(0.0, |m| m.gap)
    }

    /// Number of paragraphs.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when there are no paragraphs.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The char span of paragraph `i`.
    pub fn span(&self, i: usize) -> Span {
        self.spans[i]
    }

    /// Height of paragraph `i` (measured, or the estimate).
    pub fn height(&self, i: usize) -> f32 {
        self.heights[i]
    }

    /// True once paragraph `i` has its real height.
    pub fn is_measured(&self, i: usize) -> bool {
        self.measured[i]
    }

    /// Paragraphs with text, and how many of them have been laid out (blank lines never are).
    pub fn laid_out(&self) -> (usize, usize) {
        let mut done = 0;
        let mut total = 0;
        for (s, m) in self.spans.iter().zip(&self.measured) {
            if !s.is_empty() {
                total += 1;
                done += usize::from(*m);
            }
        }
        (done, total)
    }

    /// Records the real height of paragraph `i`; returns how much it moved the paragraphs below.
    pub fn set_measured(&mut self, i: usize, height: f32) -> f32 {
        self.measured[i] = true;
        let delta = height - self.heights[i];
        if delta != 0.0 {
            self.heights[i] = height;
            let mut j = i;
            while j < self.tree.len() {
                self.tree[j] += f64::from(delta);
                j |= j + 1;
            }
        }
        delta
    }

    /// Sum of `height + gap` of the paragraphs before `i`.
    fn prefix(&self, i: usize) -> f64 {
        let mut sum = 0.0;
        let mut j = i.min(self.tree.len());
        while j > 0 {
            sum += self.tree[j - 1];
            j &= j - 1;
        }
        sum
    }

    /// Top of paragraph `i`.
    pub fn top(&self, i: usize) -> f32 {
        self.prefix(i) as f32
    }

    /// Height of the whole column.
    pub fn total_height(&self) -> f32 {
        self.prefix(self.len()) as f32
    }

    /// The paragraph at height `y`: the last one whose top is at or above `y` (clamped to the
    /// first and last paragraph; `y` in a gap belongs to the paragraph above it).
    pub fn at_y(&self, y: f32) -> usize {
        let n = self.tree.len();
        if n == 0 {
            return 0;
        }
        // Largest `pos` with prefix(pos) <= y, by descending the tree.
        let target = f64::from(y);
        let mut pos = 0;
        let mut sum = 0.0;
        let mut step = n.next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if next <= n && sum + self.tree[next - 1] <= target {
                pos = next;
                sum += self.tree[next - 1];
            }
            step /= 2;
        }
        pos.min(n - 1)
    }

    /// The paragraph holding char offset `offset` (an offset at a paragraph's end, before its
    /// newline, belongs to that paragraph).
    pub fn of_offset(&self, offset: usize) -> usize {
        let i = self.spans.partition_point(|s| s.end < offset);
        i.min(self.len().saturating_sub(1))
    }

    /// Paragraphs that meet the band of heights `from..to`.
    pub fn in_band(&self, from: f32, to: f32) -> Range<usize> {
        if self.is_empty() || to < from {
            return 0..0;
        }
        let first = self.at_y(from);
        let last = self.at_y(to);
        first..last + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const METRICS: Metrics = Metrics {
        row_height: 20.0,
        chars_per_row: 80.0,
        empty_height: 10.0,
        gap: 2.0,
    };

    /// Paragraphs of these lengths, one char of newline between them.
    fn layout(lengths: &[usize]) -> ParagraphLayout {
        let mut spans = Vec::new();
        let mut start = 0;
        for &n in lengths {
            spans.push(Span::new(start, start + n));
            start += n + 1;
        }
        ParagraphLayout::new(spans, METRICS)
    }

    #[test]
    fn estimates_count_whole_rows_and_blank_lines() {
        let l = layout(&[1, 80, 81, 0, 400]);
        let heights: Vec<f32> = (0..l.len()).map(|i| l.height(i)).collect();
        assert_eq!(heights, vec![20.0, 20.0, 40.0, 10.0, 100.0]);
        assert_eq!(l.top(3), 20.0 + 20.0 + 40.0 + 3.0 * 2.0);
        assert_eq!(l.total_height(), 190.0 + 5.0 * 2.0);
        assert!(l.is_measured(3), "a blank line is never laid out");
        assert!(!l.is_measured(4));
    }

    #[test]
    fn measuring_one_paragraph_moves_only_those_below() {
        let mut l = layout(&[100; 1000]);
        let before: Vec<f32> = (0..l.len()).map(|i| l.top(i)).collect();
        let delta = l.set_measured(500, 65.0);
        assert_eq!(delta, 25.0);
        for (i, &top) in before.iter().enumerate() {
            let expected = if i <= 500 { top } else { top + 25.0 };
            assert_eq!(l.top(i), expected, "paragraph {i}");
        }
        assert!(l.is_measured(500));
        assert_eq!(l.laid_out(), (1, 1000));
    }

    #[test]
    fn the_paragraph_at_a_height_agrees_with_the_tops() {
        let mut l = layout(&[10, 0, 500, 0, 170, 30, 0, 999]);
        l.set_measured(2, 123.0);
        for i in 0..l.len() {
            assert_eq!(l.at_y(l.top(i)), i, "top of {i}");
            assert_eq!(l.at_y(l.top(i) + l.height(i) - 0.5), i, "bottom of {i}");
            // The gap below a paragraph belongs to it.
            assert_eq!(l.at_y(l.top(i) + l.height(i) + 1.0), i, "gap of {i}");
        }
        assert_eq!(l.at_y(-5.0), 0);
        assert_eq!(l.at_y(1e9), l.len() - 1);
        assert_eq!(l.in_band(l.top(2) + 1.0, l.top(4) + 1.0), 2..5);
    }

    #[test]
    fn reestimating_forgets_measurements() {
        let mut l = layout(&[100, 100]);
        l.set_measured(0, 77.0);
        let wider = Metrics {
            chars_per_row: 100.0,
            ..METRICS
        };
        l.reestimate(wider);
        assert!(!l.is_measured(0));
        assert_eq!(l.height(0), 20.0);
        assert_eq!(l.total_height(), 44.0);
    }

    #[test]
    fn offsets_map_to_their_paragraph() {
        let l = layout(&[5, 0, 3]);
        // "aaaaa\n\nbbb": paragraph spans 0..5, 6..6, 7..10.
        assert_eq!(l.of_offset(0), 0);
        assert_eq!(l.of_offset(5), 0);
        assert_eq!(l.of_offset(6), 1);
        assert_eq!(l.of_offset(7), 2);
        assert_eq!(l.of_offset(10), 2);
    }
}
