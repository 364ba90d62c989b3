//! Differences between coders, for the compare view and adjudication.
//!
//! For each document the chosen coders' codings are grouped, in this order:
//! 1. [`DifferenceKind::Agreement`]: every coder has a coding with the same code and span;
//! 2. [`DifferenceKind::SameCodeOverlap`]: codings of at least two coders with the same code on
//!    overlapping text (chained: A overlaps B overlaps C);
//! 3. [`DifferenceKind::CodeConflict`]: the remaining codings of at least two coders overlapping
//!    with different codes;
//! 4. [`DifferenceKind::OnlyOne`]: what is left, coded by one coder only.
//!
//! A coding belongs to exactly one difference. Differences come in text order. [`adjudication`]
//! turns a reviewer's decision into commands on a consensus coder, an ordinary coder file.

pub mod adjudication;
pub mod differences;

pub use adjudication::{Resolution, accept_agreements, adjudicate, is_rejected, rejection};
pub use differences::{
    CompareError, Difference, DifferenceFilter, DifferenceKind, differences, filtered,
};
