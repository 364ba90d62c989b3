//! A fast reader for the `codings: [...]` list of a coder file as Spanwise writes it, so that a
//! coder file of 300,000 codings (some 110 MB) opens in a fraction of the time the general RON
//! parser takes; the rest of the file (coder, progress, text versions, anything added later)
//! still goes through RON.
//!
//! It reads only what [`crate::storage::to_ron`] writes: the known fields of a coding, strings
//! with the escapes `char::escape_debug` makes, whole numbers, and whitespace between them.
//! Anything else (a comment, a raw string, a field it does not know, a hand edit it cannot be
//! sure of) makes it give up, and the caller parses the whole file with RON, which reads every
//! valid file and names line and column of every error. So it never changes what a file means,
//! only how fast a well-formed one is read.

use std::collections::BTreeMap;

use crate::model::codebook::CodeId;
use crate::model::coder::CoderFile;
use crate::model::coding::{Coding, CodingId};
use crate::model::corpus::DocId;

/// The line that opens the list in a file Spanwise wrote.
const LIST_START: &str = "\n    codings: [";

/// Parses a coder file whose codings list this reader can read (`None`: use RON for all of it).
/// `header` parses what remains once the list is taken out (RON, in the caller).
pub(crate) fn parse(
    text: &str,
    header: impl FnOnce(&str) -> Option<CoderFile>,
) -> Option<CoderFile> {
    let start = text.find(LIST_START)? + LIST_START.len();
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: start,
    };
    let codings = reader.list()?;
    let rest = format!("{}]{}", &text[..start], &text[reader.at..]);
    let mut file = header(&rest)?;
    if !file.codings.is_empty() {
        return None;
    }
    file.codings = codings;
    Some(file)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// The codings up to and including the closing `]`.
    fn list(&mut self) -> Option<Vec<Coding>> {
        let mut out = Vec::new();
        loop {
            self.space();
            match self.peek()? {
                b']' => {
                    self.at += 1;
                    return Some(out);
                }
                b'(' => out.push(self.coding()?),
                _ => return None,
            }
            self.space();
            self.comma();
        }
    }

    fn coding(&mut self) -> Option<Coding> {
        self.expect(b'(')?;
        let mut fields = Fields::default();
        loop {
            self.space();
            if self.peek()? == b')' {
                self.at += 1;
                break;
            }
            let name = self.ident()?;
            self.space();
            self.expect(b':')?;
            self.space();
            fields.read(name, self)?;
            self.space();
            self.comma();
        }
        fields.into_coding()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.at += 1)
    }

    fn comma(&mut self) {
        if self.peek() == Some(b',') {
            self.at += 1;
        }
    }

    fn space(&mut self) {
        while self
            .peek()
            .is_some_and(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r'))
        {
            self.at += 1;
        }
    }

    fn ident(&mut self) -> Option<&'a [u8]> {
        let from = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.at += 1;
        }
        let bytes: &'a [u8] = self.bytes;
        (self.at > from).then(|| &bytes[from..self.at])
    }

    fn number(&mut self) -> Option<u64> {
        let from = self.at;
        let mut n: u64 = 0;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            self.at += 1;
        }
        // a leading zero, a sign, a fraction or an exponent: leave it to RON
        let digits = self.at - from;
        let next = self.peek()?;
        let plain = digits > 0 && !(digits > 1 && self.bytes[from] == b'0');
        (plain && !next.is_ascii_alphanumeric() && next != b'.' && next != b'_').then_some(n)
    }

    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let mut out = String::new();
        loop {
            let run = self.at;
            let rest = &self.bytes[run..];
            self.at += memchr::memchr2(b'"', b'\\', rest)?;
            // cut at ASCII bytes only, so always on char boundaries
            out.push_str(self.text.get(run..self.at)?);
            self.at += 1;
            match self.bytes[self.at - 1] {
                b'"' => return Some(out),
                _ => out.push(self.escape()?),
            }
        }
    }

    /// The char of an escape after its backslash: the ones `escape_debug` writes.
    fn escape(&mut self) -> Option<char> {
        let b = self.peek()?;
        self.at += 1;
        Some(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'\'' => '\'',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'u' => {
                self.expect(b'{')?;
                let from = self.at;
                while self.peek().is_some_and(|b| b.is_ascii_hexdigit()) {
                    self.at += 1;
                }
                let hex = std::str::from_utf8(&self.bytes[from..self.at]).ok()?;
                let code = u32::from_str_radix(hex, 16).ok()?;
                self.expect(b'}')?;
                char::from_u32(code)?
            }
            _ => return None,
        })
    }

    fn map(&mut self) -> Option<BTreeMap<String, String>> {
        self.expect(b'{')?;
        let mut out = BTreeMap::new();
        loop {
            self.space();
            if self.peek()? == b'}' {
                self.at += 1;
                return Some(out);
            }
            let key = self.string()?;
            self.space();
            self.expect(b':')?;
            self.space();
            let value = self.string()?;
            if out.insert(key, value).is_some() {
                return None;
            }
            self.space();
            self.comma();
        }
    }
}

/// The fields of one coding as read so far.
#[derive(Default)]
struct Fields {
    id: Option<u64>,
    document: Option<String>,
    code: Option<String>,
    start: Option<u64>,
    end: Option<u64>,
    quote: Option<String>,
    memo: Option<String>,
    attributes: Option<BTreeMap<String, String>>,
    created: Option<String>,
    modified: Option<String>,
}

impl Fields {
    /// Reads the value of field `name`; `None` for an unknown or repeated field.
    fn read(&mut self, name: &[u8], r: &mut Reader<'_>) -> Option<()> {
        fn once<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
            match slot {
                Some(_) => None,
                None => {
                    *slot = Some(value?);
                    Some(())
                }
            }
        }
        match name {
            b"id" => once(&mut self.id, r.number()),
            b"document" => once(&mut self.document, r.string()),
            b"code" => once(&mut self.code, r.string()),
            b"start" => once(&mut self.start, r.number()),
            b"end" => once(&mut self.end, r.number()),
            b"quote" => once(&mut self.quote, r.string()),
            b"memo" => once(&mut self.memo, r.string()),
            b"attributes" => once(&mut self.attributes, r.map()),
            b"created" => once(&mut self.created, r.string()),
            b"modified" => once(&mut self.modified, r.string()),
            _ => None,
        }
    }

    fn into_coding(self) -> Option<Coding> {
        Some(Coding {
            id: CodingId(self.id?),
            document: DocId(self.document?),
            code: CodeId(self.code?),
            start: usize::try_from(self.start?).ok()?,
            end: usize::try_from(self.end?).ok()?,
            quote: self.quote?,
            memo: self.memo.unwrap_or_default(),
            attributes: self.attributes.unwrap_or_default(),
            created: self.created?,
            modified: self.modified?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::files::{parse_ron, to_ron};
    use std::path::Path;

    fn coding(id: u64, quote: &str, memo: &str) -> Coding {
        Coding {
            id: CodingId(id),
            document: DocId("doc\"1".into()),
            code: CodeId("risk".into()),
            start: 3,
            end: 3 + quote.chars().count(),
            quote: quote.into(),
            memo: memo.into(),
            attributes: if memo.is_empty() {
                BTreeMap::new()
            } else {
                BTreeMap::from([("actor".into(), "Sören „Link“".into())])
            },
            created: "2024-01-01T00:00:00Z".into(),
            modified: "2024-01-02T00:00:00Z".into(),
        }
    }

    fn fast(text: &str) -> Option<CoderFile> {
        parse(text, |rest| parse_ron(Path::new("x.ron"), rest).ok())
    }

    fn file() -> CoderFile {
        let mut file = CoderFile::new("anna");
        file.texts.insert(DocId("doc\"1".into()), "ab12".into());
        file.codings = vec![
            coding(1, "Größe\u{a0}„Zitat“ 😀", ""),
            coding(
                2,
                "tab\tnew\nline \\ \"q\" 'a' \u{ad}\u{200b}\u{7f}",
                "Notiz\r\n",
            ),
            coding(3, "", "m"),
        ];
        file
    }

    #[test]
    fn reads_what_spanwise_writes_exactly_as_ron_does() {
        let text = to_ron(&file());
        let by_ron: CoderFile = parse_ron(Path::new("x.ron"), &text).unwrap();
        assert_eq!(fast(&text).expect("the fast reader reads it"), by_ron);
        assert_eq!(by_ron, file());
        let mut empty = CoderFile::new("ben");
        empty.codings.clear();
        assert_eq!(fast(&to_ron(&empty)), Some(empty));
    }

    #[test]
    fn gives_up_on_anything_it_is_not_sure_of() {
        let text = to_ron(&file());
        let edits = [
            ("            id: 2,", "            id: 2, // a comment"),
            ("            id: 2,", "            id: 02,"),
            ("            id: 2,", "            id: 2.0,"),
            (
                "            start: 3,",
                "            start: 3,\n            start: 4,",
            ),
            (
                "            code: \"risk\",",
                "            colour: \"red\",",
            ),
            ("            quote: \"\",", "            quote: r\"raw\","),
            ("            quote: \"\",", "            quote: \"\\x41\","),
            ("            memo: \"m\",", ""),
        ];
        for (from, to) in edits {
            assert!(text.contains(from), "{from}");
            let edited = text.replacen(from, to, 1);
            let by_ron: Option<CoderFile> = parse_ron(Path::new("x.ron"), &edited).ok();
            let read = fast(&edited);
            // either it gives up, or it agrees with RON (a removed optional field)
            assert!(read.is_none() || read == by_ron, "{to}: {read:?}");
        }
        assert!(fast(&text.replace("id: 1,", "id: 1, id: 1,")).is_none());
        assert!(fast(&text[..text.len() / 2]).is_none(), "cut off");
    }
}
