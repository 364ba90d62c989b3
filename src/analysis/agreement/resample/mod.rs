//! Bootstrapped intervals of αU and of the uα family (uα, |uα, cuα, (k)uα).
//!
//! Unitized data has no coincidence matrix of pairable values to draw pairs from, as the
//! Hayes & Krippendorff (2007) bootstrap of α on predefined units does
//! ([`super::reliability::bootstrap`]). What is resampled instead are the units of sampling, the
//! **documents**: each replicate draws as many documents as the study used, with replacement,
//! lays them end to end in the drawn order ([`super::DOCUMENTS_COMBINED`]) and computes every
//! figure on them. This is the cluster (or case) bootstrap for data sampled in clusters
//! (Davison & Hinkley 1997, *Bootstrap Methods and their Application*, § 3.8; Field & Welsh 2007,
//! "Bootstrapping clustered data", JRSS B 69), the practice for unitizing α, whose units are
//! not independent draws but the content of sampled texts.
//!
//! Each document's sums are kept once ([`alpha_u`], [`super::ualpha::resample`]), so a
//! replicate adds them up, weighted by how often each document was drawn, instead of computing
//! the figures from the codings again. Replicates where a figure is not defined (a drawn set
//! without a unit of a code) are left out of its interval; the 95 % interval is the 2.5th and
//! 97.5th percentile of the rest, q(α < .667) and q(α < .800) their shares below those values
//! ([`super::reliability::bootstrap::summary`]). The draws of replicate i come from
//! [`Xoshiro256`] seeded with the given seed and i, so the replicates run on every core and the
//! same data, replicates and seed give the same intervals on any number of cores. With one document
//! there is nothing to resample and no interval.

mod alpha_u;
pub(super) mod attach;
#[cfg(test)]
mod tests;

use serde::Serialize;

use super::corpus::CorpusUnits;
use super::figure::{Figure, Measure};
use super::reliability::bootstrap::{Interval, Resampling, summary};
use super::reliability::rng::Xoshiro256;
use super::ualpha::resample::FamilyStats;
use alpha_u::AlphaUStats;

/// The intervals of one row's unitizing figures (`None`: not bootstrapped, or never defined).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AlphaIntervals {
    /// αU.
    pub alpha_u: Option<Interval>,
    /// uα (on a code row: of the code alone).
    pub u_alpha: Option<Interval>,
    /// |uα (on a code row: of the code alone).
    pub bar_u_alpha: Option<Interval>,
    /// cuα (overall row only).
    pub cu_alpha: Option<Interval>,
    /// (k)uα (code rows only).
    pub k_u_alpha: Option<Interval>,
}

impl AlphaIntervals {
    /// The interval of `measure`, if it has one.
    pub fn get(&self, measure: Measure) -> Option<&Interval> {
        match measure {
            Measure::UnitizingAlpha => self.alpha_u.as_ref(),
            Measure::UAlpha => self.u_alpha.as_ref(),
            Measure::BarUAlpha => self.bar_u_alpha.as_ref(),
            Measure::CuAlpha => self.cu_alpha.as_ref(),
            Measure::KUAlpha => self.k_u_alpha.as_ref(),
            _ => None,
        }
    }
}

/// The bootstrapped intervals of a study's corpus figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitizingIntervals {
    /// How they were drawn.
    pub how: Resampling,
    /// Documents the study used (and each replicate draws).
    pub documents: usize,
    /// The overall row; all `None` with fewer than two documents.
    pub overall: AlphaIntervals,
    /// Per code, in the order of the report's code rows.
    pub codes: Vec<AlphaIntervals>,
}

/// Replicates of every figure, in the order of [`UnitizingIntervals`]' fields.
struct Samples {
    overall: [Vec<f64>; 4],
    codes: Vec<[Vec<f64>; 4]>,
}

fn push(into: &mut Vec<f64>, figure: Figure) {
    if let Figure::Value(v) = figure {
        into.push(v);
    }
}

/// The seed of replicate `i`'s generator.
fn replicate_seed(seed: u64, i: usize) -> u64 {
    seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The intervals of `corpus`'s figures; with fewer than two documents or no replicates, every
/// interval is `None`.
pub(super) fn intervals(corpus: &CorpusUnits, how: Resampling) -> UnitizingIntervals {
    let n = corpus.documents.len();
    let codes = corpus.categories.len();
    let mut out = UnitizingIntervals {
        how,
        documents: n,
        overall: AlphaIntervals::default(),
        codes: vec![AlphaIntervals::default(); codes],
    };
    if n < 2 || how.replicates == 0 {
        return out;
    }
    let alpha_u = AlphaUStats::new(corpus);
    let parts: Vec<_> = (0..n)
        .map(|d| {
            (
                corpus.document_continuum(d),
                corpus.by_document[d].as_slice(),
            )
        })
        .collect();
    let family = FamilyStats::new(&corpus.corpus_continuum(), &parts);
    // Replicate i draws from its own generator, so the replicates can be shared out among
    // threads and the intervals stay the same whatever the number of threads.
    let threads = std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .clamp(1, 8);
    let per_thread = how.replicates.div_ceil(threads);
    let run = |from: usize, to: usize| {
        let mut samples = Samples {
            overall: Default::default(),
            codes: vec![Default::default(); codes],
        };
        let mut draws = vec![0usize; n];
        let mut weights = vec![0i128; n];
        for i in from..to {
            let mut rng = Xoshiro256::seeded(replicate_seed(how.seed, i));
            weights.fill(0);
            for slot in &mut draws {
                let d = ((rng.next_f64() * n as f64) as usize).min(n - 1);
                *slot = d;
                weights[d] += 1;
            }
            let (overall, per_code) = alpha_u.replicate(&draws, &weights);
            let fam = family.replicate(&weights);
            let o = &mut samples.overall;
            push(&mut o[0], overall);
            push(&mut o[1], fam.u_alpha.alpha);
            push(&mut o[2], fam.bar_u_alpha.alpha);
            push(&mut o[3], fam.cu_alpha.alpha);
            for ((s, a), f) in samples.codes.iter_mut().zip(per_code).zip(&fam.codes) {
                push(&mut s[0], a);
                push(&mut s[1], f.alone.alpha);
                push(&mut s[3], f.k_u_alpha.alpha);
            }
        }
        samples
    };
    let parts: Vec<Samples> = std::thread::scope(|scope| {
        let run = &run;
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let from = (t * per_thread).min(how.replicates);
                let to = ((t + 1) * per_thread).min(how.replicates);
                scope.spawn(move || run(from, to))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a bootstrap thread finishes"))
            .collect()
    });
    let mut samples = Samples {
        overall: Default::default(),
        codes: vec![Default::default(); codes],
    };
    for part in parts {
        for (into, from) in samples.overall.iter_mut().zip(part.overall) {
            into.extend(from);
        }
        for (into, from) in samples.codes.iter_mut().zip(part.codes) {
            for (a, b) in into.iter_mut().zip(from) {
                a.extend(b);
            }
        }
    }
    let done = |v: &mut Vec<f64>| summary(std::mem::take(v), n, how);
    let [a, u, b, c] = &mut samples.overall;
    out.overall = AlphaIntervals {
        alpha_u: done(a),
        u_alpha: done(u),
        bar_u_alpha: done(b),
        cu_alpha: done(c),
        k_u_alpha: None,
    };
    for (into, s) in out.codes.iter_mut().zip(&mut samples.codes) {
        let alone = done(&mut s[1]);
        *into = AlphaIntervals {
            alpha_u: done(&mut s[0]),
            u_alpha: alone.clone(),
            bar_u_alpha: alone,
            cu_alpha: None,
            k_u_alpha: done(&mut s[3]),
        };
    }
    out
}
