//! The per-document code counts the window shows are updated from each change (only the
//! documents it reached are recounted): after coding, recoding, deleting, undo, redo, a
//! coding in another document and a codebook change, they equal a count from scratch.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, drag_select, find, harness, open_document};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use spanwise::ui::SpanwiseApp;

/// Every document's counts as the window has them, and as counted from the project now.
fn counts_match(h: &Harness<'_, SpanwiseApp>, when: &str) {
    let app = h.state();
    let project = app.workspace.as_ref().unwrap().project();
    for (i, doc) in project.corpus.documents.iter().enumerate() {
        let expected: Vec<usize> = project
            .codebook
            .codes
            .iter()
            .map(|code| {
                project.coder("anna").map_or(0, |f| {
                    f.in_document(&doc.meta.id)
                        .filter(|c| c.code == code.id)
                        .count()
                })
            })
            .collect();
        assert_eq!(app.counts(i), expected.as_slice(), "{when}: document {i}");
    }
}

#[test]
fn counts_follow_every_change_as_a_count_from_scratch_would() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    counts_match(&h, "opened");
    let span = find(&h, "Huawei");
    drag_select(&mut h, span);
    h.key_press(Key::Num1);
    h.run();
    counts_match(&h, "coded");
    assert_eq!(h.state().counts(h.state().current_doc)[0], 1);

    h.key_press(Key::Num2);
    h.run();
    counts_match(&h, "recoded");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    counts_match(&h, "undone");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    counts_match(&h, "redone");

    open_document(&mut h, "Blauäugigkeit");
    let other = find(&h, "Kommune");
    drag_select(&mut h, other);
    h.key_press(Key::Num3);
    h.run();
    counts_match(&h, "another document");
    h.key_press(Key::Delete);
    h.run();
    counts_match(&h, "deleted");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    counts_match(&h, "delete undone");

    // A new code changes the shape of the counts: everything is rebuilt.
    let code = spanwise::model::codebook::Code::plain("frame", "#123456");
    h.state_mut()
        .queue(spanwise::ui::command::AppCommand::Execute(
            spanwise::edit::command::Command::InsertCode { at: 0, code },
        ));
    h.run();
    counts_match(&h, "code inserted");
}
