//! Grouping the chosen coders' codings of each document into differences, in text order.

use std::collections::{BTreeMap, BTreeSet};

use crate::edit::command::CommandError;
use crate::model::codebook::CodeId;
use crate::model::coding::{Coding, CodingId};
use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::span::Span;

/// How the coders' codings in one place relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum DifferenceKind {
    /// Every coder: same code and span.
    Agreement,
    /// Same code, overlapping but not identical spans (or not every coder has it).
    SameCodeOverlap,
    /// Different codes on overlapping text.
    CodeConflict,
    /// Coded by one coder only.
    OnlyOne,
}

impl DifferenceKind {
    /// Every kind, in display order.
    pub const ALL: [DifferenceKind; 4] = [
        DifferenceKind::Agreement,
        DifferenceKind::SameCodeOverlap,
        DifferenceKind::CodeConflict,
        DifferenceKind::OnlyOne,
    ];

    /// Short label.
    pub fn label(self) -> &'static str {
        match self {
            DifferenceKind::Agreement => "same code and span",
            DifferenceKind::SameCodeOverlap => "same code, overlapping span",
            DifferenceKind::CodeConflict => "different code on overlapping text",
            DifferenceKind::OnlyOne => "coded by one coder only",
        }
    }
}

/// One place where the coders agree or differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The document.
    pub document: DocId,
    /// The text covered by all codings involved.
    pub span: Span,
    /// How the codings relate.
    pub kind: DifferenceKind,
    /// The codes involved, sorted.
    pub codes: Vec<CodeId>,
    /// The ids of the codings involved, per coder, in the order the coders were given (empty
    /// for a coder with no coding here).
    pub codings: Vec<(String, Vec<CodingId>)>,
}

impl Difference {
    /// True for an agreement (which the UI may accept in bulk).
    pub fn is_agreement(&self) -> bool {
        self.kind == DifferenceKind::Agreement
    }

    /// The coding ids of one coder here.
    pub fn codings_of(&self, coder: &str) -> &[CodingId] {
        self.codings
            .iter()
            .find(|(c, _)| c == coder)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }
}

/// Which differences to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DifferenceFilter {
    /// Only differences involving this code.
    pub code: Option<CodeId>,
    /// Only differences in this document.
    pub document: Option<DocId>,
    /// Leave agreements out.
    pub disagreements_only: bool,
}

impl DifferenceFilter {
    /// True when a difference passes the filter.
    pub fn matches(&self, d: &Difference) -> bool {
        self.code.as_ref().is_none_or(|c| d.codes.contains(c))
            && self.document.as_ref().is_none_or(|doc| &d.document == doc)
            && !(self.disagreements_only && d.is_agreement())
    }
}

/// Why a comparison or adjudication failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    /// A coder has no file in the project.
    #[error("coder `{0}` has no coding file in this project")]
    UnknownCoder(String),
    /// A coding named by a difference is gone.
    #[error("coder `{coder}` has no coding {id}")]
    UnknownCoding {
        /// Coder.
        coder: String,
        /// Coding id.
        id: CodingId,
    },
    /// A coder to accept is not part of the difference.
    #[error("coder `{0}` is not part of this comparison")]
    NotCompared(String),
    /// The consolidated coding would be invalid.
    #[error(transparent)]
    Command(#[from] CommandError),
}

/// All differences between `coders` in the project, in document (project) order and text order.
pub fn differences(project: &Project, coders: &[String]) -> Result<Vec<Difference>, CompareError> {
    let files = coders
        .iter()
        .map(|c| {
            project
                .coder(c)
                .ok_or_else(|| CompareError::UnknownCoder(c.clone()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut by_doc: BTreeMap<&DocId, Vec<(usize, &Coding)>> = BTreeMap::new();
    for (rater, file) in files.iter().enumerate() {
        for coding in &file.codings {
            by_doc
                .entry(&coding.document)
                .or_default()
                .push((rater, coding));
        }
    }
    let order = |d: &DocId| project.corpus.index_of(d).unwrap_or(usize::MAX);
    let mut docs: Vec<_> = by_doc.into_iter().collect();
    docs.sort_by_key(|(d, _)| (order(d), (*d).clone()));
    Ok(docs
        .into_iter()
        .flat_map(|(doc, codings)| document_differences(doc, coders, &codings))
        .collect())
}

/// The differences passing a filter.
pub fn filtered<'a>(
    all: &'a [Difference],
    filter: &'a DifferenceFilter,
) -> impl Iterator<Item = &'a Difference> + 'a {
    all.iter().filter(move |d| filter.matches(d))
}

fn document_differences(
    doc: &DocId,
    coders: &[String],
    codings: &[(usize, &Coding)],
) -> Vec<Difference> {
    let mut groups = agreements(codings, coders.len());
    let taken: BTreeSet<usize> = groups.iter().flat_map(|g| g.iter().copied()).collect();
    let rest: Vec<usize> = (0..codings.len()).filter(|i| !taken.contains(i)).collect();
    let (same_code, rest) = components(codings, &rest, true);
    let (conflicts, singles) = components(codings, &rest, false);
    let mut out: Vec<Difference> = Vec::new();
    let kinds = [
        (DifferenceKind::Agreement, std::mem::take(&mut groups)),
        (DifferenceKind::SameCodeOverlap, same_code),
        (DifferenceKind::CodeConflict, conflicts),
        (
            DifferenceKind::OnlyOne,
            singles.into_iter().map(|i| vec![i]).collect(),
        ),
    ];
    for (kind, groups) in kinds {
        out.extend(
            groups
                .iter()
                .map(|g| difference(doc, coders, codings, g, kind)),
        );
    }
    out.sort_by_key(|d| (d.span.start, d.span.end, d.kind, d.codes.clone()));
    out
}

/// Groups of indices (one coding per coder) where every coder has the same code and span.
fn agreements(codings: &[(usize, &Coding)], coders: usize) -> Vec<Vec<usize>> {
    let mut by_key: BTreeMap<(&CodeId, usize, usize), Vec<Vec<usize>>> = BTreeMap::new();
    for (i, (rater, c)) in codings.iter().enumerate() {
        let per_coder = by_key
            .entry((&c.code, c.start, c.end))
            .or_insert_with(|| vec![Vec::new(); coders]);
        per_coder[*rater].push(i);
    }
    let mut out = Vec::new();
    for per_coder in by_key.values() {
        let complete = per_coder.iter().map(Vec::len).min().unwrap_or(0);
        for k in 0..complete {
            out.push(per_coder.iter().map(|ids| ids[k]).collect());
        }
    }
    out
}

/// Connected groups of codings of different coders that overlap (with the same code, if asked):
/// groups spanning two or more coders, and the indices left alone.
fn components(
    codings: &[(usize, &Coding)],
    members: &[usize],
    same_code: bool,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut parent: Vec<usize> = (0..members.len()).collect();
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|&k| codings[members[k]].1.start);
    let mut active: Vec<usize> = Vec::new();
    for k in order {
        let (rater, c) = codings[members[k]];
        active.retain(|&a| codings[members[a]].1.end > c.start);
        for &a in &active {
            let (other_rater, other) = codings[members[a]];
            if other_rater != rater
                && (!same_code || other.code == c.code)
                && other.span().overlaps(&c.span())
            {
                union(&mut parent, a, k);
            }
        }
        active.push(k);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, &member) in members.iter().enumerate() {
        let root = find(&mut parent, k);
        groups.entry(root).or_default().push(member);
    }
    let (mut joint, mut alone) = (Vec::new(), Vec::new());
    for g in groups.into_values() {
        if g.len() > 1 {
            joint.push(g)
        } else {
            alone.extend(g)
        }
    }
    (joint, alone)
}

fn find(parent: &mut [usize], mut k: usize) -> usize {
    while parent[k] != k {
        parent[k] = parent[parent[k]];
        k = parent[k];
    }
    k
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    parent[ra.max(rb)] = ra.min(rb);
}

fn difference(
    doc: &DocId,
    coders: &[String],
    codings: &[(usize, &Coding)],
    group: &[usize],
    kind: DifferenceKind,
) -> Difference {
    let start = group.iter().map(|&i| codings[i].1.start).min().unwrap_or(0);
    let end = group.iter().map(|&i| codings[i].1.end).max().unwrap_or(0);
    let codes: BTreeSet<CodeId> = group.iter().map(|&i| codings[i].1.code.clone()).collect();
    let mut per_coder: Vec<(String, Vec<CodingId>)> =
        coders.iter().map(|c| (c.clone(), Vec::new())).collect();
    for &i in group {
        per_coder[codings[i].0].1.push(codings[i].1.id);
    }
    for (_, ids) in &mut per_coder {
        ids.sort();
    }
    Difference {
        document: doc.clone(),
        span: Span::new(start, end),
        kind,
        codes: codes.into_iter().collect(),
        codings: per_coder,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::codebook::{Code, Codebook};
    use crate::model::coder::CoderFile;
    use crate::model::corpus::{Corpus, Document, DocumentMeta};
    use crate::model::text::DocText;

    pub(crate) const TEXT: &str = "Huawei soll Duisburg bei der Transformation zur Smart City begleiten. Kritiker warnen vor Spionage.";

    pub(crate) fn project(codings: &[(&str, &str, usize, usize)]) -> Project {
        let doc = DocId("d".into());
        let mut coders = BTreeMap::new();
        for (coder, code, start, end) in codings {
            let file: &mut CoderFile = coders
                .entry(coder.to_string())
                .or_insert_with(|| CoderFile::new(coder));
            let id = file.next_id();
            let quote: String = TEXT.chars().skip(*start).take(end - start).collect();
            file.codings.push(Coding {
                id,
                document: doc.clone(),
                code: CodeId(code.to_string()),
                start: *start,
                end: *end,
                quote,
                memo: String::new(),
                attributes: Default::default(),
                created: "2024-01-01T00:00:00Z".into(),
                modified: "2024-01-01T00:00:00Z".into(),
            });
        }
        let code = |id: &str| Code::plain(id, "#000000");
        Project {
            root: "/nonexistent".into(),
            name: "t".into(),
            memo: String::new(),
            codebook: Codebook {
                codes: vec![code("claim"), code("risk")],
            },
            variables: Vec::new(),
            corpus: Corpus {
                documents: vec![Document {
                    meta: DocumentMeta {
                        id: doc,
                        path: "corpus/d.txt".into(),
                        title: "d".into(),
                        date: None,
                        source: None,
                        sha256: String::new(),
                        memo: String::new(),
                    },
                    text: Some(DocText::new(TEXT)),
                }],
            },
            coders,
            problems: vec![],
            unreadable_coders: Default::default(),
            integrity: Default::default(),
        }
    }

    pub(crate) fn names() -> Vec<String> {
        vec!["anna".into(), "ben".into()]
    }

    #[test]
    fn every_kind_is_found_in_text_order() {
        let p = project(&[
            ("anna", "claim", 0, 20),
            ("ben", "claim", 0, 20),
            ("anna", "claim", 21, 40),
            ("ben", "claim", 25, 50),
            ("anna", "risk", 70, 80),
            ("ben", "claim", 75, 99),
            ("ben", "risk", 90, 99),
        ]);
        let d = differences(&p, &names()).unwrap();
        let kinds: Vec<_> = d
            .iter()
            .map(|d| (d.kind, d.span.start, d.span.end))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (DifferenceKind::Agreement, 0, 20),
                (DifferenceKind::SameCodeOverlap, 21, 50),
                (DifferenceKind::CodeConflict, 70, 99),
                (DifferenceKind::OnlyOne, 90, 99),
            ]
        );
        assert_eq!(
            d[2].codings_of("ben").len(),
            1,
            "ben's own risk does not join his conflict"
        );
        assert_eq!(d[3].codings_of("anna"), &[] as &[CodingId]);
        let only = project(&[("anna", "risk", 70, 80), ("ben", "claim", 0, 5)]);
        let d = differences(&only, &names()).unwrap();
        assert!(d.iter().all(|d| d.kind == DifferenceKind::OnlyOne));
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn filter_by_code_document_and_agreement() {
        let p = project(&[
            ("anna", "claim", 0, 20),
            ("ben", "claim", 0, 20),
            ("anna", "risk", 70, 80),
        ]);
        let d = differences(&p, &names()).unwrap();
        let risk = DifferenceFilter {
            code: Some(CodeId("risk".into())),
            ..Default::default()
        };
        assert_eq!(filtered(&d, &risk).count(), 1);
        let disagreements = DifferenceFilter {
            disagreements_only: true,
            ..Default::default()
        };
        assert_eq!(
            filtered(&d, &disagreements).next().unwrap().kind,
            DifferenceKind::OnlyOne
        );
        let other_doc = DifferenceFilter {
            document: Some(DocId("x".into())),
            ..Default::default()
        };
        assert_eq!(filtered(&d, &other_doc).count(), 0);
    }
}
