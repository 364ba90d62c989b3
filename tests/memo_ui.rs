//! No memo is ever lost (issue 14 points 2 and 3): for every way out of a memo field (another
//! article, review mode, Ctrl+Q, the window's close button, focus loss, the periodic save) a
//! memo typed in the real app is found by a fresh app reading the project from disk; the status
//! bar never says "saved" while the file lacks the memo; document memos go to the coder's own
//! file and leave the shared project.ron byte for byte as it was.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, code_text, harness, open_document, prefs};
use egui::{Key, Modifiers, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use spanwise::exchange::{ExportFormat, export};
use spanwise::model::corpus::DocId;
use spanwise::storage;
use spanwise::ui::SpanwiseApp;
use std::path::Path;

const ARTICLE: &str = "Blauäugigkeit";
const OTHER: &str = "So will Huawei";
/// Umlauts, „“ quotes, a no-break space and a dash: the memo must come back exactly.
const MEMO: &str = "Experte warnt: „äußerste Vorsicht“ –\u{a0}stark kritisch.";

/// The id of the document whose title contains `title`.
fn doc_id(dir: &Path, title: &str) -> DocId {
    let project = storage::load_project(dir).unwrap();
    let doc = project.corpus.documents.iter();
    doc.clone()
        .find(|d| d.meta.title.contains(title))
        .unwrap()
        .meta
        .id
        .clone()
}

/// The document memo a fresh app, opening the folder from disk as `coder`, shows.
fn memo_in_fresh_app(dir: &Path, coder: &str, title: &str) -> String {
    let app = SpanwiseApp::new(prefs(coder), Some(dir.to_path_buf()));
    let ws = app.workspace.as_ref().expect("the project opens");
    ws.project()
        .document_memo(coder, &doc_id(dir, title))
        .to_string()
}

/// The document memo stored in `coding/<coder>.ron` right now.
fn memo_on_disk(dir: &Path, coder: &str, title: &str) -> Option<String> {
    let path = dir.join(format!("coding/{coder}.ron"));
    let file = storage::read_coder_file(&path).ok()?;
    file.document_memo(&doc_id(dir, title)).map(str::to_string)
}

/// Opens the document memo of the open article and types `text` into it (the field keeps focus).
fn type_document_memo(h: &mut Harness<'_, SpanwiseApp>, text: &str) {
    h.get_by_label("Document memo").click();
    h.run();
    h.get_by_label("Memo on this document").click();
    h.run();
    h.get_by_label("Memo on this document").type_text(text);
    h.run();
}

fn status_says_saved(h: &Harness<'_, SpanwiseApp>) -> bool {
    h.query_by_label("saved").is_some()
}

/// Lets the autosave delay pass (as the clock of a real session would) and waits for the
/// background save; checks on every frame that "saved" is never shown while the file on disk
/// lacks `memo`.
fn autosave(h: &mut Harness<'_, SpanwiseApp>, dir: &Path, memo: &str) {
    let now = h.ctx.input(|i| i.time);
    h.input_mut().time = Some(now + spanwise::ui::app::AUTOSAVE_DELAY + 1.0);
    for _ in 0..300 {
        h.run();
        if status_says_saved(h) {
            assert_eq!(
                memo_on_disk(dir, "anna", ARTICLE).as_deref(),
                Some(memo),
                "the status bar says saved only when the memo is on disk"
            );
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the autosave did not finish: {:?}", h.state().save_state());
}

#[test]
fn a_memo_survives_clicking_another_article() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    type_document_memo(&mut h, MEMO);
    open_document(&mut h, OTHER);
    let ws = h.state().workspace.as_ref().unwrap();
    assert!(
        ws.draft().is_none(),
        "leaving the article committed the memo"
    );
    assert!(h.query_by_label("unsaved changes").is_some());
    assert!(!status_says_saved(&h));
    assert_eq!(memo_on_disk(dir.path(), "anna", ARTICLE), None);
    autosave(&mut h, dir.path(), MEMO);
    drop(h);
    assert_eq!(memo_in_fresh_app(dir.path(), "anna", ARTICLE), MEMO);
}

/// The memo of anna's only coding, as a fresh app reads it from disk.
fn coding_memo_in_fresh_app(dir: &Path) -> String {
    let app = SpanwiseApp::new(prefs("anna"), Some(dir.to_path_buf()));
    let project = &app.workspace.as_ref().unwrap().project();
    let file = project.coder("anna").expect("anna's file is on disk");
    assert_eq!(file.codings.len(), 1);
    file.codings[0].memo.clone()
}

/// Codes a passage (which selects the new coding) and types a memo into its memo field.
fn type_coding_memo(h: &mut Harness<'_, SpanwiseApp>, text: &str) {
    code_text(h, "äußerste Vorsicht", Key::Num2);
    assert!(h.state().selected_coding.is_some());
    h.get_by_label("Memo").click();
    h.run();
    h.get_by_label("Memo").type_text(text);
    h.run();
}

#[test]
fn a_coding_memo_survives_switching_to_review_mode() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    type_coding_memo(&mut h, MEMO);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Review coders").click();
    h.run();
    assert!(h.state().review.active, "review mode is on");
    assert!(h.state().workspace.as_ref().unwrap().draft().is_none());
    common::save_and_wait(&mut h);
    assert!(status_says_saved(&h));
    drop(h);
    assert_eq!(coding_memo_in_fresh_app(dir.path()), MEMO);
}

/// The root viewport's commands of the last frame.
fn commands(h: &Harness<'_, SpanwiseApp>) -> Vec<ViewportCommand> {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

/// Also serves issue 16: the quit path leaves the last change on disk.
#[test]
fn ctrl_q_while_typing_saves_the_memo_before_the_window_closes() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    type_document_memo(&mut h, MEMO);
    assert_eq!(memo_on_disk(dir.path(), "anna", ARTICLE), None);
    // one frame with Ctrl+Q pressed: the memo is written before the close is asked for
    h.event(egui::Event::Key {
        key: Key::Q,
        pressed: true,
        modifiers: Modifiers::COMMAND,
        repeat: false,
        physical_key: None,
    });
    h.step();
    // the save runs on a worker; the window draws frames until it may close
    common::wait_for_close(&mut h);
    assert_eq!(
        memo_on_disk(dir.path(), "anna", ARTICLE).as_deref(),
        Some(MEMO)
    );
    h.run();
    drop(h);
    assert_eq!(memo_in_fresh_app(dir.path(), "anna", ARTICLE), MEMO);
}

#[test]
fn closing_the_window_saves_the_coding_memo_being_typed() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    type_coding_memo(&mut h, MEMO);
    // the window manager's close (title bar button, Alt+F4)
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.step();
    assert!(
        commands(&h).contains(&ViewportCommand::CancelClose),
        "held open while the save is written"
    );
    common::wait_for_close(&mut h);
    let file = storage::read_coder_file(&dir.path().join("coding/anna.ron")).unwrap();
    assert_eq!(
        file.codings[0].memo, MEMO,
        "on disk before the window closes"
    );
    drop(h);
    assert_eq!(coding_memo_in_fresh_app(dir.path()), MEMO);
}

#[test]
fn a_close_that_cannot_save_keeps_the_window_open_and_says_why() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    type_document_memo(&mut h, MEMO);
    // a file where the coding folder should be: the save must fail (even for root)
    let coding = dir.path().join("coding");
    std::fs::write(&coding, "not a folder").unwrap();
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.step();
    assert!(
        commands(&h).contains(&ViewportCommand::CancelClose),
        "a failed save holds the window open"
    );
    common::wait_for_jobs(&mut h);
    assert!(
        h.query_by_label("Your last changes could not be saved.")
            .is_some()
    );
    assert!(!status_says_saved(&h));
    // the folder is fixed; "Try again" saves and closes
    std::fs::remove_file(&coding).unwrap();
    h.get_by_label("Try again").click();
    common::wait_for_close(&mut h);
    assert_eq!(
        memo_on_disk(dir.path(), "anna", ARTICLE).as_deref(),
        Some(MEMO)
    );
    assert!(
        h.query_by_label("Your last changes could not be saved.")
            .is_none()
    );
}

#[test]
fn focus_loss_commits_the_memo_as_one_undo_step() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    type_coding_memo(&mut h, MEMO);
    // click the article heading: the field loses focus
    h.get_by_label("Codings").click();
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    assert!(ws.draft().is_none(), "leaving the field committed it");
    let memo_of = |h: &Harness<'_, SpanwiseApp>| {
        let ws = h.state().workspace.as_ref().unwrap();
        ws.project().coder("anna").unwrap().codings[0].memo.clone()
    };
    assert_eq!(memo_of(&h), MEMO);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(memo_of(&h), "", "one undo takes the whole memo back");
    assert_eq!(
        h.state()
            .workspace
            .as_ref()
            .unwrap()
            .project()
            .coder("anna")
            .unwrap()
            .codings
            .len(),
        1
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(memo_of(&h), MEMO);
    common::save_and_wait(&mut h);
    drop(h);
    assert_eq!(coding_memo_in_fresh_app(dir.path()), MEMO);
}

#[test]
fn the_periodic_save_writes_the_memo_while_the_field_keeps_focus() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    type_document_memo(&mut h, MEMO);
    assert!(h.query_by_label("unsaved changes").is_some());
    autosave(&mut h, dir.path(), MEMO);
    let ws = h.state().workspace.as_ref().unwrap();
    assert!(ws.draft().is_some(), "the field is still being typed in");
    // typing on joins the same undo step
    h.get_by_label("Memo on this document")
        .type_text(" Nachtrag.");
    h.run();
    assert!(h.query_by_label("unsaved changes").is_some());
    h.get_by_label("Codings").click();
    h.run();
    let full = format!("{MEMO} Nachtrag.");
    let doc = doc_id(dir.path(), ARTICLE);
    let memo = |h: &Harness<'_, SpanwiseApp>| {
        let ws = h.state().workspace.as_ref().unwrap();
        ws.project().document_memo("anna", &doc).to_string()
    };
    assert_eq!(memo(&h), full);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(memo(&h), "", "one undo step for the whole field session");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    autosave(&mut h, dir.path(), &full);
    drop(h);
    assert_eq!(memo_in_fresh_app(dir.path(), "anna", ARTICLE), full);
}

#[test]
fn a_document_memo_goes_to_the_coder_file_and_leaves_project_ron_unchanged() {
    let dir = bundled_copy();
    let project_ron = dir.path().join("project.ron");
    let before = std::fs::read(&project_ron).unwrap();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    type_document_memo(&mut h, MEMO);
    common::save_and_wait(&mut h);
    assert!(status_says_saved(&h));
    assert_eq!(
        std::fs::read(&project_ron).unwrap(),
        before,
        "project.ron is byte for byte as it was"
    );
    assert_eq!(
        memo_on_disk(dir.path(), "anna", ARTICLE).as_deref(),
        Some(MEMO)
    );
    // the project memo says where it is stored
    h.get_by_label("Project memo").click();
    h.run();
    assert!(
        h.query_by_label_contains("shared project.ron").is_some(),
        "the UI says the project memo changes the shared project.ron"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(
        h.query_by_label_contains("the whole team's file").is_some(),
        "the codebook editor says its edits change the shared project.ron"
    );
    drop(h);
    // ben sees his own (empty) memo, not anna's
    assert_eq!(memo_in_fresh_app(dir.path(), "ben", ARTICLE), "");
    let project = storage::load_project(dir.path()).unwrap();
    let matrix = export(&project, ExportFormat::Matrix, &[]).unwrap();
    let text = String::from_utf8(matrix.bytes).unwrap();
    let doc = doc_id(dir.path(), ARTICLE);
    let row = text
        .lines()
        .find(|l| l.contains(&doc.0) && l.contains(",anna,"))
        .unwrap();
    assert!(
        row.contains("„äußerste Vorsicht“"),
        "the matrix reads the memo: {row}"
    );
    // the .qdpx carries it as anna's Note, and stays valid against the REFI-QDA schema
    let qdpx = export(&project, ExportFormat::Qdpx, &[]).unwrap();
    let qde = unzip_qde(&qdpx.bytes);
    let note = qde.find("„äußerste Vorsicht“").expect("the memo is a Note");
    let note_start = qde[..note].rfind("<Note ").unwrap();
    assert!(qde[note_start..note].contains("creatingUser="), "by anna");
    assert_valid_qde(dir.path(), &qde);
}

fn assert_valid_qde(dir: &Path, qde: &str) {
    let path = dir.join("check.qde");
    std::fs::write(&path, qde).unwrap();
    let xsd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/Project-mrt2019.xsd");
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&xsd)
        .arg(&path)
        .output()
        .expect("xmllint (Debian: libxml2-utils) validates project.qde");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A project.ron as Spanwise wrote it before this change: a document memo in the document list.
fn old_project_with_document_memo(dir: &Path, memo: &str) {
    let path = dir.join("project.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.find("Blauäugigkeit").unwrap();
    let line_end = at + text[at..].find('\n').unwrap();
    let entry = format!("\n            memo: {memo:?},");
    let text = format!("{}{}{}", &text[..line_end], entry, &text[line_end..]);
    std::fs::write(&path, text).unwrap();
}

#[test]
fn an_old_project_ron_with_a_document_memo_still_shows_it_and_moves_it_to_the_coder_file() {
    let dir = bundled_copy();
    let old = "Alte Notiz: „Datenschutz“\u{a0}prüfen.";
    old_project_with_document_memo(dir.path(), old);
    let project_ron = dir.path().join("project.ron");
    let before = std::fs::read(&project_ron).unwrap();
    let loaded = storage::load_project(dir.path()).unwrap();
    assert_eq!(
        loaded.legacy_document_memo(&doc_id(dir.path(), ARTICLE)),
        old
    );

    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    assert!(
        h.query_by_label("Document memo · written").is_some(),
        "the memo header counts the old memo"
    );
    h.get_by_label("Document memo · written").click();
    h.run();
    assert!(
        h.query_all(By::new().value(old)).next().is_some(),
        "the field shows the old memo"
    );
    common::save_and_wait(&mut h);
    assert_eq!(
        memo_on_disk(dir.path(), "anna", ARTICLE).as_deref(),
        Some(old),
        "moved into anna's file with her next save"
    );
    assert_eq!(
        std::fs::read(&project_ron).unwrap(),
        before,
        "nothing dropped"
    );
    drop(h);
    assert_eq!(memo_in_fresh_app(dir.path(), "anna", ARTICLE), old);
    let project = storage::load_project(dir.path()).unwrap();
    let qdpx = export(&project, ExportFormat::Qdpx, &[]).unwrap();
    let qde = unzip_qde(&qdpx.bytes);
    assert_eq!(
        qde.matches("Alte Notiz").count(),
        1,
        "the .qdpx holds the memo once, not once per copy"
    );
}

fn unzip_qde(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut qde = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("project.qde").unwrap(), &mut qde).unwrap();
    qde
}
