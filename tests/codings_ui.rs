//! The codings panel, driven as a user would: a coding clicked in the list is selected and shown
//! in the editor, recoded there by clicking another code, given a memo, and Ctrl+Z takes the
//! steps back one by one.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, code_text, harness, open_document};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use spanwise::model::coding::Coding;
use spanwise::ui::SpanwiseApp;

fn only_coding(h: &Harness<'_, SpanwiseApp>) -> Coding {
    let ws = h.state().workspace.as_ref().unwrap();
    let codings = &ws.project().coder("anna").unwrap().codings;
    assert_eq!(codings.len(), 1);
    codings[0].clone()
}

#[test]
fn a_coding_picked_in_the_list_is_recoded_and_given_a_memo_and_undo_takes_both_back() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, "Blauäugigkeit");
    code_text(&mut h, "äußerste Vorsicht", Key::Num2);
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selected_coding, None);
    assert!(h.query_by_label_contains("Selected coding").is_none());

    h.get_by_label("risk  äußerste Vorsicht").click();
    h.run();
    let coding = only_coding(&h);
    assert_eq!(h.state().selected_coding, Some(coding.id));
    assert!(h.query_by_label_contains("Selected coding").is_some());

    h.get_by_label("claim").click();
    h.run();
    assert_eq!(only_coding(&h).code.0, "claim");
    assert!(
        h.query_by_label("claim  äußerste Vorsicht").is_some(),
        "the list shows the new code"
    );

    h.get_by_label("Memo").click();
    h.run();
    h.get_by_label("Memo")
        .type_text("Warnung, nicht Behauptung?");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("claim  äußerste Vorsicht").click();
    h.run();
    assert_eq!(only_coding(&h).memo, "Warnung, nicht Behauptung?");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let back = only_coding(&h);
    assert_eq!(back.memo, "", "the first undo takes back the memo");
    assert_eq!(back.code.0, "claim");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(only_coding(&h).code.0, "risk", "the second the recoding");
}
