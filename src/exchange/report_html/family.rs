//! The report's table of the unitizing family (Krippendorff et al. 2016): on each code row |uα
//! of the code alone and its (k)uα, on the overall row uα, |uα and cuα, each with D_o and D_e.

use super::escape::{self, Cell, figure, scientific};
use super::tables::rows;
use crate::analysis::agreement::Report;

/// The family table, with the rule for overlapping codes of one coder under it.
pub fn table(report: &Report) -> String {
    let all = rows(report);
    let last = all.len().saturating_sub(1);
    let lines: Vec<Vec<Cell>> = all
        .iter()
        .enumerate()
        .flat_map(|(i, (name, f))| {
            let code_row = i < last;
            f.family
                .shown(code_row)
                .into_iter()
                .map(move |(measure, u)| {
                    vec![
                        Cell::from(name.clone()),
                        Cell::from(measure.label().to_string()),
                        Cell::from(figure(u.alpha)),
                        Cell::from(scientific(u.d_o)),
                        Cell::from(scientific(u.d_e)),
                        Cell::from(super::tables::interval(f.interval(measure))),
                    ]
                })
        })
        .collect();
    let head = ["code", "coefficient", "α", "D_o", "D_e", "95 % interval"];
    let mut out = escape::table("family", &head, &lines);
    out.push_str(&format!(
        "<p class=\"note\">{}</p>\n",
        escape::text(report.code_set_rule)
    ));
    out
}
