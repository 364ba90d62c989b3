//! What removing a code or a document variable from the codebook means for the codings and
//! values that use it: the current coder's own codings are recoded or deleted, and their values
//! cleared, in the same undo step as the removal; other coders' files are never changed from
//! here, so a code or variable they use is not removed (each coder clears their own file first).

use crate::edit::command::Command;
use crate::model::codebook::CodeId;
use crate::model::project::Project;
use crate::model::variable::VariableId;

/// What happens to the codings of a code that is deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteCodings {
    /// They get another code.
    RecodeTo(CodeId),
    /// They are deleted too.
    Delete,
}

/// Why a code or variable is not removed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RemovalError {
    /// Other coders' codings or values use it.
    #[error("other coders use `{name}` ({who}); each coder clears their own file first")]
    OthersUse {
        /// The code's or variable's name.
        name: String,
        /// Who uses it how often, e.g. `3 by ben`.
        who: String,
    },
}

/// Number of `coder`'s codings that use a code.
pub fn my_code_usage(project: &Project, coder: &str, id: &CodeId) -> usize {
    project
        .coder(coder)
        .map_or(0, |f| f.codings.iter().filter(|c| &c.code == id).count())
}

/// Number of documents `coder` has given a value of a variable.
pub fn my_variable_usage(project: &Project, coder: &str, id: &VariableId) -> usize {
    project.coder(coder).map_or(0, |f| {
        f.variables.values().filter(|m| m.contains_key(id)).count()
    })
}

fn others(usage: Vec<(String, usize)>, coder: &str, name: &str) -> Result<(), RemovalError> {
    let who: Vec<String> = usage
        .into_iter()
        .filter(|(c, _)| c != coder)
        .map(|(c, n)| format!("{n} by {c}"))
        .collect();
    if who.is_empty() {
        return Ok(());
    }
    Err(RemovalError::OthersUse {
        name: name.to_string(),
        who: who.join(", "),
    })
}

/// The one command that deletes a code: `coder`'s codings of it recoded or deleted, then the
/// code removed. Refused when another coder's codings use it.
pub fn delete_code(
    project: &Project,
    coder: &str,
    id: &CodeId,
    codings: &DeleteCodings,
) -> Result<Command, RemovalError> {
    others(project.code_usage(id), coder, &project.codebook.name_of(id))?;
    let mine = project.coder(coder).map(|f| f.codings.as_slice());
    let mut steps: Vec<Command> = mine
        .unwrap_or_default()
        .iter()
        .filter(|c| &c.code == id)
        .cloned()
        .map(|mut c| match codings {
            DeleteCodings::RecodeTo(target) => {
                c.code = target.clone();
                Command::ReplaceCoding {
                    coder: coder.to_string(),
                    coding: c,
                }
            }
            DeleteCodings::Delete => Command::RemoveCoding {
                coder: coder.to_string(),
                id: c.id,
            },
        })
        .collect();
    steps.push(Command::RemoveCode { id: id.clone() });
    Ok(Command::Batch(steps))
}

/// The one command that removes a document variable: `coder`'s values of it cleared, then the
/// variable removed. Refused when another coder has given it values.
pub fn remove_variable(
    project: &Project,
    coder: &str,
    id: &VariableId,
) -> Result<Command, RemovalError> {
    let name = project
        .variable(id)
        .map_or(id.as_str(), |v| v.label.as_str());
    others(project.variable_usage(id), coder, name)?;
    let mut steps: Vec<Command> = project
        .coder(coder)
        .map(|f| {
            f.variables
                .iter()
                .filter(|(_, values)| values.contains_key(id))
                .map(|(doc, _)| Command::SetVariable {
                    coder: coder.to_string(),
                    document: doc.clone(),
                    variable: id.clone(),
                    value: None,
                })
                .collect()
        })
        .unwrap_or_default();
    steps.push(Command::RemoveVariable { id: id.clone() });
    Ok(Command::Batch(steps))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::workspace::Workspace;
    use crate::model::variable::{Number, Scale, Variable};

    /// The bundled project with the variable `tone`, opened for `coder`.
    fn workspace(coder: &str) -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        crate::storage::bundled::extract_to(dir.path()).unwrap();
        let mut ws = Workspace::open(dir.path(), coder).unwrap();
        let variable = tone();
        ws.execute(Command::InsertVariable { at: 0, variable })
            .unwrap();
        (dir, ws)
    }

    fn tone() -> Variable {
        Variable::labelled(
            "tone",
            "Tonalität",
            Scale::Ordinal,
            &[(-1, "neg"), (1, "pos")],
        )
    }

    fn set(ws: &mut Workspace, coder: &str, doc: usize, value: f64) {
        let document = ws.project().corpus.documents[doc].meta.id.clone();
        ws.execute(Command::SetVariable {
            coder: coder.into(),
            document,
            variable: VariableId("tone".into()),
            value: Some(Number(value)),
        })
        .unwrap();
    }

    #[test]
    fn removing_a_variable_clears_my_values_in_the_same_undo_step() {
        let (_dir, mut ws) = workspace("anna");
        set(&mut ws, "anna", 0, 1.0);
        set(&mut ws, "anna", 1, -1.0);
        let id = VariableId("tone".into());
        assert_eq!(my_variable_usage(ws.project(), "anna", &id), 2);
        let cmd = remove_variable(ws.project(), "anna", &id).unwrap();
        ws.execute(cmd).unwrap();
        assert!(ws.project().variable(&id).is_none());
        assert_eq!(my_variable_usage(ws.project(), "anna", &id), 0);
        assert!(ws.undo());
        assert!(ws.project().variable(&id).is_some());
        assert_eq!(my_variable_usage(ws.project(), "anna", &id), 2);
    }

    #[test]
    fn a_variable_another_coder_has_values_of_is_not_removed() {
        let (_dir, mut ws) = workspace("anna");
        set(&mut ws, "ben", 0, 1.0);
        let err = remove_variable(ws.project(), "anna", &VariableId("tone".into()))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("1 by ben") && err.contains("Tonalität"),
            "{err}"
        );
    }
}
