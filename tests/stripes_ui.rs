//! Coding stripes as a coder meets them (issue 14 point 5): one labelled bracket per coding
//! beside the column, hidden and shown again from the View menu (and remembered), a click on one
//! selects its coding; the document list shows counts and progress instead of a dot per code;
//! and at 1024×640 with the code tree, the stripes and every other panel open, no line is cut
//! off at three zoom steps.
#![cfg(feature = "gui")]

mod common;

use common::{code_text, harness};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use spanwise::exchange::synthetic::{self, Spec};
use spanwise::ui::SpanwiseApp;

const CODER: &str = "coder1";

fn labels(h: &Harness<'_, SpanwiseApp>) -> Vec<String> {
    let mut out: Vec<String> = h
        .query_all_by_label_contains("Coding stripe label: ")
        .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
        .collect();
    out.sort();
    out
}

fn toggle_stripes(h: &mut Harness<'_, SpanwiseApp>) {
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Show coding stripes").click();
    h.run();
}

#[test]
fn every_coding_has_a_labelled_stripe_and_the_view_menu_hides_them() {
    let dir = common::bundled_copy();
    let mut h = harness(CODER, dir.path());
    assert!(labels(&h).is_empty(), "no codings, no stripes");
    code_text(&mut h, "unkalkulierbares Sicherheitsrisiko", Key::Num2);
    code_text(&mut h, "Sicherheitsrisiko für Duisburg", Key::Num1);
    code_text(&mut h, "Blauäugigkeit", Key::Num2);
    assert_eq!(
        labels(&h),
        [
            "Coding stripe label: claim",
            "Coding stripe label: risk",
            "Coding stripe label: risk"
        ]
    );
    // the overlapping two are side by side, not on top of each other
    let brackets: Vec<f32> = h
        .query_all_by_label_contains("Coding stripe bracket: ")
        .map(|n| n.rect().center().x)
        .collect();
    assert_eq!(brackets.len(), 3);
    let column = h.state().reader.column_screen_rect().unwrap();
    assert!(
        brackets.iter().all(|x| *x < column.min.x),
        "stripes lie left of the text: {brackets:?} vs {column:?}"
    );
    let mut xs = brackets.clone();
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    assert!(
        xs.len() >= 2,
        "overlapping codings get separate lanes: {brackets:?}"
    );

    toggle_stripes(&mut h);
    assert!(labels(&h).is_empty(), "the toggle hides the stripes");
    assert!(
        !h.state().prefs.show_stripes,
        "and the preference remembers it"
    );
    toggle_stripes(&mut h);
    assert_eq!(labels(&h).len(), 3);
}

#[test]
fn clicking_a_stripe_selects_its_coding() {
    let dir = common::bundled_copy();
    let mut h = harness(CODER, dir.path());
    code_text(&mut h, "unkalkulierbares Sicherheitsrisiko", Key::Num2);
    code_text(&mut h, "Blauäugigkeit", Key::Num1);
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selected_coding, None);
    h.get_by_label("Coding stripe label: claim").click();
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    let claim = ws
        .project()
        .coder(CODER)
        .unwrap()
        .codings
        .iter()
        .find(|c| c.code.0 == "claim");
    assert_eq!(h.state().selected_coding, claim.map(|c| c.id));
}

#[test]
fn the_document_list_shows_counts_and_progress_not_dots() {
    let dir = common::bundled_copy();
    let mut h = harness(CODER, dir.path());
    assert!(h.query_all_by_label("0 codings").count() > 3);
    code_text(&mut h, "unkalkulierbares Sicherheitsrisiko", Key::Num2);
    code_text(&mut h, "Blauäugigkeit", Key::Num1);
    h.get_by_label("2 codings");
    assert!(
        h.query_all_by_label_contains("documents: 0 done, 1 in progress")
            .next()
            .is_some()
    );
}

#[test]
fn at_1024x640_with_tree_stripes_and_every_panel_open_no_line_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    synthetic::write(&Spec::new(11, 1, 60_000, 1, 40), dir.path()).unwrap();
    let app = SpanwiseApp::new(common::prefs(CODER), Some(dir.path().to_path_buf()));
    let mut h = Harness::builder()
        .with_max_steps(8)
        .with_size(vec2(1024.0, 640.0))
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.state().search.open && h.state().prefs.show_code_tree && h.state().prefs.show_stripes
    );
    for zoom in ["100 %", "110 %", "120 %"] {
        common::assert_no_line_cut_off(&h, &format!("zoom {zoom}"));
        let window = h.ctx.content_rect();
        let stripes: Vec<_> = h
            .query_all_by_label_contains("Coding stripe label: ")
            .collect();
        assert!(!stripes.is_empty(), "{zoom}: stripes are drawn");
        let reader = h.state().reader.visible_screen_rect().unwrap();
        for s in &stripes {
            let r = s.rect();
            assert!(
                r.min.x >= reader.min.x - 0.5 && r.max.x <= window.max.x,
                "{zoom}: a stripe label {r:?} leaves the reader {reader:?}"
            );
        }
        assert!(
            h.query_all_by_label_contains(": yours").count() >= 3,
            "{zoom}: the tree is shown"
        );
        h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
        h.run();
    }
}
