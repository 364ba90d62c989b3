//! Reading a file of a project folder only when it is a regular file inside that folder and not
//! larger than a cap: a corpus entry that is a symbolic link to a file elsewhere on the disk, to
//! `/dev/zero`, or a named pipe is refused with a message instead of being followed, read
//! endlessly or waited on forever.
//!
//! The file's type is taken from its metadata before it is opened, so a pipe is never opened (an
//! open of a pipe blocks until a writer appears), and the read itself stops one byte past the cap,
//! so a file whose size the metadata misstates cannot exhaust memory either.

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::storage::error::StorageError;
use crate::storage::files::io_err;

/// The default cap on one corpus text or coder file, in bytes (64 MiB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The cap on one coder file, in bytes (1 GiB), unless the text cap is set higher: a coder file
/// grows with its codings (about 370 bytes each, so 300,000 codings are some 110 MB), far past
/// any sensible text, and it is Spanwise's own file.
pub const MAX_CODER_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// The environment variable that sets the cap in bytes.
pub const MAX_TEXT_BYTES_VAR: &str = "SPANWISE_MAX_TEXT_BYTES";

/// The cap on one file: `SPANWISE_MAX_TEXT_BYTES` when it is set to a whole number, else 64 MiB.
pub fn max_file_bytes() -> u64 {
    std::env::var(MAX_TEXT_BYTES_VAR)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_MAX_FILE_BYTES)
}

/// The cap on one coder file: [`MAX_CODER_FILE_BYTES`], or the text cap when that is higher.
pub fn max_coder_file_bytes() -> u64 {
    max_file_bytes().max(MAX_CODER_FILE_BYTES)
}

/// Reads `path` when it is a regular file that lies inside `root` (after following symbolic
/// links) and holds at most `max` bytes. A missing file is an [`StorageError::Io`] error (so a
/// caller can tell "missing" from "refused"); every refusal is [`StorageError::NotRead`].
pub fn read_inside(root: &Path, path: &Path, max: u64) -> Result<Vec<u8>, StorageError> {
    let refuse = |reason: String| StorageError::NotRead {
        path: path.to_path_buf(),
        reason,
    };
    let link = fs::symlink_metadata(path).map_err(io_err(path))?;
    if link.file_type().is_symlink() {
        let target = fs::canonicalize(path).map_err(|e| {
            refuse(format!(
                "is a symbolic link that leads nowhere ({e}); replace it with the file itself"
            ))
        })?;
        let inside = fs::canonicalize(root).is_ok_and(|root| target.starts_with(root));
        if !inside {
            return Err(refuse(format!(
                "is a symbolic link to {}, outside the project; copy the file into the project \
                 instead of linking it",
                target.display()
            )));
        }
    }
    let meta = fs::metadata(path).map_err(io_err(path))?;
    if !meta.is_file() {
        return Err(refuse(format!(
            "is {}, not a regular file; replace it with a regular text file",
            kind_of(&meta.file_type())
        )));
    }
    let too_large = |size: String| {
        refuse(format!(
            "is {size} bytes, more than the {max} bytes a file may have; split it, or raise the \
             limit with {MAX_TEXT_BYTES_VAR}=<bytes>"
        ))
    };
    if meta.len() > max {
        return Err(too_large(meta.len().to_string()));
    }
    let file = fs::File::open(path).map_err(io_err(path))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_err(path))?;
    if bytes.len() as u64 > max {
        return Err(too_large(format!("more than {max}")));
    }
    Ok(bytes)
}

/// What a file that is not a regular file is, in words.
fn kind_of(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_inside_are_read_and_large_ones_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "Hallo Welt").unwrap();
        assert_eq!(read_inside(dir.path(), &path, 100).unwrap(), b"Hallo Welt");
        let err = read_inside(dir.path(), &path, 4).unwrap_err().to_string();
        assert!(err.contains("10 bytes, more than the 4 bytes"), "{err}");
        assert!(err.contains(MAX_TEXT_BYTES_VAR), "{err}");
        let folder = read_inside(dir.path(), dir.path(), 100).unwrap_err();
        assert!(folder.to_string().contains("a folder"), "{folder}");
        let missing = read_inside(dir.path(), &dir.path().join("b.txt"), 100).unwrap_err();
        assert!(matches!(missing, StorageError::Io { .. }), "{missing}");
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_are_followed_and_links_outside_refused() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "elsewhere").unwrap();
        fs::write(dir.path().join("a.txt"), "inside").unwrap();
        std::os::unix::fs::symlink("a.txt", dir.path().join("b.txt")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), dir.path().join("c.txt"))
            .unwrap();
        assert_eq!(
            read_inside(dir.path(), &dir.path().join("b.txt"), 100).unwrap(),
            b"inside"
        );
        let err = read_inside(dir.path(), &dir.path().join("c.txt"), 100)
            .unwrap_err()
            .to_string();
        assert!(err.contains("outside the project"), "{err}");
    }
}
