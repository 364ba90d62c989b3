//! `spanwise stats`: documents, coders, and codings per code and coder.

use std::path::PathBuf;

use clap::Args;

use crate::analysis::stats::project_stats;

/// Arguments of `spanwise stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The project folder.
    pub project: PathBuf,
    /// Files that cannot be read fully.
    #[command(flatten)]
    pub skip: super::load::SkipInvalid,
}

/// Runs `spanwise stats`.
pub fn run(args: StatsArgs) -> anyhow::Result<()> {
    let project = super::load::open(&args.project, args.skip)?;
    let stats = project_stats(&project);
    println!("project:   {}", project.name);
    println!("documents: {}", stats.documents);
    println!("coders:    {}", stats.coders.len());
    println!("codings:   {}", stats.total());
    for coder in &stats.coders {
        println!(
            "  {coder}: {} codings in {} of {} documents",
            stats.per_coder.get(coder).copied().unwrap_or(0),
            stats.documents_coded.get(coder).copied().unwrap_or(0),
            stats.documents
        );
    }
    let width = stats
        .codes
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    print!("\n{:width$}", "code");
    for coder in &stats.coders {
        print!("  {coder:>8}");
    }
    println!("  {:>8}", "total");
    for code in &stats.codes {
        print!("{code:width$}");
        for coder in &stats.coders {
            let n = stats
                .counts
                .get(&(code.clone(), coder.clone()))
                .copied()
                .unwrap_or(0);
            print!("  {n:>8}");
        }
        println!("  {:>8}", stats.per_code.get(code).copied().unwrap_or(0));
    }
    Ok(())
}
