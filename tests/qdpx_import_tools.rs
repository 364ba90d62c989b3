//! Importing `.qdpx` files shaped like the ones NVivo, QualCoder, ATLAS.ti and MAXQDA write: every
//! coding on its producer's words, sources found in every layout, who coded reported, the reading
//! of positions said and obeyed.
//!
//! Each fixture is built here the way its tool counts positions (the helpers in
//! `tests/common/qdpx.rs` count UTF-16 units or code points on the text as the tool saw it), so the
//! tests check the import against the tool's rule, not against the import's own arithmetic.

use std::process::Command;

use spanwise::exchange::qdpx_import::ImportOptions;
use spanwise::exchange::qdpx_positions::{PositionsChoice, Reading, Unit};

mod common;

use common::qdpx::*;

/// NVivo (Windows): text files with a BOM and CRLF; positions in UTF-16 code units on the text
/// with its CRs (the BOM not counted); two users on one coding.
const NVIVO_TEXT: &str = "Huawei in Duisburg 😀\r\nDie Stadt 🇩🇪 prüft die Verträge.\r\nKritiker warnen vor Abhängigkeit 🔒 und Spionage.\r\nDer Rat stimmt\u{a0}zu.\r\n";

fn nvivo_fixture() -> Vec<u8> {
    let t = NVIVO_TEXT;
    let sels = [
        selection(
            1,
            at(t, "Huawei in Duisburg", true),
            None,
            ANNA,
            ANNA,
            CLAIM,
        ),
        selection(
            2,
            at(t, "prüft die Verträge", true),
            None,
            ANNA,
            ANNA,
            CLAIM,
        ),
        selection(
            3,
            at(t, "Abhängigkeit 🔒 und Spionage", true),
            None,
            BEN,
            ANNA,
            RISK,
        ),
        selection(4, at(t, "Kritiker warnen", true), None, BEN, BEN, RISK),
        selection(
            5,
            at(t, "Der Rat stimmt\u{a0}zu.", true),
            None,
            BEN,
            BEN,
            CLAIM,
        ),
        selection(
            6,
            at(t, "Die Stadt 🇩🇪 prüft", true),
            None,
            ANNA,
            ANNA,
            CLAIM,
        ),
    ]
    .join("\n");
    let qde = project_qde(
        "NVivo 14.24.0.0 (Windows)",
        &format!(
            r#"    <TextSource guid="{{5A0C0000-0000-4000-8000-000000000001}}" name="WAZ 2018-12" plainTextPath="internal://5A0C0000-0000-4000-8000-000000000001.txt">
      {sels}
    </TextSource>"#
        ),
    );
    let mut text = b"\xEF\xBB\xBF".to_vec();
    text.extend_from_slice(t.as_bytes());
    zip(&[
        ("project.qde", qde.as_bytes()),
        ("Sources/5A0C0000-0000-4000-8000-000000000001.txt", &text),
    ])
}

#[test]
fn nvivo_utf16_positions_on_bom_crlf_emoji_text_land_on_the_words() {
    let (report, p, _dir) = import(&nvivo_fixture());
    let doc = "WAZ 2018-12";
    assert_eq!(
        codings(&p),
        vec![
            row("Anna", doc, "claim", "Die Stadt 🇩🇪 prüft"),
            row("Anna", doc, "claim", "Huawei in Duisburg"),
            row("Anna", doc, "claim", "prüft die Verträge"),
            row("Anna", doc, "risk", "Abhängigkeit 🔒 und Spionage"),
            row("Ben", doc, "claim", "Der Rat stimmt\u{a0}zu."),
            row("Ben", doc, "risk", "Kritiker warnen"),
        ]
    );
    let stored = p.corpus.documents[0].text.as_ref().unwrap().as_str();
    assert_eq!(stored, NVIVO_TEXT.replace("\r\n", "\n"));
    assert_eq!(
        report.reading,
        Some(Reading {
            unit: Unit::Utf16,
            bom: false,
            crs: true
        })
    );
    assert!(
        report.reading_reason.contains("6/6 selections placed"),
        "{}",
        report.reading_reason
    );
    assert!(
        report.reading_reason.contains("NVivo"),
        "{}",
        report.reading_reason
    );
    assert!(report.unplaced.is_empty(), "{:?}", report.unplaced);
    // Selection 3 was marked by Ben and coded by Anna: filed under Anna, and said so.
    assert_eq!(report.coders_note.len(), 1, "{:?}", report.coders_note);
    let note = &report.coders_note[0];
    assert!(
        note.starts_with("1 coding(s)")
            && note.contains("`Anna` applied the code, `Ben` made the selection"),
        "{note}"
    );
}

#[test]
fn forcing_code_points_is_obeyed_and_said() {
    let options = ImportOptions {
        positions: PositionsChoice::CodePoints,
    };
    let (report, p, _dir) = import_with(&nvivo_fixture(), options);
    assert_eq!(report.reading.unwrap().unit, Unit::CodePoints);
    assert!(
        report
            .reading_reason
            .starts_with("unit forced by --positions"),
        "{}",
        report.reading_reason
    );
    // Read as code points, the selections after the first emoji move: what the user asked for.
    assert!(!codings(&p).iter().any(|c| c.3 == "prüft die Verträge"));
}

#[test]
fn cli_prints_the_reading_and_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nvivo.qdpx");
    std::fs::write(&file, nvivo_fixture()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_spanwise"))
        .arg("import-qdpx")
        .arg(&file)
        .arg(dir.path().join("p"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("positions read as UTF-16 code units, BOM not counted, CR of CRLF counted: 6/6 selections placed"),
        "{stdout}"
    );
    assert!(stdout.contains("who coded (1):"), "{stdout}");
    let bad = Command::new(env!("CARGO_BIN_EXE_spanwise"))
        .args(["import-qdpx", "--positions", "bytes"])
        .arg(&file)
        .arg(dir.path().join("q"))
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("codepoints, utf16, auto"));
}

/// QualCoder: `plainTextPath` a bare file name in `sources/`, texts written with a BOM and (with
/// its "MAXQDA line endings" option) CRLF, positions counted on its own LF text; names are quotes.
const BOARD: &str = "Sitzung des Rates\nDer Rat beschließt die Smart-City-Kooperation.\nDie Opposition nennt das „naiv“.\nAbstimmung: 31 zu 12.\n";

fn qualcoder_fixture() -> Vec<u8> {
    let t = BOARD;
    let sels = [
        selection(
            1,
            at(t, "beschließt die Smart-City-Kooperation", false),
            Some("beschließt die Smart-City-Kooperation"),
            ANNA,
            ANNA,
            CLAIM,
        ),
        selection(
            2,
            at(t, "Die Opposition nennt das „naiv“.", false),
            Some("Die Opposition nennt das „naiv“."),
            BEN,
            BEN,
            RISK,
        ),
        selection(
            3,
            at(t, "Abstimmung: 31 zu 12.", false),
            Some("Abstimmung: 31 zu 12."),
            ANNA,
            ANNA,
            CLAIM,
        ),
        // The file's quote no longer matches its place (edited after coding): listed, not moved.
        selection(
            4,
            at(t, "Sitzung des Rates", false),
            Some("Sitzung des Kreistages"),
            BEN,
            BEN,
            CLAIM,
        ),
    ]
    .join("\n");
    let qde = project_qde(
        "QualCoder 3.5",
        &format!(
            r#"    <TextSource guid="7E470000-0000-4000-8000-000000000001" name="board_2017.txt" plainTextPath="board_2017.txt" creatingUser="{ANNA}">
      {sels}
    </TextSource>"#
        ),
    );
    let mut text = b"\xEF\xBB\xBF".to_vec();
    text.extend_from_slice(t.replace('\n', "\r\n").as_bytes());
    zip(&[
        ("project.qde", qde.as_bytes()),
        ("sources/board_2017.txt", &text),
    ])
}

#[test]
fn qualcoder_bare_plain_text_path_is_found_and_quotes_are_checked() {
    let (report, p, _dir) = import(&qualcoder_fixture());
    let doc = "board_2017.txt";
    assert_eq!(report.documents, 1);
    assert_eq!(
        codings(&p),
        vec![
            row("Anna", doc, "claim", "Abstimmung: 31 zu 12."),
            row(
                "Anna",
                doc,
                "claim",
                "beschließt die Smart-City-Kooperation"
            ),
            row("Ben", doc, "risk", "Die Opposition nennt das „naiv“."),
        ]
    );
    let r = report.reading.unwrap();
    assert_eq!((r.unit, r.bom, r.crs), (Unit::CodePoints, false, false));
    assert!(
        report.reading_reason.contains("3/4 quotes match"),
        "{}",
        report.reading_reason
    );
    assert_eq!(report.unplaced.len(), 1, "{:?}", report.unplaced);
    let line = &report.unplaced[0];
    assert!(
        line.contains("`board_2017.txt`, code `claim`: 0..17")
            && line.contains("`Sitzung des Kreistages`")
            && line.contains("`Sitzung des Rates`"),
        "{line}"
    );
}

/// ATLAS.ti: `Project.qde` and `Sources/` capitalised with upper-case names, each text's `.txt`
/// beside its `.docx`, a PDF's text as its `Representation`, a CRLF counted as one character,
/// quotes cut short with `...`; a document with no text and a picture.
const DIARY: &str = "Tagebuch 3\r\nMorgens: Kaffee und Zeitung.\r\nDie Zeitung schreibt über Huawei und die Stadt.\r\n";
const FLYER: &str =
    "Smart City Duisburg\r\nSchnelles WLAN für alle Bürger.\r\nGefördert durch das Land.\r\n";

fn atlas_fixture() -> Vec<u8> {
    let lf = |s: &str| s.replace("\r\n", "\n");
    let (d, f) = (lf(DIARY), lf(FLYER));
    let diary_sels = [
        selection(
            1,
            at(&d, "Kaffee und Zeitung", false),
            Some("Kaffee und Zeitung"),
            ANNA,
            ANNA,
            CLAIM,
        ),
        selection(
            2,
            at(&d, "Die Zeitung schreibt über Huawei und die Stadt.", false),
            Some("Die Zeitung schreibt über Huawei..."),
            ANNA,
            ANNA,
            RISK,
        ),
    ]
    .join("\n");
    let flyer_sels = [
        selection(
            3,
            at(&f, "Schnelles WLAN für alle Bürger.", false),
            Some("Schnelles WLAN für alle Bürger."),
            BEN,
            BEN,
            CLAIM,
        ),
        selection(
            4,
            at(&f, "Gefördert durch das Land", false),
            Some("Gefördert durch das Land"),
            BEN,
            BEN,
            CLAIM,
        ),
    ]
    .join("\n");
    let qde = project_qde(
        "ATLAS.ti 23.2.1 (Windows)",
        &format!(
            r#"    <TextSource guid="A7A50000-0000-4000-8000-000000000001" name="Tagebuch 3.docx" richTextPath="internal://A7A50000-0000-4000-8000-0000000000D1.docx" plainTextPath="internal://A7A50000-0000-4000-8000-0000000000F1.txt">
      {diary_sels}
    </TextSource>
    <PDFSource guid="A7A50000-0000-4000-8000-000000000002" name="Flyer.pdf" path="internal://A7A50000-0000-4000-8000-0000000000D2.pdf">
      <PDFSelection guid="A7A50000-0000-4000-8000-0000000000E1" page="0" firstX="1" firstY="1" secondX="9" secondY="9"><Representation guid="A7A50000-0000-4000-8000-0000000000E2"><PlainTextContent>x</PlainTextContent></Representation><Coding guid="A7A50000-0000-4000-8000-0000000000E3"><CodeRef targetGUID="{CLAIM}"/></Coding></PDFSelection>
      <Representation guid="A7A50000-0000-4000-8000-0000000000F2" plainTextPath="internal://A7A50000-0000-4000-8000-0000000000F2.txt" name="Representation_for_Flyer.pdf">
        {flyer_sels}
      </Representation>
    </PDFSource>
    <TextSource guid="A7A50000-0000-4000-8000-000000000003" name="Interview.docx" richTextPath="internal://A7A50000-0000-4000-8000-0000000000D3.docx"/>
    <PictureSource guid="A7A50000-0000-4000-8000-000000000004" name="Plakat.jpg" path="internal://A7A50000-0000-4000-8000-0000000000D4.jpg"/>"#
        ),
    );
    zip(&[
        ("Project.qde", qde.as_bytes()),
        (
            "Sources/A7A50000-0000-4000-8000-0000000000D1.DOCX",
            b"PK-docx",
        ),
        (
            "Sources/A7A50000-0000-4000-8000-0000000000F1.TXT",
            DIARY.as_bytes(),
        ),
        (
            "Sources/A7A50000-0000-4000-8000-0000000000D2.PDF",
            b"%PDF-1.4",
        ),
        (
            "Sources/A7A50000-0000-4000-8000-0000000000F2.TXT",
            FLYER.as_bytes(),
        ),
        (
            "Sources/A7A50000-0000-4000-8000-0000000000D3.DOCX",
            b"PK-docx",
        ),
        (
            "Sources/A7A50000-0000-4000-8000-0000000000D4.JPG",
            b"\xFF\xD8",
        ),
    ])
}

#[test]
fn atlas_ti_pdf_representation_docx_beside_txt_and_crlf_as_one() {
    let (report, p, _dir) = import(&atlas_fixture());
    assert_eq!(
        report.documents, 2,
        "the docx without text and the picture are not counted"
    );
    assert_eq!(
        codings(&p),
        vec![
            row("Anna", "Tagebuch 3.docx", "claim", "Kaffee und Zeitung"),
            row(
                "Anna",
                "Tagebuch 3.docx",
                "risk",
                "Die Zeitung schreibt über Huawei und die Stadt."
            ),
            row("Ben", "Flyer.pdf", "claim", "Gefördert durch das Land"),
            row(
                "Ben",
                "Flyer.pdf",
                "claim",
                "Schnelles WLAN für alle Bürger."
            ),
        ]
    );
    let r = report.reading.unwrap();
    assert!(!r.crs, "ATLAS.ti counts a CRLF as one: {r}");
    assert!(
        report.reading_reason.contains("4/4 quotes match"),
        "{}",
        report.reading_reason
    );
    assert_eq!(report.without_text.len(), 2, "{:?}", report.without_text);
    assert!(
        report.without_text[0].contains("PictureSource `Plakat.jpg`"),
        "{:?}",
        report.without_text
    );
    assert!(
        report.without_text[1].contains("TextSource `Interview.docx`: only `internal://A7A50000-0000-4000-8000-0000000000D3.docx`, no plain-text representation"),
        "{:?}",
        report.without_text
    );
    assert!(
        report
            .not_carried
            .iter()
            .any(|l| l.contains("`Flyer.pdf`: 1 coding(s) of page areas")),
        "{:?}",
        report.not_carried
    );
}

/// MAXQDA: lower-case `sources/`, CRs counted, a memo as a selection without a code, one text
/// inline, one only as the `.txt` of the same name beside its `.docx`.
const LETTER: &str = "Brief an den Rat\r\nWir fordern Transparenz.\r\nMit freundlichen Grüßen\r\n";
const PRESS: &str = "Pressemitteilung\r\nDie Stadt beendet die Kooperation.\r\n";

fn maxqda_fixture() -> Vec<u8> {
    let letter_sels = [
        selection(
            1,
            at(LETTER, "Wir fordern Transparenz.", false),
            None,
            ANNA,
            ANNA,
            CLAIM,
        ),
        selection(
            2,
            at(LETTER, "Mit freundlichen Grüßen", false),
            None,
            BEN,
            BEN,
            CLAIM,
        ),
    ]
    .join("\n");
    let (s, e) = at(PRESS, "Die Stadt beendet die Kooperation.", false);
    let press_sels = format!(
        r#"{}
      <PlainTextSelection guid="5E1EC710-0000-4000-8000-0000000000AA" startPosition="0" endPosition="16" creatingUser="{BEN}"><Description>Titel prüfen</Description></PlainTextSelection>"#,
        selection(3, (s, e), None, BEN, BEN, RISK)
    );
    let qde = project_qde(
        "MAXQDA 24 (Release 24.1.0)",
        &format!(
            r#"    <TextSource guid="3A000000-0000-4000-8000-000000000001" name="Brief" richTextPath="internal://3A000000-0000-4000-8000-000000000001.docx">
      {letter_sels}
    </TextSource>
    <TextSource guid="3A000000-0000-4000-8000-000000000002" name="Pressemitteilung">
      <PlainTextContent>{}</PlainTextContent>
      {press_sels}
    </TextSource>"#,
            PRESS.replace('\r', "&#13;")
        ),
    );
    zip(&[
        ("project.qde", qde.as_bytes()),
        (
            "sources/3A000000-0000-4000-8000-000000000001.docx",
            b"PK-docx",
        ),
        (
            "sources/3A000000-0000-4000-8000-000000000001.txt",
            LETTER.as_bytes(),
        ),
    ])
}

#[test]
fn maxqda_txt_beside_docx_inline_text_and_uncoded_memo() {
    let (report, p, _dir) = import(&maxqda_fixture());
    assert_eq!(report.documents, 2);
    assert_eq!(
        codings(&p),
        vec![
            row("Anna", "Brief", "claim", "Wir fordern Transparenz."),
            row("Ben", "Brief", "claim", "Mit freundlichen Grüßen"),
            row(
                "Ben",
                "Pressemitteilung",
                "risk",
                "Die Stadt beendet die Kooperation."
            ),
        ]
    );
    assert!(report.reading.unwrap().crs);
    assert!(
        report.not_carried.iter().any(|l| l.contains("has no code")),
        "{:?}",
        report.not_carried
    );
}

/// Writes the fixtures as `.qdpx` files into `$QDPX_FIXTURE_DIR`, to try them on another build or
/// tool: `QDPX_FIXTURE_DIR=/tmp/f cargo test --test qdpx_import_tools -- --ignored write_fixtures`.
#[test]
#[ignore = "writes files; run explicitly"]
fn write_fixtures() {
    let dir =
        std::path::PathBuf::from(std::env::var("QDPX_FIXTURE_DIR").expect("QDPX_FIXTURE_DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        ("nvivo", nvivo_fixture()),
        ("qualcoder", qualcoder_fixture()),
        ("atlas", atlas_fixture()),
        ("maxqda", maxqda_fixture()),
    ] {
        std::fs::write(dir.join(format!("{name}.qdpx")), bytes).unwrap();
    }
}
