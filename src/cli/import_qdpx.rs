//! `spanwise import-qdpx`: a new Spanwise project from a REFI-QDA `.qdpx`.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use crate::exchange::qdpx_import::import_qdpx;

/// Arguments of `spanwise import-qdpx`.
#[derive(Debug, Args)]
pub struct ImportQdpxArgs {
    /// The `.qdpx` file.
    pub file: PathBuf,
    /// Folder for the new project (must be absent or empty).
    pub dir: PathBuf,
}

/// Runs `spanwise import-qdpx`.
pub fn run(args: ImportQdpxArgs) -> anyhow::Result<()> {
    let report = import_qdpx(&args.file, &args.dir).with_context(|| {
        format!(
            "importing {} into {}",
            args.file.display(),
            args.dir.display()
        )
    })?;
    println!(
        "imported `{}` into {}: {} documents, {} codes, {} coders ({}), {} codings",
        report.name,
        report.project_dir.display(),
        report.documents,
        report.codes,
        report.coders.len(),
        report.coders.join(", "),
        report.codings
    );
    if !report.not_carried.is_empty() {
        println!("not carried over ({}):", report.not_carried.len());
        for line in &report.not_carried {
            println!("  - {line}");
        }
    }
    Ok(())
}
