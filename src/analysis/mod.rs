//! Analysis: agreement between coders, comparison and adjudication, counts, retrieval of coded
//! segments, corpus search and the quote check; reliability on predefined units (document variables,
//! codes present or absent per document). Reads the model; compare and retrieval issue edits.
//!
//! May import the model, anchoring, storage and edits; never exchange, the CLI or the UI.

pub mod agreement;
pub mod check;
pub mod compare;
pub mod predefined;
pub mod presence;
pub mod retrieval;
pub mod search;
pub mod stats;
pub mod variables;
