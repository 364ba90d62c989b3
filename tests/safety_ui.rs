//! What a coder sees when the corpus changed under their codings, and when the same coder opens
//! the project twice.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, code_text, drag_select, find, harness, open_document};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn a_coding_whose_text_was_deleted_is_listed_and_can_be_deleted() {
    let dir = bundled_copy();
    let sentence = "Es sei entsprechend zertifiziert.";
    {
        let mut h = harness("anna", dir.path());
        open_document(&mut h, "Blauäugigkeit");
        code_text(&mut h, sentence, Key::Num1);
        code_text(&mut h, "äußerste Vorsicht", Key::Num2);
        common::save_and_wait(&mut h);
    }
    // someone edits the text outside Spanwise: a sentence removed, a line added at the top
    let path = dir.path().join("corpus/000_0616334490931d2e.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = format!(
        "Aktualisiert.\n{}",
        text.replace(&format!(" {sentence}"), "")
    );
    std::fs::write(&path, edited).unwrap();

    let mut h = harness("anna", dir.path());
    assert!(h.query_by_label("Codings that need attention").is_some());
    let shown = format!("„{sentence}“");
    assert!(
        h.query_by_label(&shown).is_some(),
        "the lost quote is shown"
    );
    let ws = h.state().workspace.as_ref().unwrap();
    let codings = &ws.project().coder("anna").unwrap().codings;
    assert_eq!(codings.len(), 2, "nothing is dropped");
    let moved = codings.iter().find(|c| c.code.0 == "risk").unwrap();
    let doc = ws
        .project()
        .corpus
        .get(&moved.document)
        .unwrap()
        .text
        .clone()
        .unwrap();
    assert_eq!(
        doc.slice(moved.span()),
        Some("äußerste Vorsicht"),
        "the other coding followed its text"
    );

    h.get_by_label("Delete this coding").click();
    h.run();
    assert!(h.query_by_label("Codings that need attention").is_none());
    assert_eq!(
        h.state()
            .workspace
            .as_ref()
            .unwrap()
            .project()
            .coder("anna")
            .unwrap()
            .codings
            .len(),
        1
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.query_by_label("Codings that need attention").is_some(),
        "undo brings it back"
    );
}

#[test]
fn a_second_window_for_the_same_coder_is_read_only_and_says_why() {
    let dir = bundled_copy();
    let first = harness("anna", dir.path());
    let mut second = harness("anna", dir.path());
    assert!(first.state().coding_blocked().is_none());
    let reason = second
        .state()
        .coding_blocked()
        .expect("the second window is read-only");
    assert!(
        reason.contains("process") && reason.contains(&std::process::id().to_string()),
        "{reason}"
    );
    assert!(
        second.query_by_label_contains("read-only").is_some(),
        "the status bar says so"
    );
    open_document(&mut second, "Blauäugigkeit");
    let span = find(&second, "äußerste Vorsicht");
    drag_select(&mut second, span);
    second.key_press(Key::Num1);
    second.run();
    assert!(
        second.state().document_codings().is_empty(),
        "no coding in a read-only window"
    );
    drop(first);
}
