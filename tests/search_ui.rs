//! Corpus search as a user meets it (Ctrl+F): hits start unticked, coding the ticked hits says
//! how many codings it makes and waits for a yes, is one undoable step, and leaves out what is
//! coded already; umlaut folding; a click opens the hit; long hit lists come a page at a time.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, harness, open_document};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use spanwise::model::codebook::CodeId;
use spanwise::ui::SpanwiseApp;

fn anna_codings(h: &Harness<'_, SpanwiseApp>) -> Vec<spanwise::model::coding::Coding> {
    let ws = h.state().workspace.as_ref().unwrap();
    ws.project()
        .coder("anna")
        .map(|f| f.codings.clone())
        .unwrap_or_default()
}

fn checkbox<'a>(h: &'a Harness<'_, SpanwiseApp>, label: &'a str) -> egui_kittest::Node<'a> {
    h.get(By::new().role(Role::CheckBox).label(label))
}

fn search(h: &mut Harness<'_, SpanwiseApp>, query: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Search the corpus for:").type_text(query);
    h.run();
}

fn choose_code(h: &mut Harness<'_, SpanwiseApp>, name: &str) {
    h.get_by_label("Code as").click();
    h.run();
    h.get(By::new().label(name).role(Role::Button)).click();
    h.run();
}

#[test]
fn ticked_hits_are_coded_after_a_yes_that_says_how_many_as_one_undoable_step() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    search(&mut h, "Huawei");
    assert_eq!(h.state().search.hits.len(), 40);
    h.get_by_label("40 hits · 5 documents");
    assert!(
        h.state()
            .search
            .hits
            .iter()
            .all(|hit| hit.text.eq_ignore_ascii_case("huawei"))
    );
    assert!(
        h.state().search.ticked.iter().all(|t| !t),
        "hits start unticked"
    );
    h.get_by_label("0 ticked");

    // Tick every hit but the first, and code them as "risk".
    h.get_by_label("Tick all listed").click();
    h.run();
    checkbox(&h, "Tick hit 1 for coding").click();
    h.run();
    h.get_by_label("39 ticked");
    choose_code(&mut h, "risk");
    h.get_by_label("Code 39 ticked hits…").click();
    h.run();
    assert!(
        anna_codings(&h).is_empty(),
        "nothing is coded before the yes"
    );
    assert!(
        h.query_by_label_contains("This makes 39 codings of risk as one step")
            .is_some()
    );
    h.get_by_label("Make 39 codings").click();
    h.run();

    let codings = anna_codings(&h);
    assert_eq!(codings.len(), 39);
    assert!(codings.iter().all(|c| c.code == CodeId("risk".into())));
    assert!(
        codings
            .iter()
            .all(|c| c.quote.eq_ignore_ascii_case("huawei"))
    );
    let mut ids: Vec<u64> = codings.iter().map(|c| c.id.0).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 39, "every new coding has its own id");
    let first = &h.state().search.hits[0];
    assert!(
        !codings
            .iter()
            .any(|c| c.document == first.document && c.span() == first.span),
        "the unticked hit is not coded"
    );
    assert!(h.query_by_label_contains("Coded 39 hits as risk").is_some());
    assert!(
        h.state().search.ticked.iter().all(|t| !t),
        "after coding, the ticks are cleared"
    );

    // All 40 again: only the one left out is new.
    h.get_by_label("Tick all listed").click();
    h.run();
    h.get_by_label("Code 40 ticked hits…").click();
    h.run();
    assert!(
        h.query_by_label_contains(
            "This makes 1 coding of risk as one step (Ctrl+Z undoes it). 39 ticked hits are coded as risk already: left out."
        )
        .is_some()
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(anna_codings(&h).len(), 39, "cancel codes nothing");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        anna_codings(&h).is_empty(),
        "one undo removes every coding of the batch"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(anna_codings(&h).len(), 39, "and one redo brings them back");
}

#[test]
fn a_frequent_word_is_listed_a_page_at_a_time_with_the_whole_count_shown() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    search(&mut h, "e");
    let search = &h.state().search;
    let total = search.count.hits;
    assert!(total > 2 * spanwise::ui::search::PAGE, "{total} hits of e");
    assert_eq!(search.hits.len(), spanwise::ui::search::PAGE);
    assert_eq!(search.count.documents, 5);
    h.get_by_label(&format!("{total} hits · 5 documents"));
    checkbox(&h, "Tick hit 1 for coding").click();
    h.run();
    // The button at the end of the list: scroll the list to it.
    for _ in 0..60 {
        if h.query_by_label("Show 200 more").is_some() {
            break;
        }
        h.query_all(By::new().label_contains("Tick hit "))
            .last()
            .expect("a hit is listed")
            .hover();
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -1.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run_steps(10);
    }
    h.get_by_label("Show 200 more").click();
    h.run();
    let search = &h.state().search;
    assert_eq!(search.hits.len(), 2 * spanwise::ui::search::PAGE);
    assert_eq!(search.count.hits, total, "the count stays");
    assert!(search.ticked[0], "the ticks of the first page stay");
    assert_eq!(search.ticked.len(), search.hits.len());
}

#[test]
fn umlaut_folding_finds_ueberwachung_and_a_click_opens_the_hit() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, "Smart City Innovation Center");
    let start_doc = h.state().current_doc;
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Search the corpus for:")
        .type_text("Ueberwachung");
    h.run();
    assert!(
        h.state().search.hits.is_empty(),
        "without folding, ue is not ü"
    );
    checkbox(&h, "ue = ü, ss = ß").click();
    h.run();
    let hits = h.state().search.hits.clone();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|hit| hit.text == "Überwachung"), "{hits:?}");

    h.query_all(By::new().role(Role::Button).label_contains("Überwachung"))
        .next()
        .expect("the hit is listed")
        .click();
    // The reader scrolls to the hit with an animation.
    h.run_steps(20);
    let app = h.state();
    assert_ne!(app.current_doc, start_doc, "the hit's document is opened");
    let text = app.document_text().unwrap();
    let selected = app
        .reader
        .selected_span(&text)
        .expect("the hit is selected");
    assert_eq!(text.slice(selected), Some("Überwachung"));
    assert!(
        app.reader.marks.contains(&selected),
        "hits are outlined in the article"
    );
    let pos = app.reader.screen_pos_of(selected.start);
    assert!(pos.is_some(), "the reader scrolled the hit on screen");
}
