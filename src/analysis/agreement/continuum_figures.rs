//! Every figure of one continuum (the corpus, one document, or one pair of coders), per
//! category, read out per code or over all codes; and the mean of several such figures for
//! document-averaged reports.

use super::caution::{CautionInput, cautions};
use super::character::{CharacterTally, character_tallies, pooled};
use super::f1::{F1Counts, Matching, span_f1};
use super::figure::{Figure, Measure};
use super::figures::Figures;
use super::resample::AlphaIntervals;
use super::ualpha::{FamilyFigures, UnitizingFamily, unitizing_family};
use super::unitizing::{UnitizingAlpha, unitizing_alpha};
use super::units::{Continuum, Unit};

/// F1 counts of one coder pair, per category.
struct PairCounts {
    first: usize,
    second: usize,
    strict: Vec<F1Counts>,
    overlap: Vec<F1Counts>,
}

/// Every figure of one continuum, per category.
pub(super) struct ContinuumFigures {
    raters: usize,
    reference: usize,
    pairable: u64,
    codings: Vec<Vec<u64>>,
    alpha: UnitizingAlpha,
    family: UnitizingFamily,
    tallies: Vec<CharacterTally>,
    pairs: Vec<PairCounts>,
}

impl ContinuumFigures {
    /// The figures of `units` on `continuum`; precision and recall against rater `reference`.
    pub fn new(continuum: &Continuum, units: &[Unit], reference: usize) -> Self {
        let raters = continuum.raters;
        let mut by_rater = vec![Vec::new(); raters];
        let mut codings = vec![vec![0u64; raters]; continuum.categories];
        for u in units {
            by_rater[u.rater].push(*u);
            codings[u.category][u.rater] += 1;
        }
        let mut pairs = Vec::new();
        for i in 0..raters {
            for j in i + 1..raters {
                let f1 = |m| span_f1(&by_rater[i], &by_rater[j], continuum.categories, m);
                pairs.push(PairCounts {
                    first: i,
                    second: j,
                    strict: f1(Matching::Strict),
                    overlap: f1(Matching::Overlap),
                });
            }
        }
        Self {
            raters,
            reference,
            pairable: raters as u64 * continuum.length,
            codings,
            alpha: unitizing_alpha(continuum, units),
            family: unitizing_family(continuum, units),
            tallies: character_tallies(continuum, units),
            pairs,
        }
    }

    fn kappa_measure(&self) -> Measure {
        if self.raters == 2 {
            Measure::CohenKappa
        } else {
            Measure::FleissKappa
        }
    }

    /// D_O or D_E as a figure: not defined without two raters and a text.
    fn part(&self, value: f64) -> Figure {
        if self.raters >= 2 && self.pairable > 0 {
            Figure::Value(value)
        } else {
            Figure::NotDefined
        }
    }

    /// Figures of one category.
    pub fn category(&self, c: usize) -> Figures {
        let alpha = &self.alpha.categories[c];
        let pick = |p: &PairCounts| (p.first, p.second, p.strict[c], p.overlap[c]);
        self.figures(
            self.codings[c].clone(),
            alpha.units as u64,
            (
                alpha.alpha,
                self.part(alpha.observed),
                self.part(alpha.expected),
            ),
            (self.family.code(c), true),
            &self.tallies[c],
            self.pairs.iter().map(pick).collect(),
        )
    }

    /// Figures over all categories (character items pooled over codes, F1 counts summed).
    pub fn overall(&self) -> Figures {
        let sum = |counts: &[F1Counts]| {
            counts.iter().fold(F1Counts::default(), |mut t, c| {
                t.add(*c);
                t
            })
        };
        let codings = (0..self.raters)
            .map(|r| self.codings.iter().map(|c| c[r]).sum())
            .collect();
        let units = self.alpha.categories.iter().map(|c| c.units as u64).sum();
        let pairs = self
            .pairs
            .iter()
            .map(|p| (p.first, p.second, sum(&p.strict), sum(&p.overlap)))
            .collect();
        self.figures(
            codings,
            units,
            (
                self.alpha.alpha,
                self.part(self.alpha.observed),
                self.part(self.alpha.expected),
            ),
            (self.family.overall(), false),
            &pooled(&self.tallies, self.raters),
            pairs,
        )
    }

    fn figures(
        &self,
        codings: Vec<u64>,
        n_units: u64,
        (alpha_u, d_o, d_e): (Figure, Figure, Figure),
        (family, code_row): (FamilyFigures, bool),
        tally: &CharacterTally,
        pairs: Vec<(usize, usize, F1Counts, F1Counts)>,
    ) -> Figures {
        let f1 = |pick: fn(&(usize, usize, F1Counts, F1Counts)) -> F1Counts| {
            Figure::mean(pairs.iter().map(|p| pick(p).f1()))
        };
        // Precision and recall of the other coders against the reference coder.
        let against_reference = |pick: fn(&(usize, usize, F1Counts, F1Counts)) -> F1Counts| {
            let oriented: Vec<F1Counts> = pairs
                .iter()
                .filter_map(|p| {
                    let c = pick(p);
                    if p.0 == self.reference {
                        Some(c)
                    } else if p.1 == self.reference {
                        Some(F1Counts {
                            first: c.second,
                            second: c.first,
                            matched: c.matched,
                        })
                    } else {
                        None
                    }
                })
                .collect();
            (
                Figure::mean(oriented.iter().map(F1Counts::precision)),
                Figure::mean(oriented.iter().map(F1Counts::recall)),
            )
        };
        let (strict_precision, strict_recall) = against_reference(|p| p.2);
        let (overlap_precision, overlap_recall) = against_reference(|p| p.3);
        let mut figures = Figures {
            codings,
            alpha_u,
            d_o,
            d_e,
            n_units,
            n_pairable: self.pairable,
            family,
            percent_agreement: tally.percent_agreement(),
            kappa: tally.kappa(),
            kappa_measure: self.kappa_measure(),
            strict_f1: f1(|p| p.2),
            strict_precision,
            strict_recall,
            overlap_f1: f1(|p| p.3),
            overlap_precision,
            overlap_recall,
            intervals: AlphaIntervals::default(),
            cautions: Vec::new(),
        };
        figures.cautions = cautions(caution_input(&figures, code_row));
        figures
    }
}

fn caution_input(f: &Figures, code_row: bool) -> CautionInput {
    CautionInput {
        n_units: f.n_units,
        alpha_u: f.alpha_u,
        d_e: f.d_e,
        kappa: (f.kappa_measure, f.kappa),
        f1: [f.strict_f1, f.overlap_f1],
        family: f.family,
        code_row,
    }
}

/// The mean of several documents' figures (INCEpTION's document average): every coefficient,
/// D_O and D_E are the means of the documents where they are defined; counts are summed.
/// `code_row` says whether the figures are a code's.
pub(super) fn average(
    all: &[Figures],
    raters: usize,
    kappa_measure: Measure,
    code_row: bool,
) -> Figures {
    let mean = |pick: fn(&Figures) -> Figure| Figure::mean(all.iter().map(pick));
    let sum = |pick: fn(&Figures) -> u64| all.iter().map(pick).sum::<u64>();
    let codings = (0..raters)
        .map(|r| all.iter().map(|f| f.codings[r]).sum())
        .collect();
    let mut figures = Figures {
        codings,
        alpha_u: mean(|f| f.alpha_u),
        d_o: mean(|f| f.d_o),
        d_e: mean(|f| f.d_e),
        n_units: sum(|f| f.n_units),
        n_pairable: sum(|f| f.n_pairable),
        family: FamilyFigures::mean(&all.iter().map(|f| f.family).collect::<Vec<_>>()),
        percent_agreement: mean(|f| f.percent_agreement),
        kappa: mean(|f| f.kappa),
        kappa_measure,
        strict_f1: mean(|f| f.strict_f1),
        strict_precision: mean(|f| f.strict_precision),
        strict_recall: mean(|f| f.strict_recall),
        overlap_f1: mean(|f| f.overlap_f1),
        overlap_precision: mean(|f| f.overlap_precision),
        overlap_recall: mean(|f| f.overlap_recall),
        intervals: AlphaIntervals::default(),
        cautions: Vec::new(),
    };
    figures.cautions = cautions(caution_input(&figures, code_row));
    figures
}
