//! `spanwise agreement` on the two-coder fixture, as a user would run it.

mod common;

use std::path::PathBuf;

use spanwise::analysis::agreement::{self, Figure, Grouping};
use spanwise::model::span::Span;
use spanwise::storage;

fn fixture() -> PathBuf {
    common::fixture_path("two-coders")
}

fn spanwise(args: &[&str]) -> (bool, String, String) {
    common::spanwise_cli(args)
}

fn coders() -> Vec<String> {
    vec!["anna".into(), "ben".into()]
}

#[test]
fn fixture_files_are_canonical_and_quotes_match_the_text() {
    let project = storage::load_project(&fixture()).unwrap();
    assert!(project.problems.is_empty(), "{:?}", project.problems);
    assert_eq!(project.coder_names(), vec!["anna", "ben"]);
    let project_ron = std::fs::read_to_string(fixture().join("project.ron")).unwrap();
    assert_eq!(
        storage::to_ron(&project.to_file()),
        project_ron,
        "project.ron is canonical"
    );
    for (stem, file) in &project.coders {
        let path = fixture().join(format!("coding/{stem}.ron"));
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            storage::to_ron(file),
            on_disk,
            "{} is not in to_ron formatting",
            path.display()
        );
        for c in &file.codings {
            let text = project
                .corpus
                .get(&c.document)
                .unwrap()
                .text
                .as_ref()
                .unwrap();
            assert_eq!(
                text.slice(Span::new(c.start, c.end)),
                Some(c.quote.as_str()),
                "{stem} {}",
                c.id
            );
        }
    }
}

#[test]
fn table_by_code_names_every_code_and_the_overall_row() {
    let dir = fixture();
    let (ok, out, err) = spanwise(&["agreement", dir.to_str().unwrap(), "--coders", "anna,ben"]);
    assert!(ok, "{err}");
    assert!(out.starts_with("Agreement of anna, ben"), "{out}");
    let header = out
        .lines()
        .find(|l| l.starts_with("code"))
        .expect("a header row");
    for column in [
        "n anna",
        "n ben",
        "alpha_U",
        "agreement %",
        "Cohen kappa",
        "F1 strict",
        "F1 overlap",
    ] {
        assert!(header.contains(column), "{header}");
    }
    for row in ["claim", "risk", "commitment", "(all)"] {
        assert!(
            out.lines().any(|l| l.starts_with(row)),
            "no row {row} in\n{out}"
        );
    }
    assert!(
        out.contains("merged into one unit"),
        "the overlap rule is stated"
    );
}

#[test]
fn json_matches_the_core_and_hand_counted_f1() {
    let dir = fixture();
    let (ok, out, err) = spanwise(&["agreement", dir.to_str().unwrap(), "--format", "json"]);
    assert!(ok, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let project = storage::load_project(&dir).unwrap();
    let report = agreement::compute(&project, &coders(), Grouping::Code).unwrap();
    let overall = &json["overall"];
    assert_eq!(json["coders"], serde_json::json!(["anna", "ben"]));
    assert_eq!(overall["codings"], serde_json::json!([15, 13]));
    // 6 codings identical in both files; 10 same-code overlapping pairs; 15 + 13 codings.
    let close = |v: &serde_json::Value, want: f64| (v.as_f64().unwrap() - want).abs() < 1e-12;
    assert!(close(&overall["strict_f1"]["f1"], 12.0 / 28.0), "{overall}");
    assert!(
        close(&overall["overlap_f1"]["f1"], 20.0 / 28.0),
        "{overall}"
    );
    assert!(close(
        &overall["alpha_u"]["alpha"],
        report.overall.alpha_u.value().unwrap()
    ));
    assert!(close(
        &overall["kappa"]["value"],
        report.overall.kappa.value().unwrap()
    ));
    let alpha = report.overall.alpha_u.value().unwrap();
    assert!(
        alpha > 0.0 && alpha < 1.0,
        "partial agreement gives 0 < alpha_U < 1, got {alpha}"
    );
    assert_eq!(json["rows"].as_array().unwrap().len(), 3);
}

#[test]
fn csv_by_document_has_a_row_per_document() {
    let dir = fixture();
    let (ok, out, err) = spanwise(&[
        "agreement",
        dir.to_str().unwrap(),
        "--by",
        "document",
        "--format",
        "csv",
    ]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(
            "row,label,codings_anna,codings_ben,alpha_u,percent_agreement,cohen_kappa"
        ),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 1 + 5 + 1, "header, five documents, overall");
    assert!(lines[1].starts_with("000_0616334490931d2e,"));
}

#[test]
fn undefined_figures_read_not_defined() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    std::fs::create_dir_all(root.join("coding")).unwrap();
    std::fs::copy(fixture().join("project.ron"), root.join("project.ron")).unwrap();
    let copy = |name: &str| {
        std::fs::create_dir_all(root.join("corpus")).unwrap();
        std::fs::copy(
            fixture().join("corpus").join(name),
            root.join("corpus").join(name),
        )
        .unwrap();
    };
    for entry in std::fs::read_dir(fixture().join("corpus")).unwrap() {
        copy(entry.unwrap().file_name().to_str().unwrap());
    }
    for coder in ["anna", "ben"] {
        let empty = spanwise::model::coder::CoderFile::new(coder);
        std::fs::write(
            root.join(format!("coding/{coder}.ron")),
            storage::to_ron(&empty),
        )
        .unwrap();
    }
    // Empty files mark nothing done: without --include-unfinished no document could be used.
    let (ok, out, err) = spanwise(&["agreement", root.to_str().unwrap(), "--include-unfinished"]);
    assert!(ok, "{err}");
    let all = out.lines().find(|l| l.starts_with("(all)")).unwrap();
    assert!(all.contains("not defined"), "{all}");
    assert!(!all.contains("NaN"), "{all}");
    let report = agreement::compute_with(
        &storage::load_project(root).unwrap(),
        &coders(),
        &agreement::Options::all_documents(Grouping::Code),
    )
    .unwrap();
    assert_eq!(report.overall.alpha_u, Figure::NotDefined);
}

#[test]
fn unknown_coder_fails_with_a_message() {
    let dir = fixture();
    let (ok, _, err) = spanwise(&["agreement", dir.to_str().unwrap(), "--coders", "anna,carl"]);
    assert!(!ok);
    assert!(err.contains("carl"), "{err}");
}

#[test]
fn the_table_shows_the_unitizing_family_with_d_o_and_d_e() {
    let dir = fixture();
    let (ok, out, err) = spanwise(&["agreement", dir.to_str().unwrap()]);
    assert!(ok, "{err}");
    let project = storage::load_project(&dir).unwrap();
    let report = agreement::compute(&project, &coders(), Grouping::Code).unwrap();
    let section = out
        .split("Unitizing family (Krippendorff et al. 2016)")
        .nth(1)
        .expect("a unitizing family section");
    let line = |row: &str, coefficient: &str| {
        section
            .lines()
            .find(|l| {
                let words: Vec<&str> = l.split_whitespace().collect();
                words.first() == Some(&row) && words.get(1) == Some(&coefficient)
            })
            .unwrap_or_else(|| panic!("no line {row} {coefficient} in\n{section}"))
            .to_string()
    };
    let family = &report.overall.family;
    for (coefficient, figure) in [
        ("u-alpha", family.u_alpha),
        ("|u-alpha", family.bar_u_alpha),
        ("cu-alpha", family.cu_alpha),
    ] {
        let l = line("(all)", coefficient);
        assert!(l.contains(&format!("{:.3}", figure.alpha)), "{l}");
        let d_o = format!("{:.2e}", figure.d_o.value().unwrap());
        assert!(l.contains(&d_o), "{l} lacks D_o {d_o}");
    }
    for row in &report.rows {
        let k = row.figures.family.k_u_alpha;
        let l = line(&row.label, "(k)u-alpha");
        assert!(l.contains(&format!("{:.3}", k.alpha)), "{l}");
    }
    assert!(out.contains("Code sets: For the u-alpha family"), "{out}");
    assert!(out.contains("Mathet"), "the reference is named");
}

#[test]
fn json_carries_the_unitizing_family_under_stable_keys() {
    let dir = fixture();
    let (ok, out, err) = spanwise(&["agreement", dir.to_str().unwrap(), "--format", "json"]);
    assert!(ok, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let project = storage::load_project(&dir).unwrap();
    let report = agreement::compute(&project, &coders(), Grouping::Code).unwrap();
    let same = |v: &serde_json::Value, f: Figure| match f.value() {
        Some(x) => (v.as_f64().unwrap() - x).abs() < 1e-12,
        None => v.is_null(),
    };
    let check = |json: &serde_json::Value, figures: &agreement::Figures| {
        let family = &figures.family;
        for (key, u) in [
            ("u_alpha", family.u_alpha),
            ("bar_u_alpha", family.bar_u_alpha),
            ("cu_alpha", family.cu_alpha),
            ("k_u_alpha", family.k_u_alpha),
        ] {
            for (part, f) in [("alpha", u.alpha), ("d_o", u.d_o), ("d_e", u.d_e)] {
                assert!(same(&json[key][part], f), "{key}.{part}: {}", json[key]);
            }
        }
    };
    check(&json["overall"], &report.overall);
    assert!(json["overall"]["cu_alpha"]["alpha"].is_f64());
    assert!(json["overall"]["k_u_alpha"]["alpha"].is_null());
    for (row, r) in json["rows"].as_array().unwrap().iter().zip(&report.rows) {
        check(row, &r.figures);
        assert!(row["k_u_alpha"]["alpha"].is_f64(), "{row}");
    }
    let keys: Vec<&str> = json["coefficients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    for key in ["u_alpha", "bar_u_alpha", "cu_alpha", "k_u_alpha"] {
        assert!(keys.contains(&key), "{keys:?}");
    }
    assert!(
        json["rules"]["code_sets"]
            .as_str()
            .unwrap()
            .contains("set of its codes")
    );
}

#[test]
fn csv_ends_with_the_unitizing_family_columns() {
    let dir = fixture();
    let (ok, out, err) = spanwise(&[
        "agreement",
        dir.to_str().unwrap(),
        "--format",
        "csv",
        "--bootstrap",
        "100",
    ]);
    assert!(ok, "{err}");
    let header = out.lines().next().unwrap();
    // The intervals' columns follow the family's (tests/agreement_bootstrap.rs).
    let header = &header[..header.find(",alpha_u_ci_low").expect("interval columns")];
    assert!(
        header.ends_with(
            "cautions,u_alpha,u_alpha_d_o,u_alpha_d_e,bar_u_alpha,bar_u_alpha_d_o,bar_u_alpha_d_e,\
             cu_alpha,cu_alpha_d_o,cu_alpha_d_e,k_u_alpha,k_u_alpha_d_o,k_u_alpha_d_e"
        ),
        "{header}"
    );
}
