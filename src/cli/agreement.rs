//! `spanwise agreement PROJECT [--coders A,B] [--by code|document] [--format table|csv|json]`:
//! the agreement figures the window shows, on the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::analysis::agreement::{self, Figure, Figures, Grouping, Measure, Report};
use crate::model::project::Project;

/// Arguments of `spanwise agreement`.
#[derive(Debug, Args)]
pub struct AgreementArgs {
    /// Project folder.
    pub project: PathBuf,
    /// Files that cannot be read fully.
    #[command(flatten)]
    pub skip: super::load::SkipInvalid,
    /// Coders to compare, comma-separated (default: every coder except `consensus`).
    #[arg(long, value_delimiter = ',')]
    pub coders: Vec<String>,
    /// One row per code (whole corpus) or per document (all codes).
    #[arg(long, value_enum, default_value_t = By::Code)]
    pub by: By,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// What the rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One row per code.
    Code,
    /// One row per document.
    Document,
}

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading.
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// The whole report as JSON (undefined figures are `null`).
    Json,
}

/// The coder file stem left out when no coders are named.
const CONSENSUS: &str = "consensus";

/// Runs the command; prints the report on stdout and problems on stderr.
pub fn run(args: AgreementArgs) -> ExitCode {
    match report(&args) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("spanwise agreement: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn report(args: &AgreementArgs) -> anyhow::Result<String> {
    let project = super::load::open(&args.project, args.skip)?;
    for problem in project.problems.iter().filter(|p| !p.is_unread()) {
        eprintln!("warning: {}: {problem}", problem.path.display());
    }
    let coders = if args.coders.is_empty() {
        default_coders(&project)
    } else {
        args.coders.clone()
    };
    let grouping = match args.by {
        By::Code => Grouping::Code,
        By::Document => Grouping::Document,
    };
    let report = agreement::compute(&project, &coders, grouping)?;
    Ok(match args.format {
        Format::Table => table(&report),
        Format::Csv => csv_text(&report)?,
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
    })
}

fn default_coders(project: &Project) -> Vec<String> {
    project
        .coders
        .iter()
        .filter(|(stem, _)| stem.as_str() != CONSENSUS)
        .map(|(_, file)| file.coder.clone())
        .collect()
}

/// The figure columns after the per-coder counts.
fn columns(report: &Report) -> [(Measure, &'static str); 5] {
    [
        (Measure::UnitizingAlpha, "alpha_u"),
        (Measure::PercentAgreement, "percent_agreement"),
        (
            report.overall.kappa_measure,
            kappa_key(report.overall.kappa_measure),
        ),
        (Measure::StrictF1, "strict_f1"),
        (Measure::OverlapF1, "overlap_f1"),
    ]
}

fn kappa_key(measure: Measure) -> &'static str {
    if measure == Measure::CohenKappa {
        "cohen_kappa"
    } else {
        "fleiss_kappa"
    }
}

/// A figure as the table shows it: percent agreement in percent, the rest with three decimals.
fn cell(measure: Measure, figures: &Figures) -> String {
    let figure = figures.get(measure).unwrap_or(Figure::NotDefined);
    match measure {
        Measure::PercentAgreement => format!("{:.1}", figure.map(|v| 100.0 * v)),
        _ => format!("{figure:.3}"),
    }
}

fn rows(report: &Report) -> Vec<(String, &Figures)> {
    let mut out: Vec<(String, &Figures)> = report
        .rows
        .iter()
        .map(|r| (row_name(r), &r.figures))
        .collect();
    out.push(("(all)".to_string(), &report.overall));
    out
}

fn row_name(row: &agreement::Row) -> String {
    match &row.key {
        agreement::RowKey::Code(_) => row.label.clone(),
        agreement::RowKey::Document(id) => id.to_string(),
    }
}

fn table(report: &Report) -> String {
    let first = if report.grouping == Grouping::Code {
        "code"
    } else {
        "document"
    };
    let mut header: Vec<String> = vec![first.to_string()];
    header.extend(report.coders.iter().map(|c| format!("n {c}")));
    header.extend(columns(report).iter().map(|(m, _)| m.label().to_string()));
    let mut lines: Vec<Vec<String>> = vec![header];
    for (name, figures) in rows(report) {
        let mut line = vec![name];
        line.extend(figures.codings.iter().map(u64::to_string));
        line.extend(columns(report).iter().map(|(m, _)| cell(*m, figures)));
        lines.push(line);
    }
    let widths: Vec<usize> = (0..lines[0].len())
        .map(|i| {
            lines
                .iter()
                .map(|l| l[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!("Agreement of {}\n\n", report.coders.join(", "));
    for line in &lines {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    format!("{c:<w$}", w = widths[i])
                } else {
                    format!("{c:>w$}", w = widths[i])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&wrapped(&format!("Overlaps: {}", report.overlap_rule)));
    out.push_str(&wrapped(&format!(
        "Documents: {}",
        report.documents_combined
    )));
    out
}

/// A paragraph wrapped at 100 columns, continuation lines indented.
fn wrapped(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.trim().is_empty() && line.chars().count() + 1 + word.chars().count() > 100 {
            out.push_str(&line);
            out.push('\n');
            line = "  ".to_string();
        }
        if !line.trim().is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

fn csv_text(report: &Report) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["row".to_string(), "label".to_string()];
    header.extend(report.coders.iter().map(|c| format!("codings_{c}")));
    header.extend(columns(report).iter().map(|(_, key)| key.to_string()));
    writer.write_record(&header)?;
    let labels = report
        .rows
        .iter()
        .map(|r| (row_name(r), r.label.clone(), &r.figures));
    let overall = std::iter::once(("(all)".to_string(), String::new(), &report.overall));
    for (name, label, figures) in labels.chain(overall) {
        let mut record = vec![name, label];
        record.extend(figures.codings.iter().map(u64::to_string));
        record.extend(
            columns(report)
                .iter()
                .map(|(m, _)| full(figures.get(*m).unwrap_or(Figure::NotDefined))),
        );
        writer.write_record(&record)?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// A figure at full precision for machine-readable output.
fn full(figure: Figure) -> String {
    figure
        .value()
        .map_or_else(|| agreement::NOT_DEFINED.to_string(), |v| v.to_string())
}
