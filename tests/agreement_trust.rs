//! Agreement figures a reviewer can trust (issue 15): only finished documents by default, with
//! the used and left-out lists; an invalid coding stops `spanwise agreement` (or is left out and
//! counted with `--skip-invalid`); cautions with their reasons; the coder matrix; per-document
//! and document-averaged figures; the versioned JSON keys; and the same rule in the window.

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use spanwise::analysis::agreement::{self, Figure, Grouping, Options};
use spanwise::model::codebook::{Code, CodeId};
use spanwise::model::coder::{CoderFile, Progress};
use spanwise::model::coding::Coding;
use spanwise::model::corpus::{DocId, Document};
use spanwise::model::project::Project;
use spanwise::storage;

/// The fixture's last article; ben has not finished it in the "unfinished" set-up.
const LAST: &str = "004_b23167567ca44554";

fn spanwise(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_spanwise"))
        .arg("agreement")
        .arg(dir)
        .args(args)
        .output()
        .expect("the binary runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (
        out.status.code().unwrap_or(-1),
        text(out.stdout),
        text(out.stderr),
    )
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = spanwise(dir, &all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("JSON output")
}

fn alpha(figures: &Value) -> f64 {
    figures["alpha_u"]["alpha"]
        .as_f64()
        .expect("a defined alpha")
}

/// Changes one coder's file on disk through the library.
fn edit_coder(dir: &Path, coder: &str, change: impl FnOnce(&mut CoderFile)) {
    let mut project = storage::load_project(dir).unwrap();
    change(project.coder_mut(coder));
    storage::save_coder(&project, coder).unwrap();
}

/// The fixture with ben's work on the last article unfinished: in progress, nothing coded yet.
fn unfinished() -> tempfile::TempDir {
    let dir = common::fixture_copy("two-coders");
    edit_coder(dir.path(), "ben", |ben| {
        ben.progress
            .insert(DocId(LAST.into()), Progress::InProgress);
        ben.codings.retain(|c| c.document.0 != LAST);
    });
    dir
}

/// The fixture without the last article at all.
fn without_last() -> tempfile::TempDir {
    let dir = common::fixture_copy("two-coders");
    let mut project = storage::load_project(dir.path()).unwrap();
    project.corpus.documents.retain(|d| d.meta.id.0 != LAST);
    for file in project.coders.values_mut() {
        file.codings.retain(|c| c.document.0 != LAST);
        file.progress.remove(&DocId(LAST.into()));
    }
    storage::save_project_file(&project).unwrap();
    for coder in ["anna", "ben"] {
        storage::save_coder(&project, coder).unwrap();
    }
    dir
}

#[test]
fn an_unfinished_article_no_longer_moves_alpha_u() {
    let dir = unfinished();
    let reference = alpha(&json(without_last().path(), &[])["overall"]);
    let report = json(dir.path(), &[]);
    assert_eq!(
        alpha(&report["overall"]),
        reference,
        "the unfinished article is left out, as if it were not in the project"
    );
    let counted = alpha(&json(dir.path(), &["--include-unfinished"])["overall"]);
    assert!(
        counted < reference - 0.05,
        "counted as coded nothing, the article pulls alpha_U down: {counted} vs {reference}"
    );
    // The per-code rows follow the same rule.
    let rows = |v: &Value| v["rows"].as_array().unwrap().clone();
    let without = json(without_last().path(), &[]);
    for (a, b) in rows(&report).iter().zip(rows(&without)) {
        assert_eq!(a["alpha_u"]["alpha"], b["alpha_u"]["alpha"], "{}", a["key"]);
    }
}

#[test]
fn the_output_lists_the_documents_used_and_left_out() {
    let dir = unfinished();
    let report = json(dir.path(), &[]);
    let documents = &report["documents"];
    assert_eq!(documents["rule"], "finished");
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids(&documents["used"]),
        [
            "000_0616334490931d2e",
            "001_99c0eed1a29a2b7c",
            "002_15d2e01c1f59b2c6",
            "003_386f34846738d4eb"
        ]
    );
    assert_eq!(ids(&documents["left_out"]), [LAST]);
    assert_eq!(
        documents["left_out"][0]["reason"],
        "not done by ben (in progress)"
    );
    assert_eq!(documents["left_out"][0]["unfinished_by"][0]["coder"], "ben");

    let (code, table, err) = spanwise(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        table.contains("Documents: 4 of 5 used (those every compared coder marked done"),
        "{table}"
    );
    assert!(
        table.contains(&format!("left out: {LAST} (not done by ben (in progress))")),
        "{table}"
    );
    let (_, all, _) = spanwise(dir.path(), &["--include-unfinished"]);
    assert!(all.contains("Documents: 5 of 5 used"), "{all}");
    assert!(
        all.contains(&format!("{LAST} (not done by ben (in progress))")),
        "the unfinished article is named among the used ones: {all}"
    );
}

#[test]
fn no_finished_document_stops_with_the_reason() {
    let dir = common::fixture_copy("two-coders");
    edit_coder(dir.path(), "ben", |ben| ben.progress.clear());
    let (code, out, err) = spanwise(dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(err.contains("no document can be used"), "{err}");
    assert!(err.contains("not done by ben (not started)"), "{err}");
    assert!(err.contains("--include-unfinished"), "{err}");
}

/// Replaces the first `from` in a coder file after `after` and returns the 1-based line and
/// column where the replacement begins.
fn corrupt(dir: &Path, coder: &str, after: &str, from: &str, to: &str) -> (usize, usize) {
    let path = dir.join(format!("coding/{coder}.ron"));
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.find(after).unwrap() + after.len();
    let at = at + text[at..].find(from).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    let changed = format!("{}{to}{}", &text[..at], &text[at + from.len()..]);
    std::fs::write(&path, changed).unwrap();
    (line, column)
}

/// Ben's coding 2 reaches past its text's end, anna's coding 3 has a code not in the codebook.
fn two_invalid_codings(dir: &Path) -> [(String, usize, usize); 2] {
    let text = std::fs::read_to_string(dir.join("coding/ben.ron")).unwrap();
    let end = text.split("id: 2,").nth(1).unwrap();
    let end = end[end.find("end: ").unwrap() + 5..]
        .split(',')
        .next()
        .unwrap();
    let (bl, bc) = corrupt(dir, "ben", "id: 2,", &format!("end: {end}"), "end: 999999");
    let (al, ac) = corrupt(dir, "anna", "id: 3,", "code: \"", "code: \"frame");
    [("ben".into(), bl, bc), ("anna".into(), al, ac)]
}

#[test]
fn an_invalid_coding_stops_the_command_naming_file_line_and_column() {
    let dir = common::fixture_copy("two-coders");
    let [(_, line, column), _] = two_invalid_codings(dir.path());
    let (code, out, err) = spanwise(dir.path(), &[]);
    assert_eq!(code, 1, "exit code 1, got {code}: {out}");
    assert!(out.is_empty(), "no figures are printed: {out}");
    let ben = format!("coding/ben.ron:{line}:{column}:");
    assert!(err.contains(&ben), "names {ben}: {err}");
    assert!(err.contains("past the end"), "{err}");
    assert!(err.contains("not in the codebook"), "{err}");
    assert!(err.contains("--skip-invalid"), "says how to go on: {err}");
}

#[test]
fn skip_invalid_leaves_out_only_the_invalid_codings_and_names_them() {
    let dir = common::fixture_copy("two-coders");
    let [(_, bl, bc), (_, al, ac)] = two_invalid_codings(dir.path());
    let (code, table, err) = spanwise(dir.path(), &["--skip-invalid"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("--skip-invalid left out 2 invalid coding(s)"),
        "{err}"
    );
    for at in [
        format!("coding/ben.ron:{bl}:{bc}:"),
        format!("coding/anna.ron:{al}:{ac}:"),
    ] {
        assert!(err.contains(&at), "{at} in {err}");
        assert!(table.contains(&at), "{at} in {table}");
    }
    assert!(
        table.contains("Left out by --skip-invalid: 2 invalid coding(s)"),
        "{table}"
    );
    let report = json(dir.path(), &["--skip-invalid"]);
    assert_eq!(report["skipped_codings"].as_array().unwrap().len(), 2);
    // Each coder keeps the rest of their file: 15 and 13 codings in the fixture.
    assert_eq!(report["overall"]["codings"], serde_json::json!([14, 12]));
}

/// One document and a codebook of `claim` and `risk`, with two coders' codings
/// (coder, code, start, end) and every document done by both.
fn small_project(text: &str, codings: &[(&str, &str, usize, usize)]) -> Project {
    let code = |id: &str| Code::plain(id, "#000000");
    let mut project = Project::new(
        "/nonexistent",
        "t",
        spanwise::model::codebook::Codebook {
            codes: vec![code("claim"), code("risk")],
        },
        vec![Document::in_memory("d", "Überblick", text)],
    );
    let chars: Vec<char> = text.chars().collect();
    for coder in ["anna", "ben"] {
        let file = project.coder_mut(coder);
        file.progress.insert(DocId("d".into()), Progress::Done);
    }
    for &(coder, code, start, end) in codings {
        let file = project.coder_mut(coder);
        let id = file.next_id();
        file.codings.push(Coding {
            id,
            document: DocId("d".into()),
            code: CodeId(code.into()),
            start,
            end,
            quote: chars[start..end].iter().collect(),
            memo: String::new(),
            attributes: Default::default(),
            created: String::new(),
            modified: String::new(),
        });
    }
    project
}

fn anna_ben() -> Vec<String> {
    vec!["anna".into(), "ben".into()]
}

#[test]
fn offsets_are_characters_with_umlauts_quotes_nbsp_and_emoji() {
    // 28 chars, 40 bytes in UTF-8: the continuum is counted in chars.
    let text = "„Grüße“ aus Duisburg\u{a0}🙂 – ok.";
    assert_eq!((text.chars().count(), text.len()), (28, 40));
    let p = small_project(text, &[("anna", "claim", 0, 7), ("ben", "claim", 0, 7)]);
    let r = agreement::compute(&p, &anna_ben(), Grouping::Code).unwrap();
    assert_eq!(r.overall.alpha_u, Figure::Value(1.0));
    assert_eq!(r.overall.n_pairable, 2 * 28);
    assert_eq!(r.rows[0].figures.n_units, 2);
}

#[test]
fn a_code_used_twice_gets_a_caution_not_a_plain_value() {
    let text = "x".repeat(1000);
    // claim: many agreeing codings; risk: one coding each, far apart.
    let mut codings: Vec<(&str, &str, usize, usize)> = Vec::new();
    for i in 0..12 {
        codings.push(("anna", "claim", 20 * i, 20 * i + 10));
        codings.push(("ben", "claim", 20 * i, 20 * i + 10));
    }
    codings.push(("anna", "risk", 300, 301));
    codings.push(("ben", "risk", 900, 901));
    let p = small_project(&text, &codings);
    let r = agreement::compute(&p, &anna_ben(), Grouping::Code).unwrap();
    let risk = &r.rows[1].figures;
    assert!(risk.alpha_u.value().unwrap() < 0.0, "{:?}", risk.alpha_u);
    let reasons: Vec<String> = risk.cautions.iter().map(|c| c.message()).collect();
    assert!(
        reasons
            .iter()
            .any(|m| m.contains("rests on 2 unit(s), fewer than 10")),
        "{reasons:?}"
    );
    // 24 agreeing units are fine; only (k)u-alpha, with no second code where the coders' units
    // meet, has nothing to correct for (a family figure's caution since the family has them)
    let claim: Vec<String> = r.rows[0]
        .figures
        .cautions
        .iter()
        .map(|c| c.message())
        .collect();
    assert!(
        claim
            .iter()
            .all(|m| m.starts_with("(k)u-alpha has no variation")),
        "24 agreeing units are fine: {claim:?}"
    );
}

#[test]
fn cautions_are_marked_in_the_table_and_keyed_in_json() {
    let dir = common::fixture_copy("two-coders");
    // A code nobody used, and commitment down to one coding per coder.
    let mut project = storage::load_project(dir.path()).unwrap();
    project
        .codebook
        .codes
        .push(Code::plain("framing", "#999999"));
    storage::save_project_file(&project).unwrap();
    for coder in ["anna", "ben"] {
        edit_coder(dir.path(), coder, |f| {
            let mut kept = false;
            f.codings.retain(|c| {
                let keep = c.code.0 != "commitment" || !kept;
                kept |= c.code.0 == "commitment";
                keep
            });
        });
    }
    let report = json(dir.path(), &[]);
    let row = |key: &str| {
        report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == key)
            .unwrap()
            .clone()
    };
    let commitment = row("commitment");
    assert_eq!(commitment["alpha_u"]["n_units"], 2);
    let caution = &commitment["cautions"][0];
    assert_eq!(caution["reason"], "few_units");
    assert_eq!(caution["units"], 2);
    assert!(caution["measure"].is_null(), "the whole row: {caution}");
    let framing = row("framing");
    assert!(framing["alpha_u"]["alpha"].is_null());
    assert_eq!(framing["cautions"][0]["measure"], "alpha_u");
    assert_eq!(framing["cautions"][0]["reason"], "no_units");

    let (code, table, err) = spanwise(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let line = table.lines().find(|l| l.starts_with("commitment")).unwrap();
    assert!(line.contains('!'), "cautioned figures are marked: {line}");
    assert!(
        !table
            .lines()
            .find(|l| l.starts_with("claim"))
            .unwrap()
            .contains('!'),
        "{table}"
    );
    assert!(
        table.contains("Cautions (! marks the figures concerned)"),
        "{table}"
    );
    assert!(
        table.contains("commitment: every figure rests on 2 unit(s), fewer than 10"),
        "{table}"
    );
    assert!(
        table.contains("framing: alpha_U is not defined: nobody coded"),
        "{table}"
    );
}

#[test]
fn three_coders_get_a_coder_matrix() {
    let dir = common::fixture_copy("two-coders");
    let mut project = storage::load_project(dir.path()).unwrap();
    let mut carl = project.coder("anna").unwrap().clone();
    carl.coder = "carl".into();
    project.coders.insert("carl".into(), carl);
    storage::save_coder(&project, "carl").unwrap();
    let two = json(dir.path(), &["--coders", "anna,ben"]);
    assert!(two["matrix"].as_array().unwrap().is_empty());
    let three = json(dir.path(), &["--coders", "anna,ben,carl"]);
    let matrix = three["matrix"].as_array().unwrap();
    let pair = |a: &str, b: &str| {
        matrix
            .iter()
            .find(|p| p["coders"] == serde_json::json!([a, b]))
            .unwrap_or_else(|| panic!("pair {a} {b}"))
    };
    assert_eq!(matrix.len(), 3);
    assert_eq!(alpha(pair("anna", "carl")), 1.0, "carl's file is anna's");
    assert_eq!(alpha(pair("anna", "ben")), alpha(&two["overall"]));
    assert_eq!(alpha(pair("ben", "carl")), alpha(&two["overall"]));
    assert_eq!(pair("anna", "ben")["kappa"]["measure"], "cohen_kappa");
    assert_eq!(three["overall"]["kappa"]["measure"], "fleiss_kappa");
    let (_, table, _) = spanwise(dir.path(), &["--coders", "anna,ben,carl"]);
    assert!(
        table.contains("Coder matrix: alpha_U, all codes"),
        "{table}"
    );
    let carl_row = table
        .lines()
        .skip_while(|l| !l.starts_with("Coder matrix: alpha_U"))
        .find(|l| l.starts_with("carl"))
        .unwrap();
    assert!(carl_row.contains("1.000"), "{carl_row}");
}

#[test]
fn per_document_figures_and_their_average() {
    let dir = common::fixture_copy("two-coders");
    let by_doc = json(dir.path(), &["--by", "document"]);
    let rows = by_doc["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let alphas: Vec<f64> = rows
        .iter()
        .filter_map(|r| r["alpha_u"]["alpha"].as_f64())
        .collect();
    let mean = alphas.iter().sum::<f64>() / alphas.len() as f64;
    let averaged = json(dir.path(), &["--average", "documents"]);
    assert_eq!(averaged["average"], "documents");
    assert!((alpha(&averaged["overall"]) - mean).abs() < 1e-12);
    let continuum = alpha(&by_doc["overall"]);
    assert_ne!(continuum, alpha(&averaged["overall"]));
    let (_, table, _) = spanwise(dir.path(), &["--average", "documents"]);
    assert!(table.contains("means over the used documents"), "{table}");
}

#[test]
fn precision_and_recall_follow_the_reference_coder() {
    let dir = common::fixture_copy("two-coders");
    let anna = json(dir.path(), &[]);
    let ben = json(dir.path(), &["--reference", "ben"]);
    assert_eq!(anna["reference"], "anna");
    assert_eq!(ben["reference"], "ben");
    let f1 = |v: &Value, k: &str| v["overall"]["overlap_f1"][k].as_f64().unwrap();
    // anna has 15 codings, ben 13, 10 overlap pairs: ben's precision 10/13, recall 10/15.
    assert!((f1(&anna, "precision") - 10.0 / 13.0).abs() < 1e-12);
    assert!((f1(&anna, "recall") - 10.0 / 15.0).abs() < 1e-12);
    assert_eq!(f1(&anna, "precision"), f1(&ben, "recall"));
    assert_eq!(f1(&anna, "f1"), f1(&ben, "f1"));
    let (code, _, err) = spanwise(dir.path(), &["--reference", "zoe"]);
    assert_eq!(code, 1);
    assert!(err.contains("reference coder `zoe`"), "{err}");
}

#[test]
fn json_carries_every_figure_under_its_documented_key() {
    let dir = common::fixture_copy("two-coders");
    let report = json(dir.path(), &[]);
    assert_eq!(report["schema"], 1);
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/AGREEMENT.md"))
            .unwrap();
    let figures: Vec<&Value> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .chain([&report["overall"]])
        .collect();
    for f in figures {
        let a = &f["alpha_u"];
        for key in [
            "alpha",
            "d_o",
            "d_e",
            "ci_low",
            "ci_high",
            "n_units",
            "n_pairable",
        ] {
            assert!(a.get(key).is_some(), "alpha_u.{key} in {a}");
            assert!(docs.contains(&format!("`{key}`")), "{key} is documented");
        }
        assert!(a["ci_low"].is_null() && a["ci_high"].is_null());
        let (d_o, d_e) = (a["d_o"].as_f64().unwrap(), a["d_e"].as_f64().unwrap());
        assert!((a["alpha"].as_f64().unwrap() - (1.0 - d_o / d_e)).abs() < 1e-12);
        for m in ["strict_f1", "overlap_f1"] {
            for key in ["f1", "precision", "recall"] {
                assert!(f[m].get(key).is_some(), "{m}.{key}");
            }
        }
        assert!(f["kappa"]["value"].is_number() && f["kappa"]["measure"].is_string());
        assert!(f["percent_agreement"].is_number() && f["cautions"].is_array());
    }
    let coefficients = report["coefficients"].as_array().unwrap();
    for c in coefficients {
        assert!(c["name"].as_str().unwrap().len() > 40, "{c}");
        assert!(!c["reference"].as_str().unwrap().is_empty(), "{c}");
        let key = c["key"].as_str().unwrap();
        assert!(docs.contains(&format!("`{key}`")), "{key} is documented");
    }
    for key in [
        "documents",
        "overlap",
        "documents_combined",
        "f1_matching",
        "min_units",
    ] {
        assert!(report["rules"].get(key).is_some(), "rules.{key}");
    }
    // The same figures as the core computes.
    let project = storage::load_project(dir.path()).unwrap();
    let core = agreement::compute_with(&project, &anna_ben(), &Options::default()).unwrap();
    assert_eq!(
        alpha(&report["overall"]),
        core.overall.alpha_u.value().unwrap()
    );
}

#[test]
fn the_table_names_each_coefficient_with_its_reference() {
    let dir = common::fixture_copy("two-coders");
    let (code, table, err) = spanwise(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    // Long paragraphs are wrapped: compare with single spaces.
    let table = table.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Krippendorff, K. (1995). On the reliability of unitizing continuous data",
        "on character continua",
        "Cohen, J. (1960)",
        "every character is one item",
        "F1 matching: Overlap F1 pairs codings one-to-one",
        "ties go to the pair whose boundaries are closer",
        "D_O",
        "D_E",
        "P overlap",
    ] {
        assert!(table.contains(needle), "{needle} in\n{table}");
    }
}

#[cfg(feature = "gui")]
mod window {
    use super::*;
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;
    use spanwise::ui::agreement_view::cell_text;

    #[test]
    fn review_mode_uses_the_same_documents_and_says_which() {
        let dir = unfinished();
        let mut h = common::harness("reviewer", dir.path());
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
        h.run();
        let project = h.state().workspace.as_ref().unwrap().project().clone();
        let finished = agreement::compute(&project, &anna_ben(), Grouping::Code).unwrap();
        assert_eq!(h.state().review.figures.report(), Some(&finished));
        h.get_by_label("Documents: 4 of 5 used, 1 left out");
        let title = &project.corpus.get(&DocId(LAST.into())).unwrap().meta.title;
        h.get_by_label(&format!(
            "left out: {title} (not done by ben (in progress))"
        ));
        let shown = cell_text(agreement::Measure::UnitizingAlpha, &finished.overall);
        assert!(
            h.query_all_by_label(&shown).next().is_some(),
            "alpha_U {shown} is shown"
        );

        h.get_by_label("include unfinished").click();
        h.run();
        let all = agreement::compute_with(
            &project,
            &anna_ben(),
            &Options::all_documents(Grouping::Code),
        )
        .unwrap();
        assert_eq!(h.state().review.figures.report(), Some(&all));
        h.get_by_label("Documents: 5 of 5 used, 0 left out");
        assert_ne!(all.overall.alpha_u, finished.overall.alpha_u);
    }
}
