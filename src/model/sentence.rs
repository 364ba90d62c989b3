//! Sentences of a news text, for extending a selection sentence by sentence.
//!
//! A heuristic good enough for German press prose: a sentence ends after `.`, `!`, `?` or `…`
//! (with any closing quotes or brackets that follow) when whitespace and then an upper-case
//! letter, a digit or an opening quote come next, and always at a line break. Abbreviations
//! followed by a lower-case word ("z. B. die") therefore do not end a sentence.

use crate::model::span::Span;
use crate::model::text::DocText;

/// Char spans of the sentences of a text, in order, without surrounding whitespace.
pub fn sentences(text: &DocText) -> Vec<Span> {
    let chars: Vec<char> = text.as_str().chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if c == '\n' {
            push_trimmed(&mut out, &chars, start.take(), i);
            i += 1;
            continue;
        }
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut end = i + 1;
            while end < n && is_closer(chars[end]) {
                end += 1;
            }
            let mut next = end;
            while next < n && chars[next].is_whitespace() && chars[next] != '\n' {
                next += 1;
            }
            let ends = next == n
                || chars[next] == '\n'
                || (next > end && starts_sentence(chars[next]) && !abbreviation(&chars[..i]));
            if ends {
                push_trimmed(&mut out, &chars, start.take(), end);
                i = next;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, &chars, start, n);
    out
}

/// The end of the sentence after `offset`: the first sentence end beyond it (or the text's end).
pub fn next_sentence_end(text: &DocText, offset: usize) -> usize {
    sentences(text)
        .into_iter()
        .map(|s| s.end)
        .find(|&e| e > offset)
        .unwrap_or(text.char_len())
}

/// The start of the sentence before `offset`: the last sentence start before it (or 0).
pub fn prev_sentence_start(text: &DocText, offset: usize) -> usize {
    sentences(text)
        .into_iter()
        .map(|s| s.start)
        .rfind(|&s| s < offset)
        .unwrap_or(0)
}

fn push_trimmed(out: &mut Vec<Span>, chars: &[char], start: Option<usize>, end: usize) {
    let Some(start) = start else {
        return;
    };
    let mut end = end;
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if end > start {
        out.push(Span::new(start, end));
    }
}

/// True when the word just before a period is a single letter ("z. B.") or a common
/// abbreviation ("Dr.", "Nr."), which does not end a sentence.
fn abbreviation(before: &[char]) -> bool {
    let word: String = before
        .iter()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    word.chars().count() == 1
        || [
            "Dr", "Prof", "Nr", "St", "ca", "vgl", "bzw", "Mio", "Mrd", "Hr", "Fr",
        ]
        .contains(&word.as_str())
}

fn is_closer(c: char) -> bool {
    matches!(c, '“' | '"' | '”' | '’' | '\'' | '»' | '«' | ')' | ']')
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '„' | '"' | '“' | '»' | '«' | '(' | '‚')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<String> {
        let d = DocText::new(t);
        sentences(&d)
            .into_iter()
            .map(|s| d.slice(s).unwrap().to_string())
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_quotes_and_lines() {
        assert_eq!(
            texts("Die Stadt wartet. „Ich würde warnen.“ Er geht!\nNeue Zeile ohne Punkt"),
            vec![
                "Die Stadt wartet.",
                "„Ich würde warnen.“",
                "Er geht!",
                "Neue Zeile ohne Punkt"
            ]
        );
    }

    #[test]
    fn abbreviations_before_lower_case_words_do_not_split() {
        assert_eq!(
            texts("Etwa z. B. Kameras, sagt Dr. Weber. Dann 2019 mehr."),
            vec!["Etwa z. B. Kameras, sagt Dr. Weber.", "Dann 2019 mehr."]
        );
    }

    #[test]
    fn next_and_previous_boundaries() {
        let t = DocText::new("Eins zwei. Drei vier. Fünf.");
        assert_eq!(next_sentence_end(&t, 0), 10);
        assert_eq!(next_sentence_end(&t, 10), 21);
        assert_eq!(prev_sentence_start(&t, 21), 11);
        assert_eq!(prev_sentence_start(&t, 11), 0);
        assert_eq!(next_sentence_end(&t, 27), 27);
    }
}
