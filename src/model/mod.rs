//! The model: what a project is, in plain Rust and nothing else.
//!
//! Spans and texts (offset tables, the one text normaliser), the corpus of documents, the codebook,
//! codings and coder files, and the [`project::Project`] that holds them. Everything here is data and
//! the rules that keep it consistent; it reads and writes no files and imports no other layer.

pub mod anchoring;
pub mod codebook;
pub mod coder;
pub mod coding;
pub mod corpus;
pub mod job;
pub mod new_code;
pub mod normalise;
pub mod project;
pub mod sentence;
pub mod span;
pub mod text;
pub mod variable;
