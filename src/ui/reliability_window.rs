//! Review mode's Reliability window: the coefficients on predefined units for the compared
//! coders, per document variable (α at the level of its scale with its bootstrap interval and
//! q(α < .667), q(α < .800), the κ family) and per code as present or absent per finished
//! document, with every caution; and "Save report…", which writes the HTML reliability report
//! (`spanwise agreement DIR --report FILE` writes the same).
//!
//! The window owns its figures and recomputes them when the project or the compared coders
//! change; it changes nothing in the project and queues its requests as [`AppCommand`]s.

use egui::{RichText, Ui};

use crate::analysis::agreement::reliability::{Coefficient, Reliability};
use crate::analysis::predefined::{self, Predefined};
use crate::edit::workspace::Workspace;
use crate::exchange::report_html::{self, DEFAULT_BOOTSTRAP};

use super::actions::Action;
use super::app::SpanwiseApp;
use super::command::AppCommand;
use super::i18n::{tr, tr_args};
use super::windows::WindowId;

/// What the figures were computed for: project revision and compared coders.
type Key = (u64, Vec<String>);

/// The Reliability window's state.
#[derive(Default)]
pub struct ReliabilityWindow {
    shown: Option<(Key, Result<Predefined, String>)>,
}

impl ReliabilityWindow {
    /// The figures shown, once computed.
    pub fn figures(&self) -> Option<&Predefined> {
        self.shown.as_ref().and_then(|(_, r)| r.as_ref().ok())
    }

    fn update(&mut self, ws: &Workspace, coders: &[String]) {
        let key = (ws.revision(), coders.to_vec());
        if self.shown.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let options = predefined::Options {
            level: None,
            bootstrap: Some(DEFAULT_BOOTSTRAP),
        };
        let result = if coders.len() < 2 {
            Err(tr("reliability-choose-two"))
        } else {
            predefined::compute(ws.project(), coders, options).map_err(|e| e.to_string())
        };
        self.shown = Some((key, result));
    }

    /// Draws the window's contents; returns what the shell should do.
    pub fn ui(&mut self, ui: &mut Ui, ws: &Workspace, coders: &[String]) -> Vec<AppCommand> {
        self.update(ws, coders);
        let mut out = Vec::new();
        ui.horizontal(|ui| {
            let save = ui
                .button(tr("reliability-save"))
                .on_hover_text(tr("reliability-save-hint"));
            if save.clicked() {
                out.push(AppCommand::Perform(Action::SaveReport));
            }
            ui.label(tr_args(
                "reliability-bootstrap",
                &[
                    ("replicates", DEFAULT_BOOTSTRAP.replicates.into()),
                    ("seed", DEFAULT_BOOTSTRAP.seed.to_string().into()),
                ],
            ));
        });
        ui.separator();
        let Some((_, result)) = &self.shown else {
            return out;
        };
        let figures = match result {
            Ok(f) => f,
            Err(e) => {
                ui.colored_label(ui.visuals().warn_fg_color, e);
                return out;
            }
        };
        egui::ScrollArea::vertical().show(ui, |ui| contents(ui, figures));
        out
    }
}

fn contents(ui: &mut Ui, figures: &Predefined) {
    ui.label(tr_args(
        "reliability-coders",
        &[("coders", figures.coders.join(", ").into())],
    ));
    ui.heading(tr("reliability-variables"));
    if figures.variables.is_empty() {
        ui.label(tr("reliability-no-variables"));
    }
    for v in &figures.variables {
        let title = tr_args(
            "reliability-variable-title",
            &[
                ("label", (&v.label).into()),
                ("variable", v.variable.to_string().into()),
                ("level", v.report.level.to_string().into()),
            ],
        );
        block(ui, &title, &v.report);
    }
    ui.add_space(8.0);
    ui.heading(tr("reliability-codes"));
    ui.label(tr_args(
        "reliability-codes-unit",
        &[("n", figures.presence_documents.len().into())],
    ));
    for c in &figures.codes {
        block(ui, &c.name, &c.report);
    }
}

/// One variable's or code's coefficients as a grid, then its cautions.
fn block(ui: &mut Ui, title: &str, report: &Reliability) {
    ui.add_space(4.0);
    ui.label(RichText::new(title).strong());
    egui::Grid::new(("reliability", title))
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for head in [
                tr("reliability-coefficient"),
                tr("reliability-value"),
                tr("reliability-ci"),
                "q(α<.667)".to_string(),
                "q(α<.800)".to_string(),
                tr("reliability-units"),
            ] {
                ui.label(RichText::new(head).small());
            }
            ui.end_row();
            for c in &report.coefficients {
                row(ui, c);
            }
        });
    for (reason, names) in cautions(report) {
        let text = format!("{}: {reason}", names.join(", "));
        ui.colored_label(ui.visuals().warn_fg_color, text);
    }
}

/// Each caution of a report once, with the coefficients it concerns.
fn cautions(report: &Reliability) -> Vec<(String, Vec<&str>)> {
    let mut out: Vec<(String, Vec<&str>)> = Vec::new();
    for c in &report.coefficients {
        for caution in &c.cautions {
            let reason = caution.to_string();
            match out.iter_mut().find(|(r, _)| *r == reason) {
                Some((_, names)) => names.push(&c.name),
                None => out.push((reason, vec![&c.name])),
            }
        }
    }
    out
}

/// The value cell's text, as the window shows it and tests read it.
pub fn value_text(c: &Coefficient) -> String {
    format!("{:.3}", c.value)
}

fn row(ui: &mut Ui, c: &Coefficient) {
    ui.label(&c.name).on_hover_text(c.reference);
    let value = RichText::new(value_text(c));
    if c.cautions.is_empty() {
        ui.label(value);
    } else {
        ui.label(value.color(ui.visuals().warn_fg_color));
    }
    match &c.interval {
        Some(i) => {
            ui.label(format!("[{:.3}, {:.3}]", i.ci_low, i.ci_high));
            ui.label(format!("{:.3}", i.q_667));
            ui.label(format!("{:.3}", i.q_800));
        }
        None => {
            for _ in 0..3 {
                ui.label("");
            }
        }
    }
    ui.label(c.n_units.to_string());
    ui.end_row();
}

impl SpanwiseApp {
    /// The Reliability window, when open.
    pub(super) fn reliability_window(&mut self, ui: &mut Ui) {
        let Some(mut window) = self.reliability.take() else {
            return;
        };
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let coders = self.review.chosen();
        let mut open = true;
        let mut commands = Vec::new();
        egui::Window::new(WindowId::Reliability.title())
            .open(&mut open)
            .default_size(egui::vec2(720.0, 520.0))
            .default_pos(ui.ctx().content_rect().left_top() + egui::vec2(120.0, 60.0))
            .show(ui.ctx(), |ui| commands = window.ui(ui, ws, &coders));
        if open {
            self.reliability = Some(window);
        }
        for command in commands {
            self.queue(command);
        }
    }

    /// Asks where to write the reliability report.
    pub(super) fn ask_report_path(&mut self) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let suggested =
            super::dialogs::suggested_file_name(&ws.project().name, "reliability", "html");
        self.dialogs.report_html(suggested);
    }

    /// Writes the reliability report of the compared coders to `path`.
    pub fn save_report(&mut self, path: &std::path::Path) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let coders = self.review.chosen();
        self.message = Some(
            match report_html::save(ws.project(), &coders, DEFAULT_BOOTSTRAP, path) {
                Ok(()) => tr_args(
                    "reliability-written",
                    &[("path", path.display().to_string().into())],
                ),
                Err(e) => tr_args(
                    "reliability-not-written",
                    &[("error", e.to_string().into())],
                ),
            },
        );
    }
}
