//! Review mode as a reviewer meets it: open a copy of the two-coder fixture, compare anna and
//! ben, step to a disagreement by keyboard, decide it, save, and read `coding/consensus.ron`;
//! the figures table against the agreement core; accepting the agreements in bulk.
#![cfg(feature = "gui")]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::fixture_copy;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use spanwise::analysis::agreement::{self, Grouping};
use spanwise::analysis::compare::{self, DifferenceFilter, DifferenceKind};
use spanwise::model::codebook::CodeId;
use spanwise::storage;
use spanwise::ui::SpanwiseApp;
use spanwise::ui::agreement_view::cell_text;

fn anna_ben() -> Vec<String> {
    vec!["anna".into(), "ben".into()]
}

/// The reviewer's window in review mode, entered by its shortcut.
fn review_harness(project: &Path) -> Harness<'static, SpanwiseApp> {
    let mut h = common::harness("reviewer", project);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    assert!(h.state().review.active, "Ctrl+Shift+R enters review mode");
    assert_eq!(h.state().review.chosen(), anna_ben());
    h
}

#[test]
fn step_by_keyboard_accept_anna_save_and_find_it_in_the_consensus_file() {
    let dir = fixture_copy("two-coders");
    let mut h = review_harness(dir.path());
    let project = storage::load_project(dir.path()).unwrap();
    let all = compare::differences(&project, &anna_ben()).unwrap();
    let disagreements: Vec<_> = compare::filtered(
        &all,
        &DifferenceFilter {
            disagreements_only: true,
            ..Default::default()
        },
    )
    .cloned()
    .collect();

    h.key_press(Key::F8);
    h.run();
    h.key_press(Key::F8);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::F8);
    h.run();
    let first = &disagreements[0];
    let selected = h.state().review.selected_difference().cloned();
    assert_eq!(
        selected.as_ref(),
        Some(first),
        "F8, F8, Shift+F8: the first"
    );
    assert_eq!(
        h.state().document().unwrap().meta.id,
        first.document,
        "its document is open"
    );
    h.key_press(Key::F8);
    h.run();
    let second = disagreements[1].clone();
    assert_eq!(h.state().review.selected_difference(), Some(&second));
    let anna_ids = second.codings_of("anna").to_vec();
    assert!(!anna_ids.is_empty(), "anna coded the second disagreement");

    h.get_by_label("Accept anna").click();
    h.run();
    assert_eq!(
        h.state().review.selected_difference(),
        Some(&disagreements[2]),
        "the next undecided disagreement is selected"
    );
    common::save_and_wait(&mut h);

    let consensus = storage::read_coder_file(&dir.path().join("coding/consensus.ron"))
        .expect("saving wrote coding/consensus.ron");
    let anna = project.coder("anna").unwrap();
    let mut expected: Vec<_> = anna_ids
        .iter()
        .map(|id| {
            let c = anna.get(*id).unwrap();
            (
                c.document.clone(),
                c.code.clone(),
                c.start,
                c.end,
                c.quote.clone(),
            )
        })
        .collect();
    let mut found: Vec<_> = consensus
        .codings
        .iter()
        .map(|c| {
            (
                c.document.clone(),
                c.code.clone(),
                c.start,
                c.end,
                c.quote.clone(),
            )
        })
        .collect();
    expected.sort();
    found.sort();
    assert_eq!(
        found, expected,
        "exactly anna's version is in the consensus"
    );
    let on_disk = storage::load_project(dir.path()).unwrap();
    assert_eq!(
        on_disk.coder("anna").unwrap(),
        anna,
        "anna's file is not touched"
    );
    assert!(
        on_disk.coder("reviewer").is_none(),
        "the reviewer's file is not written"
    );
}

#[test]
fn the_figures_table_shows_what_the_agreement_core_computes() {
    let dir = fixture_copy("two-coders");
    let mut h = common::harness("reviewer", dir.path());
    // A code nobody used, added in the codebook window: its figures are not defined.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("New code:").click();
    h.run();
    h.get_by_label("New code:").type_text("framing");
    h.run();
    h.get_by_label("Add code").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    let project = h.state().workspace.as_ref().unwrap().project().clone();

    let report = agreement::compute(&project, &anna_ben(), Grouping::Code).unwrap();
    let framing = report.rows.iter().find(|r| r.label == "framing").unwrap();
    assert!(!framing.figures.alpha_u.is_defined());
    for row in &report.rows {
        let alpha = cell_text(agreement::Measure::UnitizingAlpha, &row.figures);
        assert_cell_in_row(&h, &row.label, &alpha);
    }
    assert_cell_in_row(&h, "framing", "not defined");
    assert_cell_in_row(&h, "all codes", &format!("{:.3}", report.overall.alpha_u));

    h.get_by_label("per document").click();
    h.run();
    let by_doc = agreement::compute(&project, &anna_ben(), Grouping::Document).unwrap();
    for row in &by_doc.rows {
        let kappa = cell_text(agreement::Measure::CohenKappa, &row.figures);
        assert_cell_in_row(&h, &row.label, &kappa);
    }
    assert_eq!(h.state().review.figures.report(), Some(&by_doc));
}

/// Asserts that a cell with `text` sits on the same table row as the label `row`.
fn assert_cell_in_row(h: &Harness<'_, SpanwiseApp>, row: &str, text: &str) {
    let rows: Vec<f32> = h
        .query_all_by_label(row)
        .map(|n| n.rect().center().y)
        .collect();
    assert!(!rows.is_empty(), "a row labelled {row}");
    let hit = h
        .query_all_by_label(text)
        .any(|n| rows.iter().any(|y| (n.rect().center().y - y).abs() < 3.0));
    assert!(hit, "row {row} shows {text}");
}

#[test]
fn accept_all_agreements_adds_exactly_the_agreements_and_undoes_in_one_step() {
    let dir = fixture_copy("two-coders");
    let mut h = review_harness(dir.path());
    let project = h.state().workspace.as_ref().unwrap().project().clone();
    let agreements: Vec<_> = compare::differences(&project, &anna_ben())
        .unwrap()
        .into_iter()
        .filter(|d| d.kind == DifferenceKind::Agreement)
        .collect();
    assert_eq!(agreements.len(), 6);

    h.get_by_label("Accept all agreements (6)").click();
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    let consensus = ws.project().coder("consensus").expect("consensus coder");
    let mut found: Vec<_> = consensus
        .codings
        .iter()
        .map(|c| (c.document.clone(), c.code.clone(), c.start, c.end))
        .collect();
    let anna = project.coder("anna").unwrap();
    let mut expected: Vec<_> = agreements
        .iter()
        .map(|d| {
            let c = anna.get(d.codings_of("anna")[0]).unwrap();
            (c.document.clone(), c.code.clone(), c.start, c.end)
        })
        .collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(
        h.state().review.chosen(),
        anna_ben(),
        "the new consensus file is listed but not compared"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    assert!(
        ws.project()
            .coder("consensus")
            .is_none_or(|f| f.codings.is_empty()),
        "one undo takes the bulk decision back"
    );
}

#[test]
fn figures_of_a_large_project_arrive_from_a_worker_thread() {
    let dir = fixture_copy("two-coders");
    let mut h = common::harness("reviewer", dir.path());
    h.state_mut().review.figures.sync_limit = 0;
    h.state_mut()
        .perform(spanwise::ui::actions::Action::ReviewCoders);
    h.step();
    assert!(h.state().review.figures.is_computing());
    let started = Instant::now();
    while h.state().review.figures.is_computing() {
        assert!(started.elapsed() < Duration::from_secs(20), "no result");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run();
    let project = &h.state().workspace.as_ref().unwrap().project();
    let expected = agreement::compute(project, &anna_ben(), Grouping::Code).unwrap();
    assert_eq!(h.state().review.figures.report(), Some(&expected));
}

#[test]
fn charts_filters_and_leaving_review_mode() {
    let dir = fixture_copy("two-coders");
    let mut h = review_harness(dir.path());
    h.get_by_label("Charts").click();
    h.run();
    h.get_by_label("alpha_U per code");
    h.get_by_label("Codings per code and coder");

    h.get_by_label("show agreements too").click();
    h.run();
    assert_eq!(h.state().review.listed().len(), 16);
    h.state_mut().review.code_filter = Some(CodeId("risk".into()));
    h.run();
    let listed = h.state().review.listed().len();
    assert!(listed > 0 && listed < 16);
    assert!(
        h.state()
            .review
            .listed()
            .iter()
            .all(|d| d.codes.contains(&CodeId("risk".into())))
    );

    h.get_by_label("Back to coding").click();
    h.run();
    assert!(!h.state().review.active);
    h.get_by_label("Code selection as:");
}

#[test]
fn an_edited_version_takes_the_code_and_the_selected_text() {
    let dir = fixture_copy("two-coders");
    let mut h = review_harness(dir.path());
    h.key_press(Key::F8);
    h.run();
    let d = h.state().review.selected_difference().cloned().unwrap();
    h.get_by_label("Edit…").click();
    h.run();
    let span = spanwise::model::span::Span::new(d.span.start + 1, d.span.end - 1);
    common::drag_select(&mut h, span);
    let text = h.state().document_text().unwrap();
    let selected = h.state().reader.selected_span(&text).expect("a selection");
    h.get_by_label("Accept edited version").click();
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    let consensus = &ws.project().coder("consensus").unwrap().codings;
    assert_eq!(consensus.len(), 1);
    let c = &consensus[0];
    assert_eq!((c.start, c.end), (selected.start, selected.end));
    assert_eq!(c.code, d.codes[0]);
    assert_eq!(c.document, d.document);
}
