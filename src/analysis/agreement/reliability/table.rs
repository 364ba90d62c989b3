//! Reading reliability data from a CSV file: the usual units-by-coders table, a header row naming
//! the unit column and one column per coder, then one row per unit with its id first. Empty cells
//! (after trimming spaces) and the declared missing markers are missing values.
//!
//! Nothing is dropped silently: a row with another number of cells than the header, a unit named
//! twice, or a value that is not a number where the level needs numbers stops the reading with
//! the line and column (1-based, columns counted in characters) of the cell.

use std::collections::{HashMap, HashSet};

use thiserror::Error;

use super::data::ReliabilityData;
use super::level::Level;

/// How to read a table.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadOptions {
    /// The level the data are for: every level but nominal needs numbers (ratio: 0 or more).
    pub level: Level,
    /// Cell texts that mean "missing" besides the empty cell (for example `.` or `NA`).
    pub missing: Vec<String>,
    /// Field delimiter (`,` by default; `;` for German spreadsheet exports, `\t` for TSV).
    pub delimiter: u8,
}

impl ReadOptions {
    /// Comma-separated, only empty cells missing.
    pub fn new(level: Level) -> Self {
        ReadOptions {
            level,
            missing: Vec::new(),
            delimiter: b',',
        }
    }
}

/// A table that was read, with remarks about cells it read as values but that look like
/// missing markers.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The data.
    pub data: ReliabilityData,
    /// Remarks for the user (nothing was left out because of them).
    pub remarks: Vec<String>,
}

/// Where and why a table cannot be read.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{line}:{column}: {problem}")]
pub struct TableError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// What is wrong there.
    pub problem: Problem,
}

/// What is wrong with a table.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Problem {
    /// The file is not UTF-8.
    #[error("not UTF-8 text (save the table as CSV UTF-8)")]
    NotUtf8,
    /// No header row.
    #[error("the table is empty: the first row must name the unit column and the coders")]
    Empty,
    /// The header has no coder column.
    #[error("the header names no coder column{hint}")]
    NoCoders {
        /// A hint about the delimiter, or empty.
        hint: String,
    },
    /// A coder column without a name.
    #[error("coder column {0} has no name")]
    UnnamedCoder(usize),
    /// Two coder columns with one name.
    #[error("coder \"{0}\" is named twice in the header")]
    DuplicateCoder(String),
    /// A row of another width than the header.
    #[error("this row has {found} cells, the header has {expected}")]
    Ragged {
        /// Cells in the row.
        found: usize,
        /// Cells in the header.
        expected: usize,
    },
    /// An empty unit id.
    #[error("the unit id is empty")]
    EmptyUnit,
    /// A unit id used twice.
    #[error("unit \"{unit}\" appears twice (first on line {first})")]
    DuplicateUnit {
        /// The id.
        unit: String,
        /// Line of its first row.
        first: usize,
    },
    /// A value that is not a number where the level needs numbers.
    #[error(
        "\"{value}\" is not a number, and {level} data need numbers (leave a cell empty for a \
         missing value, or declare the marker with --missing)"
    )]
    NotANumber {
        /// The cell text.
        value: String,
        /// The level.
        level: Level,
    },
    /// A negative value at the ratio level.
    #[error("{0} is negative, and ratio data need values of 0 or more")]
    Negative(String),
    /// More distinct values than the coincidence matrix is computed for.
    #[error(
        "this cell is distinct value number {}: reliability is computed for at most {MAX_VALUES} \
         distinct values (round continuous measurements, or bin them)",
        MAX_VALUES + 1
    )]
    TooManyValues,
    /// The CSV itself is malformed (for example an unclosed quote).
    #[error("{0}")]
    Csv(String),
}

/// The most distinct values a table may have: the coincidence and difference matrices are dense,
/// 2 × 8 × 3000² bytes (about 144 MB) at this limit.
pub const MAX_VALUES: usize = 3000;

/// Cell texts that often mean "missing" in exported data.
const LOOKS_MISSING: [&str; 6] = [".", "NA", "N/A", "-", "?", "#NULL!"];

/// Reads the table in `bytes` (a UTF-8 byte order mark is skipped).
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Table, TableError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        TableError {
            line,
            column,
            problem: Problem::NotUtf8,
        }
    })?;
    let records = records(text, options.delimiter)?;
    let Some((header_line, header)) = records.first() else {
        return Err(at(1, 1, Problem::Empty));
    };
    let coders = coders(text, *header_line, header, options.delimiter)?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::new();
    for (line, record) in &records[1..] {
        let cell_at = |i: usize| field_column(text, *line, i, options.delimiter);
        if record.len() != header.len() {
            let i = record.len().min(header.len());
            return Err(at(
                *line,
                cell_at(i),
                Problem::Ragged {
                    found: record.len(),
                    expected: header.len(),
                },
            ));
        }
        let unit = record[0].trim().to_string();
        if unit.is_empty() {
            return Err(at(*line, 1, Problem::EmptyUnit));
        }
        if let Some(&first) = seen.get(&unit) {
            return Err(at(*line, 1, Problem::DuplicateUnit { unit, first }));
        }
        seen.insert(unit.clone(), *line);
        let cells: Vec<(usize, Option<String>)> = record[1..]
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let c = c.trim();
                let missing = c.is_empty() || options.missing.iter().any(|m| m == c);
                (cell_at(i + 1), (!missing).then(|| c.to_string()))
            })
            .collect();
        rows.push((*line, unit, cells));
    }
    let data = if options.level.needs_numbers() {
        numeric(coders, rows, options.level)?
    } else {
        let mut distinct = HashSet::new();
        for (line, _, cells) in &rows {
            for (column, cell) in cells {
                if let Some(text) = cell {
                    limit(&mut distinct, text.clone(), *line, *column)?;
                }
            }
        }
        let rows = rows
            .into_iter()
            .map(|(_, unit, cells)| (unit, cells.into_iter().map(|(_, c)| c).collect()))
            .collect();
        ReliabilityData::categories(coders, rows)
    };
    let remarks = remarks(&data);
    Ok(Table { data, remarks })
}

fn at(line: usize, column: usize, problem: Problem) -> TableError {
    TableError {
        line,
        column,
        problem,
    }
}

type Row = (usize, String, Vec<(usize, Option<String>)>);

fn numeric(
    coders: Vec<String>,
    rows: Vec<Row>,
    level: Level,
) -> Result<ReliabilityData, TableError> {
    let mut out = Vec::with_capacity(rows.len());
    let mut distinct = HashSet::new();
    for (line, unit, cells) in rows {
        let mut values = Vec::with_capacity(cells.len());
        for (column, cell) in cells {
            let Some(text) = cell else {
                values.push(None);
                continue;
            };
            let number: f64 = match text.parse::<f64>() {
                Ok(n) if n.is_finite() => n,
                _ => {
                    return Err(at(line, column, Problem::NotANumber { value: text, level }));
                }
            };
            if level == Level::Ratio && number < 0.0 {
                return Err(at(line, column, Problem::Negative(text)));
            }
            limit(&mut distinct, (number + 0.0).to_bits(), line, column)?;
            values.push(Some(number));
        }
        out.push((unit, values));
    }
    Ok(ReliabilityData::numbers(coders, out))
}

/// Counts a distinct value, stopping at the cell whose value is one too many.
fn limit<T: Eq + std::hash::Hash>(
    distinct: &mut HashSet<T>,
    value: T,
    line: usize,
    column: usize,
) -> Result<(), TableError> {
    if distinct.insert(value) && distinct.len() > MAX_VALUES {
        return Err(at(line, column, Problem::TooManyValues));
    }
    Ok(())
}

fn coders(
    text: &str,
    line: usize,
    header: &[String],
    delimiter: u8,
) -> Result<Vec<String>, TableError> {
    if header.len() < 2 {
        let other = [b';', b'\t', b',']
            .into_iter()
            .find(|&d| d != delimiter && header.first().is_some_and(|h| h.contains(d as char)));
        let hint = other.map_or_else(String::new, |d| {
            let shown = if d == b'\t' {
                "\\t".to_string()
            } else {
                (d as char).to_string()
            };
            format!(" (it contains '{shown}': pass --delimiter '{shown}')")
        });
        return Err(at(line, 1, Problem::NoCoders { hint }));
    }
    let mut names: Vec<String> = Vec::new();
    for (i, name) in header.iter().enumerate().skip(1) {
        let name = name.trim().to_string();
        let column = field_column(text, line, i, delimiter);
        if name.is_empty() {
            return Err(at(line, column, Problem::UnnamedCoder(i + 1)));
        }
        if names.contains(&name) {
            return Err(at(line, column, Problem::DuplicateCoder(name)));
        }
        names.push(name);
    }
    Ok(names)
}

/// Every record with its 1-based line, blank lines skipped.
fn records(text: &str, delimiter: u8) -> Result<Vec<(usize, Vec<String>)>, TableError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as usize);
            at(line, 1, Problem::Csv(e.to_string()))
        })?;
        let line = record.position().map_or(1, |p| p.line() as usize);
        if record.len() == 1 && record[0].trim().is_empty() {
            continue;
        }
        out.push((line, record.iter().map(str::to_string).collect()));
    }
    Ok(out)
}

/// The 1-based character column where field `index` of the record on `line` starts.
fn field_column(text: &str, line: usize, index: usize, delimiter: u8) -> usize {
    let Some(raw) = text.lines().nth(line - 1) else {
        return 1;
    };
    let (mut field, mut quoted) = (0, false);
    for (column, ch) in raw.chars().enumerate() {
        if field == index {
            return column + 1;
        }
        match ch {
            '"' => quoted = !quoted,
            c if !quoted && c == delimiter as char => field += 1,
            _ => {}
        }
    }
    raw.chars().count() + 1
}

fn line_column(before: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(before);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn remarks(data: &ReliabilityData) -> Vec<String> {
    data.values
        .iter()
        .filter(|v| v.number.is_none() && LOOKS_MISSING.contains(&v.label.as_str()))
        .map(|v| {
            format!(
                "\"{}\" is read as a category; if it marks a missing value, pass --missing '{}'",
                v.label, v.label
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str, level: Level) -> Result<Table, TableError> {
        read(text.as_bytes(), &ReadOptions::new(level))
    }

    #[test]
    fn reads_units_coders_and_missing_cells() {
        let t = read_str("unit,anna,ben\n„A1“,1,\n A2 , 2 ,3\n", Level::Interval).unwrap();
        assert_eq!(t.data.coders, vec!["anna", "ben"]);
        assert_eq!(t.data.units, vec!["„A1“", "A2"]);
        assert_eq!(t.data.cells[0][1], None);
        assert_eq!(t.data.values.len(), 3);
    }

    #[test]
    fn a_ragged_row_is_named_with_line_and_column() {
        let e = read_str("unit,a,b\nü1,1,2\nü2,1\n", Level::Nominal).unwrap_err();
        assert_eq!((e.line, e.column), (3, 5));
        assert!(e.to_string().contains("2 cells, the header has 3"), "{e}");
    }

    #[test]
    fn a_word_in_interval_data_is_named_by_its_cell() {
        let e = read_str("unit,a,b\nÄrger 1,1,zwei\n", Level::Interval).unwrap_err();
        assert_eq!((e.line, e.column), (2, 11), "{e}");
        assert!(matches!(e.problem, Problem::NotANumber { .. }));
        let e = read_str("unit,a,b\nu,1,-2\n", Level::Ratio).unwrap_err();
        assert_eq!((e.line, e.column), (2, 5));
        assert!(matches!(e.problem, Problem::Negative(_)));
    }

    #[test]
    fn duplicate_units_and_coders_and_a_semicolon_header_stop() {
        let e = read_str("u,a,b\nx,1,2\nx,1,2\n", Level::Nominal).unwrap_err();
        assert_eq!(
            e.problem,
            Problem::DuplicateUnit {
                unit: "x".into(),
                first: 2
            }
        );
        let e = read_str("u,a,a\n", Level::Nominal).unwrap_err();
        assert_eq!((e.line, e.column), (1, 5));
        let e = read_str("u;a;b\nx;1;2\n", Level::Nominal).unwrap_err();
        assert!(e.to_string().contains("--delimiter ';'"), "{e}");
    }

    #[test]
    fn declared_markers_are_missing_and_suspicious_ones_remarked() {
        let mut options = ReadOptions::new(Level::Ordinal);
        options.missing = vec![".".into()];
        let t = read(b"u,a,b\nx,1,.\n", &options).unwrap();
        assert_eq!(t.data.cells[0][1], None);
        let t = read_str("u,a,b\nx,ja,.\n", Level::Nominal).unwrap();
        assert_eq!(t.remarks.len(), 1, "{:?}", t.remarks);
    }

    #[test]
    fn too_many_distinct_values_stop_at_the_cell() {
        let mut text = String::from("u,a,b\n");
        for i in 0..MAX_VALUES / 2 {
            text.push_str(&format!("u{i},{},{}.5\n", i, i));
        }
        text.push_str("last,1,-0.25\n");
        let e = read_str(&text, Level::Interval).unwrap_err();
        assert_eq!(
            (e.line, e.column, e.problem),
            (MAX_VALUES / 2 + 2, 8, Problem::TooManyValues)
        );
        assert!(read_str(&text, Level::Nominal).is_err());
    }

    #[test]
    fn bytes_that_are_not_utf8_are_placed() {
        let e = read(b"u,a,b\nx,\xe4,1\n", &ReadOptions::new(Level::Nominal)).unwrap_err();
        assert_eq!((e.line, e.column, e.problem), (2, 3, Problem::NotUtf8));
    }
}
