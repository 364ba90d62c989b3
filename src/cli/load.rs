//! How every command that reads a project opens it: through the one loader
//! ([`crate::storage::load`]), writing nothing, and stopping with a non-zero exit when a file
//! cannot be read fully unless `--skip-invalid` says to leave such files out (then it names them).

use std::path::Path;

use anyhow::bail;
use clap::Args;

use crate::model::project::Project;
use crate::storage::{self, LoadError, LoadOptions};

/// The flag every reading command shares.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct SkipInvalid {
    /// Leave out files that cannot be read fully (merge conflicts, newer format, cut off, invalid,
    /// sync conflict copies, links out of the project) instead of stopping; each is named.
    #[arg(long)]
    pub skip_invalid: bool,
}

/// Opens a project for a command that only reads it.
pub fn open(root: &Path, skip: SkipInvalid) -> anyhow::Result<Project> {
    open_with(root, &LoadOptions::read_only(skip.skip_invalid))
}

/// Opens a project with read-only `options` (the same reports as [`open`]).
pub fn open_with(root: &Path, options: &LoadOptions) -> anyhow::Result<Project> {
    match storage::load(root, options) {
        Ok(project) => {
            for file in project.unread_files() {
                eprintln!("spanwise: skipped (--skip-invalid): {}", file.message);
            }
            Ok(project)
        }
        Err(LoadError::Unread { root, files }) => {
            for file in &files {
                eprintln!("{}", file.message);
            }
            bail!(
                "{} file(s) in {} cannot be read fully, so nothing was done: fix them (spanwise \
                 check lists every problem), or pass --skip-invalid to leave them out",
                files.len(),
                root.display()
            )
        }
        Err(LoadError::Storage(e)) => {
            Err(anyhow::Error::new(e).context(format!("opening project {}", root.display())))
        }
    }
}
