//! The code tree as a coder uses it (issue 14 point 4): sub-codes under their parent, collapsed
//! and expanded; counts for this article and the corpus, the coder's own and every coder's;
//! a click shows only that code (and its sub-codes) in the reader, a double-click or a dropped
//! selection codes the selection, and Ctrl+Z undoes it.
#![cfg(feature = "gui")]

mod common;

use common::{code_text, drag_select, find, harness};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use spanwise::edit::command::Command;
use spanwise::edit::workspace::Workspace;
use spanwise::model::codebook::CodeId;
use spanwise::ui::SpanwiseApp;

const CODER: &str = "coder1";

/// The bundled project with a sub-code "data protection" (key 4) under "risk".
fn project_with_sub_code() -> tempfile::TempDir {
    let dir = common::bundled_copy();
    let path = dir.path().join("project.ron");
    let ron = std::fs::read_to_string(&path).unwrap();
    let sub = "        (\n            id: \"privacy\",\n            name: \"data protection\",\n            \
               colour: \"#CC79A7\",\n            key: Some('4'),\n            parent: Some(\"risk\"),\n        \
               ),\n    ],\n    documents: [";
    let ron = ron.replacen("    ],\n    documents: [", sub, 1);
    std::fs::write(&path, ron).unwrap();
    dir
}

/// Another coder's codings of `claim`: `in_first` in the first document, `elsewhere` in the
/// second, saved to their file.
fn other_coder_codes(project: &std::path::Path, in_first: usize, elsewhere: usize) {
    let mut ws = Workspace::open_for_coding(project, "coder2").unwrap();
    let docs: Vec<_> = ws.project().corpus.documents[..2]
        .iter()
        .map(|d| d.meta.id.clone())
        .collect();
    let claim = CodeId("claim".into());
    for (doc, n) in [(&docs[0], in_first), (&docs[1], elsewhere)] {
        for k in 0..n {
            let span = spanwise::model::span::Span::new(10 * k, 10 * k + 5);
            let coding = ws
                .project()
                .new_coding("coder2", doc, &claim, span)
                .unwrap();
            ws.execute(Command::AddCoding {
                coder: "coder2".into(),
                coding,
            })
            .unwrap();
        }
    }
    ws.save().unwrap();
}

/// The tree row of a code (its accessible name starts with the code's name and its counts).
fn row_y(h: &Harness<'_, SpanwiseApp>, name: &str) -> Option<f32> {
    h.query_by_label_contains(&format!("{name}: yours"))
        .map(|n| n.rect().center().y)
}

fn row_label(h: &Harness<'_, SpanwiseApp>, name: &str) -> String {
    let needle = format!("{name}: yours");
    let node = h.get_by_label_contains(&needle);
    node.accesskit_node()
        .label()
        .unwrap_or_default()
        .to_string()
}

fn stripe_labels(h: &Harness<'_, SpanwiseApp>, name: &str) -> usize {
    h.query_all_by_label(&format!("Coding stripe label: {name}"))
        .count()
}

fn my_codings(h: &Harness<'_, SpanwiseApp>) -> Vec<(String, usize, usize)> {
    let ws = h.state().workspace.as_ref().unwrap();
    ws.project()
        .coder(CODER)
        .map(|f| {
            f.codings
                .iter()
                .map(|c| (c.code.0.clone(), c.start, c.end))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_sub_code_sits_under_its_parent_and_collapses_with_it() {
    let dir = project_with_sub_code();
    let mut h = harness(CODER, dir.path());
    let claim = row_y(&h, "claim").expect("claim is in the tree");
    let risk = row_y(&h, "risk").expect("risk is in the tree");
    let sub = row_y(&h, "data protection").expect("the sub-code is shown");
    let commitment = row_y(&h, "commitment").expect("commitment is in the tree");
    // codebook order is claim, risk, commitment, data protection: the tree moves the sub-code
    assert!(
        claim < risk && risk < sub && sub < commitment,
        "rows: claim {claim}, risk {risk}, data protection {sub}, commitment {commitment}"
    );
    h.get_by_label("Collapse risk").click();
    h.run();
    assert!(
        row_y(&h, "data protection").is_none(),
        "collapsed: the sub-code is hidden"
    );
    assert!(row_y(&h, "commitment").is_some());
    h.get_by_label("Expand risk").click();
    h.run();
    assert!(row_y(&h, "data protection").is_some(), "expanded again");
}

#[test]
fn counts_name_this_article_and_the_corpus_for_me_and_for_every_coder() {
    let dir = project_with_sub_code();
    other_coder_codes(dir.path(), 2, 3);
    let mut h = harness(CODER, dir.path());
    assert_eq!(
        row_label(&h, "claim"),
        "claim: yours 0 in this article, 0 in the corpus; all coders 2 in this article, 5 in \
         the corpus"
    );
    code_text(&mut h, "unkalkulierbares Sicherheitsrisiko", Key::Num1);
    code_text(&mut h, "Blauäugigkeit", Key::Num4);
    assert_eq!(
        row_label(&h, "claim"),
        "claim: yours 1 in this article, 1 in the corpus; all coders 3 in this article, 6 in \
         the corpus"
    );
    assert!(
        row_label(&h, "data protection")
            .starts_with("data protection: yours 1 in this article, 1 in the corpus")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run();
    assert_eq!(
        row_label(&h, "claim"),
        "claim: yours 0 in this article, 1 in the corpus; all coders 3 in this article, 6 in \
         the corpus",
        "the second article: coder2's three codings of claim are there"
    );
}

#[test]
fn a_click_shows_only_that_code_and_its_sub_codes_and_a_second_click_all() {
    let dir = project_with_sub_code();
    let mut h = harness(CODER, dir.path());
    code_text(&mut h, "unkalkulierbares Sicherheitsrisiko", Key::Num1);
    code_text(&mut h, "Blauäugigkeit", Key::Num4);
    assert_eq!(
        (
            stripe_labels(&h, "claim"),
            stripe_labels(&h, "data protection")
        ),
        (1, 1)
    );
    h.get_by_label_contains("risk: yours").click();
    h.run();
    assert_eq!(h.state().code_tree.filter, Some(CodeId("risk".into())));
    assert!(
        h.query_by_label("only risk").is_some(),
        "the legend says what is shown"
    );
    assert_eq!(
        (
            stripe_labels(&h, "claim"),
            stripe_labels(&h, "data protection")
        ),
        (0, 1),
        "risk's sub-code stays, claim is hidden"
    );
    h.get_by_label_contains("risk: yours").click();
    h.run();
    assert_eq!(h.state().code_tree.filter, None);
    assert_eq!(
        (
            stripe_labels(&h, "claim"),
            stripe_labels(&h, "data protection")
        ),
        (1, 1)
    );
    h.get_by_label_contains("claim: yours").click();
    h.run();
    assert_eq!(
        (
            stripe_labels(&h, "claim"),
            stripe_labels(&h, "data protection")
        ),
        (1, 0)
    );
    h.get_by_label("Show all codes").click();
    h.run();
    assert_eq!(
        (
            stripe_labels(&h, "claim"),
            stripe_labels(&h, "data protection")
        ),
        (1, 1)
    );
}

#[test]
fn a_double_click_on_a_code_codes_the_selection_and_ctrl_z_undoes_it() {
    let dir = project_with_sub_code();
    // frames of 1/60 s, so two clicks come as fast as a user's double-click
    let app = SpanwiseApp::new(common::prefs(CODER), Some(dir.path().to_path_buf()));
    let mut h = Harness::builder()
        .with_max_steps(8)
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    let span = find(&h, "Blauäugigkeit");
    drag_select(&mut h, span);
    h.get_by_label_contains("commitment: yours").click();
    h.get_by_label_contains("commitment: yours").click();
    h.run();
    assert_eq!(
        my_codings(&h),
        vec![("commitment".to_string(), span.start, span.end)]
    );
    assert_eq!(
        h.state().code_tree.filter,
        None,
        "a double-click does not filter"
    );
    assert!(row_label(&h, "commitment").starts_with("commitment: yours 1 in this article"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(my_codings(&h).is_empty(), "Ctrl+Z undid the coding");
}

#[test]
fn a_selection_dragged_onto_a_code_is_coded_with_it() {
    let dir = project_with_sub_code();
    let mut h = harness(CODER, dir.path());
    let span = find(&h, "Blauäugigkeit");
    drag_select(&mut h, span);
    let inside = h.state().reader.screen_pos_of(span.start + 3).unwrap();
    let target = h.get_by_label_contains("claim: yours").rect().center();
    h.hover_at(inside);
    h.run();
    h.drag_at(inside);
    h.run();
    for t in [0.3, 0.7, 1.0] {
        h.hover_at(inside + (target - inside) * t);
        h.run();
    }
    let text = h.state().document_text().unwrap();
    assert_eq!(
        h.state().reader.selected_span(&text),
        Some(span),
        "carrying the selection leaves it as it was"
    );
    h.drop_at(target);
    h.run();
    assert_eq!(
        my_codings(&h),
        vec![("claim".to_string(), span.start, span.end)]
    );
}
