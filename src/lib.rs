//! Spanwise: span coding of news texts for media research.
//!
//! The crate is built in layers; each imports only the layers above it in this list
//! (see docs/ARCHITECTURE.md):
//!
//! - [`model`]: project, codebook, codings, spans, texts: plain data and its rules.
//! - [`anchor`]: keeping codings on their words when a text changes.
//! - [`storage`]: project folders on disk: RON read/write, locks, backups, migration.
//! - [`edit`]: commands with their inverses, undo/redo, the workspace.
//! - [`analysis`]: agreement, comparison and adjudication, stats, retrieval, search, checks.
//! - [`exchange`]: CSV, JSONL, matrix, W3C and REFI-QDA exports and the .qdpx import.
//! - [`cli`]: the headless commands.
//! - [`ui`] (cargo feature `gui`, on by default): the window.

pub mod model;

pub mod anchor;
pub mod storage;

pub mod analysis;
pub mod edit;
pub mod exchange;

pub mod cli;
#[cfg(feature = "gui")]
pub mod ui;
