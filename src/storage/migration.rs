//! Format versions: files of a newer version are refused with the version named; files of an
//! older version are migrated in memory (the original is backed up by [`crate::storage::backup`] before
//! the file is first overwritten).
//!
//! Version 1 is the first published format; a file without `format_version` is taken as
//! version 0 (the pre-release shape, identical but for the missing field). Each later version
//! adds one step to [`coder_file`] and [`project_file`].

use std::path::Path;

use serde::Deserialize;

use crate::model::codebook::Codebook;
use crate::model::coder::{CODER_FORMAT_VERSION, CoderFile};
use crate::model::coding::Coding;
use crate::model::corpus::DocumentMeta;
use crate::model::project::{PROJECT_FORMAT_VERSION, ProjectFile};
use crate::storage::coding_list;
use crate::storage::error::StorageError;
use crate::storage::files::parse_ron;

/// The format version a RON file declares (0 when it declares none), read from the text so that
/// a newer file is recognised even when its shape is not. Spanwise writes `format_version` as the
/// first field, so the first `format_version:` outside a string is the file's.
pub fn probe_version(path: &Path, text: &str) -> Result<u32, StorageError> {
    let Some(at) = field_outside_strings(text, "format_version") else {
        return Ok(0);
    };
    let rest = text[at + "format_version".len()..].trim_start();
    let digits: String = rest
        .strip_prefix(':')
        .unwrap_or("")
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().map_err(|_| {
        let (line, column) = crate::storage::encoding::line_column(text.as_bytes(), at);
        StorageError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message: "format_version must be a whole number".into(),
        }
    })
}

/// Byte offset of the first `name` that is not inside a string or char literal.
fn field_outside_strings(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            _ if !in_string && bytes[i..].starts_with(name.as_bytes()) => {
                let before = i.checked_sub(1).map(|b| bytes[b]);
                let after = bytes.get(i + name.len());
                let word =
                    |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
                if !word(before.as_ref()) && !word(after) {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn too_new(path: &Path, text: &str, found: u32, supported: u32) -> StorageError {
    let at = field_outside_strings(text, "format_version").unwrap_or(0);
    let (line, column) = crate::storage::encoding::line_column(text.as_bytes(), at);
    StorageError::InvalidAt {
        path: path.to_path_buf(),
        line,
        column,
        message: format!(
            "format version {found} is newer than this Spanwise reads (up to {supported}); \
             update Spanwise to open it"
        ),
    }
}

#[derive(Deserialize)]
struct CoderFileV0 {
    #[serde(default, rename = "format_version")]
    _format_version: u32,
    coder: String,
    codings: Vec<Coding>,
}

/// Parses a coder file of any supported version; returns it in the current shape and, when it
/// was migrated, the version it had.
pub fn coder_file(path: &Path, text: &str) -> Result<(CoderFile, Option<u32>), StorageError> {
    let version = probe_version(path, text)?;
    match version {
        v if v > CODER_FORMAT_VERSION => Err(too_new(path, text, v, CODER_FORMAT_VERSION)),
        CODER_FORMAT_VERSION => {
            // the codings list the fast way when it is as Spanwise writes it, else all by RON
            let fast = coding_list::parse(text, |rest| parse_ron(path, rest).ok());
            let file = match fast {
                Some(file) => file,
                None => parse_ron(path, text)?,
            };
            Ok((file, None))
        }
        0 => {
            let old: CoderFileV0 = parse_ron(path, text)?;
            let file = CoderFile {
                format_version: CODER_FORMAT_VERSION,
                coder: old.coder,
                progress: Default::default(),
                document_memos: Default::default(),
                texts: Default::default(),
                variables: Default::default(),
                rejected: Default::default(),
                codings: old.codings,
            };
            Ok((file, Some(0)))
        }
        v => unreachable!("coder format version {v} lies between 0 and the current one"),
    }
}

#[derive(Deserialize)]
struct ProjectFileV0 {
    #[serde(default, rename = "format_version")]
    _format_version: u32,
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
        v if v > PROJECT_FORMAT_VERSION => Err(too_new(path, text, v, PROJECT_FORMAT_VERSION)),
        PROJECT_FORMAT_VERSION => Ok((parse_ron(path, text)?, None)),
        0 => {
            let old: ProjectFileV0 = parse_ron(path, text)?;
            let file = ProjectFile {
                format_version: PROJECT_FORMAT_VERSION,
                name: old.name,
                memo: old.memo,
                codebook: old.codebook,
                variables: Vec::new(),
                documents: old.documents,
            };
            Ok((file, Some(0)))
        }
        v => unreachable!("project format version {v} lies between 0 and the current one"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_read_from_the_text() {
        let p = Path::new("x.ron");
        assert_eq!(probe_version(p, "(format_version: 7, a: [x])").unwrap(), 7);
        assert_eq!(
            probe_version(p, "(memo: \"format_version: 9\", b: 1)").unwrap(),
            0
        );
        assert_eq!(probe_version(p, "(my_format_version: 9)").unwrap(), 0);
        assert!(probe_version(p, "(format_version: \"x\")").is_err());
    }
}
