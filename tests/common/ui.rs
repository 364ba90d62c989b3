//! Window helpers for the egui_kittest tests: a harness on a project, text selection by mouse.

use egui::{pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use spanwise::model::span::Span;
use spanwise::ui::{Prefs, SpanwiseApp};
use std::path::Path;

/// Preferences of a coder who has already given their name, in English whatever the machine's
/// locale (the tests find widgets by their English labels).
pub fn prefs(coder: &str) -> Prefs {
    Prefs {
        coder: Some(coder.to_string()),
        language: spanwise::ui::i18n::LanguageChoice::English,
        ..Prefs::default()
    }
}

/// A harness running the app on a project folder.
pub fn harness(coder: &str, project: &Path) -> Harness<'static, SpanwiseApp> {
    let app = SpanwiseApp::new(prefs(coder), Some(project.to_path_buf()));
    // a change settles within a few frames (a queued command, a job's result, a stale
    // message cleared), more than kittest's default of 4
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 1000.0))
        .with_max_steps(8)
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    h
}

/// The char span of `needle` in the open document.
pub fn find(h: &Harness<'_, SpanwiseApp>, needle: &str) -> Span {
    let text = h.state().document_text().expect("a document is open");
    let byte = text
        .as_str()
        .find(needle)
        .expect("needle in the open document");
    let start = text.char_of_byte(byte);
    Span::new(start, start + needle.chars().count())
}

/// Drags the mouse across a span of the open document, as a user selects text.
pub fn drag_select(h: &mut Harness<'_, SpanwiseApp>, span: Span) {
    scroll_into_view(h, span);
    let from = h
        .state()
        .reader
        .screen_pos_of(span.start)
        .expect("start on screen");
    let to = h
        .state()
        .reader
        .screen_pos_of(span.end)
        .expect("end on screen");
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(from + (to - from) * 0.5);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
}

/// Selects `needle` in the open document with the mouse and presses a code's key.
pub fn code_text(h: &mut Harness<'_, SpanwiseApp>, needle: &str, key: egui::Key) {
    let span = find(h, needle);
    drag_select(h, span);
    h.key_press(key);
    h.run();
}

/// Opens the document whose title contains `title` by clicking it in the document list.
pub fn open_document(h: &mut Harness<'_, SpanwiseApp>, title: &str) {
    h.get(
        By::new()
            .role(egui::accesskit::Role::Button)
            .label_contains(title),
    )
    .click();
    h.run();
}

fn on_screen(h: &Harness<'_, SpanwiseApp>, offset: usize) -> bool {
    let reader = &h.state().reader;
    match (reader.screen_pos_of(offset), reader.visible_screen_rect()) {
        (Some(p), Some(r)) => p.y > r.min.y + 10.0 && p.y < r.max.y - 10.0,
        _ => false,
    }
}

/// Scrolls the article with the mouse wheel, as a user would, until `span` is on screen.
pub fn scroll_into_view(h: &mut Harness<'_, SpanwiseApp>, span: Span) {
    for _ in 0..100 {
        if on_screen(h, span.start) && on_screen(h, span.end) {
            return;
        }
        let rect = h
            .state()
            .reader
            .visible_screen_rect()
            .expect("the reader is shown");
        h.hover_at(pos2(rect.min.x + 50.0, rect.center().y));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -60.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run();
    }
    panic!("could not scroll {span:?} into view");
}

/// Clicks at the char at `offset` of the open document.
pub fn click_at(h: &mut Harness<'_, SpanwiseApp>, offset: usize) {
    scroll_into_view(h, Span::new(offset, offset + 1));
    let p = h.state().reader.screen_pos_of(offset).unwrap() + vec2(2.0, 0.0);
    h.hover_at(p);
    h.run();
    h.drag_at(p);
    h.run();
    h.drop_at(p);
    h.run();
}

/// Clicks the field labelled `label` and types `text` into it.
pub fn fill(h: &mut Harness<'_, SpanwiseApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Replaces the text of the field labelled `label` (Ctrl+A, type) and leaves it with Enter.
pub fn replace_field(h: &mut Harness<'_, SpanwiseApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}

/// Every text row on screen lies inside the reader's visible rect, which lies inside the window.
pub fn assert_no_line_cut_off(h: &Harness<'_, SpanwiseApp>, what: &str) {
    let window = h.ctx.content_rect();
    let reader = &h.state().reader;
    let visible = reader.visible_screen_rect().expect("the reader is shown");
    assert!(
        visible.width() > 100.0 && visible.max.x <= window.max.x + 0.5,
        "{what}: the reader gets room in the window: {visible:?} in {window:?}"
    );
    let rows = reader.visible_rows();
    assert!(
        rows.len() >= 3,
        "{what}: text rows on screen: {}",
        rows.len()
    );
    for (row, chars) in &rows {
        assert!(
            row.min.x >= visible.min.x - 0.5 && row.max.x <= visible.max.x + 0.5,
            "{what}: a row of {chars} chars at x {:.0}..{:.0} leaves the reader's {:.0}..{:.0}",
            row.min.x,
            row.max.x,
            visible.min.x,
            visible.max.x
        );
    }
}

/// Double-clicks a code in the code tree (two clicks in one frame, as fast as a user's).
pub fn double_click_code(h: &mut Harness<'_, SpanwiseApp>, name: &str) {
    let pos = h
        .get_by_label_contains(&format!("{name}: yours"))
        .rect()
        .center();
    double_click_at(h, pos);
}

/// Double-clicks at `pos` (two clicks in one frame, as fast as a user's).
pub fn double_click_at(h: &mut Harness<'_, SpanwiseApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    let events = &mut h.input_mut().events;
    for pressed in [true, false, true, false] {
        events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
}

/// Steps frames until no save runs and nothing waits for one (and no job runs), as a user
/// waits for "saved"; panics after 20 s.
pub fn wait_for_jobs(h: &mut Harness<'_, SpanwiseApp>) {
    let start = std::time::Instant::now();
    loop {
        h.step();
        if !h.state().busy() {
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "the app is still busy after 20 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.run();
}

/// Presses Ctrl+S and waits until the save is back from its worker (the bytes are on disk).
pub fn save_and_wait(h: &mut Harness<'_, SpanwiseApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    wait_for_jobs(h);
}

/// Whether the app asked its window to close in the last frame.
pub fn asked_to_close(h: &Harness<'_, SpanwiseApp>) -> bool {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Close))
}

/// Steps frames until the app asks its window to close (after its save on the way out);
/// panics after 120 s (a wait on a loaded machine, not a timing test). The window stays responsive meanwhile: every step draws a frame.
pub fn wait_for_close(h: &mut Harness<'_, SpanwiseApp>) {
    let start = std::time::Instant::now();
    loop {
        h.step();
        if asked_to_close(h) {
            return;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "the window was not closed after 120 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
