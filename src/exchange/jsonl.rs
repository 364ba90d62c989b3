//! JSONL export: one JSON object per coding and line, with the same fields (and order) as the CSV;
//! offsets are numbers, everything else strings.

use std::io::Write;

use serde::Serializer;
use serde::ser::SerializeMap;

use super::output::{ExportError, ExportOutput};
use super::row::{ExportRow, RowPlan, Value, column_names};
use crate::model::project::Project;

/// Exports the chosen coders' codings (empty = all) as JSON Lines.
pub fn export_jsonl(project: &Project, coders: &[String]) -> Result<ExportOutput, ExportError> {
    let mut bytes = Vec::new();
    let codings = write_jsonl(project, coders, &mut bytes)?;
    Ok(ExportOutput { bytes, codings })
}

/// Writes the JSONL export into `out` as it is made (rows a piece at a time, on all cores);
/// returns how many codings went in.
pub fn write_jsonl(
    project: &Project,
    coders: &[String],
    out: &mut dyn Write,
) -> Result<usize, ExportError> {
    let plan = RowPlan::new(project, coders)?;
    let columns = column_names(&plan.attribute_names);
    let encode = |rows: &[ExportRow], bytes: &mut Vec<u8>| encode_rows(&columns, rows, bytes);
    plan.encode_in_pieces(encode, |bytes| Ok(out.write_all(bytes)?))?;
    Ok(plan.row_count())
}

fn encode_rows(
    columns: &[String],
    rows: &[ExportRow],
    bytes: &mut Vec<u8>,
) -> Result<(), ExportError> {
    for row in rows {
        let mut ser = serde_json::Serializer::new(&mut *bytes);
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
    Ok(())
}
