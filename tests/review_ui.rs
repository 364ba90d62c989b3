//! Review mode readable: the differences list names each article and quotes its text, "Accept
//! ben" is disabled where ben coded nothing, a "neither" is still decided after the project is
//! opened again, and F8 lists only documents every compared coder marked done, saying which it
//! left out.
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use common::fixture_copy;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use spanwise::analysis::compare::{self, Difference, DifferenceKind};
use spanwise::edit::command::Command;
use spanwise::edit::workspace::Workspace;
use spanwise::model::coder::Progress;
use spanwise::ui::SpanwiseApp;

fn review_harness(project: &Path) -> Harness<'static, SpanwiseApp> {
    let mut h = common::harness("reviewer", project);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    assert!(h.state().review.active, "Ctrl+Shift+R enters review mode");
    h
}

fn disagreements(dir: &Path) -> Vec<Difference> {
    let project = spanwise::storage::load_project(dir).unwrap();
    compare::differences(&project, &["anna".into(), "ben".into()])
        .unwrap()
        .into_iter()
        .filter(|d| !d.is_agreement())
        .collect()
}

/// The article title and the quoted text of a difference, as the list should show them.
fn title_and_quote(h: &Harness<'_, SpanwiseApp>, d: &Difference) -> (String, String) {
    let project = h.state().workspace.as_ref().unwrap().project();
    let doc = project.corpus.get(&d.document).unwrap();
    let quote = doc.text.as_ref().unwrap().slice(d.span).unwrap();
    let words: Vec<&str> = quote.split_whitespace().take(3).collect();
    (doc.meta.title.clone(), words.join(" "))
}

#[test]
fn list_rows_show_the_article_title_and_the_quoted_text() {
    let dir = fixture_copy("two-coders");
    let h = review_harness(dir.path());
    let first = &disagreements(dir.path())[0];
    let (title, quote) = title_and_quote(&h, first);
    let title_nodes: Vec<egui::Rect> = h.query_all_by_label(&title).map(|n| n.rect()).collect();
    let needle = format!("\u{201e}{quote}");
    let q = h
        .query_all_by_label_contains(&needle)
        .next()
        .expect("the quote is listed")
        .rect();
    assert!(
        title_nodes
            .iter()
            .any(|t| t.bottom() <= q.top() + 2.0 && q.top() - t.bottom() < 10.0),
        "the title {title} stands right above the quote"
    );
    assert!(
        h.query_by_label_contains("doc 1 @").is_none(),
        "no positions instead of words"
    );
}

#[test]
fn accept_is_disabled_for_a_coder_with_nothing_there() {
    let dir = fixture_copy("two-coders");
    let mut h = review_harness(dir.path());
    let only_anna = disagreements(dir.path())
        .into_iter()
        .find(|d| d.kind == DifferenceKind::OnlyOne && d.codings_of("ben").is_empty())
        .expect("a coding anna made alone");
    for _ in 0..40 {
        if h.state().review.selected_difference() == Some(&only_anna) {
            break;
        }
        h.key_press(Key::F8);
        h.run();
    }
    assert_eq!(h.state().review.selected_difference(), Some(&only_anna));
    assert!(h.get_by_label("Accept ben").accesskit_node().is_disabled());
    assert!(!h.get_by_label("Accept anna").accesskit_node().is_disabled());
    h.get_by_label("Accept ben").click();
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    assert!(
        ws.project().coder("consensus").is_none(),
        "the disabled button decided nothing"
    );
    assert!(h.query_by_label("ben: no coding here").is_some());
}

#[test]
fn a_neither_decision_survives_reopening_the_project() {
    let dir = fixture_copy("two-coders");
    let first = disagreements(dir.path())[0].clone();
    {
        let mut h = review_harness(dir.path());
        h.key_press(Key::F8);
        h.run();
        assert_eq!(h.state().review.selected_difference(), Some(&first));
        h.get_by_label("Neither").click();
        h.run();
        common::save_and_wait(&mut h);
    }
    let h = review_harness(dir.path());
    let project = h.state().workspace.as_ref().unwrap().project();
    assert!(
        h.state().review.is_decided(&first, project),
        "the neither is remembered"
    );
    let (_, quote) = title_and_quote(&h, &first);
    let needle = format!("\u{201e}{quote}");
    let quote_top = h
        .query_all_by_label_contains(&needle)
        .next()
        .unwrap()
        .rect()
        .top();
    assert!(
        h.query_all_by_label_contains("  decided")
            .any(|n| n.rect().top() > quote_top && n.rect().top() - quote_top < 30.0),
        "its row says decided"
    );
    let total = disagreements(dir.path()).len();
    assert!(
        h.query_by_label_contains(&format!("{} undecided", total - 1))
            .is_some()
    );
}

#[test]
fn f8_leaves_out_a_document_ben_has_not_finished_and_says_so() {
    let dir = fixture_copy("two-coders");
    let all = disagreements(dir.path());
    let unfinished = all[0].document.clone();
    {
        let mut ws = Workspace::open(dir.path(), "ben").unwrap();
        ws.execute(Command::SetProgress {
            coder: "ben".into(),
            document: unfinished.clone(),
            progress: Progress::InProgress,
        })
        .unwrap();
        ws.save().unwrap();
    }
    let mut h = review_harness(dir.path());
    let expected = all.iter().filter(|d| d.document != unfinished).count();
    assert_eq!(h.state().review.listed().len(), expected);
    let mut seen = Vec::new();
    for _ in 0..expected {
        h.key_press(Key::F8);
        h.run();
        seen.push(h.state().review.selected_difference().unwrap().clone());
    }
    assert!(
        seen.iter().all(|d| d.document != unfinished),
        "F8 never stops in the unfinished document"
    );
    let title = h
        .state()
        .workspace
        .as_ref()
        .unwrap()
        .project()
        .corpus
        .get(&unfinished)
        .unwrap()
        .meta
        .title
        .clone();
    let note = format!(
        "Differences from 4 of 5 documents; left out: {title} (not done by ben (in progress))"
    );
    assert!(
        h.query_by_label_contains(&note).is_some(),
        "the list says which document it left out"
    );
    h.get_by_label("include unfinished").click();
    h.run();
    assert_eq!(h.state().review.listed().len(), all.len(), "ticked: all");
}

/// Review mode at 1024×640 with the review panel open: in every article and at every zoom step
/// the compare view's column reflows like the coding reader's, no row leaves the space it has.
#[test]
fn the_compare_view_reflows_at_1024x640_at_every_zoom_step() {
    let dir = fixture_copy("two-coders");
    let app = SpanwiseApp::new(common::prefs("reviewer"), Some(dir.path().to_path_buf()));
    let mut h = egui_kittest::Harness::builder()
        .with_max_steps(8)
        .with_size(egui::vec2(1024.0, 640.0))
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    assert!(h.state().review.active);
    let docs = h
        .state()
        .workspace
        .as_ref()
        .unwrap()
        .project()
        .corpus
        .documents
        .len();
    for doc in 0..docs {
        if doc > 0 {
            h.get_by_label(">").click();
            h.run();
        }
        assert_eq!(h.state().current_doc, doc);
        common::assert_no_line_cut_off(&h, &format!("article {doc}, zoom 100 %"));
    }
    for step in 1..=5 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
        h.run();
        common::assert_no_line_cut_off(&h, &format!("zoom step {step}"));
        assert_panel_rows_fit(&h, &format!("zoom step {step}"));
    }
}

/// No label of the review panel (left of the compare view, beside it) runs into the compare
/// view: long rows are ellipsized.
fn assert_panel_rows_fit(h: &Harness<'_, SpanwiseApp>, what: &str) {
    let reader = h.state().reader.visible_screen_rect().unwrap();
    for node in h.query_all(egui_kittest::kittest::By::new().role(egui::accesskit::Role::Label)) {
        let r = node.rect();
        let beside = r.min.y < reader.max.y && r.max.y > reader.min.y;
        if beside && r.min.x < reader.min.x - 2.0 {
            assert!(
                r.max.x <= reader.min.x + 1.0,
                "{what}: {:?} runs into the compare view: {r:?}, view {reader:?}",
                node.accesskit_node().label()
            );
        }
    }
}

/// In the German window the reason a document was left out is German too (the core gives it
/// in English; the review list translates it).
#[test]
fn the_left_out_reason_speaks_german_in_the_german_window() {
    let dir = fixture_copy("two-coders");
    let unfinished = disagreements(dir.path())[0].document.clone();
    {
        let mut ws = Workspace::open(dir.path(), "ben").unwrap();
        ws.execute(Command::SetProgress {
            coder: "ben".into(),
            document: unfinished,
            progress: Progress::InProgress,
        })
        .unwrap();
        ws.save().unwrap();
    }
    let prefs = spanwise::ui::Prefs {
        language: spanwise::ui::i18n::LanguageChoice::German,
        ..common::prefs("reviewer")
    };
    let app = SpanwiseApp::new(prefs, Some(dir.path().to_path_buf()));
    let mut h = egui_kittest::Harness::builder()
        .with_max_steps(8)
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    let reason = "(nicht fertig bei ben (in Arbeit))";
    assert!(
        h.query_all_by_label_contains(reason).next().is_some(),
        "the German reason {reason:?} in the review list"
    );
    assert_eq!(h.query_all_by_label_contains("not done by").count(), 0);
}
