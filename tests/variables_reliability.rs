//! `spanwise reliability PROJECT_DIR`: α per document variable of the codesheet, at the level of
//! the variable's scale, and α per code present or absent per finished document, each equal to α
//! of the same values given as a units-by-coders CSV file.

mod common;

use std::process::Command as Process;

use spanwise::edit::command::Command;
use spanwise::edit::workspace::Workspace;
use spanwise::model::variable::{Number, Scale, Variable, VariableId};

/// anna's and ben's tone for the five bundled articles (ben differs on the fourth).
const ANNA: [f64; 5] = [-1.0, 0.0, 1.0, 1.0, -1.0];
const BEN: [f64; 5] = [-1.0, 0.0, 1.0, 0.0, -1.0];

fn spanwise(args: &[&str]) -> (bool, String, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_spanwise"))
        .args(args)
        .output()
        .expect("spanwise runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn coded_project() -> tempfile::TempDir {
    let dir = common::bundled_copy();
    let tone = Variable::labelled(
        "tone",
        "Tonalität",
        Scale::Ordinal,
        &[(-1, "negativ"), (0, "neutral"), (1, "positiv")],
    );
    for (coder, values) in [("anna", ANNA), ("ben", BEN)] {
        let mut ws = Workspace::open(dir.path(), coder).unwrap();
        if coder == "anna" {
            let insert = Command::InsertVariable {
                at: 0,
                variable: tone.clone(),
            };
            ws.execute(insert).unwrap();
        }
        for (doc, value) in values.iter().enumerate() {
            let set = Command::SetVariable {
                coder: coder.into(),
                document: ws.project().corpus.documents[doc].meta.id.clone(),
                variable: VariableId("tone".into()),
                value: Some(Number(*value)),
            };
            ws.execute(set).unwrap();
        }
        ws.save().unwrap();
    }
    dir
}

fn alpha(json: &str) -> f64 {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON");
    let report = v.get("variables").map_or(&v, |list| &list[0]["report"]);
    report["alpha"].as_f64().expect("alpha is a number")
}

#[test]
fn each_variable_gets_alpha_at_its_scale_equal_to_the_same_values_as_a_table() {
    let dir = coded_project();
    let root = dir.path().to_str().unwrap();
    let (ok, json, err) = spanwise(&["reliability", root, "--format", "json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["variables"][0]["variable"], "tone");
    assert_eq!(v["variables"][0]["report"]["level"], "ordinal", "{json}");

    let mut csv = String::from("unit,anna,ben\n");
    for (i, (a, b)) in ANNA.iter().zip(BEN).enumerate() {
        csv.push_str(&format!("d{i},{a},{b}\n"));
    }
    let table = dir.path().join("tone.csv");
    std::fs::write(&table, csv).unwrap();
    let args = ["reliability", table.to_str().unwrap(), "--level", "ordinal"];
    let (ok, table_json, err) = spanwise(&[&args[..], &["--format", "json"]].concat());
    assert!(ok, "{err}");
    let (from_project, from_table) = (alpha(&json), alpha(&table_json));
    assert!(from_project < 1.0 && from_project > 0.0, "{from_project}");
    assert!((from_project - from_table).abs() < 1e-12);

    let (ok, text, err) = spanwise(&["reliability", root]);
    assert!(ok, "{err}");
    assert!(text.contains("Variable `tone` (Tonalität)"), "{text}");
    assert!(text.contains("ordinal level"), "{text}");
}

#[test]
fn a_project_without_variables_or_a_csv_without_a_level_is_refused() {
    let dir = common::bundled_copy();
    let (ok, _, err) = spanwise(&["reliability", dir.path().to_str().unwrap()]);
    assert!(!ok, "the bundled project has no coders yet");
    assert!(err.contains("two or more coders"), "{err}");
    let table = dir.path().join("t.csv");
    std::fs::write(&table, "unit,a,b\nu1,1,1\n").unwrap();
    let (ok, _, err) = spanwise(&["reliability", table.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("--level"), "{err}");
}

/// The code-presence table built here from the coder files: one row per document both coders
/// marked done, 1 where the coder used the code there.
fn presence_csv(root: &std::path::Path, code: &str) -> String {
    use spanwise::model::coder::Progress;
    let project = spanwise::storage::load_project(root).unwrap();
    let (anna, ben) = (
        project.coder("anna").unwrap(),
        project.coder("ben").unwrap(),
    );
    let mut csv = String::from("unit,anna,ben\n");
    for doc in &project.corpus.documents {
        let id = &doc.meta.id;
        if anna.progress_of(id) != Progress::Done || ben.progress_of(id) != Progress::Done {
            continue;
        }
        let used = |f: &spanwise::model::coder::CoderFile| {
            u8::from(
                f.codings
                    .iter()
                    .any(|c| &c.document == id && c.code.0 == code),
            )
        };
        csv.push_str(&format!("{},{},{}\n", id.0, used(anna), used(ben)));
    }
    csv
}

#[test]
fn each_code_present_or_absent_gets_alpha_equal_to_the_same_table_as_csv() {
    // ben has not finished the last article: it is not a unit of the presence tables.
    let dir = common::two_coders_with_tone("Ton", true);
    let root = dir.path().to_str().unwrap();
    let (ok, json, err) = spanwise(&["reliability", root, "--format", "json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let presence = &v["code_presence"];
    assert_eq!(presence["documents"].as_array().unwrap().len(), 4, "{json}");
    let codes = presence["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 3, "one table per code of the codebook");
    let mut compared = 0;
    for code in codes {
        let id = code["code"].as_str().unwrap();
        let report = &code["report"];
        assert_eq!(report["level"], "nominal");
        assert_eq!(report["n_units"], 4);
        let table = dir.path().join(format!("{id}.csv"));
        std::fs::write(&table, presence_csv(dir.path(), id)).unwrap();
        let args = ["reliability", table.to_str().unwrap(), "--level", "nominal"];
        let (ok, table_json, err) = spanwise(&[&args[..], &["--format", "json"]].concat());
        assert!(ok, "{err}");
        let t: serde_json::Value = serde_json::from_str(&table_json).unwrap();
        let same = |a: &serde_json::Value, b: &serde_json::Value| match (a.as_f64(), b.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-12,
            _ => a == b,
        };
        assert!(same(&report["alpha"], &t["alpha"]), "{id}: {report} vs {t}");
        let (ours, theirs) = (
            report["coefficients"].as_array().unwrap(),
            t["coefficients"].as_array().unwrap(),
        );
        assert_eq!(ours.len(), theirs.len());
        for (a, b) in ours.iter().zip(theirs) {
            assert_eq!(a["key"], b["key"]);
            assert!(
                same(&a["value"], &b["value"]),
                "{id} {}: {a} vs {b}",
                a["key"]
            );
            assert_eq!(a["cautions"], b["cautions"], "{id}");
        }
        compared += usize::from(t["alpha"].is_f64());
    }
    assert!(compared > 0, "at least one code has a defined alpha");
    let (ok, text, err) = spanwise(&["reliability", root]);
    assert!(ok, "{err}");
    assert!(
        text.contains("Code `risk` present or absent per finished document (4 documents"),
        "{text}"
    );
}
