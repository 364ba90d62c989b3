//! The command line: `spanwise [PROJECT]` opens the window; subcommands run headless on the same
//! core the window uses.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod agreement;
mod check;
mod export;
mod import_qdpx;
mod stats;

/// Span coding of news texts for media research.
#[derive(Debug, Parser)]
#[command(name = "spanwise", version, about)]
pub struct Cli {
    /// Project folder to open in the window (default: the last one, or the bundled project).
    pub project: Option<PathBuf>,
    /// A headless command instead of the window.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Export codings: csv, jsonl, matrix, w3c or qdpx.
    Export(export::ExportArgs),
    /// Documents, coders, and codings per code and coder.
    Stats(stats::StatsArgs),
    /// Check every coding's quote, document and code; exit 1 on any problem.
    Check(check::CheckArgs),
    /// Make a new project from a REFI-QDA .qdpx file.
    ImportQdpx(import_qdpx::ImportQdpxArgs),
    /// Agreement figures between coders (alpha_U, kappa, span F1).
    Agreement(agreement::AgreementArgs),
}

/// Parses the arguments and runs the window or a command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => open_window(cli.project),
        Some(command) => run(command),
    }
}

#[cfg(feature = "gui")]
fn open_window(project: Option<PathBuf>) -> ExitCode {
    match crate::ui::run(project) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("spanwise: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_project: Option<PathBuf>) -> ExitCode {
    eprintln!(
        "spanwise: this build has no window (built without the `gui` feature); \
         run a command instead, e.g. `spanwise check PROJECT` (see `spanwise --help`)"
    );
    ExitCode::from(2)
}

fn run(command: CliCommand) -> ExitCode {
    let result = match command {
        CliCommand::Export(args) => export::run(args).map(|()| true),
        CliCommand::Stats(args) => stats::run(args).map(|()| true),
        CliCommand::Check(args) => check::run(args),
        CliCommand::ImportQdpx(args) => import_qdpx::run(args).map(|()| true),
        CliCommand::Agreement(args) => return agreement::run(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("spanwise: {e:#}");
            ExitCode::FAILURE
        }
    }
}
