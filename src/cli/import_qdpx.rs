//! `spanwise import-qdpx`: a new Spanwise project from a REFI-QDA `.qdpx`.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use crate::exchange::qdpx_import::{ImportOptions, ImportReport, import_qdpx_with};
use crate::exchange::qdpx_positions::PositionsChoice;

/// Arguments of `spanwise import-qdpx`.
#[derive(Debug, Args)]
pub struct ImportQdpxArgs {
    /// The `.qdpx` file.
    pub file: PathBuf,
    /// Folder for the new project (must be absent or empty).
    pub dir: PathBuf,
    /// How the file counts selection positions: codepoints, utf16, or auto (detected from the
    /// selections; BOM and CR counting are detected in every case).
    #[arg(long, default_value = "auto", value_parser = clap::value_parser!(PositionsChoiceArg))]
    pub positions: PositionsChoiceArg,
}

/// `--positions` as clap reads it.
#[derive(Debug, Clone, Copy)]
pub struct PositionsChoiceArg(pub PositionsChoice);

impl std::str::FromStr for PositionsChoiceArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(PositionsChoiceArg)
    }
}

/// Runs `spanwise import-qdpx`.
pub fn run(args: ImportQdpxArgs) -> anyhow::Result<()> {
    let options = ImportOptions {
        positions: args.positions.0,
    };
    let report = import_qdpx_with(&args.file, &args.dir, options).with_context(|| {
        format!(
            "importing {} into {}",
            args.file.display(),
            args.dir.display()
        )
    })?;
    print!("{}", summary(&report));
    Ok(())
}

/// The report as the command prints it.
pub fn summary(report: &ImportReport) -> String {
    let mut out = format!(
        "imported `{}` into {}: {} documents, {} codes, {} coders ({}), {} codings\n",
        report.name,
        report.project_dir.display(),
        report.documents,
        report.codes,
        report.coders.len(),
        report.coders.join(", "),
        report.codings
    );
    if let Some(reading) = report.reading {
        out.push_str(&format!(
            "positions read as {reading}: {}\n",
            report.reading_reason
        ));
    }
    let mut list = |title: &str, lines: &[String]| {
        if !lines.is_empty() {
            out.push_str(&format!("{title} ({}):\n", lines.len()));
            for line in lines {
                out.push_str(&format!("  - {line}\n"));
            }
        }
    };
    list("not placed exactly, so not imported", &report.unplaced);
    list(
        "documents without a plain text, not imported",
        &report.without_text,
    );
    list("who coded", &report.coders_note);
    list("not carried over", &report.not_carried);
    out
}
