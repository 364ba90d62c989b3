//! The reliability report as a user makes it: `spanwise agreement DIR --report FILE` on two coders
//! with four finished articles of five and an article variable, read back as the reliability
//! section of a paper (methods paragraph with N, p and k, every coefficient, the documents left
//! out and why), escaped and well-formed; and the command's exit codes.

mod common;

use std::path::Path;
use std::process::Command as Process;

fn spanwise(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_spanwise"))
        .args(args)
        .output()
        .expect("spanwise runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const LABEL: &str = "Tonalität <b>&</b>";

/// Void elements of HTML, which have no end tag.
const VOID: [&str; 4] = ["meta", "br", "hr", "img"];

/// Checks that every tag is closed in order and that no `<` or `&` stands unescaped in text.
fn balanced(html: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        let (before, from) = rest.split_at(at);
        let _ = before;
        if from.starts_with('&') {
            let end = from.find(';').ok_or("& without ;")?;
            let entity = &from[1..end];
            let known = ["amp", "lt", "gt", "quot", "#39"];
            if !known.contains(&entity) {
                return Err(format!("unknown entity &{entity};"));
            }
            rest = &from[end + 1..];
            continue;
        }
        let end = from.find('>').ok_or("< without >")?;
        let tag = &from[1..end];
        rest = &from[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            return Err(format!("unescaped < in text before {tag:?}"));
        }
        if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed: {stack:?}"))
    }
}

/// xmllint's verdict on the file as XML (the report is written to parse as XML too); `None`
/// when xmllint is not installed (CI installs it, and there its absence fails).
fn xmllint(path: &Path) -> Option<(bool, String)> {
    let out = Process::new("xmllint")
        .args(["--noout", path.to_str().unwrap()])
        .output();
    match out {
        Ok(out) => Some((
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )),
        Err(_) if std::env::var_os("CI").is_some() => panic!("xmllint is needed on CI"),
        Err(_) => None,
    }
}

fn json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = spanwise(args);
    assert_eq!(code, Some(0), "{err}");
    serde_json::from_str(&out).expect("JSON")
}

#[test]
fn the_report_reads_like_the_reliability_section_of_a_paper() {
    let dir = common::two_coders_with_tone(LABEL, true);
    let root = dir.path().to_str().unwrap();
    let file = dir.path().join("out").join("report.html");
    let report = file.to_str().unwrap();
    let args = [
        "agreement",
        root,
        "--report",
        report,
        "--bootstrap",
        "500",
        "--seed",
        "7",
    ];
    let (code, table, err) = spanwise(&args);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        table.contains("Agreement of anna, ben"),
        "the table still prints"
    );
    assert!(err.contains("report written to"), "{err}");
    let html = std::fs::read_to_string(&file).unwrap();

    // The methods paragraph: 4 of 5 articles used (ben has not finished the fifth), 2 coders.
    for text in [
        "Intercoder reliability was assessed on 4 articles (80 % of the corpus of 5), coded \
         independently by 2 coders (anna, ben)",
        "only articles that every coder had marked as finished were used",
        "500 replicates (seed 7)",
        "Krippendorff's unitizing alpha",
        "Following Krippendorff (2019)",
        "Following Krippendorff, Mathet, Bouvry and Widlöcher (2016), uα (unitizing and coding \
         together) was",
    ] {
        let text = text.replace('\'', "&#39;");
        assert!(html.contains(&text), "{text:?} missing");
    }
    assert!(html.contains("<p class=\"methods\">"));
    // αU and the family get whiskers in the chart and intervals in their tables.
    assert!(html.contains("resamples the documents with replacement (500"));
    for label in [
        "αU · (all codes)",
        "u-alpha · (all codes)",
        "|u-alpha · (all codes)",
        "cu-alpha · (all codes)",
    ] {
        let at = html
            .find(&format!(">{label}<"))
            .unwrap_or_else(|| panic!("{label}"));
        let row_end = at + html[at..].find("</g>").unwrap_or(html.len() - at);
        let row = &html[at..row_end];
        assert!(row.contains("class=\"interval\""), "{label}: {row}");
    }
    assert!(html.contains("95 % interval"));
    // The document left out, with its reason.
    assert!(
        html.contains("not done by ben (in progress)"),
        "left-out reason"
    );

    // Every coefficient the command line gives is in the report, with the same values.
    let agreement = json(&["agreement", root, "--format", "json"]);
    let overall = &agreement["overall"];
    let three = |v: &serde_json::Value| format!("{:.3}", v.as_f64().unwrap());
    for figure in [
        &overall["alpha_u"]["alpha"],
        &overall["kappa"]["value"],
        &overall["strict_f1"]["f1"],
        &overall["overlap_f1"]["recall"],
    ] {
        assert!(html.contains(&three(figure)), "{figure} missing");
    }
    // The unitizing family (Krippendorff et al. 2016): uα, |uα and cuα over all codes.
    assert!(html.contains("<table id=\"family\">"), "the family table");
    for key in ["u_alpha", "bar_u_alpha", "cu_alpha"] {
        let value = &overall[key]["alpha"];
        if value.is_f64() {
            assert!(html.contains(&three(value)), "{key} {value} missing");
        }
    }
    let reliability = json(&[
        "reliability",
        root,
        "--format",
        "json",
        "--bootstrap",
        "500",
        "--seed",
        "7",
    ]);
    let tone = &reliability["variables"][0]["report"];
    assert_eq!(tone["level"], "ordinal");
    let interval = format!(
        "[{:.3}, {:.3}]",
        tone["ci_low"].as_f64().unwrap(),
        tone["ci_high"].as_f64().unwrap()
    );
    assert!(html.contains(&interval), "{interval} missing");
    for c in tone["coefficients"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap().replace('\'', "&#39;");
        assert!(html.contains(&name), "{name} missing");
    }
    let presence = &reliability["code_presence"];
    assert_eq!(presence["documents"].as_array().unwrap().len(), 4);
    for code in presence["codes"].as_array().unwrap() {
        let alpha = &code["report"]["alpha"];
        if !alpha.is_null() {
            assert!(html.contains(&three(alpha)), "presence alpha {alpha}");
        }
    }
    for head in [
        "αU",
        "D_o",
        "D_e",
        "Cohen kappa",
        "F1 strict",
        "P strict",
        "R strict",
        "F1 overlap",
        "P overlap",
        "R overlap",
        "95 % CI",
        "q(α&lt;.667)",
        "q(α&lt;.800)",
    ] {
        assert!(html.contains(head), "{head} missing");
    }
    // The chart: a row per alpha, the two threshold lines.
    assert!(html.contains("<svg"));
    assert_eq!(html.matches("class=\"threshold\"").count(), 2);

    // Text from the project is escaped, and the file is well-formed.
    assert!(html.contains("Tonalität &lt;b&gt;&amp;&lt;/b&gt;"));
    assert!(!html.contains(LABEL));
    balanced(&html).unwrap();
    if let Some((ok, err)) = xmllint(&file) {
        assert!(ok, "xmllint: {err}");
    }
}

#[test]
fn report_flags_keep_the_exit_codes_and_the_other_output() {
    let dir = common::two_coders_with_tone("Ton", false);
    let root = dir.path().to_str().unwrap();
    let file = dir.path().join("r.html");
    let report = file.to_str().unwrap();

    // --format json still prints JSON beside the report.
    let (code, out, err) = spanwise(&["agreement", root, "--format", "json", "--report", report]);
    assert_eq!(code, Some(0), "{err}");
    serde_json::from_str::<serde_json::Value>(&out).expect("JSON on stdout");
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("on 5 articles (100 % of the corpus of 5)"));
    assert!(
        html.contains("10000 replicates (seed 1)"),
        "the default bootstrap"
    );

    // A report that cannot be written: non-zero, saying why.
    let blocked = dir.path().join("project.ron").join("r.html");
    let (code, _, err) = spanwise(&["agreement", root, "--report", blocked.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(err.contains("project.ron"), "{err}");

    // Too few replicates; --bootstrap without --report bootstraps the unitizing figures.
    let (code, _, err) = spanwise(&["agreement", root, "--report", report, "--bootstrap", "5"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("at least 100"), "{err}");
    let (code, out, err) = spanwise(&["agreement", root, "--bootstrap", "500"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("500 replicates"), "{out}");
}
