//! αU of a resampled set of documents from sums kept per document and code, so that a replicate
//! adds up numbers instead of cutting codings into sections again.
//!
//! The observed disagreement is a sum over the documents (a unit of one coder meets the other
//! coders' sections inside its own document). The expected disagreement pairs every unit with
//! every gap of the resampled corpus, so it keeps each code's units and inner gaps sorted by
//! length, weighted by how often their document was drawn, and only the gaps at document edges,
//! which join across a boundary when the documents are laid end to end in the drawn order
//! ([`crate::analysis::agreement::DOCUMENTS_COMBINED`]), are rebuilt per replicate.

use super::super::corpus::CorpusUnits;
use super::super::figure::Figure;
use super::super::fraction::Fraction;
use super::super::unitizing::{coefficient, observed_sum, sections};
use super::super::units::merged_units;

/// One code's sums in one document.
#[derive(Debug, Clone, Default)]
struct DocumentCode {
    /// Units of all coders.
    units: i128,
    /// Σ l(l − 1)(2l − 1)/3 over the units.
    cubes: i128,
    /// Σ l(l − 1) over the units.
    self_pairs: i128,
    /// Σ over coder pairs of δ² between their sections.
    observed: i128,
    /// Per coder: the gap before its first unit and after its last, `None` without a unit.
    edges: Vec<Option<(u64, u64)>>,
}

/// What αU's replicates are summed from.
pub(super) struct AlphaUStats {
    raters: i128,
    lengths: Vec<u64>,
    /// `[code][document]`.
    sums: Vec<Vec<DocumentCode>>,
    /// Per code, (length, document) of every unit, longest first.
    units: Vec<Vec<(i128, usize)>>,
    /// Per code, (length, document) of every gap between two units of one coder, longest first.
    gaps: Vec<Vec<(i128, usize)>>,
}

impl AlphaUStats {
    /// The sums of every used document of `corpus`.
    pub fn new(corpus: &CorpusUnits) -> Self {
        let continuum = corpus.corpus_continuum();
        let merged = merged_units(&continuum, &corpus.all_units());
        let docs = &corpus.documents;
        let mut sums = Vec::with_capacity(merged.len());
        let mut all_units = Vec::with_capacity(merged.len());
        let mut all_gaps = Vec::with_capacity(merged.len());
        for by_rater in &merged {
            // Units never cross a document's edge: they are clipped to it.
            let mut local = vec![vec![Vec::new(); by_rater.len()]; docs.len()];
            for (r, list) in by_rater.iter().enumerate() {
                for &(b, e) in list {
                    let d = docs.partition_point(|s| s.begin + s.length <= b);
                    local[d][r].push((b, e));
                }
            }
            let mut units = Vec::new();
            let mut gaps = Vec::new();
            let per_doc = local
                .iter()
                .enumerate()
                .map(|(d, raters)| {
                    let doc = corpus.document_continuum(d);
                    let mut sum = DocumentCode::default();
                    for list in raters {
                        for (k, &(b, e)) in list.iter().enumerate() {
                            let l = i128::from(e - b);
                            sum.units += 1;
                            sum.cubes += l * (l - 1) * (2 * l - 1) / 3;
                            sum.self_pairs += l * (l - 1);
                            units.push((l, d));
                            if k > 0 && b > list[k - 1].1 {
                                gaps.push((i128::from(b - list[k - 1].1), d));
                            }
                        }
                        sum.edges.push(match (list.first(), list.last()) {
                            (Some(first), Some(last)) => {
                                Some((first.0 - doc.begin, doc.end() - last.1))
                            }
                            _ => None,
                        });
                    }
                    if raters.len() >= 2 && doc.length > 0 {
                        let secs: Vec<_> = raters.iter().map(|u| sections(&doc, u)).collect();
                        sum.observed = observed_sum(&secs);
                    }
                    sum
                })
                .collect();
            units.sort_unstable_by(|a, b| b.cmp(a));
            gaps.sort_unstable_by(|a, b| b.cmp(a));
            sums.push(per_doc);
            all_units.push(units);
            all_gaps.push(gaps);
        }
        Self {
            raters: continuum.raters as i128,
            lengths: docs.iter().map(|d| d.length).collect(),
            sums,
            units: all_units,
            gaps: all_gaps,
        }
    }

    /// αU over all codes and per code of the documents `draws` (in drawn order), where
    /// `weights[d]` is how often document d was drawn.
    pub fn replicate(&self, draws: &[usize], weights: &[i128]) -> (Figure, Vec<Figure>) {
        let m = self.raters;
        let length: i128 = draws.iter().map(|&d| i128::from(self.lengths[d])).sum();
        let measurable = m >= 2 && length > 0;
        let mut observed_total = 0.0;
        let mut expected_total = 0.0;
        let mut any_unit = false;
        let mut boundary: Vec<i128> = Vec::with_capacity(draws.len() * m as usize + 1);
        let per_code = (0..self.sums.len())
            .map(|c| {
                let sums = &self.sums[c];
                let (mut n, mut cubes, mut self_pairs, mut observed) = (0i128, 0, 0, 0);
                for (sum, &w) in sums.iter().zip(weights) {
                    if w > 0 {
                        n += w * sum.units;
                        cubes += w * sum.cubes;
                        self_pairs += w * sum.self_pairs;
                        observed += w * sum.observed;
                    }
                }
                if !measurable {
                    return Figure::NotDefined;
                }
                boundary.clear();
                for r in 0..m as usize {
                    let mut open = 0i128;
                    for &d in draws {
                        match sums[d].edges[r] {
                            None => open += i128::from(self.lengths[d]),
                            Some((lead, trail)) => {
                                if open + i128::from(lead) > 0 {
                                    boundary.push(open + i128::from(lead));
                                }
                                open = i128::from(trail);
                            }
                        }
                    }
                    if open > 0 {
                        boundary.push(open);
                    }
                }
                boundary.sort_unstable_by(|a, b| b.cmp(a));
                let unit_gap = self.unit_gap_sum(c, weights, &boundary);
                let d_o = Fraction::new(2 * observed, m * (m - 1) * length * length);
                let d_e = Fraction::new(
                    2 * ((n - 1) * cubes + unit_gap),
                    length * (m * length * (m * length - 1) - self_pairs),
                );
                let (o, e) = (d_o.to_f64(), d_e.to_f64());
                observed_total += o;
                expected_total += e;
                any_unit |= n > 0;
                coefficient(n > 0, o, e, d_o.same_as(d_e))
            })
            .collect();
        let equal = (observed_total - expected_total).abs()
            <= 1e-12 * f64::max(observed_total, expected_total);
        let overall = coefficient(
            measurable && any_unit,
            observed_total,
            expected_total,
            equal,
        );
        (overall, per_code)
    }

    /// Σ over units u and gaps g ≥ l_u of l_u²·(g − l_u + 1): every unit placed inside every
    /// gap that can hold it, in one pass down the lengths.
    fn unit_gap_sum(&self, c: usize, weights: &[i128], boundary: &[i128]) -> i128 {
        let gaps = &self.gaps[c];
        let (mut gi, mut bi) = (0, 0);
        let (mut count, mut sum, mut out) = (0i128, 0i128, 0i128);
        for &(l, d) in &self.units[c] {
            let w = weights[d];
            if w == 0 {
                continue;
            }
            while gi < gaps.len() && gaps[gi].0 >= l {
                let wg = weights[gaps[gi].1];
                count += wg;
                sum += wg * gaps[gi].0;
                gi += 1;
            }
            while bi < boundary.len() && boundary[bi] >= l {
                count += 1;
                sum += boundary[bi];
                bi += 1;
            }
            out += w * l * l * (sum - count * (l - 1));
        }
        out
    }
}
