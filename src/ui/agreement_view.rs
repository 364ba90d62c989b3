//! The agreement figures of review mode: a table per code or per document (αU, percent
//! agreement, Cohen's or Fleiss' κ, strict and overlap F1, and below it the uα family), each header and cell with a tooltip
//! saying what it measures, cautioned figures coloured with their reason, the documents used and
//! left out (the same rule as `spanwise agreement`: only documents every compared coder marked
//! done, unless "include unfinished" is ticked), the rules below it, and the charts.
//!
//! Small projects are computed within the frame, so the table is there on the frame that asks
//! for it; larger ones on a worker thread over a copy of the compared coders' files, while the
//! panel says "computing…" and keeps showing the figures it had.
//!
//! The bootstrapped intervals of αU and the uα family always come from a worker thread, never
//! from a frame: their cells show "…" until they arrive.

use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{RichText, Ui};

use crate::analysis::agreement::reliability::Resampling;
use crate::analysis::agreement::{
    self, DocumentRule, Figure, Figures, Grouping, Measure, Options, Report, UnitizingIntervals,
};
use crate::edit::workspace::Workspace;

use super::i18n::{tr, tr_args};
use super::{agreement_charts, agreement_family};
use crate::analysis::agreement::caution::{Caution, CautionReason, MIN_UNITS};

/// Above this many codings (all compared coders together) the figures are computed on a worker
/// thread: the agreement core needs about 3 µs a coding, so this stays well within a frame.
pub const DEFAULT_SYNC_LIMIT: usize = 2_000;

/// What the figures were computed for: project revision, coders, options.
type FiguresKey = (u64, Vec<String>, Options);

/// The figures panel.
pub struct AgreementView {
    /// Rows per code or per document.
    pub grouping: Grouping,
    /// Show the charts instead of the table.
    pub charts: bool,
    /// Also use documents not every compared coder has marked done.
    pub include_unfinished: bool,
    /// Projects with more codings than this are computed off the UI thread.
    pub sync_limit: usize,
    /// The bootstrap of the intervals (`None`: no intervals).
    pub bootstrap: Option<Resampling>,
    shown: Option<(FiguresKey, Result<Report, String>)>,
    pending: Option<(FiguresKey, Receiver<Result<Report, String>>)>,
    /// The key whose intervals are on the shown report (or could not be computed).
    intervals_for: Option<FiguresKey>,
    pending_intervals: Option<(FiguresKey, Receiver<Option<UnitizingIntervals>>)>,
}

/// The window's bootstrap: the report's default replicates and seed for the unitizing figures.
pub const WINDOW_BOOTSTRAP: Resampling = crate::exchange::report_html::DEFAULT_UNITIZING_BOOTSTRAP;

impl Default for AgreementView {
    fn default() -> Self {
        Self {
            grouping: Grouping::Code,
            charts: false,
            include_unfinished: false,
            sync_limit: DEFAULT_SYNC_LIMIT,
            bootstrap: Some(WINDOW_BOOTSTRAP),
            shown: None,
            pending: None,
            intervals_for: None,
            pending_intervals: None,
        }
    }
}

impl AgreementView {
    /// True while a worker thread computes figures.
    pub fn is_computing(&self) -> bool {
        self.pending.is_some()
    }

    /// True while a worker thread bootstraps the intervals of the shown figures.
    pub fn intervals_pending(&self) -> bool {
        self.bootstrap.is_some()
            && self
                .shown
                .as_ref()
                .is_some_and(|(k, r)| r.is_ok() && self.intervals_for.as_ref() != Some(k))
    }

    /// The report shown, if one has been computed.
    pub fn report(&self) -> Option<&Report> {
        self.shown.as_ref().and_then(|(_, r)| r.as_ref().ok())
    }

    /// The options the visible part needs: the charts are per code.
    fn wanted_options(&self) -> Options {
        Options {
            grouping: if self.charts {
                Grouping::Code
            } else {
                self.grouping
            },
            documents: if self.include_unfinished {
                DocumentRule::All
            } else {
                DocumentRule::Finished
            },
            ..Options::default()
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
                    self.shown = Some((k.clone(), Err(tr("agreement-stopped"))));
                    self.pending = None;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        let key: FiguresKey = (ws.revision(), coders.to_vec(), self.wanted_options());
        let current = |k: Option<&FiguresKey>| k == Some(&key);
        if current(self.shown.as_ref().map(|(k, _)| k))
            || current(self.pending.as_ref().map(|(k, _)| k))
        {
            self.update_intervals(ctx, ws);
            return;
        }
        let size: usize = coders
            .iter()
            .filter_map(|c| ws.project().coder(c))
            .map(|f| f.codings.len())
            .sum();
        if coders.len() < 2 || size <= self.sync_limit {
            let result =
                agreement::compute_with(ws.project(), coders, &key.2).map_err(|e| e.to_string());
            self.shown = Some((key, result));
            self.pending = None;
            return;
        }
        // Only the compared coders' files travel to the thread (texts are shared, not copied).
        let project = ws.project().with_coders(coders);
        let (tx, rx) = std::sync::mpsc::channel();
        let (names, options, ctx) = (coders.to_vec(), key.2.clone(), ctx.clone());
        std::thread::spawn(move || {
            let result =
                agreement::compute_with(&project, &names, &options).map_err(|e| e.to_string());
            // The receiver is gone when the coders changed meanwhile: nothing to deliver.
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.pending = Some((key, rx));
    }

    /// Receives the intervals of the shown figures, or starts their bootstrap on a worker
    /// thread: a bootstrap never runs within a frame.
    fn update_intervals(&mut self, ctx: &egui::Context, ws: &Workspace) {
        if let Some((k, rx)) = &self.pending_intervals {
            let arrived = match rx.try_recv() {
                Ok(intervals) => Some(intervals),
                Err(TryRecvError::Disconnected) => Some(None),
                Err(TryRecvError::Empty) => None,
            };
            if let Some(intervals) = arrived {
                let k = k.clone();
                if let Some((shown, Ok(report))) = &mut self.shown
                    && *shown == k
                    && let Some(intervals) = &intervals
                {
                    report.attach(intervals);
                }
                self.intervals_for = Some(k);
                self.pending_intervals = None;
            }
        }
        let Some(how) = self.bootstrap else {
            return;
        };
        let Some((key, Ok(_))) = &self.shown else {
            return;
        };
        if self.intervals_for.as_ref() == Some(key)
            || self.pending_intervals.as_ref().map(|(k, _)| k) == Some(key)
        {
            return;
        }
        let coders = key.1.clone();
        let project = ws.project().with_coders(&coders);
        let (tx, rx) = std::sync::mpsc::channel();
        let (options, ctx) = (key.2.clone(), ctx.clone());
        std::thread::spawn(move || {
            let result = agreement::compute_intervals(&project, &coders, &options, how).ok();
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.pending_intervals = Some((key.clone(), rx));
    }

    /// Draws the panel for the compared coders.
    pub fn ui(&mut self, ui: &mut Ui, ws: &Workspace, coders: &[String]) {
        self.update(ui.ctx(), ws, coders);
        ui.horizontal(|ui| {
            ui.strong(tr("agreement-heading"));
            ui.selectable_value(&mut self.charts, false, tr("agreement-table"));
            ui.selectable_value(&mut self.charts, true, tr("agreement-charts"));
            if !self.charts {
                ui.separator();
                ui.selectable_value(&mut self.grouping, Grouping::Code, tr("agreement-per-code"));
                ui.selectable_value(
                    &mut self.grouping,
                    Grouping::Document,
                    tr("agreement-per-document"),
                );
            }
            ui.separator();
            ui.checkbox(
                &mut self.include_unfinished,
                tr("agreement-include-unfinished"),
            )
            .on_hover_text(DocumentRule::All.description());
            if self.is_computing() {
                ui.separator();
                ui.spinner();
                ui.label(tr("agreement-computing"));
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
        documents(ui, report);
        egui::ScrollArea::both()
            .id_salt("agreement-figures")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if self.charts && report.grouping == Grouping::Code {
                    agreement_charts::ui(ui, report);
                } else {
                    let pending = self.intervals_pending();
                    table(ui, report, pending);
                    agreement_family::ui(ui, report, pending);
                }
                ui.add_space(6.0);
                ui.label(
                    RichText::new(tr_args(
                        "agreement-overlap-rule",
                        &[("rule", report.overlap_rule.to_string().into())],
                    ))
                    .small(),
                );
                ui.label(
                    RichText::new(tr_args(
                        "agreement-documents-combined",
                        &[("how", report.documents_combined.to_string().into())],
                    ))
                    .small(),
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

/// An interval as a cell shows it: "[0.712, 0.853]", "…" while it is computed, "–" without.
pub(super) fn interval_text(figures: &Figures, measure: Measure, pending: bool) -> String {
    match figures.interval(measure) {
        Some(i) => format!("[{:.3}, {:.3}]", i.ci_low, i.ci_high),
        None if pending => "…".to_string(),
        None => "–".to_string(),
    }
}

/// The tooltip of an interval: how it was drawn, q(α < .667) and q(α < .800).
pub(super) fn interval_hover(figures: &Figures, measure: Measure) -> String {
    match figures.interval(measure) {
        Some(i) => tr_args(
            "agreement-interval-hint",
            &[
                ("replicates", i.replicates.into()),
                ("seed", i.seed.to_string().into()),
                ("q667", format!("{:.3}", i.q_667).into()),
                ("q800", format!("{:.3}", i.q_800).into()),
            ],
        ),
        None => tr("agreement-interval-none"),
    }
}

fn table(ui: &mut Ui, report: &Report, pending: bool) {
    let first = tr(match report.grouping {
        Grouping::Code => "agreement-code",
        Grouping::Document => "agreement-document",
    });
    let overall = overall_label(report.grouping);
    let columns = columns(report);
    let per_coder = tr_args(
        "agreement-per-coder",
        &[("coders", report.coders.join(" / ").into())],
    );
    egui::Grid::new("agreement-table")
        .striped(true)
        .spacing(egui::vec2(16.0, 4.0))
        .show(ui, |ui| {
            // the codings per coder are in each row label's tooltip: the table keeps to the
            // width of the review panel on a 1024-pixel screen
            ui.strong(first).on_hover_text(&per_coder);
            for m in columns {
                ui.strong(m.label()).on_hover_text(m.description());
            }
            ui.label(RichText::new(tr("agreement-interval")).small().strong())
                .on_hover_text(tr("agreement-interval-about"));
            ui.end_row();
            let rows = report
                .rows
                .iter()
                .map(|r| (RichText::new(&r.label), &r.figures))
                .chain([(RichText::new(overall).strong(), &report.overall)]);
            for (label, figures) in rows {
                let codings = figures
                    .codings
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(" / ");
                ui.label(label).on_hover_text(format!(
                    "{}: {codings}\n{per_coder}",
                    tr("agreement-codings")
                ));
                for m in columns {
                    figure_cell(ui, m, figures);
                }
                let m = Measure::UnitizingAlpha;
                ui.label(RichText::new(interval_text(figures, m, pending)).small())
                    .on_hover_text(interval_hover(figures, m));
                ui.end_row();
            }
        });
}

/// A caution's reason in the window's language (the core's text is English: the CLI's).
pub(super) fn caution_text(c: &Caution) -> String {
    let figure = c
        .measure
        .map_or_else(|| tr("caution-every-figure"), |m| m.label().to_string());
    match c.reason {
        CautionReason::NoUnits => tr_args("caution-no-units", &[("figure", figure.into())]),
        CautionReason::NoVariation => tr_args("caution-no-variation", &[("figure", figure.into())]),
        CautionReason::OneDocument => tr_args("caution-one-document", &[("figure", figure.into())]),
        CautionReason::FewUnits { units } => tr_args(
            "caution-few-units",
            &[
                ("figure", figure.into()),
                ("units", units.to_string().into()),
                ("min", MIN_UNITS.to_string().into()),
            ],
        ),
    }
}

/// A figure's cell: cautioned figures in the warning colour, their reasons in the tooltip.
fn figure_cell(ui: &mut Ui, measure: Measure, figures: &Figures) {
    let reasons: Vec<String> = figures.cautions_on(measure).map(caution_text).collect();
    let mut hover = measure.description().to_string();
    if measure == Measure::UnitizingAlpha {
        let units = tr_args("agreement-units", &[("n", figures.n_units.into())]);
        hover.push_str(&format!(
            "\nD_O = {:.5}, D_E = {:.5}, {units}",
            figures.d_o, figures.d_e
        ));
    }
    let text = RichText::new(cell_text(measure, figures));
    let text = if reasons.is_empty() {
        text
    } else {
        hover.push('\n');
        hover.push_str(&tr_args(
            "agreement-caution",
            &[("reasons", reasons.join("; ").into())],
        ));
        text.color(ui.visuals().warn_fg_color)
    };
    ui.label(text).on_hover_text(hover);
}

/// The documents used and left out, in one line with the lists in its tooltip.
fn documents(ui: &mut Ui, report: &Report) {
    let choice = &report.documents;
    let total = choice.used.len() + choice.left_out.len();
    let line = tr_args(
        "agreement-documents",
        &[
            ("used", choice.used.len().into()),
            ("total", total.into()),
            ("left_out", choice.left_out.len().into()),
        ],
    );
    let used: Vec<&str> = choice.used.iter().map(|d| d.title.as_str()).collect();
    let used = tr_args("agreement-used", &[("list", used.join("; ").into())]);
    let mut hover = format!("{}\n{used}", choice.rule.description());
    for d in &choice.left_out {
        hover.push('\n');
        hover.push_str(&left_out(d, "agreement-left-out-hover"));
    }
    let warn = ui.visuals().warn_fg_color;
    let text = RichText::new(line).small();
    let text = if choice.left_out.is_empty() {
        text
    } else {
        text.color(warn)
    };
    ui.label(text).on_hover_text(hover);
    for d in choice.left_out.iter().take(SHOWN_LEFT_OUT) {
        ui.label(RichText::new(left_out(d, "agreement-left-out")).small());
    }
    if choice.left_out.len() > SHOWN_LEFT_OUT {
        ui.label(
            RichText::new(tr_args(
                "agreement-more-left-out",
                &[("n", (choice.left_out.len() - SHOWN_LEFT_OUT).into())],
            ))
            .small(),
        );
    }
}

/// How many left-out documents are listed under the line; the rest are in its tooltip.
const SHOWN_LEFT_OUT: usize = 8;

/// The overall row's label: "all codes" or "whole corpus", in the window's language.
pub(super) fn overall_label(grouping: Grouping) -> String {
    tr(match grouping {
        Grouping::Code => "agreement-all-codes",
        Grouping::Document => "agreement-whole-corpus",
    })
}

/// "left out: Title (reason)" with the message `key`.
fn left_out(d: &crate::analysis::agreement::LeftOut, key: &str) -> String {
    tr_args(
        key,
        &[
            ("title", (&d.title).into()),
            ("reason", left_out_reason(&d.reason).into()),
        ],
    )
}

/// Why a document was left out, in the window's language (the core's text is English).
pub(super) fn left_out_reason(reason: &crate::analysis::agreement::LeftOutReason) -> String {
    use crate::analysis::agreement::LeftOutReason;
    match reason {
        LeftOutReason::Unfinished(by) => {
            let names: Vec<String> = by
                .iter()
                .map(|u| {
                    format!(
                        "{} ({})",
                        u.coder,
                        super::documents::progress_label(u.progress)
                    )
                })
                .collect();
            tr_args("left-out-unfinished", &[("list", names.join(", ").into())])
        }
        LeftOutReason::NoText => tr("left-out-no-text"),
    }
}

#[cfg(test)]
mod caution_tests {
    use super::*;
    use crate::ui::i18n::{Language, set_language};

    fn all() -> Vec<Caution> {
        let reasons = [
            CautionReason::NoUnits,
            CautionReason::NoVariation,
            CautionReason::OneDocument,
            CautionReason::FewUnits { units: 3 },
        ];
        let measures = [None, Some(Measure::UnitizingAlpha)];
        let mut out = Vec::new();
        for reason in reasons {
            for measure in measures {
                out.push(Caution { measure, reason });
            }
        }
        out
    }

    #[test]
    fn the_window_says_in_english_what_the_cli_says_and_in_german_its_own() {
        set_language(Language::English);
        for c in all() {
            assert_eq!(caution_text(&c), c.message(), "{c:?}");
        }
        set_language(Language::German);
        for c in all() {
            let german = caution_text(&c);
            assert_ne!(german, c.message(), "{c:?} is translated");
            assert!(!german.contains("figure"), "{german}");
        }
        let few = Caution {
            measure: None,
            reason: CautionReason::FewUnits { units: 3 },
        };
        assert!(caution_text(&few).starts_with("jede Kennzahl beruht auf 3 Einheit(en)"));
        set_language(Language::English);
    }
}
