//! Edits: every change a user makes, as a [`command::Command`] value that returns its inverse, and
//! the [`workspace::Workspace`] that applies them, keeps undo/redo and knows what is unsaved.
//!
//! May import the model, anchoring and storage (to save); never the analysis, exchange or UI layers.

pub mod command;
pub mod draft;
pub mod progress;
pub mod removal;
pub mod workspace;
