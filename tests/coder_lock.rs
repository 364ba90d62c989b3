//! Opening the same project twice for one coder: the second session is read-only, says who holds
//! the lock, and cannot change or save anything.

mod common;

use spanwise::edit::command::Command;
use spanwise::edit::workspace::Workspace;
use spanwise::model::span::Span;

#[test]
fn second_session_for_a_coder_is_read_only_and_says_why() {
    let dir = common::bundled_copy();
    let root = dir.path();
    let mut first = Workspace::open_for_coding(root, "Anna").unwrap();
    assert!(first.read_only_reason().is_none());
    let mut second = Workspace::open_for_coding(root, "Anna").unwrap();
    let reason = second
        .read_only_reason()
        .expect("second session is read-only");
    assert!(
        reason.contains(&format!("process {}", std::process::id())),
        "{reason}"
    );
    assert!(
        reason.contains(&spanwise::storage::lock::host_name()),
        "{reason}"
    );

    let doc = second.project().corpus.documents[0].meta.id.clone();
    let code = second.project().codebook.codes[0].id.clone();
    let coding = second
        .project()
        .new_coding("Anna", &doc, &code, Span::new(0, 8))
        .unwrap();
    let err = second
        .execute(Command::AddCoding {
            coder: "Anna".into(),
            coding: coding.clone(),
        })
        .unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    first
        .execute(Command::AddCoding {
            coder: "Anna".into(),
            coding,
        })
        .unwrap();
    assert_eq!(first.save().unwrap().len(), 1);

    // another coder is not blocked, and the lock is free again once the first session ends
    assert!(
        Workspace::open_for_coding(root, "Ben")
            .unwrap()
            .read_only_reason()
            .is_none()
    );
    drop(first);
    drop(second);
    let third = Workspace::open_for_coding(root, "Anna").unwrap();
    assert!(third.read_only_reason().is_none());
    assert_eq!(third.project().coder("Anna").unwrap().codings.len(), 1);
    assert_eq!(
        std::fs::read_to_string(root.join(".spanwise/.gitignore")).unwrap(),
        "*\n"
    );
}
