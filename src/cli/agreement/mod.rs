//! `spanwise agreement PROJECT [--coders A,B] [--by code|document] [--average corpus|documents]
//! [--reference CODER] [--include-unfinished] [--skip-invalid] [--format table|csv|json]
//! [--report FILE.html] [--bootstrap N] [--seed S]`: the agreement figures the window shows, on
//! the command line; with `--report`, also the reliability report as one HTML file (the figures
//! on predefined units, per variable and per code present or absent, included).
//!
//! It uses only the documents every compared coder has marked done unless told
//! `--include-unfinished`, and says which it used and left out. A coder file with an invalid
//! coding stops it with a non-zero exit naming file:line:col, unless `--skip-invalid` says to
//! leave out such codings; then it counts and names each one.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use clap::{Args, ValueEnum};

use crate::analysis::agreement::reliability::Resampling;
use crate::analysis::agreement::{self, Average, DocumentRule, Grouping, Options};
use crate::analysis::predefined;
use crate::model::project::{ProblemKind, Project};
use crate::storage::LoadOptions;

mod family;
mod table;

/// Arguments of `spanwise agreement`.
#[derive(Debug, Args)]
pub struct AgreementArgs {
    /// Project folder.
    pub project: PathBuf,
    /// Leave out codings that fail validation (unknown document or code, past the end of the
    /// text) and files that cannot be read at all, instead of stopping; each is counted and named.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Coders to compare, comma-separated (default: every coder except `consensus`).
    #[arg(long, value_delimiter = ',')]
    pub coders: Vec<String>,
    /// One row per code (whole corpus) or per document (all codes).
    #[arg(long, value_enum, default_value_t = By::Code)]
    pub by: By,
    /// Corpus figures on the documents laid end to end, or the mean of per-document figures.
    #[arg(long, value_enum, default_value_t = AverageOver::Corpus)]
    pub average: AverageOver,
    /// The coder precision and recall are measured against (default: the first compared coder).
    #[arg(long, value_name = "CODER")]
    pub reference: Option<String>,
    /// Also use documents that not every compared coder has marked done (what a coder has not
    /// coded yet then counts as coded nothing).
    #[arg(long)]
    pub include_unfinished: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Also write the reliability report (tables, chart, methods paragraph) to this HTML file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Bootstrap replicates for the alpha intervals: alpha_U and the u-alpha family (resampling
    /// documents; without this option intervals are computed only for --report, with 1000) and
    /// the figures on predefined units (default 10000); at least 100; 0 computes no interval.
    #[arg(long, value_name = "N")]
    pub bootstrap: Option<usize>,
    /// Seed of the bootstrap's random draws: the same seed gives the same intervals.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

/// What the rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One row per code.
    Code,
    /// One row per document.
    Document,
}

/// How documents combine into corpus figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AverageOver {
    /// The used documents end to end as one continuum.
    Corpus,
    /// The mean over documents of per-document figures (as INCEpTION reports them).
    Documents,
}

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading, with the documents used, cautions and coefficient names.
    Table,
    /// Comma-separated values with a header row (documents and skipped codings on stderr).
    Csv,
    /// The whole report as versioned JSON (`"schema": 1`; undefined figures are `null`).
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

fn options(args: &AgreementArgs) -> Options {
    Options {
        grouping: match args.by {
            By::Code => Grouping::Code,
            By::Document => Grouping::Document,
        },
        documents: if args.include_unfinished {
            DocumentRule::All
        } else {
            DocumentRule::Finished
        },
        average: match args.average {
            AverageOver::Corpus => Average::Corpus,
            AverageOver::Documents => Average::Documents,
        },
        reference: args.reference.clone(),
    }
}

fn report(args: &AgreementArgs) -> anyhow::Result<String> {
    let mut load = LoadOptions::read_only(args.skip_invalid);
    if args.skip_invalid {
        load = load.skipping_invalid_codings();
    }
    let project = super::load::open_with(&args.project, &load)?;
    for problem in project
        .problems
        .iter()
        .filter(|p| !p.is_unread() && p.kind != ProblemKind::SkippedCoding)
    {
        eprintln!("warning: {}: {problem}", problem.path.display());
    }
    let skipped = skipped_codings(&project);
    if !skipped.is_empty() {
        eprintln!(
            "spanwise agreement: --skip-invalid left out {} invalid coding(s):",
            skipped.len()
        );
        for s in &skipped {
            eprintln!("  {s}");
        }
    }
    let coders = if args.coders.is_empty() {
        default_coders(&project)
    } else {
        args.coders.clone()
    };
    let mut report = agreement::compute_with(&project, &coders, &options(args))?;
    let how = resampling(args)?;
    // intervals cost a bootstrap (seconds on a large study): asked for, or for the report
    let intervals = args.bootstrap.is_some() || args.report.is_some();
    if let Some(how) = unitizing(args, how).filter(|_| intervals) {
        report.attach(&agreement::compute_intervals(
            &project,
            &coders,
            &options(args),
            how,
        )?);
    }
    if report.documents.used.is_empty() {
        bail!(
            "no document can be used: {}; mark documents done in the document list, or pass \
             --include-unfinished to count unfinished ones",
            report.documents.summary()
        );
    }
    if let Some(path) = &args.report {
        write_report(args, &project, &coders, &report, path)?;
    }
    Ok(match args.format {
        Format::Table => table::table(&report, &skipped),
        Format::Csv => {
            eprintln!("spanwise agreement: {}", report.documents.summary());
            table::csv_text(&report)?
        }
        Format::Json => {
            let mut json = agreement::schema::to_json(&report, &skipped);
            let predefined = predefined::compute(
                &project,
                &coders,
                predefined::Options {
                    level: None,
                    bootstrap: how,
                },
            )?;
            json["predefined"] = super::reliability_vars::to_json(&predefined);
            serde_json::to_string_pretty(&json)? + "\n"
        }
    })
}

/// Writes the HTML report of `report` and the figures on predefined units to `path`.
fn write_report(
    args: &AgreementArgs,
    project: &Project,
    coders: &[String],
    report: &agreement::Report,
    path: &std::path::Path,
) -> anyhow::Result<()> {
    use crate::exchange::report_html::{self, ReportInput};
    let how = resampling(args)?;
    let options = predefined::Options {
        level: None,
        bootstrap: how,
    };
    let figures = predefined::compute(project, coders, options)?;
    // The report's tables and methods paragraph are per code, whatever --by says.
    let by_code;
    let report = if report.grouping == Grouping::Code {
        report
    } else {
        let per_code = Options {
            grouping: Grouping::Code,
            ..self::options(args)
        };
        by_code = {
            let mut r = agreement::compute_with(project, coders, &per_code)?;
            if let Some(how) = unitizing(args, how) {
                r.attach(&agreement::compute_intervals(
                    project, coders, &per_code, how,
                )?);
            }
            r
        };
        &by_code
    };
    report_html::write(path, &ReportInput::new(project, report, &figures))?;
    eprintln!("spanwise agreement: report written to {}", path.display());
    Ok(())
}

/// The bootstrap `--bootstrap` and `--seed` ask for; `None` for `--bootstrap 0`.
fn resampling(args: &AgreementArgs) -> anyhow::Result<Option<Resampling>> {
    use crate::exchange::report_html::DEFAULT_BOOTSTRAP;
    match args.bootstrap.unwrap_or(DEFAULT_BOOTSTRAP.replicates) {
        0 => Ok(None),
        n if n < 100 => bail!("--bootstrap needs at least 100 replicates for a 95 % interval"),
        replicates => Ok(Some(Resampling {
            replicates,
            seed: args.seed,
        })),
    }
}

/// The bootstrap of αU and the family: `--bootstrap N` if given, else
/// [`DEFAULT_UNITIZING_BOOTSTRAP`](crate::exchange::report_html::DEFAULT_UNITIZING_BOOTSTRAP)'s
/// replicates (fewer than the predefined figures' default: every replicate recomputes the
/// figures).
fn unitizing(args: &AgreementArgs, how: Option<Resampling>) -> Option<Resampling> {
    use crate::exchange::report_html::DEFAULT_UNITIZING_BOOTSTRAP;
    how.map(|how| Resampling {
        replicates: args
            .bootstrap
            .unwrap_or(DEFAULT_UNITIZING_BOOTSTRAP.replicates),
        ..how
    })
}

/// Every coding `--skip-invalid` left out, as `file:line:col: reason`.
fn skipped_codings(project: &Project) -> Vec<String> {
    project
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::SkippedCoding)
        .map(|p| p.message.clone())
        .collect()
}

fn default_coders(project: &Project) -> Vec<String> {
    project
        .coders
        .iter()
        .filter(|(stem, _)| stem.as_str() != CONSENSUS)
        .map(|(_, file)| file.coder.clone())
        .collect()
}
