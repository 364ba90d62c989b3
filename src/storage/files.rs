//! The file primitives every storage module uses: atomic writes (temporary file, fsync, rename,
//! fsync of the folder), RON with fixed formatting, UTF-8 reads that name the bad byte, and the
//! check that a relative path stays inside its project.

use std::fs;
use std::io::Write;
use std::path::{Component, Path};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::storage::encoding::decode_utf8;
use crate::storage::error::StorageError;

pub(crate) fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StorageError + '_ {
    move |source| StorageError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The fixed RON formatting every Spanwise file is written with.
pub fn to_ron<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .escape_strings(true);
    let mut out = ron::ser::to_string_pretty(value, config).expect("Spanwise types serialize");
    out.push('\n');
    out
}

/// Parses a RON file, turning errors into [`StorageError::Syntax`] with line and column.
/// Optional fields may be written bare (`key: '1'`) or as `Some('1')`, as in the bundled project.
pub fn parse_ron<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, StorageError> {
    // `key: '1'` (as the bundled project writes it) must read as `Some('1')`.
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| StorageError::Syntax {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// Writes a file atomically: temporary file in the same folder, fsync, rename, fsync of the folder.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    let tmp = temporary_name(dir, path);
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|source| {
        let _ = fs::remove_file(&tmp);
        StorageError::Io {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Writes a file atomically like [`atomic_write`], its bytes coming from `write` through a
/// buffer as they are made, so a large file (an export) is never held in memory. When `write`
/// or the write itself fails, the temporary file is removed and `path` is left as it was.
pub fn atomic_write_with<T, E: From<std::io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<fs::File>) -> Result<T, E>,
) -> Result<T, E> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = temporary_name(dir, path);
    let result = (|| {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, fs::File::create(&tmp)?);
        let value = write(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(value)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A temporary file's name beside `path`, unique in this process.
fn temporary_name(dir: &Path, path: &Path) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy());
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// Reads a file as UTF-8, naming the byte offset (and line and column) of the first bad byte.
pub fn read_utf8(path: &Path) -> Result<String, StorageError> {
    decode_utf8(path, fs::read(path).map_err(io_err(path))?)
}

/// Refuses a RON text that starts with a byte order mark, naming line 1, column 1.
pub fn refuse_bom(path: &Path, text: &str) -> Result<(), StorageError> {
    if text.starts_with('\u{feff}') {
        return Err(StorageError::InvalidAt {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: "starts with a byte order mark (U+FEFF); save it as UTF-8 without BOM".into(),
        });
    }
    Ok(())
}

/// Reads a RON file Spanwise writes: UTF-8 without a byte order mark.
pub fn read_ron_text(path: &Path) -> Result<String, StorageError> {
    let text = read_utf8(path)?;
    refuse_bom(path, &text)?;
    Ok(text)
}

/// Accepts only relative paths that stay inside the project folder (on any platform: `\` counts
/// as a separator and drive letters as absolute).
pub fn check_relative_path(path: &str) -> Result<(), String> {
    let unified = path.replace('\\', "/");
    let p = Path::new(&unified);
    let drive = unified.len() >= 2 && unified.as_bytes()[1] == b':';
    if path.is_empty() {
        return Err("path is empty".into());
    }
    if p.is_absolute() || unified.starts_with('/') || drive {
        return Err(format!(
            "path `{path}` is absolute; it must lie inside the project folder"
        ));
    }
    if p.components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(format!("path `{path}` leaves the project folder"));
    }
    Ok(())
}
