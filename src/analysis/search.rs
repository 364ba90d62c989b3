//! Full-text search over the corpus: every occurrence of a phrase, as exact char spans of the
//! stored text with a little context around each.
//!
//! Matching compares *folded* text: lower case, any whitespace (NBSP included) as a plain space,
//! and, when asked, German umlauts spelled out (ä→ae, ö→oe, ü→ue, ß→ss), so "Ueberwachung" finds
//! "Überwachung" and "Strasse" finds "Straße". Every folded char remembers the original char it
//! came from, so a hit is reported in the original text's char offsets. A hit never starts or ends
//! inside the expansion of one original char ("e" does not match the second half of "ä").

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

/// A text in folded form, with the original char offset of every folded char.
#[derive(Debug, Clone)]
pub struct FoldedText {
    folded: Vec<char>,
    /// For each folded char: the index of the original char it came from.
    source: Vec<usize>,
}

impl FoldedText {
    /// Folds a text with these options.
    pub fn new(text: &str, options: SearchOptions) -> Self {
        let mut folded = Vec::with_capacity(text.len());
        let mut source = Vec::with_capacity(text.len());
        for (i, c) in text.chars().enumerate() {
            fold_char(c, options, &mut |f| {
                folded.push(f);
                source.push(i);
            });
        }
        Self { folded, source }
    }

    /// Char spans (in the original text) of every non-overlapping occurrence of `query`,
    /// left to right. An empty (or all-whitespace-free but empty after folding) query finds nothing.
    pub fn find_all(&self, query: &str, options: SearchOptions) -> Vec<Span> {
        let needle = fold_str(query, options);
        let mut out = Vec::new();
        let n = needle.len();
        if n == 0 || n > self.folded.len() {
            return out;
        }
        let mut i = 0;
        while i + n <= self.folded.len() {
            if self.folded[i..i + n] == needle[..] && self.aligned(i, i + n) {
                let start = self.source[i];
                let end = self.source[i + n - 1] + 1;
                out.push(Span::new(start, end));
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }

    /// True when folded `[a, b)` starts and ends on whole original chars.
    fn aligned(&self, a: usize, b: usize) -> bool {
        let starts_clean = a == 0 || self.source[a - 1] != self.source[a];
        let ends_clean = b == self.source.len() || self.source[b] != self.source[b - 1];
        starts_clean && ends_clean
    }
}

/// A corpus prepared for searching with one set of options (folding is done once, queries are
/// cheap). Rebuild it when the options or the corpus change.
#[derive(Debug, Clone)]
pub struct CorpusSearch {
    options: SearchOptions,
    documents: Vec<(DocId, DocText, FoldedText)>,
}

impl CorpusSearch {
    /// Folds every readable document of a corpus.
    pub fn new(corpus: &Corpus, options: SearchOptions) -> Self {
        let documents = corpus
            .documents
            .iter()
            .filter_map(|d| {
                let text = d.text.clone()?;
                let folded = FoldedText::new(text.as_str(), options);
                Some((d.meta.id.clone(), text, folded))
            })
            .collect();
        Self { options, documents }
    }

    /// The options this index was built with.
    pub fn options(&self) -> SearchOptions {
        self.options
    }

    /// Every hit of `query` in corpus order, each with `context` chars of context at most.
    pub fn search(&self, query: &str, context: usize) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (id, text, folded) in &self.documents {
            for span in folded.find_all(query, self.options) {
                let (before, after) = text.context(span, context);
                hits.push(Hit {
                    document: id.clone(),
                    span,
                    text: text.slice(span).unwrap_or_default().to_string(),
                    before,
                    after,
                });
            }
        }
        hits
    }
}

/// Searches a whole corpus once (for repeated queries, keep a [`CorpusSearch`]).
pub fn search_corpus(corpus: &Corpus, query: &str, options: SearchOptions) -> Vec<Hit> {
    CorpusSearch::new(corpus, options).search(query, 40)
}

fn fold_str(s: &str, options: SearchOptions) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, options, &mut |f| out.push(f));
    }
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
}
