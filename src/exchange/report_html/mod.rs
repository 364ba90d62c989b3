//! The reliability report as one self-contained HTML file: title, project, date and coders, a
//! ready methods paragraph, the documents used and left out (and why), the unitizing figures per
//! code (αU with D_o and D_e, κ, span F1 with precision and recall), the coefficients on
//! predefined units (per variable and per code present or absent: α with its bootstrap interval
//! and q(α < .667), q(α < .800), the κ family), every caution with its reason, a chart of α with
//! its interval, and the coefficients' references. Inline CSS and SVG; no script, no network.
//! Every text from the project is escaped.
//!
//! `spanwise agreement DIR --report FILE` and the window's Reliability window write it through
//! [`write`], atomically.

mod chart;
mod escape;
mod family;
mod input;
mod methods;
mod style;
mod tables;

use std::fmt::Write;
use std::path::Path;

use crate::analysis::agreement::reliability::Resampling;
use crate::analysis::agreement::{self, AgreementError, Measure, Report};
use crate::analysis::predefined::{self, PredefinedError};
use crate::model::project::Project;
use crate::storage::StorageError;

pub use input::ReportInput;
pub use methods::paragraph as methods_paragraph;

/// The bootstrap a report uses unless told otherwise (Hayes & Krippendorff 2007 used 10,000).
pub const DEFAULT_BOOTSTRAP: Resampling = Resampling {
    replicates: 10_000,
    seed: 1,
};

/// The bootstrap of αU and the uα family unless told otherwise: 1000 replicates keep a
/// 1000-article study's report within seconds (each replicate recomputes every figure).
pub const DEFAULT_UNITIZING_BOOTSTRAP: Resampling = Resampling {
    replicates: 1_000,
    seed: 1,
};

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The unitizing figures could not be computed.
    #[error(transparent)]
    Agreement(#[from] AgreementError),
    /// The figures on predefined units could not be computed.
    #[error(transparent)]
    Predefined(#[from] PredefinedError),
    /// No document is finished by every compared coder.
    #[error("no document can be used: {0}")]
    NoDocuments(String),
    /// The file could not be written.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Computes every figure for `coders` with the default agreement options and writes the report
/// to `path` (what the window's "Save report…" does).
pub fn save(
    project: &Project,
    coders: &[String],
    bootstrap: Resampling,
    path: &Path,
) -> Result<(), ReportError> {
    let options = agreement::Options::default();
    let mut report = agreement::compute_with(project, coders, &options)?;
    let unitizing = Resampling {
        replicates: bootstrap
            .replicates
            .min(DEFAULT_UNITIZING_BOOTSTRAP.replicates),
        ..bootstrap
    };
    report.attach(&agreement::compute_intervals(
        project, coders, &options, unitizing,
    )?);
    if report.documents.used.is_empty() {
        return Err(ReportError::NoDocuments(report.documents.summary()));
    }
    let options = predefined::Options {
        level: None,
        bootstrap: Some(bootstrap),
    };
    let figures = predefined::compute(project, coders, options)?;
    write(path, &ReportInput::new(project, &report, &figures))?;
    Ok(())
}

/// Writes the report to `path` atomically.
pub fn write(path: &Path, input: &ReportInput) -> Result<(), StorageError> {
    crate::storage::atomic_write(path, render(input).as_bytes())
}

/// The report as an HTML document.
pub fn render(input: &ReportInput) -> String {
    let title = format!("Intercoder reliability: {}", input.project);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape::text(&title),
        style::CSS,
        escape::text(&title)
    );
    out.push_str(&meta(input));
    let _ = write!(
        out,
        "<h2 id=\"methods\">Methods paragraph</h2>\n<p class=\"methods\">{}</p>\n",
        escape::text(&methods::paragraph(input))
    );
    out.push_str("<h2 id=\"chart\">Krippendorff's alpha with its 95 % interval</h2>\n");
    out.push_str(&chart::svg(&chart_points(input)));
    out.push_str("<h2 id=\"documents\">Documents</h2>\n");
    out.push_str(&documents(input.agreement));
    out.push_str("<h2 id=\"passages\">Coded passages (unitizing)</h2>\n");
    out.push_str(&tables::unitizing(input.agreement));
    out.push_str("<h2 id=\"family\">The unitizing family: uα, |uα, cuα, (k)uα</h2>\n");
    out.push_str(&family::table(input.agreement));
    out.push_str("<h2 id=\"codes\">Codes present or absent per document</h2>\n");
    out.push_str(&tables::presence(input.predefined));
    out.push_str("<h2 id=\"variables\">Article variables</h2>\n");
    out.push_str(&tables::variables(input.predefined));
    out.push_str(&references(input));
    out.push_str("</body>\n</html>\n");
    out
}

fn meta(input: &ReportInput) -> String {
    let report = input.agreement;
    let rows = [
        ("Project", input.project.clone()),
        ("Date", input.date.clone()),
        ("Coders", report.coders.join(", ")),
        ("Reference coder", report.reference.clone()),
        (
            "Made with",
            format!("Spanwise {}", env!("CARGO_PKG_VERSION")),
        ),
    ];
    let mut out = String::from("<dl class=\"meta\">\n");
    for (term, value) in rows {
        let _ = writeln!(out, "<dt>{term}</dt><dd>{}</dd>", escape::text(&value));
    }
    out.push_str("</dl>\n");
    out
}

fn documents(report: &Report) -> String {
    let choice = &report.documents;
    let mut out = format!(
        "<p>{} of {} documents used. {}</p>\n<h3>Used</h3>\n",
        choice.used.len(),
        choice.used.len() + choice.left_out.len(),
        escape::text(choice.rule.description())
    );
    let used: Vec<String> = choice
        .used
        .iter()
        .map(|d| {
            let mut line = format!("{} — {}", d.id, d.title);
            if !d.unfinished_by.is_empty() {
                let by = agreement::documents::unfinished_list(&d.unfinished_by);
                line.push_str(&format!(" (not done by {by})"));
            }
            line
        })
        .collect();
    out.push_str(&escape::list(&used));
    if !choice.left_out.is_empty() {
        out.push_str("<h3>Left out</h3>\n");
        let left: Vec<String> = choice
            .left_out
            .iter()
            .map(|d| format!("{} — {}: {}", d.id, d.title, d.reason))
            .collect();
        out.push_str(&escape::list(&left));
    }
    out
}

fn chart_points(input: &ReportInput) -> Vec<chart::Point> {
    let report = input.agreement;
    let mut points: Vec<chart::Point> = tables::rows(report)
        .into_iter()
        .map(|(name, f)| chart::Point {
            label: format!("αU · {name}"),
            value: f.alpha_u,
            interval: whisker(f.interval(Measure::UnitizingAlpha)),
        })
        .collect();
    let o = &report.overall;
    let all = tables::rows(report)
        .last()
        .map_or(String::new(), |r| r.0.clone());
    points.extend(
        o.family
            .shown(false)
            .into_iter()
            .map(|(m, u)| chart::Point {
                label: format!("{} · {all}", m.label()),
                value: u.alpha,
                interval: whisker(o.interval(m)),
            }),
    );
    let p = input.predefined;
    let interval = |c: &crate::analysis::agreement::reliability::Coefficient| {
        c.interval.as_ref().map(|i| (i.ci_low, i.ci_high))
    };
    if !p.presence_documents.is_empty() {
        points.extend(p.codes.iter().map(|c| chart::Point {
            label: format!("α present · {}", c.name),
            value: c.report.alpha().value,
            interval: interval(c.report.alpha()),
        }));
    }
    points.extend(p.variables.iter().map(|v| chart::Point {
        label: format!("α {} · {}", v.report.level, v.label),
        value: v.report.alpha().value,
        interval: interval(v.report.alpha()),
    }));
    points
}

fn whisker(i: Option<&crate::analysis::agreement::reliability::Interval>) -> Option<(f64, f64)> {
    i.map(|i| (i.ci_low, i.ci_high))
}

fn references(input: &ReportInput) -> String {
    let report = input.agreement;
    let mut items: Vec<String> = [
        Measure::UnitizingAlpha,
        Measure::PercentAgreement,
        report.overall.kappa_measure,
        Measure::StrictF1,
        Measure::OverlapF1,
    ]
    .iter()
    .map(|m| format!("{}: {} {}", m.label(), m.name(), m.reference()))
    .collect();
    let first = input
        .predefined
        .variables
        .first()
        .map(|v| &v.report)
        .or(input.predefined.codes.first().map(|c| &c.report));
    if let Some(r) = first {
        items.extend(
            r.coefficients
                .iter()
                .map(|c| format!("{}: {}", c.name, c.reference)),
        );
    }
    items.push("Bootstrap: Hayes, A. F. & Krippendorff, K. (2007). Answering the call for a standard reliability measure for coding data. Communication Methods and Measures 1, 77-89.".into());
    let rules = [
        format!("Documents: {}", report.documents.rule.description()),
        format!("Overlaps: {}", report.overlap_rule),
        format!("Corpus: {}", report.documents_combined),
        format!("F1 matching: {}", report.f1_matching),
    ];
    format!(
        "<h2 id=\"references\">Coefficients and references</h2>\n{}<h2 id=\"rules\">Rules</h2>\n{}",
        escape::list(&items),
        escape::list(&rules)
    )
}
