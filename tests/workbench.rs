//! The coding workbench as a user meets it: open the bundled project, select text, code it,
//! save, reopen, undo and redo.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, click_at, code_text, drag_select, find, harness, open_document};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use spanwise::model::codebook::CodeId;
use spanwise::storage;

const SENTENCE: &str = "„Ich würde hier als Kommune äußerste Vorsicht walten lassen.“";
const ARTICLE: &str = "Blauäugigkeit";

fn chars_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn code_a_sentence_by_key_save_reopen_undo_redo() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    let span = find(&h, SENTENCE);
    drag_select(&mut h, span);
    let text = h.state().document_text().unwrap();
    assert_eq!(
        h.state().reader.selected_span(&text),
        Some(span),
        "the drag selects exactly the sentence"
    );

    h.key_press(Key::Num1);
    h.run();
    let codings = h.state().document_codings();
    assert_eq!(codings.len(), 1, "pressing 1 codes the selection");
    assert!(h.query_by_label_contains("unsaved changes").is_some());
    h.get_by_label_contains("claim  „Ich würde hier als Kommune");

    common::save_and_wait(&mut h);
    assert!(h.query_by_label("saved").is_some(), "status bar says saved");
    assert!(dir.path().join("coding/anna.ron").is_file());

    // A fresh app reading the project from disk finds the coding.
    let reopened = harness("anna", dir.path());
    let project = &reopened.state().workspace.as_ref().unwrap().project();
    let file = project.coder("anna").expect("anna's file was loaded");
    assert_eq!(file.codings.len(), 1);
    let c = &file.codings[0];
    assert_eq!(c.code, CodeId("claim".into()));
    assert_eq!(c.quote, SENTENCE);
    let doc_text = project
        .corpus
        .get(&c.document)
        .unwrap()
        .text
        .as_ref()
        .unwrap();
    assert_eq!(chars_slice(doc_text.as_str(), c.start, c.end), SENTENCE);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().document_codings().is_empty(),
        "undo removes the coding"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().document_codings().len(), 1, "redo restores it");
}

#[test]
fn an_overlapping_coding_with_another_code_is_kept_and_both_are_shown() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    code_text(&mut h, SENTENCE, Key::Num1);
    let span = find(&h, "äußerste Vorsicht");
    drag_select(&mut h, span);
    common::double_click_code(&mut h, "risk");
    h.run();

    let codings = h.state().document_codings();
    assert_eq!(codings.len(), 2);
    assert!(codings[0].1.overlaps(&codings[1].1));
    h.get_by_label_contains("claim  „Ich würde");
    h.get_by_label_contains("risk  äußerste Vorsicht");
    let ws = h.state().workspace.as_ref().unwrap();
    let codes: Vec<_> = ws
        .project()
        .coder("anna")
        .unwrap()
        .codings
        .iter()
        .map(|c| c.code.0.clone())
        .collect();
    assert_eq!(codes, vec!["claim", "risk"]);
}

#[test]
fn offsets_after_umlauts_quotes_and_nbsp_count_chars() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, "Bund prüft Fortsetzung");
    let text = h.state().document_text().unwrap();
    let raw = text.as_str();
    let nbsp = raw
        .find('\u{a0}')
        .expect("article 002 holds a no-break space");
    assert!(raw[..nbsp].contains('„') && raw[..nbsp].contains('ü'));
    code_text(&mut h, "eingesetzt worden", Key::Num2);
    let ws = h.state().workspace.as_ref().unwrap();
    let c = &ws.project().coder("anna").unwrap().codings[0];
    let expected_start = raw[..nbsp].chars().count() + 1;
    assert_eq!(c.start, expected_start, "start counts chars, not bytes");
    assert_eq!(c.end, expected_start + "eingesetzt worden".chars().count());
    assert_eq!(chars_slice(raw, c.start, c.end), "eingesetzt worden");
    assert_eq!(c.quote, "eingesetzt worden");
}

#[test]
fn a_mouse_selection_snaps_to_whole_words() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    let word = find(&h, "Kommune");
    drag_select(
        &mut h,
        spanwise::model::span::Span::new(word.start + 2, word.end - 2),
    );
    let text = h.state().document_text().unwrap();
    assert_eq!(h.state().reader.selected_span(&text), Some(word));
}

#[test]
fn a_clicked_highlight_can_be_recoded_nudged_and_deleted_by_keyboard() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    let span = find(&h, "äußerste Vorsicht");
    drag_select(&mut h, span);
    h.key_press(Key::Num1);
    h.run();
    // Click inside the highlight to select the coding.
    click_at(&mut h, span.start + 3);
    let id = h
        .state()
        .selected_coding
        .expect("clicking a highlight selects its coding");
    h.key_press(Key::Num3);
    h.run();
    h.key_press_modifiers(Modifiers::ALT | Modifiers::SHIFT, Key::ArrowLeft);
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    let c = ws.project().coder("anna").unwrap().get(id).unwrap().clone();
    assert_eq!(c.code, CodeId("commitment".into()));
    assert_eq!((c.start, c.end), (span.start, span.end - 1));
    assert_eq!(c.quote, "äußerste Vorsich");
    h.key_press(Key::Delete);
    h.run();
    assert!(h.state().document_codings().is_empty());
}

#[test]
fn a_coding_file_with_a_syntax_error_is_reported_and_left_unchanged() {
    let dir = bundled_copy();
    let path = dir.path().join("coding/anna.ron");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let broken = "(\n    format_version: 1,\n    coder: \"anna\"\n    codings: [],\n)\n";
    std::fs::write(&path, broken).unwrap();
    let mut h = harness("anna", dir.path());
    let shown = format!("{}:4:5", path.display());
    assert!(
        h.query_all_by_label_contains(&shown).count() == 1,
        "the window names {shown} once (in the problems list)"
    );
    assert!(
        h.query_by_label_contains("read-only: coding/anna.ron could not be read fully")
            .is_some(),
        "the status bar says the file is open read-only"
    );
    open_document(&mut h, ARTICLE);
    code_text(&mut h, SENTENCE, Key::Num1);
    common::save_and_wait(&mut h);
    assert!(
        h.state().document_codings().is_empty(),
        "coding is refused while the file is unreadable"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        broken,
        "the file is untouched"
    );
}

#[test]
fn the_untouched_bundled_project_loads_and_saves_byte_identically() {
    let dir = bundled_copy();
    let before = std::fs::read(dir.path().join("project.ron")).unwrap();
    let project = storage::load_project(dir.path()).unwrap();
    assert!(project.problems.is_empty(), "{:?}", project.problems);
    storage::save_project_file(&project).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("project.ron")).unwrap(),
        before
    );
    let repo =
        std::fs::read(spanwise::storage::bundled::source_tree_path().join("project.ron")).unwrap();
    assert_eq!(repo, before, "the embedded copy is the repository's file");
    for doc in &project.corpus.documents {
        let bytes = std::fs::read(dir.path().join(&doc.meta.path)).unwrap();
        assert_eq!(
            spanwise::model::corpus::sha256_hex(&bytes),
            doc.meta.sha256,
            "{}",
            doc.meta.path
        );
    }
}

#[test]
fn autosave_writes_in_the_background_and_reports_saved() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    code_text(&mut h, SENTENCE, Key::Num1);
    h.state_mut().save_in_background();
    assert!(
        !h.state().workspace.as_ref().unwrap().is_dirty(),
        "the snapshot was taken"
    );
    for _ in 0..200 {
        h.run();
        if h.state().save_state() == spanwise::ui::app::SaveState::Saved {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(h.state().save_state(), spanwise::ui::app::SaveState::Saved);
    assert!(h.query_by_label("saved").is_some());
    let file = storage::read_coder_file(&dir.path().join("coding/anna.ron")).unwrap();
    assert_eq!(file.codings.len(), 1);
    assert_eq!(file.codings[0].quote, SENTENCE);
}
