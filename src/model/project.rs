//! A project: codebook, corpus and every coder's codings, as loaded from one folder.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::anchoring::AnchorReport;
use crate::model::codebook::Codebook;
use crate::model::coder::{CoderFile, coder_file_stem};
use crate::model::corpus::{Corpus, DocId, DocumentMeta};
use crate::model::variable::{Variable, VariableId};

/// Format version of `project.ron` written by this build.
pub const PROJECT_FORMAT_VERSION: u32 = 1;

/// The contents of `project.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectFile {
    /// Format version of this file.
    pub format_version: u32,
    /// Project name.
    pub name: String,
    /// The project memo.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
    /// The codebook.
    pub codebook: Codebook,
    /// The document variables of the codesheet, in display order (absent: none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variables: Vec<Variable>,
    /// The documents, in display order.
    pub documents: Vec<DocumentMeta>,
}

/// Something found while loading that did not stop the project from opening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    /// The file concerned.
    pub path: PathBuf,
    /// What is wrong, with line and column where they apply.
    pub message: String,
    /// Whether the file was read fully (a note) or not (left out or read-only).
    pub kind: ProblemKind,
}

/// How serious a load problem is: whether the file concerned was read fully.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file was read fully; something about it is worth knowing (a migration, a BOM).
    Note,
    /// A corpus text is missing; its codings are kept.
    MissingText,
    /// A file exists but could not be read fully (syntax, newer format, merge conflict,
    /// failed validation, not a regular file, too large): it is left out and never written.
    Unreadable,
    /// One coding that failed validation was left out of a read-only load on request
    /// (`spanwise agreement --skip-invalid`); the rest of its file was read.
    SkippedCoding,
    /// A sync tool's conflict copy of the file of the coder with this file stem.
    ConflictCopy {
        /// The coder file stem the copy belongs to.
        coder: String,
    },
}

impl LoadProblem {
    /// True when the file concerned exists but was not read fully, so a command that used the
    /// project would silently lack it.
    pub fn is_unread(&self) -> bool {
        matches!(
            self.kind,
            ProblemKind::Unreadable | ProblemKind::ConflictCopy { .. }
        )
    }
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message)
    }
}

/// An open project.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project folder.
    pub root: PathBuf,
    /// Project name.
    pub name: String,
    /// Project memo.
    pub memo: String,
    /// The codebook.
    pub codebook: Codebook,
    /// The document variables of the codesheet, in display order.
    pub variables: Vec<Variable>,
    /// The documents and their texts.
    pub corpus: Corpus,
    /// Every coder's codings, by coder file stem.
    pub coders: BTreeMap<String, CoderFile>,
    /// Problems met while loading.
    pub problems: Vec<LoadProblem>,
    /// Coder file stems whose file could not be read: these are never written.
    pub unreadable_coders: BTreeSet<String>,
    /// Re-anchoring, codings needing attention and migrations found while loading.
    pub integrity: Integrity,
}

/// What loading found about the project's health beyond outright errors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Integrity {
    /// Changed and missing texts, moved codings and codings that need the user.
    pub anchoring: AnchorReport,
    /// Files read in an older format, by coder file stem (`project` for `project.ron`), with the
    /// version they had.
    pub migrated: BTreeMap<String, u32>,
}

impl Project {
    /// A copy that holds only the chosen coders' files (a name is a coder or a file stem; all
    /// coders when `names` is empty), for work on another thread that reads those coders
    /// alone, e.g. an export: the texts are shared, not copied, and no other coder's codings are
    /// cloned.
    pub fn with_coders(&self, names: &[String]) -> Project {
        let chosen = |stem: &String, file: &CoderFile| {
            names.is_empty()
                || names
                    .iter()
                    .any(|n| file.coder == *n || *stem == coder_file_stem(n))
        };
        Project {
            root: self.root.clone(),
            name: self.name.clone(),
            memo: self.memo.clone(),
            codebook: self.codebook.clone(),
            variables: self.variables.clone(),
            corpus: self.corpus.clone(),
            coders: (self.coders.iter())
                .filter(|(stem, file)| chosen(stem, file))
                .map(|(stem, file)| (stem.clone(), file.clone()))
                .collect(),
            problems: self.problems.clone(),
            unreadable_coders: self.unreadable_coders.clone(),
            integrity: self.integrity.clone(),
        }
    }

    /// A project with these documents and no coders, problems or load findings yet (for
    /// importers, generators and tests; fill in `memo` and `coders` with struct update syntax).
    pub fn new(
        root: impl Into<PathBuf>,
        name: impl Into<String>,
        codebook: Codebook,
        documents: Vec<crate::model::corpus::Document>,
    ) -> Self {
        Self {
            root: root.into(),
            name: name.into(),
            memo: String::new(),
            codebook,
            variables: Vec::new(),
            corpus: Corpus { documents },
            coders: BTreeMap::new(),
            problems: Vec::new(),
            unreadable_coders: BTreeSet::new(),
            integrity: Default::default(),
        }
    }

    /// The `project.ron` contents for the current state.
    pub fn to_file(&self) -> ProjectFile {
        ProjectFile {
            format_version: PROJECT_FORMAT_VERSION,
            name: self.name.clone(),
            memo: self.memo.clone(),
            codebook: self.codebook.clone(),
            variables: self.variables.clone(),
            documents: self
                .corpus
                .documents
                .iter()
                .map(|d| d.meta.clone())
                .collect(),
        }
    }

    /// Path of `project.ron`.
    pub fn project_file_path(&self) -> PathBuf {
        self.root.join("project.ron")
    }

    /// Path of a coder's file.
    pub fn coder_path(&self, coder: &str) -> PathBuf {
        self.root
            .join("coding")
            .join(format!("{}.ron", coder_file_stem(coder)))
    }

    /// A coder's codings, if the coder has a file.
    pub fn coder(&self, coder: &str) -> Option<&CoderFile> {
        self.coders.get(&coder_file_stem(coder))
    }

    /// A coder's codings, created empty when the coder has none yet.
    pub fn coder_mut(&mut self, coder: &str) -> &mut CoderFile {
        self.coders
            .entry(coder_file_stem(coder))
            .or_insert_with(|| CoderFile::new(coder))
    }

    /// A coder's memo on a document: their own (from `coding/<coder>.ron`), else the memo an
    /// older `project.ron` held for it, else empty.
    pub fn document_memo(&self, coder: &str, doc: &DocId) -> &str {
        if let Some(memo) = self.coder(coder).and_then(|f| f.document_memo(doc)) {
            return memo;
        }
        self.legacy_document_memo(doc)
    }

    /// The memo `project.ron` holds for a document (written by Spanwise before document memos
    /// moved into the coder files; read, never written by a coder any more).
    pub fn legacy_document_memo(&self, doc: &DocId) -> &str {
        self.corpus.get(doc).map_or("", |d| d.meta.memo.as_str())
    }

    /// Names of all coders with a file, sorted.
    pub fn coder_names(&self) -> Vec<String> {
        self.coders.values().map(|c| c.coder.clone()).collect()
    }

    /// True when a coder's file could not be read (and so must not be written).
    pub fn is_unreadable(&self, coder: &str) -> bool {
        self.unreadable_coders.contains(&coder_file_stem(coder))
    }

    /// The document variable with this id.
    pub fn variable(&self, id: &VariableId) -> Option<&Variable> {
        self.variables.iter().find(|v| &v.id == id)
    }

    /// The files that exist but were not read fully (left out of the project), in load order.
    pub fn unread_files(&self) -> impl Iterator<Item = &LoadProblem> + '_ {
        self.problems.iter().filter(|p| p.is_unread())
    }

    /// Why a coder's file was not read, if it was not (the load message, naming file:line:col).
    pub fn unread_reason(&self, coder: &str) -> Option<&str> {
        let path = self.coder_path(coder);
        self.unread_files()
            .find(|p| p.path == path)
            .map(|p| p.message.as_str())
    }
}
