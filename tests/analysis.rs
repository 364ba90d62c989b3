//! The analyst's tools as a user meets them (search is in search_ui.rs): the coded-segments
//! view, the command palette, keyboard navigation, theme and zoom.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, drag_select, find, harness, open_document};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{By, Queryable};
use spanwise::model::codebook::CodeId;
use spanwise::model::span::Span;
use spanwise::ui::theme::ThemeChoice;

const ARTICLE: &str = "Blauäugigkeit";

fn anna_codings(
    h: &egui_kittest::Harness<'_, spanwise::ui::SpanwiseApp>,
) -> Vec<spanwise::model::coding::Coding> {
    let ws = h.state().workspace.as_ref().unwrap();
    ws.project()
        .coder("anna")
        .map(|f| f.codings.clone())
        .unwrap_or_default()
}

fn checkbox<'a>(
    h: &'a egui_kittest::Harness<'_, spanwise::ui::SpanwiseApp>,
    label: &'a str,
) -> egui_kittest::Node<'a> {
    h.get(By::new().role(Role::CheckBox).label(label))
}

#[test]
fn coded_segments_list_a_code_across_documents_sort_and_open() {
    let dir = bundled_copy();
    {
        // Another coder's codings, made through the core as the window would.
        let mut ws = spanwise::edit::workspace::Workspace::open(dir.path(), "ben").unwrap();
        let doc = ws.project().corpus.documents[4].meta.id.clone();
        let text = ws.project().corpus.documents[4].text.clone().unwrap();
        let start = text.char_of_byte(text.as_str().find("Innovation Center").unwrap());
        let span = Span::new(start, start + "Innovation Center".len());
        let coding = ws
            .project()
            .new_coding("ben", &doc, &CodeId("risk".into()), span)
            .unwrap();
        ws.execute(spanwise::edit::command::Command::AddCoding {
            coder: "ben".into(),
            coding,
        })
        .unwrap();
        ws.save().unwrap();
    }
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    let sentence = find(
        &h,
        "„Ich würde hier als Kommune äußerste Vorsicht walten lassen.“",
    );
    drag_select(&mut h, sentence);
    h.key_press(Key::Num1);
    h.run();
    let risk = find(&h, "äußerste Vorsicht");
    drag_select(&mut h, risk);
    h.key_press(Key::Num2);
    h.run();
    open_document(&mut h, "Bund prüft Fortsetzung");
    let span = find(&h, "eingesetzt worden");
    drag_select(&mut h, span);
    h.key_press(Key::Num2);
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    assert_eq!(h.state().segments.as_ref().unwrap().rows.len(), 4);
    checkbox(&h, "claim").click();
    h.run();
    let rows = h.state().segments.as_ref().unwrap().rows.clone();
    assert_eq!(rows.len(), 3, "only risk: two of anna's, one of ben's");
    assert!(rows.iter().all(|r| r.code_name == "risk"));
    let docs: Vec<usize> = rows.iter().map(|r| r.document_index).collect();
    assert_eq!(docs, vec![0, 2, 4], "document order across the corpus");
    assert!(
        rows[0].before.ends_with("als Kommune"),
        "keyword in context"
    );
    assert!(
        h.query_by_label_contains("walten lassen.“").is_some(),
        "the after-context is shown"
    );

    h.get(By::new().role(Role::Button).label("Length")).click();
    h.run();
    let lens: Vec<usize> = h
        .state()
        .segments
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .map(|r| r.len())
        .collect();
    assert_eq!(lens, sorted(&lens), "ascending by length");
    checkbox(&h, "descending").click();
    h.run();
    let desc: Vec<usize> = h
        .state()
        .segments
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .map(|r| r.len())
        .collect();
    let mut expect = lens.clone();
    expect.reverse();
    assert_eq!(desc, expect);
    h.get(By::new().role(Role::Button).label("Coder")).click();
    h.run();
    let coders: Vec<String> = h
        .state()
        .segments
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .map(|r| r.coder.clone())
        .collect();
    assert_eq!(coders, vec!["ben", "anna", "anna"], "descending by coder");

    // Clicking anna's coding in the first article opens it and selects the coding.
    h.get_by_label("äußerste Vorsicht").click();
    h.run();
    let app = h.state();
    assert_eq!(app.current_doc, 0);
    let id = app.selected_coding.expect("the coding is selected");
    let coding = anna_codings(&h).into_iter().find(|c| c.id == id).unwrap();
    assert_eq!(coding.quote, "äußerste Vorsicht");
    // Ben's coding opens its document with the text selected.
    h.get_by_label("Innovation Center").click();
    h.run();
    assert_eq!(h.state().current_doc, 4);
    assert!(h.state().selected_coding.is_none());

    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("risk.csv");
    assert_eq!(h.state_mut().export_segments_csv(&path), Some(3));
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(
        csv.starts_with("document,title,date,coder,code,code_path,coding_id,start,end,length,before,quote,after,memo,fields")
    );
    assert_eq!(csv.lines().count(), 4);
}

fn sorted(v: &[usize]) -> Vec<usize> {
    let mut v = v.to_vec();
    v.sort();
    v
}

#[test]
fn the_command_palette_runs_actions_and_applies_codes_by_typing() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    assert_eq!(h.state().current_doc, 0);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    assert!(
        h.query_by_label_contains("Search the corpus").is_some(),
        "actions are listed"
    );
    h.get_by_label("Command").type_text("next doc");
    h.run();
    assert!(
        h.query_by_label_contains("Search the corpus").is_none(),
        "the list is filtered"
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().current_doc, 1, "Enter ran Next document");
    assert!(h.state().palette.is_none(), "and closed the palette");

    open_document(&mut h, ARTICLE);
    let span = find(&h, "äußerste Vorsicht");
    drag_select(&mut h, span);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Command").type_text("ris");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let codings = anna_codings(&h);
    assert_eq!(codings.len(), 1, "typing a code name and Enter applies it");
    assert_eq!(codings[0].code, CodeId("risk".into()));
    assert_eq!(codings[0].quote, "äußerste Vorsicht");

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Command")
        .type_text("go to document smart city innovation");
    h.run();
    h.key_press(Key::ArrowDown);
    h.key_press(Key::ArrowUp);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().current_doc, 4);
}

#[test]
fn codings_are_navigated_and_selections_extended_by_keyboard_only() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, ARTICLE);
    for needle in ["Jan Weidenfeld", "äußerste Vorsicht"] {
        let span = find(&h, needle);
        drag_select(&mut h, span);
        h.key_press(Key::Num1);
        h.run();
    }
    h.key_press(Key::Escape);
    h.run();
    let list = h.state().document_codings();
    assert_eq!(list.len(), 2);
    assert_eq!(
        h.state().selected_coding,
        None,
        "Escape lets go of the coding just made"
    );
    h.key_press(Key::N);
    h.run();
    assert_eq!(h.state().selected_coding, Some(list[0].0));
    h.key_press(Key::N);
    h.run();
    assert_eq!(h.state().selected_coding, Some(list[1].0));
    h.key_press_modifiers(Modifiers::SHIFT, Key::N);
    h.run();
    assert_eq!(h.state().selected_coding, Some(list[0].0));

    // From the selected coding, extend a new selection to the end of the sentence, then by words.
    h.key_press(Key::N);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    let text = h.state().document_text().unwrap();
    let sel = h.state().reader.selected_span(&text).expect("a selection");
    assert_eq!(sel.start, list[1].1.end);
    assert_eq!(text.slice(sel), Some(" walten lassen.“"));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowLeft);
    h.run();
    let sel = h.state().reader.selected_span(&text).unwrap();
    assert_eq!(text.slice(sel), Some(" walten "));
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(
        h.state().document_codings().len(),
        3,
        "a key codes the keyboard selection"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run();
    assert_eq!(h.state().current_doc, 1);
}

#[test]
fn theme_follows_the_menu_and_the_palette_and_zoom_keys_scale_the_window() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    assert_eq!(h.state().prefs.theme, ThemeChoice::System);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Theme").click();
    h.run();
    h.get(By::new().role(Role::RadioButton).label("Light"))
        .click();
    h.run();
    assert_eq!(h.state().prefs.theme, ThemeChoice::Light);
    assert!(
        !h.ctx.global_style().visuals.dark_mode,
        "light visuals are in effect"
    );

    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Command").type_text("theme: dark");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().prefs.theme, ThemeChoice::Dark);
    assert!(h.ctx.global_style().visuals.dark_mode);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!((h.state().prefs.zoom - 1.1).abs() < 1e-4);
    assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-4);
}
