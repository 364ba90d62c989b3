//! Placing codings in a changed text from their quotes: the exact occurrence nearest to where
//! the neighbouring codings say it should be, else a fuzzy window near there when it is clearly
//! the best, else a unique distinctive occurrence anywhere; otherwise unplaced, with a reason.

use crate::anchor::fuzzy::{
    BRACKET_CHARS, FuzzyWindow, SHORT_END_RANGE, bracketed_window, common_subsequence,
    exact_occurrences, fuzzy_window,
};
use crate::anchor::limits::*;
use crate::model::span::Span;
use crate::model::text::DocText;

/// A coding to place: its old offsets and its quote.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// Offsets in the old text.
    pub old: Span,
    /// The text the coding covered.
    pub quote: &'a str,
}

/// Where a coding ends up.
#[derive(Debug, Clone, PartialEq)]
pub enum Placement {
    /// The quote found exactly.
    Exact(Span),
    /// A similar text found near the expected place.
    Fuzzy {
        /// The new span.
        span: Span,
        /// 1 − edit distance / length of the longer of quote and window.
        similarity: f64,
    },
    /// No confident place.
    Unplaced {
        /// Why, for the user.
        reason: String,
        /// Best guess, not applied.
        suggestion: Option<Span>,
        /// Where the neighbouring codings put it: the coding keeps its quote (so it stays
        /// flagged) but moves here, so that its offsets refer to the new text like theirs do.
        estimate: Span,
    },
}

/// Places codings in a changed text. `fixed` are the starts of codings whose quote still matches
/// at their offsets (they anchor the neighbourhood); `targets` are the codings to place.
/// Returns one placement per target, in the order given.
pub fn place_all(text: &DocText, fixed: &[usize], targets: &[Target<'_>]) -> Vec<Placement> {
    let occurrences: Vec<Vec<usize>> = targets
        .iter()
        .map(|t| exact_occurrences(text, t.quote))
        .collect();
    // anchors: codings unchanged in place, and unique occurrences of distinctive quotes; a
    // unique occurrence that its own coding does not end up on is dropped as an anchor
    let mut points: Vec<(usize, i64)> = fixed.iter().map(|&s| (s, 0)).collect();
    let mut unique = vec![None; targets.len()];
    for (i, (t, occ)) in targets.iter().zip(&occurrences).enumerate() {
        if occ.len() == 1 && t.quote.chars().count() >= MIN_DISTINCTIVE_CHARS {
            let point = (t.old.start, occ[0] as i64 - t.old.start as i64);
            points.push(point);
            unique[i] = Some(point);
        }
    }
    points.sort_unstable();
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&i| (targets[i].old.start, targets[i].old.end));
    let mut out = vec![None; targets.len()];
    let mut placed: Vec<(usize, i64)> = Vec::new();
    for i in order {
        let t = targets[i];
        let before = latest_before(&points, &placed, t.old.start);
        let after_placed = placed
            .iter()
            .filter(|p| p.0 > t.old.start)
            .min_by_key(|p| p.0);
        let after = match (
            after_placed.copied(),
            first_after_point(&points, t.old.start),
        ) {
            (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        let placement = place_one(text, t, &occurrences[i], before, after, false);
        if let Placement::Exact(s) | Placement::Fuzzy { span: s, .. } = &placement {
            placed.push((t.old.start, s.start as i64 - t.old.start as i64));
            placed.push((t.old.end, s.end as i64 - t.old.end as i64));
        }
        let confirmed = matches!(&placement, Placement::Exact(s)
            if unique[i].is_some_and(|(o, d)| s.start as i64 == o as i64 + d));
        if let (Some(point), false) = (unique[i], confirmed)
            && let Some(at) = points.iter().position(|p| *p == point)
        {
            points.remove(at);
        }
        out[i] = Some(placement);
    }
    let mut out: Vec<Placement> = out
        .into_iter()
        .map(|p| p.expect("every target placed"))
        .collect();
    // second pass: codings placed after an unplaced one now bound it from behind as well
    points.extend(placed);
    points.sort_unstable();
    for (i, t) in targets.iter().enumerate() {
        if matches!(out[i], Placement::Unplaced { .. }) {
            let before = latest_before(&points, &[], t.old.start);
            let after = first_after_point(&points, t.old.start);
            let again = place_one(text, *t, &occurrences[i], before, after, true);
            if !matches!(again, Placement::Unplaced { .. }) {
                out[i] = again;
            }
        }
    }
    out
}

/// Delta of the nearest anchor strictly before `start` (placed codings count as anchors).
fn latest_before(
    points: &[(usize, i64)],
    placed: &[(usize, i64)],
    start: usize,
) -> Option<(usize, i64)> {
    let from_points = points[..points.partition_point(|p| p.0 < start)]
        .last()
        .copied();
    let from_placed = placed
        .iter()
        .filter(|p| p.0 < start)
        .max_by_key(|p| p.0)
        .copied();
    match (from_points, from_placed) {
        (Some(a), Some(b)) => Some(if b.0 >= a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The nearest anchor strictly after `start`.
fn first_after_point(points: &[(usize, i64)], start: usize) -> Option<(usize, i64)> {
    points
        .get(points.partition_point(|p| p.0 <= start))
        .copied()
}

fn place_one(
    text: &DocText,
    t: Target<'_>,
    occurrences: &[usize],
    before_point: Option<(usize, i64)>,
    after_point: Option<(usize, i64)>,
    by_order: bool,
) -> Placement {
    let quote_len = t.quote.chars().count();
    if quote_len == 0 {
        return unplaced("the coding has an empty quote", None, t.old);
    }
    let (before, mut after) = (before_point.map(|p| p.1), after_point.map(|p| p.1));
    // an anchor ahead that disagrees wildly is more likely a wrong unique occurrence than an edit
    if let (Some(b), Some(a)) = (before, after)
        && a.abs_diff(b) > MAX_DELTA_JUMP
    {
        after = None;
    }
    let old = t.old.start as i64;
    let (lo_delta, hi_delta) = match (before, after) {
        (Some(a), Some(b)) => (a.min(b), a.max(b)),
        (Some(a), None) | (None, Some(a)) => (a, a),
        (None, None) => (0, 0),
    };
    let expected = clamp(old + before.or(after).unwrap_or(0), text.char_len());
    // neighbours that disagree mean edits in between, which may also have gone back and forth
    // (widened only for distinctive quotes: a common word may well occur that far away)
    let spread = if quote_len >= MIN_DISTINCTIVE_CHARS {
        SLACK as i64 + (hi_delta - lo_delta)
    } else {
        SLACK as i64
    };
    let lo = clamp(old + lo_delta - spread, text.char_len());
    let hi = clamp(old + hi_delta + spread, text.char_len());
    let nearest = occurrences
        .iter()
        .copied()
        .min_by_key(|&o| o.abs_diff(expected));
    let in_range = occurrences
        .iter()
        .copied()
        .filter(|o| (lo..=hi).contains(o))
        .min_by_key(|&o| o.abs_diff(expected));
    if let Some(o) = in_range {
        return Placement::Exact(Span::new(o, o + quote_len));
    }
    let window_lo = lo.saturating_sub(quote_len / 2 + 2 * SLACK);
    let window_hi = (hi + quote_len + quote_len / 2 + 2 * SLACK).min(text.char_len());
    let window = (window_lo, window_hi);
    let fuzzy = fuzzy_near(text, t.quote, window, (lo, hi), expected);
    let similar = fuzzy
        .as_ref()
        .is_some_and(|w| w.similarity >= MIN_SIMILARITY);
    // an edited version where the coding was beats a copy of the quote further away
    if let Some(w) = fuzzy.as_ref().filter(|w| w.clear && similar) {
        return Placement::Fuzzy {
            span: w.span,
            similarity: w.similarity,
        };
    }
    // edits back and forth between the neighbours: the coding still lies between them
    let len = text.char_len();
    // (only between confirmed neighbours, in the second pass, and close ones, so that "between"
    // still says where)
    let order = before_point
        .zip(after_point)
        .filter(|((pb, _), (pa, _))| by_order && pa - pb <= MAX_ORDER_GAP);
    let order_lo = order.map_or(0, |((p, d), _)| clamp(p as i64 + d, len));
    let order_hi = order.map_or(0, |(_, (p, d))| clamp(p as i64 + d, len));
    let old_gap = order.map_or(0, |((pb, _), (pa, _))| pa - pb);
    if order.is_some() && order_lo <= order_hi && order_hi - order_lo <= old_gap + MAX_ORDER_GAP / 3
    {
        let mut between = occurrences
            .iter()
            .filter(|o| (order_lo..=order_hi).contains(o));
        if let (Some(&o), None) = (between.next(), between.next()) {
            return Placement::Exact(Span::new(o, o + quote_len));
        }
        if occurrences.is_empty() {
            let window = (order_lo, (order_hi + quote_len + quote_len / 2).min(len));
            if let Some(w) = fuzzy_near(text, t.quote, window, (order_lo, order_hi), expected)
                .filter(|w| w.clear && w.similarity >= MIN_SIMILARITY)
            {
                return Placement::Fuzzy {
                    span: w.span,
                    similarity: w.similarity,
                };
            }
        }
    }
    if let Some((span, similarity)) = between_neighbours(text, t, before_point, after_point) {
        return Placement::Fuzzy { span, similarity };
    }
    if let Some(w) = fuzzy.as_ref().filter(|w| w.similarity >= 1.0 && !w.rival) {
        // the quote itself, near the expected place, with nothing else like it around
        return Placement::Exact(w.span);
    } else if occurrences.len() == 1 && quote_len >= MIN_MOVED_CHARS && !similar {
        // the passage moved: nothing like it is left where it was
        return Placement::Exact(Span::new(occurrences[0], occurrences[0] + quote_len));
    }
    let suggestion = nearest
        .map(|o| Span::new(o, o + quote_len))
        .or(fuzzy.as_ref().map(|w| w.span));
    let reason = match (occurrences.len(), &fuzzy) {
        (0, Some(w)) => format!(
            "the quote is no longer in the text; the closest text nearby is only {:.0}% similar",
            w.similarity * 100.0
        ),
        (0, None) => "the quote is no longer in the text".to_string(),
        (n, Some(w)) if similar => format!(
            "the quote occurs {n} time(s) elsewhere, and an edited version ({:.0}% similar) where \
             the coding was",
            w.similarity * 100.0
        ),
        (n, _) => format!("the quote occurs {n} time(s), none where the coding was"),
    };
    let estimate = Span::new(expected, expected + (t.old.end - t.old.start));
    unplaced(&reason, suggestion, estimate)
}

/// Least share of a quote's chars (in order) the text between its predicted edges must keep.
const MIN_BETWEEN_SIMILARITY: f64 = 0.5;

/// A quote edited inside (too short for [`bracketed_window`], or changed too much for it): the
/// neighbour before predicts its start and the neighbour after its end, and the text there
/// still begins and ends like the quote. Both kinds of evidence together place it.
fn between_neighbours(
    text: &DocText,
    t: Target<'_>,
    before: Option<(usize, i64)>,
    after: Option<(usize, i64)>,
) -> Option<(Span, f64)> {
    // nothing before it: the text's start is the anchor (edits before it fail the edge check)
    let ((_, db), (pa, da)) = (before.unwrap_or((0, 0)), after?);
    // the neighbours must be close, and the edit inside no bigger than the quote's own size
    let quote_len = t.quote.chars().count();
    if pa.saturating_sub(t.old.end) > MAX_ORDER_GAP
        || da.abs_diff(db) as usize > (quote_len / 2).max(24)
    {
        return None;
    }
    let start = usize::try_from(t.old.start as i64 + db).ok()?;
    let end = usize::try_from(t.old.end as i64 + da).ok()?;
    if end <= start || end > text.char_len() {
        return None;
    }
    let span = Span::new(start, end);
    let window: Vec<char> = text.slice(span)?.chars().collect();
    let quote: Vec<char> = t.quote.chars().collect();
    let k = 3.min(quote.len() / 2).max(1);
    let edges_match = window.len() >= k
        && quote.len() >= k
        && window[..k] == quote[..k]
        && window[window.len() - k..] == quote[quote.len() - k..];
    if !edges_match || window == quote {
        return None;
    }
    let similarity =
        common_subsequence(&quote, &window) as f64 / quote.len().max(window.len()) as f64;
    (similarity >= MIN_BETWEEN_SIMILARITY).then_some((span, similarity))
}

/// The best fuzzy window near the expected place: a window bracketed by the quote's ends when
/// one is clear, else the closest free-ended alignment whose edges match the quote's.
fn fuzzy_near(
    text: &DocText,
    quote: &str,
    window: (usize, usize),
    starts: (usize, usize),
    expected: usize,
) -> Option<FuzzyWindow> {
    for ends in BRACKET_CHARS {
        if ends.0.min(ends.1) < 6 && starts.1.saturating_sub(starts.0) > SHORT_END_RANGE {
            continue;
        }
        if let Some(w) = bracketed_window(text, quote, ends, window, starts, expected)
            && w.clear
            && w.similarity >= MIN_SIMILARITY
        {
            return Some(w);
        }
    }
    if quote.chars().count() < MIN_FUZZY_CHARS {
        return None;
    }
    let mut w = fuzzy_window(text, quote, window, starts, expected)?;
    w.clear &= same_edges(text, w.span, quote);
    Some(w)
}

/// True when a window begins and ends like the quote, so that its edges are trustworthy (a
/// free-ended alignment may otherwise start or stop a few chars off).
fn same_edges(text: &DocText, span: Span, quote: &str) -> bool {
    let Some(window) = text.slice(span) else {
        return false;
    };
    let n = (quote.chars().count() / 4).clamp(1, 3);
    let head = |s: &str| s.chars().take(n).collect::<String>();
    let tail = |s: &str| s.chars().rev().take(n).collect::<String>();
    head(window) == head(quote) && tail(window) == tail(quote)
}

fn unplaced(reason: &str, suggestion: Option<Span>, estimate: Span) -> Placement {
    Placement::Unplaced {
        reason: reason.to_string(),
        suggestion,
        estimate,
    }
}

fn clamp(v: i64, max: usize) -> usize {
    v.clamp(0, max as i64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(text: &str, quote: &str) -> Target<'static> {
        let start = text.find(quote).unwrap();
        let start = text[..start].chars().count();
        let quote: &'static str = Box::leak(quote.to_string().into_boxed_str());
        Target {
            old: Span::new(start, start + quote.chars().count()),
            quote,
        }
    }

    #[test]
    fn insertion_before_shifts_exactly() {
        let old = "Die Stadt Duisburg wartet auf Huawei.";
        let new = "Heute: Die Stadt Duisburg wartet auf Huawei.";
        let t = target(old, "Duisburg");
        let p = place_all(&DocText::new(new), &[], &[t]);
        assert_eq!(p, vec![Placement::Exact(Span::new(17, 25))]);
    }

    #[test]
    fn nearest_of_several_occurrences_wins() {
        let old = "Huawei sagt: Huawei kommt. Und Huawei bleibt.";
        let new = "Ja. Huawei sagt: Huawei kommt. Und Huawei bleibt.";
        let t = Target {
            old: Span::new(13, 19),
            quote: "Huawei",
        };
        assert_eq!(&old[13..19], "Huawei");
        let p = place_all(&DocText::new(new), &[0], &[t]);
        // the anchor at 0 says "no shift", the nearest occurrence to 13 is at 17
        assert_eq!(p, vec![Placement::Exact(Span::new(17, 23))]);
    }

    #[test]
    fn edited_quote_is_found_fuzzily() {
        let old = "Vorher. Die Kooperation mit dem chinesischen Konzern wurde beendet. Nachher.";
        let new = "Vorher. Die Kooperation mit dem chinesischen Technologiekonzern wurde beendet. Nachher.";
        let t = target(
            old,
            "Die Kooperation mit dem chinesischen Konzern wurde beendet.",
        );
        let p = place_all(&DocText::new(new), &[0], &[t]);
        let Placement::Fuzzy { span, similarity } = &p[0] else {
            panic!("{p:?}");
        };
        assert_eq!(
            DocText::new(new).slice(*span),
            Some("Die Kooperation mit dem chinesischen Technologiekonzern wurde beendet.")
        );
        assert!(*similarity > 0.8);
    }

    #[test]
    fn an_insertion_near_the_end_keeps_the_whole_sentence() {
        let old =
            "Vorher. Die Stadt Duisburg hat den Vertrag mit Huawei im Jahr 2022 beendet. Nachher.";
        let new = "Vorher. Die Stadt Duisburg hat den Vertrag mit Huawei im Jahr 2022 still und leise beendet. Nachher.";
        let t = target(
            old,
            "Die Stadt Duisburg hat den Vertrag mit Huawei im Jahr 2022 beendet.",
        );
        let text = DocText::new(new);
        let p = place_all(&text, &[0], &[t]);
        let Placement::Fuzzy { span, .. } = &p[0] else {
            panic!("{p:?}");
        };
        assert!(text.slice(*span).unwrap().ends_with("leise beendet."));
        assert!(text.slice(*span).unwrap().starts_with("Die Stadt"));
        assert_eq!(common_subsequence(&['a', 'b', 'c'], &['a', 'c', 'd']), 2);
    }

    #[test]
    fn deleted_quote_is_not_placed() {
        let old = "Eins. Der Vertrag ist geheim. Zwei.";
        let new = "Eins. Zwei.";
        let t = target(old, "Der Vertrag ist geheim.");
        let p = place_all(&DocText::new(new), &[], &[t]);
        assert!(matches!(p[0], Placement::Unplaced { .. }), "{p:?}");
    }

    #[test]
    fn a_short_quote_far_away_is_not_taken() {
        let old = "Stadt hier. ".to_string() + &"x ".repeat(200) + "Stadt dort.";
        let new = "Ort hier. ".to_string() + &"x ".repeat(200) + "Stadt dort.";
        let t = Target {
            old: Span::new(0, 5),
            quote: "Stadt",
        };
        assert!(old.starts_with("Stadt"));
        let p = place_all(&DocText::new(new), &[], &[t]);
        assert!(matches!(p[0], Placement::Unplaced { .. }), "{p:?}");
    }
}
