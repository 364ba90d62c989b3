//! Commands on the codesheet: document variables in `project.ron` and each coder's values of
//! them in their own coder file.
//!
//! A variable is removed only when no coder has a value for it (clearing the values comes
//! first, in the same undo step), and a value is set only when the variable allows it, so a coder
//! file never holds a value that loading would refuse.

use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::variable::{Number, Variable, VariableId};

use super::{Command, CommandError};

impl Project {
    pub(super) fn apply_variable_command(
        &mut self,
        command: Command,
    ) -> Result<Command, CommandError> {
        match command {
            Command::SetVariable {
                coder,
                document,
                variable,
                value,
            } => self.set_variable(coder, document, variable, value),
            Command::InsertVariable { at, variable } => self.insert_variable(at, variable),
            Command::RemoveVariable { id } => self.remove_variable(id),
            Command::UpdateVariable(variable) => self.update_variable(variable),
            other => unreachable!("not a variable command: {other:?}"),
        }
    }

    /// How many documents each coder has a value of a variable for (coder name, count), coders
    /// with none left out.
    pub fn variable_usage(&self, id: &VariableId) -> Vec<(String, usize)> {
        self.coders
            .values()
            .map(|f| {
                let n = f.variables.values().filter(|m| m.contains_key(id)).count();
                (f.coder.clone(), n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    fn set_variable(
        &mut self,
        coder: String,
        document: DocId,
        variable: VariableId,
        value: Option<Number>,
    ) -> Result<Command, CommandError> {
        if self.corpus.get(&document).is_none() {
            return Err(CommandError::UnknownDocument(document));
        }
        let def = self
            .variable(&variable)
            .ok_or_else(|| CommandError::UnknownVariable(variable.clone()))?;
        if let Some(v) = value {
            def.check(v)
                .map_err(|e| CommandError::BadValue(e.to_string()))?;
        }
        let file = self.coder_mut(&coder);
        let values = file.variables.entry(document.clone()).or_default();
        let old = match value {
            Some(v) => values.insert(variable.clone(), v),
            None => values.remove(&variable),
        };
        if values.is_empty() {
            file.variables.remove(&document);
        }
        Ok(Command::SetVariable {
            coder,
            document,
            variable,
            value: old,
        })
    }

    fn insert_variable(&mut self, at: usize, variable: Variable) -> Result<Command, CommandError> {
        if self.variable(&variable.id).is_some() {
            return Err(CommandError::DuplicateVariable(variable.id));
        }
        if let Some(problem) = variable.definition_problem() {
            return Err(CommandError::BadValue(problem));
        }
        let id = variable.id.clone();
        let at = at.min(self.variables.len());
        self.variables.insert(at, variable);
        Ok(Command::RemoveVariable { id })
    }

    fn remove_variable(&mut self, id: VariableId) -> Result<Command, CommandError> {
        let at = self
            .variables
            .iter()
            .position(|v| v.id == id)
            .ok_or_else(|| CommandError::UnknownVariable(id.clone()))?;
        let usage = self.variable_usage(&id);
        if !usage.is_empty() {
            let who: Vec<String> = usage
                .iter()
                .map(|(c, n)| format!("{n} documents by {c}"))
                .collect();
            return Err(CommandError::InUse(format!(
                "variable `{id}` still has values ({})",
                who.join(", ")
            )));
        }
        let variable = self.variables.remove(at);
        Ok(Command::InsertVariable { at, variable })
    }

    fn update_variable(&mut self, variable: Variable) -> Result<Command, CommandError> {
        if let Some(problem) = variable.definition_problem() {
            return Err(CommandError::BadValue(problem));
        }
        let slot = self
            .variables
            .iter()
            .position(|v| v.id == variable.id)
            .ok_or_else(|| CommandError::UnknownVariable(variable.id.clone()))?;
        // The values coders gave must still fit, or loading the saved files would refuse them.
        for file in self.coders.values() {
            for (doc, values) in &file.variables {
                if let Some(v) = values.get(&variable.id)
                    && let Err(e) = variable.check(*v)
                {
                    return Err(CommandError::InUse(format!(
                        "{} gave document `{doc}` a value the new definition does not allow: {e}",
                        file.coder
                    )));
                }
            }
        }
        Ok(Command::UpdateVariable(std::mem::replace(
            &mut self.variables[slot],
            variable,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::coder::Progress;
    use crate::model::variable::Scale;

    fn project() -> Project {
        let dir = tempfile::tempdir().unwrap();
        crate::storage::bundled::extract_to(dir.path()).unwrap();
        crate::storage::load_project(dir.path()).unwrap()
    }

    fn tone() -> Variable {
        Variable::labelled(
            "tone",
            "Tonalität",
            Scale::Ordinal,
            &[(-1, "negativ"), (0, "neutral"), (1, "positiv")],
        )
    }

    fn set(doc: &DocId, value: Option<f64>) -> Command {
        Command::SetVariable {
            coder: "anna".into(),
            document: doc.clone(),
            variable: VariableId("tone".into()),
            value: value.map(Number),
        }
    }

    #[test]
    fn setting_and_clearing_a_value_invert_exactly() {
        let mut p = project();
        let doc = p.corpus.documents[1].meta.id.clone();
        let tone_id = VariableId("tone".into());
        let add = p
            .apply(Command::InsertVariable {
                at: 0,
                variable: tone(),
            })
            .unwrap();
        let undo_set = p.apply(set(&doc, Some(-1.0))).unwrap();
        assert_eq!(
            p.coder("anna").unwrap().value_of(&doc, &tone_id),
            Some(Number(-1.0))
        );
        let undo_change = p.apply(set(&doc, Some(1.0))).unwrap();
        assert_eq!(undo_change, set(&doc, Some(-1.0)));
        p.apply(undo_change).unwrap();
        let err = p.apply(Command::RemoveVariable {
            id: tone_id.clone(),
        });
        assert!(err.unwrap_err().to_string().contains("1 documents by anna"));
        p.apply(undo_set).unwrap();
        assert!(p.coder("anna").unwrap().variables.is_empty());
        p.apply(add).unwrap();
        assert!(p.variables.is_empty());
        assert_eq!(
            p.coder("anna").unwrap().progress_of(&doc),
            Progress::NotStarted
        );
    }

    #[test]
    fn a_value_the_variable_does_not_allow_is_refused() {
        let mut p = project();
        let doc = p.corpus.documents[0].meta.id.clone();
        p.apply(Command::InsertVariable {
            at: 0,
            variable: tone(),
        })
        .unwrap();
        let err = p.apply(set(&doc, Some(5.0))).unwrap_err();
        assert!(matches!(err, CommandError::BadValue(_)), "{err}");
        assert!(p.coder("anna").is_none_or(|f| f.variables.is_empty()));
        let unknown = Command::SetVariable {
            coder: "anna".into(),
            document: doc,
            variable: VariableId("topic".into()),
            value: Some(Number(1.0)),
        };
        assert!(matches!(
            p.apply(unknown),
            Err(CommandError::UnknownVariable(_))
        ));
    }
}
