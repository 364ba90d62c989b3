//! W3C Web Annotation export: an `AnnotationCollection` (JSON-LD) with one `Annotation` per coding.
//! Each target carries a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
//! (start, end); W3C positions count code points, exactly as Spanwise offsets do. The body names
//! the code (`classifying`), the memo (`commenting`) and attributes (`describing`); the creator is
//! the coder.

use serde_json::{Value, json};

use super::qdpx::ProjectGuids;
use super::{ExportError, ExportOutput, ExportRow, export_rows};
use crate::project::Project;
use crate::span::Span;
use crate::text::DocText;

/// Chars of raw text each side of a quote in `TextQuoteSelector`'s prefix and suffix.
const AFFIX_CHARS: usize = 32;

/// Exports the chosen coders' codings (empty = all) as a W3C Web Annotation collection.
pub fn export_w3c(project: &Project, coders: &[String]) -> Result<ExportOutput, ExportError> {
    let rows = export_rows(project, coders)?;
    let guids = ProjectGuids::new(project);
    let items: Vec<Value> = rows
        .rows
        .iter()
        .map(|row| annotation(project, &guids, row, &rows.attribute_names))
        .collect();
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("urn:uuid:{}", guids.project()),
        "type": "AnnotationCollection",
        "label": project.name,
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    let mut bytes = serde_json::to_vec_pretty(&collection)?;
    bytes.push(b'\n');
    Ok(ExportOutput {
        bytes,
        codings: rows.rows.len(),
    })
}

fn annotation(project: &Project, guids: &ProjectGuids, row: &ExportRow, attrs: &[String]) -> Value {
    let doc = &project.corpus.documents[row.doc_index];
    let text = doc
        .text
        .as_ref()
        .expect("rows exist only for documents with text");
    let (prefix, suffix) = affixes(text, Span::new(row.start, row.end));
    let mut body = vec![json!({
        "type": "TextualBody",
        "purpose": "classifying",
        "value": row.code,
        "id": format!("urn:uuid:{}", guids.code(&row.code_id)),
    })];
    if !row.memo.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": row.memo}));
    }
    for (name, value) in attrs.iter().zip(&row.attributes) {
        if !value.is_empty() {
            body.push(json!({"type": "TextualBody", "purpose": "describing", "value": format!("{name}: {value}")}));
        }
    }
    json!({
        "id": format!("urn:uuid:{}", guids.selection(&row.coder, row.coding_id)),
        "type": "Annotation",
        "motivation": "classifying",
        "created": row.created,
        "modified": row.modified,
        "creator": {"type": "Person", "nickname": row.coder, "id": format!("urn:uuid:{}", guids.user(&row.coder))},
        "body": body,
        "target": {
            "source": format!("urn:uuid:{}", guids.source(&doc.meta.id)),
            "selector": [
                {"type": "TextQuoteSelector", "exact": row.quote, "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": row.start, "end": row.end},
            ],
        },
    })
}

fn affixes(text: &DocText, span: Span) -> (String, String) {
    let before = Span::new(span.start.saturating_sub(AFFIX_CHARS), span.start);
    let after = Span::new(span.end, (span.end + AFFIX_CHARS).min(text.char_len()));
    (
        text.slice(before).unwrap_or("").to_string(),
        text.slice(after).unwrap_or("").to_string(),
    )
}
