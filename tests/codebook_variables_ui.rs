//! The document variables in the codebook window (issue 15), driven as a user would: a variable
//! added on the codesheet and given a value is renamed, re-scaled and given another value
//! list in the codebook window; a new definition the given value would not fit is refused; the
//! variable is removed after a confirmation that counts the values set, and Ctrl+Z brings it and
//! the value back.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, fill, harness, open_document, replace_field};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use spanwise::model::variable::{Number, Scale, Values, Variable, VariableId};
use spanwise::ui::SpanwiseApp;

const VALUES: &str = "Values (1=negativ; 2=neutral, or 0..10 step 1)";

fn tone(h: &Harness<'_, SpanwiseApp>) -> Option<Variable> {
    let ws = h.state().workspace.as_ref().unwrap();
    ws.project().variable(&VariableId("tone".into())).cloned()
}

fn annas_tone(h: &Harness<'_, SpanwiseApp>) -> Option<Number> {
    let ws = h.state().workspace.as_ref().unwrap();
    let doc = h.state().document().unwrap().meta.id.clone();
    ws.project()
        .coder("anna")?
        .value_of(&doc, &VariableId("tone".into()))
}

/// Adds the ordinal variable `tone` on the codesheet and gives the open article "negativ".
fn tone_with_a_value(h: &mut Harness<'_, SpanwiseApp>) {
    open_document(h, "Blauäugigkeit");
    h.get_by_label("New variable…").click();
    h.run();
    fill(h, "Variable id", "tone");
    fill(h, "Variable label", "Tonalität");
    fill(h, "Values", "-1=negativ; 0=neutral; 1=positiv");
    h.get_by_label("ordinal").click();
    h.run();
    h.get_by_label("Add variable").click();
    h.run();
    h.get_by_label("New variable…").click();
    h.run();
    h.get_by_label("-1 negativ").click();
    h.run();
    assert_eq!(annas_tone(h), Some(Number(-1.0)));
}

/// Opens the codebook window (Ctrl+K) and picks the variable.
fn edit_tone_in_the_codebook(h: &mut Harness<'_, SpanwiseApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Tonalität [ordinal]").click();
    h.run();
}

#[test]
fn a_variable_is_renamed_rescaled_and_given_new_values_in_the_codebook_window() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    tone_with_a_value(&mut h);
    edit_tone_in_the_codebook(&mut h);
    replace_field(&mut h, "Variable name", "Ton");
    h.get_by_label("Scale:").click();
    h.run();
    h.get_all_by_label("interval").last().unwrap().click();
    h.run();
    replace_field(
        &mut h,
        VALUES,
        "-1=negativ; 0=neutral; 1=positiv; 2=sehr positiv",
    );
    let v = tone(&h).unwrap();
    assert_eq!(v.label, "Ton");
    assert_eq!(v.scale, Scale::Interval);
    assert_eq!(v.label_of(Number(2.0)), Some("sehr positiv"));
    assert!(
        h.query_by_label("Ton (interval)").is_some(),
        "the codesheet shows the new name and scale"
    );

    // saved first, so no autosave's message replaces the one this test reads
    common::save_and_wait(&mut h);
    // anna's -1 would not fit 0..10: the definition stays as it was, and the status bar says why
    replace_field(&mut h, VALUES, "0..10");
    assert!(matches!(tone(&h).unwrap().values, Values::Labels(_)));
    let message = h.state().message.clone().unwrap_or_default();
    assert!(message.contains("does not allow"), "{message}");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        tone(&h).unwrap().label_of(Number(2.0)),
        None,
        "undo takes back the last change, the new value list"
    );
    assert_eq!(tone(&h).unwrap().label, "Ton");
}

#[test]
fn removing_a_variable_says_how_many_values_are_set_and_undo_restores_them() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    tone_with_a_value(&mut h);
    edit_tone_in_the_codebook(&mut h);
    h.get_by_label("Remove variable…").click();
    h.run();
    assert!(
        h.query_by_label("Coders have set 1 value of this variable (1 by anna).")
            .is_some(),
        "the confirmation counts the values"
    );
    h.get_by_label("Remove the variable and your 1 value")
        .click();
    h.run();
    assert!(tone(&h).is_none(), "{:?}", h.state().message);
    assert_eq!(annas_tone(&h), None, "the value went with it");
    assert!(h.query_by_label("Tonalität [ordinal]").is_none());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(tone(&h).is_some(), "undo brings the variable back");
    assert_eq!(annas_tone(&h), Some(Number(-1.0)), "and anna's value");
}
