//! What a `.qdpx` import reports, what a user can choose for it, and why it can fail: the types
//! [`super::qdpx_import`] returns and [`super::qdpx_build`] fills in.

use std::path::PathBuf;

use super::qdpx_positions::{PositionsChoice, Reading};
use super::qdpx_zip::ZipError;
use crate::storage::StorageError;

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The `.qdpx` could not be read.
    #[error("{}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not a readable zip.
    #[error("not a readable .qdpx zip: {0}")]
    Zip(zip::result::ZipError),
    /// An entry would be written outside the project (zip-slip).
    #[error("zip entry `{0}` has an absolute or `..` path; refusing the file")]
    UnsafeEntry(String),
    /// An entry unpacks to far more than it packs.
    #[error(
        "zip entry `{name}` unpacks to more than {} times its packed size ({packed} bytes): refused as a zip bomb",
        super::qdpx_zip::MAX_RATIO
    )]
    ZipBomb {
        /// Entry name.
        name: String,
        /// Its packed size.
        packed: u64,
    },
    /// The source texts are too large to hold.
    #[error(
        "the source texts unpack to more than {} bytes; refused",
        super::qdpx_zip::MAX_TEXT_TOTAL_BYTES
    )]
    TooLarge,
    /// Reading an entry failed.
    #[error("zip entry `{name}`: {source}")]
    Entry {
        /// Entry name.
        name: String,
        /// The error.
        source: std::io::Error,
    },
    /// No `project.qde` in the zip.
    #[error("no project.qde in the .qdpx")]
    NoProjectFile,
    /// `project.qde` is not well-formed XML (`project.qde:line:col: …`).
    #[error("{0}")]
    Xml(String),
    /// Two elements share a GUID.
    #[error(
        "project.qde:{line}:{col}: GUID {guid} of this {element} is already the GUID of the {first_element} at line {first_line}, column {first_col}; \
         every object needs its own GUID, so the file is refused rather than the two merged (fix it in the tool that wrote it)"
    )]
    DuplicateGuid {
        /// The GUID as written the second time.
        guid: String,
        /// The element that repeats it.
        element: String,
        /// Its line.
        line: usize,
        /// Its column.
        col: usize,
        /// The element that had it first.
        first_element: String,
        /// Its line.
        first_line: usize,
        /// Its column.
        first_col: usize,
    },
    /// The import was cancelled; nothing of it is left in the destination.
    #[error("the import was cancelled")]
    Cancelled,
    /// The destination exists and is not empty.
    #[error("{}: the destination folder is not empty", .0.display())]
    DestinationNotEmpty(PathBuf),
    /// Writing the new project failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl From<ZipError> for ImportError {
    fn from(e: ZipError) -> Self {
        match e {
            ZipError::Zip(z) => ImportError::Zip(z),
            ZipError::UnsafeEntry(n) => ImportError::UnsafeEntry(n),
            ZipError::NoProjectFile => ImportError::NoProjectFile,
            ZipError::Bomb { name, packed } => ImportError::ZipBomb { name, packed },
            ZipError::TooLarge => ImportError::TooLarge,
            ZipError::Entry { name, source } => ImportError::Entry { name, source },
        }
    }
}

/// Choices a user can make for an import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// How selection positions are read (`--positions`).
    pub positions: PositionsChoice,
}

/// What an import made, and what it could not carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The new project folder.
    pub project_dir: PathBuf,
    /// Project name.
    pub name: String,
    /// The tool that wrote the file (`Project/@origin`).
    pub origin: String,
    /// Documents imported (with a plain text).
    pub documents: usize,
    /// Codes imported.
    pub codes: usize,
    /// Coders (one file each), by name.
    pub coders: Vec<String>,
    /// Codings imported.
    pub codings: usize,
    /// How positions were read.
    pub reading: Option<Reading>,
    /// Why that reading: its score, the next best, the origin.
    pub reading_reason: String,
    /// Codings that could not be placed exactly (code, source, position, why); not imported.
    pub unplaced: Vec<String>,
    /// Sources without a plain-text representation; not imported, not counted.
    pub without_text: Vec<String>,
    /// Who coded: where `Coding` and `PlainTextSelection` name different users.
    pub coders_note: Vec<String>,
    /// Everything else found that the new project does not hold, one line each.
    pub not_carried: Vec<String>,
}
