//! Review mode: a reviewer compares two or more coders' codings of the same texts, steps through
//! their differences, reads the agreement figures and settles each disagreement into the
//! consensus coder's file. The core does the work ([`crate::compare`], [`crate::agreement`]);
//! this module keeps the reviewer's choices and draws the panel beside the compare view.
//!
//! Compared coders' codings are never changed here: every decision is a command on the consensus
//! coder, run through [`SpanwiseApp::execute`], so it is undoable and saved like any coding. The
//! reviewer's own coding stays editable in the normal view (leave review mode to code).

use std::collections::{BTreeMap, BTreeSet};

use egui::{Color32, RichText, Ui};

use crate::codebook::CodeId;
use crate::compare::{self, Difference, DifferenceFilter, DifferenceKind, Resolution};
use crate::corpus::DocId;
use crate::project::Project;
use crate::span::Span;

use super::agreement_view::AgreementView;
use super::app::SpanwiseApp;
use super::highlights::HighlightIndex;

/// The coder file that adjudication writes (`coding/consensus.ron`).
pub const CONSENSUS: &str = "consensus";

/// Height of a row in the differences list.
const ROW_HEIGHT: f32 = 18.0;

/// A difference as the review remembers it across recomputations: its document and span.
pub type DifferenceKey = (DocId, Span);

/// The reviewer's state in review mode.
#[derive(Default)]
pub struct Review {
    /// True while review mode replaces the coding view.
    pub active: bool,
    /// Every coder file seen, and whether it is compared.
    coders: BTreeMap<String, bool>,
    /// List agreements as well as disagreements.
    pub show_agreements: bool,
    /// Only differences involving this code.
    pub code_filter: Option<CodeId>,
    /// Only differences in this document.
    pub document_filter: Option<DocId>,
    differences: Vec<Difference>,
    differences_key: Option<(u64, Vec<String>)>,
    compare_error: Option<String>,
    /// The selected difference.
    pub selected: Option<DifferenceKey>,
    /// Differences decided in this session.
    decided: BTreeSet<DifferenceKey>,
    /// The code of an edited version while "Edit…" is open.
    pub(super) edit: Option<CodeId>,
    /// The agreement figures and charts.
    pub figures: AgreementView,
    /// Scroll the list to the selected difference on the next frame.
    list_follows: bool,
    /// The compare view's highlights, with the key they were built for.
    pub(super) compare_cache: Option<(CompareKey, HighlightIndex)>,
}

/// What the compare view's highlights depend on.
pub(super) type CompareKey = (u64, usize, Vec<String>, Option<DifferenceKey>);

impl Review {
    /// Picks up coder files that appeared: compared unless it is the consensus file.
    fn sync_coders(&mut self, project: &Project) {
        for name in project.coder_names() {
            self.coders.entry(name.clone()).or_insert(name != CONSENSUS);
        }
        let present: BTreeSet<String> = project.coder_names().into_iter().collect();
        self.coders.retain(|name, _| present.contains(name));
    }

    /// Compares a coder or stops comparing them.
    pub fn choose(&mut self, coder: &str, compared: bool) {
        self.coders.insert(coder.to_string(), compared);
    }

    /// The compared coders, sorted by name.
    pub fn chosen(&self) -> Vec<String> {
        self.coders
            .iter()
            .filter(|(_, on)| **on)
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// All differences between the compared coders (empty with fewer than two).
    pub fn differences(&self) -> &[Difference] {
        &self.differences
    }

    /// The list filter from the reviewer's choices.
    pub fn filter(&self) -> DifferenceFilter {
        DifferenceFilter {
            code: self.code_filter.clone(),
            document: self.document_filter.clone(),
            disagreements_only: !self.show_agreements,
        }
    }

    /// The differences the list shows.
    pub fn listed(&self) -> Vec<&Difference> {
        let filter = self.filter();
        self.differences
            .iter()
            .filter(|d| filter.matches(d))
            .collect()
    }

    /// The selected difference, if it still exists.
    pub fn selected_difference(&self) -> Option<&Difference> {
        let (doc, span) = self.selected.as_ref()?;
        self.differences
            .iter()
            .find(|d| &d.document == doc && d.span == *span)
    }

    /// True when the difference has been decided: in this session, or earlier, when the
    /// consensus holds a coding of one of its codes within its text (a "neither" from an
    /// earlier session leaves no trace and counts as undecided).
    pub fn is_decided(&self, d: &Difference, project: &Project) -> bool {
        self.decided.contains(&key(d))
            || project.coder(CONSENSUS).is_some_and(|f| {
                f.in_document(&d.document).any(|c| {
                    d.codes.contains(&c.code) && c.start >= d.span.start && c.end <= d.span.end
                })
            })
    }

    /// Recomputes the differences when the project or the compared coders changed.
    fn refresh(&mut self, project: &Project, revision: u64) {
        self.sync_coders(project);
        let chosen = self.chosen();
        let k = (revision, chosen.clone());
        if self.differences_key.as_ref() == Some(&k) {
            return;
        }
        self.differences_key = Some(k);
        if chosen.len() < 2 {
            self.differences.clear();
            self.compare_error = Some("Choose two or more coders to compare.".into());
            return;
        }
        match compare::differences(project, &chosen) {
            Ok(d) => {
                self.differences = d;
                self.compare_error = None;
            }
            Err(e) => {
                self.differences.clear();
                self.compare_error = Some(e.to_string());
            }
        }
    }
}

/// The key of a difference.
pub fn key(d: &Difference) -> DifferenceKey {
    (d.document.clone(), d.span)
}

/// The colour that marks a kind of difference in the compare view and the list.
pub fn kind_colour(kind: DifferenceKind) -> Color32 {
    match kind {
        DifferenceKind::Agreement => Color32::from_rgb(150, 150, 150),
        DifferenceKind::SameCodeOverlap => Color32::from_rgb(230, 159, 0),
        DifferenceKind::CodeConflict => Color32::from_rgb(220, 38, 127),
        DifferenceKind::OnlyOne => Color32::from_rgb(86, 180, 233),
    }
}

/// The colour of a compared coder's underlines (by position among the compared coders).
pub fn coder_colour(index: usize) -> Color32 {
    const PALETTE: [Color32; 6] = [
        Color32::from_rgb(160, 140, 230),
        Color32::from_rgb(200, 150, 60),
        Color32::from_rgb(120, 190, 60),
        Color32::from_rgb(230, 120, 200),
        Color32::from_rgb(170, 170, 170),
        Color32::from_rgb(60, 190, 190),
    ];
    PALETTE[index % PALETTE.len()]
}

impl SpanwiseApp {
    /// Enters review mode, or leaves it for the normal coding view.
    pub fn toggle_review(&mut self) {
        self.review.active = !self.review.active;
        self.selected_coding = None;
        self.reader.clear_selection();
        self.review.edit = None;
        self.message = Some(
            if self.review.active {
                "Review mode: compare coders, decide into coding/consensus.ron"
            } else {
                "Back to coding"
            }
            .into(),
        );
    }

    /// Brings the list of differences up to date with the project.
    pub fn refresh_review(&mut self) {
        if let Some(ws) = self.workspace.as_ref() {
            self.review.refresh(&ws.project, ws.revision());
        }
    }

    /// Selects the next (`delta` > 0) or previous listed difference, wrapping around.
    pub fn step_difference(&mut self, delta: isize) {
        if !self.review.active {
            self.message =
                Some("Differences are listed in review mode (View → Review coders…)".into());
            return;
        }
        self.refresh_review();
        let listed: Vec<DifferenceKey> = self.review.listed().into_iter().map(key).collect();
        if listed.is_empty() {
            self.message = Some("No differences to show".into());
            return;
        }
        let pos = self
            .review
            .selected
            .as_ref()
            .and_then(|s| listed.iter().position(|k| k == s));
        let next = match pos {
            Some(p) => (p as isize + delta).rem_euclid(listed.len() as isize) as usize,
            None if delta > 0 => 0,
            None => listed.len() - 1,
        };
        self.select_difference(listed[next].clone());
    }

    /// Selects a difference: opens its document and scrolls the reader to it.
    pub fn select_difference(&mut self, k: DifferenceKey) {
        let index = self
            .workspace
            .as_ref()
            .and_then(|ws| ws.project.corpus.index_of(&k.0));
        if let Some(i) = index {
            self.open_document(i);
        }
        self.reader.scroll_to(k.1.start);
        if self.review.selected.as_ref() != Some(&k) {
            self.review.edit = None;
        }
        self.review.selected = Some(k);
        self.review.list_follows = true;
    }

    /// Records a decision on the selected difference in the consensus file, then moves on to
    /// the next undecided disagreement.
    pub fn decide(&mut self, resolution: Resolution) {
        self.refresh_review();
        let (Some(ws), Some(d)) = (
            self.workspace.as_ref(),
            self.review.selected_difference().cloned(),
        ) else {
            self.message = Some("Select a difference first".into());
            return;
        };
        if let Some(reason) = consensus_blocked(&ws.project) {
            self.message = Some(format!("Not decided: {reason}"));
            return;
        }
        let before = ws.revision();
        match compare::adjudicate(&ws.project, &d, &resolution, CONSENSUS) {
            Ok(command) => self.execute(command),
            Err(e) => {
                self.message = Some(format!("Not decided: {e}"));
                return;
            }
        }
        if self.workspace.as_ref().map(|w| w.revision()) != Some(before) {
            self.review.decided.insert(key(&d));
            self.review.edit = None;
            self.message = Some(format!("Decided: {}", describe(&resolution)));
            self.next_undecided();
        }
    }

    /// Accepts every listed-or-not agreement that passes the code and document filter.
    pub fn accept_all_agreements(&mut self) {
        self.refresh_review();
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        if let Some(reason) = consensus_blocked(&ws.project) {
            self.message = Some(format!("Not decided: {reason}"));
            return;
        }
        let filter = DifferenceFilter {
            disagreements_only: false,
            ..self.review.filter()
        };
        let agreements: Vec<Difference> = compare::filtered(&self.review.differences, &filter)
            .filter(|d| d.is_agreement())
            .cloned()
            .collect();
        if agreements.is_empty() {
            self.message = Some("No agreements to accept".into());
            return;
        }
        let before = ws.revision();
        match compare::accept_agreements(&ws.project, &agreements, CONSENSUS) {
            Ok(command) => self.execute(command),
            Err(e) => {
                self.message = Some(format!("Not decided: {e}"));
                return;
            }
        }
        if self.workspace.as_ref().map(|w| w.revision()) != Some(before) {
            self.review.decided.extend(agreements.iter().map(key));
            self.message = Some(format!("Accepted {} agreements", agreements.len()));
        }
    }

    /// Selects the first undecided disagreement after the selected one (wrapping around).
    fn next_undecided(&mut self) {
        self.refresh_review();
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let listed = self.review.listed();
        let start = self
            .review
            .selected
            .as_ref()
            .and_then(|s| listed.iter().position(|d| &key(d) == s))
            .map_or(0, |p| p + 1);
        let n = listed.len();
        let next = (0..n)
            .map(|i| listed[(start + i) % n])
            .find(|d| !d.is_agreement() && !self.review.is_decided(d, &ws.project))
            .map(key);
        match next {
            Some(k) => self.select_difference(k),
            None => self.message = Some("Every listed disagreement is decided".into()),
        }
    }

    /// Draws review mode: the review panel, the figures below, the compare view in the middle.
    pub(super) fn review_ui(&mut self, ui: &mut Ui) {
        self.refresh_review();
        egui::Panel::left("review")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| self.review_panel(ui));
        egui::Panel::bottom("agreement")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| {
                if let Some(ws) = self.workspace.as_ref() {
                    let chosen = self.review.chosen();
                    self.review.figures.ui(ui, ws, &chosen);
                }
            });
        egui::CentralPanel::default().show(ui, |ui| self.compare_view(ui));
        self.coder_prompt(ui);
        self.problems_window(ui);
        self.export_window(ui);
        self.codebook_window(ui);
        self.decode_question(ui);
    }

    fn review_panel(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.heading("Review");
            if ui
                .button("Back to coding")
                .on_hover_text("Leave review mode")
                .clicked()
            {
                self.toggle_review();
            }
        });
        self.coder_choice(ui);
        ui.separator();
        self.difference_filter(ui);
        ui.separator();
        self.decision_buttons(ui);
        ui.separator();
        self.difference_list(ui);
    }

    fn coder_choice(&mut self, ui: &mut Ui) {
        ui.label("Compare coders:");
        let names: Vec<(String, bool)> = self
            .review
            .coders
            .iter()
            .map(|(n, on)| (n.clone(), *on))
            .collect();
        if names.is_empty() {
            ui.label(RichText::new("This project has no coder files yet.").weak());
        }
        ui.horizontal_wrapped(|ui| {
            for (name, mut on) in names {
                let text = if name == CONSENSUS {
                    format!("{name} (adjudicated)")
                } else {
                    name.clone()
                };
                let colour_index = self.review.chosen().iter().position(|c| c == &name);
                let label = match colour_index {
                    Some(k) => RichText::new(text).color(coder_colour(k)),
                    None => RichText::new(text),
                };
                if ui
                    .checkbox(&mut on, label)
                    .on_hover_text("Compare this coder's codings")
                    .changed()
                {
                    self.review.choose(&name, on);
                }
            }
        });
        if let Some(e) = &self.review.compare_error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
    }

    fn difference_filter(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let codes: Vec<(CodeId, String)> = ws
            .project
            .codebook
            .codes
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect();
        let docs: Vec<(DocId, String)> = ws
            .project
            .corpus
            .documents
            .iter()
            .map(|d| (d.meta.id.clone(), d.meta.title.clone()))
            .collect();
        let code_text = self
            .review
            .code_filter
            .as_ref()
            .and_then(|c| codes.iter().find(|(id, _)| id == c))
            .map_or("all codes".to_string(), |(_, n)| n.clone());
        egui::ComboBox::from_label("Code")
            .selected_text(code_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.review.code_filter, None, "all codes");
                for (id, name) in codes {
                    ui.selectable_value(&mut self.review.code_filter, Some(id), name);
                }
            });
        let doc_text = self
            .review
            .document_filter
            .as_ref()
            .and_then(|d| docs.iter().find(|(id, _)| id == d))
            .map_or("all documents".to_string(), |(_, t)| short(t, 36));
        egui::ComboBox::from_label("Document")
            .selected_text(doc_text)
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.review.document_filter, None, "all documents");
                for (id, title) in docs {
                    ui.selectable_value(&mut self.review.document_filter, Some(id), title);
                }
            });
        ui.checkbox(&mut self.review.show_agreements, "show agreements too")
            .on_hover_text("List differences where every coder has the same code and span");
    }

    fn decision_buttons(&mut self, ui: &mut Ui) {
        let agreements = self
            .review
            .differences
            .iter()
            .filter(|d| d.is_agreement())
            .count();
        if ui
            .add_enabled(
                agreements > 0,
                egui::Button::new(format!("Accept all agreements ({agreements})")),
            )
            .on_hover_text(
                "Copy every agreement (same code and span for all compared coders) into coding/consensus.ron; the code and document filters apply",
            )
            .clicked()
        {
            self.accept_all_agreements();
        }
        let Some(d) = self.review.selected_difference().cloned() else {
            ui.label(RichText::new("Select a difference (F8 / Shift+F8) to decide it.").weak());
            return;
        };
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let project = &ws.project;
        ui.colored_label(kind_colour(d.kind), d.kind.label());
        if self.review.is_decided(&d, project) {
            ui.label(RichText::new("decided (deciding again replaces it)").weak());
        }
        for (coder, ids) in &d.codings {
            let file = project.coder(coder);
            if ids.is_empty() {
                ui.label(format!("{coder}: no coding here"));
            }
            for id in ids {
                if let Some(c) = file.and_then(|f| f.get(*id)) {
                    ui.label(format!(
                        "{coder}: {} \u{201e}{}\u{201c}",
                        project.codebook.name_of(&c.code),
                        short(&c.quote, 80)
                    ));
                }
            }
        }
        let coders: Vec<String> = d.codings.iter().map(|(c, _)| c.clone()).collect();
        let mut decision = None;
        ui.horizontal_wrapped(|ui| {
            for coder in &coders {
                if ui
                    .button(format!("Accept {coder}"))
                    .on_hover_text(format!("Keep {coder}'s version in the consensus"))
                    .clicked()
                {
                    decision = Some(Resolution::Accept(coder.clone()));
                }
            }
            if ui
                .button("Both")
                .on_hover_text("Keep every coder's codings here")
                .clicked()
            {
                decision = Some(Resolution::Both);
            }
            if ui
                .button("Neither")
                .on_hover_text("Keep none of these codings")
                .clicked()
            {
                decision = Some(Resolution::Neither);
            }
            if ui
                .button("Edit…")
                .on_hover_text("Choose the code and select the text yourself")
                .clicked()
            {
                self.review.edit = Some(
                    d.codes
                        .first()
                        .cloned()
                        .unwrap_or_else(|| CodeId(String::new())),
                );
            }
        });
        if let Some(resolution) = self.edit_form(ui, &d) {
            decision = Some(resolution);
        }
        if let Some(resolution) = decision {
            self.decide(resolution);
        }
    }

    /// The "Edit…" form: a code and the reader's selection (or the difference's span).
    fn edit_form(&mut self, ui: &mut Ui, d: &Difference) -> Option<Resolution> {
        let code = self.review.edit.clone()?;
        let ws = self.workspace.as_ref()?;
        let codes: Vec<(CodeId, String)> = ws
            .project
            .codebook
            .codes
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect();
        let span = self
            .document_text()
            .and_then(|t| self.reader.selected_span(&t))
            .filter(|_| self.document().is_some_and(|doc| doc.meta.id == d.document))
            .unwrap_or(d.span);
        let mut chosen = code;
        let mut out = None;
        ui.group(|ui| {
            egui::ComboBox::from_label("Edited code")
                .selected_text(ws.project.codebook.name_of(&chosen))
                .show_ui(ui, |ui| {
                    for (id, name) in &codes {
                        ui.selectable_value(&mut chosen, id.clone(), name);
                    }
                });
            ui.label(format!(
                "Text {}–{} ({} chars): select other text in the article to change it.",
                span.start,
                span.end,
                span.len()
            ));
            if ui
                .add_enabled(
                    ws.project.codebook.get(&chosen).is_some(),
                    egui::Button::new("Accept edited version"),
                )
                .on_hover_text("Write this code on this text into the consensus")
                .clicked()
            {
                out = Some(Resolution::Edited(vec![(chosen.clone(), span)]));
            }
        });
        self.review.edit = Some(chosen);
        out
    }

    fn difference_list(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let project = &ws.project;
        let listed = self.review.listed();
        let undecided = listed
            .iter()
            .filter(|d| !d.is_agreement() && !self.review.is_decided(d, project))
            .count();
        ui.label(format!(
            "{} listed, {undecided} undecided disagreements",
            listed.len()
        ));
        let rows: Vec<(DifferenceKey, DifferenceKind, String, bool)> = listed
            .iter()
            .map(|d| {
                (
                    key(d),
                    d.kind,
                    row_text(d, project),
                    self.review.is_decided(d, project),
                )
            })
            .collect();
        let mut clicked = None;
        let selected = self.review.selected.clone();
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("differences")
            .auto_shrink([false, false]);
        if std::mem::take(&mut self.review.list_follows)
            && let Some(i) = rows.iter().position(|r| Some(&r.0) == selected.as_ref())
        {
            let row = ROW_HEIGHT + ui.spacing().item_spacing.y;
            scroll = scroll.vertical_scroll_offset((i as f32 * row - 3.0 * row).max(0.0));
        }
        scroll.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            for (k, kind, text, decided) in &rows[range] {
                ui.horizontal(|ui| {
                    let (r, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().rect_filled(r, 2.0, kind_colour(*kind));
                    let text = if *decided {
                        RichText::new(format!("{text} (decided)")).weak()
                    } else {
                        RichText::new(text)
                    };
                    let is_selected = selected.as_ref() == Some(k);
                    if ui.selectable_label(is_selected, text).clicked() {
                        clicked = Some(k.clone());
                    }
                });
            }
        });
        if let Some(k) = clicked {
            self.select_difference(k);
        }
    }
}

/// Why adjudication cannot write the consensus file, if it cannot.
fn consensus_blocked(project: &Project) -> Option<String> {
    project.is_unreadable(CONSENSUS).then(|| {
        format!(
            "{} could not be read: fix it before adjudicating",
            project.coder_path(CONSENSUS).display()
        )
    })
}

/// One line of the differences list: where, which codes, which coders.
fn row_text(d: &Difference, project: &Project) -> String {
    let doc = project
        .corpus
        .index_of(&d.document)
        .map_or("?".to_string(), |i| format!("{}", i + 1));
    let codes: Vec<String> = d
        .codes
        .iter()
        .map(|c| project.codebook.name_of(c))
        .collect();
    let who: Vec<&str> = d
        .codings
        .iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(c, _)| c.as_str())
        .collect();
    let kind = match d.kind {
        DifferenceKind::Agreement => "agree",
        DifferenceKind::SameCodeOverlap => "overlap",
        DifferenceKind::CodeConflict => "conflict",
        DifferenceKind::OnlyOne => "only",
    };
    format!(
        "doc {doc} @{}: {kind} {} ({})",
        d.span.start,
        codes.join("/"),
        who.join(", ")
    )
}

/// `text` cut to `max` chars with an ellipsis.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

fn describe(resolution: &Resolution) -> String {
    match resolution {
        Resolution::Accept(coder) => format!("accepted {coder}'s version"),
        Resolution::Both => "kept both".into(),
        Resolution::Edited(_) => "kept an edited version".into(),
        Resolution::Neither => "kept neither".into(),
    }
}
