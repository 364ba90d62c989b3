//! Document text with offset tables: char, byte and UTF-16 positions, words and paragraphs.
//!
//! Every offset that leaves this module is a char offset. Byte offsets exist only to slice the
//! Rust string, and UTF-16 offsets only for exports read by JavaScript or Java tools.

use std::sync::Arc;

use crate::model::span::Span;

/// Chars between two checkpoints of a non-ASCII text's char→byte table.
const STRIDE: usize = 32;

/// The text of one document, with a sparse char→byte table built once.
///
/// An ASCII text needs no table (a char offset is its byte offset). Any other text keeps the
/// byte offset of every [`STRIDE`]th char, and a lookup walks at most `STRIDE - 1` chars from
/// the checkpoint before it: 1/8 byte per char instead of the 4 a full table takes (200 MB for
/// the 50 MB of a 10,000-article corpus).
#[derive(Debug, Clone)]
pub struct DocText {
    text: Arc<str>,
    /// Number of chars.
    chars: usize,
    /// Byte offset of chars 0, STRIDE, 2·STRIDE, …; empty for an ASCII text.
    checkpoints: Arc<[u32]>,
    /// SHA-256 of the text, computed on first use.
    sha256: Arc<std::sync::OnceLock<String>>,
}

impl DocText {
    /// Wraps a text and builds its offset table.
    pub fn new(text: impl Into<Arc<str>>) -> Self {
        let text: Arc<str> = text.into();
        let (chars, checkpoints) = if text.is_ascii() {
            (text.len(), Vec::new())
        } else {
            let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
            let mut chars = 0;
            for (byte, _) in text.char_indices() {
                if chars % STRIDE == 0 {
                    checkpoints.push(byte as u32);
                }
                chars += 1;
            }
            (chars, checkpoints)
        };
        Self {
            text,
            chars,
            checkpoints: checkpoints.into(),
            sha256: Arc::default(),
        }
    }

    fn is_ascii(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// Records the SHA-256 of the text when the caller has computed it already (from the file's
    /// bytes, which are the text's UTF-8 bytes).
    pub fn set_sha256(&self, sha256: String) {
        let _ = self.sha256.set(sha256);
    }

    /// SHA-256 of the text's UTF-8 bytes, lower-case hex (computed once).
    pub fn sha256(&self) -> &str {
        self.sha256.get_or_init(|| sha256_hex(self.text.as_bytes()))
    }

    /// The whole text as stored.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of chars.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Byte offset of a char offset (clamped to the end).
    pub fn byte_of(&self, char_offset: usize) -> usize {
        let c = char_offset.min(self.chars);
        if self.is_ascii() {
            return c;
        }
        if c == self.chars {
            return self.text.len();
        }
        let from = self.checkpoints[c / STRIDE] as usize;
        self.text[from..]
            .char_indices()
            .nth(c % STRIDE)
            .map_or(self.text.len(), |(b, _)| from + b)
    }

    /// Char offset of a byte offset that lies on a char boundary (or the next char after it).
    /// A byte past the end gives `char_len() + 1`.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        let len = self.text.len();
        if byte > len {
            return self.chars + 1;
        }
        if self.is_ascii() {
            return byte;
        }
        if byte == len {
            return self.chars;
        }
        let below = self.checkpoints.partition_point(|&b| (b as usize) < byte);
        let Some(block) = below.checked_sub(1) else {
            return 0;
        };
        let from = self.checkpoints[block] as usize;
        let starts = self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        block * STRIDE + starts
    }

    /// The text of a span, or `None` when the span leaves the text.
    pub fn slice(&self, span: Span) -> Option<&str> {
        if span.start > span.end || span.end > self.char_len() {
            return None;
        }
        Some(&self.text[self.byte_of(span.start)..self.byte_of(span.end)])
    }

    /// The char at an offset.
    pub fn char_at(&self, offset: usize) -> Option<char> {
        if offset >= self.char_len() {
            return None;
        }
        self.text[self.byte_of(offset)..].chars().next()
    }

    /// UTF-16 code unit offset of a char offset.
    pub fn utf16_of(&self, char_offset: usize) -> usize {
        self.text[..self.byte_of(char_offset)]
            .chars()
            .map(char::len_utf16)
            .sum()
    }

    /// Grows a span to whole words: a start inside a word moves to the word's start, an end inside
    /// a word moves to its end. Whitespace at either edge is trimmed off.
    pub fn snap_to_words(&self, span: Span) -> Span {
        let n = self.char_len();
        let is_word = |i: usize| self.char_at(i).is_some_and(is_word_char);
        let (mut start, mut end) = (span.start.min(n), span.end.min(n));
        while start < end && self.char_at(start).is_some_and(char::is_whitespace) {
            start += 1;
        }
        while end > start && self.char_at(end - 1).is_some_and(char::is_whitespace) {
            end -= 1;
        }
        if start == end {
            return Span::new(start, end);
        }
        while start > 0 && is_word(start) && is_word(start - 1) {
            start -= 1;
        }
        while end < n && is_word(end - 1) && is_word(end) {
            end += 1;
        }
        Span::new(start, end)
    }

    /// The word (or single non-word char) around an offset.
    pub fn word_at(&self, offset: usize) -> Span {
        let n = self.char_len();
        if offset >= n {
            return Span::new(n, n);
        }
        if !self.char_at(offset).is_some_and(is_word_char) {
            return Span::new(offset, offset + 1);
        }
        self.snap_to_words(Span::new(offset, offset + 1))
    }

    /// Offset of the next word boundary after `offset` (for Ctrl+arrow moves).
    pub fn next_word_boundary(&self, offset: usize) -> usize {
        let n = self.char_len();
        let mut i = offset.min(n);
        while i < n && !self.char_at(i).is_some_and(is_word_char) {
            i += 1;
        }
        while i < n && self.char_at(i).is_some_and(is_word_char) {
            i += 1;
        }
        i
    }

    /// Offset of the previous word boundary before `offset`.
    pub fn prev_word_boundary(&self, offset: usize) -> usize {
        let mut i = offset.min(self.char_len());
        while i > 0 && !self.char_at(i - 1).is_some_and(is_word_char) {
            i -= 1;
        }
        while i > 0 && self.char_at(i - 1).is_some_and(is_word_char) {
            i -= 1;
        }
        i
    }

    /// A few words of context before and after a span, each at most `chars` long, cut at whitespace.
    pub fn context(&self, span: Span, chars: usize) -> (String, String) {
        let before_start = span.start.saturating_sub(chars);
        let after_end = (span.end + chars).min(self.char_len());
        let before = self
            .slice(Span::new(before_start, span.start))
            .unwrap_or("");
        let after = self.slice(Span::new(span.end, after_end)).unwrap_or("");
        let before = if before_start > 0 {
            before
                .split_once(char::is_whitespace)
                .map_or(before, |(_, b)| b)
        } else {
            before
        };
        let after = if after_end < self.char_len() {
            after
                .rsplit_once(char::is_whitespace)
                .map_or(after, |(a, _)| a)
        } else {
            after
        };
        (collapse_ws(before), collapse_ws(after))
    }

    /// Char spans of the paragraphs (text between `\n`s; the `\n` itself is not part of one).
    pub fn paragraphs(&self) -> Vec<Span> {
        // Newlines found with memchr, chars between them counted in bulk: a few ms for 10 MB
        // (the reader splits an article when it is opened).
        let mut out = Vec::new();
        let mut start = 0;
        let mut from_byte = 0;
        for (byte, _) in self.text.match_indices('\n') {
            let end = start + self.text[from_byte..byte].chars().count();
            out.push(Span::new(start, end));
            start = end + 1;
            from_byte = byte + 1;
        }
        out.push(Span::new(start, self.char_len()));
        out
    }
}

/// Letters, digits and the joiners that keep a word whole (hyphen inside words, apostrophes).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-' || c == '\'' || c == '’'
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// SHA-256 of bytes as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The form Spanwise stores every new text in, whatever its source (a folder of texts, added
/// documents, a .qdpx import): byte order mark removed, CRLF and CR turned into LF, NFC. The one
/// normaliser: offsets are counted on its output.
///
/// [`crate::model::normalise::StoredText`] is the same normaliser with the map that carries
/// offsets of the raw text onto its output (for positions counted by another tool).
pub fn normalise(raw: &str) -> String {
    crate::model::normalise::StoredText::new(raw).text
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "Größe „Zitat“\u{a0}Ende 😀 ok";

    #[test]
    fn offsets_count_chars_not_bytes() {
        let t = DocText::new(T);
        assert_eq!(t.char_len(), T.chars().count());
        let start = T.chars().position(|c| c == 'E').unwrap();
        let span = Span::new(start, start + 4);
        assert_eq!(t.slice(span), Some("Ende"));
        let expect: String = T.chars().skip(start).take(4).collect();
        assert_eq!(t.slice(span).unwrap(), expect);
        assert_eq!(t.char_of_byte(t.byte_of(start)), start);
    }

    /// The full table the sparse one replaces: byte of every char, then the length.
    fn full_table(s: &str) -> Vec<usize> {
        let mut t: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
        t.push(s.len());
        t
    }

    #[test]
    fn sparse_table_answers_as_the_full_table() {
        let mut texts = vec![String::new(), "ascii only".to_string(), T.repeat(9)];
        // A pseudo-random mix of 1- to 4-byte chars, long enough for many checkpoints.
        let alphabet = ['a', ' ', 'ü', '„', '\u{a0}', '😀', '\n', 'ß', '“'];
        let mut x: u32 = 7;
        let mixed: String = (0..1000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                alphabet[(x >> 16) as usize % alphabet.len()]
            })
            .collect();
        texts.push(mixed);
        for s in &texts {
            let t = DocText::new(s.as_str());
            let full = full_table(s);
            assert_eq!(t.char_len(), full.len() - 1);
            for (c, &b) in full.iter().enumerate() {
                assert_eq!(t.byte_of(c), b, "byte_of({c})");
            }
            assert_eq!(t.byte_of(full.len() + 5), s.len(), "clamped");
            for byte in 0..=s.len() + 1 {
                let expect = full.partition_point(|&b| b < byte);
                assert_eq!(t.char_of_byte(byte), expect, "char_of_byte({byte})");
            }
        }
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        let t = DocText::new(T);
        let ok = T.chars().count() - 2;
        let utf16: Vec<u16> = T.encode_utf16().collect();
        let u = t.utf16_of(ok);
        assert_eq!(String::from_utf16(&utf16[u..]).unwrap(), "ok");
        assert_eq!(u, ok + 1, "the emoji takes two UTF-16 units");
    }

    #[test]
    fn snapping_grows_to_words_and_trims_space() {
        let t = DocText::new("Die Stadt Duisburg wartet.");
        assert_eq!(
            t.slice(t.snap_to_words(Span::new(6, 12))),
            Some("Stadt Duisburg")
        );
        assert_eq!(t.slice(t.snap_to_words(Span::new(3, 10))), Some("Stadt"));
        assert_eq!(t.slice(t.word_at(11)), Some("Duisburg"));
    }

    #[test]
    fn slice_rejects_spans_past_the_end() {
        let t = DocText::new("abc");
        assert_eq!(t.slice(Span::new(1, 4)), None);
    }

    #[test]
    fn paragraphs_split_on_newlines() {
        let t = DocText::new("a\n\nbc");
        assert_eq!(
            t.paragraphs(),
            vec![Span::new(0, 1), Span::new(2, 2), Span::new(3, 5)]
        );
    }

    #[test]
    fn context_is_cut_at_whitespace() {
        let t = DocText::new("eins zwei drei VIER fünf sechs sieben");
        let (b, a) = t.context(Span::new(15, 19), 8);
        assert_eq!(b, "drei");
        assert_eq!(a, "fünf");
    }
}
