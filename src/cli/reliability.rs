//! `spanwise reliability DATA.csv --level nominal|ordinal|interval|ratio [--format table|csv|json]
//! [--bootstrap N --seed S] [--missing TEXT] [--delimiter C]`: reliability of a units-by-coders
//! table (first column the unit id, one column per coder, empty cells missing).

use std::path::PathBuf;
use std::process::ExitCode;

use super::columns::aligned;
use anyhow::Context;
use clap::{Args, ValueEnum};

use crate::analysis::agreement::Figure;
use crate::analysis::agreement::reliability::{
    self, Coefficient, Level, Options, Parts, ReadOptions, Reliability, Resampling,
};

/// Arguments of `spanwise reliability`.
#[derive(Debug, Args)]
pub struct ReliabilityArgs {
    /// The data: a CSV file with a header row (unit column, one column per coder) and one row per
    /// unit; or a project folder, for the document variables of its codesheet (unit = document).
    pub data: PathBuf,
    /// Level of measurement of the values: needed for a CSV file; for a project folder each
    /// variable's own scale unless given.
    #[arg(long, value_enum)]
    pub level: Option<LevelArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Bootstrap every alpha with this many replicates (KALPHA uses 20000) for its 95 % interval
    /// and the probability that it falls below .667 and .800.
    #[arg(long, value_name = "N")]
    pub bootstrap: Option<usize>,
    /// Seed of the bootstrap's random draws: the same seed gives the same interval.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// A cell text that means "missing" besides the empty cell (repeat for more, e.g. --missing . --missing NA).
    #[arg(long, value_name = "TEXT")]
    pub missing: Vec<String>,
    /// Field delimiter: ',' (default), ';' or '\t'.
    #[arg(long, default_value = ",", value_parser = delimiter)]
    pub delimiter: u8,
}

/// The level on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// Categories.
    Nominal,
    /// Ranks (numbers).
    Ordinal,
    /// Numbers with equal steps.
    Interval,
    /// Numbers with a natural zero, 0 or more.
    Ratio,
}

impl From<LevelArg> for Level {
    fn from(level: LevelArg) -> Level {
        match level {
            LevelArg::Nominal => Level::Nominal,
            LevelArg::Ordinal => Level::Ordinal,
            LevelArg::Interval => Level::Interval,
            LevelArg::Ratio => Level::Ratio,
        }
    }
}

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading.
    Table,
    /// One row per coefficient.
    Csv,
    /// Every figure under the keys documented in docs/AGREEMENT.md.
    Json,
}

fn delimiter(text: &str) -> Result<u8, String> {
    match text {
        "\\t" | "\t" | "tab" => Ok(b'\t'),
        t if t.len() == 1 && t.is_ascii() => Ok(t.as_bytes()[0]),
        _ => Err("a single ASCII character, or \\t".to_string()),
    }
}

/// Runs the command; the report on stdout, remarks and errors on stderr.
pub fn run(args: ReliabilityArgs) -> ExitCode {
    match report(&args) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("spanwise reliability: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn report(args: &ReliabilityArgs) -> anyhow::Result<String> {
    let bootstrap = resampling(args)?;
    if args.data.is_dir() {
        return super::reliability_vars::report(&args.data, args, bootstrap);
    }
    let Some(level) = args.level else {
        anyhow::bail!("--level nominal|ordinal|interval|ratio is needed for a CSV file");
    };
    let bytes = std::fs::read(&args.data)
        .with_context(|| format!("cannot read {}", args.data.display()))?;
    let options = ReadOptions {
        level: level.into(),
        missing: args.missing.clone(),
        delimiter: args.delimiter,
    };
    let table = reliability::table::read(&bytes, &options)
        .map_err(|e| anyhow::anyhow!("{}:{e}", args.data.display()))?;
    for remark in &table.remarks {
        eprintln!("note: {}: {remark}", args.data.display());
    }
    let report = reliability::compute(
        &table.data,
        Options {
            level: options.level,
            bootstrap,
        },
    );
    Ok(match args.format {
        Format::Table => text(&report),
        Format::Csv => csv_text(&report)?,
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
    })
}

/// The bootstrap the arguments ask for, if any.
fn resampling(args: &ReliabilityArgs) -> anyhow::Result<Option<Resampling>> {
    let bootstrap = args.bootstrap.map(|replicates| Resampling {
        replicates,
        seed: args.seed,
    });
    if bootstrap.is_some_and(|b| b.replicates < 100) {
        anyhow::bail!("--bootstrap needs at least 100 replicates for a 95 % interval");
    }
    Ok(bootstrap)
}

fn parts(c: &Coefficient) -> [(&'static str, Figure); 2] {
    match c.parts {
        Parts::Disagreement { d_o, d_e } => [("D_o", d_o), ("D_e", d_e)],
        Parts::Agreement { p_a, p_e } => [("p_a", p_a), ("p_e", p_e)],
    }
}

/// "D_o 0.433, D_e 2.872"; empty for a coefficient that does not apply, p_a alone for percent
/// agreement.
fn parts_text(c: &Coefficient) -> String {
    let [(a, x), (b, y)] = parts(c);
    match (x.is_defined(), y.is_defined()) {
        (false, false) => String::new(),
        (true, false) if matches!(c.parts, Parts::Agreement { .. }) => format!("{a} {x:.3}"),
        _ => format!("{a} {x:.3}, {b} {y:.3}"),
    }
}

fn interval_cells(c: &Coefficient) -> [String; 3] {
    match &c.interval {
        Some(i) => [
            format!("[{:.3}, {:.3}]", i.ci_low, i.ci_high),
            format!("{:.3}", i.q_667),
            format!("{:.3}", i.q_800),
        ],
        None => Default::default(),
    }
}

/// The report as aligned text.
pub(super) fn text(report: &Reliability) -> String {
    let mut out = format!(
        "Reliability of {} coders ({}) on {} units at the {} level\n",
        report.coders.len(),
        report.coders.join(", "),
        report.n_units,
        report.level
    );
    out.push_str(&format!(
        "{} units have values from two or more coders ({} pairable values)",
        report.n_pairable_units, report.n_pairable
    ));
    if !report.left_out.is_empty() {
        out.push_str(&format!(
            "; left out with fewer than two values: {}",
            shortened(&report.left_out)
        ));
    }
    out.push_str("\n\n");
    let mut lines = vec![
        [
            "coefficient",
            "value",
            "parts",
            "units",
            "95% CI",
            "q<.667",
            "q<.800",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for c in &report.coefficients {
        let [ci, q1, q2] = interval_cells(c);
        lines.push(vec![
            c.name.clone(),
            format!("{:.3}", c.value),
            parts_text(c),
            c.n_units.to_string(),
            ci,
            q1,
            q2,
        ]);
    }
    out.push_str(&aligned(&lines, &[0, 2]));
    if let Some(b) = report.bootstrap {
        let draws = report.alpha().interval.as_ref().map(|i| i.draws);
        out.push_str(&format!(
            "\nBootstrap (Hayes & Krippendorff 2007): {} replicates, seed {}{}; q = probability \
             that alpha is below .667 / .800.\n",
            b.replicates,
            b.seed,
            draws.map_or(String::new(), |m| format!(", {m} pairs drawn each"))
        ));
    }
    out.push('\n');
    for c in &report.coefficients {
        for caution in &c.cautions {
            out.push_str(&format!("{}: {caution}\n", c.name));
        }
    }
    out.push_str(
        "\nThe kappa-type coefficients and percent agreement compare values as categories \
         (nominal); only alpha uses the level's metric.\nReferences:\n",
    );
    for c in &report.coefficients {
        out.push_str(&format!("  {}: {}\n", c.name, c.reference));
    }
    out
}

fn shortened(units: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut text = units
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if units.len() > SHOWN {
        text.push_str(&format!(" and {} more", units.len() - SHOWN));
    }
    text
}

fn csv_text(report: &Reliability) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "key", "name", "value", "d_o", "d_e", "p_a", "p_e", "n_units", "ci_low", "ci_high",
        "q_667", "q_800", "cautions",
    ])?;
    for c in &report.coefficients {
        let (d, p) = match c.parts {
            Parts::Disagreement { d_o, d_e } => {
                ([full(d_o), full(d_e)], [String::new(), String::new()])
            }
            Parts::Agreement { p_a, p_e } => {
                ([String::new(), String::new()], [full(p_a), full(p_e)])
            }
        };
        let i = c.interval.as_ref();
        let number = |f: Option<f64>| f.map_or_else(String::new, |v| v.to_string());
        let cautions: Vec<String> = c.cautions.iter().map(|x| x.to_string()).collect();
        writer.write_record([
            c.key.clone(),
            c.name.clone(),
            full(c.value),
            d[0].clone(),
            d[1].clone(),
            p[0].clone(),
            p[1].clone(),
            c.n_units.to_string(),
            number(i.map(|i| i.ci_low)),
            number(i.map(|i| i.ci_high)),
            number(i.map(|i| i.q_667)),
            number(i.map(|i| i.q_800)),
            cautions.join("; "),
        ])?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// A figure at full precision; "not defined" when it has no value.
fn full(figure: Figure) -> String {
    figure.value().map_or_else(
        || crate::analysis::agreement::NOT_DEFINED.to_string(),
        |v| v.to_string(),
    )
}
