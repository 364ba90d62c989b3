//! A process saving a coder file in a loop is killed (SIGKILL) at random moments, over and over:
//! after every kill the file loads and holds a state some save wrote in full.
//!
//! The test binary plays both parts: run with `SPANWISE_CRASH_CHILD=<project>` its
//! `crash_child` test becomes the saving process.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use spanwise::edit::workspace::Workspace;
use spanwise::model::coder::CoderFile;
use spanwise::model::coding::{Coding, CodingId};
use spanwise::storage;

const CHILD_ENV: &str = "SPANWISE_CRASH_CHILD";
const CODER: &str = "crash";

/// The state written by save number `k`: `k % 7 + 1` codings, every memo holding `k`.
fn state(project: &spanwise::model::project::Project, k: u64) -> CoderFile {
    let doc = &project.corpus.documents[0];
    let text = doc.text.as_ref().unwrap();
    let code = project.codebook.codes[0].id.clone();
    let codings = (0..=(k % 7))
        .map(|i| {
            let span = spanwise::model::span::Span::new(i as usize * 10, i as usize * 10 + 8);
            Coding {
                id: CodingId(i + 1),
                document: doc.meta.id.clone(),
                code: code.clone(),
                start: span.start,
                end: span.end,
                quote: text.slice(span).unwrap().to_string(),
                memo: format!("save {k}"),
                attributes: Default::default(),
                created: "2024-01-01T00:00:00Z".into(),
                modified: "2024-01-01T00:00:00Z".into(),
            }
        })
        .collect();
    CoderFile {
        format_version: 1,
        coder: CODER.into(),
        progress: Default::default(),
        document_memos: Default::default(),
        texts: Default::default(),
        variables: Default::default(),
        rejected: Default::default(),
        codings,
    }
}

/// The save number a file's content belongs to, checking it is that save's state in full.
fn save_number(project: &spanwise::model::project::Project, file: &CoderFile) -> u64 {
    let memo = &file.codings[0].memo;
    let k: u64 = memo.strip_prefix("save ").unwrap().parse().unwrap();
    assert_eq!(
        file.codings,
        state(project, k).codings,
        "a state no save wrote"
    );
    k
}

#[test]
fn crash_child() {
    let Ok(root) = std::env::var(CHILD_ENV) else {
        return;
    };
    let ws = Workspace::open_for_coding(root.as_ref(), CODER).unwrap();
    assert!(
        ws.read_only_reason().is_none(),
        "the dead parent's lock is taken over"
    );
    // the workspace holds the coder's lock; a copy of its project is written as its
    // background save writes
    let mut project = ws.project().clone();
    let mut k = project.coder(CODER).map_or(0, |f| save_number(&project, f));
    loop {
        k += 1;
        let next = state(&project, k);
        project.coders.insert(CODER.into(), next);
        storage::prepare_coder_save(&project, CODER)
            .unwrap()
            .write()
            .unwrap();
    }
}

#[test]
fn killed_saves_leave_a_whole_file() {
    let dir = common::bundled_copy();
    let root = dir.path();
    let project = storage::load_project(root).unwrap();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut last = 0;
    let started = Instant::now();
    let kills = 200;
    for round in 0..kills {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--test-threads=1", "--nocapture"])
            .env(CHILD_ENV, root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(10_000 + seed % 40_000));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let path = project.coder_path(CODER);
        if !path.exists() {
            assert_eq!(last, 0, "round {round}: the file vanished");
            continue;
        }
        let file = storage::read_coder_file(&path)
            .unwrap_or_else(|e| panic!("round {round}: file does not load after a kill: {e}"));
        let k = save_number(&project, &file);
        assert!(
            k >= last,
            "round {round}: went back from save {last} to {k}"
        );
        last = k;
    }
    assert!(
        last >= kills as u64 / 2,
        "the child saved only {last} times in {kills} runs"
    );
    let loaded = storage::load_project(root).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(
        spanwise::storage::backup::backups(root, CODER).len() <= spanwise::storage::backup::KEPT
    );
    assert!(started.elapsed() < Duration::from_secs(60));
}
