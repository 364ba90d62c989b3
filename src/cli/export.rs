//! `spanwise export`: writes a project's codings in an analysis or exchange format.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use crate::exchange::{ExportFormat, export_to_file, export_to_writer};

/// Arguments of `spanwise export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The project folder.
    pub project: PathBuf,
    /// Files that cannot be read fully.
    #[command(flatten)]
    pub skip: super::load::SkipInvalid,
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    pub format: FormatArg,
    /// Only this coder (repeatable; default: all coders).
    #[arg(long = "coder", value_name = "NAME")]
    pub coders: Vec<String>,
    /// Output file (default: standard output; required for qdpx).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Export formats as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// One row per coding (RFC 4180 CSV).
    Csv,
    /// One JSON object per coding and line.
    Jsonl,
    /// Document × coder rows with a count column per code (CSV).
    Matrix,
    /// W3C Web Annotation collection (JSON-LD).
    W3c,
    /// REFI-QDA project (zip), for MAXQDA, ATLAS.ti, NVivo, QualCoder.
    Qdpx,
    /// Document × coder rows with a column per document variable, code and label (CSV).
    VariablesCsv,
    /// Document × coder objects with a field per document variable (JSON Lines).
    VariablesJsonl,
    /// SPSS syntax labelling the matrix's `var_<id>` columns.
    VariablesSps,
}

impl From<FormatArg> for ExportFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::Jsonl => ExportFormat::Jsonl,
            FormatArg::Matrix => ExportFormat::Matrix,
            FormatArg::W3c => ExportFormat::W3c,
            FormatArg::Qdpx => ExportFormat::Qdpx,
            FormatArg::VariablesCsv => ExportFormat::VariablesCsv,
            FormatArg::VariablesJsonl => ExportFormat::VariablesJsonl,
            FormatArg::VariablesSps => ExportFormat::VariablesSps,
        }
    }
}

/// Runs `spanwise export`.
pub fn run(args: ExportArgs) -> anyhow::Result<()> {
    let format = ExportFormat::from(args.format);
    if !format.is_text() && args.output.is_none() {
        bail!(
            "--format {} writes a zip: give an output file with -o FILE",
            format.name()
        );
    }
    let project = super::load::open(&args.project, args.skip)?;
    let context = || format!("exporting {} as {}", args.project.display(), format.name());
    match &args.output {
        Some(path) => {
            // streamed into a temporary file beside `path`, renamed into place when complete
            let codings = export_to_file(&project, format, &args.coders, path)
                .with_context(|| format!("writing {}", path.display()))
                .with_context(context)?;
            if format.name().starts_with("variables") {
                eprintln!(
                    "spanwise: {} document variables written to {}",
                    project.variables.len(),
                    path.display()
                );
            } else {
                eprintln!("spanwise: {codings} codings written to {}", path.display());
            }
            if format == ExportFormat::Qdpx {
                qdpx_variables_note(&project, &args.coders);
            }
        }
        None => {
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            export_to_writer(&project, format, &args.coders, &mut stdout).with_context(context)?;
            stdout.flush().context("writing to standard output")?;
        }
    }
    Ok(())
}

/// Says whose codesheet values a `.qdpx` holds (REFI-QDA keeps one value per document).
fn qdpx_variables_note(project: &crate::model::project::Project, coders: &[String]) {
    use crate::exchange::qdpx_variables::variable_coder;
    if project.variables.is_empty() {
        return;
    }
    match variable_coder(project, coders) {
        Some(file) => eprintln!(
            "spanwise: document variables: the values of coder `{}` only (REFI-QDA holds one \
             value per document and no coder; export with --coder NAME for another coder's)",
            file.coder
        ),
        None => {
            eprintln!("spanwise: document variables: defined, but no exported coder gave a value")
        }
    }
}
