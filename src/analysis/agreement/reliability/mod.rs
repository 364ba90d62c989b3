//! Reliability on predefined units: units (articles, article-level variables, codes present or
//! absent per article) that every coder judged on the same list, as in a codesheet, unlike the
//! unitizing figures beside this module, where coders also choose the stretches of text.
//!
//! - [`alpha`]: Krippendorff's α at the nominal, ordinal, interval and ratio levels, any number
//!   of coders, missing values, from the [`coincidence`] matrix, with D_o and D_e;
//! - [`pairwise`]: Cohen's κ and Scott's π for two coders;
//! - [`multi_coder`]: Fleiss' κ, Brennan–Prediger, Gwet's AC1 and percent agreement in Gwet's
//!   (2014) forms for missing values;
//! - [`bootstrap`]: the Hayes & Krippendorff (2007) bootstrap of α with a seeded [`rng`];
//! - [`caution`]: why a figure is not defined or too weak to report;
//! - [`table`]: the units-by-coders CSV file `spanwise reliability` reads;
//! - [`report`]: all of it for one data set.
//!
//! Nothing here knows egui.

pub mod alpha;
pub mod bootstrap;
pub mod caution;
pub mod coincidence;
pub mod data;
pub mod level;
pub mod multi_coder;
pub mod pairwise;
pub mod report;
pub mod rng;
pub mod table;

pub use bootstrap::{Interval, Resampling};
pub use caution::Caution;
pub use data::ReliabilityData;
pub use level::Level;
pub use report::{Coefficient, Options, Parts, Reliability, compute};
pub use table::{ReadOptions, Table, TableError};
