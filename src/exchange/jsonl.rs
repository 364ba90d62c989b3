//! JSONL export: one JSON object per coding and line, with the same fields (and order) as the CSV;
//! offsets are numbers, everything else strings.

use serde::Serializer;
use serde::ser::SerializeMap;

use super::output::{ExportError, ExportOutput};
use super::row::{Value, column_names, export_rows};
use crate::model::project::Project;

/// Exports the chosen coders' codings (empty = all) as JSON Lines.
pub fn export_jsonl(project: &Project, coders: &[String]) -> Result<ExportOutput, ExportError> {
    let rows = export_rows(project, coders)?;
    let columns = column_names(&rows.attribute_names);
    let mut bytes = Vec::new();
    for row in &rows.rows {
        let mut ser = serde_json::Serializer::new(&mut bytes);
        let values = row.values();
        let mut map = (&mut ser).serialize_map(Some(values.len()))?;
        for (key, value) in columns.iter().zip(values) {
            match value {
                Value::Text(t) => map.serialize_entry(key, t)?,
                Value::Number(n) => map.serialize_entry(key, &n)?,
            }
        }
        map.end()?;
        bytes.push(b'\n');
    }
    Ok(ExportOutput {
        bytes,
        codings: rows.rows.len(),
    })
}
