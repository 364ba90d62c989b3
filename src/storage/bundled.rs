//! The bundled Duisburg × Huawei project, shipped inside the binary so the app always has a
//! project to open, even when installed away from its source tree.

use std::path::{Path, PathBuf};

use crate::storage::error::StorageError;
use crate::storage::files;

/// Folder name of the bundled project.
pub const NAME: &str = "duisburg-huawei";

const FILES: &[(&str, &str)] = &[
    (
        "project.ron",
        include_str!("../../projects/duisburg-huawei/project.ron"),
    ),
    (
        "corpus/000_0616334490931d2e.txt",
        include_str!("../../projects/duisburg-huawei/corpus/000_0616334490931d2e.txt"),
    ),
    (
        "corpus/001_99c0eed1a29a2b7c.txt",
        include_str!("../../projects/duisburg-huawei/corpus/001_99c0eed1a29a2b7c.txt"),
    ),
    (
        "corpus/002_15d2e01c1f59b2c6.txt",
        include_str!("../../projects/duisburg-huawei/corpus/002_15d2e01c1f59b2c6.txt"),
    ),
    (
        "corpus/003_386f34846738d4eb.txt",
        include_str!("../../projects/duisburg-huawei/corpus/003_386f34846738d4eb.txt"),
    ),
    (
        "corpus/004_b23167567ca44554.txt",
        include_str!("../../projects/duisburg-huawei/corpus/004_b23167567ca44554.txt"),
    ),
];

/// The bundled project in the source tree, when running from a checkout.
pub fn source_tree_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("projects")
        .join(NAME)
}

/// Where the bundled project is opened from: the source tree when present, otherwise a copy
/// written once into the user's data folder.
pub fn path() -> Result<PathBuf, StorageError> {
    let source = source_tree_path();
    if source.join("project.ron").is_file() {
        return Ok(source);
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    let dest = base.join("spanwise").join("projects").join(NAME);
    if !dest.join("project.ron").is_file() {
        extract_to(&dest)?;
    }
    Ok(dest)
}

/// Writes a fresh copy of the bundled project into `dest` (files already there are replaced).
pub fn extract_to(dest: &Path) -> Result<(), StorageError> {
    for (rel, text) in FILES {
        files::atomic_write(&dest.join(rel), text.as_bytes())?;
    }
    Ok(())
}
