//! Only regular files inside the project are read, and reading writes nothing: a corpus entry
//! that is a symbolic link out of the project (to a file elsewhere, to the endless `/dev/zero`),
//! a named pipe, or a text over the size cap is refused with a message and never followed, waited
//! on or read into memory; `spanwise check` leaves the folder exactly as it was; adjudication
//! writes the consensus file only under the consensus coder's lock; a coder whose own file cannot
//! be read opens read-only in the window with the reason.
#![cfg(unix)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use spanwise::analysis::compare;
use spanwise::edit::workspace::Workspace;
use spanwise::storage::lock::CoderLock;

/// Runs the binary with a time limit; `None` when it had to be killed.
fn spanwise_within(
    limit: Duration,
    env: &[(&str, &str)],
    args: &[&str],
) -> Option<(bool, String, String)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_spanwise"))
        .args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    Some((out.status.success(), text(out.stdout), text(out.stderr)))
}

/// A copy of the two-coder fixture and the path of its first corpus text.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = common::fixture_copy("two-coders");
    let mut texts: Vec<PathBuf> = fs::read_dir(dir.path().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    texts.sort();
    (dir, texts.remove(0))
}

/// Replaces the first corpus text by a symbolic link to `target`, then runs check and stats:
/// both must finish within seconds and name the text with `expect`.
fn assert_refused(root: &Path, text: &Path, expect: &str) {
    let root_s = root.to_str().unwrap();
    let limit = Duration::from_secs(20);
    let (ok, stdout, _) =
        spanwise_within(limit, &[], &["check", root_s]).expect("check finished in time");
    assert!(!ok, "check passed");
    let line = format!("{}: {expect}", text.display());
    assert!(stdout.contains(&line), "check: {stdout:?} lacks {line:?}");
    let (ok, _, stderr) =
        spanwise_within(limit, &[], &["stats", root_s]).expect("stats finished in time");
    assert!(!ok, "stats passed");
    assert!(stderr.contains(&line), "stats: {stderr:?} lacks {line:?}");
}

#[test]
fn a_link_to_the_zero_device_is_refused_not_read() {
    let (dir, text) = project();
    fs::remove_file(&text).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &text).unwrap();
    assert_refused(
        dir.path(),
        &text,
        "is a symbolic link to /dev/zero, outside the project",
    );
}

#[test]
fn a_link_to_a_file_outside_the_project_is_refused() {
    let (dir, text) = project();
    let elsewhere = tempfile::tempdir().unwrap();
    let secret = elsewhere.path().join("private.txt");
    fs::copy(&text, &secret).unwrap();
    fs::remove_file(&text).unwrap();
    std::os::unix::fs::symlink(&secret, &text).unwrap();
    let target = fs::canonicalize(&secret).unwrap();
    assert_refused(
        dir.path(),
        &text,
        &format!(
            "is a symbolic link to {}, outside the project",
            target.display()
        ),
    );
}

#[test]
fn a_named_pipe_in_the_corpus_does_not_hang_check() {
    let (dir, text) = project();
    fs::remove_file(&text).unwrap();
    let c_path = std::ffi::CString::new(text.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the pipe
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    assert_refused(dir.path(), &text, "is a named pipe, not a regular file");
}

#[test]
fn a_text_over_the_size_cap_is_refused_and_the_cap_is_configurable() {
    let (dir, text) = project();
    let root = dir.path().to_str().unwrap();
    let size = fs::metadata(&text).unwrap().len();
    let cap = (size - 1).to_string();
    let limit = Duration::from_secs(20);
    let env = [("SPANWISE_MAX_TEXT_BYTES", cap.as_str())];
    let (ok, stdout, _) = spanwise_within(limit, &env, &["check", root]).unwrap();
    assert!(!ok);
    let expect = format!(
        "{}: is {size} bytes, more than the {cap} bytes a file may have",
        text.display()
    );
    assert!(stdout.contains(&expect), "{stdout:?} lacks {expect:?}");
    let (ok, stdout, _) = spanwise_within(limit, &[], &["check", root]).unwrap();
    assert!(ok, "the default cap refuses a small text: {stdout}");
}

/// Every path under `root` with its size and modification time.
fn listing(root: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            out.push((entry.path(), meta.len(), meta.modified().unwrap()));
            if meta.is_dir() {
                stack.push(entry.path());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn check_writes_nothing() {
    let (dir, _) = project();
    let root = dir.path();
    // a fresh clone: no cache of text versions yet, which loading for the window would write
    let _ = fs::remove_dir_all(root.join(".spanwise"));
    let before = listing(root);
    // running as root, a read-only folder would be written anyway: the listing says it all
    let root_user = unsafe { libc::geteuid() } == 0;
    let chmod = |mode: &str| {
        let ok = Command::new("chmod")
            .args(["-R", mode, root.to_str().unwrap()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
    };
    if !root_user {
        chmod("a-w");
    }
    let result = spanwise_within(
        Duration::from_secs(60),
        &[],
        &["check", root.to_str().unwrap()],
    );
    if !root_user {
        chmod("u+w");
    }
    let (ok, stdout, stderr) = result.expect("check finished");
    assert!(
        ok,
        "check failed on a sound read-only project: {stdout}{stderr}"
    );
    assert_eq!(listing(root), before, "check changed the project folder");
    assert!(!root.join(".spanwise").exists(), "check made .spanwise/");
}

#[test]
fn adjudication_writes_the_consensus_file_only_under_its_lock() {
    let (dir, _) = project();
    let root = dir.path();
    let coders = vec!["anna".to_string(), "ben".to_string()];
    let mut ws = Workspace::open_for_coding(root, "reviewer").unwrap();
    let difference = compare::differences(ws.project(), &coders)
        .unwrap()
        .into_iter()
        .find(|d| !d.is_agreement())
        .expect("anna and ben disagree somewhere");
    let decision = compare::adjudicate(
        ws.project(),
        &difference,
        &compare::Resolution::Accept("anna".into()),
        "consensus",
    )
    .unwrap();
    ws.execute(decision).unwrap();

    let other_session = CoderLock::acquire(root, "consensus").unwrap();
    let consensus = root.join("coding/consensus.ron");
    let err = ws.save().unwrap_err().to_string();
    assert!(err.contains("is being coded by"), "{err}");
    assert!(
        !consensus.exists(),
        "written while another session held the lock"
    );

    drop(other_session);
    let written = ws.save().unwrap();
    assert!(written.contains(&consensus), "{written:?}");
    assert!(consensus.exists());
    let lock = spanwise::storage::lock::lock_path(root, "consensus");
    assert!(
        !lock.exists(),
        "the lock taken for the write was not released"
    );
}

#[test]
fn the_window_opens_a_coder_whose_file_has_a_merge_conflict_read_only_with_the_reason() {
    let (dir, _) = project();
    let ben = dir.path().join("coding/ben.ron");
    let text = fs::read_to_string(&ben).unwrap();
    fs::write(
        &ben,
        format!("<<<<<<< HEAD\n{text}=======\n{text}>>>>>>> other\n"),
    )
    .unwrap();
    let before = fs::read(&ben).unwrap();
    let mut ws = Workspace::open_for_coding(dir.path(), "ben").unwrap();
    let reason = ws.read_only_reason().expect("read-only");
    assert!(
        reason.contains(&format!("{}:1:1: git merge conflict", ben.display())),
        "{reason}"
    );
    assert!(ws.save().unwrap().is_empty());
    assert_eq!(
        fs::read(&ben).unwrap(),
        before,
        "the file was dropped or changed"
    );
}
