//! Creating a project from a folder of plain-text files.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::model::codebook::{Code, CodeId, Codebook};
use crate::model::corpus::{DocId, Document, DocumentMeta, headline_and_date, sha256_hex};
use crate::model::project::Project;
use crate::model::text::DocText;
use crate::model::text::normalise;
use crate::storage::encoding::decode_windows_1252;
use crate::storage::{self, StorageError};

/// What [`project_from_texts`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateReport {
    /// Documents added.
    pub added: usize,
    /// Files skipped, with the reason.
    pub skipped: Vec<String>,
}

impl fmt::Display for CreateReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Project created with {} documents", self.added)?;
        if !self.skipped.is_empty() {
            write!(f, "; skipped: {}", self.skipped.join("; "))?;
        }
        Ok(())
    }
}

/// How to decode a text file that is being added to a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoding {
    /// UTF-8 only; other bytes are an error naming the offset.
    Utf8,
    /// Windows-1252 (Western European), for old files from Windows tools.
    Windows1252,
}

/// Reads a text for adding to a corpus, normalised (BOM removed, LF, NFC).
pub fn read_text(path: &Path, decoding: Decoding) -> Result<String, StorageError> {
    let raw = match decoding {
        Decoding::Utf8 => storage::read_utf8(path)?,
        Decoding::Windows1252 => {
            let bytes = fs::read(path).map_err(|source| StorageError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            decode_windows_1252(&bytes)
        }
    };
    Ok(normalise(&raw))
}

/// Reads text files (normalised) and returns the document entries and texts to add with
/// [`crate::edit::command::Command::AddDocument`], each under a `corpus/` file name not yet taken.
/// Writes nothing: the texts are written by the next save of `project.ron`
/// ([`crate::storage::save_project_file`]), so undoing the command leaves no file behind.
pub fn add_documents(
    project: &Project,
    files: &[PathBuf],
    decoding: Decoding,
) -> Result<Vec<(DocumentMeta, String)>, StorageError> {
    let mut taken: std::collections::BTreeSet<String> = project
        .corpus
        .documents
        .iter()
        .map(|d| d.meta.id.0.clone())
        .collect();
    let mut out = Vec::new();
    for path in files {
        let text = read_text(path, decoding)?;
        let stem = path
            .file_stem()
            .map_or("doc".into(), |s| s.to_string_lossy().to_string());
        let stem = crate::model::coder::coder_file_stem(&stem);
        let mut id = stem.clone();
        let mut n = 2;
        while taken.contains(&id) || project.root.join(format!("corpus/{id}.txt")).exists() {
            id = format!("{stem}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        let rel = format!("corpus/{id}.txt");
        let (title, date) = headline_and_date(&text);
        let meta = DocumentMeta {
            id: DocId(id.clone()),
            path: rel,
            title: if title.is_empty() { id } else { title },
            date,
            source: path
                .parent()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().to_string()),
            sha256: sha256_hex(text.as_bytes()),
            memo: String::new(),
        };
        out.push((meta, text));
    }
    Ok(out)
}

/// The starting codebook of a new project: claim, risk, commitment.
pub fn default_codebook() -> Codebook {
    let code = |id: &str, colour: &str, key: char, definition: &str| Code {
        id: CodeId(id.into()),
        name: id.into(),
        colour: colour.into(),
        key: Some(key),
        definition: definition.into(),
        parent: None,
        attributes: Vec::new(),
    };
    Codebook {
        codes: vec![
            code(
                "claim",
                "#0072B2",
                '1',
                "An assertion presented as fact or assessment.",
            ),
            code("risk", "#D55E00", '2', "A danger or harm named or implied."),
            code(
                "commitment",
                "#009E73",
                '3',
                "A pledge or obligation an actor takes on.",
            ),
        ],
    }
}

/// Makes a new project in `dest` (which must not hold a project yet) from the `.txt` files of
/// `src`, copying each (normalised) into `dest/corpus/`.
pub fn project_from_texts(src: &Path, dest: &Path) -> Result<CreateReport, StorageError> {
    if dest.join("project.ron").exists() {
        return Err(StorageError::Refused {
            path: dest.join("project.ron"),
            reason: "a project exists here already".into(),
        });
    }
    let mut files: Vec<_> = fs::read_dir(src)
        .map_err(|source| StorageError::Io {
            path: src.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")))
        .collect();
    files.sort();
    let mut report = CreateReport {
        added: 0,
        skipped: Vec::new(),
    };
    let mut documents = Vec::new();
    for path in files {
        let raw = match storage::read_utf8(&path) {
            Ok(t) => t,
            Err(e) => {
                report.skipped.push(e.to_string());
                continue;
            }
        };
        let text = normalise(&raw);
        let stem = path
            .file_stem()
            .map_or("doc".into(), |s| s.to_string_lossy().to_string());
        let rel = format!("corpus/{stem}.txt");
        storage::atomic_write(&dest.join(&rel), text.as_bytes())?;
        let (title, date) = headline_and_date(&text);
        documents.push(Document {
            meta: DocumentMeta {
                id: DocId(stem.clone()),
                path: rel,
                title: if title.is_empty() { stem } else { title },
                date,
                source: None,
                sha256: sha256_hex(text.as_bytes()),
                memo: String::new(),
            },
            text: Some(DocText::new(text)),
        });
        report.added += 1;
    }
    let name = dest
        .file_name()
        .map_or("project".into(), |n| n.to_string_lossy().to_string());
    let project = Project::new(dest, name, default_codebook(), documents);
    storage::save_project_file(&project)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_bom_crlf_and_nfc() {
        let raw = "\u{feff}Gru\u{308}n\r\nzwei\rdrei";
        assert_eq!(normalise(raw), "Grün\nzwei\ndrei");
    }

    #[test]
    fn adds_documents_under_fresh_names_and_decodes_windows_1252() {
        let dest = tempfile::tempdir().unwrap();
        let src = tempfile::tempdir().unwrap();
        crate::storage::bundled::extract_to(dest.path()).unwrap();
        let project = storage::load_project(dest.path()).unwrap();
        let latin = src.path().join("alt.txt");
        fs::write(&latin, b"Gr\xfc\xdfe aus D\xfcsseldorf\r\nText").unwrap();
        let err =
            add_documents(&project, std::slice::from_ref(&latin), Decoding::Utf8).unwrap_err();
        assert!(err.to_string().contains("byte offset 2"), "{err}");
        let added = add_documents(&project, &[latin], Decoding::Windows1252).unwrap();
        assert_eq!(added[0].1, "Grüße aus Düsseldorf\nText");
        assert_eq!(added[0].0.title, "Grüße aus Düsseldorf");
        assert!(
            !dest.path().join(&added[0].0.path).exists(),
            "nothing is written before the command runs and the project is saved"
        );
    }

    #[test]
    fn makes_a_project_that_loads() {
        let src = tempfile::tempdir().unwrap();
        let dest = tempfile::tempdir().unwrap();
        fs::write(
            src.path().join("a.txt"),
            "Titel eins\n\nText über „Huawei“.",
        )
        .unwrap();
        fs::write(src.path().join("b.txt"), "\u{feff}Titel zwei\r\nMehr").unwrap();
        fs::write(src.path().join("skip.md"), "not a text").unwrap();
        let report = project_from_texts(src.path(), dest.path()).unwrap();
        assert_eq!(report.added, 2);
        let project = storage::load_project(dest.path()).unwrap();
        assert_eq!(project.corpus.documents.len(), 2);
        assert_eq!(project.corpus.documents[1].meta.title, "Titel zwei");
        assert!(project.problems.is_empty());
        let b = fs::read_to_string(dest.path().join("corpus/b.txt")).unwrap();
        assert_eq!(b, "Titel zwei\nMehr");
    }
}
