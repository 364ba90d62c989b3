//! Reliability data: the units-by-coders table of values on predefined units (an article's tone,
//! a code present or absent per article), each cell a value or missing.
//!
//! Values are kept once each in [`ReliabilityData::values`], in ascending order when they are
//! numbers (the order the ordinal metric needs) and in order of first appearance otherwise; cells
//! hold indexes into that list.

use std::collections::HashMap;

/// One distinct value of the data: its text as written and, when it is a number, that number.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// The value as written in the data (for numbers: as first written).
    pub label: String,
    /// The number, for data read as numbers.
    pub number: Option<f64>,
}

/// The units-by-coders table with its values.
#[derive(Debug, Clone, PartialEq)]
pub struct ReliabilityData {
    /// Coder names, one per column.
    pub coders: Vec<String>,
    /// Unit ids, one per row.
    pub units: Vec<String>,
    /// The distinct values; numbers ascending when the data are numeric.
    pub values: Vec<Value>,
    /// `cells[unit][coder]`: index into [`Self::values`], `None` when the coder gave no value.
    pub cells: Vec<Vec<Option<usize>>>,
}

impl ReliabilityData {
    /// Data whose values are categories compared by their text (nominal data).
    pub fn categories(coders: Vec<String>, rows: Vec<(String, Vec<Option<String>>)>) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut values = Vec::new();
        let mut units = Vec::with_capacity(rows.len());
        let mut cells = Vec::with_capacity(rows.len());
        for (unit, row) in rows {
            units.push(unit);
            let cell_row = row
                .into_iter()
                .map(|cell| {
                    cell.map(|text| {
                        *index.entry(text.clone()).or_insert_with(|| {
                            values.push(Value {
                                label: text,
                                number: None,
                            });
                            values.len() - 1
                        })
                    })
                })
                .collect();
            cells.push(cell_row);
        }
        ReliabilityData {
            coders,
            units,
            values,
            cells,
        }
    }

    /// Data whose values are numbers (any level); `labels` gives each number's text as written,
    /// or `None` to print it as Rust does. Values are sorted ascending. NaN is treated as missing.
    pub fn numbers(coders: Vec<String>, rows: Vec<(String, Vec<Option<f64>>)>) -> Self {
        let mut distinct: Vec<f64> = rows
            .iter()
            .flat_map(|(_, r)| r.iter().flatten().copied())
            .filter(|v| !v.is_nan())
            .collect();
        distinct.sort_by(f64::total_cmp);
        distinct.dedup();
        let position = |v: f64| distinct.binary_search_by(|x| x.total_cmp(&v)).ok();
        let cells = rows
            .iter()
            .map(|(_, r)| r.iter().map(|c| c.and_then(position)).collect())
            .collect();
        let values = distinct
            .iter()
            .map(|&v| Value {
                label: v.to_string(),
                number: Some(v),
            })
            .collect();
        ReliabilityData {
            coders,
            units: rows.into_iter().map(|(u, _)| u).collect(),
            values,
            cells,
        }
    }

    /// True when every value is a number.
    pub fn is_numeric(&self) -> bool {
        self.values.iter().all(|v| v.number.is_some())
    }

    /// The number of values in each unit (cells that are not missing).
    pub fn values_per_unit(&self) -> Vec<usize> {
        self.cells
            .iter()
            .map(|r| r.iter().filter(|c| c.is_some()).count())
            .collect()
    }

    /// How often each value occurs in unit `u`, as (value index, count) pairs.
    pub fn unit_counts(&self, u: usize) -> Vec<(usize, usize)> {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for &v in self.cells[u].iter().flatten() {
            match counts.iter_mut().find(|(x, _)| *x == v) {
                Some((_, n)) => *n += 1,
                None => counts.push((v, 1)),
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_sorted_and_shared() {
        let data = ReliabilityData::numbers(
            vec!["a".into(), "b".into()],
            vec![
                ("u1".into(), vec![Some(3.0), Some(1.0)]),
                ("u2".into(), vec![None, Some(3.0)]),
            ],
        );
        let numbers: Vec<f64> = data.values.iter().map(|v| v.number.unwrap()).collect();
        assert_eq!(numbers, vec![1.0, 3.0]);
        assert_eq!(
            data.cells,
            vec![vec![Some(1), Some(0)], vec![None, Some(1)]]
        );
        assert_eq!(data.values_per_unit(), vec![2, 1]);
    }

    #[test]
    fn categories_keep_their_text_with_umlauts() {
        let data = ReliabilityData::categories(
            vec!["Jörg".into(), "Zoë".into()],
            vec![(
                "„Artikel 1“".into(),
                vec![Some("Ökonomie".into()), Some("Ökonomie".into())],
            )],
        );
        assert_eq!(data.values.len(), 1);
        assert_eq!(data.unit_counts(0), vec![(0, 2)]);
        assert!(!data.is_numeric());
    }
}
