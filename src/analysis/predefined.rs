//! Every coefficient on predefined units of a project: the reliability of each document variable
//! of the codesheet (unit = document, at the level of the variable's scale) and of each code
//! treated as present or absent per finished document ([`super::presence`]). The command line
//! (`spanwise reliability DIR`), the window's Reliability window and the HTML report all call
//! [`compute`], so they show the same figures.

use super::agreement::reliability::{self, Level, Reliability, ReliabilityData, Resampling};
use super::presence;
use super::variables::{self, VariablesError};
use crate::model::codebook::CodeId;
use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::variable::{Scale, VariableId};

/// What to compute.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Options {
    /// α's level for every variable; `None`: each variable's own scale.
    pub level: Option<Level>,
    /// Bootstrap every α, or not.
    pub bootstrap: Option<Resampling>,
}

/// One variable's reliability.
#[derive(Debug, Clone, PartialEq)]
pub struct VariableReliability {
    /// The variable.
    pub variable: VariableId,
    /// Its label on the codesheet.
    pub label: String,
    /// Its scale.
    pub scale: Scale,
    /// The figures (α at the level of the scale first).
    pub report: Reliability,
}

/// One code's reliability as present or absent per finished document.
#[derive(Debug, Clone, PartialEq)]
pub struct CodePresence {
    /// The code.
    pub code: CodeId,
    /// Its name.
    pub name: String,
    /// The figures (α nominal first).
    pub report: Reliability,
}

/// Every coefficient on predefined units.
#[derive(Debug, Clone, PartialEq)]
pub struct Predefined {
    /// The coders compared.
    pub coders: Vec<String>,
    /// One entry per variable of the codesheet, in codesheet order.
    pub variables: Vec<VariableReliability>,
    /// The documents the code-presence figures use: finished by every compared coder.
    pub presence_documents: Vec<DocId>,
    /// One entry per code of the codebook, in codebook order.
    pub codes: Vec<CodePresence>,
    /// The bootstrap settings, if any.
    pub bootstrap: Option<Resampling>,
}

/// Why the figures cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PredefinedError {
    /// Fewer than two coders.
    #[error("reliability needs two or more coders, {0} given")]
    TooFewCoders(usize),
    /// A table could not be built.
    #[error(transparent)]
    Table(#[from] VariablesError),
}

/// The level of α that fits a variable's scale.
pub fn level_of(scale: Scale) -> Level {
    match scale {
        Scale::Nominal => Level::Nominal,
        Scale::Ordinal => Level::Ordinal,
        Scale::Interval => Level::Interval,
        Scale::Ratio => Level::Ratio,
    }
}

/// The figures for `coders` (empty: every coder but `consensus`).
pub fn compute(
    project: &Project,
    coders: &[String],
    options: Options,
) -> Result<Predefined, PredefinedError> {
    let coders = if coders.is_empty() {
        variables::default_coders(project)
    } else {
        coders.to_vec()
    };
    if coders.len() < 2 {
        return Err(PredefinedError::TooFewCoders(coders.len()));
    }
    let mut out = Vec::new();
    for variable in &project.variables {
        let table = variables::units_by_coders(project, &variable.id, &coders)?;
        let level = options.level.unwrap_or(level_of(variable.scale));
        let rows = table
            .units
            .iter()
            .zip(&table.values)
            .map(|(doc, values)| (doc.0.clone(), values.clone()))
            .collect();
        let data = ReliabilityData::numbers(table.coders.clone(), rows);
        out.push(VariableReliability {
            variable: variable.id.clone(),
            label: variable.label.clone(),
            scale: variable.scale,
            report: figures(&data, level, options.bootstrap),
        });
    }
    let codes = presence::presence_tables(project, &coders)?
        .into_iter()
        .map(|t| CodePresence {
            report: figures(&t.data, Level::Nominal, options.bootstrap),
            code: t.code,
            name: t.name,
        })
        .collect();
    Ok(Predefined {
        presence_documents: presence::finished_documents(project, &coders)?,
        coders,
        variables: out,
        codes,
        bootstrap: options.bootstrap,
    })
}

fn figures(data: &ReliabilityData, level: Level, bootstrap: Option<Resampling>) -> Reliability {
    reliability::compute(data, reliability::Options { level, bootstrap })
}
