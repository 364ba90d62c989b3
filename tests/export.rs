//! Exports of the two-coder fixture: offsets in chars and UTF-16 match the quotes, `project.qde`
//! validates against the REFI-QDA schema, qdpx round-trips, every format is deterministic, and
//! `spanwise check` catches a stale quote.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use spanwise::exchange::qdpx_import::{ImportError, import_qdpx, import_qdpx_bytes};
use spanwise::exchange::{ExportFormat, export};
use spanwise::model::project::Project;
use spanwise::storage::load_project;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export-two-coders")
}

fn fixture() -> Project {
    let p = load_project(&fixture_dir()).expect("fixture loads");
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    p
}

fn text_of(project: &Project, doc: &str) -> String {
    project
        .corpus
        .documents
        .iter()
        .find(|d| d.meta.id.0 == doc)
        .and_then(|d| d.text.as_ref())
        .expect("document with text")
        .as_str()
        .to_string()
}

/// Checks one exported row's offsets against the corpus; returns the quote.
fn check_offsets(
    project: &Project,
    doc: &str,
    start: usize,
    end: usize,
    s16: usize,
    e16: usize,
    quote: &str,
) {
    let text = text_of(project, doc);
    let by_chars: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(by_chars, quote, "chars {start}..{end} of {doc}");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let by_utf16 = String::from_utf16(&utf16[s16..e16]).unwrap();
    assert_eq!(by_utf16, quote, "UTF-16 {s16}..{e16} of {doc}");
}

fn assert_tricky_spans_present(quotes: &[String]) {
    for needle in [
        "warnen vor Überwachung und Abhängigkeit",
        "die Stadt werde keine Daten weitergeben",
        "„Wir prüfen die Verträge mit Huawei gründlich.“",
        "😀 warnen vor Überwachung",
    ] {
        assert!(
            quotes.iter().any(|q| q == needle),
            "missing span `{needle}`"
        );
    }
    assert!(
        quotes.iter().any(|q| q.contains('\u{a0}')),
        "a span containing the NBSP"
    );
}

#[test]
fn every_csv_row_slices_to_its_quote_in_chars_and_utf16() {
    let project = fixture();
    let out = export(&project, ExportFormat::Csv, &[]).unwrap();
    let mut reader = csv::Reader::from_reader(out.bytes.as_slice());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let (doc, s, e, s16, e16, q) = (
        col("document"),
        col("start"),
        col("end"),
        col("start_utf16"),
        col("end_utf16"),
        col("quote"),
    );
    assert!(headers.iter().any(|h| h == "attr_actor"));
    let mut quotes = Vec::new();
    for record in reader.records() {
        let r = record.unwrap();
        let n = |i: usize| r[i].parse::<usize>().unwrap();
        check_offsets(&project, &r[doc], n(s), n(e), n(s16), n(e16), &r[q]);
        quotes.push(r[q].to_string());
    }
    assert_eq!(quotes.len(), 26);
    assert_eq!(out.codings, 26);
    assert_tricky_spans_present(&quotes);
}

#[test]
fn every_jsonl_row_slices_to_its_quote_and_utf16_differs_after_the_emoji() {
    let project = fixture();
    let out = export(&project, ExportFormat::Jsonl, &[]).unwrap();
    let text = String::from_utf8(out.bytes).unwrap();
    let mut quotes = Vec::new();
    let mut shifted = false;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let n = |k: &str| v[k].as_u64().unwrap() as usize;
        let quote = v["quote"].as_str().unwrap();
        check_offsets(
            &project,
            v["document"].as_str().unwrap(),
            n("start"),
            n("end"),
            n("start_utf16"),
            n("end_utf16"),
            quote,
        );
        shifted |= n("start_utf16") != n("start");
        quotes.push(quote.to_string());
    }
    assert_eq!(quotes.len(), 26);
    assert!(
        shifted,
        "spans after the emoji have UTF-16 offsets ahead of char offsets"
    );
    assert_tricky_spans_present(&quotes);
}

#[test]
fn coder_selection_filters_rows_and_unknown_coders_fail() {
    let project = fixture();
    let out = export(&project, ExportFormat::Jsonl, &["ben".to_string()]).unwrap();
    let text = String::from_utf8(out.bytes).unwrap();
    assert_eq!(text.lines().count(), 13);
    assert!(text.lines().all(|l| l.contains("\"coder\":\"ben\"")));
    assert!(export(&project, ExportFormat::Csv, &["carla".to_string()]).is_err());
}

#[test]
fn matrix_has_a_row_per_document_and_coder_with_counts() {
    let project = fixture();
    let out = export(&project, ExportFormat::Matrix, &[]).unwrap();
    let mut reader = csv::Reader::from_reader(out.bytes.as_slice());
    let headers = reader.headers().unwrap().clone();
    let names: Vec<&str> = headers.iter().collect();
    assert_eq!(
        &names[names.len() - 3..],
        &["n_claim", "n_risk", "n_commitment"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6 * 2);
    let col = |name: &str| names.iter().position(|n| *n == name).unwrap();
    let total: usize = rows
        .iter()
        .map(|r| r[col("codings")].parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, 26);
    let ben_000 = rows
        .iter()
        .find(|r| &r[col("document")] == "000_0616334490931d2e" && &r[col("coder")] == "ben")
        .unwrap();
    let n = |k: &str| ben_000[col(k)].to_string();
    assert_eq!(
        (n("n_claim"), n("n_risk"), n("n_commitment")),
        ("0".into(), "3".into(), "0".into())
    );
    assert_eq!(&ben_000[col("progress")], "not started");
}

#[test]
fn w3c_annotations_carry_quote_and_position_selectors() {
    let project = fixture();
    let out = export(&project, ExportFormat::W3c, &[]).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.bytes).unwrap();
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 26);
    for a in items {
        let sel = a["target"]["selector"].as_array().unwrap();
        let exact = sel[0]["exact"].as_str().unwrap();
        let (start, end) = (
            sel[1]["start"].as_u64().unwrap() as usize,
            sel[1]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(sel[0]["type"], "TextQuoteSelector");
        assert_eq!(sel[1]["type"], "TextPositionSelector");
        let found = project
            .corpus
            .documents
            .iter()
            .filter_map(|d| d.text.as_ref())
            .any(|t| {
                let s: String = t.as_str().chars().skip(start).take(end - start).collect();
                s == exact
                    && t.as_str()
                        .contains(&format!("{}{exact}", sel[0]["prefix"].as_str().unwrap()))
            });
        assert!(found, "selector for `{exact}` does not anchor");
        assert!(a["creator"]["nickname"].as_str().is_some());
    }
}

fn xsd_path() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let local = root.join("tests/fixtures/Project-mrt2019.xsd");
    if local.is_file() {
        return local;
    }
    root.join("../shared/reference/refi-qda/Project-mrt2019.xsd")
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut data).unwrap();
            (f.name().to_string(), data)
        })
        .collect()
}

fn assert_valid_qde(qde: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.qde");
    std::fs::write(&path, qde).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(xsd_path())
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("xmllint is needed to validate project.qde (Debian: apt-get install libxml2-utils): {e}"));
    assert!(
        out.status.success(),
        "project.qde does not validate against {}:\n{}",
        xsd_path().display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_produced_project_qde_validates_against_the_refi_schema() {
    let project = fixture();
    for coders in [vec![], vec!["anna".to_string()], vec!["ben".to_string()]] {
        let out = export(&project, ExportFormat::Qdpx, &coders).unwrap();
        let entries = unzip(&out.bytes);
        assert_eq!(entries[0].0, "project.qde");
        assert_eq!(entries.len(), 1 + project.corpus.documents.len());
        for (name, data) in &entries[1..] {
            assert!(name.starts_with("sources/") && name.ends_with(".txt"));
            assert!(!data.starts_with(b"\xEF\xBB\xBF") && !data.contains(&b'\r'));
        }
        assert_valid_qde(&entries[0].1);
    }
    // A hand-made project through the import path validates too after re-export.
    let dir = tempfile::tempdir().unwrap();
    let qdpx = small_qdpx(&[
        ("project.qde", SMALL_QDE.as_bytes()),
        (
            "sources/AAAAAAAA-0000-0000-0000-000000000001.txt",
            SMALL_TEXT,
        ),
    ]);
    import_qdpx_bytes(&qdpx, "small", &dir.path().join("p")).unwrap();
    let again = export(
        &load_project(&dir.path().join("p")).unwrap(),
        ExportFormat::Qdpx,
        &[],
    )
    .unwrap();
    assert_valid_qde(&unzip(&again.bytes)[0].1);
}

#[test]
fn export_import_round_trip_keeps_documents_codes_coders_and_codings() {
    let project = fixture();
    let out = export(&project, ExportFormat::Qdpx, &[]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fixture.qdpx");
    std::fs::write(&file, &out.bytes).unwrap();
    let report = import_qdpx(&file, &dir.path().join("imported")).unwrap();
    assert!(report.not_carried.is_empty(), "{:?}", report.not_carried);
    assert_eq!(report.codings, 26);
    let back = load_project(&dir.path().join("imported")).unwrap();
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.name, project.name);
    assert_eq!(back.memo, project.memo);
    let texts = |p: &Project| {
        p.corpus
            .documents
            .iter()
            .map(|d| {
                (
                    d.meta.title.clone(),
                    d.text.as_ref().unwrap().as_str().to_string(),
                    d.meta.memo.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&back), texts(&project));
    let codes = |p: &Project| {
        p.codebook
            .codes
            .iter()
            .map(|c| {
                (
                    c.id.0.clone(),
                    c.name.clone(),
                    c.colour.clone(),
                    c.definition.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&back), codes(&project));
    assert_eq!(back.coder_names(), project.coder_names());
    let doc_pos = |p: &Project, id: &spanwise::model::corpus::DocId| p.corpus.index_of(id).unwrap();
    for coder in project.coder_names() {
        let summary = |p: &Project| {
            let mut v: Vec<_> = p
                .coder(&coder)
                .unwrap()
                .codings
                .iter()
                .map(|c| {
                    (
                        doc_pos(p, &c.document),
                        c.start,
                        c.end,
                        c.code.0.clone(),
                        c.quote.clone(),
                        c.memo.clone(),
                        c.created.clone(),
                        c.modified.clone(),
                    )
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(summary(&back), summary(&project), "codings of {coder}");
    }
    assert!(spanwise::analysis::check::check_project(&back).is_empty());
}

#[test]
fn exporting_twice_gives_identical_bytes_in_every_format() {
    let project = fixture();
    for format in ExportFormat::ALL {
        let a = export(&project, format, &[]).unwrap();
        let b = export(&fixture(), format, &[]).unwrap();
        assert!(!a.bytes.is_empty());
        assert!(
            a.bytes == b.bytes,
            "{} export differs between runs",
            format.name()
        );
    }
}

fn copy_fixture(to: &Path) {
    for sub in ["", "corpus", "coding"] {
        std::fs::create_dir_all(to.join(sub)).unwrap();
        for e in std::fs::read_dir(fixture_dir().join(sub)).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                std::fs::copy(e.path(), to.join(sub).join(e.file_name())).unwrap();
            }
        }
    }
}

#[test]
fn check_passes_the_fixture_and_names_a_stale_coding() {
    let bin = env!("CARGO_BIN_EXE_spanwise");
    let ok = Command::new(bin)
        .arg("check")
        .arg(fixture_dir())
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let ben = dir.path().join("coding/ben.ron");
    let text = std::fs::read_to_string(&ben).unwrap();
    let edited = text.replacen(
        "quote: \"Warum will die Stadt dieses Risiko eingehen?\"",
        "quote: \"Warum will die Stadt dieses Risiko tragen?\"",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&ben, edited).unwrap();
    let bad = Command::new(bin)
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&bad.stdout);
    assert_eq!(bad.status.code(), Some(1), "{report}");
    assert!(
        report.contains("ben.ron: coding #2 (document `000_0616334490931d2e`, 265..309)"),
        "{report}"
    );
    assert!(
        report.contains("Risiko tragen?") && report.contains("Risiko eingehen?"),
        "{report}"
    );
    assert_eq!(
        report.lines().filter(|l| l.contains("coding #")).count(),
        1,
        "{report}"
    );
}

#[test]
fn cli_export_writes_the_same_bytes_as_the_library() {
    let bin = env!("CARGO_BIN_EXE_spanwise");
    let out = Command::new(bin)
        .args(["export"])
        .arg(fixture_dir())
        .args(["--format", "csv", "--coder", "anna"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        out.stdout,
        export(&fixture(), ExportFormat::Csv, &["anna".into()])
            .unwrap()
            .bytes
    );
    let refused = Command::new(bin)
        .args(["export"])
        .arg(fixture_dir())
        .args(["--format", "qdpx"])
        .output()
        .unwrap();
    assert!(!refused.status.success(), "qdpx without -o must be refused");
}

const SMALL_TEXT: &[u8] =
    "\u{feff}Zeile eins: Größe\r\n„Zitat“ mit 😀\r\nDritte Zeile Ende\r\n".as_bytes();
const SMALL_QDE: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Klein" origin="hand-made">
  <Users><User guid="{BBBBBBBB-0000-0000-0000-000000000001}" name="Carla"/></Users>
  <CodeBook><Codes><Code guid="CCCCCCCC-0000-0000-0000-000000000001" name="Risk" isCodable="true" color="#D50"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="AAAAAAAA-0000-0000-0000-000000000001" name="klein.txt" plainTextPath="internal://AAAAAAAA-0000-0000-0000-000000000001.txt">
      <PlainTextSelection guid="DDDDDDDD-0000-0000-0000-000000000001" startPosition="19" endPosition="26" creatingUser="bbbbbbbb-0000-0000-0000-000000000001">
        <Coding guid="EEEEEEEE-0000-0000-0000-000000000001"><CodeRef targetGUID="CCCCCCCC-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="DDDDDDDD-0000-0000-0000-000000000002" startPosition="34" endPosition="46" creatingUser="BBBBBBBB-0000-0000-0000-000000000009">
        <Coding guid="EEEEEEEE-0000-0000-0000-000000000002"><CodeRef targetGUID="CCCCCCCC-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="AAAAAAAA-0000-0000-0000-000000000002" name="scan.pdf" path="internal://AAAAAAAA-0000-0000-0000-000000000002.pdf"/>
  </Sources>
</Project>
"##;

fn small_qdpx(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn import_strips_bom_and_crlf_and_keeps_positions_on_the_words() {
    // Positions count code points of the stored text after the BOM, CRs included:
    // "Zeile eins: Größe\r\n" is 19 code points, so 19..26 is „Zitat“; the second line
    // "„Zitat“ mit 😀\r\n" is 15, so 34..46 is "Dritte Zeile".
    let body: Vec<char> = std::str::from_utf8(SMALL_TEXT)
        .unwrap()
        .chars()
        .skip(1)
        .collect();
    assert_eq!(body[19..26].iter().collect::<String>(), "„Zitat“");
    assert_eq!(body[34..46].iter().collect::<String>(), "Dritte Zeile");
    let dir = tempfile::tempdir().unwrap();
    let qdpx = small_qdpx(&[
        ("project.qde", SMALL_QDE.as_bytes()),
        (
            "sources/AAAAAAAA-0000-0000-0000-000000000001.txt",
            SMALL_TEXT,
        ),
    ]);
    let report = import_qdpx_bytes(&qdpx, "small", &dir.path().join("p")).unwrap();
    assert_eq!(report.documents, 1);
    assert_eq!(report.codings, 2);
    assert!(
        report.without_text.iter().any(|l| l.contains("scan.pdf")),
        "{:?}",
        report.without_text
    );
    assert!(
        report
            .not_carried
            .iter()
            .any(|l| l.contains("no known user")),
        "{:?}",
        report.not_carried
    );
    let p = load_project(&dir.path().join("p")).unwrap();
    let text = p.corpus.documents[0]
        .text
        .as_ref()
        .unwrap()
        .as_str()
        .to_string();
    assert_eq!(
        text,
        "Zeile eins: Größe\n„Zitat“ mit 😀\nDritte Zeile Ende\n"
    );
    assert_eq!(p.codebook.codes[0].colour, "#DD5500");
    let carla = p.coder("Carla").expect("coder Carla");
    assert_eq!(carla.codings[0].quote, "„Zitat“");
    assert_eq!(p.coder("unknown").unwrap().codings[0].quote, "Dritte Zeile");
    assert!(
        spanwise::analysis::check::check_project(&p).is_empty(),
        "{:?}",
        spanwise::analysis::check::check_project(&p)
    );
}

#[test]
fn import_refuses_zip_slip_entries() {
    for evil in ["../evil.txt", "/etc/evil.txt", "sources/../../evil.txt"] {
        let dir = tempfile::tempdir().unwrap();
        let qdpx = small_qdpx(&[("project.qde", SMALL_QDE.as_bytes()), (evil, b"x")]);
        let err = import_qdpx_bytes(&qdpx, "evil", &dir.path().join("p")).unwrap_err();
        assert!(
            matches!(err, ImportError::UnsafeEntry(ref n) if n == evil),
            "{evil}: {err}"
        );
        assert!(!dir.path().join("p").exists(), "nothing written for {evil}");
    }
}

#[test]
fn import_refuses_a_non_empty_destination() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "x").unwrap();
    let qdpx = small_qdpx(&[("project.qde", SMALL_QDE.as_bytes())]);
    assert!(matches!(
        import_qdpx_bytes(&qdpx, "x", dir.path()),
        Err(ImportError::DestinationNotEmpty(_))
    ));
}

/// 100,000 codings on one long document, every format; ≤ 1 s each in release
/// (`cargo test --release --test export -- --ignored`), ≤ 15 s in a debug build.
#[test]
#[ignore = "timing; run explicitly"]
fn exports_of_100k_codings_are_fast() {
    let mut project = fixture();
    let doc = project.corpus.documents[5].meta.id.clone();
    let long: String = "Größe „Zitat“\u{a0}und 😀 Text. ".repeat(20_000);
    project.corpus.documents[5].text = Some(spanwise::model::text::DocText::new(long.clone()));
    let text = spanwise::model::text::DocText::new(long);
    let file = project.coder_mut("perf");
    for i in 0..100_000u64 {
        let start = (i as usize * 7) % (text.char_len() - 20);
        let span = spanwise::model::span::Span::new(start, start + 12);
        file.codings.push(spanwise::model::coding::Coding {
            id: spanwise::model::coding::CodingId(i + 1),
            document: doc.clone(),
            code: spanwise::model::codebook::CodeId("risk".into()),
            start: span.start,
            end: span.end,
            quote: text.slice(span).unwrap().to_string(),
            memo: String::new(),
            attributes: Default::default(),
            created: "2024-01-01T00:00:00Z".into(),
            modified: "2024-01-01T00:00:00Z".into(),
        });
    }
    let limit = if cfg!(debug_assertions) { 15.0 } else { 1.0 };
    for format in ExportFormat::ALL {
        let t = std::time::Instant::now();
        let out = export(&project, format, &["perf".to_string()]).unwrap();
        let secs = t.elapsed().as_secs_f64();
        eprintln!("{}: {} codings in {secs:.3} s", format.name(), out.codings);
        if !format.name().starts_with("variables") {
            assert_eq!(out.codings, 100_000);
        }
        assert!(secs <= limit, "{} took {secs:.3} s", format.name());
    }
}
