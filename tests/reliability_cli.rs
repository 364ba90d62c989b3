//! `spanwise reliability` as a user runs it, and its α against an independent implementation,
//! the PyPI `krippendorff` package (`scripts/alpha_reference.py`; `.ci/run` installs it, and with
//! CI=true its absence fails the test instead of skipping it).

use std::path::{Path, PathBuf};
use std::process::Command;

use spanwise::analysis::agreement::reliability::{self, Level, Options, ReadOptions};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reliability")
        .join(name)
}

fn spanwise(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_spanwise"))
        .args(args)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.success(), text(out.stdout), text(out.stderr))
}

/// The command as a user runs it: the table names every coefficient, JSON carries the stable
/// keys, and the bootstrap gives the same figures twice.
#[test]
fn command_reports_every_coefficient() {
    let file = fixture("krippendorff2011.csv");
    let file = file.to_str().unwrap();
    let (ok, out, err) = spanwise(&["reliability", file, "--level", "ordinal"]);
    assert!(ok, "{err}");
    for text in [
        "Krippendorff's alpha (ordinal)",
        "0.815",
        "Krippendorff's alpha (nominal)",
        "0.743",
        "Fleiss' kappa",
        "0.761",
        "Gwet's AC1",
        "0.775",
        "Brennan-Prediger",
        "Percent agreement",
        "Jürgen, Zoë, Ørsted, Renée",
        "left out with fewer than two values: 12",
        "compares exactly two coders",
    ] {
        assert!(out.contains(text), "{text:?} missing in\n{out}");
    }
    let args = [
        "reliability",
        file,
        "--level",
        "ratio",
        "--format",
        "json",
        "--bootstrap",
        "2000",
        "--seed",
        "42",
    ];
    let (ok, json, err) = spanwise(&args);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!((v["alpha"].as_f64().unwrap() - 0.797).abs() < 0.0005);
    for key in [
        "d_o",
        "d_e",
        "ci_low",
        "ci_high",
        "n_units",
        "n_pairable",
        "units_left_out",
    ] {
        assert!(!v[key].is_null(), "{key} in {json}");
    }
    assert_eq!(v["coefficients"][0]["key"], "alpha_ratio");
    assert!(v["coefficients"][0]["q_800"].is_number());
    assert_eq!(v["coefficients"][2]["key"], "cohen_kappa");
    assert_eq!(v["coefficients"][2]["value"], serde_json::Value::Null);
    assert_eq!(
        v["coefficients"][2]["cautions"][0]["kind"],
        "two_coders_only"
    );
    assert_eq!(spanwise(&args).1, json, "same seed, same output");
    let (ok, csv, _) = spanwise(&[
        "reliability",
        file,
        "--level",
        "interval",
        "--format",
        "csv",
    ]);
    assert!(ok);
    assert!(csv.starts_with("key,name,value,d_o,d_e"), "{csv}");
    assert!(
        csv.lines().nth(1).unwrap().starts_with("alpha_interval,"),
        "{csv}"
    );
}

/// Bad input stops with the file, line and column and a non-zero exit, and nothing on stdout.
#[test]
fn bad_tables_stop_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let ragged = dir.path().join("ragged.csv");
    std::fs::write(&ragged, "Artikel,Anna,Björn\n„Ä1“,1,2\nÖ2,1\n").unwrap();
    let (ok, out, err) = spanwise(&[
        "reliability",
        ragged.to_str().unwrap(),
        "--level",
        "nominal",
    ]);
    assert!(!ok && out.is_empty());
    assert!(err.contains(&format!("{}:3:5:", ragged.display())), "{err}");
    assert!(err.contains("2 cells, the header has 3"), "{err}");

    let hayes = fixture("hayes2007.csv");
    let (ok, _, err) = spanwise(&[
        "reliability",
        hayes.to_str().unwrap(),
        "--level",
        "interval",
    ]);
    assert!(!ok);
    assert!(
        err.contains("hayes2007.csv:2:9:") && err.contains("\".\" is not a number"),
        "{err}"
    );
    let (ok, out, _) = spanwise(&[
        "reliability",
        hayes.to_str().unwrap(),
        "--level",
        "ordinal",
        "--missing",
        ".",
    ]);
    assert!(ok && out.contains("0.760"), "{out}");
}

/// Runs `scripts/alpha_reference.py` on the files; `None` when Python or the package is missing
/// outside CI (in CI, `.ci/run` installs it and its absence fails the test).
fn python_alphas(level: &str, files: &[PathBuf]) -> Option<Vec<f64>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/alpha_reference.py");
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let out = match Command::new("python3")
        .arg(&script)
        .arg(level)
        .args(files)
        .output()
    {
        Ok(out) => out,
        Err(e) if !in_ci => {
            println!("skipped: python3 cannot run ({e})");
            return None;
        }
        Err(e) => panic!("CI=true but python3 cannot run: {e}"),
    };
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    if out.status.code() == Some(2) && !in_ci {
        println!("skipped: {err}");
        return None;
    }
    assert!(out.status.success(), "alpha_reference.py failed: {err}");
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.parse().unwrap())
            .collect(),
    )
}

/// α on random data (2–6 coders, 3–60 units, values 1–7, a fifth missing) agrees with the
/// `krippendorff` package at every level to 1e-9.
#[test]
fn alpha_matches_the_krippendorff_package_on_random_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = reliability::rng::Xoshiro256::seeded(2007);
    let mut below = |n: usize| (rng.next_f64() * n as f64) as usize;
    let mut files = Vec::new();
    for set in 0..40 {
        let coders = 2 + below(5);
        let units = 3 + below(58);
        let spread = 2 + below(6);
        let mut text = String::from("unit");
        (0..coders).for_each(|c| text.push_str(&format!(",c{c}")));
        for u in 0..units {
            text.push_str(&format!("\nu{u}"));
            for _ in 0..coders {
                let cell = if below(5) == 0 {
                    String::new()
                } else {
                    (1 + below(spread)).to_string()
                };
                text.push_str(&format!(",{cell}"));
            }
        }
        let path = dir.path().join(format!("set{set}.csv"));
        std::fs::write(&path, text + "\n").unwrap();
        files.push(path);
    }
    for level in Level::ALL {
        let Some(expected) = python_alphas(level.name(), &files) else {
            return;
        };
        assert_eq!(expected.len(), files.len());
        for (path, want) in files.iter().zip(expected) {
            let bytes = std::fs::read(path).unwrap();
            let data = reliability::table::read(&bytes, &ReadOptions::new(level))
                .unwrap()
                .data;
            let options = Options {
                level,
                bootstrap: None,
            };
            let got = reliability::compute(&data, options).alpha().value;
            match got.value() {
                Some(a) => assert!(
                    (a - want).abs() < 1e-9,
                    "{level} {}: {a} vs {want}",
                    path.display()
                ),
                None => assert!(
                    want.is_nan(),
                    "{level} {}: not defined vs {want}",
                    path.display()
                ),
            }
        }
    }
}
