//! Coding many places at once (the search panel's "code the ticked hits"): one batch command, so
//! one undo takes all of it back, leaving out places this coder has already coded with the code.

use crate::model::codebook::CodeId;
use crate::model::coding::CodingId;
use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::span::Span;

use super::{Command, CommandError};

/// The codings that coding a set of places would make, as one batch.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkCoding {
    /// The batch of `AddCoding` commands (empty when every place is coded already).
    pub command: Command,
    /// How many codings the batch makes.
    pub made: usize,
    /// Places left out because this coder coded them with this code already.
    pub already_coded: usize,
}

impl Project {
    /// Codes each of `places` with `code` for `coder`, ids numbered on from the coder's next
    /// free id; a place the coder has already coded with the same code and span is left out.
    pub fn code_places<'a>(
        &self,
        coder: &str,
        code: &CodeId,
        places: impl IntoIterator<Item = (&'a DocId, Span)>,
    ) -> Result<BulkCoding, CommandError> {
        let existing = self.coder(coder);
        let mut next = existing.map_or(1, |f| f.next_id().0);
        let mut steps = Vec::new();
        let mut already_coded = 0;
        for (document, span) in places {
            let duplicate = existing.is_some_and(|f| {
                f.in_document(document)
                    .any(|c| &c.code == code && c.span() == span)
            });
            if duplicate {
                already_coded += 1;
                continue;
            }
            let mut coding = self.new_coding(coder, document, code, span)?;
            coding.id = CodingId(next);
            next += 1;
            steps.push(Command::AddCoding {
                coder: coder.to_string(),
                coding,
            });
        }
        Ok(BulkCoding {
            made: steps.len(),
            command: Command::Batch(steps),
            already_coded,
        })
    }
}
