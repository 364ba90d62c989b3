//! Exports as files: every format is deterministic, the command line writes the library's bytes,
//! `spanwise check` names a stale coding, and exports of 100,000 codings are fast.

mod common;

use common::exports::{fixture, fixture_dir};
use std::path::Path;
use std::process::Command;

use spanwise::exchange::{ExportFormat, export};

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

#[test]
fn a_copy_with_the_chosen_coders_exports_the_same_bytes() {
    let project = fixture();
    let names = project.coder_names();
    assert!(names.len() >= 2, "the fixture has two coders");
    let one = vec![names[0].clone()];
    let copy = project.with_coders(&one);
    assert_eq!(
        copy.coders.len(),
        1,
        "only the chosen coder's codings are copied"
    );
    assert_eq!(copy.with_coders(&[]).coders.len(), 1);
    for format in ExportFormat::ALL {
        let full = export(&project, format, &one).unwrap();
        let part = export(&copy, format, &one).unwrap();
        assert!(
            full.bytes == part.bytes,
            "{} export differs from the copy's",
            format.name()
        );
    }
    assert_eq!(project.with_coders(&[]).coders.len(), names.len());
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

/// 100,000 codings on one long document, every format; ≤ 1 s each in release
/// (`cargo test --release --test export_files -- --ignored`), ≤ 15 s in a debug build.
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
