//! The `.qdpx` zip as the import reads it: `project.qde` streamed straight out of the archive
//! (never held whole, so a 200 MB project of 600,000 codings imports), source texts read on
//! demand, and zip bombs refused by their compression ratio rather than by a size that large
//! real projects pass.
//!
//! Entry names are compared without case and with `\` as `/`, relative to the folder that holds
//! the `.qde` (some tools zip a folder, not its contents). An entry with an absolute or `..` path
//! refuses the whole file.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Seek};

/// Largest ratio of unpacked to packed bytes accepted for an entry. Real QDA-XML and prose
/// deflate 3–15 to 1; a zip bomb reaches about 1,000 to 1.
pub const MAX_RATIO: u64 = 100;
/// Bytes an entry may unpack to before its ratio is checked (small files compress oddly).
pub const RATIO_FREE_BYTES: u64 = 4 * 1024 * 1024;
/// Largest total of source texts read into memory (unpacked).
pub const MAX_TEXT_TOTAL_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// Why the archive could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ZipError {
    /// The file is not a readable zip.
    #[error("not a readable .qdpx zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// An entry would be written outside the project (zip-slip).
    #[error("zip entry `{0}` has an absolute or `..` path; refusing the file")]
    UnsafeEntry(String),
    /// No `.qde` in the zip.
    #[error("no project.qde in the .qdpx")]
    NoProjectFile,
    /// An entry unpacks to far more than it packs: a zip bomb.
    #[error(
        "zip entry `{name}` unpacks to more than {MAX_RATIO} times its packed size ({packed} bytes): refused as a zip bomb"
    )]
    Bomb {
        /// Entry name.
        name: String,
        /// Its packed size.
        packed: u64,
    },
    /// The source texts add up to more than [`MAX_TEXT_TOTAL_BYTES`].
    #[error("the source texts unpack to more than {MAX_TEXT_TOTAL_BYTES} bytes; refused")]
    TooLarge,
    /// Reading an entry failed.
    #[error("zip entry `{name}`: {source}")]
    Entry {
        /// Entry name.
        name: String,
        /// The error.
        source: std::io::Error,
    },
}

/// The error a [`RatioGuard`] raises inside its `io::Error`, so callers can tell it apart.
#[derive(Debug, thiserror::Error)]
#[error("unpacked more than {MAX_RATIO} times the packed size")]
pub struct RatioExceeded;

/// A reader that fails once it has produced more than [`MAX_RATIO`] times `packed` bytes (after
/// the first [`RATIO_FREE_BYTES`]).
struct RatioGuard<R> {
    inner: R,
    limit: u64,
    read: u64,
}

impl<R> RatioGuard<R> {
    fn new(inner: R, packed: u64) -> Self {
        Self {
            inner,
            limit: packed.saturating_mul(MAX_RATIO).max(RATIO_FREE_BYTES),
            read: 0,
        }
    }
}

impl<R: Read> Read for RatioGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            return Err(std::io::Error::other(RatioExceeded));
        }
        Ok(n)
    }
}

/// True when an `io::Error` is a [`RatioGuard`]'s.
pub fn is_ratio_exceeded(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<RatioExceeded>())
}

/// An opened `.qdpx`.
pub struct QdpxArchive<R> {
    zip: zip::ZipArchive<R>,
    /// Entry index by lower-case name relative to the `.qde`'s folder.
    names: HashMap<String, usize>,
    qde: usize,
    text_bytes: u64,
}

fn is_unsafe_name(name: &str) -> bool {
    let unified = name.replace('\\', "/");
    unified.starts_with('/')
        || unified.as_bytes().get(1) == Some(&b':')
        || unified.split('/').any(|part| part == "..")
}

impl<R: Read + Seek> QdpxArchive<R> {
    /// Opens the zip, refuses unsafe entry names and finds the `.qde`.
    pub fn open(reader: R) -> Result<Self, ZipError> {
        let mut zip = zip::ZipArchive::new(reader)?;
        let mut all = Vec::with_capacity(zip.len());
        for i in 0..zip.len() {
            let entry = zip.by_index_raw(i)?;
            let name = entry.name().to_string();
            if is_unsafe_name(&name) || entry.enclosed_name().is_none() {
                return Err(ZipError::UnsafeEntry(name));
            }
            if !entry.is_dir() {
                all.push((name.replace('\\', "/").to_lowercase(), i));
            }
        }
        // `project.qde` at the top, else the shallowest, first-named `.qde`.
        let (qde_name, qde) = all
            .iter()
            .filter(|(n, _)| n.ends_with(".qde"))
            .min_by_key(|(n, _)| {
                (
                    !n.ends_with("project.qde"),
                    n.matches('/').count(),
                    n.clone(),
                )
            })
            .cloned()
            .ok_or(ZipError::NoProjectFile)?;
        let base = qde_name
            .rfind('/')
            .map_or("", |i| &qde_name[..=i])
            .to_string();
        let names = all
            .into_iter()
            .filter_map(|(n, i)| n.strip_prefix(&base).map(|rest| (rest.to_string(), i)))
            .collect();
        Ok(Self {
            zip,
            names,
            qde,
            text_bytes: 0,
        })
    }

    /// The `.qde`, streamed (UTF-8; a UTF-8 BOM is skipped).
    pub fn qde_reader(&mut self) -> Result<impl BufRead + '_, ZipError> {
        let entry = self.zip.by_index(self.qde)?;
        let packed = entry.compressed_size();
        let mut reader = BufReader::with_capacity(1 << 16, RatioGuard::new(entry, packed));
        let head = reader.fill_buf().map_err(|source| ZipError::Entry {
            name: "project.qde".into(),
            source,
        })?;
        if head.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
        }
        Ok(reader)
    }

    /// The entry a source path names, if the zip holds it: `internal://<name>`, a bare file
    /// name, or either percent-encoded, in `sources/` (any case) or beside the `.qde`.
    pub fn find(&self, path: &str) -> Option<String> {
        let lower = path.trim().replace('\\', "/").to_lowercase();
        let name = lower
            .strip_prefix("internal://")
            .unwrap_or(&lower)
            .trim_start_matches('/')
            .to_string();
        // `relative://` and `absolute://` sources live outside the zip.
        if name.is_empty() || name.contains("://") {
            return None;
        }
        let decoded = percent_decode(&name);
        [&name, &decoded]
            .into_iter()
            .flat_map(|n| [format!("sources/{n}"), n.clone()])
            .find(|n| self.names.contains_key(n))
    }

    /// Reads an entry found by [`Self::find`], guarded by ratio and by the total of texts read.
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, ZipError> {
        let Some(&index) = self.names.get(name) else {
            return Ok(Vec::new());
        };
        let entry = self.zip.by_index(index)?;
        let packed = entry.compressed_size();
        let left = MAX_TEXT_TOTAL_BYTES - self.text_bytes;
        let mut data = Vec::with_capacity(entry.size().min(left) as usize);
        RatioGuard::new(entry, packed)
            .take(left + 1)
            .read_to_end(&mut data)
            .map_err(|source| {
                if is_ratio_exceeded(&source) {
                    ZipError::Bomb {
                        name: name.to_string(),
                        packed,
                    }
                } else {
                    ZipError::Entry {
                        name: name.to_string(),
                        source,
                    }
                }
            })?;
        self.text_bytes += data.len() as u64;
        if self.text_bytes > MAX_TEXT_TOTAL_BYTES {
            return Err(ZipError::TooLarge);
        }
        Ok(data)
    }

    /// Packed size of the `.qde`, for error messages.
    pub fn qde_packed_size(&mut self) -> u64 {
        self.zip
            .by_index_raw(self.qde)
            .map_or(0, |e| e.compressed_size())
    }
}

/// `%20` and friends decoded; invalid sequences are kept as they are.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoded_names_decode() {
        assert_eq!(percent_decode("board%202017.txt"), "board 2017.txt");
        assert_eq!(percent_decode("100%.txt"), "100%.txt");
    }
}
