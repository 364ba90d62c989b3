//! Commands: every change a user makes to a project is one of these values, applied in
//! [`Project::apply`]. Applying returns the inverse command, which is what undo runs.

pub mod bulk;
mod project_ops;
mod variable_ops;

use crate::model::codebook::{Code, CodeId};
use crate::model::coder::{Progress, Rejection};
use crate::model::coding::{Coding, CodingId, now_timestamp};
use crate::model::corpus::DocId;
use crate::model::corpus::DocumentMeta;
use crate::model::project::Project;
use crate::model::span::Span;
use crate::model::variable::{Number, Variable, VariableId};

/// A change to a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Adds a coding to a coder's file (the quote is taken from the text).
    AddCoding {
        /// The coder whose file changes.
        coder: String,
        /// The new coding.
        coding: Coding,
    },
    /// Removes a coding.
    RemoveCoding {
        /// The coder whose file changes.
        coder: String,
        /// The coding to remove.
        id: CodingId,
    },
    /// Replaces a coding by one with the same id (code, span, memo or attributes changed).
    ReplaceCoding {
        /// The coder whose file changes.
        coder: String,
        /// The new state of the coding.
        coding: Coding,
    },
    /// Inserts a code into the codebook at a position.
    InsertCode {
        /// Position in display order.
        at: usize,
        /// The new code.
        code: Code,
    },
    /// Removes a code no coding uses any more.
    RemoveCode {
        /// The code.
        id: CodeId,
    },
    /// Replaces a code by one with the same id (name, colour, key, definition, parent, fields).
    UpdateCode(Code),
    /// Moves a code to another position in display order.
    MoveCode {
        /// The code.
        id: CodeId,
        /// Its new position.
        to: usize,
    },
    /// Sets the project memo (the project's description in the shared `project.ron`).
    SetProjectMemo(String),
    /// Sets a coder's memo on a document (in that coder's file).
    SetDocumentMemo {
        /// The coder whose file changes.
        coder: String,
        /// The document.
        document: DocId,
        /// The memo.
        memo: String,
    },
    /// Adds a document (its text file is already in `corpus/`).
    AddDocument {
        /// Its entry in `project.ron`.
        meta: DocumentMeta,
        /// Its text.
        text: String,
    },
    /// Removes a document no coding refers to.
    RemoveDocument {
        /// The document.
        id: DocId,
    },
    /// Sets how far a coder has got with a document.
    SetProgress {
        /// The coder whose file changes.
        coder: String,
        /// The document.
        document: DocId,
        /// The new state.
        progress: Progress,
    },
    /// Records or clears a reviewer's "neither" decision at a place, in a (consensus) coder's file.
    SetRejected {
        /// The coder whose file changes.
        coder: String,
        /// The place.
        rejection: Rejection,
        /// Record (true) or clear (false).
        rejected: bool,
    },
    /// Sets or clears a coder's value of a document variable (codesheet).
    SetVariable {
        /// The coder whose file changes.
        coder: String,
        /// The document.
        document: DocId,
        /// The variable.
        variable: VariableId,
        /// The new value; `None` clears it.
        value: Option<Number>,
    },
    /// Inserts a document variable into the codesheet at a position.
    InsertVariable {
        /// Position in display order.
        at: usize,
        /// The new variable.
        variable: Variable,
    },
    /// Removes a document variable no coder has a value for.
    RemoveVariable {
        /// The variable.
        id: VariableId,
    },
    /// Replaces a document variable by one with the same id (label, description, scale, values).
    UpdateVariable(Variable),
    /// Several commands as one undo step, applied in order.
    Batch(Vec<Command>),
}

impl Command {
    /// The coders whose files this command changes.
    pub fn coders(&self) -> Vec<&str> {
        match self {
            Command::AddCoding { coder, .. }
            | Command::RemoveCoding { coder, .. }
            | Command::ReplaceCoding { coder, .. }
            | Command::SetProgress { coder, .. }
            | Command::SetDocumentMemo { coder, .. }
            | Command::SetRejected { coder, .. }
            | Command::SetVariable { coder, .. } => vec![coder.as_str()],
            Command::Batch(cmds) => cmds.iter().flat_map(Command::coders).collect(),
            _ => Vec::new(),
        }
    }

    /// True when the command changes the shared `project.ron` (codebook, document list, project
    /// memo); everything else a coder writes goes to their own file.
    pub fn changes_project_file(&self) -> bool {
        match self {
            Command::AddCoding { .. }
            | Command::RemoveCoding { .. }
            | Command::ReplaceCoding { .. }
            | Command::SetProgress { .. }
            | Command::SetDocumentMemo { .. }
            | Command::SetRejected { .. }
            | Command::SetVariable { .. } => false,
            Command::Batch(cmds) => cmds.iter().any(Command::changes_project_file),
            _ => true,
        }
    }
}

/// Why a command was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    /// The document does not exist or has no text.
    #[error("document `{0}` is not in the project or its text is missing")]
    UnknownDocument(DocId),
    /// The code does not exist.
    #[error("code `{0}` is not in the codebook")]
    UnknownCode(CodeId),
    /// The span is empty or leaves the text.
    #[error("span {start}..{end} is empty or leaves the text ({len} chars)")]
    BadSpan {
        /// Start.
        start: usize,
        /// End.
        end: usize,
        /// Text length in chars.
        len: usize,
    },
    /// No coding with this id in this coder's file.
    #[error("coder `{coder}` has no coding {id}")]
    UnknownCoding {
        /// Coder.
        coder: String,
        /// Coding id.
        id: CodingId,
    },
    /// A code with this id exists already.
    #[error("a code with id `{0}` exists already")]
    DuplicateCode(CodeId),
    /// The code or document is still in use.
    #[error("{0}")]
    InUse(String),
    /// A document with this id exists already.
    #[error("a document with id `{0}` exists already")]
    DuplicateDocument(DocId),
    /// A coding with this id exists already.
    #[error("coder `{coder}` already has a coding {id}")]
    DuplicateCoding {
        /// Coder.
        coder: String,
        /// Coding id.
        id: CodingId,
    },
    /// The variable does not exist.
    #[error("variable `{0}` is not on the codesheet")]
    UnknownVariable(VariableId),
    /// A variable with this id exists already.
    #[error("a variable with id `{0}` exists already")]
    DuplicateVariable(VariableId),
    /// The value does not fit the variable, or the definition is unsound.
    #[error("{0}")]
    BadValue(String),
    /// The session may not change this coder's codings.
    #[error("read-only: {0}")]
    ReadOnly(String),
}

impl Project {
    /// A new coding for `coder` on `span` of `document`, with the next free id and the quote
    /// read from the text. It is not added until the returned command is applied.
    pub fn new_coding(
        &self,
        coder: &str,
        document: &DocId,
        code: &CodeId,
        span: Span,
    ) -> Result<Coding, CommandError> {
        let quote = self.quote(document, span)?;
        let id = self.coder(coder).map_or(CodingId(1), |f| f.next_id());
        let now = now_timestamp();
        Ok(Coding {
            id,
            document: document.clone(),
            code: code.clone(),
            start: span.start,
            end: span.end,
            quote,
            memo: String::new(),
            attributes: Default::default(),
            created: now.clone(),
            modified: now,
        })
    }

    /// The text of a span of a document, checked.
    pub fn quote(&self, document: &DocId, span: Span) -> Result<String, CommandError> {
        let text = self
            .corpus
            .get(document)
            .and_then(|d| d.text.as_ref())
            .ok_or_else(|| CommandError::UnknownDocument(document.clone()))?;
        if span.is_empty() {
            return Err(bad_span(span, text.char_len()));
        }
        text.slice(span)
            .map(str::to_string)
            .ok_or_else(|| bad_span(span, text.char_len()))
    }

    /// Applies a command and returns its inverse. On error nothing has changed.
    pub fn apply(&mut self, command: Command) -> Result<Command, CommandError> {
        self.apply_checked(command, true)
    }

    /// Applies the inverse returned by [`Project::apply`] (undo, redo): the codings it brings back
    /// are restored exactly as they were, without taking the quote from the text again, so a
    /// coding that needs attention (its quote not matching a changed text) stays as it was.
    pub fn restore(&mut self, command: Command) -> Result<Command, CommandError> {
        self.apply_checked(command, false)
    }

    fn apply_checked(&mut self, command: Command, check: bool) -> Result<Command, CommandError> {
        match command {
            Command::AddCoding { coder, coding } => self.add_coding(coder, coding, check),
            Command::RemoveCoding { coder, id } => self.remove_coding(coder, id),
            Command::ReplaceCoding { coder, coding } => self.replace_coding(coder, coding, check),
            Command::Batch(cmds) => self.apply_batch(cmds, check),
            Command::SetRejected {
                coder,
                rejection,
                rejected,
            } => {
                let before = self
                    .coder_mut(&coder)
                    .set_rejected(rejection.clone(), rejected);
                Ok(Command::SetRejected {
                    coder,
                    rejection,
                    rejected: before,
                })
            }
            variable @ (Command::SetVariable { .. }
            | Command::InsertVariable { .. }
            | Command::RemoveVariable { .. }
            | Command::UpdateVariable(_)) => self.apply_variable_command(variable),
            other => self.apply_project_command(other),
        }
    }

    fn checked(&self, mut coding: Coding) -> Result<Coding, CommandError> {
        if self.codebook.get(&coding.code).is_none() {
            return Err(CommandError::UnknownCode(coding.code));
        }
        coding.quote = self.quote(&coding.document, coding.span())?;
        Ok(coding)
    }

    fn add_coding(
        &mut self,
        coder: String,
        coding: Coding,
        check: bool,
    ) -> Result<Command, CommandError> {
        let coding = if check { self.checked(coding)? } else { coding };
        let id = coding.id;
        let file = self.coder_mut(&coder);
        if file.get(id).is_some() {
            return Err(CommandError::DuplicateCoding { coder, id });
        }
        let at = file
            .codings
            .partition_point(|c| c.sort_key() < coding.sort_key());
        file.codings.insert(at, coding);
        Ok(Command::RemoveCoding { coder, id })
    }

    fn remove_coding(&mut self, coder: String, id: CodingId) -> Result<Command, CommandError> {
        let file = self.coder_mut(&coder);
        let Some(at) = file.codings.iter().position(|c| c.id == id) else {
            return Err(CommandError::UnknownCoding { coder, id });
        };
        let coding = file.codings.remove(at);
        Ok(Command::AddCoding { coder, coding })
    }

    fn replace_coding(
        &mut self,
        coder: String,
        coding: Coding,
        check: bool,
    ) -> Result<Command, CommandError> {
        let mut coding = if check { self.checked(coding)? } else { coding };
        let file = self.coder_mut(&coder);
        let Some(at) = file.codings.iter().position(|c| c.id == coding.id) else {
            return Err(CommandError::UnknownCoding {
                coder,
                id: coding.id,
            });
        };
        let old = file.codings.remove(at);
        if check && coding != old {
            coding.modified = now_timestamp();
        }
        let at = file
            .codings
            .partition_point(|c| c.sort_key() < coding.sort_key());
        file.codings.insert(at, coding);
        Ok(Command::ReplaceCoding { coder, coding: old })
    }

    fn apply_batch(&mut self, cmds: Vec<Command>, check: bool) -> Result<Command, CommandError> {
        let mut inverses = Vec::with_capacity(cmds.len());
        for cmd in cmds {
            match self.apply_checked(cmd, check) {
                Ok(inv) => inverses.push(inv),
                Err(e) => {
                    for inv in inverses.into_iter().rev() {
                        self.restore(inv)
                            .expect("inverse of an applied command applies");
                    }
                    return Err(e);
                }
            }
        }
        inverses.reverse();
        Ok(Command::Batch(inverses))
    }
}

fn bad_span(span: Span, len: usize) -> CommandError {
    CommandError::BadSpan {
        start: span.start,
        end: span.end,
        len,
    }
}
