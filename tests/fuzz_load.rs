//! Loading a project folder from mutated bytes of `project.ron` and a coder file never panics;
//! it opens or fails with an error naming a file. Crashers found are kept as regression cases.

mod common;

use std::fs;

use proptest::prelude::*;
use spanwise::edit::workspace::Workspace;
use spanwise::storage;

/// A mutation of a byte string.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Flip(a, b)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(a, b)| Mutation::Insert(a, b)),
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Mutation::Delete(a, n)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1usize..60).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
        (
            any::<usize>(),
            prop::sample::select(vec![
                &b"99999999999999999999"[..],
                b"18446744073709551615",
                b"-1",
                b"\"",
                b"(",
                b")",
                b"[",
                b"]",
                b"Some(",
                b"\xEF\xBB\xBF",
                b"\r\n",
                b"../",
                b"/",
                b"format_version: 0",
                b"format_version: 9",
            ])
        )
            .prop_map(|(a, s)| Mutation::Insert(a, s.to_vec())),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip(a, b) => {
            if !bytes.is_empty() {
                bytes[a % len] ^= b | 1;
            }
        }
        Mutation::Insert(a, s) => {
            let at = a % (bytes.len() + 1);
            bytes.splice(at..at, s.iter().copied());
        }
        Mutation::Delete(a, n) => {
            let at = a % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        Mutation::Truncate(a) => bytes.truncate(a % len),
        Mutation::Duplicate(a, n) => {
            let at = a % len;
            let end = (at + n).min(bytes.len());
            let part: Vec<u8> = bytes[at.min(end)..end].to_vec();
            bytes.splice(at..at, part);
        }
    }
}

/// Loads a project whose project.ron and coder file have these bytes; must not panic.
fn load_mutated(project: &[u8], coder: &[u8]) {
    // plain copies (no fsync per file as in `bundled_copy`) keep thousands of cases quick
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let source = spanwise::storage::bundled::source_tree_path();
    fs::create_dir_all(root.join("corpus")).unwrap();
    for entry in fs::read_dir(source.join("corpus")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), root.join("corpus").join(entry.file_name())).unwrap();
    }
    fs::write(root.join("project.ron"), project).unwrap();
    fs::create_dir_all(root.join("coding")).unwrap();
    fs::write(root.join("coding/anna.ron"), coder).unwrap();
    match Workspace::open(root, "anna") {
        Ok(mut ws) => {
            let _ = ws.save();
            let _ = ws.project().integrity.anchoring.attention.len();
        }
        Err(e) => assert!(e.to_string().contains("project.ron"), "{e}"),
    }
}

fn originals() -> (Vec<u8>, Vec<u8>) {
    let dir = common::bundled_copy();
    let mut ws = Workspace::open(dir.path(), "anna").unwrap();
    common::code_sentences_and_words(&mut ws, 60);
    ws.save().unwrap();
    (
        fs::read(dir.path().join("project.ron")).unwrap(),
        fs::read(ws.project().coder_path("anna")).unwrap(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_coder_files_never_panic(ms in prop::collection::vec(mutation(), 1..6)) {
        let (project, mut coder) = originals_cached();
        for m in &ms {
            apply(&mut coder, m);
        }
        load_mutated(&project, &coder);
    }

    #[test]
    fn mutated_project_files_never_panic(ms in prop::collection::vec(mutation(), 1..6)) {
        let (mut project, coder) = originals_cached();
        for m in &ms {
            apply(&mut project, m);
        }
        load_mutated(&project, &coder);
    }

    #[test]
    fn arbitrary_bytes_never_panic(project in prop::collection::vec(any::<u8>(), 0..300), coder in prop::collection::vec(any::<u8>(), 0..300)) {
        load_mutated(&project, &coder);
    }
}

fn originals_cached() -> (Vec<u8>, Vec<u8>) {
    static CACHE: std::sync::OnceLock<(Vec<u8>, Vec<u8>)> = std::sync::OnceLock::new();
    CACHE.get_or_init(originals).clone()
}

/// Crashers found by the fuzzing above, kept as regression cases.
#[test]
fn regressions() {
    let (project, coder) = originals_cached();
    let text = String::from_utf8(coder.clone()).unwrap();
    // ids up to u64::MAX made `next_id` overflow
    let first_id = text.find("id: 1,").unwrap();
    let huge = format!(
        "{}id: 18446744073709551615,{}",
        &text[..first_id],
        &text[first_id + 6..]
    );
    load_mutated(&project, huge.as_bytes());
    let dir = common::bundled_copy();
    fs::create_dir_all(dir.path().join("coding")).unwrap();
    fs::write(dir.path().join("coding/anna.ron"), &huge).unwrap();
    let ws = Workspace::open(dir.path(), "anna").unwrap();
    let next = ws.project().coder("anna").unwrap().next_id();
    assert!(ws.project().coder("anna").unwrap().get(next).is_none());
    // a multi-byte char where the version probe looked for `format_version` (sliced mid-char)
    load_mutated("«".as_bytes(), &coder);
    load_mutated(&project, "Er{«".as_bytes());
    // an empty file and a lone BOM
    load_mutated(&project, b"");
    load_mutated(b"\xEF\xBB\xBF", &coder);
    // a version field that is not a number
    load_mutated(
        &project,
        text.replacen("format_version: 1", "format_version: x", 1)
            .as_bytes(),
    );
    let _ = storage::load_project(std::path::Path::new("/nonexistent/spanwise"));
}
