//! The uα family of a resampled set of documents. Its coincidences are sums of lengths and of
//! squared unit lengths, so the corpus's coincidences are the sum of its documents' (a gap that
//! runs over a document edge adds up the same in pieces): each document's are kept once, with
//! the values named as in the corpus, and a replicate adds up those of the drawn documents.

use std::collections::HashMap;

use super::coincidence::Coincidences;
use super::partition::{GAP, by_code_sets, of_one_code};
use super::{UnitizingFamily, UnitizingFigure, alone, family_of};
use crate::analysis::agreement::units::{Continuum, Unit, merged_units};

/// The non-zero coincidences of one document, values numbered as in the corpus.
#[derive(Debug, Clone, Default)]
struct Sparse {
    observed: Vec<(usize, i128)>,
    correction: Vec<(usize, i128)>,
    coded_correction: Vec<(usize, i128)>,
}

impl Sparse {
    fn of(c: &Coincidences, value: &[usize], values: usize) -> Self {
        let mut out = Sparse::default();
        for v in 0..c.values {
            for k in 0..c.values {
                let x = c.at(v, k);
                if x != 0 {
                    out.observed.push((value[v] * values + value[k], x));
                }
            }
            if c.correction[v] != 0 {
                out.correction.push((value[v], c.correction[v]));
            }
            if c.coded_correction[v] != 0 {
                out.coded_correction.push((value[v], c.coded_correction[v]));
            }
        }
        out
    }

    fn add_to(&self, into: &mut Coincidences, w: i128) {
        for &(i, x) in &self.observed {
            into.observed[i] += w * x;
        }
        for &(v, x) in &self.correction {
            into.correction[v] += w * x;
        }
        for &(v, x) in &self.coded_correction {
            into.coded_correction[v] += w * x;
        }
    }
}

/// One document's figures-to-be.
struct Document {
    length: i128,
    units: usize,
    all: Sparse,
    /// Per code with a unit here: its two-value coincidences minus those of an uncoded document
    /// of the same length (which every document without the code contributes).
    alone: Vec<(usize, Sparse)>,
}

/// What the family's replicates are summed from.
pub(in crate::analysis::agreement) struct FamilyStats {
    raters: i128,
    values: usize,
    singles: Vec<Option<usize>>,
    documents: Vec<Document>,
}

impl FamilyStats {
    /// The coincidences of each document `documents[d]` (a stretch of `corpus`) with its units.
    pub fn new(corpus: &Continuum, documents: &[(Continuum, &[Unit])]) -> Self {
        let merged = merged_units(
            corpus,
            &documents
                .iter()
                .flat_map(|d| d.1)
                .copied()
                .collect::<Vec<_>>(),
        );
        let partition = by_code_sets(corpus, &merged);
        let ids: HashMap<&[usize], usize> = partition
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| (v.as_slice(), i))
            .collect();
        let values = partition.values.len();
        let m = corpus.raters as i128;
        let docs = documents
            .iter()
            .map(|(continuum, units)| {
                let merged = merged_units(continuum, units);
                let local = by_code_sets(continuum, &merged);
                let value: Vec<usize> = local.values.iter().map(|v| ids[v.as_slice()]).collect();
                let length = i128::from(continuum.length);
                let uncoded = gap_only(m, length);
                let alone = merged
                    .iter()
                    .enumerate()
                    .filter(|(_, by_rater)| by_rater.iter().any(|r| !r.is_empty()))
                    .map(|(c, by_rater)| {
                        let mut two = Sparse::of(
                            &Coincidences::of(&of_one_code(continuum, by_rater)),
                            &[0, 1],
                            2,
                        );
                        two.observed.push((0, -uncoded.0));
                        two.correction.push((GAP, -uncoded.1));
                        (c, two)
                    })
                    .collect();
                Document {
                    length,
                    units: merged.iter().flatten().map(Vec::len).sum(),
                    all: Sparse::of(&Coincidences::of(&local), &value, values),
                    alone,
                }
            })
            .collect();
        Self {
            raters: m,
            values,
            singles: (0..merged.len()).map(|c| partition.single(c)).collect(),
            documents: docs,
        }
    }

    /// The family of the drawn documents, `weights[d]` being how often document d was drawn.
    pub fn replicate(&self, weights: &[i128]) -> UnitizingFamily {
        let empty = |values: usize| Coincidences {
            values,
            observed: vec![0; values * values],
            correction: vec![0; values],
            coded_correction: vec![0; values],
        };
        let mut all = empty(self.values);
        let mut alone_of: Vec<Coincidences> = self.singles.iter().map(|_| empty(2)).collect();
        let (mut length, mut units) = (0i128, 0usize);
        let mut coded = vec![false; self.singles.len()];
        for (doc, &w) in self.documents.iter().zip(weights) {
            if w == 0 {
                continue;
            }
            length += w * doc.length;
            units += doc.units;
            doc.all.add_to(&mut all, w);
            for (c, two) in &doc.alone {
                two.add_to(&mut alone_of[*c], w);
                coded[*c] = true;
            }
        }
        let measurable = self.raters >= 2 && length > 0;
        let uncoded = gap_only(self.raters, length);
        let alone_figures = alone_of
            .iter_mut()
            .zip(coded)
            .map(|(two, coded)| {
                if !(measurable && coded) {
                    return UnitizingFigure::NOT_DEFINED;
                }
                two.observed[0] += uncoded.0;
                two.correction[GAP] += uncoded.1;
                alone(two)
            })
            .collect();
        family_of(&all, &self.singles, alone_figures, measurable, units > 0)
    }
}

/// The gap–gap coincidence and the gap's correction of `length` uncoded positions, `m` raters.
fn gap_only(m: i128, length: i128) -> (i128, i128) {
    (m * (m - 1) * length, (m - 1) * (m - 1) * m * length)
}
