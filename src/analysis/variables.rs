//! Document variables as reliability data: for one variable, the usual units-by-coders table
//! (unit = document, one column per coder, a missing cell where a coder gave no value), the shape
//! every coefficient on predefined units (Krippendorff's α at any level, κ, π) takes as input.
//!
//! The table carries the variable's scale, so the caller can pick the fitting level of α.

use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::variable::{Scale, VariableId};

/// One variable's values: rows are documents in project order, columns coders.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitsByCoders {
    /// The variable.
    pub variable: VariableId,
    /// Its level of measurement.
    pub scale: Scale,
    /// The coders, one column each, in the order asked for.
    pub coders: Vec<String>,
    /// The units (documents), one row each, in project order.
    pub units: Vec<DocId>,
    /// `values[unit][coder]`: the coder's value for the document, `None` where not filled in.
    pub values: Vec<Vec<Option<f64>>>,
}

impl UnitsByCoders {
    /// The rows in which at least two coders gave a value (the pairable units of α).
    pub fn pairable_units(&self) -> usize {
        self.values
            .iter()
            .filter(|row| row.iter().flatten().count() >= 2)
            .count()
    }
}

/// Why a table could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VariablesError {
    /// The variable is not on the codesheet.
    #[error("variable `{0}` is not defined in project.ron")]
    UnknownVariable(VariableId),
    /// A coder asked for has no file.
    #[error("no coder `{0}` in this project")]
    UnknownCoder(String),
}

/// The coders compared by default: every coder with a file except `consensus`.
pub fn default_coders(project: &Project) -> Vec<String> {
    project
        .coder_names()
        .into_iter()
        .filter(|c| c != "consensus")
        .collect()
}

/// The units-by-coders table of one variable for these coders (empty: [`default_coders`]).
pub fn units_by_coders(
    project: &Project,
    variable: &VariableId,
    coders: &[String],
) -> Result<UnitsByCoders, VariablesError> {
    let def = project
        .variable(variable)
        .ok_or_else(|| VariablesError::UnknownVariable(variable.clone()))?;
    let coders = if coders.is_empty() {
        default_coders(project)
    } else {
        coders.to_vec()
    };
    let files = coders
        .iter()
        .map(|c| {
            project
                .coder(c)
                .ok_or_else(|| VariablesError::UnknownCoder(c.clone()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let units: Vec<DocId> = project
        .corpus
        .documents
        .iter()
        .map(|d| d.meta.id.clone())
        .collect();
    let values = units
        .iter()
        .map(|doc| {
            files
                .iter()
                .map(|f| f.value_of(doc, variable).map(|v| v.0))
                .collect()
        })
        .collect();
    Ok(UnitsByCoders {
        variable: variable.clone(),
        scale: def.scale,
        coders,
        units,
        values,
    })
}

/// The tables of every variable on the codesheet, in codesheet order.
pub fn all_units_by_coders(
    project: &Project,
    coders: &[String],
) -> Result<Vec<UnitsByCoders>, VariablesError> {
    project
        .variables
        .iter()
        .map(|v| units_by_coders(project, &v.id, coders))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::corpus::{Document, DocumentMeta};
    use crate::model::variable::{Number, Variable};

    fn project() -> Project {
        let documents = ["a", "b", "c"]
            .iter()
            .map(|id| Document {
                meta: DocumentMeta {
                    id: DocId((*id).into()),
                    path: format!("corpus/{id}.txt"),
                    title: (*id).into(),
                    date: None,
                    source: None,
                    sha256: String::new(),
                    memo: String::new(),
                },
                text: None,
            })
            .collect();
        let mut p = Project::new("/nonexistent", "t", Default::default(), documents);
        p.variables.push(Variable::labelled(
            "tone",
            "Ton",
            Scale::Ordinal,
            &[(1, "neg"), (2, "neu"), (3, "pos")],
        ));
        let tone = VariableId("tone".into());
        for (coder, values) in [
            ("anna", vec![("a", 1.0), ("b", 3.0)]),
            ("ben", vec![("b", 2.0), ("c", 3.0)]),
            ("consensus", vec![("a", 1.0)]),
        ] {
            let file = p.coder_mut(coder);
            for (doc, v) in values {
                file.variables
                    .entry(DocId(doc.into()))
                    .or_default()
                    .insert(tone.clone(), Number(v));
            }
        }
        p
    }

    #[test]
    fn builds_documents_by_coders_with_missing_cells() {
        let p = project();
        let t = units_by_coders(&p, &VariableId("tone".into()), &[]).unwrap();
        assert_eq!(t.coders, ["anna", "ben"]);
        assert_eq!(t.scale, Scale::Ordinal);
        assert_eq!(t.units.len(), 3);
        assert_eq!(
            t.values,
            vec![
                vec![Some(1.0), None],
                vec![Some(3.0), Some(2.0)],
                vec![None, Some(3.0)],
            ]
        );
        assert_eq!(t.pairable_units(), 1);
    }

    #[test]
    fn chosen_coders_keep_their_order_and_unknown_ones_are_named() {
        let p = project();
        let tone = VariableId("tone".into());
        let t = units_by_coders(&p, &tone, &["consensus".into(), "anna".into()]).unwrap();
        assert_eq!(t.values[0], vec![Some(1.0), Some(1.0)]);
        assert_eq!(
            units_by_coders(&p, &tone, &["carl".into()]),
            Err(VariablesError::UnknownCoder("carl".into()))
        );
        assert!(matches!(
            units_by_coders(&p, &VariableId("topic".into()), &[]),
            Err(VariablesError::UnknownVariable(_))
        ));
        assert_eq!(all_units_by_coders(&p, &[]).unwrap().len(), 1);
    }
}
