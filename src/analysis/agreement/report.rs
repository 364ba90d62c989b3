//! Agreement figures of a project: the compared coders' codings on the chosen documents turned
//! into units on a continuum, and every figure per code or per document and overall, with the
//! coder-by-coder matrix. The window and `spanwise agreement` both call [`compute_with`]
//! (or [`compute`], its defaults), so both apply the same document rule.

use serde::Serialize;

use super::continuum_figures::{ContinuumFigures, average};
use super::corpus::{AgreementError, CorpusUnits};
use super::documents::DocumentChoice;
use super::f1::F1_MATCHING_RULE;
use super::figures::Figures;
pub use super::options::{Average, Grouping, Options};
use super::reliability::Resampling;
pub use super::resample::attach::compute_intervals;
use super::ualpha::CODE_SET_RULE;
use super::units::{SAME_CODE_OVERLAP_RULE, Unit};
use crate::model::codebook::CodeId;
use crate::model::corpus::DocId;
use crate::model::project::Project;

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

/// The figures of one pair of coders over all codes: a cell of the coder matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairFigures {
    /// The two coders.
    pub coders: [String; 2],
    /// Their figures (κ is Cohen's).
    pub figures: Figures,
}

/// Agreement between coders over a project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The coders compared, as named in their files.
    pub coders: Vec<String>,
    /// The coder precision and recall are measured against.
    pub reference: String,
    /// What the rows are.
    pub grouping: Grouping,
    /// How documents combine into corpus figures.
    pub average: Average,
    /// The documents used and left out.
    pub documents: DocumentChoice,
    /// One row per code or per document.
    pub rows: Vec<Row>,
    /// The whole corpus, all codes.
    pub overall: Figures,
    /// Every pair of coders over all codes (three or more coders; empty for two).
    pub pairs: Vec<PairFigures>,
    /// The rule for one coder's overlapping same-code codings.
    pub overlap_rule: &'static str,
    /// How the uα family reads one coder's overlapping codings of different codes.
    pub code_set_rule: &'static str,
    /// How documents are combined into corpus figures.
    pub documents_combined: &'static str,
    /// How span F1 pairs codings.
    pub f1_matching: &'static str,
    /// The bootstrap behind the intervals, once [`Report::attach`]ed.
    pub bootstrap: Option<Resampling>,
}

/// Agreement between `coders` (two or more, by name) with the default options: only documents
/// every compared coder has marked done, corpus figures on one continuum, precision and recall
/// against the first coder.
pub fn compute(
    project: &Project,
    coders: &[String],
    by: Grouping,
) -> Result<Report, AgreementError> {
    compute_with(project, coders, &Options::by(by))
}

/// Agreement between `coders` by `options`. Codings of documents not used are ignored; codings
/// past a document's end are cut at its end; codes missing from the codebook are counted as
/// codes of their own (the loader refuses such files, so this only concerns projects built in
/// memory).
pub fn compute_with(
    project: &Project,
    coders: &[String],
    options: &Options,
) -> Result<Report, AgreementError> {
    let units = CorpusUnits::new(project, coders, options.documents)?;
    let reference = match &options.reference {
        None => 0,
        Some(name) => units
            .coders
            .iter()
            .position(|c| c == name)
            .ok_or_else(|| AgreementError::UnknownReference(name.clone()))?,
    };
    let corpus = ContinuumFigures::new(&units.corpus_continuum(), &units.all_units(), reference);
    let per_document: Vec<ContinuumFigures> = match (options.grouping, options.average) {
        (Grouping::Code, Average::Corpus) => Vec::new(),
        _ => (0..units.documents.len())
            .map(|d| {
                ContinuumFigures::new(
                    &units.document_continuum(d),
                    &units.by_document[d],
                    reference,
                )
            })
            .collect(),
    };
    let raters = units.coders.len();
    let kappa_measure = corpus.overall().kappa_measure;
    let averaged = |pick: &dyn Fn(&ContinuumFigures) -> Figures, code_row: bool| {
        let all: Vec<Figures> = per_document.iter().map(pick).collect();
        average(&all, raters, kappa_measure, code_row)
    };
    let code_figures = |c: usize| match options.average {
        Average::Corpus => corpus.category(c),
        Average::Documents => averaged(&|f| f.category(c), true),
    };
    let rows = match options.grouping {
        Grouping::Code => units
            .categories
            .iter()
            .enumerate()
            .map(|(c, code)| Row {
                key: RowKey::Code(code.clone()),
                label: project.codebook.name_of(code),
                figures: code_figures(c),
            })
            .collect(),
        Grouping::Document => per_document
            .iter()
            .zip(&units.documents)
            .map(|(figures, slot)| Row {
                key: RowKey::Document(slot.id.clone()),
                label: slot.title.clone(),
                figures: figures.overall(),
            })
            .collect(),
    };
    let overall = match options.average {
        Average::Corpus => corpus.overall(),
        Average::Documents => averaged(&|f| f.overall(), false),
    };
    Ok(Report {
        reference: units.coders[reference].clone(),
        pairs: pairs(&units, reference),
        coders: units.coders.clone(),
        grouping: options.grouping,
        average: options.average,
        documents: units.choice.clone(),
        rows,
        overall,
        overlap_rule: SAME_CODE_OVERLAP_RULE,
        code_set_rule: CODE_SET_RULE,
        documents_combined: options.average.description(),
        f1_matching: F1_MATCHING_RULE,
        bootstrap: None,
    })
}

/// Every pair of coders on the corpus continuum, for three or more coders.
fn pairs(units: &CorpusUnits, reference: usize) -> Vec<PairFigures> {
    let raters = units.coders.len();
    if raters < 3 {
        return Vec::new();
    }
    let all = units.all_units();
    let mut continuum = units.corpus_continuum();
    continuum.raters = 2;
    let mut out = Vec::new();
    for i in 0..raters {
        for j in i + 1..raters {
            let pair: Vec<Unit> = all
                .iter()
                .filter(|u| u.rater == i || u.rater == j)
                .map(|u| Unit {
                    rater: usize::from(u.rater == j),
                    ..*u
                })
                .collect();
            let against = usize::from(reference == j);
            out.push(PairFigures {
                coders: [units.coders[i].clone(), units.coders[j].clone()],
                figures: ContinuumFigures::new(&continuum, &pair, against).overall(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::agreement::caution::CautionReason;
    use crate::analysis::agreement::{Figure, Measure};
    use crate::model::codebook::{Code, Codebook};
    use crate::model::coder::CoderFile;
    use crate::model::coder::Progress;
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
        let report = compute_with(
            &p,
            &names(&["r0", "r1"]),
            &Options::all_documents(Grouping::Code),
        )
        .unwrap();
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
        let by_doc = compute_with(
            &p,
            &names(&["a", "b"]),
            &Options::all_documents(Grouping::Document),
        )
        .unwrap();
        assert_eq!(by_doc.rows[0].figures.alpha_u, Figure::Value(1.0));
        assert!(by_doc.rows[1].figures.alpha_u.value().unwrap() < 0.0);
        let corpus = by_doc.overall.alpha_u.value().unwrap();
        assert!(corpus < 1.0 && corpus > by_doc.rows[1].figures.alpha_u.value().unwrap());
        // A coding past a document's end is cut there and does not reach into the next one.
        let spill = project(&[50, 50], &[("a", 0, "c", 40, 70), ("b", 0, "c", 40, 50)]);
        let r = compute_with(
            &spill,
            &names(&["a", "b"]),
            &Options::all_documents(Grouping::Code),
        )
        .unwrap();
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
        let r = compute_with(
            &p,
            &names(&["a", "b", "c"]),
            &Options::all_documents(Grouping::Code),
        )
        .unwrap();
        assert_eq!(r.overall.kappa_measure, Measure::FleissKappa);
        assert_eq!(r.overall.get(Measure::CohenKappa), None);
        // Pairs: a–b agree (1), a–c and b–c share nothing (0, 0).
        assert!((r.overall.strict_f1.value().unwrap() - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn coders_are_checked() {
        let p = project(&[10], &[("a", 0, "c", 0, 5)]);
        assert_eq!(
            compute_with(&p, &names(&["a"]), &Options::all_documents(Grouping::Code)),
            Err(AgreementError::TooFewCoders(1))
        );
        assert_eq!(
            compute_with(
                &p,
                &names(&["a", "zoe"]),
                &Options::all_documents(Grouping::Code)
            ),
            Err(AgreementError::UnknownCoder("zoe".into()))
        );
        assert_eq!(
            compute_with(
                &p,
                &names(&["a", "a"]),
                &Options::all_documents(Grouping::Code)
            ),
            Err(AgreementError::DuplicateCoder("a".into()))
        );
    }

    /// Marks `docs` done for `coder`.
    fn done(p: &mut Project, coder: &str, docs: &[usize]) {
        let file = p.coder_mut(coder);
        for d in docs {
            file.progress.insert(DocId(format!("d{d}")), Progress::Done);
        }
    }

    #[test]
    fn only_documents_every_coder_finished_are_used_by_default() {
        // d0 and d1 agree perfectly and are done by both; d2 is done by a only, and b has
        // not coded it yet: counted as "coded nothing" it would pull alpha_U down.
        let mut p = project(
            &[40, 40, 40],
            &[
                ("a", 0, "c", 0, 10),
                ("b", 0, "c", 0, 10),
                ("a", 1, "c", 5, 30),
                ("b", 1, "c", 5, 30),
                ("a", 2, "c", 0, 30),
                ("b", 2, "k", 35, 38),
            ],
        );
        done(&mut p, "a", &[0, 1, 2]);
        done(&mut p, "b", &[0, 1]);
        p.coder_mut("b")
            .progress
            .insert(DocId("d2".into()), Progress::InProgress);
        let r = compute(&p, &names(&["a", "b"]), Grouping::Code).unwrap();
        assert_eq!(r.overall.alpha_u, Figure::Value(1.0));
        let used: Vec<&str> = r.documents.used.iter().map(|d| d.id.0.as_str()).collect();
        assert_eq!(used, ["d0", "d1"]);
        assert_eq!(r.documents.left_out.len(), 1);
        assert_eq!(r.documents.left_out[0].id, DocId("d2".into()));
        assert_eq!(
            r.documents.left_out[0].reason.to_string(),
            "not done by b (in progress)"
        );
        let all = compute_with(
            &p,
            &names(&["a", "b"]),
            &Options::all_documents(Grouping::Code),
        )
        .unwrap();
        assert!(
            all.overall.alpha_u.value().unwrap() < 0.5,
            "{:?}",
            all.overall.alpha_u
        );
        assert!(all.documents.left_out.is_empty());
        assert_eq!(all.documents.used[2].unfinished_by[0].coder, "b");
    }

    #[test]
    fn three_coders_get_a_matrix_of_pairs() {
        let p = project(
            &[100],
            &[
                ("a", 0, "c", 0, 10),
                ("b", 0, "c", 0, 10),
                ("c", 0, "c", 50, 60),
            ],
        );
        let r = compute_with(
            &p,
            &names(&["a", "b", "c"]),
            &Options::all_documents(Grouping::Code),
        )
        .unwrap();
        let pair = |x: &str, y: &str| {
            r.pairs
                .iter()
                .find(|p| p.coders == [x.to_string(), y.to_string()])
                .unwrap()
        };
        assert_eq!(r.pairs.len(), 3);
        assert_eq!(pair("a", "b").figures.alpha_u, Figure::Value(1.0));
        assert_eq!(pair("a", "b").figures.overlap_f1, Figure::Value(1.0));
        assert_eq!(pair("a", "c").figures.overlap_f1, Figure::Value(0.0));
        assert!(pair("b", "c").figures.alpha_u.value().unwrap() < 0.0);
        assert_eq!(pair("a", "c").figures.kappa_measure, Measure::CohenKappa);
        let two = compute_with(
            &p,
            &names(&["a", "b"]),
            &Options::all_documents(Grouping::Code),
        );
        assert!(two.unwrap().pairs.is_empty());
    }

    #[test]
    fn document_average_is_the_mean_of_the_documents() {
        // d0 short and perfect, d1 long with the coders apart: the continuum weights d1 by its
        // length, the document average weights both documents alike.
        let p = project(
            &[20, 200],
            &[
                ("a", 0, "c", 0, 10),
                ("b", 0, "c", 0, 10),
                ("a", 1, "c", 0, 60),
                ("b", 1, "c", 100, 160),
            ],
        );
        let by_doc = compute_with(
            &p,
            &names(&["a", "b"]),
            &Options::all_documents(Grouping::Document),
        )
        .unwrap();
        let doc_alpha = |i: usize| by_doc.rows[i].figures.alpha_u.value().unwrap();
        let options = Options {
            average: Average::Documents,
            ..Options::all_documents(Grouping::Code)
        };
        let averaged = compute_with(&p, &names(&["a", "b"]), &options).unwrap();
        let mean = (doc_alpha(0) + doc_alpha(1)) / 2.0;
        assert!((averaged.overall.alpha_u.value().unwrap() - mean).abs() < 1e-12);
        assert!((averaged.rows[0].figures.alpha_u.value().unwrap() - mean).abs() < 1e-12);
        let d_o = (by_doc.rows[0].figures.d_o.value().unwrap()
            + by_doc.rows[1].figures.d_o.value().unwrap())
            / 2.0;
        assert!((averaged.overall.d_o.value().unwrap() - d_o).abs() < 1e-15);
        assert_ne!(averaged.overall.alpha_u, by_doc.overall.alpha_u);
        assert_eq!(averaged.overall.codings, vec![2, 2]);
    }

    #[test]
    fn precision_and_recall_are_against_the_reference_coder() {
        // a: two codings; b: one of them exactly.
        let p = project(
            &[100],
            &[
                ("a", 0, "c", 0, 10),
                ("a", 0, "c", 20, 30),
                ("b", 0, "c", 0, 10),
            ],
        );
        let against = |reference: &str| {
            let options = Options {
                reference: Some(reference.into()),
                ..Options::all_documents(Grouping::Code)
            };
            compute_with(&p, &names(&["a", "b"]), &options)
                .unwrap()
                .overall
        };
        let a = against("a");
        assert_eq!(
            (a.strict_precision, a.strict_recall),
            (Figure::Value(1.0), Figure::Value(0.5))
        );
        let b = against("b");
        assert_eq!(
            (b.strict_precision, b.strict_recall),
            (Figure::Value(0.5), Figure::Value(1.0))
        );
        assert_eq!(a.strict_f1, b.strict_f1);
        let options = Options {
            reference: Some("zoe".into()),
            ..Options::default()
        };
        assert_eq!(
            compute_with(&p, &names(&["a", "b"]), &options),
            Err(AgreementError::UnknownReference("zoe".into()))
        );
    }

    #[test]
    fn u1_reports_d_o_and_d_e_beside_alpha() {
        let p = project(&[300], &[("r0", 0, "c", 75, 145), ("r1", 0, "c", 70, 150)]);
        let r = compute_with(
            &p,
            &names(&["r0", "r1"]),
            &Options::all_documents(Grouping::Code),
        )
        .unwrap();
        let f = &r.rows[0].figures;
        let (d_o, d_e) = (f.d_o.value().unwrap(), f.d_e.value().unwrap());
        assert!((f.alpha_u.value().unwrap() - (1.0 - d_o / d_e)).abs() < 1e-12);
        assert_eq!((f.n_units, f.n_pairable), (2, 600));
        assert!(
            f.cautions
                .iter()
                .any(|c| c.reason == CautionReason::FewUnits { units: 2 })
        );
    }
}
