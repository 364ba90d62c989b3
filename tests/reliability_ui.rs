//! Review mode's Reliability window as a reviewer meets it: enter review mode, open the window from
//! the View menu, read a variable's α with its interval and the code-presence figures, and save
//! the report the window offers.
#![cfg(feature = "gui")]

mod common;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use spanwise::analysis::predefined::{self, Options};
use spanwise::exchange::report_html::DEFAULT_BOOTSTRAP;
use spanwise::ui::reliability_window::value_text;
use spanwise::ui::windows::WindowId;

#[test]
fn the_reliability_window_shows_a_variables_alpha_in_review_mode() {
    let dir = common::two_coders_with_tone("Tonalität", false);
    let mut h = common::harness("reviewer", dir.path());
    h.get_by_label("View").click();
    h.run();
    assert!(
        h.query_by_label_contains("Reliability (variables")
            .is_none()
            || !h
                .state()
                .action_available(spanwise::ui::actions::Action::Reliability),
        "not offered in the coding view"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    assert!(h.state().review.active);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Reliability (variables").click();
    h.run();
    h.run();
    assert!(h.state().is_open(WindowId::Reliability));

    let project = spanwise::storage::load_project(dir.path()).unwrap();
    let coders = ["anna".to_string(), "ben".to_string()];
    let options = Options {
        level: None,
        bootstrap: Some(DEFAULT_BOOTSTRAP),
    };
    let expected = predefined::compute(&project, &coders, options).unwrap();
    let alpha = expected.variables[0].report.alpha();
    let interval = alpha.interval.as_ref().expect("bootstrapped");
    assert!(alpha.value.value().is_some_and(|a| a > 0.0 && a < 1.0));
    assert!(
        h.query_by_label("Tonalität (tone, ordinal level)")
            .is_some()
    );
    assert!(h.query_by_label("Krippendorff's alpha (ordinal)").is_some());
    assert!(h.query_all_by_label(&value_text(alpha)).next().is_some());
    let ci = format!("[{:.3}, {:.3}]", interval.ci_low, interval.ci_high);
    assert!(h.query_by_label(&ci).is_some(), "{ci} shown");
    assert!(
        h.query_by_label("Codes present or absent per document")
            .is_some()
    );
    assert_eq!(
        h.state().reliability.as_ref().unwrap().figures(),
        Some(&expected)
    );
    assert!(h.query_by_label("Save report…").is_some());

    // What "Save report…" leads to once a file is chosen.
    let file = dir.path().join("report.html");
    h.state_mut().save_report(&file);
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("coded independently by 2 coders (anna, ben)"));
    assert!(html.contains(&ci));
}
