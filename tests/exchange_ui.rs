//! File → Export… and File → Import .qdpx… in the window.
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, drag_select, find, harness, open_document};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use spanwise::exchange::ExportFormat;

#[test]
fn export_from_the_window_then_import_the_qdpx_as_a_new_project() {
    let dir = bundled_copy();
    let mut h = harness("anna", dir.path());
    open_document(&mut h, "Blauäugigkeit");
    let span = find(&h, "äußerste Vorsicht");
    drag_select(&mut h, span);
    h.key_press(Key::Num2);
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(
        h.query_by_label("Export codings").is_some(),
        "Ctrl+E opens the export window"
    );
    assert!(
        h.query_by_label("anna").is_some(),
        "the coder can be chosen"
    );
    assert!(
        !h.state().workspace.as_ref().unwrap().is_dirty(),
        "exporting saves first"
    );

    let out = tempfile::tempdir().unwrap();
    let csv_path = out.path().join("codings.csv");
    h.state_mut()
        .export_to(&csv_path, ExportFormat::Csv, &["anna".into()])
        .expect("a project is open");
    // the export runs as a job: the window draws on until it is back
    common::wait_for_jobs(&mut h);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert!(csv.contains("äußerste Vorsicht"), "{csv}");
    assert!(
        h.query_by_label_contains("Exported 1 codings (csv)")
            .is_some()
    );

    let qdpx = out.path().join("project.qdpx");
    h.state_mut().export_to(&qdpx, ExportFormat::Qdpx, &[]);
    common::wait_for_jobs(&mut h);
    assert!(
        h.query_by_label_contains("Exported 1 codings (qdpx)")
            .is_some()
    );
    let imported = out.path().join("imported");
    h.state_mut().import_qdpx(&qdpx, &imported);
    common::wait_for_jobs(&mut h);
    let ws = h.state().workspace.as_ref().unwrap();
    assert_eq!(ws.project().root, imported);
    let codings = &ws
        .project()
        .coder("anna")
        .expect("anna's codings came along")
        .codings;
    assert_eq!(codings.len(), 1);
    assert_eq!(codings[0].quote, "äußerste Vorsicht");
    assert_eq!((codings[0].start, codings[0].end), (span.start, span.end));
}
