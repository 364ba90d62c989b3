//! The UI thread never blocks (issue 16, point 3): Ctrl+S, quitting and switching projects save
//! on a worker thread, the window drawing frames meanwhile, and still leave every change on disk.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, code_text, harness, open_document};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use spanwise::exchange::ExportFormat;
use spanwise::storage;
use spanwise::ui::app::SaveState;

const ARTICLE: &str = "Blauäugigkeit";
const SENTENCE: &str = "„Ich würde hier als Kommune äußerste Vorsicht walten lassen.“";
const WORDS: &str = "äußerste Vorsicht";

/// The quotes of anna's codings as her file on disk holds them.
fn quotes_on_disk(dir: &std::path::Path) -> Vec<String> {
    let file = storage::read_coder_file(&dir.join("coding/anna.ron")).expect("anna's file");
    file.codings.into_iter().map(|c| c.quote).collect()
}

fn sorted(quotes: [&str; 2]) -> Vec<String> {
    let mut v: Vec<String> = quotes.iter().map(|q| q.to_string()).collect();
    v.sort();
    v
}

#[test]
fn ctrl_q_leaves_the_last_coding_on_disk_before_the_window_closes() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    code_text(&mut h, WORDS, Key::Num2);
    assert!(!dir.path().join("coding/anna.ron").exists());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.step();
    assert!(
        !common::asked_to_close(&h) || quotes_on_disk(dir.path()) == [WORDS],
        "the window never closes before the coding is on disk"
    );
    common::wait_for_close(&mut h);
    assert_eq!(quotes_on_disk(dir.path()), [WORDS]);
    assert_eq!(h.state().save_state(), SaveState::Saved);
}

#[test]
fn ctrl_s_then_more_edits_saves_all_of_them() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    code_text(&mut h, SENTENCE, Key::Num1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.step();
    code_text(&mut h, WORDS, Key::Num2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.step();
    common::wait_for_jobs(&mut h);
    let mut quotes = quotes_on_disk(dir.path());
    quotes.sort();
    assert_eq!(quotes, sorted([SENTENCE, WORDS]));
    assert_eq!(h.state().save_state(), SaveState::Saved);
}

#[test]
fn a_second_save_while_one_runs_is_queued_not_lost() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    code_text(&mut h, SENTENCE, Key::Num1);
    h.state_mut().request_save();
    assert!(h.state().saving.running(), "the first save runs");
    // an edit and a second Ctrl+S while the first save is still running (no frame polled it)
    code_text(&mut h, WORDS, Key::Num2);
    h.state_mut().request_save();
    common::wait_for_jobs(&mut h);
    let mut quotes = quotes_on_disk(dir.path());
    quotes.sort();
    assert_eq!(
        quotes,
        sorted([SENTENCE, WORDS]),
        "the second edit is on disk too"
    );
    assert!(
        h.query_by_label("saved").is_some(),
        "and the status says so"
    );
}

#[test]
fn switching_projects_waits_for_the_save_and_then_switches() {
    let dir = bundled_copy();
    let other = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    code_text(&mut h, WORDS, Key::Num2);
    h.state_mut().open_project(other.path());
    h.step();
    common::wait_for_jobs(&mut h);
    let root = &h.state().workspace.as_ref().unwrap().project().root;
    assert_eq!(root, other.path(), "switched once the save was back");
    assert_eq!(quotes_on_disk(dir.path()), [WORDS]);
}

/// A project written to disk whose export runs well over half a second (debug build).
fn large_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let spec = spanwise::exchange::synthetic::Spec::new(5, 200, 3_000, 1, 60_000);
    spanwise::exchange::synthetic::write(&spec, dir.path()).unwrap();
    dir
}

#[test]
fn an_export_runs_as_a_job_and_its_cancel_button_leaves_no_file() {
    let dir = large_project();
    let mut h = harness("coder1", dir.path());
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("all.jsonl");
    h.state_mut()
        .export_to(&path, ExportFormat::Jsonl, &[])
        .expect("a project is open");
    assert!(h.state().busy(), "the export runs on a worker");
    // the status bar shows the job with a Cancel button once it ran half a second
    let start = std::time::Instant::now();
    while h.query_by_label("Cancel").is_none() {
        assert!(
            h.state().busy(),
            "the export ended before its Cancel button showed"
        );
        assert!(start.elapsed().as_secs() < 20, "no Cancel button");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.get_by_label("Cancel").click();
    common::wait_for_jobs(&mut h);
    assert!(
        h.query_by_label_contains("Export cancelled").is_some(),
        "the status bar says so"
    );
    let left: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert!(left.is_empty(), "no file and no temporary: {left:?}");
}

#[test]
fn a_qdpx_import_runs_as_a_job_and_a_cancelled_one_leaves_the_project_open() {
    let dir = bundled_copy();
    let out = tempfile::tempdir().unwrap();
    let qdpx = out.path().join("study.qdpx");
    let mut h = harness("anna", dir.path());
    h.state_mut().export_to(&qdpx, ExportFormat::Qdpx, &[]);
    common::wait_for_jobs(&mut h);
    // cancelled before the worker reads a byte: the open project stays, nothing is written
    let dest = out.path().join("cancelled");
    let progress = h.state_mut().import_qdpx(&qdpx, &dest);
    progress.cancel();
    common::wait_for_jobs(&mut h);
    assert_eq!(
        h.state().workspace.as_ref().unwrap().project().root,
        dir.path()
    );
    assert!(h.query_by_label_contains("Import cancelled").is_some());
    assert!(!dest.exists());
    // not cancelled: the new project opens when the job is back
    let dest = out.path().join("imported");
    h.state_mut().import_qdpx(&qdpx, &dest);
    assert_eq!(
        h.state().workspace.as_ref().unwrap().project().root,
        dir.path(),
        "the import has not blocked the frame"
    );
    common::wait_for_jobs(&mut h);
    assert_eq!(h.state().workspace.as_ref().unwrap().project().root, dest);
}

/// A project of more than 1 MB of text, so its search runs as a job.
fn large_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let spec = spanwise::exchange::synthetic::Spec::new(8, 300, 5_000, 1, 100);
    spanwise::exchange::synthetic::write(&spec, dir.path()).unwrap();
    dir
}

/// The distinct words of the first document of the open project, ASCII letters only and at
/// least six long, in order.
fn words_of_first_document(
    h: &egui_kittest::Harness<'_, spanwise::ui::SpanwiseApp>,
) -> Vec<String> {
    let ws = h.state().workspace.as_ref().unwrap();
    let text = ws.project().corpus.documents[0].text.clone().unwrap();
    let mut words: Vec<String> = Vec::new();
    for w in text.as_str().split(|c: char| !c.is_alphabetic()) {
        if w.len() >= 6
            && w.chars().all(|c| c.is_ascii_alphabetic())
            && !words.iter().any(|x| x == w)
        {
            words.push(w.to_string());
        }
    }
    assert!(
        words.len() >= 2,
        "two long words in {:?}",
        &text.as_str()[..200]
    );
    words
}

#[test]
fn a_search_over_a_large_corpus_runs_as_a_job_and_shows_its_hits_when_back() {
    let dir = large_corpus();
    let mut h = harness("coder1", dir.path());
    let word = words_of_first_document(&h)[0].clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Search the corpus for:").type_text(&word);
    h.step();
    assert!(h.state().busy(), "the search runs on a worker");
    common::wait_for_jobs(&mut h);
    let project = h.state().workspace.as_ref().unwrap().project();
    let expected =
        spanwise::analysis::search::search_corpus(&project.corpus, &word, h.state().search.options);
    assert!(!expected.is_empty());
    let hits = &h.state().search.hits;
    assert_eq!(hits.len(), expected.len().min(spanwise::ui::search::PAGE));
    assert_eq!(hits[0].document, expected[0].document);
    assert_eq!(hits[0].span, expected[0].span);
    assert_eq!(h.state().search.count.hits, expected.len());
}

#[test]
fn typing_a_new_query_cancels_the_old_search_and_shows_only_the_new_hits() {
    let dir = large_corpus();
    let mut h = harness("coder1", dir.path());
    let words = words_of_first_document(&h);
    let (first, second) = (words[0].clone(), words[1].clone());
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Search the corpus for:").type_text(&first);
    h.step();
    h.state_mut().search.query = second.clone();
    h.step();
    common::wait_for_jobs(&mut h);
    let search = &h.state().search;
    assert!(!search.hits.is_empty());
    let project = h.state().workspace.as_ref().unwrap().project();
    for hit in &search.hits {
        let text = project
            .corpus
            .documents
            .iter()
            .find(|d| d.meta.id == hit.document)
            .and_then(|d| d.text.clone())
            .unwrap();
        let found: String = text
            .as_str()
            .chars()
            .skip(hit.span.start)
            .take(hit.span.len())
            .collect();
        assert!(
            found.eq_ignore_ascii_case(&second),
            "{found} is a hit of {second}"
        );
    }
}

#[test]
fn quitting_during_an_export_cancels_it_and_closes_once_it_cleaned_up() {
    let dir = large_project();
    let mut h = harness("coder1", dir.path());
    let out = tempfile::tempdir().unwrap();
    h.state_mut()
        .export_to(&out.path().join("all.jsonl"), ExportFormat::Jsonl, &[])
        .expect("a project is open");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    common::wait_for_close(&mut h);
    assert!(!h.state().busy(), "no job runs when the window closes");
    let left: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert!(left.is_empty(), "no file and no temporary: {left:?}");
}

#[test]
fn review_mode_compares_large_files_in_a_job_and_lists_the_differences_when_back() {
    let dir = tempfile::tempdir().unwrap();
    let spec = spanwise::exchange::synthetic::Spec::new(9, 40, 3_000, 2, 3_000);
    spanwise::exchange::synthetic::write(&spec, dir.path()).unwrap();
    let mut h = harness("reviewer", dir.path());
    // the synthetic coders mark no document done: compare them all
    h.state_mut().review.figures.include_unfinished = true;
    h.state_mut().toggle_review();
    h.step();
    assert!(h.state().busy(), "the comparison runs on a worker");
    common::wait_for_jobs(&mut h);
    let project = h.state().workspace.as_ref().unwrap().project();
    let coders = vec!["coder1".to_string(), "coder2".to_string()];
    let expected = spanwise::analysis::compare::differences(project, &coders).unwrap();
    assert!(!expected.is_empty());
    assert_eq!(h.state().review.differences().len(), expected.len());
}

#[test]
fn the_window_managers_close_during_an_export_waits_for_its_cleanup() {
    let dir = large_project();
    let mut h = harness("coder1", dir.path());
    let out = tempfile::tempdir().unwrap();
    h.state_mut()
        .export_to(&out.path().join("all.csv"), ExportFormat::Csv, &[])
        .expect("a project is open");
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let held = h.output().viewport_output[&egui::ViewportId::ROOT]
        .commands
        .contains(&egui::ViewportCommand::CancelClose);
    assert!(held, "held open while the export cleans up");
    common::wait_for_close(&mut h);
    assert!(!h.state().busy());
    let left: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert!(left.is_empty(), "no file and no temporary: {left:?}");
}
