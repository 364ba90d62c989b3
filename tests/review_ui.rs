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
        h.query_all_by_label("decided")
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
