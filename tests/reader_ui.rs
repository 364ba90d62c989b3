//! The reader as a user meets it: the column reflows to the space it has at small windows, with
//! every side panel open and zoomed in, without cutting a line off; it keeps a readable line
//! length on a wide screen; a jump to a coding at the end of a long article lands on it at once;
//! and the text under the eye stays put while heights are measured or the window is resized.
#![cfg(feature = "gui")]

mod common;

use egui::{Key, Modifiers, Vec2, vec2};
use egui_kittest::Harness;
use spanwise::exchange::synthetic::{self, Spec};
use spanwise::model::span::Span;
use spanwise::ui::SpanwiseApp;

const CODER: &str = "coder1";

/// A project with one generated article of about `bytes` bytes and `codings` codings by coder1.
fn article_project(bytes: usize, codings: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    synthetic::write(&Spec::new(11, 1, bytes, 1, codings), dir.path()).unwrap();
    dir
}

fn harness_at(project: &std::path::Path, size: Vec2) -> Harness<'static, SpanwiseApp> {
    let app = SpanwiseApp::new(common::prefs(CODER), Some(project.to_path_buf()));
    let mut h = Harness::builder()
        .with_max_steps(8)
        .with_size(size)
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    h
}

/// Opens the search panel (Ctrl+F) beside the document list and the codings panel, and leaves
/// its query field with Esc so keys reach the app again.
fn open_every_side_panel(h: &mut Harness<'_, SpanwiseApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(h.state().search.open, "Ctrl+F opens the search panel");
    h.key_press(Key::Escape);
    h.run();
}

/// Zooms the whole window in by `steps` presses of Ctrl+=.
fn zoom_in(h: &mut Harness<'_, SpanwiseApp>, steps: usize) {
    for _ in 0..steps {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
        h.run();
    }
}

#[test]
fn at_1024x640_with_every_panel_open_no_line_is_cut_off_at_any_of_three_zoom_steps() {
    let project = article_project(60_000, 40);
    let mut h = harness_at(project.path(), vec2(1024.0, 640.0));
    open_every_side_panel(&mut h);
    common::assert_no_line_cut_off(&h, "zoom 100 %");
    zoom_in(&mut h, 2);
    assert!((h.state().prefs.zoom - 1.2).abs() < 1e-4);
    common::assert_no_line_cut_off(&h, "zoom 120 %");
    zoom_in(&mut h, 3);
    common::assert_no_line_cut_off(&h, "zoom 150 %");
}

/// The first char of the topmost row that is wholly on screen, searched from `near` back, and
/// the height of its row centre below the top of the reader.
fn top_char(h: &Harness<'_, SpanwiseApp>, near: usize) -> (usize, f32) {
    let visible = h.state().reader.visible_screen_rect().unwrap();
    let half_row = h.state().reader.visible_rows()[0].0.height() / 2.0;
    let mut best = None;
    for c in (near.saturating_sub(6000)..near).rev() {
        match h.state().reader.screen_pos_of(c) {
            Some(p) if p.y >= visible.min.y + half_row - 0.5 => {
                best = Some((c, p.y - visible.min.y));
            }
            Some(_) => break,
            None => {} // a blank line between paragraphs
        }
    }
    best.expect("a row at the top")
}

#[test]
fn the_column_reflows_when_the_window_shrinks_and_keeps_the_top_line() {
    let project = article_project(300_000, 100);
    let mut h = harness_at(project.path(), vec2(1920.0, 1080.0));
    open_every_side_panel(&mut h);
    // Read on a little, then make the window small.
    h.state_mut().reader.scroll_to(40_000);
    h.run();
    let (top, below_top) = top_char(&h, 40_000);
    h.set_size(vec2(1024.0, 640.0));
    h.run();
    common::assert_no_line_cut_off(&h, "after shrinking to 1024×640");
    let after = on_screen_y(&h, top).expect("the top line is still on screen");
    let visible = h.state().reader.visible_screen_rect().unwrap();
    assert!(
        (after - visible.min.y - below_top).abs() < 1.0,
        "the first line stays first: {below_top:.1} below the top, then {:.1}",
        after - visible.min.y
    );
    let (measured, total) = h.state().reader.measured_paragraphs();
    assert!(
        measured * 4 < total,
        "only the paragraphs near the screen were laid out again: {measured} of {total}"
    );
}

#[test]
fn on_a_wide_screen_lines_stay_near_80_characters() {
    let project = article_project(60_000, 40);
    let h = harness_at(project.path(), vec2(1920.0, 1080.0));
    let reader = &h.state().reader;
    let visible = reader.visible_screen_rect().unwrap();
    let column = reader.column_screen_rect().unwrap();
    assert!(
        column.width() < visible.width() - 200.0,
        "the column does not fill a wide reader: {column:?} in {visible:?}"
    );
    let lengths: Vec<usize> = reader.visible_rows().iter().map(|(_, n)| *n).collect();
    let longest = *lengths.iter().max().unwrap();
    let full: Vec<usize> = lengths.iter().copied().filter(|&n| n > 40).collect();
    let mean = full.iter().sum::<usize>() as f32 / full.len() as f32;
    println!("chars per row: longest {longest}, mean of full rows {mean:.1}");
    assert!(longest <= 85, "longest row {longest} chars");
    assert!(mean >= 60.0, "full rows average {mean:.1} chars");
}

/// Char span of the coding selected in the app.
fn selected_span(h: &Harness<'_, SpanwiseApp>) -> Span {
    let id = h.state().selected_coding.expect("a coding is selected");
    let ws = h.state().workspace.as_ref().unwrap();
    let coding = ws
        .project()
        .coder(CODER)
        .unwrap()
        .codings
        .iter()
        .find(|c| c.id == id)
        .unwrap();
    coding.span()
}

fn on_screen_y(h: &Harness<'_, SpanwiseApp>, offset: usize) -> Option<f32> {
    let visible = h.state().reader.visible_screen_rect()?;
    let p = h.state().reader.screen_pos_of(offset)?;
    (p.y > visible.min.y && p.y < visible.max.y).then_some(p.y)
}

#[test]
fn a_jump_to_the_last_coding_of_a_long_article_lands_on_it_and_stays() {
    let project = article_project(400_000, 200);
    let mut h = harness_at(project.path(), vec2(1024.0, 640.0));
    open_every_side_panel(&mut h);
    // Shift+N with nothing selected selects the last coding and scrolls to it.
    h.key_press_modifiers(Modifiers::SHIFT, Key::N);
    h.step();
    let span = selected_span(&h);
    let text_len = h.state().document_text().unwrap().char_len();
    assert!(span.start > text_len * 9 / 10, "{span:?} of {text_len}");
    let y = on_screen_y(&h, span.start).expect("the coding is on screen after the jump");
    let visible = h.state().reader.visible_screen_rect().unwrap();
    let third = visible.min.y + visible.height() / 3.0;
    assert!(
        (y - third).abs() < 30.0,
        "the coding sits a third down the reader: y {y:.1}, a third {third:.1}"
    );
    h.run();
    let settled = on_screen_y(&h, span.start).expect("still on screen");
    assert!(
        (settled - y).abs() < 0.5,
        "it stays: {y:.1} then {settled:.1}"
    );
    let (measured, total) = h.state().reader.measured_paragraphs();
    assert!(
        measured * 10 < total,
        "{measured} of {total} paragraphs laid out"
    );
}

#[test]
fn scrolling_up_into_estimated_paragraphs_moves_the_text_by_the_wheel_only() {
    let project = article_project(400_000, 50);
    let mut h = harness_at(project.path(), vec2(1280.0, 800.0));
    let end = h.state().document_text().unwrap().char_len() - 10;
    h.state_mut().reader.scroll_to(end);
    h.run();
    let measured_at_end = h.state().reader.measured_paragraphs().0;
    let visible = h.state().reader.visible_screen_rect().unwrap();
    let hover = visible.center();
    let mut moves = Vec::new();
    for _ in 0..15 {
        // A char in the upper half of the screen, followed through one wheel step.
        let follow = (end.saturating_sub(20_000)..end)
            .rev()
            .find(|&c| on_screen_y(&h, c).is_some_and(|y| y < visible.center().y))
            .or_else(|| {
                (0..end)
                    .rev()
                    .step_by(50)
                    .find(|&c| on_screen_y(&h, c).is_some())
            })
            .expect("text on screen");
        let before = on_screen_y(&h, follow).unwrap();
        h.hover_at(hover);
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, 50.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        // The wheel scrolls smoothly over several frames.
        h.run_steps(40);
        let after = h
            .state()
            .reader
            .screen_pos_of(follow)
            .expect("still laid out")
            .y;
        moves.push(after - before);
    }
    let measured = h.state().reader.measured_paragraphs().0;
    assert!(
        measured > measured_at_end,
        "paragraphs above were measured on the way up: {measured_at_end} then {measured}"
    );
    println!("moves: {moves:?}");
    assert!(moves[0] > 10.0, "the wheel scrolls up: {moves:?}");
    assert!(
        moves.iter().all(|m| (m - moves[0]).abs() < 1.0),
        "every wheel step moves the text by the same distance: {moves:?}"
    );
}
