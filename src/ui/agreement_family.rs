//! The uα family under the agreement table of review mode: uα, |uα, cuα and (k)uα per row (the
//! same choice per row as `spanwise agreement`), each cell's tooltip with what it measures and
//! its D_o and D_e; a dash where a coefficient does not apply to the row.

use egui::{RichText, Ui};

use crate::analysis::agreement::{Figures, Measure, Report, RowKey};

use super::agreement_view::{caution_text, interval_hover, interval_text, overall_label};
use super::i18n::{tr, tr_args};

/// The family's columns, in order.
pub const COLUMNS: [Measure; 4] = [
    Measure::UAlpha,
    Measure::BarUAlpha,
    Measure::CuAlpha,
    Measure::KUAlpha,
];

/// Shown where a coefficient does not apply to the row.
const NOT_APPLICABLE: &str = "–";

/// Draws the section; `pending` while the intervals are computed.
pub fn ui(ui: &mut Ui, report: &Report, pending: bool) {
    ui.add_space(8.0);
    ui.strong(tr("family-heading"))
        .on_hover_text(tr("family-hint"));
    let overall = overall_label(report.grouping);
    egui::Grid::new("agreement-family")
        .striped(true)
        .spacing(egui::vec2(16.0, 4.0))
        .show(ui, |ui| {
            ui.label("");
            for m in COLUMNS {
                ui.strong(m.label()).on_hover_text(m.description());
            }
            ui.end_row();
            let rows = report
                .rows
                .iter()
                .map(|r| {
                    let code_row = matches!(r.key, RowKey::Code(_));
                    (RichText::new(&r.label), &r.figures, code_row)
                })
                .chain([(RichText::new(overall).strong(), &report.overall, false)]);
            for (label, figures, code_row) in rows {
                ui.label(label);
                for m in COLUMNS {
                    cell(ui, m, figures, code_row, pending);
                }
                ui.end_row();
            }
        });
    ui.label(
        RichText::new(tr_args(
            "family-code-sets",
            &[("rule", report.code_set_rule.to_string().into())],
        ))
        .small(),
    );
}

fn cell(ui: &mut Ui, measure: Measure, figures: &Figures, code_row: bool, pending: bool) {
    let shown = figures.family.shown(code_row);
    match shown.iter().find(|(m, _)| *m == measure) {
        Some((_, u)) => {
            let hover = format!(
                "{}\nD_o = {:.5}, D_e = {:.5}\n{}",
                measure.description(),
                u.d_o,
                u.d_e,
                interval_hover(figures, measure)
            );
            let reasons: Vec<String> = figures.cautions_on(measure).map(caution_text).collect();
            let text = RichText::new(format!("{:.3}", u.alpha));
            let (text, hover) = if reasons.is_empty() {
                (text, hover)
            } else {
                let hover = format!(
                    "{hover}\n{}",
                    tr_args(
                        "agreement-caution",
                        &[("reasons", reasons.join("; ").into())]
                    )
                );
                (text.color(ui.visuals().warn_fg_color), hover)
            };
            ui.horizontal(|ui| {
                ui.label(text).on_hover_text(&hover);
                ui.label(RichText::new(interval_text(figures, measure, pending)).small())
                    .on_hover_text(&hover);
            });
        }
        None => {
            ui.label(NOT_APPLICABLE);
        }
    }
}
