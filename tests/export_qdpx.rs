//! The REFI-QDA exchange: every `project.qde` produced validates against the schema, an export
//! comes back whole through the import, and the import keeps positions on the words (BOM, CRLF)
//! and refuses zip-slip entries and a non-empty destination.

mod common;

use common::exports::fixture;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use spanwise::exchange::qdpx_import::{ImportError, import_qdpx, import_qdpx_bytes};
use spanwise::exchange::{ExportFormat, export};
use spanwise::model::project::Project;
use spanwise::storage::load_project;

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
