//! Building `.qdpx` fixtures the way the QDA tools write them, and importing them, for the qdpx
//! import tests: zips, positions counted as a tool counts, selections and a `project.qde`.

use std::io::Write;

use spanwise::exchange::qdpx_import::{ImportOptions, ImportReport, import_qdpx_bytes_with};
use spanwise::model::project::Project;
use spanwise::storage::load_project;

pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Where `needle` is in `text` as a tool counts: UTF-16 units or code points, from the start of
/// `text` (which is the text exactly as that tool counted it).
pub fn at(text: &str, needle: &str, utf16: bool) -> (usize, usize) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let count = |s: &str| {
        if utf16 {
            s.encode_utf16().count()
        } else {
            s.chars().count()
        }
    };
    let start = count(&text[..byte]);
    (start, start + count(needle))
}

pub fn import(bytes: &[u8]) -> (ImportReport, Project, tempfile::TempDir) {
    import_with(bytes, ImportOptions::default())
}

pub fn import_with(
    bytes: &[u8],
    options: ImportOptions,
) -> (ImportReport, Project, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("p");
    let report = import_qdpx_bytes_with(bytes, "fixture", &dest, options).unwrap();
    let project = load_project(&dest).unwrap();
    assert!(project.problems.is_empty(), "{:?}", project.problems);
    assert!(
        spanwise::analysis::check::check_project(&project).is_empty(),
        "{:?}",
        spanwise::analysis::check::check_project(&project)
    );
    (report, project, dir)
}

/// Every coding as (coder, document title, code, quote), sorted.
pub fn codings(p: &Project) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for coder in p.coder_names() {
        for c in &p.coder(&coder).unwrap().codings {
            let doc = &p.corpus.documents[p.corpus.index_of(&c.document).unwrap()];
            out.push((
                coder.clone(),
                doc.meta.title.clone(),
                c.code.0.clone(),
                c.quote.clone(),
            ));
        }
    }
    out.sort();
    out
}

pub fn row(coder: &str, doc: &str, code: &str, quote: &str) -> (String, String, String, String) {
    (coder.into(), doc.into(), code.into(), quote.into())
}

pub const USERS: &str = r#"<Users>
    <User guid="{0B1F2C3D-0000-4000-8000-00000000A001}" name="Anna"/>
    <User guid="{0B1F2C3D-0000-4000-8000-00000000B002}" name="Ben"/>
  </Users>"#;
pub const CODES: &str = r##"<CodeBook><Codes>
    <Code guid="C0DE0000-0000-4000-8000-000000000001" name="risk" isCodable="true" color="#D55E00"/>
    <Code guid="C0DE0000-0000-4000-8000-000000000002" name="claim" isCodable="true" color="#0072B2"/>
  </Codes></CodeBook>"##;
pub const ANNA: &str = "{0B1F2C3D-0000-4000-8000-00000000A001}";
pub const BEN: &str = "{0B1F2C3D-0000-4000-8000-00000000B002}";
pub const RISK: &str = "C0DE0000-0000-4000-8000-000000000001";
pub const CLAIM: &str = "C0DE0000-0000-4000-8000-000000000002";

/// A `PlainTextSelection` with one coding; `name` is written when given.
pub fn selection(
    n: usize,
    (start, end): (usize, usize),
    name: Option<&str>,
    marked_by: &str,
    applied_by: &str,
    code: &str,
) -> String {
    let name = name.map_or(String::new(), |q| {
        format!(
            " name=\"{}\"",
            q.replace('&', "&amp;").replace('"', "&quot;")
        )
    });
    format!(
        r#"<PlainTextSelection guid="5E1EC710-0000-4000-8000-{n:012}"{name} startPosition="{start}" endPosition="{end}" creatingUser="{marked_by}" creationDateTime="2024-05-02T09:00:00Z">
        <Coding guid="C0D10000-0000-4000-8000-{n:012}" creatingUser="{applied_by}" creationDateTime="2024-05-02T09:00:00Z"><CodeRef targetGUID="{code}"/></Coding>
      </PlainTextSelection>"#
    )
}

pub fn project_qde(origin: &str, sources: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Fixture" origin="{origin}">
  {USERS}
  {CODES}
  <Sources>
{sources}
  </Sources>
</Project>
"#
    )
}
