//! The retrieval table (Ctrl+G) as an analyst meets it: every segment of a code with its
//! article's title, the code's path and the whole coded text wrapped; sorting by article and
//! filtering by coder and field value change the rows; a click opens the reader at the coding;
//! the rows listed go to CSV and to the clipboard, exactly those.
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use common::bundled_copy;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use spanwise::analysis::retrieval::Segment;
use spanwise::edit::command::Command;
use spanwise::edit::workspace::Workspace;
use spanwise::model::codebook::{Code, CodeId};
use spanwise::model::span::Span;
use spanwise::ui::SpanwiseApp;

/// The longest paragraph of the second article: ben codes it `spying` (a sub-code of risk).
fn long_paragraph(ws: &Workspace) -> (usize, String) {
    let text = ws.project().corpus.documents[1].text.clone().unwrap();
    let para = text
        .as_str()
        .split('\n')
        .max_by_key(|p| p.chars().count())
        .unwrap()
        .to_string();
    assert!(para.chars().count() > 200, "a long paragraph");
    (text.char_of_byte(text.as_str().find(&para).unwrap()), para)
}

/// Adds a coding of `needle` in document `doc` for the workspace's coder.
fn code(ws: &mut Workspace, doc: usize, needle: &str, code: &str, memo: &str, actor: &str) {
    let d = &ws.project().corpus.documents[doc];
    let text = d.text.clone().unwrap();
    let start = text.char_of_byte(text.as_str().find(needle).unwrap());
    let span = Span::new(start, start + needle.chars().count());
    let id = d.meta.id.clone();
    let coder = ws.coder().to_string();
    let mut coding = ws
        .project()
        .new_coding(&coder, &id, &CodeId(code.into()), span)
        .unwrap();
    coding.memo = memo.into();
    if !actor.is_empty() {
        coding.attributes.insert("actor".into(), actor.into());
    }
    ws.execute(Command::AddCoding { coder, coding }).unwrap();
}

/// The bundled project with ben's and anna's codings; returns the long paragraph ben coded.
fn project_with_segments(dir: &Path) -> String {
    let mut ws = Workspace::open(dir, "ben").unwrap();
    let at = ws.project().codebook.codes.len();
    ws.execute(Command::InsertCode {
        at,
        code: Code {
            parent: Some(CodeId("risk".into())),
            ..Code::plain("spying", "#CC79A7")
        },
    })
    .unwrap();
    let (_, para) = long_paragraph(&ws);
    code(&mut ws, 1, &para, "spying", "the whole warning", "Huawei");
    code(&mut ws, 0, "Kommune", "claim", "", "Weidenfeld");
    ws.save().unwrap();
    drop(ws);
    let mut ws = Workspace::open(dir, "anna").unwrap();
    code(&mut ws, 2, "Huawei", "risk", "", "Huawei");
    code(&mut ws, 0, "äußerste Vorsicht", "risk", "quoted", "");
    ws.save().unwrap();
    para
}

fn table_harness(dir: &Path) -> Harness<'static, SpanwiseApp> {
    let mut h = common::harness("anna", dir);
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    h
}

fn rows(h: &Harness<'_, SpanwiseApp>) -> Vec<Segment> {
    h.state()
        .segments
        .as_ref()
        .expect("the window is open")
        .rows
        .clone()
}

fn checkbox<'a>(h: &'a Harness<'_, SpanwiseApp>, label: &'a str) -> egui_kittest::Node<'a> {
    h.get(By::new().role(Role::CheckBox).label(label))
}

#[test]
fn the_table_shows_title_code_path_and_the_whole_long_segment_wrapped() {
    let dir = bundled_copy();
    let para = project_with_segments(dir.path());
    let h = table_harness(dir.path());
    assert_eq!(rows(&h).len(), 4);
    let title = h
        .state()
        .workspace
        .as_ref()
        .unwrap()
        .project()
        .corpus
        .documents[1]
        .meta
        .title
        .clone();
    let quote = h.get_by_label(&para);
    let top = quote.rect().top();
    let on_row = |label: &str| {
        h.query_all_by_label(label)
            .any(|n| (n.rect().top() - top).abs() < 8.0)
    };
    assert!(on_row(&title), "the article's title on the row");
    assert!(on_row("risk \u{203a} spying"), "the code's path on the row");
    assert!(on_row("ben"), "the coder on the row");
    assert!(on_row("the whole warning"), "the memo on the row");
    assert!(
        h.query_all_by_label("actor=Huawei")
            .any(|n| (n.rect().top() - top).abs() < 40.0),
        "the fields on the row"
    );
    let width = quote.rect().width();
    let height = quote.rect().height();
    assert!(
        width <= 430.0,
        "the text stays in its column ({width} wide)"
    );
    assert!(
        height > 3.0 * 14.0,
        "the long text wraps onto several lines, not cut ({height} high)"
    );
}

#[test]
fn sorting_by_article_and_filtering_by_coder_and_field_value_change_the_rows() {
    let dir = bundled_copy();
    project_with_segments(dir.path());
    let mut h = table_harness(dir.path());
    let docs = |h: &Harness<'_, SpanwiseApp>| -> Vec<usize> {
        rows(h).iter().map(|r| r.document_index).collect()
    };
    assert_eq!(docs(&h), vec![0, 0, 1, 2], "article order");
    h.get(By::new().role(Role::Button).label("Article")).click();
    h.run();
    checkbox(&h, "descending").click();
    h.run();
    assert_eq!(docs(&h), vec![2, 1, 0, 0], "article order, descending");

    checkbox(&h, "ben").click();
    h.run();
    assert!(rows(&h).iter().all(|r| r.coder == "anna"));
    assert_eq!(rows(&h).len(), 2);
    assert!(h.query_by_label("Kommune").is_none(), "ben's row is gone");
    checkbox(&h, "ben").click();
    h.run();
    assert_eq!(rows(&h).len(), 4);

    h.get_by_label("value contains").click();
    h.run();
    h.get_by_label("value contains").type_text("huawei");
    h.run();
    let quotes: Vec<String> = rows(&h).iter().map(|r| r.quote.clone()).collect();
    assert_eq!(
        quotes.len(),
        2,
        "two codings name Huawei as actor: {quotes:?}"
    );
    assert!(rows(&h).iter().all(|r| r.fields["actor"] == "Huawei"));
    assert!(
        h.query_by_label("äußerste Vorsicht").is_none(),
        "a coding without the field is not listed"
    );
}

#[test]
fn a_click_opens_the_reader_at_the_coding() {
    let dir = bundled_copy();
    let para = project_with_segments(dir.path());
    let mut h = table_harness(dir.path());
    h.get_by_label("äußerste Vorsicht").click();
    h.run();
    let id = h
        .state()
        .selected_coding
        .expect("anna's coding is selected");
    let anna = h
        .state()
        .workspace
        .as_ref()
        .unwrap()
        .project()
        .coder("anna")
        .unwrap();
    let coding = anna.get(id).unwrap();
    assert_eq!(coding.quote, "äußerste Vorsicht");
    assert_eq!(h.state().current_doc, 0, "its article is open");

    h.get_by_label(&para).click();
    h.run();
    assert_eq!(h.state().current_doc, 1, "ben's article is open");
    let text = h.state().document_text().unwrap();
    let selected = h
        .state()
        .reader
        .selected_span(&text)
        .expect("the text is selected");
    assert_eq!(text.slice(selected), Some(para.as_str()));
}

#[test]
fn csv_and_clipboard_hold_exactly_the_rows_listed() {
    let dir = bundled_copy();
    project_with_segments(dir.path());
    let mut h = table_harness(dir.path());
    checkbox(&h, "claim").click();
    h.run();
    let shown = rows(&h);
    assert_eq!(shown.len(), 3, "claim left out");

    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("rows.csv");
    assert_eq!(h.state_mut().export_segments_csv(&path), Some(3));
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let in_csv: Vec<(String, String, String)> = records
        .iter()
        .map(|r| {
            (
                r[col("coder")].into(),
                r[col("quote")].into(),
                r[col("code_path")].into(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = shown
        .iter()
        .map(|s| (s.coder.clone(), s.quote.clone(), s.code_path.clone()))
        .collect();
    assert_eq!(in_csv, expected, "exactly the rows listed, in their order");

    h.get_by_label("Copy rows").click();
    let mut copied = None;
    for _ in 0..3 {
        h.step();
        for c in &h.output().platform_output.commands {
            if let egui::OutputCommand::CopyText(t) = c {
                copied = Some(t.clone());
            }
        }
    }
    let copied = copied.expect("the rows went to the clipboard");
    let mut tsv = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(copied.as_bytes());
    let pasted: Vec<String> = tsv
        .records()
        .map(|r| r.unwrap()[col("quote")].to_string())
        .collect();
    let quotes: Vec<String> = shown.iter().map(|s| s.quote.clone()).collect();
    assert_eq!(pasted, quotes, "the clipboard holds the same rows");
    h.run();
    assert!(h.query_by_label("3 rows copied").is_some());
}
