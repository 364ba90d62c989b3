//! The thresholds re-anchoring trusts, in one place: how near, how similar and how long a quote
//! must be before a coding is moved without asking.

/// How far (in chars) an exact occurrence may lie outside the range the neighbours predict.
pub(crate) const SLACK: usize = 8;
/// Minimum similarity (1 − edit distance / length of the longer of quote and window) for a fuzzy
/// placement.
pub(crate) const MIN_SIMILARITY: f64 = 0.75;
/// Quotes shorter than this are too common to be placed by a unique occurrence far away.
pub(crate) const MIN_DISTINCTIVE_CHARS: usize = 16;
/// Quotes shorter than this are never taken to have moved far away (a photo credit or a
/// repeated phrase may occur elsewhere too).
pub(crate) const MIN_MOVED_CHARS: usize = 40;
/// Quotes shorter than this are not fuzzy-matched: too many words lie one edit apart.
pub(crate) const MIN_FUZZY_CHARS: usize = 6;
/// Neighbouring anchors at most this far apart (old chars) bound a coding by order alone.
pub(crate) const MAX_ORDER_GAP: usize = 300;
/// Neighbouring anchors whose shifts differ by more than this are not both trusted.
pub(crate) const MAX_DELTA_JUMP: u64 = 150;
/// Upper bound on exact occurrences considered for one quote.
pub(crate) const MAX_OCCURRENCES: usize = 10_000;
