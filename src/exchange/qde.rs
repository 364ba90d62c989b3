//! Reading `project.qde` (QDA-XML) into the few things a Spanwise project can hold: users, codes,
//! text sources with their selections and codings, and notes. Everything else is listed in
//! [`QdeProject::not_carried`] so the import can report it.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

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
    /// Start, in code points of the source text.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// Creating user GUID.
    pub user: Option<String>,
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

/// A `TextSource`.
#[derive(Debug, Clone, Default)]
pub struct QdeTextSource {
    /// GUID.
    pub guid: String,
    /// Name.
    pub name: String,
    /// `plainTextPath` (e.g. `internal://<GUID>.txt`).
    pub plain_text_path: Option<String>,
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
}

/// Parses `project.qde`.
pub fn parse_qde(xml: &str) -> Result<QdeProject, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut parser = Parser::default();
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                parser.start(&e)?;
                parser.stack.push(local_name(&e));
            }
            Event::Empty(e) => {
                parser.start(&e)?;
                parser.stack.push(local_name(&e));
                parser.end();
            }
            Event::End(_) => parser.end(),
            Event::Text(t) => parser.text(&t.unescape()?),
            Event::CData(t) => parser.text(&String::from_utf8_lossy(&t.into_inner())),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(parser.project)
}

fn local_name(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

fn attributes(e: &BytesStart) -> Result<HashMap<String, String>, quick_xml::Error> {
    let mut out = HashMap::new();
    for a in e.attributes() {
        let a = a.map_err(quick_xml::Error::from)?;
        let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        out.insert(key, a.unescape_value()?.into_owned());
    }
    Ok(out)
}

impl Parser {
    fn parent(&self) -> &str {
        self.stack.last().map_or("", String::as_str)
    }

    fn start(&mut self, e: &BytesStart) -> Result<(), quick_xml::Error> {
        if self.skip_depth.is_some() {
            return Ok(());
        }
        let name = local_name(e);
        let mut a = attributes(e)?;
        let mut take = |k: &str| a.remove(k);
        let depth = self.stack.len();
        let parent = self.parent().to_string();
        match (name.as_str(), parent.as_str()) {
            ("Project", "") => {
                self.project.name = take("name").unwrap_or_default();
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
                    ..Default::default()
                })
            }
            (kind @ ("PDFSource" | "PictureSource" | "AudioSource" | "VideoSource"), "Sources") => {
                let label = take("name").unwrap_or_default();
                self.project.not_carried.push(format!(
                    "{kind} `{label}`: only text sources can be imported"
                ));
                self.skip_depth = Some(depth);
            }
            ("PlainTextSelection", "TextSource") if self.source.is_some() => {
                let pos = |v: Option<String>| v.and_then(|s| s.trim().parse().ok()).unwrap_or(-1);
                self.selection = Some(QdeSelection {
                    guid: take("guid").unwrap_or_default(),
                    start: pos(take("startPosition")),
                    end: pos(take("endPosition")),
                    user: take("creatingUser"),
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
            ("Coding", "TextSource") => {
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
            ("PlainTextContent", "TextSource") if self.source.is_some() => {
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
            "TextSource" => {
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
            "TextSource" if self.source.is_some() => Capture::SourceDescription,
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
            "PlainTextSelection" if self.parent() == "TextSource" => {
                if let (Some(sel), Some(s)) = (self.selection.take(), self.source.as_mut()) {
                    s.selections.push(sel);
                }
            }
            "TextSource" if self.parent() == "Sources" => {
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
        assert_eq!(p.sources.len(), 1);
        assert!(p.not_carried[0].contains("scan.pdf"));
    }
}
