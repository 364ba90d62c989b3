//! Checks of a coder file beyond its syntax: unique ids, well-formed spans, and (against the
//! project) known documents and codes and offsets inside unchanged texts.
//!
//! Errors name the file and the line and column of the offending coding's field, found in the
//! text only when there is an error, so checking stays linear in the number of codings.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::model::codebook::CodeId;
use crate::model::coder::CoderFile;
use crate::model::coding::{Coding, CodingId};
use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::variable::{Number, Variable, VariableId};
use crate::storage::encoding::line_column;
use crate::storage::error::StorageError;

/// Checks a coder file on its own: ids unique, `start <= end`.
pub fn check_coder_file(path: &Path, text: &str, file: &CoderFile) -> Result<(), StorageError> {
    let mut ids = HashSet::with_capacity(file.codings.len());
    for c in &file.codings {
        if !ids.insert(c.id) {
            let second =
                nth_coding_position(text, c.id, 1).or_else(|| field_position(text, c.id, "id"));
            return Err(located(
                path,
                second,
                format!("coding id {} appears twice", c.id.0),
            ));
        }
        if c.start > c.end {
            return Err(located(
                path,
                field_position(text, c.id, "start"),
                format!(
                    "coding {}: start {} is after end {}",
                    c.id.0, c.start, c.end
                ),
            ));
        }
    }
    Ok(())
}

/// What a coder file is checked against: the documents (with text length when the text is
/// unchanged) and the codes of a project.
#[derive(Debug)]
pub struct ProjectIndex<'a> {
    /// Per document: the char length of its text when present and unchanged.
    documents: HashMap<&'a DocId, Option<usize>>,
    codes: HashSet<&'a CodeId>,
    variables: HashMap<&'a VariableId, &'a Variable>,
}

impl<'a> ProjectIndex<'a> {
    /// Indexes a project (once per load).
    pub fn new(project: &'a Project) -> Self {
        let changed: HashSet<&DocId> = project
            .integrity
            .anchoring
            .changed_documents
            .iter()
            .collect();
        let documents = project
            .corpus
            .documents
            .iter()
            .map(|d| {
                let len = d
                    .text
                    .as_ref()
                    .filter(|_| !changed.contains(&d.meta.id))
                    .map(|t| t.char_len());
                (&d.meta.id, len)
            })
            .collect();
        let codes = project.codebook.codes.iter().map(|c| &c.id).collect();
        let variables = project.variables.iter().map(|v| (&v.id, v)).collect();
        Self {
            documents,
            codes,
            variables,
        }
    }

    /// Checks every coding's document, code and offsets, and every codesheet value's document,
    /// variable and value.
    pub fn check(&self, path: &Path, text: &str, file: &CoderFile) -> Result<(), StorageError> {
        file.codings
            .iter()
            .try_for_each(|c| self.check_coding(path, text, c))?;
        file.variables
            .iter()
            .try_for_each(|(doc, values)| self.check_values(path, text, doc, values))
    }

    fn check_values(
        &self,
        path: &Path,
        text: &str,
        doc: &DocId,
        values: &BTreeMap<VariableId, Number>,
    ) -> Result<(), StorageError> {
        if !self.documents.contains_key(doc) {
            return Err(located(
                path,
                value_position(text, doc, None),
                format!("codesheet: document `{doc}` is not in project.ron"),
            ));
        }
        for (id, value) in values {
            let at = || value_position(text, doc, Some(id));
            let Some(variable) = self.variables.get(id) else {
                return Err(located(
                    path,
                    at(),
                    format!(
                        "codesheet of document `{doc}`: variable `{id}` is not defined in project.ron"
                    ),
                ));
            };
            if let Err(e) = variable.check(*value) {
                return Err(located(
                    path,
                    at(),
                    format!("codesheet of document `{doc}`: {e}"),
                ));
            }
        }
        Ok(())
    }

    /// Every coding that fails [`ProjectIndex::check`], by its index in `file.codings`, with
    /// the error naming its line and column.
    pub fn invalid_codings(
        &self,
        path: &Path,
        text: &str,
        file: &CoderFile,
    ) -> Vec<(usize, StorageError)> {
        file.codings
            .iter()
            .enumerate()
            .filter_map(|(i, c)| self.check_coding(path, text, c).err().map(|e| (i, e)))
            .collect()
    }

    fn check_coding(&self, path: &Path, text: &str, c: &Coding) -> Result<(), StorageError> {
        let Some(len) = self.documents.get(&c.document) else {
            return Err(located(
                path,
                field_position(text, c.id, "document"),
                format!(
                    "coding {}: document `{}` is not in project.ron",
                    c.id.0, c.document
                ),
            ));
        };
        if !self.codes.contains(&c.code) {
            return Err(located(
                path,
                field_position(text, c.id, "code"),
                format!(
                    "coding {}: code `{}` is not in the codebook",
                    c.id.0, c.code
                ),
            ));
        }
        if let Some(len) = *len
            && c.end > len
        {
            return Err(located(
                path,
                field_position(text, c.id, "end"),
                format!(
                    "coding {}: end {} lies past the end of document `{}` ({len} chars), whose text is unchanged",
                    c.id.0, c.end, c.document
                ),
            ));
        }
        Ok(())
    }
}

fn located(path: &Path, at: Option<(usize, usize)>, message: String) -> StorageError {
    match at {
        Some((line, column)) => StorageError::InvalidAt {
            path: path.to_path_buf(),
            line,
            column,
            message,
        },
        None => StorageError::Invalid {
            path: path.to_path_buf(),
            message,
        },
    }
}

/// Line and column of a document's entry (or of one variable in it) under `variables:`.
fn value_position(
    text: &str,
    doc: &DocId,
    variable: Option<&VariableId>,
) -> Option<(usize, usize)> {
    let start = text.find("variables:")?;
    let doc_at = start + text[start..].find(&ron_string(doc.as_str()))?;
    let at = match variable {
        None => doc_at,
        Some(v) => doc_at + text[doc_at..].find(&ron_string(v.as_str())).unwrap_or(0),
    };
    Some(line_column(text.as_bytes(), at))
}

/// A string as the RON writer quotes it (keys are ids: plain text, rarely escaped).
fn ron_string(s: &str) -> String {
    format!("{s:?}")
}

/// Byte offsets of `id: <n>` entries for coding `id` in a coder file's text.
fn coding_offsets(text: &str, id: CodingId) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    text.match_indices("id:").filter_map(move |(at, _)| {
        let before_ok = at == 0
            || !(bytes[at - 1].is_ascii_alphanumeric() || matches!(bytes[at - 1], b'_' | b'"'));
        let rest = text[at + 3..].trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (before_ok && digits.parse::<u64>().ok() == Some(id.0)).then_some(at)
    })
}

fn nth_coding_position(text: &str, id: CodingId, n: usize) -> Option<(usize, usize)> {
    coding_offsets(text, id)
        .nth(n)
        .map(|at| line_column(text.as_bytes(), at))
}

/// Line and column of a field of the first coding with this id (or of its id).
fn field_position(text: &str, id: CodingId, field: &str) -> Option<(usize, usize)> {
    let at = coding_offsets(text, id).next()?;
    let rest = &text[at..];
    let end = rest[3..].find("id:").map_or(rest.len(), |e| e + 3);
    let key = format!("{field}:");
    let offset = rest[..end]
        .match_indices(&key)
        .find(|(i, _)| {
            *i == 0
                || !rest.as_bytes()[i - 1].is_ascii_alphanumeric() && rest.as_bytes()[i - 1] != b'_'
        })
        .map_or(at, |(i, _)| at + i);
    Some(line_column(text.as_bytes(), offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_field_of_a_coding() {
        let text = "(\n    codings: [\n        (\n            id: 3,\n            document: \"a\",\n            start: 9,\n        ),\n        (\n            id: 4,\n            start: 1,\n        ),\n    ],\n)";
        assert_eq!(field_position(text, CodingId(3), "start"), Some((6, 13)));
        assert_eq!(field_position(text, CodingId(4), "start"), Some((10, 13)));
        assert_eq!(field_position(text, CodingId(4), "document"), Some((9, 13)));
        assert_eq!(nth_coding_position(text, CodingId(4), 1), None);
    }
}
