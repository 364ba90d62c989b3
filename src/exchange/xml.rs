//! A minimal, deterministic XML writer: two-space indentation, attributes in the order given, and
//! escaping that keeps every string intact (characters XML 1.0 cannot carry are dropped).

use std::sync::mpsc::SyncSender;

/// Size of the pieces a streaming writer hands on.
const PIECE_BYTES: usize = 1 << 20;

/// Builds an XML document in memory, or hands it on in pieces as it is written.
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    depth: usize,
    /// Where finished pieces go, for a streaming writer.
    sink: Option<SyncSender<String>>,
}

impl XmlWriter {
    /// A document with the UTF-8 XML declaration and room for about `bytes` bytes, so big exports do not grow it step by step.
    pub fn with_capacity(bytes: usize) -> Self {
        let mut out = String::with_capacity(bytes);
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        Self {
            out,
            depth: 0,
            sink: None,
        }
    }

    /// A document that is sent to `sink` in pieces of about a megabyte as it is written (ending
    /// with [`Self::finish`]), so a large document is never held whole. When the receiver has
    /// gone, the rest is dropped.
    pub fn streaming(sink: SyncSender<String>) -> Self {
        let mut xml = Self::with_capacity(PIECE_BYTES + PIECE_BYTES / 8);
        xml.sink = Some(sink);
        xml
    }

    fn send_if_full(&mut self) {
        if let Some(sink) = &self.sink
            && self.out.len() >= PIECE_BYTES
        {
            let piece = std::mem::replace(
                &mut self.out,
                String::with_capacity(PIECE_BYTES + PIECE_BYTES / 8),
            );
            let _ = sink.send(piece);
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value, true);
            self.out.push('"');
        }
    }

    /// Opens an element.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    /// Writes an element without content.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// Writes an element holding text only.
    pub fn text_element(&mut self, name: &str, text: &str) {
        self.start_tag(name, &[]);
        self.out.push('>');
        escape_into(&mut self.out, text, false);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// Closes the innermost open element.
    pub fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
        self.send_if_full();
    }

    /// The document; for a streaming writer, the last piece is sent and nothing is returned.
    pub fn finish(self) -> String {
        match self.sink {
            Some(sink) => {
                let _ = sink.send(self.out);
                String::new()
            }
            None => self.out,
        }
    }
}

/// Bytes that may need escaping or dropping: controls, markup, `"` and the lead byte of U+FFFE/F.
const NEEDS_CARE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[0xEF] = true;
    table
};

fn escape_into(out: &mut String, s: &str, attribute: bool) {
    // Works on bytes and copies runs of plain text in one go: every character that needs care is
    // ASCII, except U+FFFE and U+FFFF (`EF BF BE`, `EF BF BF`), which XML cannot carry.
    let bytes = s.as_bytes();
    let mut plain_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !NEEDS_CARE[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let (replacement, width) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' if attribute => ("&quot;", 1),
            b'\n' if attribute => ("&#10;", 1),
            b'\t' if attribute => ("&#9;", 1),
            b'\r' => ("&#13;", 1),
            b'\n' | b'\t' => {
                i += 1;
                continue;
            }
            0..=0x1F => ("", 1),
            0xEF if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                ("", 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[plain_from..i]);
        out.push_str(replacement);
        i += width;
        plain_from = i;
    }
    out.push_str(&s[plain_from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// True for the characters XML 1.0 documents may contain.
    fn is_xml_char(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    }

    #[test]
    fn drops_exactly_the_characters_xml_cannot_carry() {
        let mut chars: Vec<char> = (0u32..0x100).filter_map(char::from_u32).collect();
        chars.extend([
            '\u{D7FF}',
            '\u{E000}',
            '\u{FFFD}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{10000}',
        ]);
        chars.extend(['\u{10FFFF}', '\u{FEFF}', '\u{EFBF}', '\u{BFBE}']);
        for c in chars {
            let mut out = String::new();
            escape_into(&mut out, &format!("a{c}b"), false);
            let kept = !matches!(c, '&' | '<' | '>' | '\r') && is_xml_char(c);
            assert_eq!(out == format!("a{c}b"), kept, "{:?} -> {out:?}", c);
            if !is_xml_char(c) {
                assert_eq!(out, "ab", "{c:?}");
            }
        }
    }

    #[test]
    fn escapes_markup_and_keeps_newlines_in_attributes() {
        let mut x = XmlWriter::with_capacity(0);
        x.empty("A", &[("v", "a<b & \"c\"\nd\u{1}")]);
        x.text_element("T", "x<y\r\n„z“");
        x.text_element("U", "a\u{fffe}b\u{ffff}c\u{fffd}\u{10000}\td\u{7f}");
        let s = x.finish();
        assert!(s.contains("v=\"a&lt;b &amp; &quot;c&quot;&#10;d\""));
        assert!(s.contains("<T>x&lt;y&#13;\n„z“</T>"));
        assert!(s.contains("<U>abc\u{fffd}\u{10000}\td\u{7f}</U>"));
    }
}
