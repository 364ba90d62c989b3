//! What a long piece of work (an export, an import, a corpus search) shares with whoever waits
//! for it: a cancel flag and a progress counter, both atomics, so a worker thread updates them
//! and the window reads them once a frame without locks. Plain std, no UI: the command line and
//! the tests use it too.

use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// A job's cancel flag and progress (`done` of `total`; a total of 0 means not known).
#[derive(Debug, Default)]
pub struct JobProgress {
    cancelled: AtomicBool,
    done: AtomicU64,
    total: AtomicU64,
}

/// The job was cancelled before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

impl JobProgress {
    /// A fresh job's state, shared between the worker and the window.
    pub fn shared() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Asks the worker to stop at its next check.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the job was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once the job was asked to stop: for `?` between pieces of work.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    /// Sets how much work there is in all.
    pub fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// Counts `n` more units of work done.
    pub fn advance(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    /// Work done and work in all (0 when not known).
    pub fn done_of_total(&self) -> (u64, u64) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// A writer that counts the bytes through it as the job's progress and fails with
/// [`Cancelled`] (as an I/O error) at the first write after the job was cancelled: an export
/// streamed through it stops between two row pieces.
#[derive(Debug)]
pub struct WatchedWriter<'a, W> {
    inner: W,
    progress: &'a JobProgress,
}

impl<'a, W> WatchedWriter<'a, W> {
    /// Wraps `inner`, reporting to `progress`.
    pub fn new(inner: W, progress: &'a JobProgress) -> Self {
        Self { inner, progress }
    }
}

/// The I/O error a cancelled job's reader or writer fails with (not `Interrupted`, which
/// buffered readers and writers retry).
fn cancelled_io() -> std::io::Error {
    std::io::Error::other(Cancelled)
}

/// Whether an I/O error is the one a cancelled job's reader or writer failed with.
pub fn is_cancelled_io(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|e| e.is::<Cancelled>())
}

impl<W: Write> Write for WatchedWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.progress.is_cancelled() {
            return Err(cancelled_io());
        }
        let n = self.inner.write(buf)?;
        self.progress.advance(n as u64);
        Ok(n)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        // one check per piece, not per buffered chunk
        if self.progress.is_cancelled() {
            return Err(cancelled_io());
        }
        self.inner.write_all(buf)?;
        self.progress.advance(buf.len() as u64);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Seek> Seek for WatchedWriter<'_, W> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// A reader that counts the bytes read through it as the job's progress and fails with
/// [`Cancelled`] at the first read after the job was cancelled.
#[derive(Debug)]
pub struct WatchedReader<'a, R> {
    inner: R,
    progress: &'a JobProgress,
}

impl<'a, R> WatchedReader<'a, R> {
    /// Wraps `inner`, reporting to `progress`.
    pub fn new(inner: R, progress: &'a JobProgress) -> Self {
        Self { inner, progress }
    }
}

impl<R: Read> Read for WatchedReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.progress.is_cancelled() {
            return Err(cancelled_io());
        }
        let n = self.inner.read(buf)?;
        self.progress.advance(n as u64);
        Ok(n)
    }
}

impl<R: Seek> Seek for WatchedReader<'_, R> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_writer_stops_and_counts_what_went_through() {
        let progress = JobProgress::default();
        let mut out = WatchedWriter::new(Vec::new(), &progress);
        out.write_all(b"row 1\n").unwrap();
        assert_eq!(progress.done_of_total(), (6, 0));
        progress.cancel();
        let e = out.write_all(b"row 2\n").unwrap_err();
        assert!(is_cancelled_io(&e));
        assert_eq!(out.inner, b"row 1\n");
        assert_eq!(progress.check(), Err(Cancelled));
    }
}
