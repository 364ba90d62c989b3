//! Adjudication: a reviewer's decision on one [`Difference`] becomes [`Command`]s that write a
//! consolidated coding into a consensus coder's file (e.g. `coding/consensus.ron`), an ordinary
//! coder file that exports and compares like any other. Deciding again replaces the earlier
//! decision for the same codings. A "neither" leaves no coding, so it is recorded as a
//! [`Rejection`] in the consensus file (its `rejected` list) and survives reopening the project;
//! any other decision at the same place clears it.

use std::collections::BTreeSet;

use super::differences::{CompareError, Difference};
use crate::edit::command::Command;
use crate::model::codebook::CodeId;
use crate::model::coder::Rejection;
use crate::model::coding::{Coding, CodingId};
use crate::model::project::Project;
use crate::model::span::Span;

/// What to keep in the consolidated coding for one difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// This coder's codings.
    Accept(String),
    /// Every coder's codings (identical code and span kept once).
    Both,
    /// Codings given by the adjudicator (an edited version): code and span each.
    Edited(Vec<(CodeId, Span)>),
    /// Nothing.
    Neither,
}

/// The command that records a decision in the `consensus` coder's file: it first removes the
/// consensus codings that equal (code and span) any coding of the difference, so deciding again
/// replaces the earlier decision, then adds the chosen codings (with their memo and attributes).
pub fn adjudicate(
    project: &Project,
    difference: &Difference,
    resolution: &Resolution,
    consensus: &str,
) -> Result<Command, CompareError> {
    let mut next_id = project
        .coder(consensus)
        .map_or(CodingId(1), |f| f.next_id());
    adjudicate_with_ids(project, difference, resolution, consensus, &mut next_id)
}

/// Accepts every agreement in `differences` (the first coder's version) as one command.
pub fn accept_agreements(
    project: &Project,
    differences: &[Difference],
    consensus: &str,
) -> Result<Command, CompareError> {
    let mut next_id = project
        .coder(consensus)
        .map_or(CodingId(1), |f| f.next_id());
    let mut commands = Vec::new();
    for d in differences.iter().filter(|d| d.is_agreement()) {
        let Some((first, _)) = d.codings.first() else {
            continue;
        };
        let resolution = Resolution::Accept(first.clone());
        commands.push(adjudicate_with_ids(
            project,
            d,
            &resolution,
            consensus,
            &mut next_id,
        )?);
    }
    Ok(Command::Batch(commands))
}

fn adjudicate_with_ids(
    project: &Project,
    difference: &Difference,
    resolution: &Resolution,
    consensus: &str,
    next_id: &mut CodingId,
) -> Result<Command, CompareError> {
    let involved = involved_codings(project, difference)?;
    let mut commands = removals(project, difference, &involved, consensus);
    let place = rejection(difference);
    let neither = matches!(resolution, Resolution::Neither);
    let was_rejected = project
        .coder(consensus)
        .is_some_and(|f| f.is_rejected(&place));
    if neither || was_rejected {
        commands.push(Command::SetRejected {
            coder: consensus.to_string(),
            rejection: place,
            rejected: neither,
        });
    }
    let chosen: Vec<Coding> = match resolution {
        Resolution::Accept(coder) => {
            if !difference.codings.iter().any(|(c, _)| c == coder) {
                return Err(CompareError::NotCompared(coder.clone()));
            }
            involved
                .iter()
                .filter(|(c, _)| c == coder)
                .map(|(_, coding)| coding.clone())
                .collect()
        }
        Resolution::Both => involved.iter().map(|(_, coding)| coding.clone()).collect(),
        Resolution::Edited(parts) => parts
            .iter()
            .map(|(code, span)| project.new_coding(consensus, &difference.document, code, *span))
            .collect::<Result<_, _>>()?,
        Resolution::Neither => Vec::new(),
    };
    let mut added = BTreeSet::new();
    for mut coding in chosen {
        if !added.insert((coding.code.clone(), coding.start, coding.end)) {
            continue;
        }
        let fresh = project.new_coding(consensus, &coding.document, &coding.code, coding.span())?;
        coding.id = *next_id;
        coding.quote = fresh.quote;
        coding.created = fresh.created;
        coding.modified = fresh.modified;
        next_id.0 += 1;
        commands.push(Command::AddCoding {
            coder: consensus.to_string(),
            coding,
        });
    }
    Ok(Command::Batch(commands))
}

/// The place of a difference, as a "neither" decision records it.
pub fn rejection(difference: &Difference) -> Rejection {
    Rejection {
        document: difference.document.clone(),
        start: difference.span.start,
        end: difference.span.end,
    }
}

/// True when the consensus file records "neither" for this difference.
pub fn is_rejected(project: &Project, difference: &Difference, consensus: &str) -> bool {
    project
        .coder(consensus)
        .is_some_and(|f| f.is_rejected(&rejection(difference)))
}

/// The codings a difference names, with their coder's name.
fn involved_codings(
    project: &Project,
    difference: &Difference,
) -> Result<Vec<(String, Coding)>, CompareError> {
    let mut out = Vec::new();
    for (coder, ids) in &difference.codings {
        let file = project
            .coder(coder)
            .ok_or_else(|| CompareError::UnknownCoder(coder.clone()))?;
        for &id in ids {
            let coding = file.get(id).ok_or_else(|| CompareError::UnknownCoding {
                coder: coder.clone(),
                id,
            })?;
            out.push((coder.clone(), coding.clone()));
        }
    }
    Ok(out)
}

fn removals(
    project: &Project,
    difference: &Difference,
    involved: &[(String, Coding)],
    consensus: &str,
) -> Vec<Command> {
    let Some(file) = project.coder(consensus) else {
        return Vec::new();
    };
    let keys: BTreeSet<(&CodeId, usize, usize)> = involved
        .iter()
        .map(|(_, c)| (&c.code, c.start, c.end))
        .collect();
    file.in_document(&difference.document)
        .filter(|c| keys.contains(&(&c.code, c.start, c.end)))
        .map(|c| Command::RemoveCoding {
            coder: consensus.to_string(),
            id: c.id,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compare::differences;
    use crate::analysis::compare::differences::tests::{TEXT, names, project};

    #[test]
    fn accepting_a_version_and_deciding_again() {
        let mut p = project(&[("anna", "claim", 21, 40), ("ben", "claim", 25, 50)]);
        let d = differences(&p, &names()).unwrap().remove(0);
        p.apply(adjudicate(&p, &d, &Resolution::Accept("anna".into()), "consensus").unwrap())
            .unwrap();
        let spans: Vec<_> = p
            .coder("consensus")
            .unwrap()
            .codings
            .iter()
            .map(|c| (c.start, c.end, c.quote.clone()))
            .collect();
        assert_eq!(
            spans,
            vec![(21, 40, TEXT.chars().skip(21).take(19).collect::<String>())]
        );
        p.apply(adjudicate(&p, &d, &Resolution::Accept("ben".into()), "consensus").unwrap())
            .unwrap();
        let spans: Vec<_> = p
            .coder("consensus")
            .unwrap()
            .codings
            .iter()
            .map(|c| (c.start, c.end))
            .collect();
        assert_eq!(spans, vec![(25, 50)], "the earlier decision is replaced");
        p.apply(adjudicate(&p, &d, &Resolution::Both, "consensus").unwrap())
            .unwrap();
        assert_eq!(p.coder("consensus").unwrap().codings.len(), 2);
        p.apply(adjudicate(&p, &d, &Resolution::Neither, "consensus").unwrap())
            .unwrap();
        assert!(p.coder("consensus").unwrap().codings.is_empty());
        assert!(is_rejected(&p, &d, "consensus"), "neither is recorded");
        let edited = Resolution::Edited(vec![(CodeId("risk".into()), Span::new(22, 45))]);
        p.apply(adjudicate(&p, &d, &edited, "consensus").unwrap())
            .unwrap();
        assert_eq!(
            p.coder("consensus").unwrap().codings[0].code.as_str(),
            "risk"
        );
        assert!(
            !is_rejected(&p, &d, "consensus"),
            "another decision clears neither"
        );
        let stranger = adjudicate(&p, &d, &Resolution::Accept("carl".into()), "consensus");
        assert_eq!(stranger, Err(CompareError::NotCompared("carl".into())));
    }

    #[test]
    fn agreements_are_accepted_in_bulk_with_distinct_ids() {
        let mut p = project(&[
            ("anna", "claim", 0, 20),
            ("ben", "claim", 0, 20),
            ("anna", "risk", 70, 80),
            ("ben", "risk", 70, 80),
            ("anna", "claim", 81, 90),
        ]);
        let d = differences(&p, &names()).unwrap();
        p.apply(accept_agreements(&p, &d, "consensus").unwrap())
            .unwrap();
        let c = p.coder("consensus").unwrap();
        assert_eq!(c.codings.len(), 2);
        assert_ne!(c.codings[0].id, c.codings[1].id);
    }
}
