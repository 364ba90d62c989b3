//! Inter-coder agreement: how far coders agree on which text they coded and with which code.
//!
//! The figures (formulas and worked examples in `shared/reference/agreement/README.md`,
//! explained for users, with every coefficient's precise name and reference, in
//! `docs/AGREEMENT.md`):
//! - [`unitizing`]: Krippendorff's unitizing alpha αU, per code and overall, with exact integer sums;
//! - [`ualpha`]: the unitizing family of Krippendorff et al. (2016): uα, |uα, cuα and (k)uα,
//!   with the same integer sums;
//! - [`kappa`]: Cohen's κ and Fleiss' κ on predefined items;
//! - [`character`]: the character-level baseline (percent agreement and κ, per code, coded or not);
//! - [`f1`]: span F1, strict and overlap ([`F1_MATCHING_RULE`]), and the SemEval-2013 schemes;
//! - [`resample`]: bootstrapped intervals of αU and the family, resampling documents;
//! - [`report`]: all of them over a [`Project`](crate::model::project::Project), per code or per
//!   document, for the corpus or averaged over documents, with the coder matrix, which is what
//!   the window and `spanwise agreement` show; [`schema`] is its versioned JSON form.
//!
//! Rules every figure follows, shown to users: [`documents`] (by default only documents every
//! compared coder has marked done), [`SAME_CODE_OVERLAP_RULE`] (one coder's overlapping codings
//! of the same code are merged into their union for αU and the character figures) and
//! [`DOCUMENTS_COMBINED`] (corpus figures lay the documents end to end as one continuum). A
//! figure that the data leaves undefined is [`Figure::NotDefined`], never NaN; a figure not to be
//! read like any other carries a [`Caution`].
//!
//! Nothing here knows egui.

pub mod caution;
pub mod character;
mod continuum_figures;
mod corpus;
pub mod documents;
pub mod f1;
pub mod figure;
pub mod figures;
mod fraction;
pub mod kappa;
mod options;
pub mod reliability;
pub mod report;
pub mod resample;
pub mod schema;
pub mod ualpha;
pub mod unitizing;
pub mod units;

pub use caution::{Caution, CautionReason, MIN_UNITS};
pub use corpus::AgreementError;
pub use documents::{DocumentChoice, DocumentRule, LeftOut, LeftOutReason, UsedDocument};
pub use f1::F1_MATCHING_RULE;
pub use figure::{Figure, Measure, NOT_DEFINED};
pub use figures::Figures;
pub use report::{
    Average, Grouping, Options, PairFigures, Report, Row, RowKey, compute, compute_intervals,
    compute_with,
};
pub use resample::{AlphaIntervals, UnitizingIntervals};
pub use ualpha::{CODE_SET_RULE, FamilyFigures, UnitizingFigure};
pub use units::{Continuum, DOCUMENTS_COMBINED, SAME_CODE_OVERLAP_RULE, Unit};
