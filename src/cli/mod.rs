//! The command line: subcommands that run headless on the same core the window uses.
//! `src/main.rs` parses the arguments and starts the window or [`run`].

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod agreement;
mod check;
mod columns;
mod export;
mod import_qdpx;
mod load;
mod reliability;
mod reliability_vars;
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
    /// Reliability of a units-by-coders table: Krippendorff's alpha (any level), kappas, AC1.
    Reliability(reliability::ReliabilityArgs),
}

/// Runs a headless command; the exit code says whether it succeeded.
pub fn run(command: CliCommand) -> ExitCode {
    let result = match command {
        CliCommand::Export(args) => export::run(args).map(|()| true),
        CliCommand::Stats(args) => stats::run(args).map(|()| true),
        CliCommand::Check(args) => check::run(args),
        CliCommand::ImportQdpx(args) => import_qdpx::run(args).map(|()| true),
        CliCommand::Agreement(args) => return agreement::run(args),
        CliCommand::Reliability(args) => return reliability::run(args),
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
