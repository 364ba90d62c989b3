//! Plain text as REFI-QDA exchanges it: UTF-8, LF line ends, no BOM. Converting a text that has a
//! BOM or CR line ends changes its char offsets; [`PlainText`] keeps the table that moves offsets
//! from the original text to the normalised one, so codings stay on the same words.

/// A text normalised to LF without BOM, with the offset map from the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainText {
    /// The normalised text.
    pub text: String,
    /// For every char offset of the original (plus its end), the offset in `text`; `None` when the
    /// two are the same.
    map: Option<Vec<u32>>,
    /// Char length of the original (BOM excluded).
    original_len: usize,
}

impl PlainText {
    /// Normalises a text whose offsets count code points after any BOM: the BOM is dropped,
    /// `\r\n` and a lone `\r` become `\n`.
    pub fn normalise(original: &str) -> Self {
        let body = original.strip_prefix('\u{feff}').unwrap_or(original);
        let original_len = body.chars().count();
        if !body.contains('\r') {
            return Self {
                text: body.to_string(),
                map: None,
                original_len,
            };
        }
        let (text, map) = crate::model::normalise::lf_line_ends(body, original_len);
        Self {
            text,
            map: Some(map),
            original_len,
        }
    }

    /// The offset in the normalised text of a char offset of the original, `None` past its end.
    pub fn position(&self, original_offset: usize) -> Option<usize> {
        if original_offset > self.original_len {
            return None;
        }
        Some(match &self.map {
            Some(map) => map[original_offset] as usize,
            None => original_offset,
        })
    }

    /// True when normalising changed nothing but a BOM.
    pub fn is_unchanged(&self) -> bool {
        self.map.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_positions_shift_to_lf() {
        let original = "\u{feff}Zeile eins\r\nZeile zwei\r\nÄnde";
        let p = PlainText::normalise(original);
        assert_eq!(p.text, "Zeile eins\nZeile zwei\nÄnde");
        let body: Vec<char> = original.chars().skip(1).collect();
        let start = body.iter().position(|&c| c == 'Ä').unwrap();
        let mapped = p.position(start).unwrap();
        assert_eq!(p.text.chars().skip(mapped).collect::<String>(), "Ände");
        assert_eq!(p.position(body.len()), Some(p.text.chars().count()));
        assert_eq!(p.position(body.len() + 1), None);
    }

    #[test]
    fn lone_cr_becomes_lf_and_lf_text_is_unchanged() {
        let p = PlainText::normalise("a\rb");
        assert_eq!(p.text, "a\nb");
        assert_eq!(p.position(2), Some(2));
        assert!(PlainText::normalise("a\nb").is_unchanged());
    }
}
