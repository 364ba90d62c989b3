//! Plain-text tables for the terminal: cells padded to their column's width.

/// Rows of cells as aligned text, two spaces between columns: the columns in `left` are
/// left-aligned (names), the others right-aligned (figures). Trailing spaces are trimmed.
pub(crate) fn aligned(lines: &[Vec<String>], left: &[usize]) -> String {
    let widths: Vec<usize> = (0..lines[0].len())
        .map(|i| {
            lines
                .iter()
                .map(|l| l[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for line in lines {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if left.contains(&i) {
                    format!("{c:<w$}", w = widths[i])
                } else {
                    format!("{c:>w$}", w = widths[i])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}
