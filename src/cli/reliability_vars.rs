//! `spanwise reliability PROJECT_DIR`: the reliability of each document variable of a project's
//! codesheet (unit = document, one column per coder), each at the level of its own scale unless
//! `--level` says otherwise, and of each code as present or absent per finished document
//! (α nominal and the κ family).

use std::path::Path;

use anyhow::bail;
use serde_json::json;

use super::load::{SkipInvalid, open};
use super::reliability::{Format, ReliabilityArgs, text};
use crate::analysis::agreement::reliability::{Level, Resampling};
use crate::analysis::predefined::{self, Options, Predefined};

/// The report of every variable and code of the project in `dir`.
pub(super) fn report(
    dir: &Path,
    args: &ReliabilityArgs,
    bootstrap: Option<Resampling>,
) -> anyhow::Result<String> {
    if args.format == Format::Csv {
        bail!(
            "--format csv holds one table; for a project's variables and codes use --format table \
             or json (or `spanwise export --format variables-csv` for the values themselves)"
        );
    }
    let project = open(
        dir,
        SkipInvalid {
            skip_invalid: false,
        },
    )?;
    if project.variables.is_empty() && project.codebook.codes.is_empty() {
        bail!(
            "{}: the codesheet has no document variables and the codebook no codes (project.ron \
             defines none)",
            dir.display()
        );
    }
    let options = Options {
        level: args.level.map(Level::from),
        bootstrap,
    };
    let figures = predefined::compute(&project, &[], options)?;
    if project.variables.is_empty() {
        eprintln!(
            "note: {}: the codesheet has no document variables; only the codes are reported",
            dir.display()
        );
    }
    if figures.presence_documents.is_empty() && !figures.codes.is_empty() {
        eprintln!(
            "note: no document is marked done by every coder ({}): code presence has no units",
            figures.coders.join(", ")
        );
    }
    Ok(match args.format {
        Format::Json => serde_json::to_string_pretty(&to_json(&figures))? + "\n",
        _ => to_text(&figures),
    })
}

/// `{"schema": 1, "variables": [{variable, label, report}], "code_presence": {documents, codes:
/// [{code, name, report}]}}`.
pub(super) fn to_json(figures: &Predefined) -> serde_json::Value {
    let variables: Vec<_> = figures
        .variables
        .iter()
        .map(|v| json!({"variable": v.variable.0, "label": v.label, "report": v.report}))
        .collect();
    let codes: Vec<_> = figures
        .codes
        .iter()
        .map(|c| json!({"code": c.code.0, "name": c.name, "report": c.report}))
        .collect();
    let documents: Vec<&str> = figures
        .presence_documents
        .iter()
        .map(|d| d.0.as_str())
        .collect();
    json!({
        "schema": 1,
        "variables": variables,
        "code_presence": {"documents": documents, "codes": codes},
    })
}

fn to_text(figures: &Predefined) -> String {
    let mut blocks: Vec<String> = figures
        .variables
        .iter()
        .map(|v| {
            format!(
                "Variable `{}` ({})\n{}",
                v.variable.0,
                v.label,
                text(&v.report)
            )
        })
        .collect();
    blocks.extend(figures.codes.iter().map(|c| {
        format!(
            "Code `{}` present or absent per finished document ({} documents; 1 = used at least \
             once)\n{}",
            c.name,
            figures.presence_documents.len(),
            text(&c.report)
        )
    }));
    blocks.join("\n")
}
