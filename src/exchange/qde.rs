//! Reading `project.qde` (QDA-XML) into the few things a Spanwise project can hold: users, codes,
//! text sources (plain, or the text representation of a PDF) with their selections and codings,
//! and notes. Everything else is listed in [`QdeProject::not_carried`] so the import can report it.
//!
//! The XML is read as a stream ([`parse_qde_reader`]), so a project of hundreds of megabytes is
//! never held whole. Every GUID is registered as it is read: one that occurs twice is refused with
//! both places ([`QdeError::DuplicateGuid`]), never merged.

use std::collections::HashMap;
use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};

pub use super::qde_error::{QdeError, line_col};
use super::qde_guids::GuidRegistry;

/// A user of the exporting tool.
#[derive(Debug, Clone, Default)]
pub struct QdeUser {
    /// GUID.
    pub guid: String,
    /// Display name (may be empty).
    pub name: String,
    /// Short id (may be empty).
    pub id: String,
}

/// A code, with its parent when nested.
#[derive(Debug, Clone, Default)]
pub struct QdeCode {
    /// GUID.
    pub guid: String,
    /// Name.
    pub name: String,
    /// Colour as written (`#RGB` or `#RRGGBB`), may be empty.
    pub color: String,
    /// Definition.
    pub description: String,
    /// GUID of the enclosing code.
    pub parent: Option<String>,
}

/// One `Coding` of a selection.
#[derive(Debug, Clone, Default)]
pub struct QdeCoding {
    /// Referenced code GUID.
    pub code: String,
    /// Creating user GUID.
    pub user: Option<String>,
    /// Creation time.
    pub created: Option<String>,
    /// Notes referenced from the coding.
    pub notes: Vec<String>,
}

/// A `PlainTextSelection`.
#[derive(Debug, Clone, Default)]
pub struct QdeSelection {
    /// GUID.
    pub guid: String,
    /// Start, as the producing tool counted it (code points or UTF-16 units).
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// Creating user GUID.
    pub user: Option<String>,
    /// Modifying user GUID.
    pub modifying_user: Option<String>,
    /// `name`: most tools write the selected text (whole or cut short with `…`) here.
    pub name: String,
    /// Creation time.
    pub created: Option<String>,
    /// Modification time.
    pub modified: Option<String>,
    /// Description text.
    pub description: String,
    /// Codings applied to the selection.
    pub codings: Vec<QdeCoding>,
    /// Notes referenced from the selection.
    pub notes: Vec<String>,
}

/// A `TextSource`, or a `PDFSource` with the selections of its text `Representation`.
#[derive(Debug, Clone, Default)]
pub struct QdeTextSource {
    /// GUID.
    pub guid: String,
    /// Name.
    pub name: String,
    /// `plainTextPath` (e.g. `internal://<GUID>.txt`, or a bare `name.txt`).
    pub plain_text_path: Option<String>,
    /// `richTextPath` of a `TextSource` or `path` of a `PDFSource` (the `.docx` or `.pdf`).
    pub rich_path: Option<String>,
    /// `TextSource` or `PDFSource`.
    pub kind: &'static str,
    /// Inline `PlainTextContent`.
    pub content: Option<String>,
    /// Description text.
    pub description: String,
    /// Selections.
    pub selections: Vec<QdeSelection>,
    /// Notes referenced from the source.
    pub notes: Vec<String>,
    /// Codings of the whole source (not carried).
    pub whole_source_codings: usize,
    /// Codings of PDF page areas (not carried).
    pub area_codings: usize,
}

/// A `Note`: its text inline or in a file.
#[derive(Debug, Clone, Default)]
pub struct QdeNote {
    /// Name.
    pub name: String,
    /// Inline text.
    pub content: Option<String>,
    /// `plainTextPath`.
    pub plain_text_path: Option<String>,
}

/// What the import reads from `project.qde`.
#[derive(Debug, Clone, Default)]
pub struct QdeProject {
    /// Project name.
    pub name: String,
    /// `origin`: the tool that wrote the file.
    pub origin: String,
    /// Project-level creating user, used when a selection names none.
    pub creating_user: Option<String>,
    /// Project description.
    pub description: String,
    /// Notes referenced from the project.
    pub notes: Vec<String>,
    /// Users.
    pub users: Vec<QdeUser>,
    /// Codes, parents before children.
    pub codes: Vec<QdeCode>,
    /// Text sources.
    pub sources: Vec<QdeTextSource>,
    /// Notes by GUID.
    pub note_texts: HashMap<String, QdeNote>,
    /// Sources without a plain-text representation (pictures, audio, video), one line each.
    pub without_text: Vec<String>,
    /// Things found that a Spanwise project cannot hold.
    pub not_carried: Vec<String>,
}

/// Where captured text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    ProjectDescription,
    CodeDescription,
    SourceDescription,
    SourceContent,
    SelectionDescription,
    NoteContent,
}

#[derive(Default)]
struct Parser {
    project: QdeProject,
    stack: Vec<String>,
    code_stack: Vec<usize>,
    source: Option<QdeTextSource>,
    selection: Option<QdeSelection>,
    coding: Option<QdeCoding>,
    note: Option<(String, QdeNote)>,
    capture: Option<(Capture, usize, String)>,
    skip_depth: Option<usize>,
    guids: GuidRegistry,
    /// Byte offset of the element being started.
    offset: u64,
}

/// Parses `project.qde` from a string.
pub fn parse_qde(xml: &str) -> Result<QdeProject, QdeError> {
    parse_qde_reader(xml.as_bytes())
}

/// Parses `project.qde` from a stream (UTF-8, BOM already skipped).
pub fn parse_qde_reader<R: BufRead>(input: R) -> Result<QdeProject, QdeError> {
    let mut reader = quick_xml::Reader::from_reader(input);
    let mut parser = Parser::default();
    let mut buf = Vec::with_capacity(1024);
    let xml_error = |reader: &quick_xml::Reader<R>, e: quick_xml::Error| match e {
        quick_xml::Error::Io(io) => QdeError::Io(
            std::sync::Arc::try_unwrap(io)
                .unwrap_or_else(|a| std::io::Error::new(a.kind(), a.to_string())),
        ),
        e => QdeError::Xml {
            offset: reader.error_position(),
            message: e.to_string(),
        },
    };
    loop {
        parser.offset = reader.buffer_position();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(&reader, e))?;
        let result = match event {
            Event::Start(e) => parser.start(&e).map(|()| parser.stack.push(local_name(&e))),
            Event::Empty(e) => parser.start(&e).map(|()| {
                parser.stack.push(local_name(&e));
                parser.end();
            }),
            Event::End(_) => {
                parser.end();
                Ok(())
            }
            Event::Text(t) => t
                .unescape()
                .map(|t| parser.text(&t))
                .map_err(ParseFailure::Xml),
            Event::CData(t) => {
                parser.text(&String::from_utf8_lossy(&t.into_inner()));
                Ok(())
            }
            Event::Eof => break,
            _ => Ok(()),
        };
        match result {
            Ok(()) => {}
            Err(ParseFailure::Xml(e)) => return Err(xml_error(&reader, e)),
            Err(ParseFailure::Qde(e)) => return Err(e),
        }
        buf.clear();
    }
    Ok(parser.project)
}

/// What stops the parse inside an element.
enum ParseFailure {
    Xml(quick_xml::Error),
    Qde(QdeError),
}

impl From<quick_xml::Error> for ParseFailure {
    fn from(e: quick_xml::Error) -> Self {
        ParseFailure::Xml(e)
    }
}

fn local_name(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

fn attributes(e: &BytesStart) -> Result<HashMap<String, String>, ParseFailure> {
    let mut out = HashMap::new();
    for a in e.attributes() {
        let a = a.map_err(|e| ParseFailure::Xml(e.into()))?;
        let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        out.insert(key, a.unescape_value()?.into_owned());
    }
    Ok(out)
}

impl Parser {
    fn parent(&self) -> &str {
        self.stack.last().map_or("", String::as_str)
    }

    fn start(&mut self, e: &BytesStart) -> Result<(), ParseFailure> {
        if self.skip_depth.is_some() {
            return Ok(());
        }
        let name = local_name(e);
        let mut a = attributes(e)?;
        if let Some(guid) = a.get("guid") {
            self.guids
                .register(guid, &name, self.offset)
                .map_err(ParseFailure::Qde)?;
        }
        let mut take = |k: &str| a.remove(k);
        let depth = self.stack.len();
        let parent = self.parent().to_string();
        let in_source = self.source.is_some();
        let text_parent = matches!(parent.as_str(), "TextSource" | "Representation") && in_source;
        match (name.as_str(), parent.as_str()) {
            ("Project", "") => {
                self.project.name = take("name").unwrap_or_default();
                self.project.origin = take("origin").unwrap_or_default();
                self.project.creating_user = take("creatingUserGUID");
            }
            ("User", "Users") => self.project.users.push(QdeUser {
                guid: take("guid").unwrap_or_default(),
                name: take("name").unwrap_or_default(),
                id: take("id").unwrap_or_default(),
            }),
            ("Code", "Codes" | "Code") => {
                self.project.codes.push(QdeCode {
                    guid: take("guid").unwrap_or_default(),
                    name: take("name").unwrap_or_default(),
                    color: take("color").unwrap_or_default(),
                    description: String::new(),
                    parent: self
                        .code_stack
                        .last()
                        .map(|&i| self.project.codes[i].guid.clone()),
                });
                self.code_stack.push(self.project.codes.len() - 1);
            }
            ("TextSource", "Sources") => {
                self.source = Some(QdeTextSource {
                    guid: take("guid").unwrap_or_default(),
                    name: take("name").unwrap_or_default(),
                    plain_text_path: take("plainTextPath"),
                    rich_path: take("richTextPath"),
                    kind: "TextSource",
                    ..Default::default()
                })
            }
            ("PDFSource", "Sources") => {
                self.source = Some(QdeTextSource {
                    guid: take("guid").unwrap_or_default(),
                    name: take("name").unwrap_or_default(),
                    rich_path: take("path"),
                    kind: "PDFSource",
                    ..Default::default()
                })
            }
            ("Representation", "PDFSource") if in_source => {
                if let Some(s) = self.source.as_mut() {
                    s.plain_text_path = take("plainTextPath");
                }
            }
            ("PDFSelection", "PDFSource") if in_source => {
                if let Some(s) = self.source.as_mut() {
                    s.area_codings += 1;
                }
                self.skip_depth = Some(depth);
            }
            (kind @ ("PictureSource" | "AudioSource" | "VideoSource"), "Sources") => {
                let label = take("name").unwrap_or_default();
                self.project
                    .without_text
                    .push(format!("{kind} `{label}`: no plain text to code"));
                self.skip_depth = Some(depth);
            }
            ("PlainTextSelection", _) if text_parent => {
                let pos = |v: Option<String>| v.and_then(|s| s.trim().parse().ok()).unwrap_or(-1);
                self.selection = Some(QdeSelection {
                    guid: take("guid").unwrap_or_default(),
                    name: take("name").unwrap_or_default(),
                    start: pos(take("startPosition")),
                    end: pos(take("endPosition")),
                    user: take("creatingUser"),
                    modifying_user: take("modifyingUser"),
                    created: take("creationDateTime"),
                    modified: take("modifiedDateTime"),
                    ..Default::default()
                });
            }
            ("Coding", "PlainTextSelection") => {
                self.coding = Some(QdeCoding {
                    user: take("creatingUser"),
                    created: take("creationDateTime"),
                    ..Default::default()
                })
            }
            ("Coding", "TextSource" | "Representation" | "PDFSource") => {
                if let Some(s) = self.source.as_mut() {
                    s.whole_source_codings += 1;
                }
            }
            ("CodeRef", "Coding") => {
                if let Some(c) = self.coding.as_mut() {
                    c.code = take("targetGUID").unwrap_or_default();
                }
            }
            ("NoteRef", parent) => self.note_ref(parent, take("targetGUID").unwrap_or_default()),
            ("Note", "Notes") => {
                self.note = Some((
                    take("guid").unwrap_or_default(),
                    QdeNote {
                        name: take("name").unwrap_or_default(),
                        plain_text_path: take("plainTextPath"),
                        content: None,
                    },
                ))
            }
            ("Description", parent) => self.capture_description(parent, depth),
            ("PlainTextContent", _) if text_parent => {
                self.capture = Some((Capture::SourceContent, depth, String::new()))
            }
            ("PlainTextContent", "Note") if self.note.is_some() => {
                self.capture = Some((Capture::NoteContent, depth, String::new()))
            }
            (kind @ ("Variables" | "Cases" | "Links" | "Sets" | "Graphs"), "Project") => {
                self.project
                    .not_carried
                    .push(format!("{kind}: Spanwise has no place for them"));
                self.skip_depth = Some(depth);
            }
            _ => {}
        }
        Ok(())
    }

    fn note_ref(&mut self, parent: &str, target: String) {
        match parent {
            "Coding" => {
                if let Some(c) = self.coding.as_mut() {
                    c.notes.push(target)
                }
            }
            "PlainTextSelection" => {
                if let Some(s) = self.selection.as_mut() {
                    s.notes.push(target)
                }
            }
            "TextSource" | "PDFSource" => {
                if let Some(s) = self.source.as_mut() {
                    s.notes.push(target)
                }
            }
            "Project" => self.project.notes.push(target),
            _ => {}
        }
    }

    fn capture_description(&mut self, parent: &str, depth: usize) {
        let target = match parent {
            "Project" => Capture::ProjectDescription,
            "Code" => Capture::CodeDescription,
            "TextSource" | "PDFSource" if self.source.is_some() => Capture::SourceDescription,
            "PlainTextSelection" if self.selection.is_some() => Capture::SelectionDescription,
            _ => return,
        };
        self.capture = Some((target, depth, String::new()));
    }

    fn text(&mut self, text: &str) {
        if let Some((_, _, buf)) = self.capture.as_mut() {
            buf.push_str(text);
        }
    }

    fn end(&mut self) {
        let Some(name) = self.stack.pop() else { return };
        let depth = self.stack.len();
        if let Some(skip) = self.skip_depth {
            if depth == skip {
                self.skip_depth = None;
            }
            return;
        }
        if self.capture.as_ref().is_some_and(|(_, d, _)| *d == depth) {
            let (target, _, text) = self.capture.take().expect("checked");
            self.store(target, text);
            return;
        }
        match name.as_str() {
            "Code" if self.parent() == "Codes" || self.parent() == "Code" => {
                self.code_stack.pop();
            }
            "Coding" if self.parent() == "PlainTextSelection" => {
                if let (Some(c), Some(s)) = (self.coding.take(), self.selection.as_mut()) {
                    s.codings.push(c);
                }
            }
            "PlainTextSelection" if matches!(self.parent(), "TextSource" | "Representation") => {
                if let (Some(sel), Some(s)) = (self.selection.take(), self.source.as_mut()) {
                    s.selections.push(sel);
                }
            }
            "TextSource" | "PDFSource" if self.parent() == "Sources" => {
                if let Some(s) = self.source.take() {
                    self.project.sources.push(s);
                }
            }
            "Note" if self.parent() == "Notes" => {
                if let Some((guid, note)) = self.note.take() {
                    self.project.note_texts.insert(guid, note);
                }
            }
            _ => {}
        }
    }

    fn store(&mut self, target: Capture, text: String) {
        match target {
            Capture::ProjectDescription => self.project.description = text,
            Capture::CodeDescription => {
                if let Some(&i) = self.code_stack.last() {
                    self.project.codes[i].description = text;
                }
            }
            Capture::SourceDescription => {
                if let Some(s) = self.source.as_mut() {
                    s.description = text;
                }
            }
            Capture::SourceContent => {
                if let Some(s) = self.source.as_mut() {
                    s.content = Some(text);
                }
            }
            Capture::SelectionDescription => {
                if let Some(s) = self.selection.as_mut() {
                    s.description = text;
                }
            }
            Capture::NoteContent => {
                if let Some((_, n)) = self.note.as_mut() {
                    n.content = Some(text);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_codes_selections_and_notes() {
        let xml = r##"<?xml version="1.0"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="P">
 <Users><User guid="U1" name="anna"/></Users>
 <CodeBook><Codes><Code guid="C1" name="risk" isCodable="true" color="#D55E00">
   <Description>Gefahr &amp; Schaden</Description>
   <Code guid="C2" name="privacy" isCodable="true"/></Code></Codes></CodeBook>
 <Sources>
  <TextSource guid="S1" name="doc" plainTextPath="internal://S1.txt">
   <PlainTextSelection guid="P1" startPosition="3" endPosition="7" creatingUser="U1">
    <Coding guid="K1"><CodeRef targetGUID="C2"/></Coding><NoteRef targetGUID="N1"/>
   </PlainTextSelection>
  </TextSource>
  <PDFSource guid="S2" name="scan.pdf"><PDFSelection guid="X" page="1" firstX="0" firstY="0" secondX="1" secondY="1"/></PDFSource>
 </Sources>
 <Notes><Note guid="N1" name="m"><PlainTextContent>Memo „eins“</PlainTextContent></Note></Notes>
</Project>"##;
        let p = parse_qde(xml).unwrap();
        assert_eq!(p.users[0].name, "anna");
        assert_eq!(p.codes.len(), 2);
        assert_eq!(p.codes[0].description, "Gefahr & Schaden");
        assert_eq!(p.codes[1].parent.as_deref(), Some("C1"));
        let sel = &p.sources[0].selections[0];
        assert_eq!((sel.start, sel.end), (3, 7));
        assert_eq!(sel.codings[0].code, "C2");
        assert_eq!(sel.notes, vec!["N1".to_string()]);
        assert_eq!(p.note_texts["N1"].content.as_deref(), Some("Memo „eins“"));
        // The PDF without a text representation is kept as a source with no text to import.
        assert_eq!(p.sources.len(), 2);
        assert_eq!(p.sources[1].kind, "PDFSource");
        assert_eq!(p.sources[1].plain_text_path, None);
        assert_eq!(p.sources[1].area_codings, 1);
    }
}
