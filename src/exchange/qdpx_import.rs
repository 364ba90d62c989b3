//! REFI-QDA `.qdpx` import: a new Spanwise project folder (`project.ron`, `corpus/*.txt`,
//! `coding/<user>.ron`) from a project as MAXQDA, ATLAS.ti, NVivo or QualCoder write it.
//!
//! The promise is that every coding lands on the words its producer put it on, or is listed.
//! Texts are found however the tool stored them (`internal://`, a bare file name, inline, the
//! `.txt` beside a `.docx` or `.pdf`; see [`super::qdpx_build`]), decoded, and stored the way
//! Spanwise stores every text (BOM dropped, LF, NFC: [`crate::model::normalise::StoredText`]). How the
//! producer counted positions (code points or UTF-16 units, BOM and CRs or not) is detected from
//! the selections themselves ([`super::qdpx_positions`]) or forced with `--positions`; each
//! position is carried through the normaliser, and each coding's text is checked against the
//! quote the file gives. What cannot be placed exactly, what has no plain text, who coded when
//! two users are named, and what a Spanwise project cannot hold are all in the [`ImportReport`].
//!
//! `project.qde` is streamed out of the zip ([`super::qdpx_zip`]); zip bombs are refused by their
//! compression ratio, a GUID used twice by its two places, zip entries with absolute or `..`
//! paths by their name. Nothing is written unless the whole file was read.

use std::io::{BufReader, Cursor, Read, Seek};
use std::path::Path;

use super::qde::{QdeError, QdeProject, line_col, parse_qde_reader};
use super::qdpx_zip::{QdpxArchive, is_ratio_exceeded};
use crate::model::job::{JobProgress, WatchedReader};
use crate::model::project::Project;
use crate::storage;

pub use super::qdpx_coders::UNKNOWN_CODER;
pub use super::qdpx_report::{ImportError, ImportOptions, ImportReport};

/// Imports a `.qdpx` file into a new project folder `dest_dir` (which must be absent or empty).
pub fn import_qdpx(file: &Path, dest_dir: &Path) -> Result<ImportReport, ImportError> {
    import_qdpx_with(file, dest_dir, ImportOptions::default())
}

/// [`import_qdpx`] with options.
pub fn import_qdpx_with(
    file: &Path,
    dest_dir: &Path,
    options: ImportOptions,
) -> Result<ImportReport, ImportError> {
    import_qdpx_watched(file, dest_dir, options, &JobProgress::default())
}

/// [`import_qdpx_with`] counting the bytes of `file` read into `progress` (its total is the
/// file's size), and stopping once `progress` is cancelled with [`ImportError::Cancelled`]:
/// then nothing of the import is left in `dest_dir`.
pub fn import_qdpx_watched(
    file: &Path,
    dest_dir: &Path,
    options: ImportOptions,
    progress: &JobProgress,
) -> Result<ImportReport, ImportError> {
    let read_error = |source| ImportError::Read {
        path: file.to_path_buf(),
        source,
    };
    let opened = std::fs::File::open(file).map_err(read_error)?;
    if let Ok(meta) = opened.metadata() {
        progress.set_total(meta.len());
    }
    let reader = BufReader::new(WatchedReader::new(opened, progress));
    let fallback_name = file.file_stem().map_or("Imported project".into(), |s| {
        s.to_string_lossy().into_owned()
    });
    let existed = dest_dir.exists();
    let ours = check_destination(dest_dir).is_ok();
    let result = import_from(reader, &fallback_name, dest_dir, options, progress);
    if !progress.is_cancelled() {
        return result;
    }
    if ours && dest_dir.exists() {
        // cancelled after writing began: take back what was written (the folder was absent
        // or empty, so everything in it is the import's)
        let _ = std::fs::remove_dir_all(dest_dir);
        if existed {
            let _ = std::fs::create_dir_all(dest_dir);
        }
    }
    Err(ImportError::Cancelled)
}

/// Imports `.qdpx` bytes into a new project folder; `fallback_name` names a nameless project.
pub fn import_qdpx_bytes(
    bytes: &[u8],
    fallback_name: &str,
    dest_dir: &Path,
) -> Result<ImportReport, ImportError> {
    import_from(
        Cursor::new(bytes),
        fallback_name,
        dest_dir,
        ImportOptions::default(),
        &JobProgress::default(),
    )
}

/// [`import_qdpx_bytes`] with options.
pub fn import_qdpx_bytes_with(
    bytes: &[u8],
    fallback_name: &str,
    dest_dir: &Path,
    options: ImportOptions,
) -> Result<ImportReport, ImportError> {
    import_from(
        Cursor::new(bytes),
        fallback_name,
        dest_dir,
        options,
        &JobProgress::default(),
    )
}

fn import_from<R: Read + Seek>(
    reader: R,
    fallback_name: &str,
    dest_dir: &Path,
    options: ImportOptions,
    progress: &JobProgress,
) -> Result<ImportReport, ImportError> {
    let cancelled = |_| ImportError::Cancelled;
    let mut archive = QdpxArchive::open(reader)?;
    let qde = read_qde(&mut archive)?;
    progress.check().map_err(cancelled)?;
    check_destination(dest_dir)?;
    let mut report = ImportReport {
        project_dir: dest_dir.to_path_buf(),
        origin: qde.origin.clone(),
        not_carried: qde.not_carried.clone(),
        without_text: qde.without_text.clone(),
        ..Default::default()
    };
    let project = super::qdpx_build::build_project(
        &qde,
        &mut archive,
        fallback_name,
        dest_dir,
        options,
        &mut report,
    )?;
    progress.check().map_err(cancelled)?;
    write_project(&project, progress)?;
    report.name = project.name.clone();
    report.documents = project.corpus.documents.len();
    report.codes = project.codebook.codes.len();
    report.coders = project.coder_names();
    report.codings = project.coders.values().map(|c| c.codings.len()).sum();
    Ok(report)
}

/// Parses the streamed `project.qde`; errors name `project.qde:line:col` (found by reading the
/// stream a second time, so the first pass keeps no line table).
fn read_qde<R: Read + Seek>(archive: &mut QdpxArchive<R>) -> Result<QdeProject, ImportError> {
    let result = parse_qde_reader(archive.qde_reader()?);
    let err = match result {
        Ok(qde) => return Ok(qde),
        Err(e) => e,
    };
    let mut places = |offsets: &[u64]| -> Result<Vec<(usize, usize)>, ImportError> {
        Ok(line_col(archive.qde_reader()?, offsets))
    };
    Err(match err {
        QdeError::Io(e) if is_ratio_exceeded(&e) => ImportError::ZipBomb {
            name: "project.qde".into(),
            packed: archive.qde_packed_size(),
        },
        QdeError::Io(source) => ImportError::Entry {
            name: "project.qde".into(),
            source,
        },
        QdeError::Xml { offset, message } => {
            let (line, col) = places(&[offset])?[0];
            ImportError::Xml(format!("project.qde:{line}:{col}: {message}"))
        }
        QdeError::DuplicateGuid {
            guid,
            element,
            offset,
            first_element,
            first_offset,
        } => {
            let at = places(&[offset, first_offset])?;
            ImportError::DuplicateGuid {
                guid,
                element,
                line: at[0].0,
                col: at[0].1,
                first_element,
                first_line: at[1].0,
                first_col: at[1].1,
            }
        }
    })
}

fn check_destination(dest: &Path) -> Result<(), ImportError> {
    let not_empty = std::fs::read_dir(dest).is_ok_and(|mut d| d.next().is_some());
    if not_empty || dest.is_file() {
        return Err(ImportError::DestinationNotEmpty(dest.to_path_buf()));
    }
    Ok(())
}

/// Writes the new project through the one project writer (texts, `project.ron`, coder files).
/// Stops between two files once the import is cancelled (its caller then removes them).
fn write_project(project: &Project, progress: &JobProgress) -> Result<(), ImportError> {
    storage::save_project_file(project)?;
    for file in project.coders.values() {
        progress.check().map_err(|_| ImportError::Cancelled)?;
        storage::save_coder(project, &file.coder)?;
    }
    Ok(())
}
