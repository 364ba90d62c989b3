//! Finding a quote in a text when it is no longer there exactly: exact occurrences, the closest
//! window by edit distance (semi-global alignment), and windows bracketed by the quote's ends.

use crate::anchor::limits::*;
use crate::model::span::Span;
use crate::model::text::DocText;

/// Char starts of the exact occurrences of `quote` in the text.
pub fn exact_occurrences(text: &DocText, quote: &str) -> Vec<usize> {
    if quote.is_empty() {
        return Vec::new();
    }
    text.as_str()
        .match_indices(quote)
        .take(MAX_OCCURRENCES)
        .map(|(b, _)| text.char_of_byte(b))
        .collect()
}

/// The best fuzzy window found for a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct FuzzyWindow {
    /// Where.
    pub span: Span,
    /// 1 − edit distance / length of the longer of quote and window.
    pub similarity: f64,
    /// True when no other, non-overlapping window is as close.
    pub clear: bool,
    /// True when another, non-overlapping window is similar enough to be placed on.
    pub rival: bool,
}

/// The window of `text[lo..hi]` starting within `starts` with the smallest edit distance to
/// `quote` (ties go to the window starting nearest `prefer`), by semi-global alignment.
pub fn fuzzy_window(
    text: &DocText,
    quote: &str,
    (lo, hi): (usize, usize),
    starts: (usize, usize),
    prefer: usize,
) -> Option<FuzzyWindow> {
    let hay: Vec<char> = text.slice(Span::new(lo, hi))?.chars().collect();
    let needle: Vec<char> = quote.chars().collect();
    if needle.is_empty() || hay.is_empty() {
        return None;
    }
    let mut ends = alignment_ends(&needle, &hay);
    ends.retain(|&(_, s, _)| (starts.0..=starts.1).contains(&(lo + s)));
    let key = |&(d, s, _): &(usize, usize, usize)| (d, (lo + s).abs_diff(prefer));
    let best = *ends.iter().min_by_key(|c| key(c))?;
    let second = ends
        .iter()
        .filter(|&&(_, s, e)| e <= best.1 || s >= best.2)
        .min_by_key(|c| c.0);
    let similarity =
        |(d, s, e): (usize, usize, usize)| 1.0 - d as f64 / needle.len().max(e - s) as f64;
    Some(FuzzyWindow {
        span: Span::new(lo + best.1, lo + best.2),
        similarity: similarity(best),
        clear: second.is_none_or(|c| c.0 > best.0),
        rival: second.is_some_and(|&c| similarity(c) >= MIN_SIMILARITY),
    })
}

/// Lengths of the quote's head and tail that [`bracketed_window`] is tried with, longest first
/// (short ones for edits close to one end).
pub(crate) const BRACKET_CHARS: [(usize, usize); 6] =
    [(12, 12), (6, 6), (6, 12), (12, 6), (3, 12), (12, 3)];
/// Ends as short as 3 chars are only trusted when the start is known this closely.
pub(crate) const SHORT_END_RANGE: usize = 4 * SLACK;

/// The window of `text[lo..hi]` that starts (within `starts`) with the quote's first `ends.0`
/// and ends with its last `ends.1` chars; its similarity is the share of the quote's chars it
/// keeps in order (over the mean of quote and window length when the window is longer). For quotes edited inside (where a free-ended alignment would cut off a
/// short end rather than span the edit). `clear` when head and tail occur once there.
pub fn bracketed_window(
    text: &DocText,
    quote: &str,
    ends: (usize, usize),
    (lo, hi): (usize, usize),
    starts: (usize, usize),
    prefer: usize,
) -> Option<FuzzyWindow> {
    let needle: Vec<char> = quote.chars().collect();
    let m = needle.len();
    let (head_len, tail_len) = ends;
    if head_len == 0 || tail_len == 0 || m < 24 || m < 2 * head_len.max(tail_len) {
        return None;
    }
    let hay_text = text.slice(Span::new(lo, hi))?;
    let hay: Vec<char> = hay_text.chars().collect();
    let find = |part: &[char]| -> Vec<usize> {
        (0..=hay.len().saturating_sub(part.len()))
            .filter(|&i| hay.len() >= part.len() && hay[i..i + part.len()] == *part)
            .collect()
    };
    let mut heads = find(&needle[..head_len]);
    heads.retain(|&h| (starts.0..=starts.1).contains(&(lo + h)));
    let tails = find(&needle[m - tail_len..]);
    if heads.len() * tails.len() > MAX_BRACKET_PAIRS {
        return None;
    }
    // with both ends in place, text inserted in between does not make the window less the
    // quote's: what counts is how much of the quote is kept, in order
    // (a window much longer than the quote still costs half of what it adds)
    let similarity = |(h, e): (usize, usize)| {
        common_subsequence(&needle, &hay[h..e]) as f64 / m.max((m + e - h) / 2) as f64
    };
    let scored: Vec<((usize, usize), f64)> = heads
        .iter()
        .flat_map(|&h| tails.iter().map(move |&t| (h, t + tail_len)))
        .filter(|&(h, e)| e >= h + m / 2 && e <= h + 2 * m)
        .map(|pair| (pair, similarity(pair)))
        .collect();
    let &((start, end), best) = scored.iter().max_by(|a, b| {
        a.1.total_cmp(&b.1).then_with(|| {
            (lo + b.0.0)
                .abs_diff(prefer)
                .cmp(&(lo + a.0.0).abs_diff(prefer))
        })
    })?;
    let others = scored.iter().filter(|(pair, _)| *pair != (start, end));
    let rival = others.clone().any(|&(_, sim)| sim >= MIN_SIMILARITY);
    Some(FuzzyWindow {
        span: Span::new(lo + start, lo + end),
        similarity: best,
        clear: !rival && !others.clone().any(|&(_, sim)| sim >= best),
        rival,
    })
}

/// Upper bound on head × tail pairs [`bracketed_window`] compares.
const MAX_BRACKET_PAIRS: usize = 64;

/// Length of the longest common subsequence of two char sequences.
pub(crate) fn common_subsequence(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &ca in a {
        let mut diag = 0;
        for (j, &cb) in b.iter().enumerate() {
            let next = if ca == cb {
                diag + 1
            } else {
                row[j].max(row[j + 1])
            };
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// For every end position in `hay`, the smallest edit distance of a window ending there to
/// `needle`, with that window's start: `(distance, start, end)`.
fn alignment_ends(needle: &[char], hay: &[char]) -> Vec<(usize, usize, usize)> {
    let m = needle.len();
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut out = Vec::with_capacity(hay.len());
    for (j, &h) in hay.iter().enumerate() {
        let (mut diag_cost, mut diag_start) = (cost[0], start[0]);
        cost[0] = 0;
        start[0] = j + 1;
        for i in 1..=m {
            let sub = diag_cost + usize::from(needle[i - 1] != h);
            let skip_text = cost[i] + 1;
            let skip_quote = cost[i - 1] + 1;
            let (c, s) = if sub <= skip_text && sub <= skip_quote {
                (sub, diag_start)
            } else if skip_text <= skip_quote {
                (skip_text, start[i])
            } else {
                (skip_quote, start[i - 1])
            };
            diag_cost = cost[i];
            diag_start = start[i];
            cost[i] = c;
            start[i] = s;
        }
        out.push((cost[m], start[m], j + 1));
    }
    out
}
