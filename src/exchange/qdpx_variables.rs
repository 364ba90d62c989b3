//! Document variables in `project.qde`: `<Variables>` on the project and a `<VariableValue>` on
//! each `TextSource`. QDA-XML holds one value per source and no coder, so the values of one coder
//! are written: see [`variable_coder`].

use super::xml::XmlWriter;
use crate::model::coder::CoderFile;
use crate::model::corpus::Document;
use crate::model::project::Project;
use crate::model::variable::{Number, Values, Variable};

/// The coder whose codesheet values go into a `.qdpx`: of the exported coders (empty: all), the
/// `consensus` coder when it gave values, else the first (in name order) who gave any. `None`
/// when the project has no variables or no exported coder gave a value.
pub fn variable_coder<'a>(project: &'a Project, coders: &[String]) -> Option<&'a CoderFile> {
    if project.variables.is_empty() {
        return None;
    }
    let files = super::row::select_coders(project, coders).ok()?;
    let with_values = |f: &&CoderFile| !f.variables.is_empty();
    files
        .iter()
        .copied()
        .filter(with_values)
        .find(|f| f.coder == "consensus")
        .or_else(|| files.iter().copied().find(with_values))
}

/// The QDA-XML type of a variable: labelled values as text (their labels), ranges as integers
/// when every allowed value is whole, else as decimals.
fn type_of(v: &Variable) -> &'static str {
    match &v.values {
        Values::Labels(_) => "Text",
        Values::Range { min, step, .. } if is_whole(*min) && is_whole(*step) => "Integer",
        Values::Range { .. } => "Float",
    }
}

fn is_whole(n: Number) -> bool {
    n.0.fract() == 0.0
}

/// Writes `<Variables>` (nothing when the project has none).
/// `guid` gives a variable's GUID from its id (the project's GUIDs, passed in so this module
/// does not import the one that calls it).
pub(super) fn write_variables(
    xml: &mut XmlWriter,
    project: &Project,
    guid: &dyn Fn(&str) -> String,
) {
    if project.variables.is_empty() {
        return;
    }
    xml.open("Variables", &[]);
    for v in &project.variables {
        let guid = guid(v.id.as_str());
        let attrs = [
            ("guid", guid.as_str()),
            ("name", v.label.as_str()),
            ("typeOfVariable", type_of(v)),
        ];
        let description = describe(v);
        xml.open("Variable", &attrs);
        xml.text_element("Description", &description);
        xml.close("Variable");
    }
    xml.close("Variables");
}

/// The description, with the scale and the codes (QDA-XML has no place for either).
fn describe(v: &Variable) -> String {
    let mut text = format!("{} ({}, {})", v.description, v.id, v.scale.label());
    if let Values::Labels(labels) = &v.values {
        let codes: Vec<String> = labels
            .iter()
            .map(|l| format!("{} = {}", l.code, l.label))
            .collect();
        text.push_str(&format!("; codes: {}", codes.join(", ")));
    }
    text.trim_start().to_string()
}

/// Writes the `<VariableValue>`s of one source from `coder`'s codesheet.
pub(super) fn write_values(
    xml: &mut XmlWriter,
    project: &Project,
    guid: &dyn Fn(&str) -> String,
    coder: Option<&CoderFile>,
    doc: &Document,
) {
    let Some(file) = coder else {
        return;
    };
    for v in &project.variables {
        let Some(value) = file.value_of(&doc.meta.id, &v.id) else {
            continue;
        };
        xml.open("VariableValue", &[]);
        xml.empty("VariableRef", &[("targetGUID", &guid(v.id.as_str()))]);
        match type_of(v) {
            "Text" => xml.text_element("TextValue", v.label_of(value).unwrap_or_default()),
            "Integer" => xml.text_element("IntegerValue", &value.to_string()),
            _ => xml.text_element("FloatValue", &value.to_string()),
        }
        xml.close("VariableValue");
    }
}
