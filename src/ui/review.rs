//! Review mode: a reviewer compares two or more coders' codings of the same texts, steps through
//! their differences, reads the agreement figures and settles each disagreement into the
//! consensus coder's file. The core does the work ([`crate::analysis::compare`], [`crate::analysis::agreement`]);
//! this module keeps the reviewer's choices and acts on them; [`super::review_panel`] draws them.
//!
//! Compared coders' codings are never changed here: every decision is a command on the consensus
//! coder, run through [`SpanwiseApp::execute`], so it is undoable and saved like any coding. The
//! reviewer's own coding stays editable in the normal view (leave review mode to code).

use std::collections::{BTreeMap, BTreeSet};

use egui::{Color32, Ui};

use crate::analysis::agreement::{DocumentChoice, DocumentRule, documents};
use crate::analysis::compare::{self, Difference, DifferenceFilter, DifferenceKind, Resolution};
use crate::model::codebook::CodeId;
use crate::model::corpus::DocId;
use crate::model::project::Project;
use crate::model::span::Span;

use super::agreement_view::AgreementView;
use super::app::SpanwiseApp;
use super::highlights::HighlightIndex;
use super::i18n::{tr, tr_args};
use super::review_panel::PanelInput;

/// The coder file that adjudication writes (`coding/consensus.ron`).
pub const CONSENSUS: &str = "consensus";

/// A difference as the review remembers it across recomputations: its document and span.
pub type DifferenceKey = (DocId, Span);

/// The reviewer's state in review mode.
#[derive(Default)]
pub struct Review {
    /// True while review mode replaces the coding view.
    pub active: bool,
    /// Every coder file seen, and whether it is compared.
    pub(super) coders: BTreeMap<String, bool>,
    /// List agreements as well as disagreements.
    pub show_agreements: bool,
    /// Only differences involving this code.
    pub code_filter: Option<CodeId>,
    /// Only differences in this document.
    pub document_filter: Option<DocId>,
    pub(super) differences: Vec<Difference>,
    differences_key: Option<ReviewKey>,
    /// The key a job computes the differences for.
    pending: Option<ReviewKey>,
    /// The documents the differences are taken from, and those left out: the agreement
    /// figures' selection (only documents every compared coder marked done, unless the
    /// figures' "include unfinished" is ticked).
    pub documents: DocumentChoice,
    pub(super) compare_error: Option<String>,
    /// The selected difference.
    pub selected: Option<DifferenceKey>,
    /// Differences decided in this session.
    decided: BTreeSet<DifferenceKey>,
    /// The code of an edited version while "Edit…" is open.
    pub(super) edit: Option<CodeId>,
    /// The agreement figures and charts.
    pub figures: AgreementView,
    /// Scroll the list to the selected difference on the next frame.
    pub(super) list_follows: bool,
    /// The compare view's highlights, with the key they were built for.
    pub(super) compare_cache: Option<(CompareKey, HighlightIndex)>,
}

/// What the differences depend on: the project's revision, the compared coders, the rule.
pub(super) type ReviewKey = (u64, Vec<String>, DocumentRule);

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
    /// consensus file records "neither" there or holds a coding of one of its codes within its
    /// text.
    pub fn is_decided(&self, d: &Difference, project: &Project) -> bool {
        self.decided.contains(&key(d))
            || compare::is_rejected(project, d, CONSENSUS)
            || project.coder(CONSENSUS).is_some_and(|f| {
                f.document_codings(&d.document).iter().any(|c| {
                    d.codes.contains(&c.code) && c.start >= d.span.start && c.end <= d.span.end
                })
            })
    }

    /// The document rule of the figures, which the list follows.
    pub fn document_rule(&self) -> DocumentRule {
        if self.figures.include_unfinished {
            DocumentRule::All
        } else {
            DocumentRule::Finished
        }
    }

    /// The key the differences should be computed for, when they are not (and no job is
    /// computing them).
    pub(super) fn stale_key(&mut self, project: &Project, revision: u64) -> Option<ReviewKey> {
        self.sync_coders(project);
        let k = (revision, self.chosen(), self.document_rule());
        let known = |have: &Option<ReviewKey>| have.as_ref() == Some(&k);
        (!known(&self.differences_key) && !known(&self.pending)).then_some(k)
    }

    /// A job computes the differences for `k`.
    pub(super) fn set_pending(&mut self, k: ReviewKey) {
        self.pending = Some(k);
    }

    /// Whether a job computes the differences for `k` and they are still wanted.
    pub(super) fn is_pending(&self, k: &ReviewKey) -> bool {
        self.pending.as_ref() == Some(k)
    }

    /// Takes the differences computed for `k` (here or by a job).
    pub(super) fn take_differences(&mut self, k: ReviewKey, computed: ComputedDifferences) {
        self.differences_key = Some(k);
        self.pending = None;
        (self.documents, self.differences, self.compare_error) = computed;
    }
}

/// The documents compared, their differences, and why they could not be computed.
pub(super) type ComputedDifferences = (DocumentChoice, Vec<Difference>, Option<String>);

/// Computes the differences between the chosen coders (two or more) in the documents the
/// figures use; no UI, so a job can run it.
pub(super) fn compute_differences(
    project: &Project,
    chosen: &[String],
    rule: DocumentRule,
) -> ComputedDifferences {
    let files: Vec<_> = chosen.iter().filter_map(|c| project.coder(c)).collect();
    let choice = documents::choose(project, &files, rule);
    match compare::differences(project, chosen) {
        Ok(mut d) => {
            let used: BTreeSet<&DocId> = choice.used.iter().map(|u| &u.id).collect();
            d.retain(|d| used.contains(&d.document));
            (choice, d, None)
        }
        Err(e) => (choice, Vec::new(), Some(e.to_string())),
    }
}

/// The key of a difference.
pub fn key(d: &Difference) -> DifferenceKey {
    (d.document.clone(), d.span)
}

/// A difference kind's short label in the window's language ("same code and span", …).
pub fn kind_label(kind: DifferenceKind) -> String {
    tr(match kind {
        DifferenceKind::Agreement => "difference-agreement",
        DifferenceKind::SameCodeOverlap => "difference-same-code-overlap",
        DifferenceKind::CodeConflict => "difference-code-conflict",
        DifferenceKind::OnlyOne => "difference-only-one",
    })
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

impl SpanwiseApp {
    /// Enters review mode, or leaves it for the normal coding view.
    pub fn toggle_review(&mut self) {
        self.commit_typing();
        self.review.active = !self.review.active;
        self.selected_coding = None;
        self.reader.clear_selection();
        self.review.edit = None;
        self.message = Some(tr(if self.review.active {
            "review-mode-on"
        } else {
            "review-back"
        }));
    }

    /// Selects the next (`delta` > 0) or previous listed difference, wrapping around.
    pub fn step_difference(&mut self, delta: isize) {
        if !self.review.active {
            self.message = Some(tr("review-not-active"));
            return;
        }
        self.refresh_review();
        let listed: Vec<DifferenceKey> = self.review.listed().into_iter().map(key).collect();
        if listed.is_empty() {
            self.message = Some(tr("review-no-differences"));
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
            .and_then(|ws| ws.project().corpus.index_of(&k.0));
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
            self.message = Some(tr("review-select-first"));
            return;
        };
        if let Some(reason) = consensus_blocked(ws.project()) {
            self.message = Some(tr_args("review-not-decided", &[("reason", reason.into())]));
            return;
        }
        let before = ws.revision();
        match compare::adjudicate(ws.project(), &d, &resolution, CONSENSUS) {
            Ok(command) => self.execute(command),
            Err(e) => {
                self.message = Some(tr_args(
                    "review-not-decided",
                    &[("reason", e.to_string().into())],
                ));
                return;
            }
        }
        if self.workspace.as_ref().map(|w| w.revision()) != Some(before) {
            self.review.decided.insert(key(&d));
            self.review.edit = None;
            self.message = Some(tr_args(
                "review-decided-as",
                &[("what", describe(&resolution).into())],
            ));
            self.next_undecided();
        }
    }

    /// Accepts every listed-or-not agreement that passes the code and document filter.
    pub fn accept_all_agreements(&mut self) {
        self.refresh_review();
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        if let Some(reason) = consensus_blocked(ws.project()) {
            self.message = Some(tr_args("review-not-decided", &[("reason", reason.into())]));
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
            self.message = Some(tr("review-no-agreements"));
            return;
        }
        let before = ws.revision();
        match compare::accept_agreements(ws.project(), &agreements, CONSENSUS) {
            Ok(command) => self.execute(command),
            Err(e) => {
                self.message = Some(tr_args(
                    "review-not-decided",
                    &[("reason", e.to_string().into())],
                ));
                return;
            }
        }
        if self.workspace.as_ref().map(|w| w.revision()) != Some(before) {
            self.review.decided.extend(agreements.iter().map(key));
            self.message = Some(tr_args(
                "review-accepted-agreements",
                &[("n", agreements.len().into())],
            ));
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
            .find(|d| !d.is_agreement() && !self.review.is_decided(d, ws.project()))
            .map(key);
        match next {
            Some(k) => self.select_difference(k),
            None => self.message = Some(tr("review-all-decided")),
        }
    }

    /// Draws review mode: the review panel, the figures below, the compare view in the middle.
    pub(super) fn review_ui(&mut self, ui: &mut Ui) {
        self.refresh_review();
        egui::Panel::left("review")
            .resizable(true)
            .default_size(340.0)
            .max_size(super::reader::side_panel_max(
                ui.ctx().content_rect().width(),
                1,
            ))
            .show(ui, |ui| {
                let selection = self.reader_selection();
                let Some(ws) = self.workspace.as_ref() else {
                    return;
                };
                let input = PanelInput {
                    project: ws.project(),
                    selection,
                };
                let mut out = Vec::new();
                self.review.panel_ui(ui, &input, &mut out);
                self.commands.extend(out);
            });
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
    }
}

impl SpanwiseApp {
    /// The reader's selection and the id of the document it is in.
    fn reader_selection(&self) -> Option<(DocId, Span)> {
        let doc = self.document()?;
        let span = self.reader.selected_span(doc.text.as_ref()?)?;
        Some((doc.meta.id.clone(), span))
    }
}

/// Why adjudication cannot write the consensus file, if it cannot.
fn consensus_blocked(project: &Project) -> Option<String> {
    project.is_unreadable(CONSENSUS).then(|| {
        tr_args(
            "review-consensus-unreadable",
            &[(
                "path",
                project.coder_path(CONSENSUS).display().to_string().into(),
            )],
        )
    })
}

fn describe(resolution: &Resolution) -> String {
    match resolution {
        Resolution::Accept(coder) => tr_args("review-accepted-coder", &[("coder", coder.into())]),
        Resolution::Both => tr("review-kept-both"),
        Resolution::Edited(_) => tr("review-kept-edited"),
        Resolution::Neither => tr("review-kept-neither"),
    }
}
