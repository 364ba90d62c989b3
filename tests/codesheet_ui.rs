//! The codesheet beside the reader, driven through the window: a variable added, a value picked
//! by keyboard on an article, saved, and seen again in a fresh window; the value is in the
//! coder's file and only the definition in project.ron.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, fill, harness, open_document};
use egui::Key;
use egui_kittest::kittest::Queryable;
use spanwise::model::variable::{Number, VariableId};

#[test]
fn a_value_set_on_the_codesheet_is_there_after_reopening() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, "Blauäugigkeit");
    h.get_by_label("New variable…").click();
    h.run();
    fill(&mut h, "Variable id", "tone");
    fill(&mut h, "Variable label", "Tonalität");
    fill(&mut h, "Values", "-1=negativ; 0=neutral; 1=positiv");
    h.get_by_label("ordinal").click();
    h.run();
    h.get_by_label("Add variable").click();
    h.run();
    // type-ahead: the start of a label, then Enter
    fill(&mut h, "Tonalität (ordinal)", "neg");
    h.key_press(Key::Enter);
    h.run();
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    let doc = h.state().document().unwrap().meta.id.clone();
    let tone = VariableId("tone".into());
    assert_eq!(
        ws.project().coder("anna").unwrap().value_of(&doc, &tone),
        Some(Number(-1.0)),
        "{:?}",
        h.state().message
    );
    // clicking another value's button changes it
    h.get_by_label("1 positiv").click();
    h.run();
    common::save_and_wait(&mut h);
    h.run();

    let coder_file = std::fs::read_to_string(dir.path().join("coding/anna.ron")).unwrap();
    assert!(coder_file.contains("\"tone\": 1.0"), "{coder_file}");
    let project_ron = std::fs::read_to_string(dir.path().join("project.ron")).unwrap();
    assert!(
        project_ron.contains("label: \"Tonalität\""),
        "{project_ron}"
    );
    assert!(!project_ron.contains("\"tone\": 1.0"));

    let mut reopened = harness("anna", dir.path());
    open_document(&mut reopened, "Blauäugigkeit");
    let field = reopened.get_by_label("Tonalität (ordinal)");
    assert_eq!(field.value().as_deref(), Some("1 positiv"));
}
