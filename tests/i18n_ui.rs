//! The window speaks German and English from one catalogue per language (issue 14 point 12):
//! both catalogues have the same messages with the same variables, every key the sources use is
//! in both, View → Language switches the menus and the status messages at once, and counts take
//! the right plural form. Every other test runs in English (`common::prefs`), whatever the
//! machine's locale.
#![cfg(feature = "gui")]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{bundled_copy, harness};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use spanwise::ui::actions::Action;
use spanwise::ui::i18n::{Language, LanguageChoice, messages, tr_in};
use spanwise::ui::windows::WindowId;
use spanwise::ui::{Prefs, SpanwiseApp};

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_variables() {
    let (en, en_errors) = messages(Language::English);
    let (de, de_errors) = messages(Language::German);
    assert!(en_errors.is_empty(), "en.ftl does not parse: {en_errors:?}");
    assert!(de_errors.is_empty(), "de.ftl does not parse: {de_errors:?}");
    assert!(
        en.len() > 100,
        "the English catalogue has {} messages",
        en.len()
    );
    let only_en: Vec<_> = en.keys().filter(|k| !de.contains_key(*k)).collect();
    let only_de: Vec<_> = de.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in de.ftl: {only_en:?}");
    assert!(only_de.is_empty(), "missing in en.ftl: {only_de:?}");
    for (key, vars) in &en {
        assert_eq!(
            vars, &de[key],
            "{key}: the languages use different variables"
        );
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The keys of every `tr("…")`, `tr_args("…", …)` and `tr_in(language, "…", …)` in the sources.
fn keys_in_sources() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut keys = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        // the code, not its tests (which look up keys that do not exist) nor its comments
        let text: String = source
            .split("#[cfg(test)]")
            .next()
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for call in ["tr(", "tr_args(", "tr_in("] {
            for (at, _) in text.match_indices(call) {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // e.g. `attr(`
                }
                let mut rest = text[at + call.len()..].trim_start();
                if call == "tr_in(" {
                    rest = rest.split_once(',').map_or("", |(_, r)| r).trim_start();
                }
                if let Some(lit) = rest.strip_prefix('"') {
                    keys.insert(lit.split('"').next().unwrap().to_string());
                }
            }
        }
    }
    keys
}

#[test]
fn every_key_the_sources_use_is_in_both_catalogues() {
    let mut used = keys_in_sources();
    assert!(used.contains("status-nothing-to-undo") && used.contains("menu-file"));
    assert!(
        used.len() > 40,
        "found only {} keys in the sources",
        used.len()
    );
    used.extend(Action::all().map(|a| a.spec().label_key()));
    used.extend(WindowId::all().map(|w| w.title_key().to_string()));
    used.extend(LanguageChoice::ALL.map(|c| c.label_key().to_string()));
    for language in Language::ALL {
        let (catalogue, _) = messages(language);
        let missing: Vec<_> = used
            .iter()
            .filter(|k| !catalogue.contains_key(*k))
            .collect();
        assert!(
            missing.is_empty(),
            "used in src/ but missing in {}.ftl: {missing:?}",
            language.tag()
        );
    }
}

#[test]
fn counts_take_the_plural_form_of_each_language() {
    let changed = |language, n: usize| {
        tr_in(
            language,
            "status-texts-changed",
            &[
                ("texts", n.into()),
                ("moved", n.into()),
                ("attention", n.into()),
            ],
        )
    };
    let en1 = changed(Language::English, 1);
    let en3 = changed(Language::English, 3);
    assert!(
        en1.starts_with("1 text changed") && en1.contains("1 coding moved"),
        "{en1}"
    );
    assert!(en1.ends_with("1 needs attention"), "{en1}");
    assert!(
        en3.starts_with("3 texts changed") && en3.contains("3 codings moved"),
        "{en3}"
    );
    assert!(en3.ends_with("3 need attention"), "{en3}");
    let de1 = changed(Language::German, 1);
    let de3 = changed(Language::German, 3);
    assert!(
        de1.starts_with("1 Text seit") && de1.contains("1 Codierung mit"),
        "{de1}"
    );
    assert!(de1.ends_with("1 muss geprüft werden"), "{de1}");
    assert!(
        de3.starts_with("3 Texte seit") && de3.contains("3 Codierungen mit"),
        "{de3}"
    );
    assert!(de3.ends_with("3 müssen geprüft werden"), "{de3}");
    let memos = |language, n: usize| {
        tr_in(
            language,
            "status-memos-adopted",
            &[("memos", n.into()), ("file", "coding/anna.ron".into())],
        )
    };
    assert!(memos(Language::English, 1).starts_with("1 document memo of"));
    assert!(memos(Language::English, 3).starts_with("3 document memos of"));
    assert!(memos(Language::German, 1).starts_with("1 Dokument-Memo aus"));
    assert!(memos(Language::German, 3).starts_with("3 Dokument-Memos aus"));
}

fn choose_language(h: &mut Harness<'_, SpanwiseApp>, view: &str, language: &str, name: &str) {
    h.get_by_label(view).click();
    h.run();
    h.get_by_label(language).click();
    h.run();
    h.get(By::new().role(Role::RadioButton).label(name)).click();
    h.run();
}

fn undo_with_nothing_to_undo(h: &mut Harness<'_, SpanwiseApp>) {
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

#[test]
fn view_language_deutsch_turns_the_menus_and_status_german_and_english_turns_them_back() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    assert!(
        h.query_by_label("File").is_some(),
        "the tests run in English"
    );

    choose_language(&mut h, "View", "Language", "Deutsch");
    assert_eq!(h.state().prefs.language, LanguageChoice::German);
    assert!(
        h.query_by_label("Datei").is_some(),
        "the File menu reads Datei"
    );
    assert!(
        h.query_by_label("Bearbeiten").is_some(),
        "the Edit menu reads Bearbeiten"
    );
    assert!(h.query_by_label("File").is_none());
    undo_with_nothing_to_undo(&mut h);
    assert!(
        h.query_by_label("Nichts rückgängig zu machen").is_some(),
        "the status bar says it in German: {:?}",
        h.state().message
    );
    h.get_by_label("Bearbeiten").click();
    h.run();
    assert!(
        h.query_by_label_contains("Rückgängig").is_some(),
        "Undo reads Rückgängig"
    );
    assert!(h.query_by_label_contains("Wiederholen").is_some());

    h.key_press(Key::Escape);
    h.run();
    choose_language(&mut h, "Ansicht", "Sprache", "English");
    assert_eq!(h.state().prefs.language, LanguageChoice::English);
    assert!(h.query_by_label("File").is_some() && h.query_by_label("Edit").is_some());
    assert!(h.query_by_label("Datei").is_none());
    undo_with_nothing_to_undo(&mut h);
    assert!(h.query_by_label("Nothing to undo").is_some());
}

#[test]
fn a_german_coder_sees_the_palette_and_key_sheet_in_german_and_the_readme_table_stays_english() {
    let dir = bundled_copy();
    let prefs = Prefs {
        language: LanguageChoice::German,
        ..common::prefs("anna")
    };
    let app = SpanwiseApp::new(prefs, Some(dir.path().to_path_buf()));
    let mut h = Harness::builder()
        .with_max_steps(8)
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    assert!(
        h.query_by_label("Datei").is_some(),
        "German from the first frame"
    );
    h.key_press(Key::F1);
    h.run();
    assert!(
        h.query_by_label("Nächste Codierung").is_some(),
        "the key sheet in German"
    );
    assert!(h.query_by_label("Ctrl+Shift+Z oder Ctrl+Y").is_some());
    h.key_press(Key::F1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Befehl").type_text("speichern");
    h.run();
    let found = h.query_all(By::new().label_contains("Speichern")).count();
    assert!(found >= 1, "the palette finds Save by its German name");
    let readme = spanwise::ui::key_sheet::key_sheet_markdown();
    assert!(readme.contains("| Ctrl+S | Save |"), "{readme}");
    assert!(!readme.contains("Speichern"));
}

#[test]
fn preferences_saved_before_the_language_setting_load_and_follow_the_system() {
    let old: Prefs = ron::from_str(r#"(coder: Some("anna"), font_size: 18.0, zoom: 1.2)"#).unwrap();
    assert_eq!(old.language, LanguageChoice::System);
    assert_eq!(old.coder.as_deref(), Some("anna"));
    let written = ron::to_string(&Prefs {
        language: LanguageChoice::German,
        ..Prefs::default()
    })
    .unwrap();
    let back: Prefs = ron::from_str(&written).unwrap();
    assert_eq!(back.language, LanguageChoice::German);
}

#[test]
fn a_german_coder_sees_the_status_bar_document_list_and_codings_panel_in_german() {
    let dir = bundled_copy();
    let prefs = Prefs {
        language: LanguageChoice::German,
        ..common::prefs("anna")
    };
    let app = SpanwiseApp::new(prefs, Some(dir.path().to_path_buf()));
    let mut h = Harness::builder()
        .with_max_steps(8)
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    // the status bar, the document list, the codings panel, the toolbar above the article
    for german in [
        "Codierer:in: anna",
        "Projekt-Memo",
        "Fortschritt:",
        "Codierungen",
        "Dokument-Memo",
    ] {
        assert!(
            h.query_all_by_label_contains(german).next().is_some(),
            "{german:?} is not shown"
        );
    }
    assert!(
        h.query_all_by_label_contains(" in diesem Dokument")
            .next()
            .is_some()
    );
    let summary = h.query_all_by_label_contains(" fertig, ").next();
    assert!(
        summary.is_some(),
        "the corpus progress reads … fertig, … in Arbeit"
    );
    for english in [
        "Coder: anna",
        "Project memo",
        "Progress:",
        "Document memo",
        "in this document",
    ] {
        assert!(
            h.query_all_by_label_contains(english).next().is_none(),
            "{english:?} is still English"
        );
    }
}

#[test]
fn the_panels_counts_take_the_plural_form_of_each_language() {
    let codings = |language, n: usize| tr_in(language, "documents-codings", &[("n", n.into())]);
    assert_eq!(codings(Language::English, 1), "1 coding");
    assert_eq!(codings(Language::English, 4), "4 codings");
    assert_eq!(codings(Language::German, 1), "1 Codierung");
    assert_eq!(codings(Language::German, 4), "4 Codierungen");
    let problems = |language, n: usize| tr_in(language, "status-problems", &[("n", n.into())]);
    assert_eq!(
        problems(Language::English, 2),
        "2 problem(s) reading the project: show"
    );
    assert_eq!(
        problems(Language::German, 1),
        "1 Problem beim Lesen des Projekts: anzeigen"
    );
    assert_eq!(
        problems(Language::German, 2),
        "2 Probleme beim Lesen des Projekts: anzeigen"
    );
    let added = |language, n: usize| tr_in(language, "exchange-added", &[("n", n.into())]);
    assert_eq!(
        added(Language::English, 1),
        "Added 1 document(s) to the corpus"
    );
    assert_eq!(
        added(Language::German, 1),
        "1 Dokument zum Korpus hinzugefügt"
    );
    assert_eq!(
        added(Language::German, 5),
        "5 Dokumente zum Korpus hinzugefügt"
    );
}
