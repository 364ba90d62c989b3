//! A minimal, deterministic XML writer: two-space indentation, attributes in the order given, and
//! escaping that keeps every string intact (characters XML 1.0 cannot carry are dropped).

/// Builds an XML document in memory.
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    depth: usize,
}

impl XmlWriter {
    /// A document with the UTF-8 XML declaration.
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// A document with room for about `bytes` bytes, so big exports do not grow it step by step.
    pub fn with_capacity(bytes: usize) -> Self {
        let mut out = String::with_capacity(bytes);
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        Self { out, depth: 0 }
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push_str(&"  ".repeat(self.depth));
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
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }
}

/// True for the characters XML 1.0 documents may contain.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn escape_into(out: &mut String, s: &str, attribute: bool) {
    // Copies runs of plain characters in one go; only markup, line ends in attributes and
    // characters XML cannot carry are handled one by one.
    let mut plain_from = 0;
    for (i, c) in s.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' if attribute => "&quot;",
            '\n' if attribute => "&#10;",
            '\t' if attribute => "&#9;",
            '\r' => "&#13;",
            c if is_xml_char(c) => continue,
            _ => "",
        };
        out.push_str(&s[plain_from..i]);
        out.push_str(replacement);
        plain_from = i + c.len_utf8();
    }
    out.push_str(&s[plain_from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_keeps_newlines_in_attributes() {
        let mut x = XmlWriter::new();
        x.empty("A", &[("v", "a<b & \"c\"\nd\u{1}")]);
        x.text_element("T", "x<y\r\n„z“");
        let s = x.finish();
        assert!(s.contains("v=\"a&lt;b &amp; &quot;c&quot;&#10;d\""));
        assert!(s.contains("<T>x&lt;y&#13;\n„z“</T>"));
    }
}
