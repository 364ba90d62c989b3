//! Building the Spanwise project from a parsed `project.qde` and the zip's texts: documents,
//! codings placed under the detected [`Reading`](super::qdpx_positions::Reading), memos from
//! notes, one coder file per user.
//!
//! A source's plain text is looked for where real tools put it, in this order: inline
//! `PlainTextContent`; `plainTextPath` as `internal://<name>` or a bare `<name>` (QualCoder), in
//! `sources/` in any case (`Sources/` from NVivo and ATLAS.ti) or beside the `.qde`; for a
//! `PDFSource`, its `Representation`'s text; last, a `.txt` of the same name beside the `.docx` or
//! `.pdf`. A source without any is listed in [`ImportReport::without_text`] and not counted.

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Seek};
use std::path::Path;

use super::qde::{QdeCoding, QdeProject, QdeSelection, QdeTextSource};
use super::qdpx_coders::{
    UNKNOWN_CODER, build_codebook, coding_user, guid_key, user_names, users_differ,
};
use super::qdpx_positions::{Choice, Detector, Placer, SourceText, quote_matches};
use super::qdpx_report::{ImportError, ImportOptions, ImportReport};
use super::qdpx_zip::QdpxArchive;
use crate::model::codebook::CodeId;
use crate::model::coder::{CoderFile, coder_file_stem};
use crate::model::coding::{Coding, CodingId, now_timestamp};
use crate::model::corpus::{DocId, Document, DocumentMeta, headline_and_date, sha256_hex};
use crate::model::normalise::StoredText;
use crate::model::project::Project;
use crate::storage::encoding::decode_any;

/// At most this many examples of users that differ are named in the report.
const USER_EXAMPLES: usize = 3;

/// Builds the project (nothing written yet); fills `report` with what was found on the way.
pub(super) fn build_project<R: Read + Seek>(
    qde: &QdeProject,
    archive: &mut QdpxArchive<R>,
    fallback_name: &str,
    root: &Path,
    options: ImportOptions,
    report: &mut ImportReport,
) -> Result<Project, ImportError> {
    let (codebook, code_ids) = build_codebook(qde);
    let mut loaded = Vec::new();
    for (i, source) in qde.sources.iter().enumerate() {
        if let Some(text) = source_text(source, archive, report)? {
            loaded.push((i, SourceText::new(text)));
        }
    }
    let mut detector = Detector::new(options.positions);
    for (i, text) in &loaded {
        let sels = &qde.sources[*i].selections;
        detector.score(text, sels.iter().map(|s| (s.start, s.end, s.name.as_str())));
    }
    let choice = detector.decide(options.positions, &qde.origin);
    report.reading = Some(choice.reading);
    report.reading_reason = choice.reason.clone();
    if choice.score.named > 0 && !choice.names_are_quotes {
        report
            .reading_reason
            .push_str("; selection names are not the selected text, so quotes were not checked");
    }
    let mut ctx = Build {
        qde,
        code_ids,
        users: user_names(qde),
        coders: BTreeMap::new(),
        choice,
        differing_users: Vec::new(),
        report,
    };
    let mut documents = Vec::new();
    for (i, text) in loaded {
        let doc = ctx.document(&qde.sources[i], text, archive, documents.len())?;
        documents.push(doc);
    }
    ctx.report_users();
    let mut memo = qde.description.clone();
    append_notes(&mut memo, &qde.notes, qde, archive)?;
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
    Ok(Project {
        memo,
        coders,
        ..Project::new(root, name, codebook, documents)
    })
}

/// The source's plain text (decoded, BOM kept), or `None` after listing why there is none.
fn source_text<R: Read + Seek>(
    source: &QdeTextSource,
    archive: &mut QdpxArchive<R>,
    report: &mut ImportReport,
) -> Result<Option<String>, ImportError> {
    if let Some(text) = &source.content {
        return Ok(Some(text.clone()));
    }
    // The `.txt` of the same name beside a `.docx` or `.pdf`.
    let beside = source.rich_path.as_ref().and_then(|p| {
        let stem = p.rsplit_once('.').map_or(p.as_str(), |(s, _)| s);
        archive.find(&format!("{stem}.txt"))
    });
    let found = source
        .plain_text_path
        .as_ref()
        .and_then(|p| archive.find(p))
        .or(beside);
    let lost = source.selections.len();
    let Some(entry) = found else {
        let what = match (&source.plain_text_path, &source.rich_path) {
            (Some(p), _) => format!("its text `{p}` is not inside the .qdpx"),
            (None, Some(r)) => format!("only `{r}`, no plain-text representation"),
            (None, None) => "no text".to_string(),
        };
        report.without_text.push(format!(
            "{} `{}`: {what}; not imported with its {lost} selection(s)",
            source.kind, source.name
        ));
        return Ok(None);
    };
    let (text, note) = decode_text(&archive.read(&entry)?);
    if let Some(note) = note {
        report
            .not_carried
            .push(format!("{} `{}`: {note}", source.kind, source.name));
    }
    Ok(Some(text))
}

/// The text of the notes `refs` (inline or in a file), appended to `memo`.
fn append_notes<R: Read + Seek>(
    memo: &mut String,
    refs: &[String],
    qde: &QdeProject,
    archive: &mut QdpxArchive<R>,
) -> Result<(), ImportError> {
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
            (None, Some(p)) => match archive.find(p) {
                Some(entry) => decode_text(&archive.read(&entry)?).0,
                None => String::new(),
            },
            _ => String::new(),
        };
        let text = StoredText::new(&text).text;
        if text.trim().is_empty() {
            continue;
        }
        if !memo.is_empty() {
            memo.push_str("\n\n");
        }
        memo.push_str(text.trim_end());
    }
    Ok(())
}

/// State while building documents and codings.
struct Build<'a> {
    qde: &'a QdeProject,
    code_ids: HashMap<String, CodeId>,
    users: HashMap<String, String>,
    coders: BTreeMap<String, CoderFile>,
    choice: Choice,
    /// (source, position, who applied the code, who marked the text) where they differ.
    differing_users: Vec<(String, String, String, String)>,
    report: &'a mut ImportReport,
}

impl Build<'_> {
    fn document<R: Read + Seek>(
        &mut self,
        source: &QdeTextSource,
        text: SourceText,
        archive: &mut QdpxArchive<R>,
        index: usize,
    ) -> Result<Document, ImportError> {
        let stored = text.text.as_str();
        let sha = sha256_hex(stored.as_bytes());
        let id = DocId(format!("{index:03}_{}", &sha[..16]));
        let (headline, date) = headline_and_date(stored);
        let title = if source.name.trim().is_empty() {
            headline
        } else {
            source.name.trim().to_string()
        };
        let mut memo = source.description.clone();
        append_notes(&mut memo, &source.notes, self.qde, archive)?;
        if source.whole_source_codings > 0 {
            self.report.not_carried.push(format!(
                "{} `{}`: {} coding(s) of the whole document (Spanwise codes spans)",
                source.kind, source.name, source.whole_source_codings
            ));
        }
        if source.area_codings > 0 {
            self.report.not_carried.push(format!(
                "{} `{}`: {} coding(s) of page areas (only its text is imported)",
                source.kind, source.name, source.area_codings
            ));
        }
        let placer = Placer::new(&text, self.choice.reading);
        for sel in &source.selections {
            self.selection(sel, &id, &placer, &text, archive, &source.name)?;
        }
        Ok(Document {
            meta: DocumentMeta {
                path: format!("corpus/{}.txt", id.0),
                id,
                title,
                date,
                source: None,
                sha256: sha,
                memo,
            },
            text: Some(text.text.clone()),
        })
    }

    /// Names of the codes a selection applies, for messages.
    fn code_names(&self, sel: &QdeSelection) -> String {
        let names: Vec<String> = sel
            .codings
            .iter()
            .map(|c| {
                let key = guid_key(&c.code);
                self.qde
                    .codes
                    .iter()
                    .find(|k| guid_key(&k.guid) == key)
                    .map_or_else(|| c.code.clone(), |k| k.name.clone())
            })
            .collect();
        if names.is_empty() {
            "no code".into()
        } else {
            format!("code `{}`", names.join("`, `"))
        }
    }

    fn unplaced(&mut self, sel: &QdeSelection, source_name: &str, why: String) {
        let line = format!(
            "`{source_name}`, {}: {}..{} ({}): {why}",
            self.code_names(sel),
            sel.start,
            sel.end,
            self.choice.reading
        );
        self.report.unplaced.push(line);
    }

    fn selection<R: Read + Seek>(
        &mut self,
        sel: &QdeSelection,
        doc: &DocId,
        placer: &Placer,
        text: &SourceText,
        archive: &mut QdpxArchive<R>,
        source_name: &str,
    ) -> Result<(), ImportError> {
        let Some(span) = placer.place(sel.start, sel.end) else {
            let why = if sel.start < 0 || sel.end <= sel.start {
                "the selection is empty".to_string()
            } else if sel.end as usize >= placer.positions() {
                format!("it leaves the text ({} positions)", placer.positions() - 1)
            } else {
                "a position falls inside a character (half of a surrogate pair, or a letter \
                 and accent that Unicode NFC joins), so it has no exact place"
                    .to_string()
            };
            self.unplaced(sel, source_name, why);
            return Ok(());
        };
        let quote = text.text.slice(span).unwrap_or_default().to_string();
        if self.choice.names_are_quotes
            && !sel.name.trim().is_empty()
            && !quote_matches(&sel.name, &quote)
        {
            let why = format!(
                "the file gives its text as `{}`, but at that place the text is `{quote}`",
                sel.name
            );
            self.unplaced(sel, source_name, why);
            return Ok(());
        }
        if sel.codings.is_empty() {
            self.report.not_carried.push(format!(
                "`{source_name}`: selection {} at {}..{} has no code",
                sel.guid, sel.start, sel.end
            ));
        }
        let mut memo = sel.description.clone();
        append_notes(&mut memo, &sel.notes, self.qde, archive)?;
        for coding in &sel.codings {
            let Some(code) = self.code_ids.get(&guid_key(&coding.code)).cloned() else {
                self.report.not_carried.push(format!(
                    "`{source_name}`: selection {} refers to unknown code {}",
                    sel.guid, coding.code
                ));
                continue;
            };
            self.note_users(coding, sel, source_name);
            let user = coding_user(coding, sel, self.qde);
            let coder = self.coder_for(user, &sel.guid, source_name);
            let mut memo = memo.clone();
            append_notes(&mut memo, &coding.notes, self.qde, archive)?;
            let created = rfc3339(coding.created.as_ref().or(sel.created.as_ref()));
            let modified = rfc3339(sel.modified.as_ref())
                .or_else(|| created.clone())
                .unwrap_or_default();
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
                    memo,
                    attributes: Default::default(),
                    created,
                    modified,
                });
        }
        Ok(())
    }

    fn user_name(&self, guid: &str) -> String {
        self.users
            .get(&guid_key(guid))
            .cloned()
            .unwrap_or_else(|| guid.to_string())
    }

    fn note_users(&mut self, coding: &QdeCoding, sel: &QdeSelection, source_name: &str) {
        if let (true, Some(applied), Some(marked)) =
            (users_differ(coding, sel), &coding.user, &sel.user)
        {
            let entry = (
                source_name.to_string(),
                format!("{}..{}", sel.start, sel.end),
                self.user_name(applied),
                self.user_name(marked),
            );
            self.differing_users.push(entry);
        }
    }

    fn report_users(&mut self) {
        let n = self.differing_users.len();
        if n == 0 {
            return;
        }
        let examples: Vec<String> = self
            .differing_users
            .iter()
            .take(USER_EXAMPLES)
            .map(|(s, at, applied, marked)| {
                format!("`{s}` {at}: `{applied}` applied the code, `{marked}` made the selection")
            })
            .collect();
        self.report.coders_note.push(format!(
            "{n} coding(s) name one user on the Coding and another on its PlainTextSelection; \
             each is filed under the Coding's user, who applied the code (REFI-QDA: a coding is \
             the application of a code to a selection). {}{}",
            examples.join("; "),
            if n > USER_EXAMPLES { "; …" } else { "" }
        ));
    }

    fn coder_for(&mut self, user: Option<&String>, sel: &str, source_name: &str) -> String {
        if let Some(name) = user.and_then(|u| self.users.get(&guid_key(u))) {
            return name.clone();
        }
        self.report.not_carried.push(format!(
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

/// Decodes a text file as every Spanwise import does ([`decode_any`]), but keeps a BOM as U+FEFF:
/// a tool may have counted it in its positions.
fn decode_text(bytes: &[u8]) -> (String, Option<&'static str>) {
    let (text, note) = decode_any(bytes);
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return (format!("\u{feff}{text}"), note);
    }
    (text, note)
}
