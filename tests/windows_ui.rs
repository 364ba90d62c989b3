//! One registry of windows for both modes: what a shortcut opens is drawn in coding and in review
//! mode alike, and the save a shortcut defers to the end of the frame runs in both.
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use common::{fixture_copy, replace_field};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use spanwise::ui::SpanwiseApp;

/// The reviewer's window in review mode, entered by its shortcut. Frames are 1/120 s apart, so
/// the autosave (3 s after a change) does not run while a test looks at one frame's save.
fn review_harness(project: &Path) -> Harness<'static, SpanwiseApp> {
    let app = SpanwiseApp::new(common::prefs("reviewer"), Some(project.to_path_buf()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_step_dt(1.0 / 120.0)
        .with_max_steps(8)
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    assert!(h.state().review.active, "Ctrl+Shift+R enters review mode");
    h
}

#[test]
fn in_review_mode_ctrl_shift_p_shows_the_command_palette() {
    let dir = fixture_copy("two-coders");
    let mut h = review_harness(dir.path());
    assert!(h.query_by_label("Command").is_none(), "no palette yet");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Command").type_text("next difference");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.state().review.selected_difference().is_some(),
        "the palette drawn in review mode ran Next difference"
    );
    assert!(h.query_by_label("Command").is_none(), "and closed");
}

#[test]
fn in_review_mode_ctrl_g_shows_the_coded_segments_window() {
    let dir = fixture_copy("two-coders");
    let mut h = review_harness(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    let rows = h.state().segments.as_ref().map_or(0, |s| s.rows.len());
    assert!(rows > 0, "the fixture has coded segments");
    assert!(
        h.query_by_label_contains("Export CSV").is_some(),
        "the coded-segments window is drawn in review mode"
    );
}

#[test]
fn in_review_mode_ctrl_s_in_a_text_field_saves_the_decision_at_the_end_of_the_frame() {
    let dir = fixture_copy("two-coders");
    let consensus = dir.path().join("coding/consensus.ron");
    let mut h = review_harness(dir.path());
    h.key_press(Key::F8);
    h.run();
    h.get_by_label("Accept anna").click();
    h.run();
    assert!(!consensus.exists(), "the decision is not on disk yet");
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("New code:").click();
    h.run();
    h.get_by_label("New code:").type_text("Frame");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.step();
    h.step();
    common::wait_for_jobs(&mut h);
    assert!(
        consensus.exists(),
        "Ctrl+S typed in a field saved the consensus file"
    );
    let file = spanwise::storage::read_coder_file(&consensus).unwrap();
    assert!(!file.codings.is_empty(), "with the accepted coding");
}

#[test]
fn f1_shows_the_key_sheet_in_both_modes_and_its_rows_come_from_the_action_table() {
    let dir = fixture_copy("two-coders");
    let mut h = review_harness(dir.path());
    h.key_press(Key::F1);
    h.run();
    assert!(
        h.query_by_label("Next difference").is_some(),
        "the key sheet lists the review keys"
    );
    assert!(h.query_by_label("Shift+F8").is_some());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    assert!(!h.state().review.active);
    assert!(
        h.query_by_label("Alt+Shift+←").is_some(),
        "still shown in the coding view"
    );
}

#[test]
fn the_readme_key_table_is_the_one_the_action_table_generates() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find("### Keyboard\n\n")
        .expect("README has a Keyboard section")
        + "### Keyboard\n\n".len();
    let table: String = readme[start..]
        .lines()
        .take_while(|l| l.starts_with('|'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        table,
        spanwise::ui::key_sheet::key_sheet_markdown(),
        "README.md's key table differs from key_sheet_markdown(): paste the generated one"
    );
}

#[test]
fn the_codebook_editor_refuses_a_key_an_action_uses_and_names_the_action() {
    let dir = common::bundled_copy();
    let mut h = common::harness("anna", dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("risk  (2)").click();
    h.run();
    replace_field(&mut h, "Shortcut key (one character)", "n");
    let risk = |h: &Harness<'_, SpanwiseApp>| {
        let ws = h.state().workspace.as_ref().unwrap();
        ws.project()
            .codebook
            .get(&spanwise::model::codebook::CodeId("risk".into()))
            .unwrap()
            .key
    };
    assert_eq!(risk(&h), Some('2'), "the key is unchanged");
    assert!(
        h.query_by_label_contains("“Next coding”").is_some(),
        "the status bar names the action: {:?}",
        h.state().message
    );
    replace_field(&mut h, "Shortcut key (one character)", "r");
    assert_eq!(risk(&h), Some('r'), "a free letter is taken");
}

#[test]
fn the_coder_prompt_takes_a_name_typed_and_entered_and_then_codes_as_that_coder() {
    let dir = common::bundled_copy();
    let app = SpanwiseApp::new(
        spanwise::ui::Prefs::default(),
        Some(dir.path().to_path_buf()),
    );
    let mut h = Harness::builder()
        .with_max_steps(8)
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    assert!(h.query_by_label("Who is coding?").is_some());
    h.get_by_label("Coder name:").type_text("clara");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().coder(), Some("clara"));
    assert!(h.query_by_label("Who is coding?").is_none(), "asked once");
    assert!(h.query_by_label("Coder: clara").is_some());
    common::open_document(&mut h, "Blauäugigkeit");
    common::code_text(&mut h, "äußerste Vorsicht", Key::Num2);
    let ws = h.state().workspace.as_ref().unwrap();
    assert_eq!(ws.project().coder("clara").unwrap().codings.len(), 1);
}
