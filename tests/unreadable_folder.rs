//! Every command refuses a project folder it cannot fully read, as a researcher meets it: a coder
//! file with git merge-conflict markers, from a newer Spanwise, cut off, naming another coder, a
//! sync tool's conflict copy beside it. `stats`, `export` and `agreement` stop with a non-zero
//! exit and `file:line:col: what is wrong, what to do`; `--skip-invalid` leaves the file out and
//! says so; `check` lists it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn spanwise(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_spanwise"))
        .args(args)
        .output()
        .expect("the binary runs");
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (out.status.success(), text(out.stdout), text(out.stderr))
}

/// A copy of the two-coder fixture with a third coder, carl (anna's codings), and the path of
/// ben's file: with ben left out, anna and carl can still be compared.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = common::fixture_copy("two-coders");
    let coding = dir.path().join("coding");
    let anna = fs::read_to_string(coding.join("anna.ron")).unwrap();
    fs::write(
        coding.join("carl.ron"),
        anna.replacen("coder: \"anna\"", "coder: \"carl\"", 1),
    )
    .unwrap();
    (dir, coding.join("ben.ron"))
}

/// The 1-based line of the first line of `text` that starts (after spaces) with `prefix`.
fn line_of(path: &Path, prefix: &str) -> usize {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l.trim_start().starts_with(prefix))
        .unwrap()
        + 1
}

/// Runs stats, export and agreement on the project: each must fail and name `expect` on stderr;
/// with `--skip-invalid` each must succeed, say which file it left out, and use only anna.
fn assert_every_command_refuses(root: &Path, file: &Path, expect: &str) {
    let root_s = root.to_str().unwrap();
    // each command with what its output would show of ben
    let commands: [(&[&str], &str); 3] = [
        (&["stats", root_s], "  ben:"),
        (&["export", root_s, "--format", "csv"], ",ben,"),
        (&["agreement", root_s], "n ben"),
    ];
    for (args, ben) in commands {
        let (ok, stdout, stderr) = spanwise(args);
        assert!(!ok, "{args:?} succeeded:\n{stdout}");
        assert!(
            stderr.contains(expect),
            "{args:?}: {stderr:?} lacks {expect:?}"
        );
        assert!(stderr.contains("--skip-invalid"), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?} printed output: {stdout}");

        let skipping = [args, &["--skip-invalid"]].concat();
        let (ok, stdout, stderr) = spanwise(&skipping);
        assert!(ok, "{skipping:?} failed: {stderr}");
        assert!(
            stderr.contains("skipped") && stderr.contains(&file.display().to_string()),
            "{skipping:?} did not name the skipped file: {stderr}"
        );
        assert!(!stdout.contains(ben), "{skipping:?} used ben: {stdout}");
        assert!(stdout.contains("anna"), "{skipping:?} lost anna: {stdout}");
    }
    let (ok, stdout, _) = spanwise(&["check", root_s]);
    assert!(!ok, "check passed");
    assert!(
        stdout.contains(expect),
        "check: {stdout:?} lacks {expect:?}"
    );
}

#[test]
fn a_git_merge_conflict_stops_every_command_at_its_line() {
    let (dir, ben) = project();
    let text = fs::read_to_string(&ben).unwrap();
    let merged = text.replacen(
        "    codings: [",
        "<<<<<<< HEAD\n    codings: [\n=======\n    codings: [\n>>>>>>> other\n",
        1,
    );
    fs::write(&ben, merged).unwrap();
    let line = line_of(&ben, "<<<<<<<");
    let expect = format!(
        "{}:{line}:1: git merge conflict: resolve it, then run spanwise check",
        ben.display()
    );
    assert_every_command_refuses(dir.path(), &ben, &expect);
}

#[test]
fn a_file_from_a_newer_version_stops_every_command() {
    let (dir, ben) = project();
    let text = fs::read_to_string(&ben).unwrap();
    fs::write(
        &ben,
        text.replacen("format_version: 1", "format_version: 9", 1),
    )
    .unwrap();
    let line = line_of(&ben, "format_version");
    let expect = format!(
        "{}:{line}:5: format version 9 is newer than this Spanwise reads",
        ben.display()
    );
    assert_every_command_refuses(dir.path(), &ben, &expect);
}

#[test]
fn a_truncated_file_stops_every_command_and_says_it_ends_early() {
    let (dir, ben) = project();
    let bytes = fs::read(&ben).unwrap();
    fs::write(&ben, &bytes[..bytes.len() / 2]).unwrap();
    assert_every_command_refuses(dir.path(), &ben, "the file ends early");
    let (_, _, stderr) = spanwise(&["stats", dir.path().to_str().unwrap()]);
    assert!(
        stderr.contains(&format!("{}:", ben.display())),
        "no file:line:col: {stderr}"
    );
}

#[test]
fn a_coder_field_naming_another_coder_is_an_error() {
    let (dir, ben) = project();
    let text = fs::read_to_string(&ben).unwrap();
    fs::write(&ben, text.replacen("coder: \"ben\"", "coder: \"dora\"", 1)).unwrap();
    let line = line_of(&ben, "coder:");
    let expect = format!(
        "{}:{line}:5: the coder field says `dora`, whose file would be coding/dora.ron",
        ben.display()
    );
    assert_every_command_refuses(dir.path(), &ben, &expect);
}

#[test]
fn sync_conflict_copies_are_versions_of_their_coder_not_coders() {
    for name in [
        "ben (conflicted copy 2026-12-01).ron",
        "ben.sync-conflict-20261201-123456-ABCDEFG.ron",
        "ben (conflicted copy 2026-12-01 123456).ron",
    ] {
        let (dir, ben) = project();
        let copy = dir.path().join("coding").join(name);
        fs::copy(&ben, &copy).unwrap();
        let root = dir.path().to_str().unwrap();

        let (ok, stdout, stderr) = spanwise(&["stats", root]);
        assert!(!ok, "{name}: stats passed: {stdout}");
        assert!(
            stderr.contains(&format!("{}:1:1:", copy.display()))
                && stderr.contains("two versions of ben: keep, merge or compare"),
            "{name}: {stderr}"
        );
        let (ok, stdout, stderr) = spanwise(&["stats", root, "--skip-invalid"]);
        assert!(ok, "{name}: {stderr}");
        assert!(stdout.contains("coders:    3"), "{name}: {stdout}");
        assert!(stderr.contains("two versions of ben"), "{name}: {stderr}");

        let (ok, stdout, _) = spanwise(&["agreement", root, "--skip-invalid", "--format", "csv"]);
        assert!(ok);
        assert!(
            !stdout.contains("conflicted") && !stdout.contains("sync-conflict"),
            "{name}: compared the copy: {stdout}"
        );

        // the window: the copy is a problem of ben's, never a coder of its own
        let project = spanwise::storage::load_project(dir.path()).unwrap();
        assert_eq!(project.coder_names(), ["anna", "ben", "carl"], "{name}");
        let problem = project.unread_files().next().expect("the copy is reported");
        assert!(problem.message.contains("two versions of ben"), "{name}");
    }
}

#[test]
fn a_readable_project_still_passes_every_command() {
    let (dir, _) = project();
    let root = dir.path().to_str().unwrap();
    for args in [
        vec!["stats", root],
        vec!["export", root, "--format", "jsonl"],
        vec!["agreement", root],
        vec!["check", root],
    ] {
        let (ok, _, stderr) = spanwise(&args);
        assert!(ok, "{args:?}: {stderr}");
        assert!(!stderr.contains("skipped"), "{args:?}: {stderr}");
    }
}
