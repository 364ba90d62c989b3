//! Review mode shows the unitizing family (uα, |uα, cuα, (k)uα) under the agreement table,
//! with the figures the agreement core computes.
#![cfg(feature = "gui")]

mod common;

use common::fixture_copy;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use spanwise::analysis::agreement::{self, Grouping};
use spanwise::ui::SpanwiseApp;

/// Asserts that a cell with `text` sits on the same row as a label `row` (right of it).
fn assert_cell_in_row(h: &Harness<'_, SpanwiseApp>, row: &str, text: &str) {
    let rows: Vec<(f32, f32)> = h
        .query_all_by_label(row)
        .map(|n| (n.rect().center().y, n.rect().right()))
        .collect();
    assert!(!rows.is_empty(), "a row labelled {row}");
    let hit = h.query_all_by_label(text).any(|n| {
        let r = n.rect();
        rows.iter()
            .any(|(y, right)| (r.center().y - y).abs() < 3.0 && r.left() >= *right)
    });
    assert!(hit, "row {row} shows {text}");
}

#[test]
fn the_review_view_shows_the_unitizing_family() {
    let dir = fixture_copy("two-coders");
    let mut h = common::harness("reviewer", dir.path());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    assert!(h.state().review.active);
    let project = h.state().workspace.as_ref().unwrap().project().clone();
    let coders = vec!["anna".to_string(), "ben".to_string()];
    let report = agreement::compute(&project, &coders, Grouping::Code).unwrap();

    h.get_by_label("Unitizing family (Krippendorff et al. 2016)");
    for header in ["u-alpha", "|u-alpha", "cu-alpha", "(k)u-alpha"] {
        h.get_by_label(header);
    }
    let family = &report.overall.family;
    let cu = format!("{:.3}", family.cu_alpha.alpha);
    let u = format!("{:.3}", family.u_alpha.alpha);
    // "all codes" labels the overall row of both tables: the family's figures are on one.
    assert_cell_in_row(&h, "all codes", &cu);
    assert_cell_in_row(&h, "all codes", &u);
    for row in &report.rows {
        let k = format!("{:.3}", row.figures.family.k_u_alpha.alpha);
        assert_cell_in_row(&h, &row.label, &k);
    }
}

/// The intervals come from a worker thread: "…" (or nothing yet) until they arrive, then the
/// interval of αU and of the family's figures beside them, as the core computes them.
#[test]
fn the_review_view_shows_the_bootstrapped_intervals_once_computed() {
    let dir = fixture_copy("two-coders");
    let mut h = common::harness("reviewer", dir.path());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    h.get_by_label("95 % interval");
    let start = std::time::Instant::now();
    while h.state().review.figures.intervals_pending() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "the intervals arrive"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run();
    }
    h.run();
    let project = h.state().workspace.as_ref().unwrap().project().clone();
    let coders = vec!["anna".to_string(), "ben".to_string()];
    let options = agreement::Options::default();
    let how = spanwise::ui::agreement_view::WINDOW_BOOTSTRAP;
    let intervals = agreement::compute_intervals(&project, &coders, &options, how).unwrap();
    let text = |i: &Option<spanwise::analysis::agreement::reliability::Interval>| {
        let i = i.as_ref().expect("an interval");
        format!("[{:.3}, {:.3}]", i.ci_low, i.ci_high)
    };
    assert_cell_in_row(&h, "all codes", &text(&intervals.overall.alpha_u));
    assert_cell_in_row(&h, "all codes", &text(&intervals.overall.cu_alpha));
    let report = agreement::compute(&project, &coders, Grouping::Code).unwrap();
    for (row, iv) in report.rows.iter().zip(&intervals.codes) {
        assert_cell_in_row(&h, &row.label, &text(&iv.k_u_alpha));
    }
    assert!(h.query_by_label("…").is_none(), "no cell waits any more");
}

/// On a 100-article project with 2 × 1000 codings the bootstrap is still running when the frame
/// that asked for it ends: it runs beside the frames, which it does not slow down.
#[test]
fn the_bootstrap_runs_beside_the_frames_on_a_hundred_articles() {
    use spanwise::exchange::synthetic::{self, Spec};
    let dir = tempfile::tempdir().unwrap();
    synthetic::write(&Spec::new(5, 100, 3_000, 2, 1_000), dir.path()).unwrap();
    let mut h = common::harness("reviewer", dir.path());
    h.state_mut().review.figures.include_unfinished = true;
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.step();
    h.step();
    assert!(h.state().review.figures.report().is_some());
    assert!(
        h.state().review.figures.intervals_pending(),
        "the frame ends before the bootstrap"
    );
    let start = std::time::Instant::now();
    let mut slowest = std::time::Duration::ZERO;
    let mut frames = 0;
    while h.state().review.figures.intervals_pending() {
        assert!(start.elapsed() < std::time::Duration::from_secs(300));
        let frame = std::time::Instant::now();
        h.step();
        slowest = slowest.max(frame.elapsed());
        frames += 1;
    }
    eprintln!(
        "bootstrap beside {frames} frames in {:.2} s; slowest frame {:.1} ms",
        start.elapsed().as_secs_f64(),
        slowest.as_secs_f64() * 1e3
    );
    let overall = &h.state().review.figures.report().unwrap().overall;
    assert!(
        overall
            .interval(spanwise::analysis::agreement::Measure::UnitizingAlpha)
            .is_some()
    );
}
