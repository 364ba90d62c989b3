//! The two-coder export fixture (`tests/fixtures/export-two-coders`), shared by the export tests.

use std::path::{Path, PathBuf};

use spanwise::model::project::Project;
use spanwise::storage::load_project;

/// The fixture's folder.
pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export-two-coders")
}

/// The fixture, loaded without problems.
pub fn fixture() -> Project {
    let p = load_project(&fixture_dir()).expect("fixture loads");
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    p
}

/// The text of a document of a project.
pub fn text_of(project: &Project, doc: &str) -> String {
    project
        .corpus
        .documents
        .iter()
        .find(|d| d.meta.id.0 == doc)
        .and_then(|d| d.text.as_ref())
        .expect("document with text")
        .as_str()
        .to_string()
}
