//! Charts of a per-code agreement report (egui_plot): αU per code as bars, with the codes whose
//! αU is not defined named below instead of drawn as zero; and codings per code per coder as
//! grouped bars.

use egui::Ui;
use egui_plot::{Bar, BarChart, GridMark, Legend, Plot};

use crate::analysis::agreement::Report;

use super::coder_palette::coder_colour;
use super::i18n::{tr, tr_args};

/// Height of each chart.
const CHART_HEIGHT: f32 = 180.0;

/// Draws both charts for a report with one row per code.
pub fn ui(ui: &mut Ui, report: &Report) {
    let names: Vec<String> = report.rows.iter().map(|r| r.label.clone()).collect();
    ui.horizontal_top(|ui| {
        let half = (ui.available_width() / 2.0 - 8.0).max(240.0);
        ui.vertical(|ui| {
            ui.set_width(half);
            alpha_chart(ui, report, &names);
        });
        ui.vertical(|ui| {
            ui.set_width(half);
            codings_chart(ui, report, &names);
        });
    });
}

fn alpha_chart(ui: &mut Ui, report: &Report, names: &[String]) {
    ui.label(tr("charts-alpha-per-code"));
    let bars: Vec<Bar> = report
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let v = r.figures.alpha_u.value()?;
            Some(Bar::new(i as f64, v).name(&r.label))
        })
        .collect();
    let undefined: Vec<&str> = report
        .rows
        .iter()
        .filter(|r| !r.figures.alpha_u.is_defined())
        .map(|r| r.label.as_str())
        .collect();
    plot("alpha-chart", names).include_y(1.0).show(ui, |p| {
        p.bar_chart(
            BarChart::new("alpha_U", bars)
                .width(0.6)
                .color(egui::Color32::from_rgb(0, 114, 178)),
        );
    });
    if !undefined.is_empty() {
        ui.label(tr_args(
            "charts-alpha-undefined",
            &[("codes", undefined.join(", ").into())],
        ));
    }
}

fn codings_chart(ui: &mut Ui, report: &Report, names: &[String]) {
    ui.label(tr("charts-codings-per-code"));
    let n = report.coders.len().max(1) as f64;
    let width = 0.8 / n;
    let charts: Vec<BarChart> = report
        .coders
        .iter()
        .enumerate()
        .map(|(k, coder)| {
            let bars = report
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let x = i as f64 - 0.4 + width * (k as f64 + 0.5);
                    let count = r.figures.codings.get(k).copied().unwrap_or(0);
                    Bar::new(x, count as f64).name(format!("{coder}: {}", r.label))
                })
                .collect();
            BarChart::new(coder.clone(), bars)
                .width(width)
                .color(coder_colour(&report.coders, coder))
        })
        .collect();
    plot("codings-chart", names)
        .legend(Legend::default())
        .show(ui, |p| {
            for chart in charts {
                p.bar_chart(chart);
            }
        });
}

/// A still plot with code names on the x axis.
fn plot<'a>(id: &str, names: &'a [String]) -> Plot<'a> {
    Plot::new(id)
        .height(CHART_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .x_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            (lo.ceil() as i64..=hi.floor() as i64)
                .map(|v| GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
}
