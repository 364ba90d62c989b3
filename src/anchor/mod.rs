//! Re-anchoring codings after a document's text changed.
//!
//! A coding stores its offsets *and* its quote. When the text at the offsets no longer equals the
//! quote (the corpus file was edited), the coding is placed again: the exact occurrence of the
//! quote nearest to where the surrounding codings say it should be, else the closest fuzzy window
//! (edit distance) near that place when it is clearly the best, else a unique exact occurrence
//! anywhere for quotes long enough to be distinctive. A coding that cannot be placed with
//! confidence keeps its old offsets and quote and is listed as needing attention; nothing is
//! dropped and nothing is moved to a place we are unsure of.

use std::collections::HashMap;

use crate::model::codebook::CodeId;
use crate::model::coding::CodingId;
use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::span::Span;
use crate::model::text::DocText;

/// How far (in chars) an exact occurrence may lie outside the range the neighbours predict.
const SLACK: usize = 8;
/// Minimum similarity (1 − edit distance / length of the longer of quote and window) for a fuzzy
/// placement.
const MIN_SIMILARITY: f64 = 0.75;
/// Quotes shorter than this are too common to be placed by a unique occurrence far away.
const MIN_DISTINCTIVE_CHARS: usize = 16;
/// Quotes shorter than this are never taken to have moved far away (a photo credit or a
/// repeated phrase may occur elsewhere too).
const MIN_MOVED_CHARS: usize = 40;
/// Quotes shorter than this are not fuzzy-matched: too many words lie one edit apart.
const MIN_FUZZY_CHARS: usize = 6;
/// Neighbouring anchors at most this far apart (old chars) bound a coding by order alone.
const MAX_ORDER_GAP: usize = 300;
/// Neighbouring anchors whose shifts differ by more than this are not both trusted.
const MAX_DELTA_JUMP: u64 = 150;
/// Upper bound on exact occurrences considered for one quote.
const MAX_OCCURRENCES: usize = 10_000;

/// A coding whose place in a changed text could not be found with confidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedsAttention {
    /// File stem of the coder whose coding it is.
    pub coder: String,
    /// The coding (it keeps its old offsets and quote until resolved).
    pub id: CodingId,
    /// The document it belongs to.
    pub document: DocId,
    /// The code applied.
    pub code: CodeId,
    /// The quote that could not be placed.
    pub quote: String,
    /// Why it could not be placed, in words for the user.
    pub reason: String,
    /// The best guess, offered to the user but not applied.
    pub suggestion: Option<Span>,
}

/// A coding that was moved to a new place in a changed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// File stem of the coder whose coding it is.
    pub coder: String,
    /// The coding.
    pub id: CodingId,
    /// The document.
    pub document: DocId,
    /// Offsets before.
    pub from: Span,
    /// Offsets after.
    pub to: Span,
    /// True when the quote was not found exactly and the closest similar text was taken (the
    /// quote now holds the new text).
    pub fuzzy: bool,
}

/// What re-anchoring did while a project was loaded, and what still needs the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnchorReport {
    /// Documents whose text differs from the SHA-256 recorded in `project.ron`.
    pub changed_documents: Vec<DocId>,
    /// Documents whose text file is missing or unreadable; their codings are kept unchanged.
    pub missing_documents: Vec<DocId>,
    /// Codings moved to a new place.
    pub moved: Vec<Moved>,
    /// Codings that could not be placed: they are kept and wait for the user.
    pub attention: Vec<NeedsAttention>,
}

impl AnchorReport {
    /// The attention entry for a coding, if it has one.
    pub fn attention_for(&self, coder: &str, id: CodingId) -> Option<&NeedsAttention> {
        self.attention
            .iter()
            .find(|a| a.coder == coder && a.id == id)
    }
}

/// Checks every coding against its text and re-anchors those whose quote no longer matches
/// there; fills `project.integrity.anchoring`. Codings of missing texts are left as they are.
/// Cost is one slice comparison per coding unless a text changed.
pub fn anchor_project(project: &mut Project) {
    let settled = map_through_diffs(project);
    let doc_index: HashMap<&DocId, usize> = project
        .corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (&d.meta.id, i))
        .collect();
    let mut targets: Vec<Vec<(String, usize)>> = vec![Vec::new(); project.corpus.documents.len()];
    let changed: Vec<bool> = project
        .corpus
        .documents
        .iter()
        .map(|d| {
            project
                .integrity
                .anchoring
                .changed_documents
                .contains(&d.meta.id)
        })
        .collect();
    for (stem, file) in &project.coders {
        for (i, c) in file.codings.iter().enumerate() {
            let Some(&d) = doc_index.get(&c.document) else {
                continue;
            };
            if settled.contains(&(stem.clone(), i)) {
                continue;
            }
            let Some(text) = &project.corpus.documents[d].text else {
                continue;
            };
            // in a changed text a short quote may match at its old offsets by chance
            let doubtful = changed[d] && !is_distinctive(&c.quote);
            if doubtful || text.slice(c.span()) != Some(c.quote.as_str()) {
                targets[d].push((stem.clone(), i));
            }
        }
    }
    drop(doc_index);
    for (d, list) in targets.into_iter().enumerate() {
        if !list.is_empty() {
            anchor_document(project, d, &list);
        }
    }
}

/// Moves codings whose offsets refer to an earlier version of their text (the version their
/// coder file records, else the one `project.ron` records) by a char diff against that version
/// when a copy of it is kept ([`crate::storage::snapshot`]): exact for every coding whose first and last
/// chars survive. Returns the (coder, index) pairs whose offsets are now known to be current.
fn map_through_diffs(project: &mut Project) -> std::collections::HashSet<(String, usize)> {
    let mut settled = std::collections::HashSet::new();
    let mut maps: HashMap<(DocId, String), Option<crate::storage::snapshot::OffsetMap>> =
        HashMap::new();
    let root = project.root.clone();
    let docs: HashMap<DocId, (String, DocText)> = project
        .corpus
        .documents
        .iter()
        .filter_map(|d| Some((d.meta.id.clone(), (d.meta.sha256.clone(), d.text.clone()?))))
        .collect();
    for (stem, file) in project.coders.iter_mut() {
        for (i, coding) in file.codings.iter_mut().enumerate() {
            let Some((recorded, text)) = docs.get(&coding.document) else {
                continue;
            };
            let version = file.texts.get(&coding.document).unwrap_or(recorded);
            if version.eq_ignore_ascii_case(text.sha256()) {
                // the offsets refer to this very text (a flagged coding keeps its old quote, and
                // so stays a target)
                if file.texts.contains_key(&coding.document)
                    && text.slice(coding.span()) == Some(coding.quote.as_str())
                {
                    settled.insert((stem.clone(), i));
                }
                continue;
            }
            let map = maps
                .entry((coding.document.clone(), version.clone()))
                .or_insert_with(|| {
                    crate::storage::snapshot::recall(&root, version)
                        .map(|old| crate::storage::snapshot::OffsetMap::new(&old, text.as_str()))
                });
            let Some(map) = map else {
                continue;
            };
            let from = coding.span();
            let Some(to) = map.span(from.start, from.end) else {
                continue;
            };
            settled.insert((stem.clone(), i));
            if to == from {
                continue;
            }
            let new_quote = text.slice(to).unwrap_or_default().to_string();
            project.integrity.anchoring.moved.push(Moved {
                coder: stem.clone(),
                id: coding.id,
                document: coding.document.clone(),
                from,
                to,
                fuzzy: new_quote != coding.quote,
            });
            coding.start = to.start;
            coding.end = to.end;
            coding.quote = new_quote;
        }
    }
    settled
}

fn anchor_document(project: &mut Project, d: usize, list: &[(String, usize)]) {
    let doc = &project.corpus.documents[d];
    let text = doc
        .text
        .clone()
        .expect("only documents with text have targets");
    let doc_id = doc.meta.id.clone();
    let mut fixed = Vec::new();
    for file in project.coders.values() {
        for c in file.in_document(&doc_id) {
            if is_distinctive(&c.quote) && text.slice(c.span()) == Some(c.quote.as_str()) {
                fixed.push(c.start);
            }
        }
    }
    let owned: Vec<(Span, String)> = list
        .iter()
        .map(|(stem, i)| {
            let c = &project.coders[stem].codings[*i];
            (c.span(), c.quote.clone())
        })
        .collect();
    let targets: Vec<Target<'_>> = owned
        .iter()
        .map(|(old, quote)| Target { old: *old, quote })
        .collect();
    let placements = place_all(&text, &fixed, &targets);
    let report = &mut project.integrity.anchoring;
    for ((stem, i), placement) in list.iter().zip(placements) {
        let coding = &mut project
            .coders
            .get_mut(stem)
            .expect("target coder exists")
            .codings[*i];
        let from = coding.span();
        match placement {
            Placement::Exact(to) | Placement::Fuzzy { span: to, .. } if to == from => {}
            Placement::Exact(to) | Placement::Fuzzy { span: to, .. } => {
                let fuzzy = text.slice(to) != Some(coding.quote.as_str());
                coding.start = to.start;
                coding.end = to.end;
                coding.quote = text.slice(to).unwrap_or_default().to_string();
                report.moved.push(Moved {
                    coder: stem.clone(),
                    id: coding.id,
                    document: doc_id.clone(),
                    from,
                    to,
                    fuzzy,
                });
            }
            Placement::Unplaced {
                reason,
                suggestion,
                estimate,
            } => {
                coding.start = estimate.start;
                coding.end = estimate.end;
                report.attention.push(NeedsAttention {
                    coder: stem.clone(),
                    id: coding.id,
                    document: doc_id.clone(),
                    code: coding.code.clone(),
                    quote: coding.quote.clone(),
                    reason,
                    suggestion,
                });
            }
        }
    }
}

fn is_distinctive(quote: &str) -> bool {
    quote.chars().count() >= MIN_DISTINCTIVE_CHARS
}

/// Brings the attention list up to date for one coding after it changed: listed while its quote
/// does not match its text, dropped once it does or when the coding is gone.
pub fn refresh_attention(project: &mut Project, stem: &str, id: CodingId) {
    let mismatch = project
        .coders
        .get(stem)
        .and_then(|f| f.get(id))
        .and_then(|c| {
            let text = project.corpus.get(&c.document)?.text.as_ref()?;
            (text.slice(c.span()) != Some(c.quote.as_str())).then(|| c.clone())
        });
    let list = &mut project.integrity.anchoring.attention;
    let at = list.iter().position(|a| a.coder == stem && a.id == id);
    match (mismatch, at) {
        (None, Some(at)) => {
            list.remove(at);
        }
        (Some(c), None) => list.push(NeedsAttention {
            coder: stem.to_string(),
            id,
            document: c.document,
            code: c.code,
            quote: c.quote,
            reason: "the quote does not match the text at the coding's offsets".into(),
            suggestion: None,
        }),
        _ => {}
    }
}

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
const BRACKET_CHARS: [(usize, usize); 6] = [(12, 12), (6, 6), (6, 12), (12, 6), (3, 12), (12, 3)];
/// Ends as short as 3 chars are only trusted when the start is known this closely.
const SHORT_END_RANGE: usize = 4 * SLACK;

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
fn common_subsequence(a: &[char], b: &[char]) -> usize {
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
