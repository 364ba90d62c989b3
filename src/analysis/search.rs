//! Full-text search over the corpus: every occurrence of a phrase, as exact char spans of the
//! stored text with a little context around each.
//!
//! Matching compares *folded* text: lower case, any whitespace (NBSP included) as a plain space,
//! and, when asked, German umlauts spelled out (ä→ae, ö→oe, ü→ue, ß→ss), so "Ueberwachung" finds
//! "Überwachung" and "Strasse" finds "Straße". Every folded char remembers the original char it
//! came from, so a hit is reported in the original text's char offsets. A hit never starts or ends
//! inside the expansion of one original char ("e" does not match the second half of "ä").

use memchr::memmem;

use crate::model::corpus::{Corpus, DocId};
use crate::model::span::Span;
use crate::model::text::DocText;

/// How a query is compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchOptions {
    /// Ignore upper/lower case.
    pub ignore_case: bool,
    /// Treat ä/ae, ö/oe, ü/ue and ß/ss as equal.
    pub fold_umlauts: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            ignore_case: true,
            fold_umlauts: false,
        }
    }
}

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The document it is in.
    pub document: DocId,
    /// Its char span in the stored text.
    pub span: Span,
    /// The matched text as stored.
    pub text: String,
    /// A few words before it.
    pub before: String,
    /// A few words after it.
    pub after: String,
}

/// A text in folded form, with what it takes to map a folded position back to the original.
#[derive(Debug, Clone)]
pub struct FoldedText {
    original: DocText,
    folded: String,
    /// True when every char folded to chars of the same UTF-8 length (so folded byte offsets are
    /// the original's byte offsets); false after an NBSP, an expanded umlaut and the like.
    same_bytes: bool,
}

impl FoldedText {
    /// Folds a text with these options.
    pub fn new(text: &str, options: SearchOptions) -> Self {
        Self::of(&DocText::new(text), options)
    }

    fn of(text: &DocText, options: SearchOptions) -> Self {
        let mut folded = String::with_capacity(text.as_str().len());
        let same_bytes = fold_into(text.as_str(), options, &mut folded);
        Self {
            original: text.clone(),
            folded,
            same_bytes,
        }
    }

    /// Char spans (in the original text) of every non-overlapping occurrence of `query`,
    /// left to right. A query that is empty after folding finds nothing.
    pub fn find_all(&self, query: &str, options: SearchOptions) -> Vec<Span> {
        let needle = fold_str(query, options);
        let finder = memmem::Finder::new(needle.as_bytes());
        let mut mapper = Mapper::new(&self.original, self.same_bytes, options);
        scan(&finder, &self.folded, 0, |a, b| mapper.span(a, b)).collect()
    }
}

/// The matches of `finder` in `hay` from byte `at` on, left to right, each one passed to `accept`
/// (which maps it or turns it down): after an accepted match the scan goes on behind it, after
/// one turned down one byte further, so matches never overlap and none is missed.
fn scan<'a, T>(
    finder: &'a memmem::Finder<'a>,
    hay: &'a str,
    mut at: usize,
    mut accept: impl FnMut(usize, usize) -> Option<T> + 'a,
) -> impl Iterator<Item = T> + 'a {
    let n = finder.needle().len();
    std::iter::from_fn(move || {
        while n > 0 && at <= hay.len() {
            let start = at + finder.find(&hay.as_bytes()[at..])?;
            match accept(start, start + n) {
                Some(found) => {
                    at = start + n;
                    return Some(found);
                }
                None => at = start + 1,
            }
        }
        None
    })
}

/// Maps folded byte ranges of one document back to char spans of its original text, moving
/// forward only (ranges come left to right), so mapping all hits of a document reads it once.
struct Mapper<'a> {
    text: &'a DocText,
    same_bytes: bool,
    options: SearchOptions,
    walk: Walk,
}

/// Where a [`Mapper`] is: the next original char's index and byte offset, and the folded byte
/// offset its folding starts at.
#[derive(Debug, Clone, Copy, Default)]
struct Walk {
    char_at: usize,
    byte_at: usize,
    folded_at: usize,
}

impl<'a> Mapper<'a> {
    fn new(text: &'a DocText, same_bytes: bool, options: SearchOptions) -> Self {
        Self {
            text,
            same_bytes,
            options,
            walk: Walk::default(),
        }
    }

    /// The original char span of folded bytes `[a, b)`, or `None` when either end falls inside
    /// the folding of one original char ("e" is half of "ä" spelled "ae").
    fn span(&mut self, a: usize, b: usize) -> Option<Span> {
        if self.same_bytes {
            let s = self.text.as_str();
            if !(s.is_char_boundary(a) && s.is_char_boundary(b)) {
                return None;
            }
            return Some(Span::new(
                self.text.char_of_byte(a),
                self.text.char_of_byte(b),
            ));
        }
        let start = self.char_starting_at(a)?;
        let at_start = self.walk;
        match self.char_starting_at(b) {
            Some(end) => Some(Span::new(start, end)),
            None => {
                // the next candidate starts before `b`: walk to it from here
                self.walk = at_start;
                None
            }
        }
    }

    /// Walks to the first original char whose folding starts at or after folded byte `at`;
    /// returns its index when it starts exactly there (or `at` is the end).
    fn char_starting_at(&mut self, at: usize) -> Option<usize> {
        let s = self.text.as_str();
        let w = &mut self.walk;
        while w.folded_at < at {
            let c = s[w.byte_at..].chars().next()?;
            let mut len = 0;
            fold_char(c, self.options, &mut |f| len += f.len_utf8());
            w.folded_at += len;
            w.byte_at += c.len_utf8();
            w.char_at += 1;
        }
        (w.folded_at == at).then_some(w.char_at)
    }
}

/// A corpus prepared for searching with one set of options: every document folded once, end to
/// end in one string, so a query is one fast substring scan (a word that is nowhere costs a few
/// milliseconds over 50 MB). Rebuild it when the options or the corpus change.
#[derive(Debug, Clone)]
pub struct CorpusSearch {
    options: SearchOptions,
    /// Every document's folded text, each followed by a `\n`, which folding never makes (all
    /// whitespace folds to a space), so no hit spans two documents.
    folded: String,
    documents: Vec<Folded>,
}

/// One document of a [`CorpusSearch`].
#[derive(Debug, Clone)]
struct Folded {
    id: DocId,
    text: DocText,
    /// Where its folded text starts in [`CorpusSearch::folded`].
    from: usize,
    same_bytes: bool,
}

impl CorpusSearch {
    /// Folds every readable document of a corpus (on all cores for a large corpus).
    pub fn new(corpus: &Corpus, options: SearchOptions) -> Self {
        let docs: Vec<(&DocId, &DocText)> = corpus
            .documents
            .iter()
            .filter_map(|d| Some((&d.meta.id, d.text.as_ref()?)))
            .collect();
        let bytes: usize = docs.iter().map(|(_, t)| t.as_str().len() + 1).sum();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let chunk = docs.len().div_ceil(threads).max(1);
        let parts: Vec<(String, Vec<(usize, bool)>)> = if threads < 2 || bytes < PARALLEL_BYTES {
            vec![fold_documents(&docs, options)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = docs
                    .chunks(chunk)
                    .map(|c| scope.spawn(move || fold_documents(c, options)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("folding panicked"))
                    .collect()
            })
        };
        let mut folded = String::with_capacity(bytes);
        let mut same = Vec::with_capacity(docs.len());
        for (text, flags) in parts {
            folded.push_str(&text);
            same.extend(flags);
        }
        let mut from = 0;
        let documents = docs
            .iter()
            .zip(same)
            .map(|((id, text), (len, same_bytes))| {
                let doc = Folded {
                    id: (*id).clone(),
                    text: (*text).clone(),
                    from,
                    same_bytes,
                };
                from += len + 1;
                doc
            })
            .collect();
        Self {
            options,
            folded,
            documents,
        }
    }

    /// The options this index was built with.
    pub fn options(&self) -> SearchOptions {
        self.options
    }

    /// Every hit of `query` in corpus order, each with `context` chars of context at most.
    pub fn search(&self, query: &str, context: usize) -> Vec<Hit> {
        self.hits(query, context, usize::MAX)
    }

    /// The first `limit` hits of `query` in corpus order: the scan stops there, so the first
    /// page of a frequent word costs as little as a rare one.
    pub fn hits(&self, query: &str, context: usize, limit: usize) -> Vec<Hit> {
        let needle = fold_str(query, self.options);
        let finder = memmem::Finder::new(needle.as_bytes());
        self.found(&finder)
            .take(limit)
            .map(|(doc, span)| {
                let (before, after) = doc.text.context(span, context);
                Hit {
                    document: doc.id.clone(),
                    span,
                    text: doc.text.slice(span).unwrap_or_default().to_string(),
                    before,
                    after,
                }
            })
            .collect()
    }

    /// How many hits `query` has, and in how many documents (no context is cut out).
    pub fn count(&self, query: &str) -> SearchCount {
        let needle = fold_str(query, self.options);
        let finder = memmem::Finder::new(needle.as_bytes());
        let mut count = SearchCount::default();
        let mut last: Option<&DocId> = None;
        for (doc, _) in self.found(&finder) {
            count.hits += 1;
            if last != Some(&doc.id) {
                count.documents += 1;
                last = Some(&doc.id);
            }
        }
        count
    }

    /// Every match of `finder` in corpus order, with its document and char span.
    fn found<'a>(
        &'a self,
        finder: &'a memmem::Finder<'a>,
    ) -> impl Iterator<Item = (&'a Folded, Span)> + 'a {
        let mut current: Option<(usize, Mapper<'a>)> = None;
        scan(finder, &self.folded, 0, move |a, b| {
            let d = self.documents.partition_point(|f| f.from <= a) - 1;
            let doc = &self.documents[d];
            if current.as_ref().is_none_or(|(i, _)| *i != d) {
                current = Some((d, Mapper::new(&doc.text, doc.same_bytes, self.options)));
            }
            let (_, mapper) = current.as_mut().expect("just set");
            mapper
                .span(a - doc.from, b - doc.from)
                .map(|span| (doc, span))
        })
    }
}

/// How many hits a query has, and in how many documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SearchCount {
    /// Hits in the whole corpus.
    pub hits: usize,
    /// Documents with at least one hit.
    pub documents: usize,
}

/// Below this many bytes of text, the corpus is folded on one thread.
const PARALLEL_BYTES: usize = 4 << 20;

/// Folds documents end to end (each followed by `\n`); returns the text and, per document, the
/// length of its folding and whether that kept every char's byte length.
fn fold_documents(
    docs: &[(&DocId, &DocText)],
    options: SearchOptions,
) -> (String, Vec<(usize, bool)>) {
    let mut out = String::with_capacity(docs.iter().map(|(_, t)| t.as_str().len() + 1).sum());
    let flags = docs
        .iter()
        .map(|(_, text)| {
            let before = out.len();
            let same = fold_into(text.as_str(), options, &mut out);
            let len = out.len() - before;
            out.push('\n');
            (len, same)
        })
        .collect();
    (out, flags)
}

/// Appends the folding of `text` to `out`; true when every char kept its UTF-8 length.
fn fold_into(text: &str, options: SearchOptions, out: &mut String) -> bool {
    let mut same = true;
    for c in text.chars() {
        if c.is_ascii() {
            // the common case, without the general folding's closure
            out.push(match c {
                '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' => ' ',
                _ if options.ignore_case => c.to_ascii_lowercase(),
                _ => c,
            });
            continue;
        }
        let before = out.len();
        fold_char(c, options, &mut |f| out.push(f));
        same &= out.len() - before == c.len_utf8();
    }
    same
}

/// Searches a whole corpus once (for repeated queries, keep a [`CorpusSearch`]).
pub fn search_corpus(corpus: &Corpus, query: &str, options: SearchOptions) -> Vec<Hit> {
    CorpusSearch::new(corpus, options).search(query, 40)
}

fn fold_str(s: &str, options: SearchOptions) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, options, &mut out);
    out
}

fn fold_char(c: char, options: SearchOptions, emit: &mut impl FnMut(char)) {
    if c.is_whitespace() {
        emit(' ');
        return;
    }
    if options.fold_umlauts {
        let spelled = match c {
            'ä' => Some(['a', 'e']),
            'ö' => Some(['o', 'e']),
            'ü' => Some(['u', 'e']),
            'Ä' => Some(['A', 'e']),
            'Ö' => Some(['O', 'e']),
            'Ü' => Some(['U', 'e']),
            'ß' | 'ẞ' => Some(['s', 's']),
            _ => None,
        };
        if let Some(pair) = spelled {
            for p in pair {
                emit(if options.ignore_case {
                    p.to_ascii_lowercase()
                } else {
                    p
                });
            }
            return;
        }
    }
    if options.ignore_case {
        // Lower-casing may yield several chars (e.g. 'İ'); each maps back to `c`.
        for l in c.to_lowercase() {
            emit(l);
        }
    } else {
        emit(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOLD: SearchOptions = SearchOptions {
        ignore_case: true,
        fold_umlauts: true,
    };
    const PLAIN: SearchOptions = SearchOptions {
        ignore_case: true,
        fold_umlauts: false,
    };

    fn found(text: &str, query: &str, options: SearchOptions) -> Vec<String> {
        let t = DocText::new(text);
        FoldedText::new(text, options)
            .find_all(query, options)
            .into_iter()
            .map(|s| t.slice(s).unwrap().to_string())
            .collect()
    }

    #[test]
    fn umlaut_folding_finds_spelled_out_forms_both_ways() {
        let text = "Das Gesellschafts-Überwachungssystem, die Strasse und die Straße.";
        assert_eq!(found(text, "Ueberwachung", FOLD), vec!["Überwachung"]);
        assert_eq!(found(text, "überwachung", FOLD), vec!["Überwachung"]);
        assert_eq!(found(text, "Straße", FOLD), vec!["Strasse", "Straße"]);
        assert_eq!(found(text, "Strasse", FOLD), vec!["Strasse", "Straße"]);
        assert!(found(text, "Ueberwachung", PLAIN).is_empty());
        assert_eq!(found(text, "ÜBERWACHUNG", PLAIN), vec!["Überwachung"]);
    }

    #[test]
    fn case_can_matter() {
        let opts = SearchOptions {
            ignore_case: false,
            fold_umlauts: false,
        };
        assert_eq!(found("Huawei huawei", "huawei", opts), vec!["huawei"]);
        assert_eq!(found("Huawei huawei", "huawei", PLAIN).len(), 2);
    }

    #[test]
    fn hits_never_split_an_umlaut() {
        assert!(found("Bär", "bae", FOLD).len() == 1);
        assert!(found("Bär", "e", FOLD).is_empty(), "e is half of ä");
        assert!(found("Bär", "ba", FOLD).is_empty(), "a is half of ä");
        assert_eq!(found("Baer", "e", FOLD), vec!["e"]);
    }

    #[test]
    fn offsets_are_chars_after_quotes_nbsp_and_emoji() {
        let text = "„Zitat“\u{a0}😀 Größe\u{a0}Huawei, 😀 huawei";
        let t = DocText::new(text);
        let spans = FoldedText::new(text, FOLD).find_all("huawei", FOLD);
        assert_eq!(spans.len(), 2);
        let first = text.chars().position(|c| c == 'H').unwrap();
        assert_eq!(spans[0], Span::new(first, first + 6));
        assert_eq!(t.slice(spans[1]), Some("huawei"));
        // A plain space in the query matches the NBSP; the umlaut-expanded "Groesse" maps back.
        assert_eq!(
            found(text, "groesse huawei", FOLD),
            vec!["Größe\u{a0}Huawei"]
        );
        assert_eq!(found(text, "😀 grö", PLAIN), vec!["😀 Grö"]);
    }

    #[test]
    fn empty_and_overlapping_queries() {
        assert!(found("abc", "", FOLD).is_empty());
        assert_eq!(found("aaaa", "aa", PLAIN).len(), 2, "non-overlapping");
        assert!(found("ab", "abc", PLAIN).is_empty());
    }

    #[test]
    fn corpus_search_reports_document_and_context() {
        use crate::model::corpus::Document;
        let doc = |id: &str, text: &str| Document::in_memory(id, id, text);
        let corpus = Corpus {
            documents: vec![
                doc("a", "Die Stadt und Huawei planen."),
                doc("b", "Kein Treffer hier."),
                doc("c", "Später: HUAWEI zieht sich zurück."),
            ],
        };
        let hits = search_corpus(&corpus, "huawei", PLAIN);
        let docs: Vec<_> = hits.iter().map(|h| h.document.0.as_str()).collect();
        assert_eq!(docs, vec!["a", "c"]);
        assert_eq!(hits[0].before, "Die Stadt und");
        assert_eq!(hits[0].after, "planen.");
        assert_eq!(hits[1].text, "HUAWEI");
    }

    #[test]
    fn a_match_turned_down_at_its_end_lets_an_overlapping_one_through() {
        // "sß" folds to "sss": "ss" at 0 would end inside the ß, the one at 1 is the ß
        assert_eq!(found("sß", "ss", FOLD), vec!["ß"]);
        assert_eq!(found("ßs", "ss", FOLD), vec!["ß"]);
        assert_eq!(found("ä ä\u{a0}ä", "ae", FOLD), vec!["ä", "ä", "ä"]);
    }

    #[test]
    fn first_hits_come_first_and_no_hit_spans_two_documents() {
        use crate::model::corpus::Document;
        let doc = |id: &str, text: &str| Document::in_memory(id, id, text);
        let corpus = Corpus {
            documents: vec![
                doc("a", "Huawei und die Größe"),
                doc("b", "huawei\u{a0}Straße 😀 HUAWEI"),
                doc("c", "Ende."),
            ],
        };
        let index = CorpusSearch::new(&corpus, FOLD);
        let all = index.search("huawei", 10);
        let docs: Vec<_> = all.iter().map(|h| h.document.0.as_str()).collect();
        assert_eq!(docs, vec!["a", "b", "b"]);
        assert_eq!(
            all[2].span,
            Span::new(16, 22),
            "char offsets after NBSP, ß and emoji"
        );
        assert_eq!(all[2].text, "HUAWEI");
        assert_eq!(index.hits("huawei", 10, 2), all[..2].to_vec());
        assert!(index.hits("huawei", 10, 0).is_empty());
        // the end of a and the start of b would read "größe huawei"
        assert!(index.search("groesse huawei", 10).is_empty());
        assert_eq!(index.search("strasse 😀", 10)[0].text, "Straße 😀");
        assert!(index.search("nirgends", 10).is_empty());
        assert!(index.search("", 10).is_empty());
    }
}
