//! The keyboard (issue 14 point 9), driven through the real app: Esc closes a menu first and
//! then deselects the selected coding; Ctrl+Plus, Ctrl+Minus and Ctrl+0 zoom the whole window on
//! German and US layouts alike; N / Shift+N scroll the coding they select into view; the File
//! menu quits and the Help menu shows the key sheet and About.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, code_text, find, harness, open_document, prefs};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use spanwise::edit::command::Command;
use spanwise::model::codebook::CodeId;
use spanwise::ui::SpanwiseApp;
use spanwise::ui::command::AppCommand;

const ARTICLE: &str = "Blauäugigkeit";

fn selected_coding_shown(h: &Harness<'_, SpanwiseApp>) -> bool {
    h.query_by_label_contains("Selected coding").is_some()
}

#[test]
fn esc_deselects_the_selected_coding() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    code_text(&mut h, "äußerste Vorsicht", Key::Num2);
    assert!(h.state().selected_coding.is_some());
    assert!(selected_coding_shown(&h));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selected_coding, None, "Esc deselects");
    assert!(!selected_coding_shown(&h), "the coding's editor is gone");
    assert_eq!(h.state().document_codings().len(), 1, "the coding stays");
}

#[test]
fn esc_closes_an_open_menu_before_it_deselects() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    code_text(&mut h, "äußerste Vorsicht", Key::Num2);
    h.get_by_label("File").click();
    h.run();
    assert!(
        h.query_by_label_contains("Quit").is_some(),
        "the File menu is open"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label_contains("Quit").is_none(),
        "Esc closed the menu"
    );
    assert!(h.state().selected_coding.is_some(), "and only the menu");
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selected_coding, None, "the second Esc deselects");
}

fn zoom(h: &Harness<'_, SpanwiseApp>) -> (f32, f32) {
    (h.state().prefs.zoom, h.ctx.zoom_factor())
}

fn press(h: &mut Harness<'_, SpanwiseApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// What egui 0.37 (egui-winit) reports: the German `+` key gives `Key::Plus` with Ctrl; on a US
/// layout `+` is Shift+`=`, so Ctrl+Plus arrives as `Key::Plus` with Ctrl+Shift, and Ctrl+`=`
/// without Shift as `Key::Equals`.
#[test]
fn ctrl_plus_minus_and_zero_zoom_the_window_on_german_and_us_layouts() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    let font = h.state().prefs.font_size;
    let cmd = Modifiers::COMMAND;
    for (name, modifiers, key) in [
        ("German Ctrl and +", cmd, Key::Plus),
        ("US Ctrl+Shift and =", cmd | Modifiers::SHIFT, Key::Plus),
        ("US Ctrl and =", cmd, Key::Equals),
    ] {
        press(&mut h, cmd, Key::Num0);
        assert_eq!(zoom(&h), (1.0, 1.0), "Ctrl+0 resets");
        press(&mut h, modifiers, key);
        assert_eq!(zoom(&h), (1.1, 1.1), "{name} zooms the whole window in");
        assert_eq!(
            h.state().prefs.font_size,
            font,
            "{name} leaves the text size"
        );
    }
    press(&mut h, cmd, Key::Minus);
    press(&mut h, cmd, Key::Minus);
    assert_eq!(zoom(&h), (0.9, 0.9), "Ctrl+Minus zooms out");
    press(&mut h, cmd, Key::Num0);
    assert_eq!(zoom(&h), (1.0, 1.0), "Ctrl+0 is back to 100 %");
    // the article text size has keys of its own that do not clash
    press(&mut h, Modifiers::ALT, Key::Plus);
    assert_eq!(h.state().prefs.font_size, font + 1.0);
    assert_eq!(zoom(&h), (1.0, 1.0));
}

fn on_screen(h: &Harness<'_, SpanwiseApp>, offset: usize) -> bool {
    let reader = &h.state().reader;
    match (reader.screen_pos_of(offset), reader.visible_screen_rect()) {
        (Some(p), Some(r)) => p.y > r.min.y && p.y < r.max.y,
        _ => false,
    }
}

#[test]
fn next_and_previous_coding_scroll_the_selected_coding_into_view() {
    let dir = bundled_copy();
    let app = SpanwiseApp::new(prefs("anna"), Some(dir.path().to_path_buf()));
    let mut h = Harness::builder()
        .with_max_steps(8)
        .with_size(vec2(1024.0, 640.0))
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    open_document(&mut h, ARTICLE);
    let text = h.state().document_text().unwrap();
    let len = text.char_len();
    let first = find(&h, "Weidenfeld");
    let last = spanwise::model::span::Span::new(len - 12, len - 2);
    for span in [first, last] {
        let doc = h.state().document().unwrap().meta.id.clone();
        let ws = h.state().workspace.as_ref().unwrap();
        let coding = ws
            .project()
            .new_coding("anna", &doc, &CodeId("claim".into()), span)
            .unwrap();
        // as a panel asks for it: a command the shell runs after the frame
        h.state_mut().queue(AppCommand::Execute(Command::AddCoding {
            coder: "anna".into(),
            coding,
        }));
        h.run();
    }
    assert!(
        !on_screen(&h, last.start),
        "the end of the article is below the window"
    );
    h.key_press(Key::N);
    h.run();
    h.key_press(Key::N);
    h.run();
    let codings = h.state().document_codings();
    assert_eq!(h.state().selected_coding, Some(codings[1].0));
    assert!(
        on_screen(&h, last.start),
        "N scrolled the last coding into view"
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::N);
    h.run();
    assert_eq!(h.state().selected_coding, Some(codings[0].0));
    assert!(on_screen(&h, first.start), "Shift+N scrolled back up to it");
}

#[test]
fn file_quit_saves_and_closes_and_help_shows_the_keys_and_about() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label_contains("Keyboard shortcuts").click();
    h.run();
    assert!(
        h.query_by_label("Ctrl+Q").is_some(),
        "the key sheet lists Quit's key"
    );
    assert!(h.query_by_label("Zoom in").is_some());
    h.key_press(Key::F1);
    h.run();
    assert!(
        h.query_by_label("Ctrl+Q").is_none(),
        "F1 toggles the key sheet"
    );
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label_contains("About Spanwise").click();
    h.run();
    let version = format!("Spanwise {}", env!("CARGO_PKG_VERSION"));
    assert!(
        h.query_by_label(&version).is_some(),
        "About names the version"
    );

    code_text(&mut h, "äußerste Vorsicht", Key::Num2);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Quit").click();
    h.step();
    common::wait_for_close(&mut h);
    let file = spanwise::storage::read_coder_file(&dir.path().join("coding/anna.ron")).unwrap();
    assert_eq!(file.codings.len(), 1, "saved before the window closes");
}
