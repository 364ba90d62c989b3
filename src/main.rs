//! The `spanwise` binary: parses the arguments, then opens the window or runs a subcommand.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use spanwise::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => open_window(args.project),
    }
}

#[cfg(feature = "gui")]
fn open_window(project: Option<PathBuf>) -> ExitCode {
    match spanwise::ui::run(project) {
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
