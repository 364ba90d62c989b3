//! The command line: `spanwise [PROJECT]` opens the window; subcommands run headless on the same
//! core the window uses.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod agreement;

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
    /// Agreement figures between coders (alpha_U, kappa, span F1).
    Agreement(agreement::AgreementArgs),
}

/// Parses the arguments and runs the window or a command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => match crate::ui::run(cli.project) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("spanwise: {e:#}");
                ExitCode::FAILURE
            }
        },
        Some(command) => run(command),
    }
}

fn run(command: CliCommand) -> ExitCode {
    match command {
        CliCommand::Agreement(args) => agreement::run(args),
    }
}
