//! The one text normaliser: a text as Spanwise stores it (leading BOMs dropped, CRLF and lone CR
//! turned into LF, Unicode NFC), together with the table that carries every char offset of the
//! original onto the stored text.
//!
//! New documents ([`crate::model::text::normalise`]) and `.qdpx` imports both go through
//! [`StoredText::new`], so a position counted by another tool on the original text lands on the
//! same words in the stored one. NFC can merge several chars into one (`o` + U+0308 → `ö`) or,
//! rarely, split one; an offset that falls inside such a change has no exact place and maps to
//! `None` instead of being moved.

use unicode_normalization::{IsNormalized, UnicodeNormalization, char::canonical_combining_class};

/// Marks an offset of the original that falls inside a run NFC changed.
const INSIDE: u32 = u32::MAX;

/// A text normalised for storage, with the offset map from the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredText {
    /// The stored text: no BOM, LF line ends, NFC.
    pub text: String,
    /// For every char offset of the original (plus its end), the offset in `text`; `None` when
    /// normalising changed nothing.
    map: Option<Vec<u32>>,
    /// Char length of the original, BOMs included.
    original_len: usize,
}

impl StoredText {
    /// Normalises `original`; offsets of the original count its chars, leading BOMs included.
    pub fn new(original: &str) -> Self {
        let body = original.trim_start_matches('\u{feff}');
        let boms = (original.len() - body.len()) / '\u{feff}'.len_utf8();
        let body_len = body.chars().count();
        let original_len = boms + body_len;
        let has_cr = body.contains('\r');
        if !has_cr && boms == 0 && unicode_normalization::is_nfc(body) {
            return Self {
                text: body.to_string(),
                map: None,
                original_len,
            };
        }
        // Line ends first (CR of a CRLF maps to where its LF lands), then NFC run by run.
        let (lf, lf_map) = if has_cr {
            let (text, map) = lf_line_ends(body, body_len);
            (text, Some(map))
        } else {
            (body.to_string(), None)
        };
        let (text, nfc_map) = if unicode_normalization::is_nfc(&lf) {
            (lf, None)
        } else {
            let (text, map) = nfc_runs(&lf);
            (text, Some(map))
        };
        let mut map = Vec::with_capacity(original_len + 1);
        map.extend(std::iter::repeat_n(0, boms));
        for i in 0..=body_len {
            let at_lf = lf_map.as_ref().map_or(i as u32, |m| m[i]);
            map.push(nfc_map.as_ref().map_or(at_lf, |m| m[at_lf as usize]));
        }
        Self {
            text,
            map: Some(map),
            original_len,
        }
    }

    /// The stored offset of a char offset of the original: `None` past its end or inside a run
    /// of characters that NFC merged or split.
    pub fn position(&self, original_offset: usize) -> Option<usize> {
        if original_offset > self.original_len {
            return None;
        }
        match &self.map {
            None => Some(original_offset),
            Some(map) => Some(map[original_offset])
                .filter(|&p| p != INSIDE)
                .map(|p| p as usize),
        }
    }

    /// Char length of the original, BOMs included.
    pub fn original_len(&self) -> usize {
        self.original_len
    }
}

/// `\r\n` and lone `\r` as `\n`, with the map from char offsets of `body` (plus its end).
pub(crate) fn lf_line_ends(body: &str, body_len: usize) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(body.len());
    let mut map = Vec::with_capacity(body_len + 1);
    let mut out = 0u32;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        map.push(out);
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        text.push(if c == '\r' { '\n' } else { c });
        out += 1;
    }
    map.push(out);
    (text, map)
}

/// True when NFC never reaches across the start of `c` (Unicode's NFC `Boundary_Before`):
/// normalising the runs between such chars one by one gives the NFC of the whole text.
fn is_boundary_before(c: char) -> bool {
    canonical_combining_class(c) == 0
        && unicode_normalization::is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// NFC of `text`, run by run, with the map from its char offsets; offsets inside a run that NFC
/// changed map to [`INSIDE`].
fn nfc_runs(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut out_len = 0u32;
    let mut run_start = 0;
    let mut run_chars = 0usize;
    let mut flush = |run: &str, run_chars: usize, out: &mut String, map: &mut Vec<u32>| {
        if run.is_empty() {
            return;
        }
        let nfc: String = run.nfc().collect();
        map.push(out_len);
        let inner = if nfc == run { None } else { Some(INSIDE) };
        for k in 1..run_chars {
            map.push(inner.unwrap_or(out_len + k as u32));
        }
        out_len += nfc.chars().count() as u32;
        out.push_str(&nfc);
    };
    for (byte, c) in text.char_indices() {
        if byte > run_start && is_boundary_before(c) {
            flush(&text[run_start..byte], run_chars, &mut out, &mut map);
            run_start = byte;
            run_chars = 0;
        }
        run_chars += 1;
    }
    flush(&text[run_start..], run_chars, &mut out, &mut map);
    map.push(out_len);
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normaliser as it was before offsets were mapped: the stored text must stay the same.
    fn plain(raw: &str) -> String {
        raw.trim_start_matches('\u{feff}')
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .nfc()
            .collect()
    }

    #[test]
    fn stored_text_is_the_same_as_bom_lf_nfc_in_one_go() {
        for raw in [
            "plain text",
            "\u{feff}\u{feff}Zeile\r\nzwei\rdrei\n",
            "Gro\u{308}\u{df}e und Cafe\u{301}\r\n",
            "\u{1100}\u{1161}\u{11a8} Hangul aus Jamo",
            "\u{0b47}\u{0b3e} Oriya, \u{2126} Ohm, \u{0958} Devanagari",
            "a\u{323}\u{302}b q\u{307}\u{323}",
            "😀 emoji\u{a0}NBSP\r\n",
        ] {
            assert_eq!(StoredText::new(raw).text, plain(raw), "{raw:?}");
        }
    }

    #[test]
    fn offsets_follow_bom_crlf_and_composed_chars() {
        let raw = "\u{feff}Gro\u{308}ße\r\nzwei";
        let s = StoredText::new(raw);
        assert_eq!(s.text, "Größe\nzwei");
        let chars: Vec<char> = raw.chars().collect();
        let z = chars.iter().position(|&c| c == 'z').unwrap();
        assert_eq!(s.position(z), Some(6));
        // Between the `o` and its combining diaeresis there is no stored position.
        let o = chars.iter().position(|&c| c == 'o').unwrap();
        assert_eq!(s.position(o), Some(2));
        assert_eq!(s.position(o + 1), None);
        assert_eq!(s.position(o + 2), Some(3));
        assert_eq!(s.position(0), Some(0));
        assert_eq!(s.position(1), Some(0));
        assert_eq!(s.position(chars.len()), Some(s.text.chars().count()));
        assert_eq!(s.position(chars.len() + 1), None);
    }
}
