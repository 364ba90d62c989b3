//! Agreement figures of a project: the coders' codings turned into units on a continuum, and
//! every figure per code or per document and overall. The window and `spanwise agreement` both
//! call [`compute`].

use std::collections::HashMap;

use serde::Serialize;

use super::character::{CharacterTally, character_tallies, pooled};
use super::f1::{F1Counts, Matching, span_f1};
use super::figure::{Figure, Measure};
use super::unitizing::{UnitizingAlpha, unitizing_alpha};
use super::units::{Continuum, DOCUMENTS_COMBINED, SAME_CODE_OVERLAP_RULE, Unit};
use crate::model::codebook::CodeId;
use crate::model::corpus::DocId;
use crate::model::project::Project;

/// What the rows of a report break the figures down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Grouping {
    /// One row per code, over the whole corpus.
    #[default]
    Code,
    /// One row per document, over all codes.
    Document,
}

/// Why figures could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgreementError {
    /// Agreement needs at least two coders.
    #[error("agreement needs at least two coders, got {0}")]
    TooFewCoders(usize),
    /// A coder has no file in the project.
    #[error("coder `{0}` has no coding file in this project")]
    UnknownCoder(String),
    /// The same coder was named twice.
    #[error("coder `{0}` is named twice")]
    DuplicateCoder(String),
}

/// The figures of one row (or of the whole corpus).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Codings (units of length > 0) per coder, in the order the coders were given.
    pub codings: Vec<u64>,
    /// Krippendorff's unitizing alpha.
    pub alpha_u: Figure,
    /// Character-level percent agreement (mean over coder pairs).
    pub percent_agreement: Figure,
    /// Character-level κ: Cohen's for two coders, Fleiss' for more (see `kappa_measure`).
    pub kappa: Figure,
    /// Which κ `kappa` is.
    pub kappa_measure: Measure,
    /// Strict span F1 (mean over coder pairs).
    pub strict_f1: Figure,
    /// Overlap span F1 (mean over coder pairs).
    pub overlap_f1: Figure,
}

impl Figures {
    /// The figure of a measure; `None` for the κ that does not apply to this number of coders.
    pub fn get(&self, measure: Measure) -> Option<Figure> {
        match measure {
            Measure::UnitizingAlpha => Some(self.alpha_u),
            Measure::PercentAgreement => Some(self.percent_agreement),
            Measure::CohenKappa | Measure::FleissKappa => {
                (measure == self.kappa_measure).then_some(self.kappa)
            }
            Measure::StrictF1 => Some(self.strict_f1),
            Measure::OverlapF1 => Some(self.overlap_f1),
        }
    }
}

/// What a row stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum RowKey {
    /// A code, over the whole corpus.
    Code(CodeId),
    /// A document, over all codes.
    Document(DocId),
}

/// One row of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The code or document.
    pub key: RowKey,
    /// Its display name (code name or document title).
    pub label: String,
    /// Its figures.
    pub figures: Figures,
}

/// Agreement between coders over a project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The coders compared, as named in their files.
    pub coders: Vec<String>,
    /// What the rows are.
    pub grouping: Grouping,
    /// One row per code or per document.
    pub rows: Vec<Row>,
    /// The whole corpus, all codes.
    pub overall: Figures,
    /// The rule for one coder's overlapping same-code codings.
    pub overlap_rule: &'static str,
    /// How documents are combined into corpus figures.
    pub documents_combined: &'static str,
}

/// Agreement between `coders` (two or more, by name) over the whole project, with rows per code
/// or per document. Codings of unknown documents are ignored; codings past a document's end are
/// cut at its end; codes missing from the codebook are counted as codes of their own.
pub fn compute(
    project: &Project,
    coders: &[String],
    by: Grouping,
) -> Result<Report, AgreementError> {
    let units = CorpusUnits::new(project, coders)?;
    let corpus = Analysis::new(&units.corpus_continuum(), &units.all_units());
    let rows = match by {
        Grouping::Code => units
            .categories
            .iter()
            .enumerate()
            .map(|(c, code)| Row {
                key: RowKey::Code(code.clone()),
                label: project.codebook.name_of(code),
                figures: corpus.category(c),
            })
            .collect(),
        Grouping::Document => (0..units.documents.len())
            .map(|d| Row {
                key: RowKey::Document(units.documents[d].id.clone()),
                label: units.documents[d].title.clone(),
                figures: Analysis::new(&units.document_continuum(d), &units.by_document[d])
                    .overall(),
            })
            .collect(),
    };
    Ok(Report {
        coders: units.coders,
        grouping: by,
        rows,
        overall: corpus.overall(),
        overlap_rule: SAME_CODE_OVERLAP_RULE,
        documents_combined: DOCUMENTS_COMBINED,
    })
}

/// A document's place on the corpus continuum.
#[derive(Debug, Clone)]
struct DocumentSlot {
    id: DocId,
    title: String,
    begin: u64,
    length: u64,
}

/// Every chosen coder's codings as units on the corpus continuum.
struct CorpusUnits {
    coders: Vec<String>,
    categories: Vec<CodeId>,
    documents: Vec<DocumentSlot>,
    by_document: Vec<Vec<Unit>>,
    length: u64,
}

impl CorpusUnits {
    fn new(project: &Project, coders: &[String]) -> Result<Self, AgreementError> {
        let files = coder_files(project, coders)?;
        let (documents, length) = slots(project);
        let doc_index: HashMap<&DocId, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.id, i))
            .collect();
        let categories = categories(project, &files);
        let code_index: HashMap<&CodeId, usize> =
            categories.iter().enumerate().map(|(i, c)| (c, i)).collect();
        let mut by_document = vec![Vec::new(); documents.len()];
        for (rater, file) in files.iter().enumerate() {
            for coding in &file.codings {
                let Some(&d) = doc_index.get(&coding.document) else {
                    continue;
                };
                let slot = &documents[d];
                let clip = |x: usize| slot.begin + (x as u64).min(slot.length);
                let unit = Unit::new(
                    rater,
                    code_index[&coding.code],
                    clip(coding.start),
                    clip(coding.end),
                );
                if !unit.is_empty() {
                    by_document[d].push(unit);
                }
            }
        }
        let coders = files.iter().map(|f| f.coder.clone()).collect();
        Ok(Self {
            coders,
            categories,
            documents,
            by_document,
            length,
        })
    }

    fn continuum(&self, begin: u64, length: u64) -> Continuum {
        Continuum {
            begin,
            length,
            raters: self.coders.len(),
            categories: self.categories.len(),
        }
    }

    fn corpus_continuum(&self) -> Continuum {
        self.continuum(0, self.length)
    }

    fn document_continuum(&self, d: usize) -> Continuum {
        self.continuum(self.documents[d].begin, self.documents[d].length)
    }

    fn all_units(&self) -> Vec<Unit> {
        self.by_document.concat()
    }
}

fn coder_files<'p>(
    project: &'p Project,
    coders: &[String],
) -> Result<Vec<&'p crate::model::coder::CoderFile>, AgreementError> {
    if coders.len() < 2 {
        return Err(AgreementError::TooFewCoders(coders.len()));
    }
    let mut seen = std::collections::BTreeSet::new();
    coders
        .iter()
        .map(|name| {
            if !seen.insert(crate::model::coder::coder_file_stem(name)) {
                return Err(AgreementError::DuplicateCoder(name.clone()));
            }
            project
                .coder(name)
                .ok_or_else(|| AgreementError::UnknownCoder(name.clone()))
        })
        .collect()
}

/// Documents laid end to end in project order; a document without text has length 0.
fn slots(project: &Project) -> (Vec<DocumentSlot>, u64) {
    let mut at = 0u64;
    let slots = project
        .corpus
        .documents
        .iter()
        .map(|doc| {
            let length = doc.text.as_ref().map_or(0, |t| t.char_len() as u64);
            let slot = DocumentSlot {
                id: doc.meta.id.clone(),
                title: doc.meta.title.clone(),
                begin: at,
                length,
            };
            at += length;
            slot
        })
        .collect();
    (slots, at)
}

/// The codebook's codes in order, then codes used by codings but missing from it, sorted.
fn categories(project: &Project, files: &[&crate::model::coder::CoderFile]) -> Vec<CodeId> {
    let mut out: Vec<CodeId> = project
        .codebook
        .codes
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let mut extra: Vec<CodeId> = files
        .iter()
        .flat_map(|f| f.codings.iter().map(|c| &c.code))
        .filter(|c| project.codebook.get(c).is_none())
        .cloned()
        .collect();
    extra.sort();
    extra.dedup();
    out.extend(extra);
    out
}

/// Every figure of one continuum, per category, ready to be read out per code or overall.
struct Analysis {
    raters: usize,
    codings: Vec<Vec<u64>>,
    alpha: UnitizingAlpha,
    tallies: Vec<CharacterTally>,
    strict: Vec<Vec<F1Counts>>,
    overlap: Vec<Vec<F1Counts>>,
}

impl Analysis {
    fn new(continuum: &Continuum, units: &[Unit]) -> Self {
        let raters = continuum.raters;
        let mut by_rater = vec![Vec::new(); raters];
        let mut codings = vec![vec![0u64; raters]; continuum.categories];
        for u in units {
            by_rater[u.rater].push(*u);
            codings[u.category][u.rater] += 1;
        }
        let pairs = |matching| {
            let mut out = Vec::new();
            for i in 0..raters {
                for j in i + 1..raters {
                    out.push(span_f1(
                        &by_rater[i],
                        &by_rater[j],
                        continuum.categories,
                        matching,
                    ));
                }
            }
            out
        };
        Self {
            raters,
            codings,
            alpha: unitizing_alpha(continuum, units),
            tallies: character_tallies(continuum, units),
            strict: pairs(Matching::Strict),
            overlap: pairs(Matching::Overlap),
        }
    }

    fn kappa_measure(&self) -> Measure {
        if self.raters == 2 {
            Measure::CohenKappa
        } else {
            Measure::FleissKappa
        }
    }

    /// Figures of one category.
    fn category(&self, c: usize) -> Figures {
        Figures {
            codings: self.codings[c].clone(),
            alpha_u: self.alpha.categories[c].alpha,
            percent_agreement: self.tallies[c].percent_agreement(),
            kappa: self.tallies[c].kappa(),
            kappa_measure: self.kappa_measure(),
            strict_f1: Figure::mean(self.strict.iter().map(|p| p[c].f1())),
            overlap_f1: Figure::mean(self.overlap.iter().map(|p| p[c].f1())),
        }
    }

    /// Figures over all categories (character items pooled over codes).
    fn overall(&self) -> Figures {
        let tally = pooled(&self.tallies, self.raters);
        let sum = |pair: &Vec<F1Counts>| {
            pair.iter().fold(F1Counts::default(), |mut t, c| {
                t.add(*c);
                t
            })
        };
        let codings = (0..self.raters)
            .map(|r| self.codings.iter().map(|c| c[r]).sum())
            .collect();
        Figures {
            codings,
            alpha_u: self.alpha.alpha,
            percent_agreement: tally.percent_agreement(),
            kappa: tally.kappa(),
            kappa_measure: self.kappa_measure(),
            strict_f1: Figure::mean(self.strict.iter().map(|p| sum(p).f1())),
            overlap_f1: Figure::mean(self.overlap.iter().map(|p| sum(p).f1())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codebook::{Code, Codebook};
    use crate::model::coder::CoderFile;
    use crate::model::coding::{Coding, CodingId};
    use crate::model::corpus::Document;

    /// A project with one document per length and coders given as (coder, doc, code, start, end).
    fn project(lengths: &[usize], codings: &[(&str, usize, &str, usize, usize)]) -> Project {
        let code = |id: &str| Code::plain(id, "#000000");
        let documents = lengths
            .iter()
            .enumerate()
            .map(|(i, &n)| {
                Document::in_memory(format!("d{i}"), format!("Document {i}"), &"x".repeat(n))
            })
            .collect();
        let mut coders = std::collections::BTreeMap::new();
        for &(coder, doc, code, start, end) in codings {
            let file = coders
                .entry(coder.to_string())
                .or_insert_with(|| CoderFile::new(coder));
            let id: CodingId = file.next_id();
            file.codings.push(Coding {
                id,
                document: DocId(format!("d{doc}")),
                code: CodeId(code.into()),
                start,
                end,
                quote: "x".repeat(end - start),
                memo: String::new(),
                attributes: Default::default(),
                created: String::new(),
                modified: String::new(),
            });
        }
        Project {
            coders,
            ..Project::new(
                "/nonexistent",
                "t",
                Codebook {
                    codes: vec![code("c"), code("k")],
                },
                documents,
            )
        }
    }

    fn names(coders: &[&str]) -> Vec<String> {
        coders.iter().map(|c| c.to_string()).collect()
    }

    /// U1 again, through the project API the window and CLI use: the continuum [150, 450)
    /// becomes a 300-char document.
    #[test]
    fn u1_through_compute() {
        let rows = [
            ("r0", "c", 225, 295),
            ("r0", "c", 370, 400),
            ("r1", "c", 220, 300),
            ("r1", "c", 355, 375),
            ("r1", "c", 400, 420),
            ("r0", "k", 180, 240),
            ("r0", "k", 300, 350),
            ("r1", "k", 180, 240),
            ("r1", "k", 300, 350),
        ];
        let codings: Vec<_> = rows
            .iter()
            .map(|&(r, c, b, e)| (r, 0, c, b - 150, e - 150))
            .collect();
        let p = project(&[300], &codings);
        let report = compute(&p, &names(&["r0", "r1"]), Grouping::Code).unwrap();
        let alpha = |f: &Figures| f.alpha_u.value().unwrap();
        assert!((alpha(&report.overall) - 0.8591).abs() <= 0.0005);
        assert!((alpha(&report.rows[0].figures) - 0.7286).abs() <= 0.0001);
        assert_eq!(report.rows[1].figures.alpha_u, Figure::Value(1.0));
        assert_eq!(report.rows[1].figures.strict_f1, Figure::Value(1.0));
        assert_eq!(report.overall.codings, vec![4, 5]);
        assert_eq!(report.overall.kappa_measure, Measure::CohenKappa);
    }

    #[test]
    fn documents_are_one_continuum_and_each_its_own() {
        // Document 0: perfect agreement; document 1: the coders code different halves.
        let p = project(
            &[50, 50],
            &[
                ("a", 0, "c", 10, 20),
                ("b", 0, "c", 10, 20),
                ("a", 1, "c", 0, 25),
                ("b", 1, "c", 25, 50),
            ],
        );
        let by_doc = compute(&p, &names(&["a", "b"]), Grouping::Document).unwrap();
        assert_eq!(by_doc.rows[0].figures.alpha_u, Figure::Value(1.0));
        assert!(by_doc.rows[1].figures.alpha_u.value().unwrap() < 0.0);
        let corpus = by_doc.overall.alpha_u.value().unwrap();
        assert!(corpus < 1.0 && corpus > by_doc.rows[1].figures.alpha_u.value().unwrap());
        // A coding past a document's end is cut there and does not reach into the next one.
        let spill = project(&[50, 50], &[("a", 0, "c", 40, 70), ("b", 0, "c", 40, 50)]);
        let r = compute(&spill, &names(&["a", "b"]), Grouping::Code).unwrap();
        assert_eq!(r.overall.alpha_u, Figure::Value(1.0));
    }

    #[test]
    fn three_coders_use_fleiss_and_mean_pairwise_f1() {
        let p = project(
            &[100],
            &[
                ("a", 0, "c", 0, 10),
                ("b", 0, "c", 0, 10),
                ("c", 0, "c", 50, 60),
            ],
        );
        let r = compute(&p, &names(&["a", "b", "c"]), Grouping::Code).unwrap();
        assert_eq!(r.overall.kappa_measure, Measure::FleissKappa);
        assert_eq!(r.overall.get(Measure::CohenKappa), None);
        // Pairs: a–b agree (1), a–c and b–c share nothing (0, 0).
        assert!((r.overall.strict_f1.value().unwrap() - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn coders_are_checked() {
        let p = project(&[10], &[("a", 0, "c", 0, 5)]);
        assert_eq!(
            compute(&p, &names(&["a"]), Grouping::Code),
            Err(AgreementError::TooFewCoders(1))
        );
        assert_eq!(
            compute(&p, &names(&["a", "zoe"]), Grouping::Code),
            Err(AgreementError::UnknownCoder("zoe".into()))
        );
        assert_eq!(
            compute(&p, &names(&["a", "a"]), Grouping::Code),
            Err(AgreementError::DuplicateCoder("a".into()))
        );
    }
}
