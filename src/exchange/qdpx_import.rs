//! REFI-QDA `.qdpx` import: a new Spanwise project folder (`project.ron`, `corpus/*.txt`,
//! `coding/<user>.ron`) from a project as MAXQDA, ATLAS.ti, NVivo or QualCoder write it.
//!
//! Texts are decoded (UTF-8, or UTF-16 with a BOM), the BOM is dropped and CRLF / CR line ends
//! become LF; selection positions count code points of the text as stored in the `.qdpx` (BOM not
//! counted) and are moved with the text, so every coding stays on the same words. Each `User`'s
//! codings become that coder's file. What a Spanwise project cannot hold (non-text sources, whole-
//! document codings, selections without a code, unknown users or codes) is listed in the
//! [`ImportReport`]. Zip entries with absolute or `..` paths are refused, and sizes are bounded.

use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use super::plain_text::PlainText;
use super::qde::{QdeProject, QdeSelection, QdeTextSource, parse_qde};
use crate::model::codebook::{CodeId, Codebook, parse_hex_colour};
use crate::model::coder::{CoderFile, coder_file_stem};
use crate::model::coding::{Coding, CodingId, now_timestamp};
use crate::model::corpus::{DocId, Document, DocumentMeta, headline_and_date, sha256_hex};
use crate::model::new_code::new_code;
use crate::model::project::Project;
use crate::model::span::Span;
use crate::model::text::DocText;
use crate::storage::encoding::decode_any;
use crate::storage::{self, StorageError};

/// Largest zip entry accepted (uncompressed).
pub const MAX_ENTRY_BYTES: u64 = 200 * 1024 * 1024;
/// Largest total of all zip entries accepted (uncompressed).
pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;

/// Coder name for codings whose user the `.qdpx` does not name.
pub const UNKNOWN_CODER: &str = "unknown";

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
    Zip(#[from] zip::result::ZipError),
    /// An entry would be written outside the project (zip-slip).
    #[error("zip entry `{0}` has an absolute or `..` path; refusing the file")]
    UnsafeEntry(String),
    /// An entry is larger than [`MAX_ENTRY_BYTES`].
    #[error("zip entry `{name}` is {size} bytes; entries over {MAX_ENTRY_BYTES} bytes are refused")]
    EntryTooLarge {
        /// Entry name.
        name: String,
        /// Its size.
        size: u64,
    },
    /// The entries add up to more than [`MAX_TOTAL_BYTES`].
    #[error("the .qdpx unpacks to more than {MAX_TOTAL_BYTES} bytes; refused")]
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
    /// `project.qde` is not well-formed XML.
    #[error("project.qde: {0}")]
    Xml(String),
    /// The destination exists and is not empty.
    #[error("{}: the destination folder is not empty", .0.display())]
    DestinationNotEmpty(PathBuf),
    /// Writing the new project failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// What an import made, and what it could not carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The new project folder.
    pub project_dir: PathBuf,
    /// Project name.
    pub name: String,
    /// Documents imported.
    pub documents: usize,
    /// Codes imported.
    pub codes: usize,
    /// Coders (one file each), by name.
    pub coders: Vec<String>,
    /// Codings imported.
    pub codings: usize,
    /// Everything found that the new project does not hold, one line each.
    pub not_carried: Vec<String>,
}

/// Imports a `.qdpx` file into a new project folder `dest_dir` (which must be absent or empty).
pub fn import_qdpx(file: &Path, dest_dir: &Path) -> Result<ImportReport, ImportError> {
    let bytes = std::fs::read(file).map_err(|source| ImportError::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let fallback_name = file.file_stem().map_or("Imported project".into(), |s| {
        s.to_string_lossy().into_owned()
    });
    import_qdpx_bytes(&bytes, &fallback_name, dest_dir)
}

/// Imports `.qdpx` bytes into a new project folder; `fallback_name` names a nameless project.
pub fn import_qdpx_bytes(
    bytes: &[u8],
    fallback_name: &str,
    dest_dir: &Path,
) -> Result<ImportReport, ImportError> {
    let entries = read_entries(bytes)?;
    let qde_bytes = entries.project_file().ok_or(ImportError::NoProjectFile)?;
    let (qde_text, _) = decode_any(qde_bytes);
    let qde = parse_qde(&qde_text).map_err(|e| ImportError::Xml(e.to_string()))?;
    check_destination(dest_dir)?;
    let mut report = ImportReport {
        project_dir: dest_dir.to_path_buf(),
        not_carried: qde.not_carried.clone(),
        ..Default::default()
    };
    let project = build_project(&qde, &entries, fallback_name, dest_dir, &mut report);
    write_project(&project)?;
    report.name = project.name.clone();
    report.documents = project.corpus.documents.len();
    report.codes = project.codebook.codes.len();
    report.coders = project.coder_names();
    report.codings = project.coders.values().map(|c| c.codings.len()).sum();
    Ok(report)
}

/// The zip's files by lower-case name.
struct Entries(HashMap<String, Vec<u8>>);

impl Entries {
    fn project_file(&self) -> Option<&[u8]> {
        self.0.get("project.qde").map(Vec::as_slice).or_else(|| {
            let mut names: Vec<&String> = self
                .0
                .keys()
                .filter(|n| n.ends_with(".qde") && !n.contains('/'))
                .collect();
            names.sort();
            names.first().map(|n| self.0[*n].as_slice())
        })
    }

    /// The file an `internal://<name>` path points at (in `sources/`, any case).
    fn internal(&self, path: &str) -> Option<&[u8]> {
        let name = path.strip_prefix("internal://")?.to_lowercase();
        self.0
            .get(&format!("sources/{name}"))
            .or_else(|| self.0.get(&name))
            .map(Vec::as_slice)
    }
}

fn is_unsafe_name(name: &str) -> bool {
    let unified = name.replace('\\', "/");
    unified.starts_with('/')
        || unified.as_bytes().get(1) == Some(&b':')
        || unified.split('/').any(|part| part == "..")
}

fn read_entries(bytes: &[u8]) -> Result<Entries, ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut out = HashMap::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index(i)?;
        let name = entry.name().to_string();
        if is_unsafe_name(&name) || entry.enclosed_name().is_none() {
            return Err(ImportError::UnsafeEntry(name));
        }
        if entry.is_dir() {
            continue;
        }
        if entry.size() > MAX_ENTRY_BYTES {
            return Err(ImportError::EntryTooLarge {
                size: entry.size(),
                name,
            });
        }
        let mut data = Vec::new();
        // Declared sizes can lie: never read more than the limit allows.
        entry
            .take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut data)
            .map_err(|source| ImportError::Entry {
                name: name.clone(),
                source,
            })?;
        if data.len() as u64 > MAX_ENTRY_BYTES {
            return Err(ImportError::EntryTooLarge {
                size: data.len() as u64,
                name,
            });
        }
        total += data.len() as u64;
        if total > MAX_TOTAL_BYTES {
            return Err(ImportError::TooLarge);
        }
        out.insert(name.replace('\\', "/").to_lowercase(), data);
    }
    Ok(Entries(out))
}

fn check_destination(dest: &Path) -> Result<(), ImportError> {
    let not_empty = std::fs::read_dir(dest).is_ok_and(|mut d| d.next().is_some());
    if not_empty || dest.is_file() {
        return Err(ImportError::DestinationNotEmpty(dest.to_path_buf()));
    }
    Ok(())
}

/// GUIDs compare without braces and case.
fn guid_key(guid: &str) -> String {
    guid.trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .to_uppercase()
}

fn build_project(
    qde: &QdeProject,
    entries: &Entries,
    fallback_name: &str,
    root: &Path,
    report: &mut ImportReport,
) -> Project {
    let (codebook, code_ids) = build_codebook(qde);
    let users = user_names(qde);
    let mut ctx = Build {
        qde,
        code_ids,
        users,
        coders: BTreeMap::new(),
        report,
    };
    let mut documents = Vec::new();
    for source in &qde.sources {
        if let Some(doc) = ctx.document(source, entries, documents.len()) {
            documents.push(doc);
        }
    }
    let mut memo = qde.description.clone();
    append_notes(&mut memo, &qde.notes, qde, entries);
    let mut coders = BTreeMap::new();
    for (stem, mut file) in ctx.coders {
        file.sort();
        for (i, c) in file.codings.iter_mut().enumerate() {
            c.id = CodingId(i as u64 + 1);
        }
        coders.insert(stem, file);
    }
    let name = if qde.name.trim().is_empty() {
        fallback_name.to_string()
    } else {
        qde.name.clone()
    };
    Project {
        memo,
        coders,
        ..Project::new(root, name, codebook, documents)
    }
}

/// Codes with ids, colours and keys allocated by [`crate::model::new_code`] (the file's colour when
/// it has one), in the file's order.
fn build_codebook(qde: &QdeProject) -> (Codebook, HashMap<String, CodeId>) {
    let mut by_guid: HashMap<String, CodeId> = HashMap::new();
    let mut book = Codebook::default();
    for c in &qde.codes {
        let colour = expand_colour(&c.color);
        let mut code = new_code(&book, &c.name, colour.as_deref());
        if code.name.is_empty() {
            code.name = code.id.0.clone();
        }
        code.definition = c.description.clone();
        code.parent = c
            .parent
            .as_ref()
            .and_then(|p| by_guid.get(&guid_key(p)).cloned());
        let id = code.id.clone();
        book.codes.push(code);
        by_guid.insert(guid_key(&c.guid), id);
    }
    (book, by_guid)
}

fn unique(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken(c))
        .expect("some suffix is free")
}

/// `#RGB` or `#RRGGBB` as upper-case `#RRGGBB`.
fn expand_colour(colour: &str) -> Option<String> {
    let hex = colour.trim().strip_prefix('#')?;
    let full = if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_string()
    };
    parse_hex_colour(&format!("#{full}")).map(|[r, g, b]| format!("#{r:02X}{g:02X}{b:02X}"))
}

/// Coder names by user GUID: the user's name, else id, else part of the GUID; unique file stems.
fn user_names(qde: &QdeProject) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut stems: Vec<String> = vec![coder_file_stem(UNKNOWN_CODER)];
    for u in &qde.users {
        let base = [u.name.trim(), u.id.trim()]
            .into_iter()
            .find(|s| !s.is_empty())
            .map_or_else(
                || {
                    format!(
                        "user-{}",
                        &guid_key(&u.guid).chars().take(8).collect::<String>()
                    )
                },
                str::to_string,
            );
        let name = unique(base, |n| stems.contains(&coder_file_stem(n)));
        stems.push(coder_file_stem(&name));
        out.insert(guid_key(&u.guid), name);
    }
    out
}

fn append_notes(memo: &mut String, refs: &[String], qde: &QdeProject, entries: &Entries) {
    for r in refs {
        let Some(note) = qde.note_texts.get(r).or_else(|| {
            let key = guid_key(r);
            qde.note_texts
                .iter()
                .find(|(g, _)| guid_key(g) == key)
                .map(|(_, n)| n)
        }) else {
            continue;
        };
        let text = match (&note.content, &note.plain_text_path) {
            (Some(t), _) => t.clone(),
            (None, Some(p)) => entries
                .internal(p)
                .map(|b| decode_any(b).0)
                .unwrap_or_default(),
            _ => String::new(),
        };
        let text = PlainText::normalise(&text).text;
        if text.trim().is_empty() {
            continue;
        }
        if !memo.is_empty() {
            memo.push_str("\n\n");
        }
        memo.push_str(text.trim_end());
    }
}

/// State while building documents and codings.
struct Build<'a> {
    qde: &'a QdeProject,
    code_ids: HashMap<String, CodeId>,
    users: HashMap<String, String>,
    coders: BTreeMap<String, CoderFile>,
    report: &'a mut ImportReport,
}

impl Build<'_> {
    fn document(
        &mut self,
        source: &QdeTextSource,
        entries: &Entries,
        index: usize,
    ) -> Option<Document> {
        let raw = match (&source.content, &source.plain_text_path) {
            (Some(text), _) => text.clone(),
            (None, Some(path)) => match entries.internal(path) {
                Some(bytes) => {
                    let (text, note) = decode_any(bytes);
                    if let Some(note) = note {
                        self.not_carried(format!("TextSource `{}`: {note}", source.name));
                    }
                    text
                }
                None => {
                    self.not_carried(format!(
                        "TextSource `{}`: its text `{path}` is not inside the .qdpx; skipped with its {} selection(s)",
                        source.name,
                        source.selections.len()
                    ));
                    return None;
                }
            },
            (None, None) => {
                self.not_carried(format!("TextSource `{}` has no text; skipped", source.name));
                return None;
            }
        };
        let plain = PlainText::normalise(&raw);
        let sha = sha256_hex(plain.text.as_bytes());
        let id = DocId(format!("{index:03}_{}", &sha[..16]));
        let (headline, date) = headline_and_date(&plain.text);
        let title = if source.name.trim().is_empty() {
            headline
        } else {
            source.name.trim().to_string()
        };
        let mut memo = source.description.clone();
        append_notes(&mut memo, &source.notes, self.qde, entries);
        if source.whole_source_codings > 0 {
            self.not_carried(format!(
                "TextSource `{}`: {} coding(s) of the whole document (Spanwise codes spans)",
                source.name, source.whole_source_codings
            ));
        }
        let text = DocText::new(plain.text.clone());
        for sel in &source.selections {
            self.selection(sel, &id, &plain, &text, entries, &source.name);
        }
        Some(Document {
            meta: DocumentMeta {
                path: format!("corpus/{}.txt", id.0),
                id,
                title,
                date,
                source: None,
                sha256: sha,
                memo,
            },
            text: Some(text),
        })
    }

    fn not_carried(&mut self, line: String) {
        self.report.not_carried.push(line);
    }

    fn selection(
        &mut self,
        sel: &QdeSelection,
        doc: &DocId,
        plain: &PlainText,
        text: &DocText,
        entries: &Entries,
        source_name: &str,
    ) {
        let span = (sel.start >= 0 && sel.end > sel.start)
            .then(|| {
                Some(Span::new(
                    plain.position(sel.start as usize)?,
                    plain.position(sel.end as usize)?,
                ))
            })
            .flatten()
            .filter(|s| !s.is_empty());
        let Some(span) = span else {
            self.not_carried(format!(
                "`{source_name}`: selection {} at {}..{} is empty or leaves the text",
                sel.guid, sel.start, sel.end
            ));
            return;
        };
        if sel.codings.is_empty() {
            self.not_carried(format!(
                "`{source_name}`: selection {} at {}..{} has no code",
                sel.guid, sel.start, sel.end
            ));
        }
        let quote = text.slice(span).unwrap_or_default().to_string();
        for coding in &sel.codings {
            let Some(code) = self.code_ids.get(&guid_key(&coding.code)).cloned() else {
                self.not_carried(format!(
                    "`{source_name}`: selection {} refers to unknown code {}",
                    sel.guid, coding.code
                ));
                continue;
            };
            let user = coding
                .user
                .as_ref()
                .or(sel.user.as_ref())
                .or(self.qde.creating_user.as_ref());
            let coder = self.coder_for(user, &sel.guid, source_name);
            let mut memo = sel.description.clone();
            append_notes(&mut memo, &sel.notes, self.qde, entries);
            append_notes(&mut memo, &coding.notes, self.qde, entries);
            let created = rfc3339(coding.created.as_ref().or(sel.created.as_ref()));
            let modified = rfc3339(sel.modified.as_ref())
                .unwrap_or_else(|| created.clone().unwrap_or_default());
            let created = created.unwrap_or_else(now_timestamp);
            let modified = if modified.is_empty() {
                created.clone()
            } else {
                modified
            };
            self.coders
                .entry(coder_file_stem(&coder))
                .or_insert_with(|| CoderFile::new(&coder))
                .codings
                .push(Coding {
                    id: CodingId(0),
                    document: doc.clone(),
                    code,
                    start: span.start,
                    end: span.end,
                    quote: quote.clone(),
                    memo: memo.clone(),
                    attributes: Default::default(),
                    created,
                    modified,
                });
        }
    }

    fn coder_for(&mut self, user: Option<&String>, sel: &str, source_name: &str) -> String {
        if let Some(name) = user.and_then(|u| self.users.get(&guid_key(u))) {
            return name.clone();
        }
        self.not_carried(format!(
            "`{source_name}`: selection {sel} names no known user ({}); kept under coder `{UNKNOWN_CODER}`",
            user.map_or("none", String::as_str)
        ));
        UNKNOWN_CODER.to_string()
    }
}

/// An `xsd:dateTime` as RFC 3339 UTC to the second.
fn rfc3339(stamp: Option<&String>) -> Option<String> {
    let t = chrono::DateTime::parse_from_rfc3339(stamp?.trim()).ok()?;
    Some(
        t.with_timezone(&chrono::Utc)
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
    )
}

/// Writes the new project through the one project writer (texts, `project.ron`, coder files).
fn write_project(project: &Project) -> Result<(), StorageError> {
    storage::save_project_file(project)?;
    for file in project.coders.values() {
        storage::save_coder(project, &file.coder)?;
    }
    Ok(())
}
