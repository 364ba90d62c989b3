//! Format versions: files of a newer version are refused with the version named; files of an
//! older version are migrated in memory (the original is backed up by [`crate::backup`] before
//! the file is first overwritten).
//!
//! Version 1 is the first published format; a file without `format_version` is taken as
//! version 0 (the pre-release shape, identical but for the missing field). Each later version
//! adds one step to [`coder_file`] and [`project_file`].

use std::path::Path;

use serde::Deserialize;

use crate::codebook::Codebook;
use crate::coder::{CODER_FORMAT_VERSION, CoderFile};
use crate::coding::Coding;
use crate::corpus::DocumentMeta;
use crate::project::{PROJECT_FORMAT_VERSION, ProjectFile};
use crate::storage::{StorageError, parse_ron};

#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    format_version: u32,
}

/// The format version a RON file declares (0 when it declares none).
pub fn probe_version(path: &Path, text: &str) -> Result<u32, StorageError> {
    parse_ron::<Probe>(path, text).map(|p| p.format_version)
}

fn too_new(path: &Path, found: u32, supported: u32) -> StorageError {
    StorageError::Invalid {
        path: path.to_path_buf(),
        message: format!(
            "format version {found} is newer than this Spanwise reads (up to {supported}); \
             update Spanwise to open it"
        ),
    }
}

#[derive(Deserialize)]
struct CoderFileV0 {
    coder: String,
    codings: Vec<Coding>,
}

/// Parses a coder file of any supported version; returns it in the current shape and, when it
/// was migrated, the version it had.
pub fn coder_file(path: &Path, text: &str) -> Result<(CoderFile, Option<u32>), StorageError> {
    let version = probe_version(path, text)?;
    match version {
        v if v > CODER_FORMAT_VERSION => Err(too_new(path, v, CODER_FORMAT_VERSION)),
        CODER_FORMAT_VERSION => Ok((parse_ron(path, text)?, None)),
        0 => {
            let old: CoderFileV0 = parse_ron(path, text)?;
            let file = CoderFile {
                format_version: CODER_FORMAT_VERSION,
                coder: old.coder,
                codings: old.codings,
            };
            Ok((file, Some(0)))
        }
        v => unreachable!("coder format version {v} lies between 0 and the current one"),
    }
}

#[derive(Deserialize)]
struct ProjectFileV0 {
    name: String,
    #[serde(default)]
    memo: String,
    codebook: Codebook,
    documents: Vec<DocumentMeta>,
}

/// Parses `project.ron` of any supported version; returns it in the current shape and, when it
/// was migrated, the version it had.
pub fn project_file(path: &Path, text: &str) -> Result<(ProjectFile, Option<u32>), StorageError> {
    let version = probe_version(path, text)?;
    match version {
        v if v > PROJECT_FORMAT_VERSION => Err(too_new(path, v, PROJECT_FORMAT_VERSION)),
        PROJECT_FORMAT_VERSION => Ok((parse_ron(path, text)?, None)),
        0 => {
            let old: ProjectFileV0 = parse_ron(path, text)?;
            let file = ProjectFile {
                format_version: PROJECT_FORMAT_VERSION,
                name: old.name,
                memo: old.memo,
                codebook: old.codebook,
                documents: old.documents,
            };
            Ok((file, Some(0)))
        }
        v => unreachable!("project format version {v} lies between 0 and the current one"),
    }
}
