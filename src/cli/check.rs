//! `spanwise check`: every coding's quote equals the text at its offsets, every code and document
//! exists. Exit status 0 only when all holds; otherwise one line per problem and status 1.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use crate::analysis::check::check_project;
use crate::storage::{self, LoadOptions};

/// Arguments of `spanwise check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The project folder.
    pub project: PathBuf,
}

/// Runs `spanwise check`; `Ok(true)` when the project is sound.
pub fn run(args: CheckArgs) -> anyhow::Result<bool> {
    // check reports every file it cannot read (exit 1) and writes nothing
    let project = storage::load(&args.project, &LoadOptions::read_only(true))
        .with_context(|| format!("opening project {}", args.project.display()))?;
    let problems = check_project(&project);
    let codings: usize = project.coders.values().map(|c| c.codings.len()).sum();
    if problems.is_empty() {
        println!(
            "ok: {} documents, {} coders, {codings} codings checked",
            project.corpus.documents.len(),
            project.coders.len()
        );
        return Ok(true);
    }
    for p in &problems {
        println!("{p}");
    }
    println!(
        "{} problem(s) in {}",
        problems.len(),
        args.project.display()
    );
    Ok(false)
}
