//! Re-anchoring codings after a document's text changed.
//!
//! A coding stores its offsets *and* its quote. When the text at the offsets no longer equals the
//! quote (the corpus file was edited), the coding is placed again: the exact occurrence of the
//! quote nearest to where the surrounding codings say it should be, else the closest fuzzy window
//! (edit distance) near that place when it is clearly the best, else a unique exact occurrence
//! anywhere for quotes long enough to be distinctive. A coding that cannot be placed with
//! confidence keeps its old offsets and quote and is listed as needing attention; nothing is
//! dropped and nothing is moved to a place we are unsure of.

use std::collections::HashMap;

use crate::model::coding::CodingId;
use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::span::Span;
use crate::model::text::DocText;

pub mod diff;
pub mod fuzzy;
mod limits;
pub mod place;

pub use crate::model::anchoring::{AnchorReport, Moved, NeedsAttention};
pub use place::{Placement, Target, place_all};

use limits::MIN_DISTINCTIVE_CHARS;

/// Checks every coding against its text and re-anchors those whose quote no longer matches
/// there; fills `project.integrity.anchoring`. Codings of missing texts are left as they are.
/// Cost is one slice comparison per coding unless a text changed. `earlier_text` gives the
/// kept copy of an earlier text version by its SHA-256, when there is one (storage keeps them).
pub fn anchor_project(project: &mut Project, earlier_text: &dyn Fn(&str) -> Option<String>) {
    let settled = map_through_diffs(project, earlier_text);
    if project.coders.values().all(|f| f.codings.is_empty()) {
        return;
    }
    let doc_index = project.corpus.positions();
    let mut targets: Vec<Vec<(String, usize)>> = vec![Vec::new(); project.corpus.documents.len()];
    let changed: Vec<bool> = project
        .corpus
        .documents
        .iter()
        .map(|d| {
            project
                .integrity
                .anchoring
                .changed_documents
                .contains(&d.meta.id)
        })
        .collect();
    for ((stem, file), settled) in project.coders.iter().zip(&settled) {
        for (i, c) in file.codings.iter().enumerate() {
            if settled[i] {
                continue;
            }
            let Some(&d) = doc_index.get(&c.document) else {
                continue;
            };
            let Some(text) = &project.corpus.documents[d].text else {
                continue;
            };
            // in a changed text a short quote may match at its old offsets by chance
            let doubtful = changed[d] && !is_distinctive(&c.quote);
            if doubtful || text.slice(c.span()) != Some(c.quote.as_str()) {
                targets[d].push((stem.clone(), i));
            }
        }
    }
    drop(doc_index);
    for (d, list) in targets.into_iter().enumerate() {
        if !list.is_empty() {
            anchor_document(project, d, &list);
        }
    }
}

/// Moves codings whose offsets refer to an earlier version of their text (the version their
/// coder file records, else the one `project.ron` records) by a char diff against that version
/// when a copy of it is kept (`earlier_text`): exact for every coding whose first and last
/// chars survive. Returns, per coder (in file order) and coding, whether its offsets are now known
/// to be current.
fn map_through_diffs(
    project: &mut Project,
    earlier_text: &dyn Fn(&str) -> Option<String>,
) -> Vec<Vec<bool>> {
    let mut settled: Vec<Vec<bool>> = Vec::with_capacity(project.coders.len());
    let mut maps: HashMap<(DocId, String), Option<diff::OffsetMap>> = HashMap::new();
    let docs: HashMap<DocId, (String, DocText)> = project
        .corpus
        .documents
        .iter()
        .filter_map(|d| Some((d.meta.id.clone(), (d.meta.sha256.clone(), d.text.clone()?))))
        .collect();
    for (stem, file) in project.coders.iter_mut() {
        settled.push(vec![false; file.codings.len()]);
        let done = settled.last_mut().expect("just pushed");
        for (i, coding) in file.codings.iter_mut().enumerate() {
            let Some((recorded, text)) = docs.get(&coding.document) else {
                continue;
            };
            let version = file.texts.get(&coding.document).unwrap_or(recorded);
            if version.eq_ignore_ascii_case(text.sha256()) {
                // the offsets refer to this very text (a flagged coding keeps its old quote, and
                // so stays a target)
                if file.texts.contains_key(&coding.document)
                    && text.slice(coding.span()) == Some(coding.quote.as_str())
                {
                    done[i] = true;
                }
                continue;
            }
            let map = maps
                .entry((coding.document.clone(), version.clone()))
                .or_insert_with(|| {
                    earlier_text(version).map(|old| diff::OffsetMap::new(&old, text.as_str()))
                });
            let Some(map) = map else {
                continue;
            };
            let from = coding.span();
            let Some(to) = map.span(from.start, from.end) else {
                continue;
            };
            done[i] = true;
            if to == from {
                continue;
            }
            let new_quote = text.slice(to).unwrap_or_default().to_string();
            project.integrity.anchoring.moved.push(Moved {
                coder: stem.clone(),
                id: coding.id,
                document: coding.document.clone(),
                from,
                to,
                fuzzy: new_quote != coding.quote,
            });
            coding.start = to.start;
            coding.end = to.end;
            coding.quote = new_quote;
        }
    }
    settled
}

fn anchor_document(project: &mut Project, d: usize, list: &[(String, usize)]) {
    let doc = &project.corpus.documents[d];
    let text = doc
        .text
        .clone()
        .expect("only documents with text have targets");
    let doc_id = doc.meta.id.clone();
    let mut fixed = Vec::new();
    for file in project.coders.values() {
        for c in file.in_document(&doc_id) {
            if is_distinctive(&c.quote) && text.slice(c.span()) == Some(c.quote.as_str()) {
                fixed.push(c.start);
            }
        }
    }
    let owned: Vec<(Span, String)> = list
        .iter()
        .map(|(stem, i)| {
            let c = &project.coders[stem].codings[*i];
            (c.span(), c.quote.clone())
        })
        .collect();
    let targets: Vec<Target<'_>> = owned
        .iter()
        .map(|(old, quote)| Target { old: *old, quote })
        .collect();
    let placements = place_all(&text, &fixed, &targets);
    let report = &mut project.integrity.anchoring;
    for ((stem, i), placement) in list.iter().zip(placements) {
        let coding = &mut project
            .coders
            .get_mut(stem)
            .expect("target coder exists")
            .codings[*i];
        let from = coding.span();
        match placement {
            Placement::Exact(to) | Placement::Fuzzy { span: to, .. } if to == from => {}
            Placement::Exact(to) | Placement::Fuzzy { span: to, .. } => {
                let fuzzy = text.slice(to) != Some(coding.quote.as_str());
                coding.start = to.start;
                coding.end = to.end;
                coding.quote = text.slice(to).unwrap_or_default().to_string();
                report.moved.push(Moved {
                    coder: stem.clone(),
                    id: coding.id,
                    document: doc_id.clone(),
                    from,
                    to,
                    fuzzy,
                });
            }
            Placement::Unplaced {
                reason,
                suggestion,
                estimate,
            } => {
                coding.start = estimate.start;
                coding.end = estimate.end;
                report.attention.push(NeedsAttention {
                    coder: stem.clone(),
                    id: coding.id,
                    document: doc_id.clone(),
                    code: coding.code.clone(),
                    quote: coding.quote.clone(),
                    reason,
                    suggestion,
                });
            }
        }
    }
}

fn is_distinctive(quote: &str) -> bool {
    quote.chars().count() >= MIN_DISTINCTIVE_CHARS
}

/// Brings the attention list up to date for one coding after it changed: listed while its quote
/// does not match its text, dropped once it does or when the coding is gone.
pub fn refresh_attention(project: &mut Project, stem: &str, id: CodingId) {
    let mismatch = project
        .coders
        .get(stem)
        .and_then(|f| f.get(id))
        .and_then(|c| {
            let text = project.corpus.get(&c.document)?.text.as_ref()?;
            (text.slice(c.span()) != Some(c.quote.as_str())).then(|| c.clone())
        });
    let list = &mut project.integrity.anchoring.attention;
    let at = list.iter().position(|a| a.coder == stem && a.id == id);
    match (mismatch, at) {
        (None, Some(at)) => {
            list.remove(at);
        }
        (Some(c), None) => list.push(NeedsAttention {
            coder: stem.to_string(),
            id,
            document: c.document,
            code: c.code,
            quote: c.quote,
            reason: "the quote does not match the text at the coding's offsets".into(),
            suggestion: None,
        }),
        _ => {}
    }
}
