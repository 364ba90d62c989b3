//! Shared set-up for the integration tests: a fresh copy of the bundled project, a harness over
//! the real app, and codings generated on its real texts.
#![allow(dead_code)]

use spanwise::command::Command;
use spanwise::workspace::Workspace;
use std::path::Path;

use egui::{pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use spanwise::span::Span;
use spanwise::ui::{Prefs, SpanwiseApp};

/// A temporary copy of the bundled project.
pub fn bundled_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    spanwise::bundled::extract_to(dir.path()).unwrap();
    dir
}

/// Preferences of a coder who has already given their name.
pub fn prefs(coder: &str) -> Prefs {
    Prefs {
        coder: Some(coder.to_string()),
        ..Prefs::default()
    }
}

/// A harness running the app on a project folder.
pub fn harness(coder: &str, project: &Path) -> Harness<'static, SpanwiseApp> {
    let app = SpanwiseApp::new(prefs(coder), Some(project.to_path_buf()));
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    h
}

/// The char span of `needle` in the open document.
pub fn find(h: &Harness<'_, SpanwiseApp>, needle: &str) -> Span {
    let text = h.state().document_text().expect("a document is open");
    let byte = text
        .as_str()
        .find(needle)
        .expect("needle in the open document");
    let start = text.char_of_byte(byte);
    Span::new(start, start + needle.chars().count())
}

/// Drags the mouse across a span of the open document, as a user selects text.
pub fn drag_select(h: &mut Harness<'_, SpanwiseApp>, span: Span) {
    scroll_into_view(h, span);
    let from = h
        .state()
        .reader
        .screen_pos_of(span.start)
        .expect("start on screen");
    let to = h
        .state()
        .reader
        .screen_pos_of(span.end)
        .expect("end on screen");
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(from + (to - from) * 0.5);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
}

/// Selects `needle` in the open document with the mouse and presses a code's key.
pub fn code_text(h: &mut Harness<'_, SpanwiseApp>, needle: &str, key: egui::Key) {
    let span = find(h, needle);
    drag_select(h, span);
    h.key_press(key);
    h.run();
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

/// Opens the document whose title contains `title` by clicking it in the document list.
pub fn open_document(h: &mut Harness<'_, SpanwiseApp>, title: &str) {
    h.get(
        By::new()
            .role(egui::accesskit::Role::Button)
            .label_contains(title),
    )
    .click();
    h.run();
}

fn on_screen(h: &Harness<'_, SpanwiseApp>, offset: usize) -> bool {
    let reader = &h.state().reader;
    match (reader.screen_pos_of(offset), reader.visible_screen_rect()) {
        (Some(p), Some(r)) => p.y > r.min.y + 10.0 && p.y < r.max.y - 10.0,
        _ => false,
    }
}

/// Scrolls the article with the mouse wheel, as a user would, until `span` is on screen.
pub fn scroll_into_view(h: &mut Harness<'_, SpanwiseApp>, span: Span) {
    for _ in 0..100 {
        if on_screen(h, span.start) && on_screen(h, span.end) {
            return;
        }
        let rect = h
            .state()
            .reader
            .visible_screen_rect()
            .expect("the reader is shown");
        h.hover_at(pos2(rect.min.x + 50.0, rect.center().y));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -60.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run();
    }
    panic!("could not scroll {span:?} into view");
}

/// Clicks at the char at `offset` of the open document.
pub fn click_at(h: &mut Harness<'_, SpanwiseApp>, offset: usize) {
    scroll_into_view(h, Span::new(offset, offset + 1));
    let p = h.state().reader.screen_pos_of(offset).unwrap() + vec2(2.0, 0.0);
    h.hover_at(p);
    h.run();
    h.drag_at(p);
    h.run();
    h.drop_at(p);
    h.run();
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
        .project
        .corpus
        .documents
        .iter()
        .map(|d| (d.meta.id.clone(), d.text.clone().unwrap()))
        .collect();
    let codes: Vec<_> = ws
        .project
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
            let coding = ws.project.new_coding(&coder, &doc, code, span).unwrap();
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
