//! Spanwise: span coding of news texts for media research.
//!
//! The core (everything outside [`ui`]) knows nothing of egui: a [`project::Project`] holds the
//! [`codebook`], the [`corpus`] and every coder's [`coding`]s; [`storage`] reads and writes project
//! folders; every change is a [`command::Command`] applied through a [`workspace::Workspace`].
//! The GUI in [`ui`] and the command line in [`cli`] call the same core.

pub mod agreement;
pub mod anchor;
pub mod backup;
pub mod bundled;
pub mod check;
pub mod cli;
pub mod codebook;
pub mod coder;
pub mod coding;
pub mod command;
pub mod compare;
pub mod corpus;
pub mod create;
pub mod encoding;
pub mod export;
pub mod lock;
pub mod migration;
pub mod project;
pub mod retrieval;
pub mod search;
pub mod sentence;
pub mod snapshot;
pub mod span;
pub mod stats;
pub mod storage;
pub mod synthetic;
pub mod text;
pub mod ui;
pub mod validation;
pub mod workspace;
