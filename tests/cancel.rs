//! Cancelling long work (issue 16, point 3): an export cancelled between two row pieces leaves
//! no partial file (and an older file at the path as it was); a `.qdpx` import cancelled while
//! it reads leaves nothing in its destination.

use std::path::Path;
use std::sync::Arc;

use spanwise::exchange::qdpx_import::{self, ImportError};
use spanwise::exchange::synthetic::{self, Spec};
use spanwise::exchange::{self, ExportFormat};
use spanwise::model::job::{JobProgress, is_cancelled_io};
use spanwise::model::project::Project;

/// A project large enough that its export takes far longer than noticing its first bytes.
fn big_project(root: &Path) -> Project {
    synthetic::generate(&Spec::new(11, 200, 5_000, 2, 40_000), root)
}

/// Runs `work` on a thread, cancels it as soon as it made progress, and returns its result.
fn cancel_once_started<T: Send + 'static>(
    work: impl FnOnce(&JobProgress) -> T + Send + 'static,
) -> (T, u64) {
    let progress = JobProgress::shared();
    let shared = Arc::clone(&progress);
    let worker = std::thread::spawn(move || work(&shared));
    while progress.done_of_total().0 == 0 && !worker.is_finished() {
        std::hint::spin_loop();
    }
    progress.cancel();
    let at = progress.done_of_total().0;
    (worker.join().expect("the worker ran"), at)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_csv_export_cancelled_midway_leaves_no_file() {
    let out = tempfile::tempdir().unwrap();
    let project = big_project(out.path());
    let path = out.path().join("codings.csv");
    let target = path.clone();
    let (result, at) = cancel_once_started(move |p| {
        exchange::export_to_file_watched(&project, ExportFormat::Csv, &[], &target, p)
    });
    assert!(at > 0, "cancelled after the first bytes");
    match result {
        Err(exchange::ExportError::Io(e)) => assert!(is_cancelled_io(&e), "{e}"),
        other => panic!("the export should stop as cancelled: {other:?}"),
    }
    assert_eq!(
        files_in(out.path()),
        Vec::<String>::new(),
        "no file, no temporary"
    );
}

#[test]
fn a_cancelled_qdpx_export_leaves_the_older_file_as_it_was() {
    let out = tempfile::tempdir().unwrap();
    let project = big_project(out.path());
    let path = out.path().join("project.qdpx");
    std::fs::write(&path, b"the older export").unwrap();
    let target = path.clone();
    let (result, _) = cancel_once_started(move |p| {
        exchange::export_to_file_watched(&project, ExportFormat::Qdpx, &[], &target, p)
    });
    assert!(result.is_err(), "cancelled");
    assert_eq!(std::fs::read(&path).unwrap(), b"the older export");
    assert_eq!(files_in(out.path()), ["project.qdpx"]);
}

#[test]
fn an_import_cancelled_while_it_reads_leaves_nothing_in_its_destination() {
    let out = tempfile::tempdir().unwrap();
    let qdpx = out.path().join("study.qdpx");
    let project = big_project(out.path());
    let n = exchange::export_to_file(&project, ExportFormat::Qdpx, &[], &qdpx).unwrap();
    assert_eq!(n, 80_000);
    let dest = out.path().join("imported");
    let (file, to) = (qdpx.clone(), dest.clone());
    let (result, _) = cancel_once_started(move |p| {
        qdpx_import::import_qdpx_watched(&file, &to, Default::default(), p)
    });
    assert!(matches!(result, Err(ImportError::Cancelled)), "{result:?}");
    assert!(!dest.exists(), "nothing of the import is left");
}

#[test]
fn a_cancelled_import_into_an_empty_folder_leaves_it_empty_and_an_uncancelled_one_imports() {
    let out = tempfile::tempdir().unwrap();
    let qdpx = out.path().join("small.qdpx");
    let project = synthetic::generate(&Spec::new(3, 5, 2_000, 1, 20), out.path());
    exchange::export_to_file(&project, ExportFormat::Qdpx, &[], &qdpx).unwrap();
    let dest = out.path().join("empty");
    std::fs::create_dir(&dest).unwrap();
    let progress = JobProgress::default();
    progress.cancel();
    let result = qdpx_import::import_qdpx_watched(&qdpx, &dest, Default::default(), &progress);
    assert!(matches!(result, Err(ImportError::Cancelled)), "{result:?}");
    assert_eq!(files_in(&dest), Vec::<String>::new());
    let progress = JobProgress::default();
    let report =
        qdpx_import::import_qdpx_watched(&qdpx, &dest, Default::default(), &progress).unwrap();
    assert_eq!(report.codings, 20);
    let (read, total) = progress.done_of_total();
    assert_eq!(total, std::fs::metadata(&qdpx).unwrap().len());
    assert!(
        read >= total / 2,
        "progress counts the bytes read: {read} of {total}"
    );
}
