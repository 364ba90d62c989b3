//! A reviewer's session on the two-coder fixture: list the differences, step to the first
//! disagreement, accept anna's version, save, and find it in `coding/consensus.ron`.

mod common;

use std::path::Path;

use spanwise::analysis::compare::{self, DifferenceFilter, DifferenceKind, Resolution};
use spanwise::storage;

fn coders() -> Vec<String> {
    vec!["anna".into(), "ben".into()]
}

#[test]
fn fixture_differences_by_kind() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-coders");
    let project = storage::load_project(&fixture).unwrap();
    let all = compare::differences(&project, &coders()).unwrap();
    let count = |kind| all.iter().filter(|d| d.kind == kind).count();
    assert_eq!(count(DifferenceKind::Agreement), 6);
    assert_eq!(count(DifferenceKind::SameCodeOverlap), 4);
    assert_eq!(count(DifferenceKind::CodeConflict), 2);
    assert_eq!(count(DifferenceKind::OnlyOne), 4);
    for coder in ["anna", "ben"] {
        let listed: usize = all.iter().map(|d| d.codings_of(coder).len()).sum();
        assert_eq!(
            listed,
            project.coder(coder).unwrap().codings.len(),
            "every coding of {coder} once"
        );
    }
    let conflicts: Vec<_> = all
        .iter()
        .filter(|d| d.kind == DifferenceKind::CodeConflict)
        .collect();
    assert!(
        conflicts
            .iter()
            .all(|d| d.document.as_str() == "002_15d2e01c1f59b2c6")
    );
    let mut previous = None;
    for d in all
        .iter()
        .filter(|d| d.document.as_str() == "000_0616334490931d2e")
    {
        assert!(previous <= Some(d.span.start), "text order");
        previous = Some(d.span.start);
    }
}

#[test]
fn accept_the_first_disagreement_and_save() {
    let dir = common::fixture_copy("two-coders");
    let mut project = storage::load_project(dir.path()).unwrap();
    let all = compare::differences(&project, &coders()).unwrap();
    let filter = DifferenceFilter {
        disagreements_only: true,
        ..Default::default()
    };
    let first = compare::filtered(&all, &filter).next().unwrap().clone();
    assert_eq!(first.kind, DifferenceKind::SameCodeOverlap);
    let anna_id = first.codings_of("anna")[0];
    let anna = project.coder("anna").unwrap().get(anna_id).unwrap().clone();

    let command = compare::adjudicate(
        &project,
        &first,
        &Resolution::Accept("anna".into()),
        "consensus",
    )
    .unwrap();
    project.apply(command).unwrap();
    storage::save_coder(&project, "consensus").unwrap();

    let reloaded = storage::load_project(dir.path()).unwrap();
    let consensus = reloaded
        .coder("consensus")
        .expect("coding/consensus.ron was written");
    assert_eq!(consensus.codings.len(), 1);
    let c = &consensus.codings[0];
    assert_eq!(
        (&c.document, &c.code, c.start, c.end, &c.quote),
        (
            &anna.document,
            &anna.code,
            anna.start,
            anna.end,
            &anna.quote
        )
    );

    // The agreements in bulk: six more codings, and the consensus compares like any coder.
    let all = compare::differences(&reloaded, &coders()).unwrap();
    let mut project = reloaded;
    project
        .apply(compare::accept_agreements(&project, &all, "consensus").unwrap())
        .unwrap();
    assert_eq!(project.coder("consensus").unwrap().codings.len(), 7);
    // The consensus file marks no document done: count every document.
    let report = spanwise::analysis::agreement::compute_with(
        &project,
        &["anna".into(), "consensus".into()],
        &spanwise::analysis::agreement::Options::all_documents(Default::default()),
    )
    .unwrap();
    assert_eq!(report.overall.codings, vec![15, 7]);
}
