//! One writer per coder file: a lock file `.spanwise/locks/<stem>.lock` holding the process id,
//! host and time of the session that codes as that coder.
//!
//! The lock is created atomically (written to a temporary file, then hard-linked into place, which
//! fails if a lock exists), so a reader never sees a half-written lock. A lock left by a process
//! that no longer runs on this host is taken over; a lock from another host cannot be checked and
//! is respected. The lock is removed when its [`CoderLock`] is dropped, but only if it is still
//! ours.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::coder::coder_file_stem;
use crate::storage::backup::ensure_spanwise_dir;
use crate::storage::error::StorageError;
use crate::storage::files::{parse_ron, to_ron};

/// Who holds a coder lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHolder {
    /// Process id.
    pub pid: u32,
    /// Host name.
    pub host: String,
    /// When the lock was taken (RFC 3339, UTC).
    pub since: String,
    /// Distinguishes two sessions of one process.
    #[serde(default)]
    pub token: u64,
}

impl std::fmt::Display for LockHolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "process {} on host `{}` since {}",
            self.pid, self.host, self.since
        )
    }
}

/// Why a coder lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another session codes as this coder.
    #[error("{path}: coder `{coder}` is already being coded by {holder}; opened read-only", path = path.display())]
    Held {
        /// The lock file.
        path: PathBuf,
        /// The coder.
        coder: String,
        /// Who holds it.
        holder: LockHolder,
    },
    /// The lock file could not be written or read.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A held coder lock; dropping it releases the lock.
#[derive(Debug)]
pub struct CoderLock {
    path: PathBuf,
    holder: LockHolder,
}

impl CoderLock {
    /// Takes the lock for `coder` in the project at `root`, taking over a lock left by a dead
    /// process on this host.
    pub fn acquire(root: &Path, coder: &str) -> Result<Self, LockError> {
        let path = lock_path(root, coder);
        ensure_spanwise_dir(root)?;
        let holder = me();
        for _ in 0..3 {
            if try_create(&path, &holder)? {
                return Ok(Self { path, holder });
            }
            match read_holder(&path) {
                Some(other) if !is_stale(&other) => {
                    return Err(LockError::Held {
                        path,
                        coder: coder.to_string(),
                        holder: other,
                    });
                }
                // stale or unreadable (a lock is never half-written): remove and try again
                _ => {
                    let _ = fs::remove_file(&path);
                }
            }
        }
        Err(LockError::Held {
            holder: read_holder(&path).unwrap_or_else(unknown_holder),
            path,
            coder: coder.to_string(),
        })
    }

    /// Takes the lock even when another session holds it (the user chose to).
    pub fn take_over(root: &Path, coder: &str) -> Result<Self, LockError> {
        let path = lock_path(root, coder);
        let _ = fs::remove_file(&path);
        Self::acquire(root, coder)
    }

    /// Who holds this lock (this session).
    pub fn holder(&self) -> &LockHolder {
        &self.holder
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True while the lock file on disk is still this lock.
    pub fn is_held(&self) -> bool {
        read_holder(&self.path).as_ref() == Some(&self.holder)
    }
}

impl Drop for CoderLock {
    fn drop(&mut self) {
        if self.is_held() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Path of the lock file of a coder.
pub fn lock_path(root: &Path, coder: &str) -> PathBuf {
    root.join(".spanwise")
        .join("locks")
        .join(format!("{}.lock", coder_file_stem(coder)))
}

/// Who holds the lock of a coder now, if anyone (stale locks included).
pub fn holder_of(root: &Path, coder: &str) -> Option<LockHolder> {
    read_holder(&lock_path(root, coder))
}

fn read_holder(path: &Path) -> Option<LockHolder> {
    let text = fs::read_to_string(path).ok()?;
    parse_ron(path, &text).ok()
}

/// Creates the lock with its content in one step; false when a lock exists.
fn try_create(path: &Path, holder: &LockHolder) -> Result<bool, StorageError> {
    let dir = path.parent().expect("lock path has a folder");
    let io = |source| StorageError::Io {
        path: path.to_path_buf(),
        source,
    };
    fs::create_dir_all(dir).map_err(io)?;
    let tmp = dir.join(format!(".{}.{}.tmp", holder.pid, holder.token));
    fs::write(&tmp, to_ron(holder)).map_err(io)?;
    let linked = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(io(e)),
    }
}

fn me() -> LockHolder {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let nanos = chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0) as u64;
    LockHolder {
        pid: std::process::id(),
        host: host_name(),
        since: crate::model::coding::now_timestamp(),
        token: nanos ^ NEXT.fetch_add(1, Ordering::Relaxed),
    }
}

fn unknown_holder() -> LockHolder {
    LockHolder {
        pid: 0,
        host: "unknown".into(),
        since: "unknown".into(),
        token: 0,
    }
}

/// True when the holder is a process on this host that no longer runs.
fn is_stale(holder: &LockHolder) -> bool {
    holder.host == host_name() && !process_alive(holder.pid)
}

/// This machine's name.
pub fn host_name() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; gethostname writes at most that many bytes.
        let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if rc == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            return String::from_utf8_lossy(&buf[..end]).into_owned();
        }
    }
    std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .unwrap_or_else(|_| "localhost".into())
}

/// True when a process with this id runs on this host (or when that cannot be told).
pub fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        if pid <= 0 {
            return false;
        }
        // SAFETY: signal 0 only checks whether the process exists and may be signalled.
        let rc = unsafe { libc::kill(pid, 0) };
        rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_and_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let first = CoderLock::acquire(dir.path(), "Anna").unwrap();
        let err = CoderLock::acquire(dir.path(), "Anna").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("process {}", std::process::id())),
            "{msg}"
        );
        assert!(msg.contains(&host_name()), "{msg}");
        drop(first);
        assert!(!lock_path(dir.path(), "Anna").exists());
        let again = CoderLock::acquire(dir.path(), "Anna").unwrap();
        assert!(again.is_held());
    }

    #[test]
    fn a_dead_process_lock_is_taken_over_and_a_foreign_host_respected() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let path = lock_path(dir.path(), "Anna");
        let stale = LockHolder {
            pid: dead,
            host: host_name(),
            since: "2020-01-01T00:00:00Z".into(),
            token: 7,
        };
        crate::storage::files::atomic_write(&path, to_ron(&stale).as_bytes()).unwrap();
        let lock = CoderLock::acquire(dir.path(), "Anna").unwrap();
        assert_eq!(lock.holder().pid, std::process::id());
        drop(lock);
        let foreign = LockHolder {
            host: "elsewhere".into(),
            ..stale
        };
        crate::storage::files::atomic_write(&path, to_ron(&foreign).as_bytes()).unwrap();
        let err = CoderLock::acquire(dir.path(), "Anna").unwrap_err();
        assert!(err.to_string().contains("elsewhere"));
        assert!(CoderLock::take_over(dir.path(), "Anna").is_ok());
    }
}
