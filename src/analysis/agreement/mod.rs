//! Inter-coder agreement: how far coders agree on which text they coded and with which code.
//!
//! The figures (formulas and worked examples in `shared/reference/agreement/README.md`,
//! explained for users in `docs/AGREEMENT.md`):
//! - [`unitizing`]: Krippendorff's unitizing alpha αU, per code and overall, with exact integer sums;
//! - [`kappa`]: Cohen's κ and Fleiss' κ on predefined items;
//! - [`character`]: the character-level baseline (percent agreement and κ, per code, coded or not);
//! - [`f1`]: span F1, strict and overlap, and the SemEval-2013 schemes;
//! - [`report`]: all of them over a [`Project`](crate::model::project::Project), per code or per document
//!   and for the corpus, which is what the window and `spanwise agreement` show.
//!
//! Rules every figure follows, shown to users: [`SAME_CODE_OVERLAP_RULE`] (one coder's
//! overlapping codings of the same code are merged into their union for αU and the character
//! figures) and [`DOCUMENTS_COMBINED`] (corpus figures lay the documents end to end as one
//! continuum). A figure that the data leaves undefined is [`Figure::NotDefined`], never NaN.
//!
//! Nothing here knows egui.

pub mod character;
pub mod f1;
pub mod figure;
pub mod kappa;
pub mod reliability;
pub mod report;
pub mod unitizing;
pub mod units;

pub use figure::{Figure, Measure, NOT_DEFINED};
pub use report::{AgreementError, Figures, Grouping, Report, Row, RowKey, compute};
pub use units::{Continuum, DOCUMENTS_COMBINED, SAME_CODE_OVERLAP_RULE, Unit};
