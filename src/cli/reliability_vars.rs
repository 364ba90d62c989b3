//! `spanwise reliability PROJECT_DIR`: the reliability of each document variable of a project's
//! codesheet (unit = document, one column per coder), each at the level of its own scale unless
//! `--level` says otherwise.

use std::path::Path;

use anyhow::bail;
use serde_json::json;

use super::load::{SkipInvalid, open};
use super::reliability::{Format, ReliabilityArgs, text};
use crate::analysis::agreement::reliability::{self, Level, Options, ReliabilityData, Resampling};
use crate::analysis::variables;
use crate::model::variable::Scale;

/// The level of α that fits a variable's scale.
fn level_of(scale: Scale) -> Level {
    match scale {
        Scale::Nominal => Level::Nominal,
        Scale::Ordinal => Level::Ordinal,
        Scale::Interval => Level::Interval,
        Scale::Ratio => Level::Ratio,
    }
}

/// The report of every variable of the project in `dir`.
pub(super) fn report(
    dir: &Path,
    args: &ReliabilityArgs,
    bootstrap: Option<Resampling>,
) -> anyhow::Result<String> {
    if args.format == Format::Csv {
        bail!(
            "--format csv holds one table; for a project's variables use --format table or json \
             (or `spanwise export --format variables-csv` for the values themselves)"
        );
    }
    let project = open(
        dir,
        SkipInvalid {
            skip_invalid: false,
        },
    )?;
    if project.variables.is_empty() {
        bail!(
            "{}: the codesheet has no document variables (project.ron defines none)",
            dir.display()
        );
    }
    let mut blocks = Vec::new();
    for variable in &project.variables {
        let table = variables::units_by_coders(&project, &variable.id, &[])?;
        if table.coders.len() < 2 {
            bail!(
                "variable `{}`: reliability needs two or more coders, this project has {}",
                variable.id.0,
                table.coders.len()
            );
        }
        let level = args.level.map_or(level_of(variable.scale), Level::from);
        let rows = table
            .units
            .iter()
            .zip(&table.values)
            .map(|(doc, values)| (doc.0.clone(), values.clone()))
            .collect();
        let data = ReliabilityData::numbers(table.coders.clone(), rows);
        let report = reliability::compute(&data, Options { level, bootstrap });
        blocks.push((variable, report));
    }
    Ok(match args.format {
        Format::Json => {
            let list: Vec<_> = blocks
                .iter()
                .map(|(v, r)| json!({"variable": v.id.0, "label": v.label, "report": r}))
                .collect();
            serde_json::to_string_pretty(&json!({"schema": 1, "variables": list}))? + "\n"
        }
        _ => blocks
            .iter()
            .map(|(v, r)| format!("Variable `{}` ({})\n{}", v.id.0, v.label, text(r)))
            .collect::<Vec<_>>()
            .join("\n"),
    })
}
