//! The report's tables: the unitizing figures per code (αU with D_o and D_e, percent agreement,
//! κ, span F1 with precision and recall), the coder matrix, and the coefficients on predefined
//! units (per variable and per code present or absent), each followed by its cautions.

use std::fmt::Write;

use super::escape::{self, Cell, figure, percent, scientific};
use crate::analysis::agreement::reliability::{Coefficient, Parts, Reliability};
use crate::analysis::agreement::{Figure, Figures, Measure, Report};
use crate::analysis::predefined::Predefined;

/// A column of the unitizing table: header, the measure whose cautions mark it, the cell.
struct Column {
    header: &'static str,
    measure: Option<Measure>,
    cell: fn(&Figures) -> String,
}

fn columns(report: &Report) -> Vec<Column> {
    let kappa = report.overall.kappa_measure;
    let alpha = Some(Measure::UnitizingAlpha);
    let strict = Some(Measure::StrictF1);
    let overlap = Some(Measure::OverlapF1);
    let col = |header, measure, cell| Column {
        header,
        measure,
        cell,
    };
    vec![
        col("αU", alpha, |f| figure(f.alpha_u)),
        col("95 % interval", None, |f| {
            interval(f.interval(Measure::UnitizingAlpha))
        }),
        col("D_o", alpha, |f| scientific(f.d_o)),
        col("D_e", alpha, |f| scientific(f.d_e)),
        col("units", None, |f| f.n_units.to_string()),
        col("agreement %", Some(Measure::PercentAgreement), |f| {
            percent(f.percent_agreement)
        }),
        col(kappa.label(), Some(kappa), |f| figure(f.kappa)),
        col("F1 strict", strict, |f| figure(f.strict_f1)),
        col("P strict", strict, |f| figure(f.strict_precision)),
        col("R strict", strict, |f| figure(f.strict_recall)),
        col("F1 overlap", overlap, |f| figure(f.overlap_f1)),
        col("P overlap", overlap, |f| figure(f.overlap_precision)),
        col("R overlap", overlap, |f| figure(f.overlap_recall)),
    ]
}

/// "[0.712, 0.853]", or "–" without a bootstrapped interval.
pub fn interval(i: Option<&crate::analysis::agreement::reliability::Interval>) -> String {
    i.map_or_else(
        || "–".to_string(),
        |i| format!("[{:.3}, {:.3}]", i.ci_low, i.ci_high),
    )
}

/// The rows of the report and its overall row, with their names.
pub fn rows(report: &Report) -> Vec<(String, &Figures)> {
    let mut out: Vec<(String, &Figures)> = report
        .rows
        .iter()
        .map(|r| (r.label.clone(), &r.figures))
        .collect();
    out.push(("(all codes)".to_string(), &report.overall));
    out
}

/// The unitizing table and its cautions.
pub fn unitizing(report: &Report) -> String {
    let columns = columns(report);
    let coder_heads: Vec<String> = report.coders.iter().map(|c| format!("n {c}")).collect();
    let mut head: Vec<&str> = vec!["code"];
    head.extend(coder_heads.iter().map(String::as_str));
    head.extend(columns.iter().map(|c| c.header));
    let lines: Vec<Vec<Cell>> = rows(report)
        .into_iter()
        .map(|(name, f)| {
            let mut line = vec![Cell::from(name)];
            line.extend(f.codings.iter().map(|n| Cell::from(n.to_string())));
            line.extend(columns.iter().map(|c| Cell {
                text: (c.cell)(f),
                cautioned: c.measure.is_some_and(|m| f.cautions_on(m).next().is_some()),
            }));
            line
        })
        .collect();
    let mut out = escape::table("unitizing", &head, &lines);
    let _ = writeln!(
        out,
        "<p class=\"note\">Precision and recall: the other coders' codings against those of {}.</p>",
        escape::text(&report.reference)
    );
    let cautions: Vec<String> = rows(report)
        .into_iter()
        .flat_map(|(name, f)| {
            f.cautions
                .iter()
                .map(move |c| format!("{name}: {}", c.message()))
        })
        .collect();
    out.push_str(&cautions_block(&cautions));
    out.push_str(&matrix(report));
    out
}

/// The coder-by-coder αU and overlap F1 (three or more coders).
fn matrix(report: &Report) -> String {
    if report.pairs.is_empty() {
        return String::new();
    }
    let mut head: Vec<&str> = vec!["coders"];
    head.extend(report.coders.iter().map(String::as_str));
    let mut out = String::from("<h3>Coder matrix (αU / F1 overlap, all codes)</h3>\n");
    let lines: Vec<Vec<Cell>> = report
        .coders
        .iter()
        .map(|a| {
            let mut line = vec![Cell::from(a.as_str())];
            for b in &report.coders {
                let pair = report.pairs.iter().find(|p| {
                    (&p.coders[0] == a && &p.coders[1] == b)
                        || (&p.coders[0] == b && &p.coders[1] == a)
                });
                line.push(Cell::from(pair.map_or("–".to_string(), |p| {
                    format!(
                        "{} / {}",
                        figure(p.figures.alpha_u),
                        figure(p.figures.overlap_f1)
                    )
                })));
            }
            line
        })
        .collect();
    out.push_str(&escape::table("matrix", &head, &lines));
    out
}

fn cautions_block(cautions: &[String]) -> String {
    if cautions.is_empty() {
        return String::new();
    }
    format!(
        "<div class=\"cautions\"><p>Cautions (! marks the figures concerned):</p>\n{}</div>\n",
        escape::list(cautions)
    )
}

fn parts(c: &Coefficient) -> String {
    let [(a, x), (b, y)] = match c.parts {
        Parts::Disagreement { d_o, d_e } => [("D_o", d_o), ("D_e", d_e)],
        Parts::Agreement { p_a, p_e } => [("p_a", p_a), ("p_e", p_e)],
    };
    match (x.is_defined(), y.is_defined()) {
        (false, false) => String::new(),
        (true, false) => format!("{a} {}", figure(x)),
        _ => format!("{a} {}, {b} {}", figure(x), figure(y)),
    }
}

fn coefficient_cells(first: &str, c: &Coefficient) -> Vec<Cell> {
    let (ci, q1, q2) = match &c.interval {
        Some(i) => (
            format!("[{:.3}, {:.3}]", i.ci_low, i.ci_high),
            format!("{:.3}", i.q_667),
            format!("{:.3}", i.q_800),
        ),
        None => Default::default(),
    };
    vec![
        Cell::from(first),
        Cell::from(c.name.as_str()),
        Cell {
            text: figure(c.value),
            cautioned: !c.cautions.is_empty() && c.value.is_defined(),
        },
        Cell::from(parts(c)),
        Cell::from(c.n_units.to_string()),
        Cell::from(ci),
        Cell::from(q1),
        Cell::from(q2),
    ]
}

const PREDEFINED_HEAD: [&str; 8] = [
    "",
    "coefficient",
    "value",
    "parts",
    "units",
    "95 % CI",
    "q(α<.667)",
    "q(α<.800)",
];

/// One table for a list of (name, report): every coefficient of each, then the cautions, one line
/// per reason with the coefficients it concerns.
fn predefined_table(id: &str, first: &str, blocks: &[(String, &Reliability)]) -> String {
    let mut head = PREDEFINED_HEAD;
    head[0] = first;
    let mut lines = Vec::new();
    let mut cautions = Vec::new();
    for (name, report) in blocks {
        let mut reasons: Vec<(String, Vec<&str>)> = Vec::new();
        for (i, c) in report.coefficients.iter().enumerate() {
            lines.push(coefficient_cells(if i == 0 { name } else { "" }, c));
            for caution in &c.cautions {
                let reason = caution.to_string();
                match reasons.iter_mut().find(|(r, _)| *r == reason) {
                    Some((_, names)) => names.push(&c.name),
                    None => reasons.push((reason, vec![&c.name])),
                }
            }
        }
        cautions.extend(
            reasons
                .into_iter()
                .map(|(reason, names)| format!("{name} ({}): {reason}", names.join(", "))),
        );
    }
    let mut out = escape::table(id, &head, &lines);
    out.push_str(&cautions_block(&cautions));
    out
}

/// The variables' table (or a sentence that there are none).
pub fn variables(figures: &Predefined) -> String {
    if figures.variables.is_empty() {
        return "<p>The codesheet has no document variables.</p>\n".into();
    }
    let blocks: Vec<(String, &Reliability)> = figures
        .variables
        .iter()
        .map(|v| {
            (
                format!("{} ({}, {})", v.label, v.variable, v.report.level),
                &v.report,
            )
        })
        .collect();
    let mut out = predefined_table("variables", "variable", &blocks);
    out.push_str(
        "<p class=\"note\">Unit = document; a coder who gave no value leaves a missing cell. The \
         κ-type coefficients and percent agreement compare values as categories; only α uses the \
         level's metric.</p>\n",
    );
    out
}

/// The code-presence table.
pub fn presence(figures: &Predefined) -> String {
    if figures.codes.is_empty() {
        return "<p>The codebook has no codes.</p>\n".into();
    }
    let blocks: Vec<(String, &Reliability)> = figures
        .codes
        .iter()
        .map(|c| (c.name.clone(), &c.report))
        .collect();
    let mut out = predefined_table("presence", "code", &blocks);
    let _ = writeln!(
        out,
        "<p class=\"note\">Unit = document finished by every coder ({} documents); value 1 where \
         the coder used the code at least once, else 0.</p>",
        figures.presence_documents.len()
    );
    out
}

/// Whether a figure is defined and at least `min`.
pub fn reaches(f: Figure, min: f64) -> bool {
    f.value().is_some_and(|v| v >= min)
}
