//! REFI-QDA `.qdpx` export: a zip holding `project.qde` (QDA-XML, valid against
//! `Project-mrt2019.xsd`) and one `sources/<GUID>.txt` per document (UTF-8, LF, no BOM).
//!
//! One `User` per coder; the codebook with colours and definitions (sub-codes nested); one
//! `TextSource` per document with a `PlainTextSelection` per coding (code-point positions,
//! `creatingUser`, one `Coding`/`CodeRef`); memos of codings and documents become `Notes` referenced
//! by `NoteRef`, the project memo its `Description`. GUIDs are UUID v5 derived from the project name and the
//! object's id, zip timestamps are fixed and entries come in a fixed order, so exporting twice gives
//! identical bytes. Coding attributes have no place in QDA-XML and are not written.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Cursor, Seek, Write};

use uuid::Uuid;
use zip::write::SimpleFileOptions;

use super::output::{ExportError, ExportOutput};
use super::plain_text::PlainText;
use super::row::{ExportRow, PIECE_ROWS, RowPlan};
use super::xml::XmlWriter;
use crate::model::codebook::{Code, CodeId, parse_hex_colour};
use crate::model::corpus::DocId;
use crate::model::project::Project;

/// The QDA-XML namespace of `project.qde`.
pub const QDA_NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// Stable GUIDs for a project's objects: UUID v5 from the project name and the object's id.
#[derive(Debug, Clone, Copy)]
pub struct ProjectGuids {
    namespace: Uuid,
}

impl ProjectGuids {
    /// The GUIDs of a project (derived from its name).
    pub fn new(project: &Project) -> Self {
        let seed = format!("spanwise:project:{}", project.name);
        Self {
            namespace: Uuid::new_v5(&Uuid::NAMESPACE_URL, seed.as_bytes()),
        }
    }

    fn make(&self, kind: &str, id: &str) -> String {
        let name = format!("{kind}:{id}");
        Uuid::new_v5(&self.namespace, name.as_bytes())
            .hyphenated()
            .to_string()
            .to_uppercase()
    }

    /// The project itself.
    pub fn project(&self) -> String {
        self.namespace.hyphenated().to_string().to_uppercase()
    }

    /// A coder.
    pub fn user(&self, coder: &str) -> String {
        self.make("user", coder)
    }

    /// A code.
    pub fn code(&self, id: &str) -> String {
        self.make("code", id)
    }

    /// A document (its `TextSource` and its `sources/<GUID>.txt`).
    pub fn source(&self, id: &DocId) -> String {
        self.make("source", id.as_str())
    }

    /// A coding's selection.
    pub fn selection(&self, coder: &str, coding: u64) -> String {
        self.make("selection", &format!("{coder}\u{0}{coding}"))
    }

    fn coding(&self, coder: &str, coding: u64) -> String {
        self.make("coding", &format!("{coder}\u{0}{coding}"))
    }

    /// A document variable.
    pub fn variable(&self, id: &str) -> String {
        self.make("variable", id)
    }

    fn note(&self, of: &str) -> String {
        self.make("note", of)
    }
}

/// A memo to be written under `<Notes>`.
struct Note {
    guid: String,
    name: String,
    text: String,
    user: Option<String>,
    created: Option<String>,
}

/// Exports the chosen coders' codings (empty = all) as a REFI-QDA `.qdpx` zip.
pub fn export_qdpx(project: &Project, coders: &[String]) -> Result<ExportOutput, ExportError> {
    let (out, codings) = write_qdpx(project, coders, Cursor::new(Vec::new()))?;
    Ok(ExportOutput {
        bytes: out.into_inner(),
        codings,
    })
}

/// Writes the `.qdpx` zip into `out` as it is made: `project.qde` is built on a second thread,
/// its rows a piece at a time, and deflated here piece by piece, so neither the rows nor the XML
/// are ever held whole. Returns `out` and how many codings went in.
pub fn write_qdpx<W: Write + Seek>(
    project: &Project,
    coders: &[String],
    out: W,
) -> Result<(W, usize), ExportError> {
    let plan = RowPlan::new(project, coders)?;
    let guids = ProjectGuids::new(project);
    let texts = plain_texts(project)?;
    let mut zip = zip::ZipWriter::new(out);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // The fastest deflate level: it halves the time of exporting 100,000 codings, and the
        // archive grows by only a sixth to a third.
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    zip.start_file("project.qde", options)?;
    // The XML is written on a second thread and compressed here piece by piece as it comes, so
    // building and deflating overlap and the whole document is never held in memory.
    let (tx, rx) = std::sync::mpsc::sync_channel::<String>(4);
    let (plan_ref, text_list) = (&plan, &texts);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut xml = XmlWriter::streaming(tx);
            write_project_qde(&mut xml, project, &guids, plan_ref, text_list);
            xml.finish();
        });
        for piece in rx {
            zip.write_all(piece.as_bytes())?;
        }
        Ok::<_, ExportError>(())
    })?;
    for (doc, text) in project.corpus.documents.iter().zip(&texts) {
        zip.start_file(
            format!("sources/{}.txt", guids.source(&doc.meta.id)),
            options,
        )?;
        zip.write_all(text.text.as_bytes())?;
    }
    Ok((zip.finish()?, plan.row_count()))
}

/// Every document's text as REFI-QDA wants it (LF, no BOM).
fn plain_texts(project: &Project) -> Result<Vec<PlainText>, ExportError> {
    project
        .corpus
        .documents
        .iter()
        .map(|d| {
            let text = d
                .text
                .as_ref()
                .ok_or_else(|| ExportError::MissingText(d.meta.id.clone()))?;
            Ok(PlainText::normalise(text.as_str()))
        })
        .collect()
}

/// The `project.qde` XML.
fn write_project_qde(
    xml: &mut XmlWriter,
    project: &Project,
    guids: &ProjectGuids,
    plan: &RowPlan<'_>,
    texts: &[PlainText],
) {
    let origin = format!("Spanwise {}", env!("CARGO_PKG_VERSION"));
    xml.open(
        "Project",
        &[
            ("xmlns", QDA_NAMESPACE),
            ("name", &project.name),
            ("origin", &origin),
        ],
    );
    write_users(xml, guids, &plan.coders);
    write_codebook(xml, project, guids, plan);
    super::qdpx_variables::write_variables(xml, project, &|id| guids.variable(id));
    let mut notes = Vec::new();
    let sheet = super::qdpx_variables::variable_coder(project, &plan.coders);
    write_sources(
        xml,
        project,
        guids,
        (plan, sheet),
        texts,
        &plan.coders,
        &mut notes,
    );
    write_notes(xml, &notes);
    if !project.memo.is_empty() {
        xml.text_element("Description", &project.memo);
    }
    xml.close("Project");
}

fn write_users(xml: &mut XmlWriter, guids: &ProjectGuids, coders: &[String]) {
    if coders.is_empty() {
        return;
    }
    xml.open("Users", &[]);
    for coder in coders {
        xml.empty("User", &[("guid", &guids.user(coder)), ("name", coder)]);
    }
    xml.close("Users");
}

/// The codebook's codes plus codes used by codings but missing from it (named by their id).
fn all_codes(project: &Project, plan: &RowPlan<'_>) -> Vec<Code> {
    let mut codes = project.codebook.codes.clone();
    let mut known: HashSet<String> = codes.iter().map(|c| c.id.0.clone()).collect();
    for coding in plan.codings() {
        if known.insert(coding.code.0.clone()) {
            codes.push(Code {
                id: coding.code.clone(),
                name: coding.code.0.clone(),
                colour: String::new(),
                key: None,
                definition: String::new(),
                parent: None,
                attributes: Vec::new(),
            });
        }
    }
    codes
}

fn write_codebook(
    xml: &mut XmlWriter,
    project: &Project,
    guids: &ProjectGuids,
    plan: &RowPlan<'_>,
) {
    let codes = all_codes(project, plan);
    if codes.is_empty() {
        return;
    }
    let index: HashMap<&CodeId, usize> =
        codes.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut roots = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        match code.parent.as_ref().and_then(|p| index.get(p)) {
            Some(&p) if p != i => children.entry(p).or_default().push(i),
            _ => roots.push(i),
        }
    }
    let mut written = vec![false; codes.len()];
    xml.open("CodeBook", &[]);
    xml.open("Codes", &[]);
    for i in roots {
        write_code(xml, guids, &codes, &children, &mut written, i);
    }
    // Codes caught in a parent cycle are not reachable from a root: write them at the top.
    for i in 0..codes.len() {
        if !written[i] {
            write_code(xml, guids, &codes, &children, &mut written, i);
        }
    }
    xml.close("Codes");
    xml.close("CodeBook");
}

fn write_code(
    xml: &mut XmlWriter,
    guids: &ProjectGuids,
    codes: &[Code],
    children: &BTreeMap<usize, Vec<usize>>,
    written: &mut [bool],
    i: usize,
) {
    if written[i] {
        return;
    }
    written[i] = true;
    let code = &codes[i];
    let guid = guids.code(code.id.as_str());
    let colour = parse_hex_colour(&code.colour).map(|[r, g, b]| format!("#{r:02X}{g:02X}{b:02X}"));
    let mut attrs = vec![
        ("guid", guid.as_str()),
        ("name", code.name.as_str()),
        ("isCodable", "true"),
    ];
    if let Some(c) = &colour {
        attrs.push(("color", c));
    }
    let kids: Vec<usize> = children
        .get(&i)
        .map(|k| k.iter().copied().filter(|&k| !written[k]).collect())
        .unwrap_or_default();
    if code.definition.is_empty() && kids.is_empty() {
        xml.empty("Code", &attrs);
        return;
    }
    xml.open("Code", &attrs);
    if !code.definition.is_empty() {
        xml.text_element("Description", &code.definition);
    }
    for k in kids {
        write_code(xml, guids, codes, children, written, k);
    }
    xml.close("Code");
}

fn write_sources(
    xml: &mut XmlWriter,
    project: &Project,
    guids: &ProjectGuids,
    (plan, sheet): (&RowPlan<'_>, Option<&crate::model::coder::CoderFile>),
    texts: &[PlainText],
    coders: &[String],
    notes: &mut Vec<Note>,
) {
    if project.corpus.documents.is_empty() {
        return;
    }
    xml.open("Sources", &[]);
    // GUIDs of coders and codes, made once each rather than once per coding.
    let mut users: HashMap<String, String> = HashMap::new();
    let mut codes: HashMap<String, String> = HashMap::new();
    // rows are made a piece at a time as the XML goes, in document order
    let mut rows = (0..plan.row_count())
        .step_by(PIECE_ROWS)
        .flat_map(|from| plan.build(from..(from + PIECE_ROWS).min(plan.row_count())))
        .peekable();
    for (d, doc) in project.corpus.documents.iter().enumerate() {
        let guid = guids.source(&doc.meta.id);
        let path = format!("internal://{guid}.txt");
        xml.open(
            "TextSource",
            &[
                ("guid", &guid),
                ("name", &doc.meta.title),
                ("plainTextPath", &path),
            ],
        );
        while let Some(row) = rows.next_if(|r| r.doc_index == d) {
            let row = &row;
            if !users.contains_key(&row.coder) {
                users.insert(row.coder.clone(), guids.user(&row.coder));
            }
            if !codes.contains_key(&row.code_id) {
                codes.insert(row.code_id.clone(), guids.code(&row.code_id));
            }
            let (user, code) = (&users[&row.coder], &codes[&row.code_id]);
            write_selection(xml, guids, row, user, code, &texts[d], notes);
        }
        document_notes(xml, project, guids, doc, coders, notes);
        super::qdpx_variables::write_values(xml, project, &|id| guids.variable(id), sheet, doc);
        xml.close("TextSource");
    }
    xml.close("Sources");
}

/// A document's memos as `Notes`: the one an older `project.ron` holds (no user), and each
/// exported coder's own memo from their file (by that user), a coder's copy of the old memo
/// written only once.
fn document_notes(
    xml: &mut XmlWriter,
    project: &Project,
    guids: &ProjectGuids,
    doc: &crate::model::corpus::Document,
    coders: &[String],
    notes: &mut Vec<Note>,
) {
    let legacy = project.legacy_document_memo(&doc.meta.id);
    let mut memos = vec![(None, legacy)];
    for coder in coders {
        let own = project
            .coder(coder)
            .and_then(|f| f.document_memo(&doc.meta.id));
        if let Some(memo) = own.filter(|m| *m != legacy) {
            memos.push((Some(coder.as_str()), memo));
        }
    }
    for (coder, memo) in memos.into_iter().filter(|(_, m)| !m.is_empty()) {
        let of = match coder {
            None => format!("source:{}", doc.meta.id),
            Some(c) => format!("source:{}\u{0}{c}", doc.meta.id),
        };
        let note = guids.note(&of);
        xml.empty("NoteRef", &[("targetGUID", &note)]);
        notes.push(Note {
            guid: note,
            name: match coder {
                None => format!("Memo: {}", doc.meta.title),
                Some(c) => format!("Memo: {} ({c})", doc.meta.title),
            },
            text: memo.to_string(),
            user: coder.map(|c| guids.user(c)),
            created: None,
        });
    }
}

fn write_selection(
    xml: &mut XmlWriter,
    guids: &ProjectGuids,
    row: &ExportRow,
    user: &str,
    code: &str,
    text: &PlainText,
    notes: &mut Vec<Note>,
) {
    let start = text.position(row.start).unwrap_or(row.start).to_string();
    let end = text.position(row.end).unwrap_or(row.end).to_string();
    let created = xsd_datetime(&row.created);
    let modified = xsd_datetime(&row.modified);
    let guid = guids.selection(&row.coder, row.coding_id);
    let mut attrs = vec![
        ("guid", guid.as_str()),
        ("name", row.quote.as_str()),
        ("startPosition", start.as_str()),
        ("endPosition", end.as_str()),
        ("creatingUser", user),
    ];
    if let Some(c) = &created {
        attrs.push(("creationDateTime", c));
    }
    attrs.push(("modifyingUser", user));
    if let Some(m) = &modified {
        attrs.push(("modifiedDateTime", m));
    }
    xml.open("PlainTextSelection", &attrs);
    let coding = guids.coding(&row.coder, row.coding_id);
    let mut coding_attrs = vec![("guid", coding.as_str()), ("creatingUser", user)];
    if let Some(c) = &created {
        coding_attrs.push(("creationDateTime", c));
    }
    xml.open("Coding", &coding_attrs);
    xml.empty("CodeRef", &[("targetGUID", code)]);
    xml.close("Coding");
    if !row.memo.is_empty() {
        let note = guids.note(&format!("selection:{}\u{0}{}", row.coder, row.coding_id));
        xml.empty("NoteRef", &[("targetGUID", &note)]);
        notes.push(Note {
            guid: note,
            name: format!("Memo: {} #{}", row.coder, row.coding_id),
            text: row.memo.clone(),
            user: Some(user.to_string()),
            created: created.clone(),
        });
    }
    xml.close("PlainTextSelection");
}

fn write_notes(xml: &mut XmlWriter, notes: &[Note]) {
    if notes.is_empty() {
        return;
    }
    xml.open("Notes", &[]);
    for note in notes {
        let mut attrs = vec![("guid", note.guid.as_str()), ("name", note.name.as_str())];
        if let Some(u) = &note.user {
            attrs.push(("creatingUser", u));
        }
        if let Some(c) = &note.created {
            attrs.push(("creationDateTime", c));
        }
        xml.open("Note", &attrs);
        xml.text_element("PlainTextContent", &note.text);
        xml.close("Note");
    }
    xml.close("Notes");
}

/// A timestamp as `xsd:dateTime` in UTC, or `None` when it is not RFC 3339.
fn xsd_datetime(stamp: &str) -> Option<String> {
    // Spanwise writes `YYYY-MM-DDTHH:MM:SSZ` already: a valid one passes through unchanged,
    // which spares parsing and formatting 200,000 timestamps in a large export.
    if is_plain_utc(stamp) {
        return Some(stamp.to_string());
    }
    chrono::DateTime::parse_from_rfc3339(stamp).ok().map(|t| {
        t.with_timezone(&chrono::Utc)
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    })
}

/// True for a valid `YYYY-MM-DDTHH:MM:SSZ` (the form `xsd_datetime` would write it in).
fn is_plain_utc(stamp: &str) -> bool {
    let b = stamp.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b.len() != 20
        || (b[4], b[7], b[10], b[13], b[16], b[19]) != (b'-', b'-', b'T', b':', b':', b'Z')
    {
        return false;
    }
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) = (
        digits(0..4),
        digits(5..7),
        digits(8..10),
        digits(11..13),
        digits(14..16),
        digits(17..19),
    ) else {
        return false;
    };
    chrono::NaiveDate::from_ymd_opt(y as i32, mo, d).is_some() && h < 24 && mi < 60 && s < 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_pass_through_or_are_normalised_to_utc() {
        assert_eq!(
            xsd_datetime("2024-03-04T09:00:00Z").as_deref(),
            Some("2024-03-04T09:00:00Z")
        );
        assert_eq!(
            xsd_datetime("2024-03-04T10:00:00+01:00").as_deref(),
            Some("2024-03-04T09:00:00Z")
        );
        assert_eq!(
            xsd_datetime("2024-03-04t09:00:00z").as_deref(),
            Some("2024-03-04T09:00:00Z")
        );
        assert_eq!(xsd_datetime("2024-02-30T09:00:00Z"), None);
        assert_eq!(xsd_datetime("gestern"), None);
        for stamp in ["2024-02-29T23:59:59Z", "1999-12-31T00:00:00Z"] {
            assert!(is_plain_utc(stamp));
            let slow = chrono::DateTime::parse_from_rfc3339(stamp)
                .unwrap()
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string();
            assert_eq!(slow, stamp);
        }
    }
}
