//! The analyst's codebook, attributes, memos, progress and new documents, driven through the
//! window as a user would.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, code_text, harness, open_document, replace_field};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use spanwise::exchange::{ExportFormat, export};
use spanwise::model::codebook::CodeId;
use spanwise::model::coder::Progress;
use spanwise::storage;

#[test]
fn renaming_a_code_keeps_its_codings_under_the_new_name_after_reload() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, "Blauäugigkeit");
    code_text(&mut h, "unkalkulierbares Sicherheitsrisiko", Key::Num2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("risk  (2)").click();
    h.run();
    replace_field(&mut h, "Name", "Sicherheitsrisiko");
    assert!(
        h.query_by_label("Sicherheitsrisiko  (2)").is_some(),
        "the list shows the new name"
    );
    common::save_and_wait(&mut h);

    let reopened = harness("anna", dir.path());
    let project = &reopened.state().workspace.as_ref().unwrap().project();
    let coding = &project.coder("anna").unwrap().codings[0];
    assert_eq!(coding.code, CodeId("risk".into()), "the id is stable");
    assert_eq!(project.codebook.name_of(&coding.code), "Sicherheitsrisiko");
    reopened.get_by_label_contains("Sicherheitsrisiko  unkalkulierbares");
}

#[test]
fn deleting_a_code_with_codings_recodes_them_and_undo_restores_all() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, "Blauäugigkeit");
    code_text(&mut h, "unkalkulierbares Sicherheitsrisiko", Key::Num2);
    code_text(&mut h, "äußerste Vorsicht", Key::Num2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("risk  (2)").click();
    h.run();
    h.get_by_label("Delete code…").click();
    h.run();
    assert!(
        h.query_by_label("2 of your codings use this code.")
            .is_some()
    );
    h.get_by_label("Recode them to:").click();
    h.run();
    h.get_all_by_label("claim").last().unwrap().click();
    h.run();
    h.get_by_label("Recode and delete").click();
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    assert!(ws.project().codebook.get(&CodeId("risk".into())).is_none());
    let codes: Vec<_> = ws
        .project()
        .coder("anna")
        .unwrap()
        .codings
        .iter()
        .map(|c| c.code.0.clone())
        .collect();
    assert_eq!(
        codes,
        vec!["claim", "claim"],
        "both codings were recoded, none lost"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    assert!(
        ws.project().codebook.get(&CodeId("risk".into())).is_some(),
        "undo brings the code back"
    );
    let codes: Vec<_> = ws
        .project()
        .coder("anna")
        .unwrap()
        .codings
        .iter()
        .map(|c| c.code.0.clone())
        .collect();
    assert_eq!(codes, vec!["risk", "risk"]);
}

#[test]
fn an_actor_field_set_on_a_coding_appears_as_a_csv_column() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("claim  (1)").click();
    h.run();
    h.get_by_label("Field").click();
    h.get_by_label("Field").type_text("actor");
    h.run();
    h.get_by_label("Add field").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    open_document(&mut h, "Blauäugigkeit");
    code_text(
        &mut h,
        "Ich würde hier als Kommune äußerste Vorsicht walten lassen.",
        Key::Num1,
    );
    replace_field(&mut h, "actor", "Jan Weidenfeld");
    common::save_and_wait(&mut h);

    let project = storage::load_project(dir.path()).unwrap();
    let out = export(&project, ExportFormat::Csv, &[]).unwrap();
    let mut reader = csv::Reader::from_reader(out.bytes.as_slice());
    let headers = reader.headers().unwrap().clone();
    let col = headers
        .iter()
        .position(|h| h == "attr_actor")
        .expect("an attr_actor column");
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[col], "Jan Weidenfeld");
}

#[test]
fn memos_and_progress_are_saved_and_exported() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, "Blauäugigkeit");
    code_text(&mut h, "äußerste Vorsicht", Key::Num2);
    let in_progress = h.query_all_by_label("in progress").count();
    assert_eq!(
        in_progress, 2,
        "the first coding starts the document: list and selector say so"
    );
    h.get_by_label("done").click();
    h.run();
    h.get_by_label("Document memo").click();
    h.run();
    h.get_by_label("Memo on this document").click();
    h.run();
    h.get_by_label("Memo on this document")
        .type_text("Expert interview, strongly critical.");
    h.run();
    // Ctrl+S while still typing leaves the field, which commits the memo, then saves.
    common::save_and_wait(&mut h);
    assert!(!h.state().workspace.as_ref().unwrap().is_dirty());

    let project = storage::load_project(dir.path()).unwrap();
    let doc = project
        .corpus
        .documents
        .iter()
        .find(|d| d.meta.title.contains("Blauäugigkeit"))
        .unwrap();
    assert_eq!(
        project.document_memo("anna", &doc.meta.id),
        "Expert interview, strongly critical.",
        "the memo is in anna's file"
    );
    assert_eq!(doc.meta.memo, "", "not in the shared project.ron");
    assert_eq!(
        project.coder("anna").unwrap().progress_of(&doc.meta.id),
        Progress::Done
    );
    let out = export(&project, ExportFormat::Matrix, &[]).unwrap();
    let text = String::from_utf8(out.bytes).unwrap();
    let row = text.lines().find(|l| l.contains(&doc.meta.id.0)).unwrap();
    assert!(
        row.contains("Expert interview, strongly critical.") && row.contains("done"),
        "{row}"
    );
}

#[test]
fn adding_a_windows_1252_file_asks_and_decodes() {
    let dir = bundled_copy();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("leserbrief.txt");
    std::fs::write(
        &file,
        b"Leserbrief: Gr\xfc\xdfe an die Stadtverwaltung\r\nIch bin daf\xfcr.",
    )
    .unwrap();
    let mut h = harness("anna", dir.path());
    h.state_mut()
        .add_documents(&[file], spanwise::storage::create::Decoding::Utf8);
    h.run();
    assert!(
        h.query_by_label_contains("not UTF-8").is_some(),
        "the window says what is wrong"
    );
    h.get_by_label("Decode as Windows-1252").click();
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    assert_eq!(ws.project().corpus.documents.len(), 6);
    let doc = ws.project().corpus.documents.last().unwrap();
    assert_eq!(doc.meta.title, "Leserbrief: Grüße an die Stadtverwaltung");
    let stored = std::fs::read_to_string(dir.path().join(&doc.meta.path)).unwrap();
    assert_eq!(
        stored,
        "Leserbrief: Grüße an die Stadtverwaltung\nIch bin dafür."
    );
    let reloaded = storage::load_project(dir.path()).unwrap();
    assert_eq!(reloaded.corpus.documents.len(), 6, "project.ron was saved");
    assert!(reloaded.problems.is_empty(), "{:?}", reloaded.problems);
    assert!(
        h.query_by_label_contains("Leserbrief: Grüße").is_some(),
        "listed"
    );
}
