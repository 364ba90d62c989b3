//! What can go wrong reading or writing a project, as one error type that names the file (and
//! line and column for text that does not parse).

use std::path::PathBuf;

/// What can go wrong reading or writing a project.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A RON file is malformed or has the wrong shape.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The content at a known place in the file is not acceptable.
    #[error("{}:{line}:{column}: {message}", path.display())]
    InvalidAt {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file parsed but its content is not acceptable.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Writing was refused to protect a file.
    #[error("{}: not written: {reason}", path.display())]
    Refused {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A file was not read because of what it is (a link leaving the project, a pipe, a device,
    /// too large) or what it holds (a merge conflict).
    #[error("{}: {reason}", path.display())]
    NotRead {
        /// The file.
        path: PathBuf,
        /// Why, and what to do.
        reason: String,
    },
}
