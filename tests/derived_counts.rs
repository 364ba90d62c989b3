//! The code and document counts the window shows are updated from each change (only the
//! documents it reached are recounted): after coding, recoding, deleting, undo, redo, a
//! coding in another document and a codebook change, they equal a count from scratch.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, drag_select, find, harness, open_document};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use spanwise::model::coding::Coding;
use spanwise::model::corpus::DocId;
use spanwise::ui::SpanwiseApp;

/// The counts the window shows (per document, and per code in this article and the corpus,
/// mine and every coder's) against a count from scratch of the project now.
fn counts_match(h: &Harness<'_, SpanwiseApp>, when: &str) {
    let app = h.state();
    let project = app.workspace.as_ref().unwrap().project();
    let mine = project.coder("anna");
    for (i, doc) in project.corpus.documents.iter().enumerate() {
        let n = mine.map_or(0, |f| f.in_document(&doc.meta.id).count());
        assert_eq!(app.document_codings_count(i), n, "{when}: document {i}");
    }
    let here = &project.corpus.documents[app.current_doc].meta.id;
    let all: Vec<&Coding> = project
        .coders
        .values()
        .flat_map(|f| f.codings.iter())
        .collect();
    let mine: Vec<&Coding> = mine.map(|f| f.codings.iter().collect()).unwrap_or_default();
    for (k, code) in project.codebook.codes.iter().enumerate() {
        let count = |cs: &[&Coding], doc: Option<&DocId>| {
            cs.iter()
                .filter(|c| c.code == code.id && doc.is_none_or(|d| &c.document == d))
                .count()
        };
        let counts = &app.code_counts()[k];
        let what = format!("{when}: code {}", code.id);
        assert_eq!(counts.mine_corpus, count(&mine, None), "{what}");
        assert_eq!(counts.mine_here, count(&mine, Some(here)), "{what}");
        assert_eq!(counts.all_corpus, count(&all, None), "{what}");
        assert_eq!(counts.all_here, count(&all, Some(here)), "{what}");
    }
    assert_eq!(app.code_counts().len(), project.codebook.codes.len());
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
    assert_eq!(h.state().code_counts()[0].mine_here, 1);

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
