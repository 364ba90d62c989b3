//! Regenerates `tests/fixtures/export-two-coders/` from the bundled project plus one extra
//! document, with two coders' codings made through the core (so every quote is exact).
//! Run with `cargo test --test make_fixture -- --ignored` and commit the output.

mod common;

use std::path::Path;

use spanwise::model::codebook::CodeId;
use spanwise::model::corpus::{DocId, Document, DocumentMeta, sha256_hex};
use spanwise::model::project::Project;
use spanwise::model::span::Span;
use spanwise::model::text::DocText;
use spanwise::storage;

const EXTRA_ID: &str = "005_stadtrat_nachtrag";
const EXTRA_TEXT: &str = " date 2023-05 Nachtrag: Stadtrat prüft Datenschutz 😀\n\nDer Stadtrat äußerte sich am Dienstag: „Wir prüfen die Verträge mit Huawei gründlich.“ Oberbürgermeister Sören Link sagte,\u{a0}die Stadt werde keine Daten weitergeben. Kritiker 😀 warnen vor Überwachung und Abhängigkeit von chinesischer Technik. Die Grünen fordern, die Kooperation bis Ende 2023 zu beenden.\n";

/// (coder, document, needle, occurrence, code, memo, actor)
type Spec = (
    &'static str,
    &'static str,
    &'static str,
    usize,
    &'static str,
    &'static str,
    &'static str,
);

const CODINGS: &[Spec] = &[
    (
        "anna",
        "000_0616334490931d2e",
        "Huawei ist ein unkalkulierbares Sicherheitsrisiko für Duisburg",
        0,
        "risk",
        "Expert warning, direct quote.",
        "Jan Weidenfeld",
    ),
    (
        "anna",
        "000_0616334490931d2e",
        "Ich würde hier als Kommune äußerste Vorsicht walten lassen.",
        0,
        "claim",
        "",
        "Jan Weidenfeld",
    ),
    (
        "anna",
        "000_0616334490931d2e",
        "jederzeit Datenströme an die kommunistische Partei offenlegen müsse",
        0,
        "commitment",
        "Legal duty to disclose data.",
        "",
    ),
    (
        "anna",
        "001_99c0eed1a29a2b7c",
        "sei Huawei bei der Ausschreibung die beste Lösung gewesen",
        0,
        "claim",
        "",
        "Sören Link",
    ),
    (
        "anna",
        "001_99c0eed1a29a2b7c",
        "Aus Europa gäbe es keine vergleichbaren Lösungen.",
        0,
        "claim",
        "",
        "",
    ),
    (
        "anna",
        "002_15d2e01c1f59b2c6",
        "Zusammenarbeit mit Huawei vereinbarungsgemäß im Oktober ausgelaufen",
        0,
        "commitment",
        "",
        "Stadt Duisburg",
    ),
    (
        "anna",
        "002_15d2e01c1f59b2c6",
        "Erst danach wolle die Stadt die Kooperation mit Huawei neu bewerten.",
        0,
        "commitment",
        "Declared intention to review.",
        "Stadt Duisburg",
    ),
    (
        "anna",
        "003_386f34846738d4eb",
        "haben eine strategische Partnerschaft vereinbart",
        0,
        "commitment",
        "",
        "",
    ),
    (
        "anna",
        "004_b23167567ca44554",
        "„Es geht nicht um ein Modelabel oder um mehr W-Lan auf der Einkaufsstraße, sondern um eine strategische Ausrichtung“",
        0,
        "claim",
        "",
        "Sören Link",
    ),
    (
        "anna",
        EXTRA_ID,
        "„Wir prüfen die Verträge mit Huawei gründlich.“",
        0,
        "commitment",
        "Quote in „“, after umlauts.",
        "Stadtrat",
    ),
    (
        "anna",
        EXTRA_ID,
        "die Stadt werde keine Daten weitergeben",
        0,
        "commitment",
        "After the NBSP.",
        "Sören Link",
    ),
    (
        "anna",
        EXTRA_ID,
        "warnen vor Überwachung und Abhängigkeit",
        0,
        "risk",
        "After the second emoji.",
        "Kritiker",
    ),
    (
        "anna",
        EXTRA_ID,
        "die Kooperation bis Ende 2023 zu beenden",
        0,
        "commitment",
        "",
        "Die Grünen",
    ),
    (
        "ben",
        "000_0616334490931d2e",
        "ein unkalkulierbares Sicherheitsrisiko",
        0,
        "risk",
        "",
        "Jan Weidenfeld",
    ),
    (
        "ben",
        "000_0616334490931d2e",
        "Warum will die Stadt dieses Risiko eingehen?",
        0,
        "risk",
        "Rhetorical question; counts as risk.",
        "",
    ),
    (
        "ben",
        "000_0616334490931d2e",
        "jederzeit Datenströme an die kommunistische Partei offenlegen müsse",
        0,
        "risk",
        "Coded as risk, not commitment (disagreement with anna).",
        "",
    ),
    (
        "ben",
        "001_99c0eed1a29a2b7c",
        "Huawei bei der Ausschreibung die beste Lösung",
        0,
        "claim",
        "",
        "Sören Link",
    ),
    (
        "ben",
        "001_99c0eed1a29a2b7c",
        "In China hat Huawei in Sachen Smart-City nützliche Erfahrung gesammelt",
        0,
        "claim",
        "",
        "Martin Murrack",
    ),
    (
        "ben",
        "002_15d2e01c1f59b2c6",
        "Umstritten war die Zusammenarbeit schon länger",
        0,
        "risk",
        "",
        "",
    ),
    (
        "ben",
        "002_15d2e01c1f59b2c6",
        "Erst danach wolle die Stadt die Kooperation mit Huawei neu bewerten.",
        0,
        "commitment",
        "",
        "Stadt Duisburg",
    ),
    (
        "ben",
        "003_386f34846738d4eb",
        "ein „Memorandum of Understanding“ unterzeichnet",
        0,
        "commitment",
        "MoU signed in Shenzhen.",
        "Sören Link",
    ),
    (
        "ben",
        "004_b23167567ca44554",
        "Stadt, Uni und der chinesische IT-Konzern Huawei gründen „Innovation Center“",
        0,
        "commitment",
        "",
        "",
    ),
    (
        "ben",
        EXTRA_ID,
        "Stadtrat prüft Datenschutz 😀",
        0,
        "claim",
        "Headline including the emoji.",
        "",
    ),
    (
        "ben",
        EXTRA_ID,
        "Wir prüfen die Verträge mit Huawei gründlich.",
        0,
        "commitment",
        "Without the „“ marks.",
        "Stadtrat",
    ),
    (
        "ben",
        EXTRA_ID,
        "Link sagte,\u{a0}die Stadt werde keine Daten weitergeben",
        0,
        "commitment",
        "Span contains the NBSP.",
        "Sören Link",
    ),
    (
        "ben",
        EXTRA_ID,
        "😀 warnen vor Überwachung",
        0,
        "risk",
        "Starts with the emoji.",
        "Kritiker",
    ),
];

fn span_of(text: &str, needle: &str, occurrence: usize) -> Span {
    let byte = text
        .match_indices(needle)
        .nth(occurrence)
        .unwrap_or_else(|| panic!("`{needle}` not found"))
        .0;
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

#[test]
#[ignore = "regenerates the committed fixture"]
fn make_export_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dest = root.join("tests/fixtures/export-two-coders");
    let _ = std::fs::remove_dir_all(&dest);
    common::copy_dir(&root.join("projects/duisburg-huawei"), &dest);
    let extra_path = format!("corpus/{EXTRA_ID}.txt");
    storage::atomic_write(&dest.join(&extra_path), EXTRA_TEXT.as_bytes()).unwrap();
    let mut project: Project = storage::load_project(&dest).unwrap();
    project.corpus.documents.push(Document {
        meta: DocumentMeta {
            id: DocId(EXTRA_ID.into()),
            path: extra_path,
            title: "Nachtrag: Stadtrat prüft Datenschutz 😀".into(),
            date: Some("2023-05".into()),
            source: Some("Spanwise test fixture".into()),
            sha256: sha256_hex(EXTRA_TEXT.as_bytes()),
            memo:
                "Made-up short text with umlauts, „“, a no-break space and emoji, for offset tests."
                    .into(),
        },
        text: Some(DocText::new(EXTRA_TEXT)),
    });
    // Append the entry by hand so the rest of project.ron stays byte-identical to the bundled one.
    let ron_path = dest.join("project.ron");
    let original = std::fs::read_to_string(&ron_path).unwrap();
    let meta = &project.corpus.documents.last().unwrap().meta;
    let entry = format!(
        "        (\n            id: {:?},\n            path: {:?},\n            title: {:?},\n            date: {:?},\n            source: {:?},\n            sha256: {:?},\n            memo: {:?},\n        ),\n    ],\n)\n",
        meta.id.0,
        meta.path,
        meta.title,
        meta.date.as_ref().unwrap(),
        meta.source.as_ref().unwrap(),
        meta.sha256,
        meta.memo
    );
    let head = original
        .strip_suffix("    ],\n)\n")
        .expect("project.ron ends with the document list");
    storage::atomic_write(&ron_path, format!("{head}{entry}").as_bytes()).unwrap();
    let reloaded = storage::load_project(&dest).unwrap();
    assert_eq!(
        reloaded.corpus.documents.len(),
        project.corpus.documents.len()
    );
    assert!(reloaded.problems.is_empty(), "{:?}", reloaded.problems);
    for (i, (coder, doc, needle, nth, code, memo, actor)) in CODINGS.iter().enumerate() {
        let doc = DocId(doc.to_string());
        let text = project.corpus.get(&doc).unwrap().text.clone().unwrap();
        let span = span_of(text.as_str(), needle, *nth);
        let mut coding = project
            .new_coding(coder, &doc, &CodeId(code.to_string()), span)
            .unwrap();
        assert_eq!(coding.quote, *needle);
        coding.memo = memo.to_string();
        if !actor.is_empty() {
            coding.attributes.insert("actor".into(), actor.to_string());
        }
        coding.created = format!("2024-03-{:02}T09:{:02}:00Z", 4 + i % 20, i);
        coding.modified = format!("2024-04-{:02}T10:{:02}:30Z", 1 + i % 20, i);
        project.coder_mut(coder).codings.push(coding);
    }
    storage::save_coder(&project, "anna").unwrap();
    storage::save_coder(&project, "ben").unwrap();
}
