//! Where in `project.qde` a problem is: the error of a failed parse carries byte offsets (the
//! streaming parse keeps no line table), and [`line_col`] turns them into line and column by
//! reading the stream once more, only when there is an error to report.

use std::io::BufRead;

/// Why `project.qde` could not be read; positions are byte offsets into it (see
/// [`line_col`] for line and column).
#[derive(Debug, thiserror::Error)]
pub enum QdeError {
    /// Not well-formed XML.
    #[error("byte {offset}: {message}")]
    Xml {
        /// Where the problem starts.
        offset: u64,
        /// What is wrong.
        message: String,
    },
    /// A GUID names two elements.
    #[error(
        "GUID {guid} of {element} at byte {offset} is already used by {first_element} at byte {first_offset}"
    )]
    DuplicateGuid {
        /// The GUID as written the second time.
        guid: String,
        /// The second element.
        element: String,
        /// Where it starts.
        offset: u64,
        /// The first element.
        first_element: String,
        /// Where that starts.
        first_offset: u64,
    },
    /// Reading the stream failed.
    #[error("{0}")]
    Io(std::io::Error),
}

/// Line and column (1-based, columns in chars) of byte offsets into a stream.
pub fn line_col<R: BufRead>(mut input: R, offsets: &[u64]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![(0, 0); offsets.len()];
    let (mut pos, mut line, mut col) = (0u64, 1usize, 1usize);
    let mut next = 0;
    while next < order.len() {
        let Ok(chunk) = input.fill_buf() else { break };
        if chunk.is_empty() {
            break;
        }
        let len = chunk.len();
        for &b in chunk {
            while next < order.len() && offsets[order[next]] == pos {
                out[order[next]] = (line, col);
                next += 1;
            }
            if b == b'\n' {
                line += 1;
                col = 1;
            } else if b & 0xC0 != 0x80 {
                col += 1;
            }
            pos += 1;
        }
        input.consume(len);
    }
    for &i in &order[next..] {
        out[i] = (line, col);
    }
    out
}
