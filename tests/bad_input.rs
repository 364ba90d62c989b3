//! Bad input of every kind gets an error naming the file (and line and column where they apply),
//! and the file is left byte for byte as it was, also after coding and saving through a
//! workspace.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use spanwise::edit::command::Command;
use spanwise::edit::workspace::Workspace;
use spanwise::storage;

/// A project copy with a saved coder file for `anna` holding a few codings.
fn coded_project() -> (tempfile::TempDir, PathBuf) {
    let dir = common::bundled_copy();
    let mut ws = Workspace::open(dir.path(), "anna").unwrap();
    common::code_sentences_and_words(&mut ws, 400);
    ws.save().unwrap();
    let path = ws.project().coder_path("anna");
    (dir, path)
}

/// Replaces the first occurrence of `from` in a file by `to`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Opens the project as `anna`, tries to code and save, and checks the coder file was reported
/// (message containing all of `expect`) and is unchanged.
fn assert_coder_file_refused(root: &Path, path: &Path, expect: &[&str]) {
    let before = fs::read(path).unwrap();
    let mut ws = Workspace::open(root, "anna").unwrap();
    let problem = ws
        .project()
        .problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| {
            panic!(
                "no problem reported for {}: {:?}",
                path.display(),
                ws.project().problems
            )
        });
    assert!(
        problem.message.starts_with(&path.display().to_string()),
        "{}",
        problem.message
    );
    for e in expect {
        assert!(
            problem.message.contains(e),
            "{:?} lacks {e:?}",
            problem.message
        );
    }
    let reason = ws.read_only_reason().expect("coding is disabled");
    assert!(reason.contains(&path.display().to_string()));
    let doc = ws.project().corpus.documents[0].meta.id.clone();
    let code = ws.project().codebook.codes[0].id.clone();
    let coding = ws
        .project()
        .new_coding("anna", &doc, &code, spanwise::model::span::Span::new(0, 5))
        .unwrap();
    let refused = ws.execute(Command::AddCoding {
        coder: "anna".into(),
        coding,
    });
    assert!(refused.is_err());
    assert!(ws.save().unwrap().is_empty());
    assert!(storage::save_coder(ws.project(), "anna").is_err());
    assert_eq!(
        fs::read(path).unwrap(),
        before,
        "{} was changed",
        path.display()
    );
}

#[test]
fn ron_syntax_error_names_line_and_column() {
    let (dir, path) = coded_project();
    let text = fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("codings: ["))
        .unwrap()
        + 1;
    edit(&path, "codings: [", "codings: [[");
    assert_coder_file_refused(dir.path(), &path, &[&format!(":{line}:")]);
}

#[test]
fn wrong_type_names_line_and_column() {
    let (dir, path) = coded_project();
    let text = fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("start:"))
        .unwrap()
        + 1;
    let old = text.lines().nth(line - 1).unwrap().trim().to_string();
    edit(&path, &old, "start: \"zwölf\",");
    assert_coder_file_refused(dir.path(), &path, &[&format!(":{line}:")]);
}

#[test]
fn unknown_code_and_document_ids_are_named_with_their_line() {
    let (dir, path) = coded_project();
    let text = fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("code:"))
        .unwrap()
        + 1;
    let old = text.lines().nth(line - 1).unwrap().trim().to_string();
    edit(&path, &old, "code: \"no-such-code\",");
    assert_coder_file_refused(
        dir.path(),
        &path,
        &[&format!(":{line}:13: "), "no-such-code"],
    );

    let (dir, path) = coded_project();
    let text = fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("document:"))
        .unwrap()
        + 1;
    let old = text.lines().nth(line - 1).unwrap().trim().to_string();
    edit(&path, &old, "document: \"ghost\",");
    assert_coder_file_refused(dir.path(), &path, &[&format!(":{line}:13: "), "`ghost`"]);
}

#[test]
fn start_after_end_and_offsets_past_the_end_are_refused() {
    let (dir, path) = coded_project();
    let file = storage::read_coder_file(&path).unwrap();
    let c = &file.codings[0];
    edit(
        &path,
        &format!("start: {},", c.start),
        &format!("start: {},", c.end + 5),
    );
    assert_coder_file_refused(dir.path(), &path, &["start", "is after end", ":"]);

    let (dir, path) = coded_project();
    let file = storage::read_coder_file(&path).unwrap();
    let c = &file.codings[0];
    edit(&path, &format!("end: {},", c.end), "end: 999999,");
    assert_coder_file_refused(dir.path(), &path, &["past the end", "999999"]);
}

#[test]
fn duplicate_coding_ids_are_refused() {
    let (dir, path) = coded_project();
    let file = storage::read_coder_file(&path).unwrap();
    assert!(file.codings.len() >= 2);
    let second = file.codings[1].id.0;
    let first = file.codings[0].id.0;
    edit(&path, &format!("id: {second},"), &format!("id: {first},"));
    assert_coder_file_refused(dir.path(), &path, &["appears twice"]);
}

#[test]
fn bom_newer_version_and_non_utf8_coder_files_are_refused() {
    let (dir, path) = coded_project();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(&path).unwrap());
    fs::write(&path, bytes).unwrap();
    assert_coder_file_refused(dir.path(), &path, &[":1:1:", "byte order mark"]);

    let (dir, path) = coded_project();
    edit(&path, "format_version: 1", "format_version: 7");
    assert_coder_file_refused(dir.path(), &path, &["format version 7", "newer"]);

    let (dir, path) = coded_project();
    let mut bytes = fs::read(&path).unwrap();
    let at = bytes.windows(6).position(|w| w == b"coder:").unwrap();
    bytes.insert(at, 0xE4);
    fs::write(&path, &bytes).unwrap();
    assert_coder_file_refused(
        dir.path(),
        &path,
        &["not UTF-8", &format!("byte offset {at}")],
    );
}

#[test]
fn an_older_coder_file_is_migrated_and_its_original_kept() {
    let (dir, path) = coded_project();
    edit(&path, "format_version: 1,", "");
    let original = fs::read(&path).unwrap();
    let mut ws = Workspace::open(dir.path(), "anna").unwrap();
    assert_eq!(ws.project().integrity.migrated.get("anna"), Some(&0));
    assert!(
        ws.project()
            .problems
            .iter()
            .any(|p| p.message.contains("format version 0 was migrated"))
    );
    assert!(
        ws.is_dirty(),
        "the migrated file is saved in the current format"
    );
    ws.save().unwrap();
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("format_version: 1")
    );
    let kept: Vec<_> = fs::read_dir(dir.path().join(".spanwise/backups/anna"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".v0.ron"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).unwrap(), original);
}

/// Changes project.ron and checks loading fails naming it (and `expect`) and leaves it as is.
fn assert_project_refused(from: &str, to: &str, expect: &[&str]) {
    let (dir, _) = coded_project();
    let path = dir.path().join("project.ron");
    edit(&path, from, to);
    let before = fs::read(&path).unwrap();
    let err = storage::load_project(dir.path()).unwrap_err().to_string();
    assert!(err.starts_with(&path.display().to_string()), "{err}");
    for e in expect {
        assert!(err.contains(e), "{err:?} lacks {e:?}");
    }
    assert!(Workspace::open_for_coding(dir.path(), "anna").is_err());
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn document_paths_outside_the_project_and_newer_projects_are_refused() {
    assert_project_refused("path: \"corpus/000", "path: \"/etc/000", &["absolute"]);
    assert_project_refused(
        "path: \"corpus/000",
        "path: \"../../000",
        &["leaves the project folder"],
    );
    assert_project_refused("path: \"corpus/000", "path: \"C:\\\\000", &["absolute"]);
    assert_project_refused(
        "format_version: 1",
        "format_version: 3",
        &["format version 3"],
    );
    assert_project_refused("codebook: [", "codebook: (", &[":"]);
}

#[test]
fn corpus_files_with_bad_encoding_bom_or_crlf_are_reported_not_rewritten() {
    let (dir, coder_path) = coded_project();
    let root = dir.path();
    let project = storage::load_project(root).unwrap();
    let docs: Vec<PathBuf> = project
        .corpus
        .documents
        .iter()
        .map(|d| root.join(&d.meta.path))
        .collect();
    let codings_before = project.coder("anna").unwrap().codings.len();

    let mut latin1 = fs::read(&docs[0]).unwrap();
    let bad_at = 30;
    latin1.insert(bad_at, 0xFC); // "ü" in Windows-1252
    fs::write(&docs[0], &latin1).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(fs::read(&docs[1]).unwrap());
    fs::write(&docs[1], &bom).unwrap();
    let crlf = fs::read_to_string(&docs[2]).unwrap().replace('\n', "\r\n");
    fs::write(&docs[2], &crlf).unwrap();
    let originals: Vec<Vec<u8>> = docs.iter().map(|d| fs::read(d).unwrap()).collect();

    let mut ws = Workspace::open_for_coding(root, "anna").unwrap();
    let message = |p: &PathBuf| {
        ws.project()
            .problems
            .iter()
            .find(|x| &x.path == p)
            .map(|x| x.message.clone())
            .unwrap_or_else(|| panic!("nothing reported for {}", p.display()))
    };
    let m0 = message(&docs[0]);
    assert!(m0.starts_with(&format!("{}:1:", docs[0].display())), "{m0}");
    assert!(m0.contains(&format!("byte offset {bad_at}")), "{m0}");
    assert!(m0.contains("Windows-1252"), "{m0}");
    assert!(message(&docs[1]).starts_with(&format!("{}:1:1: ", docs[1].display())));
    assert!(message(&docs[1]).contains("byte order mark"));
    let m2 = message(&docs[2]);
    assert!(
        m2.starts_with(&format!("{}:1:", docs[2].display())) && m2.contains("CRLF"),
        "{m2}"
    );
    assert_eq!(
        ws.project().integrity.anchoring.missing_documents,
        vec![ws.project().corpus.documents[0].meta.id.clone()]
    );
    assert_eq!(
        spanwise::storage::encoding::decode_windows_1252(&latin1)
            .chars()
            .nth(bad_at),
        Some('ü')
    );

    // coding and saving keeps every coding, also those of the unreadable text
    let doc = ws.project().corpus.documents[3].meta.id.clone();
    let code = ws.project().codebook.codes[0].id.clone();
    let coding = ws
        .project()
        .new_coding("anna", &doc, &code, spanwise::model::span::Span::new(0, 4))
        .unwrap();
    ws.execute(Command::AddCoding {
        coder: "anna".into(),
        coding,
    })
    .unwrap();
    ws.save().unwrap();
    let saved = storage::read_coder_file(&coder_path).unwrap();
    assert_eq!(saved.codings.len(), codings_before + 1);
    for (d, original) in docs.iter().zip(&originals) {
        assert_eq!(
            &fs::read(d).unwrap(),
            original,
            "{} was rewritten",
            d.display()
        );
    }
}
