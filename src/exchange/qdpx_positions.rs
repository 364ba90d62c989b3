//! How the tool that wrote a `.qdpx` counted its selection positions, and where each position
//! lands in the text as Spanwise stores it.
//!
//! REFI-QDA says positions count code points of the text file, but real tools differ: NVivo counts
//! UTF-16 code units (an emoji is two) on the text with its CRs, ATLAS.ti counts a CRLF as one
//! character, QualCoder counts on the text without the BOM it writes. A [`Reading`] is one such
//! way: the unit, and whether a BOM and the CR of each CRLF were counted. Every reading is scored
//! on the file's own selections: a human coder selects whole words and lines, and many tools write
//! the selected text into `PlainTextSelection/@name`, so under the producer's reading the
//! selections start and end on word boundaries and their quotes match. The best reading wins;
//! `Project/@origin` only breaks ties. The [`Choice`] says which reading was used and why.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use crate::model::normalise::StoredText;
use crate::model::span::Span;
use crate::model::text::{DocText, is_word_char};

/// A position that has no exact place in the stored text.
const NONE: u32 = u32::MAX;

/// What a position counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Unicode code points (the standard's reading).
    CodePoints,
    /// UTF-16 code units (.NET and Java strings: a character outside the BMP counts two).
    Utf16,
}

/// How to read positions: detected, or one unit forced (`--positions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PositionsChoice {
    /// Score every reading and take the best.
    #[default]
    Auto,
    /// Code points; BOM and CRs still detected.
    CodePoints,
    /// UTF-16 code units; BOM and CRs still detected.
    Utf16,
}

impl FromStr for PositionsChoice {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Self::Auto),
            "codepoints" | "code-points" => Ok(Self::CodePoints),
            "utf16" | "utf-16" => Ok(Self::Utf16),
            _ => Err(format!(
                "unknown position reading `{s}` (codepoints, utf16, auto)"
            )),
        }
    }
}

/// One way of counting positions in a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reading {
    /// The unit.
    pub unit: Unit,
    /// A BOM at the start of the file counts as a character.
    pub bom: bool,
    /// The CR of every CRLF counts as a character.
    pub crs: bool,
}

impl Reading {
    /// Spanwise's reading before detection existed, and the default when nothing tells readings
    /// apart: code points after the BOM, CRs counted (the characters of the file).
    pub const STANDARD: Reading = Reading {
        unit: Unit::CodePoints,
        bom: false,
        crs: true,
    };

    /// Every reading, the standard one first.
    pub fn all() -> Vec<Reading> {
        let mut out = vec![Self::STANDARD];
        for unit in [Unit::CodePoints, Unit::Utf16] {
            for crs in [true, false] {
                for bom in [false, true] {
                    let r = Reading { unit, bom, crs };
                    if r != Self::STANDARD {
                        out.push(r);
                    }
                }
            }
        }
        out
    }

    /// The reading a tool is known to write, from `Project/@origin`.
    pub fn of_origin(origin: &str) -> Option<Reading> {
        let o = origin.to_lowercase();
        let (unit, crs) = if o.contains("nvivo") {
            (Unit::Utf16, true)
        } else if o.contains("atlas.ti") || o.contains("qualcoder") {
            (Unit::CodePoints, false)
        } else if o.contains("spanwise") {
            (Unit::CodePoints, true)
        } else {
            return None;
        };
        Some(Reading {
            unit,
            bom: false,
            crs,
        })
    }
}

impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            Unit::CodePoints => "code points",
            Unit::Utf16 => "UTF-16 code units",
        };
        let counted = |yes: bool| if yes { "counted" } else { "not counted" };
        write!(
            f,
            "{unit}, BOM {}, CR of CRLF {}",
            counted(self.bom),
            counted(self.crs)
        )
    }
}

/// A source text as its producer saw it, and as Spanwise stores it.
pub struct SourceText {
    original: String,
    stored: StoredText,
    /// The stored text with its offset tables.
    pub text: DocText,
    boms: usize,
    has_crlf: bool,
    has_astral: bool,
}

impl SourceText {
    /// A decoded source text (BOM still in place, if the file had one).
    pub fn new(original: String) -> Self {
        let stored = StoredText::new(&original);
        let text = DocText::new(stored.text.clone());
        let boms = original.chars().take_while(|&c| c == '\u{feff}').count();
        Self {
            has_crlf: original.contains("\r\n"),
            has_astral: original.chars().any(|c| c.len_utf16() == 2),
            original,
            stored,
            text,
            boms,
        }
    }

    /// The reading that gives the same places as `r` on this text (flags that make no
    /// difference here are dropped), so tables are built once per distinct reading.
    fn effective(&self, r: Reading) -> Reading {
        Reading {
            unit: if self.has_astral {
                r.unit
            } else {
                Unit::CodePoints
            },
            bom: r.bom && self.boms > 0,
            crs: r.crs && self.has_crlf,
        }
    }

    /// For every position under `r`, the stored char offset (or [`NONE`]).
    fn table(&self, r: Reading) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.stored.original_len() + 1);
        let at = |i: usize| self.stored.position(i).map_or(NONE, |p| p as u32);
        let mut chars = self.original.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            if i < self.boms && !r.bom {
                continue;
            }
            if c == '\r' && !r.crs && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                continue;
            }
            out.push(at(i));
            if r.unit == Unit::Utf16 && c.len_utf16() == 2 {
                // Between the two halves of a surrogate pair.
                out.push(NONE);
            }
        }
        out.push(at(self.stored.original_len()));
        out
    }
}

/// Positions of one source under one reading.
pub struct Placer<'a> {
    source: &'a SourceText,
    table: Vec<u32>,
}

impl<'a> Placer<'a> {
    /// Builds the table of `source` under `reading`.
    pub fn new(source: &'a SourceText, reading: Reading) -> Self {
        Self {
            table: source.table(source.effective(reading)),
            source,
        }
    }

    /// Number of positions under this reading (the text's length in its units, plus one).
    pub fn positions(&self) -> usize {
        self.table.len()
    }

    /// The stored span of a selection, `None` when it has no exact, non-empty place.
    pub fn place(&self, start: i64, end: i64) -> Option<Span> {
        let get = |p: i64| {
            usize::try_from(p)
                .ok()
                .and_then(|p| self.table.get(p).copied())
                .filter(|&v| v != NONE)
                .map(|v| v as usize)
        };
        let (s, e) = (get(start)?, get(end)?);
        (s < e).then(|| Span::new(s, e))
    }

    /// True when the span starts and ends cleanly: not inside a word, not on whitespace.
    fn clean_ends(&self, span: Span) -> usize {
        let text = &self.source.text;
        let word = |i: usize| text.char_at(i).is_some_and(is_word_char);
        let space = |i: usize| text.char_at(i).is_some_and(char::is_whitespace);
        let start_ok =
            !space(span.start) && (span.start == 0 || !word(span.start - 1) || !word(span.start));
        let end_ok = !space(span.end - 1) && (!word(span.end - 1) || !word(span.end));
        usize::from(start_ok) + usize::from(end_ok)
    }
}

/// True when a selection's `name` is its text: equal up to whitespace, or a prefix of it cut
/// short with `…` or `...`.
pub fn quote_matches(name: &str, text: &str) -> bool {
    let name = collapse(&StoredText::new(name).text);
    let text = collapse(text);
    match name.strip_suffix('…').or_else(|| name.strip_suffix("...")) {
        Some(prefix) if !prefix.trim().is_empty() => text.starts_with(prefix.trim_end()),
        _ => name == text,
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How well a reading fits the file's selections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Selections scored.
    pub selections: usize,
    /// Selections with an exact, non-empty place.
    pub placed: usize,
    /// Selection starts and ends on a word or line boundary (two per selection at most).
    pub clean_ends: usize,
    /// Selections with a non-empty `name`.
    pub named: usize,
    /// Of those, names that match the placed text.
    pub quotes: usize,
}

impl Score {
    fn key(&self) -> (usize, usize, usize) {
        (self.placed, self.quotes, self.clean_ends)
    }
}

/// Scores every candidate reading on the selections of one source after another.
pub struct Detector {
    candidates: Vec<Reading>,
    scores: HashMap<Reading, Score>,
}

impl Detector {
    /// A detector for `choice` (a forced unit keeps BOM and CR detection).
    pub fn new(choice: PositionsChoice) -> Self {
        let candidates = Reading::all()
            .into_iter()
            .filter(|r| match choice {
                PositionsChoice::Auto => true,
                PositionsChoice::CodePoints => r.unit == Unit::CodePoints,
                PositionsChoice::Utf16 => r.unit == Unit::Utf16,
            })
            .collect();
        Self {
            candidates,
            scores: HashMap::new(),
        }
    }

    /// Scores the selections (start, end, name) of one source.
    pub fn score<'n>(
        &mut self,
        source: &SourceText,
        selections: impl Iterator<Item = (i64, i64, &'n str)> + Clone,
    ) {
        let mut tables: HashMap<Reading, Placer> = HashMap::new();
        for r in self.candidates.clone() {
            let eff = source.effective(r);
            let placer = tables
                .entry(eff)
                .or_insert_with(|| Placer::new(source, eff));
            let score = self.scores.entry(r).or_default();
            for (start, end, name) in selections.clone() {
                score.selections += 1;
                let named = !name.trim().is_empty();
                score.named += usize::from(named);
                let Some(span) = placer.place(start, end) else {
                    continue;
                };
                score.placed += 1;
                score.clean_ends += placer.clean_ends(span);
                if named && quote_matches(name, source.text.slice(span).unwrap_or_default()) {
                    score.quotes += 1;
                }
            }
        }
    }

    /// The best reading, and why.
    pub fn decide(&self, choice: PositionsChoice, origin: &str) -> Choice {
        let hint = Reading::of_origin(origin);
        let score = |r: &Reading| self.scores.get(r).copied().unwrap_or_default();
        let mut ranked = self.candidates.clone();
        // Stable sort: among equal scores the origin's reading first, then the list order.
        ranked.sort_by_key(|r| Some(*r) != hint);
        ranked.sort_by_key(|r| std::cmp::Reverse(score(r).key()));
        let best = ranked[0];
        let s = score(&best);
        let mut reason = if s.selections == 0 {
            "no selections to place".to_string()
        } else {
            describe(&s)
        };
        if let Some(&next) = ranked.iter().find(|r| score(r).key() != s.key()) {
            reason.push_str(&format!("; next best {next}: {}", describe(&score(&next))));
        }
        if ranked.len() > 1 && score(&ranked[1]).key() == s.key() && s.selections > 0 {
            reason.push_str("; other readings place these selections alike");
        }
        if !origin.trim().is_empty() {
            match hint {
                Some(h) if h == best => {
                    reason.push_str(&format!("; agrees with origin `{}`", origin.trim()))
                }
                Some(h) => reason.push_str(&format!(
                    "; origin `{}` usually means {h}, but the selections fit this reading better",
                    origin.trim()
                )),
                None => reason.push_str(&format!("; origin `{}`", origin.trim())),
            }
        }
        if choice != PositionsChoice::Auto {
            reason = format!("unit forced by --positions; {reason}");
        }
        Choice {
            reading: best,
            names_are_quotes: s.named > 0 && s.quotes * 2 >= s.named,
            reason,
            score: s,
        }
    }
}

fn describe(s: &Score) -> String {
    let mut out = format!(
        "{}/{} selections placed, {}/{} ends on word or line boundaries",
        s.placed,
        s.selections,
        s.clean_ends,
        2 * s.selections
    );
    if s.named > 0 {
        out.push_str(&format!(", {}/{} quotes match", s.quotes, s.named));
    }
    out
}

/// The reading the import uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The reading.
    pub reading: Reading,
    /// Why: its score, the next best, and the origin.
    pub reason: String,
    /// Under this reading most `name`s are the selected text, so each is checked.
    pub names_are_quotes: bool,
    /// Its score.
    pub score: Score,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_positions_with_crs_on_a_bom_crlf_emoji_text() {
        // "😀 Ja\r\nNein": in UTF-16 with CRs, "Nein" is 7..11; in code points 6..10.
        let source = SourceText::new("\u{feff}😀 Ja\r\nNein".to_string());
        assert_eq!(source.text.as_str(), "😀 Ja\nNein");
        let utf16 = Placer::new(
            &source,
            Reading {
                unit: Unit::Utf16,
                bom: false,
                crs: true,
            },
        );
        assert_eq!(utf16.place(7, 11), Some(Span::new(5, 9)));
        assert_eq!(utf16.place(1, 4), None, "inside the surrogate pair");
        let lf = Placer::new(
            &source,
            Reading {
                unit: Unit::CodePoints,
                bom: true,
                crs: false,
            },
        );
        assert_eq!(lf.place(6, 10), Some(Span::new(5, 9)));
    }

    #[test]
    fn quotes_match_up_to_whitespace_and_cut_short() {
        assert!(quote_matches("Risiko\neingehen", "Risiko eingehen"));
        assert!(quote_matches(
            "favoritos. 2 horas…",
            "favoritos. 2 horas 30 minutos"
        ));
        assert!(quote_matches("favoritos. 2 ho...", "favoritos. 2 horas"));
        assert!(!quote_matches("isiko", "Risiko"));
        assert!(quote_matches("Gro\u{308}ße", "Größe"));
    }
}
