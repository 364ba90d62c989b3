//! The codings of one document prepared for painting: sorted by start, with underline lanes
//! (greedy interval colouring, so overlapping codings get distinct lanes) and a prefix maximum of
//! ends for fast overlap queries. Rebuilt only when the project or the document changes.

use egui::Color32;

use crate::model::codebook::Codebook;
use crate::model::coding::{Coding, CodingId};
use crate::model::span::Span;

use super::reader::code_colour;

/// One coding ready to paint.
#[derive(Debug, Clone)]
pub struct Highlight {
    /// The coding.
    pub id: CodingId,
    /// Its span.
    pub span: Span,
    /// The code's colour.
    pub colour: Color32,
    /// Underline lane (0 = lowest).
    pub lane: usize,
    /// Underline colour: the code's colour, or the coder's in the compare view.
    pub underline: Color32,
    /// Code name for the tooltip.
    pub label: String,
    /// Memo for the tooltip.
    pub memo: String,
}

/// An outline around a stretch of text (the compare view marks each difference by its kind).
#[derive(Debug, Clone)]
pub struct Mark {
    /// The text outlined.
    pub span: Span,
    /// Outline colour.
    pub colour: Color32,
    /// Shown in the hover tooltip.
    pub label: String,
    /// Drawn heavier (the selected difference).
    pub emphasised: bool,
}

/// The highlights of one document, sorted by start.
#[derive(Debug, Clone, Default)]
pub struct HighlightIndex {
    items: Vec<Highlight>,
    max_end: Vec<usize>,
    marks: Vec<Mark>,
}

impl HighlightIndex {
    /// Builds the index from codings (any order) of one document.
    pub fn new<'a>(codings: impl Iterator<Item = &'a Coding>, codebook: &Codebook) -> Self {
        let mut items: Vec<Highlight> = codings
            .map(|c| {
                let code = codebook.get(&c.code);
                let colour = code_colour(code.map_or([128, 128, 128], |c| c.rgb()));
                Highlight {
                    id: c.id,
                    span: c.span(),
                    colour,
                    lane: 0,
                    underline: colour,
                    label: codebook.name_of(&c.code),
                    memo: c.memo.clone(),
                }
            })
            .collect();
        items.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end), h.id));
        assign_lanes(&mut items);
        Self::sorted(items)
    }

    /// Builds the index from layers (e.g. one per coder): each layer gets its own band of
    /// underline lanes below the bands of the layers before it, so layers never share a lane.
    pub fn layered(layers: Vec<Vec<Highlight>>) -> Self {
        let mut items = Vec::new();
        let mut offset = 0;
        for mut layer in layers {
            layer.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end), h.id));
            assign_lanes(&mut layer);
            let lanes = layer.iter().map(|h| h.lane + 1).max().unwrap_or(1);
            for h in &mut layer {
                h.lane += offset;
            }
            offset += lanes;
            items.extend(layer);
        }
        items.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end), h.id));
        Self::sorted(items)
    }

    /// The same index with outlines to paint.
    pub fn with_marks(mut self, marks: Vec<Mark>) -> Self {
        self.marks = marks;
        self
    }

    /// Outlines meeting `span`.
    pub fn marks_overlapping(&self, span: Span) -> impl Iterator<Item = &Mark> {
        self.marks.iter().filter(move |m| m.span.overlaps(&span))
    }

    fn sorted(items: Vec<Highlight>) -> Self {
        let mut max_end = Vec::with_capacity(items.len());
        let mut m = 0;
        for h in &items {
            m = m.max(h.span.end);
            max_end.push(m);
        }
        Self {
            items,
            max_end,
            marks: Vec::new(),
        }
    }

    /// Number of highlights.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Highlights sharing at least one char with `span`.
    pub fn overlapping(&self, span: Span) -> Vec<&Highlight> {
        let stop = self.items.partition_point(|h| h.span.start < span.end);
        let from = self.max_end[..stop].partition_point(|&e| e <= span.start);
        self.items[from..stop]
            .iter()
            .filter(|h| h.span.end > span.start)
            .collect()
    }

    /// Highlights that contain the char at `offset`.
    pub fn containing(&self, offset: usize) -> Vec<&Highlight> {
        self.overlapping(Span::new(offset, offset + 1))
    }

    /// The shortest highlight containing the char at `offset`.
    pub fn innermost_at(&self, offset: usize) -> Option<&Highlight> {
        self.containing(offset)
            .into_iter()
            .min_by_key(|h| h.span.len())
    }
}

fn assign_lanes(items: &mut [Highlight]) {
    let mut lane_ends: Vec<usize> = Vec::new();
    for h in items.iter_mut() {
        let lane = match lane_ends.iter().position(|&end| end <= h.span.start) {
            Some(l) => l,
            None => {
                lane_ends.push(0);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = h.span.end;
        h.lane = lane;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codebook::CodeId;
    use crate::model::corpus::DocId;

    fn coding(id: u64, start: usize, end: usize) -> Coding {
        Coding {
            id: CodingId(id),
            document: DocId("d".into()),
            code: CodeId("claim".into()),
            start,
            end,
            quote: String::new(),
            memo: String::new(),
            attributes: Default::default(),
            created: String::new(),
            modified: String::new(),
        }
    }

    #[test]
    fn overlapping_codings_get_distinct_lanes() {
        let cs = [coding(1, 0, 10), coding(2, 5, 15), coding(3, 12, 20)];
        let idx = HighlightIndex::new(cs.iter(), &Codebook::default());
        let lanes: Vec<usize> = idx.items.iter().map(|h| h.lane).collect();
        assert_eq!(lanes, vec![0, 1, 0]);
    }

    #[test]
    fn overlap_query_finds_long_codings_that_started_early() {
        let cs = [coding(1, 0, 100), coding(2, 10, 12), coding(3, 50, 60)];
        let idx = HighlightIndex::new(cs.iter(), &Codebook::default());
        let ids: Vec<u64> = idx
            .overlapping(Span::new(55, 58))
            .iter()
            .map(|h| h.id.0)
            .collect();
        assert_eq!(ids, vec![1, 3]);
        assert_eq!(idx.innermost_at(11).unwrap().id, CodingId(2));
        assert!(idx.containing(100).is_empty());
    }

    #[test]
    fn layers_get_separate_lane_bands() {
        let to_highlights = |cs: &[Coding]| {
            HighlightIndex::new(cs.iter(), &Codebook::default())
                .items
                .clone()
        };
        let anna = to_highlights(&[coding(1, 0, 10), coding(2, 5, 15)]);
        let ben = to_highlights(&[coding(3, 0, 10)]);
        let idx = HighlightIndex::layered(vec![anna, ben]);
        let lanes: Vec<(u64, usize)> = idx.items.iter().map(|h| (h.id.0, h.lane)).collect();
        assert_eq!(lanes, vec![(1, 0), (3, 2), (2, 1)]);
        assert_eq!(idx.overlapping(Span::new(12, 13)).len(), 1);
    }
}
