//! File questions without a system file dialog (no desktop portal, no zenity): the window asks
//! for the path itself, starting in the project folder with `<project>-<what>-<date>.<ext>`, and
//! checks the path before it is used.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, drag_select, find, prefs};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use spanwise::ui::SpanwiseApp;
use spanwise::ui::dialogs::DialogChoice;
use std::path::Path;

fn harness_with_path_field(project: &Path) -> Harness<'static, SpanwiseApp> {
    let mut p = prefs("anna");
    p.file_dialog = DialogChoice::PathField;
    let app = SpanwiseApp::new(p, Some(project.to_path_buf()));
    let mut h = Harness::builder()
        .with_max_steps(8)
        .with_size(vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    h
}

fn prompt_text(h: &Harness<'_, SpanwiseApp>) -> String {
    h.state()
        .path_prompt()
        .expect("the path field is open")
        .text
        .clone()
}

/// Replaces the path field's text as a user would: select all, type.
fn type_path(h: &mut Harness<'_, SpanwiseApp>, label: &str, path: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(path);
    h.run();
}

#[test]
fn export_asks_for_the_path_in_the_window_starting_with_the_dated_name_in_the_project() {
    let dir = bundled_copy();
    let mut h = harness_with_path_field(dir.path());
    let span = find(&h, "Huawei");
    drag_select(&mut h, span);
    h.key_press(Key::Num1);
    h.run();
    common::save_and_wait(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let text = prompt_text(&h);
    let date = chrono::Local::now().format("%Y-%m-%d").to_string();
    let root = h.state().workspace.as_ref().unwrap().project().root.clone();
    let path = Path::new(&text);
    assert_eq!(
        path.parent(),
        Some(root.as_path()),
        "starts in the project folder"
    );
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    assert!(name.ends_with(&format!("-csv-{date}.csv")), "{name}");
    assert!(!path.exists());

    h.get_by_label("Save").click();
    h.run();
    common::wait_for_jobs(&mut h);
    assert!(
        h.state().path_prompt().is_none(),
        "the question is answered"
    );
    let csv = std::fs::read_to_string(path).expect("the export is written");
    assert!(csv.lines().count() > 1, "a header and the codings: {csv}");
    assert!(
        h.query_by_label_contains("Exported ").is_some(),
        "the status bar says so"
    );
}

#[test]
fn a_path_that_is_not_a_folder_is_refused_with_the_reason_and_a_good_one_opens() {
    let dir = bundled_copy();
    let other = bundled_copy();
    let mut h = harness_with_path_field(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let missing = dir.path().join("no-such-folder");
    type_path(&mut h, "Folder:", &missing.display().to_string());
    h.get_by_label("Choose").click();
    h.run();
    assert!(
        h.query_by_label_contains("Not usable: there is no folder at")
            .is_some(),
        "the reason is shown"
    );
    assert!(h.state().path_prompt().is_some(), "the question stays open");

    type_path(&mut h, "Folder:", &other.path().display().to_string());
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert!(h.state().path_prompt().is_none());
    let root = &h.state().workspace.as_ref().unwrap().project().root;
    assert_eq!(
        root.canonicalize().unwrap(),
        other.path().canonicalize().unwrap(),
        "the typed project is open"
    );
}

#[test]
fn cancel_answers_nothing_and_says_so() {
    let dir = bundled_copy();
    let mut h = harness_with_path_field(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(h.state().path_prompt().is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().path_prompt().is_none());
    assert!(h.query_by_label_contains("Nothing chosen.").is_some());
}
