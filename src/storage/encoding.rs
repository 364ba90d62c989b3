//! Text encodings of files Spanwise reads: strict UTF-8 with a precise error, notes on byte
//! order marks and Windows line ends, and Windows-1252 decoding for documents being added.
//!
//! Corpus files are never rewritten: offsets count the text exactly as stored, so a BOM or a
//! `\r` is reported to the user, not silently removed.

use std::path::Path;

use crate::storage::error::StorageError;

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// 1-based line and column (in chars) of a byte offset in possibly invalid UTF-8.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Decodes UTF-8, or fails naming the file, the byte offset, line and column of the first bad
/// byte.
pub fn decode_utf8(path: &Path, bytes: Vec<u8>) -> Result<String, StorageError> {
    // SIMD validation (several times std's speed on prose with umlauts and „“); std's slower
    // check runs only on invalid input, to find the offset of the first bad byte
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `bytes` was validated as UTF-8 just above.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let (line, column) = line_column(bytes, offset);
        StorageError::InvalidAt {
            path: path.to_path_buf(),
            line,
            column,
            message: format!(
                "not UTF-8: invalid byte 0x{:02X} at byte offset {offset}; save the file as UTF-8 \
                 (when adding documents, Spanwise can read it as Windows-1252)",
                bytes[offset]
            ),
        }
    })
}

/// Something about a text file worth telling the user, which does not stop it from being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextNote {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What was found.
    pub message: String,
}

/// Notes on a corpus text: a leading byte order mark, Windows (CRLF) line ends.
pub fn corpus_notes(text: &str) -> Vec<TextNote> {
    let mut notes = Vec::new();
    if text.starts_with('\u{feff}') {
        notes.push(TextNote {
            line: 1,
            column: 1,
            message: "starts with a byte order mark (U+FEFF); it counts as the first char of the \
                      text and the file is left as it is"
                .into(),
        });
    }
    if let Some(at) = text.find("\r\n") {
        let count = text.matches("\r\n").count();
        let (line, column) = line_column(text.as_bytes(), at);
        notes.push(TextNote {
            line,
            column,
            message: format!(
                "has Windows line ends (CRLF) on {count} line(s); each `\\r` counts as a char and \
                 the file is left as it is"
            ),
        });
    }
    notes
}

/// Decodes bytes as Windows-1252 (the usual encoding of older German Windows texts), for
/// documents being added that are not UTF-8.
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// Decodes a text whose encoding is not known: UTF-8 or UTF-16 by its byte order mark, else
/// UTF-8, else Windows-1252; the note says when the last was used.
pub fn decode_any(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), None);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => (
            decode_windows_1252(bytes),
            Some("not UTF-8; read as Windows-1252"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_error_names_offset_line_and_column() {
        let err = decode_utf8(Path::new("corpus/a.txt"), b"ab\ncd\xE4f".to_vec()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("corpus/a.txt:2:3: "), "{msg}");
        assert!(msg.contains("byte offset 5"), "{msg}");
    }

    #[test]
    fn windows_1252_umlauts_decode() {
        assert_eq!(
            decode_windows_1252(b"Gr\xF6\xDFe \x84Zitat\x93"),
            "Größe „Zitat“"
        );
    }

    #[test]
    fn notes_find_bom_and_crlf() {
        let notes = corpus_notes("\u{feff}a\nb\r\nc\r\n");
        assert_eq!(notes.len(), 2);
        assert_eq!((notes[1].line, notes[1].column), (2, 2));
        assert!(notes[1].message.contains("2 line(s)"));
    }
}
