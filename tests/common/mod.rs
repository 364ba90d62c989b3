//! Shared set-up for the integration tests: a fresh copy of the bundled project, a harness over
//! the real app, and codings generated on its real texts.
#![allow(dead_code)]

use spanwise::edit::command::Command;
use spanwise::edit::workspace::Workspace;
use spanwise::model::span::Span;
use std::path::Path;

pub mod exports;
pub mod qdpx;
#[cfg(feature = "gui")]
mod ui;
#[cfg(feature = "gui")]
#[allow(unused_imports)]
pub use ui::*;

/// Runs the `spanwise` binary built for the tests: (exit status was success, stdout, stderr).
pub fn spanwise_cli(args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_spanwise"))
        .args(args)
        .output()
        .expect("the binary runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (out.status.success(), text(out.stdout), text(out.stderr))
}

/// `tests/fixtures/<name>` in place, for commands that only read it.
pub fn fixture_path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A temporary copy of the bundled project.
pub fn bundled_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    spanwise::storage::bundled::extract_to(dir.path()).unwrap();
    dir
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary copy of `tests/fixtures/<name>` (the app writes into projects it opens).
pub fn fixture_copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    copy_dir(&from, dir.path());
    dir
}

/// Sentence spans (split after `.`, `!`, `?` followed by whitespace) and every `every`-th word
/// of at least 4 chars, of a text, as char spans.
pub fn sentence_and_word_spans(text: &str, every: usize) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut start = None;
    for (i, &c) in chars.iter().enumerate() {
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        let ends = matches!(c, '.' | '!' | '?' | '\n')
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if let Some(s) = start
            && ends
        {
            let end = if c == '\n' { i } else { i + 1 };
            if end > s + 10 {
                spans.push(Span::new(s, end));
            }
            start = None;
        }
    }
    let mut word = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphabetic() {
            let s = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            if i - s >= 4 {
                word += 1;
                if word % every == 0 {
                    spans.push(Span::new(s, i));
                }
            }
        } else {
            i += 1;
        }
    }
    spans
}

/// Adds codings on sentence and word spans of every document for the workspace's coder, cycling
/// through the codes; returns how many were added.
pub fn code_sentences_and_words(ws: &mut Workspace, every: usize) -> usize {
    let docs: Vec<_> = ws
        .project()
        .corpus
        .documents
        .iter()
        .map(|d| (d.meta.id.clone(), d.text.clone().unwrap()))
        .collect();
    let codes: Vec<_> = ws
        .project()
        .codebook
        .codes
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let coder = ws.coder().to_string();
    let mut n = 0;
    for (doc, text) in docs {
        for span in sentence_and_word_spans(text.as_str(), every) {
            let code = &codes[n % codes.len()];
            let coding = ws.project().new_coding(&coder, &doc, code, span).unwrap();
            ws.execute(Command::AddCoding {
                coder: coder.clone(),
                coding,
            })
            .unwrap();
            n += 1;
        }
    }
    n
}

/// anna's and ben's tone for the five articles of the two-coder fixture (ben differs on the
/// fourth).
pub const TONE_ANNA: [f64; 5] = [-1.0, 0.0, 1.0, 1.0, -1.0];
/// ben's tone; see [`TONE_ANNA`].
pub const TONE_BEN: [f64; 5] = [-1.0, 0.0, 1.0, 0.0, -1.0];

/// A copy of the two-coder fixture with an ordinal document variable `tone` labelled `label`,
/// filled in by anna and ben ([`TONE_ANNA`], [`TONE_BEN`]), and, when `ben_unfinished`, the
/// last article set back to "in progress" for ben.
pub fn two_coders_with_tone(label: &str, ben_unfinished: bool) -> tempfile::TempDir {
    use spanwise::model::coder::Progress;
    use spanwise::model::variable::{Number, Scale, Variable, VariableId};
    let dir = fixture_copy("two-coders");
    let tone = Variable::labelled(
        "tone",
        label,
        Scale::Ordinal,
        &[(-1, "negativ"), (0, "neutral"), (1, "positiv")],
    );
    for (coder, values) in [("anna", TONE_ANNA), ("ben", TONE_BEN)] {
        let mut ws = Workspace::open(dir.path(), coder).unwrap();
        if coder == "anna" {
            let insert = Command::InsertVariable {
                at: 0,
                variable: tone.clone(),
            };
            ws.execute(insert).unwrap();
        }
        let docs: Vec<_> = ws
            .project()
            .corpus
            .documents
            .iter()
            .map(|d| d.meta.id.clone())
            .collect();
        for (doc, value) in docs.iter().zip(values) {
            ws.execute(Command::SetVariable {
                coder: coder.into(),
                document: doc.clone(),
                variable: VariableId("tone".into()),
                value: Some(Number(value)),
            })
            .unwrap();
        }
        if coder == "ben" && ben_unfinished {
            ws.execute(Command::SetProgress {
                coder: coder.into(),
                document: docs[4].clone(),
                progress: Progress::InProgress,
            })
            .unwrap();
        }
        ws.save().unwrap();
    }
    dir
}
