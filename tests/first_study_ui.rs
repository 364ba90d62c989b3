//! The first study's workflow end to end (issue 14, "Done when"): on a copy of the bundled
//! project with a 20-code codebook (sub-codes under each of the three top codes), a coder codes
//! all five articles (code keys, a sub-code's key, a double-click on a code without a key),
//! writes a project, a document and a coding memo, marks every article done, retrieves every
//! segment of a parent code (its sub-codes' too), and reviews a colleague's coding with F8; at
//! every step no text row leaves the space it has and the status bar is on screen; at the end
//! the project, read again from disk, holds every coding and memo. At 1024×640 and 1280×800, and
//! in German at 1024×640.
#![cfg(feature = "gui")]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use spanwise::edit::command::Command;
use spanwise::edit::workspace::Workspace;
use spanwise::model::codebook::{Code, CodeId};
use spanwise::model::coder::Progress;
use spanwise::model::span::Span;
use spanwise::ui::i18n::{LanguageChoice, tr, tr_args};
use spanwise::ui::{Prefs, SpanwiseApp};

const CODER: &str = "anna";
const COLLEAGUE: &str = "ben";

/// The 17 codes added to the bundled three: (id, parent, key).
const MORE_CODES: [(&str, Option<&str>, Option<char>); 17] = [
    ("security", Some("risk"), Some('4')),
    ("privacy", Some("risk"), Some('5')),
    ("sovereignty", Some("risk"), Some('6')),
    ("finances", Some("risk"), None),
    ("assessment", Some("claim"), Some('7')),
    ("forecast", Some("claim"), Some('8')),
    ("fact", Some("claim"), None),
    ("agreement", Some("commitment"), Some('9')),
    ("promise", Some("commitment"), None),
    ("pledge to review", Some("commitment"), None),
    ("city", None, None),
    ("company", None, None),
    ("federal government", None, None),
    ("university", None, None),
    ("tone positive", None, None),
    ("tone negative", None, None),
    ("background", None, None),
];

/// Sentences of document `doc` long enough to code, as char spans.
fn sentences(ws: &Workspace, doc: usize) -> Vec<Span> {
    let text = ws.project().corpus.documents[doc].text.clone().unwrap();
    common::sentence_and_word_spans(text.as_str(), usize::MAX)
        .into_iter()
        .filter(|s| s.len() > 40 && s.len() < 200)
        .collect()
}

/// The bundled project with 20 codes, and the colleague's codings (`risk` on the first two
/// sentences, `security` on the third of every article), every article marked done by them.
fn first_study_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/duisburg-huawei");
    common::copy_dir(&bundled, dir.path());
    let mut ws = Workspace::open(dir.path(), COLLEAGUE).unwrap();
    for (i, (id, parent, key)) in MORE_CODES.into_iter().enumerate() {
        let at = ws.project().codebook.codes.len();
        ws.execute(Command::InsertCode {
            at,
            code: Code {
                parent: parent.map(|p| CodeId(p.into())),
                key,
                ..Code::plain(id, &format!("#{:02X}{:02X}80", 40 + 12 * i, 200 - 9 * i))
            },
        })
        .unwrap();
    }
    assert_eq!(ws.project().codebook.codes.len(), 20);
    for doc in 0..5 {
        let spans = sentences(&ws, doc);
        let id = ws.project().corpus.documents[doc].meta.id.clone();
        for (span, code) in spans.iter().zip(["risk", "risk", "security"]) {
            let coding = ws
                .project()
                .new_coding(COLLEAGUE, &id, &CodeId(code.into()), *span)
                .unwrap();
            ws.execute(Command::AddCoding {
                coder: COLLEAGUE.into(),
                coding,
            })
            .unwrap();
        }
        ws.execute(Command::SetProgress {
            coder: COLLEAGUE.into(),
            document: id,
            progress: Progress::Done,
        })
        .unwrap();
    }
    ws.save().unwrap();
    dir
}

fn harness_at(
    project: &Path,
    size: Vec2,
    language: LanguageChoice,
) -> Harness<'static, SpanwiseApp> {
    let prefs = Prefs {
        language,
        ..common::prefs(CODER)
    };
    let app = SpanwiseApp::new(prefs, Some(project.to_path_buf()));
    // a few more frames to settle than the default 4: a status message that goes stale is
    // cleared in the frame after the edit
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(8)
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    h
}

/// Nothing is cut off: the reader's rows fit its column, no label of a side panel runs into
/// the reader or past the window's edge, and the status bar is on screen.
fn assert_fits(h: &Harness<'_, SpanwiseApp>, what: &str) {
    common::assert_no_line_cut_off(h, what);
    let window = h.ctx.content_rect();
    let reader = h.state().reader.visible_screen_rect().unwrap();
    let status = tr_args("status-coder", &[("name", CODER.into())]);
    let bar = h.get_by_label(&status).rect();
    assert!(
        bar.min.y >= window.min.y && bar.max.y <= window.max.y + 0.5,
        "{what}: the status bar is on screen: {bar:?} in {window:?}"
    );
    let floating = h.state().segments.is_some();
    for node in h.query_all(By::new().role(Role::Label)) {
        let r = node.rect();
        if r.height() < 1.0 || r.max.y < window.min.y || r.min.y > window.max.y {
            continue;
        }
        let n = node.accesskit_node();
        let label = n.label().or(n.value()).unwrap_or_default();
        assert!(
            r.max.x <= window.max.x + 0.5,
            "{what}: {label:?} runs past the window's right edge: {r:?}"
        );
        // beside the reader (not the bars above and below it), nothing reaches into it
        let beside = r.min.y < reader.max.y && r.max.y > reader.min.y;
        let straddles = |x: f32| beside && r.min.x < x - 1.0 && r.max.x > x + 1.0;
        assert!(
            floating || !(straddles(reader.min.x) || straddles(reader.max.x)),
            "{what}: {label:?} runs across the reader's edge: {r:?}, reader {reader:?}"
        );
    }
}

/// The code tree row of a code (its accessible name begins with the name and its counts).
fn tree_row(name: &str) -> String {
    let explained = tr_args(
        "code-tree-explained",
        &[
            ("name", name.into()),
            ("mine_here", 0.into()),
            ("mine_corpus", 0.into()),
            ("all_here", 0.into()),
            ("all_corpus", 0.into()),
        ],
    );
    // "name: yours 0 …" → "name: yours": up to the first count
    let cut = explained.find('0').unwrap_or(explained.len());
    explained[..cut].trim_end().to_string()
}

/// Scrolls the code tree with the mouse wheel, as a user would, until the row of `name` is
/// near its top (or the tree's end is reached); returns the row's centre.
fn scroll_tree_to(h: &mut Harness<'_, SpanwiseApp>, name: &str) -> egui::Pos2 {
    // the tree's heading (the leftmost "Codes")
    let top = h
        .query_all_by_label(&tr("code-tree-heading"))
        .map(|n| n.rect())
        .min_by(|a, b| a.min.x.total_cmp(&b.min.x))
        .unwrap()
        .max
        .y;
    let row = tree_row(name);
    let mut last = f32::NAN;
    loop {
        let pos = h
            .get(By::new().role(Role::Button).label_contains(&row))
            .rect()
            .center();
        let in_band = pos.y > top + 5.0 && pos.y <= top + 50.0;
        if in_band || pos.y == last {
            return pos;
        }
        last = pos.y;
        h.hover_at(egui::pos2(pos.x, top + 20.0));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            // down while the row is below the band, up while above it
            delta: vec2(0.0, if pos.y > top { -40.0 } else { 40.0 }),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        // the wheel scrolls smoothly over a few frames
        h.run_steps(10);
    }
}

/// Scrolls the document list with the mouse wheel until the row of `title` is above the status
/// bar, then clicks it.
fn open_document(h: &mut Harness<'_, SpanwiseApp>, title: &str) {
    let status = tr_args("status-coder", &[("name", CODER.into())]);
    let bottom = h.get_by_label(&status).rect().min.y - 20.0;
    let row = || By::new().role(Role::Button).label_contains(title);
    for _ in 0..50 {
        let pos = h.get(row()).rect().center();
        if pos.y < bottom {
            break;
        }
        h.hover_at(egui::pos2(pos.x, bottom - 10.0));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -40.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run_steps(10);
    }
    h.get(row()).click();
    h.run();
}

/// Double-clicks a code's row in the code tree (as fast as a user's two clicks).
fn double_click_code(h: &mut Harness<'_, SpanwiseApp>, name: &str) {
    let pos = scroll_tree_to(h, name);
    common::double_click_at(h, pos);
}

fn my_codings(h: &Harness<'_, SpanwiseApp>) -> usize {
    let ws = h.state().workspace.as_ref().unwrap();
    ws.project().coder(CODER).map_or(0, |f| f.codings.len())
}

fn click(h: &mut Harness<'_, SpanwiseApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn type_into(h: &mut Harness<'_, SpanwiseApp>, label: &str, text: &str) {
    click(h, label);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Codes three sentences of the open article: `risk` by its key, the sub-code `security` by its
/// key, and `background` (no key) by a double-click in the code tree.
fn code_article(h: &mut Harness<'_, SpanwiseApp>, doc: usize) {
    let spans = sentences(h.state().workspace.as_ref().unwrap(), doc);
    let before = my_codings(h);
    // the colleague coded the first three: take others, so review has something to show
    let ours = &spans[3..6];
    common::drag_select(h, ours[0]);
    h.key_press(Key::Num2);
    h.run();
    common::drag_select(h, ours[1]);
    h.key_press(Key::Num4);
    h.run();
    common::drag_select(h, ours[2]);
    double_click_code(h, "background");
    assert_eq!(my_codings(h), before + 3, "article {doc}: three codings");
    let saved = tr_args("status-saved", &[("files", "".into())]);
    let saved = saved
        .split('\u{2068}')
        .next()
        .unwrap()
        .trim_end()
        .to_string();
    assert!(
        !h.state()
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with(&saved)),
        "article {doc}: no stale {saved:?} after a change: {:?}",
        h.state().message
    );
    assert_fits(h, &format!("article {doc} coded"));
}

/// Writes the three kinds of memo while coding article 0 and 1: a coding memo (with a digit,
/// which must not code), a document memo and the project memo.
fn write_memos(h: &mut Harness<'_, SpanwiseApp>, doc: usize) {
    let n = my_codings(h);
    match doc {
        0 => {
            type_into(h, &tr("codings-memo"), "key quote 1");
            assert_eq!(my_codings(h), n, "typing 1 in a memo does not code");
            click(h, &tr("documents-project-memo"));
            type_into(
                h,
                &tr("documents-project-memo-field"),
                "first study, wave 1",
            );
            assert!(
                documents_on_screen(h) >= 2,
                "with the project memo open the document list shows rows: {}",
                documents_on_screen(h)
            );
            click(h, &tr("documents-project-memo"));
        }
        1 => {
            click(h, &tr("documents-memo"));
            type_into(h, &tr("documents-memo-field"), "the city's view 2");
            click(h, &tr("documents-memo-one"));
        }
        _ => return,
    }
    // Ctrl+S works from a memo field too: the bytes are on disk
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_fits(h, &format!("memos of article {doc}"));
}

/// Rows of the document list wholly between the project memo field and the status bar.
fn documents_on_screen(h: &Harness<'_, SpanwiseApp>) -> usize {
    let status = tr_args("status-coder", &[("name", CODER.into())]);
    let bottom = h.get_by_label(&status).rect().min.y;
    let memo = h.get_by_label(&tr("documents-project-memo-field")).rect();
    let ws = h.state().workspace.as_ref().unwrap();
    ws.project()
        .corpus
        .documents
        .iter()
        .filter(|d| {
            h.query_all(By::new().role(Role::Button).label_contains(&d.meta.title))
                .any(|n| {
                    let r = n.rect();
                    r.min.x < memo.max.x && r.min.y >= memo.min.y && r.max.y <= bottom
                })
        })
        .count()
}

fn mark_done(h: &mut Harness<'_, SpanwiseApp>, doc: usize) {
    let done = tr("progress-done");
    h.get(By::new().label(&done).role(Role::Button)).click();
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    let id = &ws.project().corpus.documents[doc].meta.id;
    assert_eq!(
        ws.project().coder(CODER).unwrap().progress_of(id),
        Progress::Done,
        "article {doc} marked done"
    );
}

/// "Coded segments" from the context menu of `risk` in the code tree: the rows are every
/// coding of risk and its four sub-codes, by both coders.
fn retrieve_risk(h: &mut Harness<'_, SpanwiseApp>) {
    let pos = scroll_tree_to(h, "risk");
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.run();
    }
    click(h, &tr("code-tree-segments"));
    let ws = h.state().workspace.as_ref().unwrap();
    let project = ws.project();
    let family: BTreeSet<CodeId> = project
        .codebook
        .codes
        .iter()
        .filter(|c| c.id.0 == "risk" || c.parent.as_ref().is_some_and(|p| p.0 == "risk"))
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(family.len(), 5);
    let expected: usize = [CODER, COLLEAGUE]
        .iter()
        .filter_map(|c| project.coder(c))
        .map(|f| {
            f.codings
                .iter()
                .filter(|c| family.contains(&c.code))
                .count()
        })
        .sum();
    let rows = &h.state().segments.as_ref().unwrap().rows;
    assert_eq!(
        rows.len(),
        expected,
        "every segment of risk and its sub-codes"
    );
    assert!(
        rows.iter().any(|r| r.code.0 == "security"),
        "a sub-code's rows"
    );
    assert_fits(h, "retrieval of risk");
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
}

/// Review mode: F8 steps through the list; every step fits.
fn review_colleague(h: &mut Harness<'_, SpanwiseApp>) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    assert!(h.state().review.active, "review mode");
    let listed = h.state().review.listed().len();
    assert!(listed >= 10, "differences between anna and ben: {listed}");
    let mut seen = BTreeSet::new();
    for step in 0..8 {
        h.key_press(Key::F8);
        h.run();
        let d = h.state().review.selected_difference().cloned().unwrap();
        seen.insert(format!("{:?}", d.span));
        assert_fits(h, &format!("review step {step}"));
    }
    assert!(seen.len() >= 7, "F8 moves on: {seen:?}");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
}

fn run_workflow(size: Vec2, language: LanguageChoice) {
    let dir = first_study_project();
    let mut h = harness_at(dir.path(), size, language);
    assert_fits(&h, "opened");
    let titles: Vec<String> = h
        .state()
        .workspace
        .as_ref()
        .unwrap()
        .project()
        .corpus
        .documents
        .iter()
        .map(|d| d.meta.title.clone())
        .collect();
    for (doc, title) in titles.iter().enumerate() {
        open_document(&mut h, title);
        assert_eq!(h.state().current_doc, doc);
        code_article(&mut h, doc);
        write_memos(&mut h, doc);
        mark_done(&mut h, doc);
    }
    retrieve_risk(&mut h);
    review_colleague(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    drop(h);
    let project = spanwise::storage::load_project(dir.path()).unwrap();
    let mine = project.coder(CODER).expect("anna's file on disk");
    assert_eq!(mine.codings.len(), 15, "every coding on disk");
    for code in ["risk", "security", "background"] {
        assert_eq!(
            mine.codings.iter().filter(|c| c.code.0 == code).count(),
            5,
            "{code} in every article"
        );
    }
    assert!(
        mine.codings.iter().any(|c| c.memo == "key quote 1"),
        "the coding memo"
    );
    let doc1 = &project.corpus.documents[1].meta.id;
    assert_eq!(
        mine.document_memos.get(doc1).map(String::as_str),
        Some("the city's view 2"),
        "the document memo"
    );
    assert!(
        project.memo.contains("first study, wave 1"),
        "the project memo: {}",
        project.memo
    );
    for d in &project.corpus.documents {
        assert_eq!(mine.progress_of(&d.meta.id), Progress::Done);
    }
}

#[test]
fn the_first_study_at_1024x640() {
    run_workflow(vec2(1024.0, 640.0), LanguageChoice::English);
}

#[test]
fn the_first_study_at_1280x800() {
    run_workflow(vec2(1280.0, 800.0), LanguageChoice::English);
}

#[test]
fn the_first_study_in_german_at_1024x640() {
    run_workflow(vec2(1024.0, 640.0), LanguageChoice::German);
}

/// The codebook window (Ctrl+K) with 20 codes at 1024×640: it fits the screen (the new-code
/// field and its button on it), and Enter in the field adds the code.
#[test]
fn the_codebook_window_with_20_codes_fits_1024x640_and_enter_adds_a_code() {
    let dir = first_study_project();
    let mut h = harness_at(dir.path(), vec2(1024.0, 640.0), LanguageChoice::English);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    let window = h.ctx.content_rect();
    for label in [tr("codebook-new-code"), tr("codebook-add-code")] {
        let r = h.get_by_label(&label).rect();
        assert!(
            r.min.y >= window.min.y && r.max.y <= window.max.y,
            "{label:?} is on the screen: {r:?}"
        );
    }
    type_into(&mut h, &tr("codebook-new-code"), "irony");
    h.key_press(Key::Enter);
    h.run();
    let book = &h.state().workspace.as_ref().unwrap().project().codebook;
    assert_eq!(book.codes.len(), 21, "Enter added the code");
    assert!(book.codes.iter().any(|c| c.name == "irony"));
}
