//! Bootstrapped distribution of α, following Hayes & Krippendorff (2007), "Answering the call for
//! a standard reliability measure for coding data", and Krippendorff's algorithm as KALPHA
//! implements it (Krippendorff 2016, "Bootstrapping distributions for Krippendorff's alpha"):
//!
//! 1. the pairs of values are drawn from the coincidence matrix: the unordered pair c–k with
//!    probability o_cc/n on the diagonal and 2·o_ck/n off it;
//! 2. each replicate draws M = min(25·e, n(m − 1)/2) pairs, with e the number of filled cells of
//!    the coincidence matrix and m the number of coders, and takes α* = 1 − Σ δ²/(M·D_e) with the
//!    D_e of the data;
//! 3. α* below −1 counts as −1; a replicate whose pairs all fall into one diagonal cell (no
//!    variation) counts as 0, as KALPHA counts it (KALPHA estimates how many there are; here
//!    they are seen);
//! 4. the 95 % interval is the 2.5th and 97.5th percentile of the sorted α*, and q(α_min) the
//!    share of α* below α_min.
//!
//! The draws come from [`Xoshiro256`] seeded with the given seed, so the interval is the same on
//! every run with the same data, replicates and seed.

use serde::Serialize;

use super::coincidence::Coincidences;
use super::rng::Xoshiro256;

/// The smallest acceptable α values whose failure probability is reported (Krippendorff 2019:
/// .800, and .667 for tentative conclusions).
pub const MIN_ALPHAS: [f64; 2] = [0.667, 0.800];

/// How to bootstrap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Resampling {
    /// Number of replicates (KALPHA's default is 20,000; Hayes & Krippendorff used 10,000).
    pub replicates: usize,
    /// Seed of the random draws.
    pub seed: u64,
}

/// The bootstrapped interval of one α.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interval {
    /// Lower end of the 95 % interval.
    pub ci_low: f64,
    /// Upper end of the 95 % interval.
    pub ci_high: f64,
    /// Probability that α is below .667 (share of replicates below it).
    pub q_667: f64,
    /// Probability that α is below .800.
    pub q_800: f64,
    /// Pairs drawn per replicate (M); for the unitizing figures, documents drawn per replicate.
    pub draws: usize,
    /// Replicates (for the unitizing figures: those where α was defined).
    pub replicates: usize,
    /// Seed.
    pub seed: u64,
}

/// One unordered pair of values that can be drawn.
struct Cell {
    /// Cumulative probability up to and including this cell.
    upto: f64,
    delta: f64,
    diagonal: bool,
}

fn cells(co: &Coincidences, delta: &[Vec<f64>]) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut upto = 0.0;
    for (c, (o_row, d_row)) in co.matrix.iter().zip(delta).enumerate() {
        for (k, (&o, &d)) in o_row.iter().zip(d_row).enumerate().skip(c) {
            if o <= 0.0 {
                continue;
            }
            upto += if c == k { o } else { 2.0 * o } / co.total;
            out.push(Cell {
                upto,
                delta: d,
                diagonal: c == k,
            });
        }
    }
    if let Some(last) = out.last_mut() {
        last.upto = f64::INFINITY; // rounding never leaves a draw without a cell
    }
    out
}

/// The interval of α for coincidences `co` with differences `delta`, expected disagreement `d_e`
/// and `coders` coders; `None` when there is nothing to resample (no pairable values, D_e = 0).
pub fn interval(
    co: &Coincidences,
    delta: &[Vec<f64>],
    d_e: f64,
    coders: usize,
    how: Resampling,
) -> Option<Interval> {
    let cells = cells(co, delta);
    if cells.is_empty() || d_e <= 0.0 || how.replicates == 0 {
        return None;
    }
    let all_pairs = (co.total * (coders.saturating_sub(1)) as f64 / 2.0).round() as usize;
    let draws = (25 * co.filled_cells()).min(all_pairs).max(1);
    let mut rng = Xoshiro256::seeded(how.seed);
    let alphas: Vec<f64> = (0..how.replicates)
        .map(|_| replicate(&cells, draws, d_e, &mut rng))
        .collect();
    summary(alphas, draws, how)
}

/// The 95 % percentile interval and q(α < .667), q(α < .800) of the replicates `alphas`, each
/// drawn from `draws` draws; `None` without replicates. `replicates` in the result is the
/// number of `alphas` (replicates where α was defined).
pub fn summary(mut alphas: Vec<f64>, draws: usize, how: Resampling) -> Option<Interval> {
    if alphas.is_empty() {
        return None;
    }
    alphas.sort_by(f64::total_cmp);
    let n = alphas.len();
    let low = ((0.025 * n as f64).floor() as usize).max(1) - 1;
    let high = ((0.975 * n as f64).floor() as usize).min(n - 1);
    let below = |min: f64| alphas.iter().filter(|&&a| a < min).count() as f64 / n as f64;
    Some(Interval {
        ci_low: alphas[low],
        ci_high: alphas[high],
        q_667: below(MIN_ALPHAS[0]),
        q_800: below(MIN_ALPHAS[1]),
        draws,
        replicates: n,
        seed: how.seed,
    })
}

fn replicate(cells: &[Cell], draws: usize, d_e: f64, rng: &mut Xoshiro256) -> f64 {
    let mut sum = 0.0;
    let mut first: Option<usize> = None;
    let mut one_cell = true;
    for _ in 0..draws {
        let r = rng.next_f64();
        let i = cells.partition_point(|c| c.upto <= r);
        sum += cells[i].delta;
        match first {
            None => first = Some(i),
            Some(f) if f != i => one_cell = false,
            Some(_) => {}
        }
    }
    if one_cell && first.is_some_and(|f| cells[f].diagonal) {
        return 0.0;
    }
    (1.0 - sum / (draws as f64 * d_e)).max(-1.0)
}
