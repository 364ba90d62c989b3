//! Exported rows of the two-coder fixture: offsets in chars and UTF-16 slice each text to its
//! quote (CSV, JSON lines, W3C annotations), coders filter rows, the matrix counts.

mod common;

use common::exports::{fixture, text_of};

use spanwise::exchange::{ExportFormat, export};
use spanwise::model::project::Project;

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
