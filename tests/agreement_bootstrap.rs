//! `spanwise agreement` with the bootstrap of αU and the uα family (documents resampled): the
//! intervals in the table, CSV and JSON, reproducible for a seed, and the predefined-unit
//! figures in the JSON.

mod common;

use std::path::PathBuf;

fn fixture() -> PathBuf {
    common::fixture_path("two-coders")
}

fn spanwise(args: &[&str]) -> (bool, String, String) {
    common::spanwise_cli(args)
}

fn json(extra: &[&str]) -> serde_json::Value {
    let dir = fixture();
    let mut args = vec!["agreement", dir.to_str().unwrap(), "--format", "json"];
    args.extend(extra);
    let (ok, out, err) = spanwise(&args);
    assert!(ok, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn json_carries_an_interval_beside_every_unitizing_alpha() {
    let j = json(&["--bootstrap", "300", "--seed", "4"]);
    assert_eq!(j["bootstrap"]["replicates"], 300);
    assert_eq!(j["bootstrap"]["seed"], 4);
    let overall = &j["overall"];
    for key in ["alpha_u", "u_alpha", "bar_u_alpha", "cu_alpha"] {
        let f = &overall[key];
        let value = f["alpha"].as_f64().unwrap();
        let (low, high) = (
            f["ci_low"].as_f64().unwrap(),
            f["ci_high"].as_f64().unwrap(),
        );
        assert!(low <= value && value <= high, "{key}: {f}");
        let (q667, q800) = (f["q_667"].as_f64().unwrap(), f["q_800"].as_f64().unwrap());
        assert!((0.0..=1.0).contains(&q667) && q667 <= q800, "{key}: {f}");
        assert!(f["replicates"].as_u64().unwrap() > 0);
    }
    assert!(overall["k_u_alpha"]["ci_low"].is_null());
    let code = &j["rows"][0];
    assert!(code["alpha_u"]["ci_low"].is_number(), "{code}");
    assert!(code["k_u_alpha"]["ci_high"].is_number(), "{code}");
    assert!(code["cu_alpha"]["ci_low"].is_null());
}

#[test]
fn the_same_seed_gives_the_same_intervals_another_seed_others() {
    let a = json(&["--bootstrap", "200", "--seed", "9"]);
    let b = json(&["--bootstrap", "200", "--seed", "9"]);
    let c = json(&["--bootstrap", "200", "--seed", "10"]);
    assert_eq!(a, b);
    assert_ne!(a["overall"]["alpha_u"], c["overall"]["alpha_u"]);
}

#[test]
fn bootstrap_zero_leaves_the_intervals_null() {
    for j in [json(&["--bootstrap", "0"]), json(&[])] {
        // without --bootstrap (and without --report) the figures come without a bootstrap
        assert!(j["bootstrap"].is_null());
        assert!(j["overall"]["alpha_u"]["ci_low"].is_null());
        assert!(j["overall"]["u_alpha"]["q_800"].is_null());
    }
    let dir = fixture();
    let (ok, _, err) = spanwise(&["agreement", dir.to_str().unwrap(), "--bootstrap", "50"]);
    assert!(!ok);
    assert!(err.contains("at least 100"), "{err}");
}

#[test]
fn json_holds_the_predefined_figures_reliability_gives() {
    let j = json(&["--bootstrap", "200", "--seed", "2"]);
    let dir = fixture();
    let (ok, out, err) = spanwise(&[
        "reliability",
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--bootstrap",
        "200",
        "--seed",
        "2",
    ]);
    assert!(ok, "{err}");
    let reliability: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["predefined"], reliability);
}

#[test]
fn csv_and_table_show_the_intervals() {
    let dir = fixture();
    let d = dir.to_str().unwrap();
    let (ok, out, err) = spanwise(&["agreement", d, "--format", "csv", "--bootstrap", "200"]);
    assert!(ok, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let all = records.last().unwrap();
    for key in ["alpha_u", "u_alpha", "bar_u_alpha", "cu_alpha"] {
        let value: f64 = all[col(key)].parse().unwrap();
        let low: f64 = all[col(&format!("{key}_ci_low"))].parse().unwrap();
        let high: f64 = all[col(&format!("{key}_ci_high"))].parse().unwrap();
        assert!(low <= value && value <= high, "{key}");
        let _: f64 = all[col(&format!("{key}_q_667"))].parse().unwrap();
        let _: f64 = all[col(&format!("{key}_q_800"))].parse().unwrap();
    }
    assert_eq!(&all[col("k_u_alpha_ci_low")], "");
    let (ok, out, err) = spanwise(&["agreement", d, "--bootstrap", "200", "--seed", "5"]);
    assert!(ok, "{err}");
    assert!(out.contains("alpha_U 95% CI"), "{out}");
    assert!(out.contains("200 replicates, seed 5"), "{out}");
    assert!(out.contains("q(<.800)"), "{out}");
}
