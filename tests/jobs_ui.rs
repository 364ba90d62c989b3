//! The UI thread never blocks (issue 16, point 3): Ctrl+S, quitting and switching projects save
//! on a worker thread, the window drawing frames meanwhile, and still leave every change on disk.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, code_text, harness, open_document};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
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
