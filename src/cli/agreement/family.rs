//! The uα family's part of the agreement table: one line per row and coefficient, each figure
//! with its observed and expected disagreement, so the table stays narrow.

use crate::analysis::agreement::{Figure, Figures, Grouping, NOT_DEFINED, Report, RowKey};
use crate::cli::columns::aligned;

fn small(figure: Figure) -> String {
    figure
        .value()
        .map_or_else(|| NOT_DEFINED.to_string(), |v| format!("{v:.2e}"))
}

/// The section "Unitizing family" under the main table.
pub(super) fn section(report: &Report, rows: &[(String, &Figures)]) -> String {
    let first = match report.grouping {
        Grouping::Code => "code",
        Grouping::Document => "document",
    };
    let boot = report.bootstrap.is_some();
    let mut header: Vec<String> = [first, "coefficient", "alpha", "D_o", "D_e"]
        .map(String::from)
        .to_vec();
    if boot {
        header.extend(["95% CI".to_string(), "q(<.800)".to_string()]);
    }
    let mut lines = vec![header];
    for (i, (name, figures)) in rows.iter().enumerate() {
        let code_row = matches!(report.rows.get(i).map(|r| &r.key), Some(RowKey::Code(_)));
        for (measure, u) in figures.family.shown(code_row) {
            let mut line = vec![
                name.clone(),
                measure.label().to_string(),
                format!("{:.3}", u.alpha),
                small(u.d_o),
                small(u.d_e),
            ];
            if boot {
                let i = figures.interval(measure);
                line.push(super::table::interval(i));
                line.push(i.map_or_else(|| "-".to_string(), |i| format!("{:.3}", i.q_800)));
            }
            lines.push(line);
        }
    }
    let mut out = String::from("\nUnitizing family (Krippendorff et al. 2016)\n");
    out.push_str(&super::table::wrapped(
        "u-alpha: unitizing and coding together; |u-alpha: coded against uncoded text; \
         cu-alpha: the codes where coders' units meet; (k)u-alpha: one code's part of cu-alpha. \
         On a code row |u-alpha is that code alone against all other text.",
    ));
    out.push_str(&aligned(&lines, &[0, 1]));
    out
}
