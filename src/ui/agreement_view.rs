//! The agreement figures of review mode: a table per code or per document (αU, percent
//! agreement, Cohen's or Fleiss' κ, strict and overlap F1), each header and cell with a tooltip
//! saying what it measures, the rules below it, and the charts.
//!
//! Small projects are computed within the frame, so the table is there on the frame that asks
//! for it; larger ones on a worker thread over a copy of the compared coders' files, while the
//! panel says "computing…" and keeps showing the figures it had.

use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{RichText, Ui};

use crate::analysis::agreement::{self, Figure, Figures, Grouping, Measure, Report};
use crate::edit::workspace::Workspace;

use super::agreement_charts;

/// Above this many codings (all compared coders together) the figures are computed on a worker
/// thread: the agreement core needs about 3 µs a coding, so this stays well within a frame.
pub const DEFAULT_SYNC_LIMIT: usize = 2_000;

/// What the figures were computed for: project revision, coders, grouping.
type FiguresKey = (u64, Vec<String>, Grouping);

/// The figures panel.
pub struct AgreementView {
    /// Rows per code or per document.
    pub grouping: Grouping,
    /// Show the charts instead of the table.
    pub charts: bool,
    /// Projects with more codings than this are computed off the UI thread.
    pub sync_limit: usize,
    shown: Option<(FiguresKey, Result<Report, String>)>,
    pending: Option<(FiguresKey, Receiver<Result<Report, String>>)>,
}

impl Default for AgreementView {
    fn default() -> Self {
        Self {
            grouping: Grouping::Code,
            charts: false,
            sync_limit: DEFAULT_SYNC_LIMIT,
            shown: None,
            pending: None,
        }
    }
}

impl AgreementView {
    /// True while a worker thread computes figures.
    pub fn is_computing(&self) -> bool {
        self.pending.is_some()
    }

    /// The report shown, if one has been computed.
    pub fn report(&self) -> Option<&Report> {
        self.shown.as_ref().and_then(|(_, r)| r.as_ref().ok())
    }

    /// The grouping the visible part needs: the charts are per code.
    fn wanted_grouping(&self) -> Grouping {
        if self.charts {
            Grouping::Code
        } else {
            self.grouping
        }
    }

    /// Starts or finishes the computation for the current project and coders.
    fn update(&mut self, ctx: &egui::Context, ws: &Workspace, coders: &[String]) {
        if let Some((k, rx)) = &self.pending {
            match rx.try_recv() {
                Ok(result) => {
                    self.shown = Some((k.clone(), result));
                    self.pending = None;
                }
                Err(TryRecvError::Disconnected) => {
                    self.shown = Some((k.clone(), Err("the computation stopped".into())));
                    self.pending = None;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        let key: FiguresKey = (ws.revision(), coders.to_vec(), self.wanted_grouping());
        let current = |k: Option<&FiguresKey>| k == Some(&key);
        if current(self.shown.as_ref().map(|(k, _)| k))
            || current(self.pending.as_ref().map(|(k, _)| k))
        {
            return;
        }
        let size: usize = coders
            .iter()
            .filter_map(|c| ws.project().coder(c))
            .map(|f| f.codings.len())
            .sum();
        if coders.len() < 2 || size <= self.sync_limit {
            let result = agreement::compute(ws.project(), coders, key.2).map_err(|e| e.to_string());
            self.shown = Some((key, result));
            self.pending = None;
            return;
        }
        // Only the compared coders' files travel to the thread (texts are shared, not copied).
        let mut project = ws.project().clone();
        project.coders.retain(|_, f| coders.contains(&f.coder));
        let (tx, rx) = std::sync::mpsc::channel();
        let (names, grouping, ctx) = (coders.to_vec(), key.2, ctx.clone());
        std::thread::spawn(move || {
            let result = agreement::compute(&project, &names, grouping).map_err(|e| e.to_string());
            // The receiver is gone when the coders changed meanwhile: nothing to deliver.
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.pending = Some((key, rx));
    }

    /// Draws the panel for the compared coders.
    pub fn ui(&mut self, ui: &mut Ui, ws: &Workspace, coders: &[String]) {
        self.update(ui.ctx(), ws, coders);
        ui.horizontal(|ui| {
            ui.strong("Agreement");
            ui.selectable_value(&mut self.charts, false, "Table");
            ui.selectable_value(&mut self.charts, true, "Charts");
            if !self.charts {
                ui.separator();
                ui.selectable_value(&mut self.grouping, Grouping::Code, "per code");
                ui.selectable_value(&mut self.grouping, Grouping::Document, "per document");
            }
            if self.is_computing() {
                ui.separator();
                ui.spinner();
                ui.label("computing…");
            }
        });
        let Some((_, result)) = self.shown.as_ref() else {
            return;
        };
        let report = match result {
            Ok(r) => r,
            Err(e) => {
                ui.colored_label(ui.visuals().warn_fg_color, e);
                return;
            }
        };
        egui::ScrollArea::both()
            .id_salt("agreement-figures")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if self.charts && report.grouping == Grouping::Code {
                    agreement_charts::ui(ui, report);
                } else {
                    table(ui, report);
                }
                ui.add_space(6.0);
                ui.label(RichText::new(format!("Overlap rule: {}", report.overlap_rule)).small());
                ui.label(
                    RichText::new(format!("Documents: {}", report.documents_combined)).small(),
                );
            });
    }
}

/// The measures of the table's columns: the κ that applies to this number of coders.
pub fn columns(report: &Report) -> [Measure; 5] {
    [
        Measure::UnitizingAlpha,
        Measure::PercentAgreement,
        report.overall.kappa_measure,
        Measure::StrictF1,
        Measure::OverlapF1,
    ]
}

/// A figure as the table shows it, as in `spanwise agreement`: percent agreement in percent with
/// one decimal, the rest with three decimals, "not defined" as text.
pub fn cell_text(measure: Measure, figures: &Figures) -> String {
    let figure = figures.get(measure).unwrap_or(Figure::NotDefined);
    match measure {
        Measure::PercentAgreement => format!("{:.1}", figure.map(|v| 100.0 * v)),
        _ => format!("{figure:.3}"),
    }
}

fn table(ui: &mut Ui, report: &Report) {
    let first = match report.grouping {
        Grouping::Code => "Code",
        Grouping::Document => "Document",
    };
    let overall = match report.grouping {
        Grouping::Code => "all codes",
        Grouping::Document => "whole corpus",
    };
    let columns = columns(report);
    let per_coder = format!("Codings per coder: {}", report.coders.join(" / "));
    egui::Grid::new("agreement-table")
        .striped(true)
        .spacing(egui::vec2(16.0, 4.0))
        .show(ui, |ui| {
            ui.strong(first);
            ui.strong("codings").on_hover_text(&per_coder);
            for m in columns {
                ui.strong(m.label()).on_hover_text(m.description());
            }
            ui.end_row();
            let rows = report
                .rows
                .iter()
                .map(|r| (RichText::new(&r.label), &r.figures))
                .chain([(RichText::new(overall).strong(), &report.overall)]);
            for (label, figures) in rows {
                ui.label(label);
                ui.label(
                    figures
                        .codings
                        .iter()
                        .map(u64::to_string)
                        .collect::<Vec<_>>()
                        .join(" / "),
                )
                .on_hover_text(&per_coder);
                for m in columns {
                    ui.label(cell_text(m, figures))
                        .on_hover_text(m.description());
                }
                ui.end_row();
            }
        });
}
