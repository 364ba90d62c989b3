//! The search panel (Ctrl+F): a query over the whole corpus, hits listed with context a page at a
//! time and outlined in the article. Hits start unticked; coding the ticked hits is a deliberate
//! second step that says how many codings it makes, and is one undoable command.
//!
//! The panel owns its state and reads the project; what it changes reaches the shell as
//! [`AppCommand`]s.

use std::path::PathBuf;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

use crate::analysis::search::{CorpusSearch, Hit, SearchCount, SearchOptions};
use crate::edit::command::Command;
use crate::model::codebook::CodeId;
use crate::model::project::Project;
use crate::model::span::Span;

use super::app::SpanwiseApp;
use super::command::AppCommand;
use super::i18n::{Arg, tr, tr_args};
use super::reader::code_colour;
use super::search_job::SearchKey;

/// Chars of context shown around a hit.
pub(super) const CONTEXT: usize = 40;

/// Hits listed at first, and added by each "show more".
pub const PAGE: usize = 200;

/// The state of the search panel.
#[derive(Debug, Default)]
pub struct SearchPanel {
    /// Whether the panel is shown.
    pub open: bool,
    /// The query as typed.
    pub query: String,
    /// How the query is matched.
    pub options: SearchOptions,
    /// The hits listed (the first pages), in corpus order.
    pub hits: Vec<Hit>,
    /// How many hits the query has in the whole corpus, and in how many documents.
    pub count: SearchCount,
    /// Whether each listed hit is ticked for coding (parallel to `hits`; unticked at first).
    pub ticked: Vec<bool>,
    /// The code the ticked hits are coded with.
    pub code: Option<CodeId>,
    /// The hit last opened from the list.
    pub current: Option<usize>,
    /// The coding asked about and waiting for the user's yes.
    pub confirm: Option<PendingCoding>,
    /// Why the last attempt to code made nothing.
    pub note: Option<String>,
    limit: usize,
    index: Option<(PathBuf, usize, Arc<CorpusSearch>)>,
    /// The search asked of a job, over a large corpus.
    pub(super) job: super::search_job::SearchJob,
    searched: Option<(String, SearchOptions, usize)>,
    focus: bool,
}

/// Coding the ticked hits, worked out and shown for a yes before it is done.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingCoding {
    /// The code's name.
    pub name: String,
    /// How many codings it makes.
    pub made: usize,
    /// Ticked hits this coder coded with this code already (left out).
    pub already_coded: usize,
    /// The batch that makes them.
    pub command: Command,
}

impl SearchPanel {
    /// Opens the panel with the query field focused.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// The listed hits in one document (for outlining in the article).
    pub fn marks_in(&self, document: &str) -> Vec<Span> {
        if !self.open {
            return Vec::new();
        }
        self.hits
            .iter()
            .filter(|h| h.document.0 == document)
            .map(|h| h.span)
            .collect()
    }

    /// Ticks every listed hit (or none).
    pub fn tick_all(&mut self, on: bool) {
        self.ticked.iter_mut().for_each(|p| *p = on);
        self.confirm = None;
    }

    /// Runs the query again when it, the options or the page count changed (the corpus is
    /// folded once per set of options and kept). Over a large corpus the search is asked of a
    /// job ([`super::search_job`]) and its hits show when it is back.
    pub fn refresh(&mut self, project: &Project) {
        if self.code.is_none() {
            self.code = project.codebook.codes.first().map(|c| c.id.clone());
        }
        let same_query = self
            .searched
            .as_ref()
            .is_some_and(|(q, o, _)| q == &self.query && *o == self.options);
        if !same_query {
            self.limit = PAGE;
        }
        let limit = self.limit.max(PAGE);
        if same_query && self.searched.as_ref().is_some_and(|(_, _, l)| *l == limit) {
            // back at the query on show: what an older job finds is not wanted
            self.job.searching = None;
            return;
        }
        let key = SearchKey {
            query: self.query.clone(),
            options: self.options,
            limit,
        };
        if self.job.searching.as_ref() == Some(&key) {
            return;
        }
        let docs = project.corpus.documents.len();
        let stale = self.index.as_ref().is_none_or(|(root, n, idx)| {
            root != &project.root || *n != docs || idx.options() != self.options
        });
        let query = self.query.trim().to_string();
        if query.is_empty() {
            self.job.searching = None;
            return self.show_results(key, Vec::new(), SearchCount::default());
        }
        if super::search_job::corpus_bytes(&project.corpus) > super::search_job::BACKGROUND_BYTES {
            let index = self
                .index
                .as_ref()
                .filter(|_| !stale)
                .map(|i| Arc::clone(&i.2));
            self.job.ask(key, project, index);
            return;
        }
        if stale {
            let index = CorpusSearch::new(&project.corpus, self.options);
            self.index = Some((project.root.clone(), docs, Arc::new(index)));
        }
        let idx = &self.index.as_ref().expect("built above").2;
        let (hits, count) = (idx.hits(&query, CONTEXT, limit), idx.count(&query));
        self.job.searching = None;
        self.show_results(key, hits, count);
    }

    /// Lists the hits of a search (the first pages), keeping the ticks of those listed already.
    pub(super) fn show_results(&mut self, key: SearchKey, hits: Vec<Hit>, count: SearchCount) {
        let same_query = self
            .searched
            .as_ref()
            .is_some_and(|(q, o, _)| q == &key.query && *o == key.options);
        (self.hits, self.count) = (hits, count);
        if same_query {
            // more of the same hits: the ticks of those already listed stay
            self.ticked.resize(self.hits.len(), false);
        } else {
            self.ticked = vec![false; self.hits.len()];
            self.current = None;
        }
        self.confirm = None;
        self.searched = Some((key.query, key.options, key.limit));
    }

    /// Keeps a corpus index a search job built, if it still fits the corpus and the options.
    pub(super) fn keep_index(&mut self, root: PathBuf, docs: usize, index: Arc<CorpusSearch>) {
        if index.options() == self.options {
            self.index = Some((root, docs, index));
        }
    }

    /// Works out what coding the ticked hits with `code` would make, and asks for a yes.
    pub fn ask_to_code(&mut self, project: &Project, coder: &str, code: &CodeId) {
        let places = self
            .hits
            .iter()
            .zip(&self.ticked)
            .filter(|(_, t)| **t)
            .map(|(h, _)| (&h.document, h.span));
        self.confirm = None;
        self.note = None;
        match project.code_places(coder, code, places) {
            Ok(bulk) if bulk.made == 0 => {
                let name = project.codebook.name_of(code);
                self.note = Some(tr_args("search-all-coded", &[("code", name.into())]));
            }
            Ok(bulk) => {
                self.confirm = Some(PendingCoding {
                    name: project.codebook.name_of(code).to_string(),
                    made: bulk.made,
                    already_coded: bulk.already_coded,
                    command: bulk.command,
                });
            }
            Err(e) => {
                let reason = e.to_string();
                self.note = Some(tr_args("search-not-coded", &[("reason", reason.into())]));
            }
        }
    }

    /// The panel's contents; what it asks of the shell goes to `out`.
    pub fn ui(&mut self, ui: &mut Ui, project: &Project, coder: &str, out: &mut Vec<AppCommand>) {
        ui.horizontal(|ui| {
            ui.heading(tr("search-heading"));
            if ui
                .small_button("x")
                .on_hover_text(tr("search-close"))
                .clicked()
            {
                self.open = false;
            }
        });
        let label = ui.label(tr("search-for"));
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(tr("search-hint"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut self.focus) {
            resp.request_focus();
        }
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.options.ignore_case, tr("search-ignore-case"));
            ui.checkbox(&mut self.options.fold_umlauts, tr("search-fold"))
                .on_hover_text(tr("search-fold-hint"));
        });
        self.refresh(project);
        if self.job.searching.is_some() {
            ui.label(RichText::new(tr("search-running")).weak());
        } else {
            ui.label(RichText::new(count_label(self.count)).weak());
        }
        if self.hits.is_empty() {
            return;
        }
        self.coding_row(ui, project, coder, out);
        ui.separator();
        self.hit_list(ui, project, out);
    }

    fn coding_row(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        coder: &str,
        out: &mut Vec<AppCommand>,
    ) {
        let ticked = self.ticked.iter().filter(|p| **p).count();
        ui.horizontal_wrapped(|ui| {
            if ui.small_button(tr("search-tick-all")).clicked() {
                self.tick_all(true);
            }
            if ui.small_button(tr("search-untick-all")).clicked() {
                self.tick_all(false);
            }
            ui.label(RichText::new(tr_args("search-ticked", &[("n", ticked.into())])).weak());
        });
        let codes = project.codebook.labels();
        let mut ask = None;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr("search-code-as"));
            let current = self
                .code
                .as_ref()
                .and_then(|id| codes.iter().find(|(c, _)| c == id))
                .map_or_else(|| tr("search-choose"), |(_, n)| n.clone());
            let before = self.code.clone();
            egui::ComboBox::from_id_salt("search-code")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (id, name) in &codes {
                        ui.selectable_value(&mut self.code, Some(id.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
            if self.code != before {
                self.confirm = None;
            }
            let text = tr_args("search-code-ticked", &[("n", ticked.into())]);
            let enabled = ticked > 0 && self.code.is_some() && self.confirm.is_none();
            if ui
                .add_enabled(enabled, egui::Button::new(text))
                .on_hover_text(tr("search-code-ticked-hint"))
                .clicked()
            {
                ask = self.code.clone();
            }
        });
        if let Some(code) = ask {
            self.ask_to_code(project, coder, &code);
        }
        if let Some(note) = &self.note {
            ui.label(RichText::new(note).weak());
        }
        self.confirm_row(ui, out);
    }

    fn confirm_row(&mut self, ui: &mut Ui, out: &mut Vec<AppCommand>) {
        let Some(pending) = self.confirm.clone() else {
            return;
        };
        let made = || Arg::from(pending.made);
        let code = || Arg::from(&pending.name);
        ui.group(|ui| {
            let mut text = tr_args("search-confirm", &[("n", made()), ("code", code())]);
            if pending.already_coded > 0 {
                let left = Arg::from(pending.already_coded);
                text.push(' ');
                text.push_str(&tr_args(
                    "search-left-out",
                    &[("n", left), ("code", code())],
                ));
            }
            ui.label(text);
            ui.horizontal(|ui| {
                if ui
                    .button(tr_args("search-make", &[("n", made())]))
                    .clicked()
                {
                    let said = tr_args("search-coded", &[("n", made()), ("code", code())]);
                    out.push(AppCommand::ExecuteSaying(pending.command.clone(), said));
                    self.confirm = None;
                    self.tick_all(false);
                }
                if ui.button(tr("search-cancel")).clicked() {
                    self.confirm = None;
                }
            });
        });
    }

    fn hit_list(&mut self, ui: &mut Ui, project: &Project, out: &mut Vec<AppCommand>) {
        let colour = ui.visuals().text_color();
        let weak = ui.visuals().weak_text_color();
        let strong = ui.visuals().strong_text_color();
        let hit_bg = if ui.visuals().dark_mode {
            code_colour([240, 228, 66]).gamma_multiply(0.25)
        } else {
            code_colour([240, 228, 66]).gamma_multiply(0.6)
        };
        let mut open = None;
        let more = self.count.hits > self.hits.len();
        let rows = self.hits.len() + usize::from(more);
        let row_h = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 10.0;
        egui::ScrollArea::vertical()
            .id_salt("search-hits")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, rows, |ui, range| {
                for i in range {
                    if i == self.hits.len() {
                        self.more_row(ui);
                        continue;
                    }
                    let hit = &self.hits[i];
                    let title = project
                        .corpus
                        .get(&hit.document)
                        .map_or(hit.document.0.as_str(), |d| d.meta.title.as_str());
                    let job = hit_job(ui, hit, [colour, strong], hit_bg);
                    ui.vertical(|ui| {
                        ui.set_min_height(row_h - 4.0);
                        ui.add(
                            egui::Label::new(RichText::new(title).small().color(weak)).truncate(),
                        )
                        .on_hover_text(title);
                        ui.horizontal(|ui| {
                            if ui
                                .checkbox(&mut self.ticked[i], "")
                                .on_hover_text(tr_args("search-tick-hit", &[("n", (i + 1).into())]))
                                .changed()
                            {
                                self.confirm = None;
                            }
                            let current = self.current == Some(i);
                            let button = egui::Button::selectable(current, job)
                                .wrap_mode(egui::TextWrapMode::Truncate);
                            if ui.add(button).clicked() {
                                open = Some(i);
                            }
                        });
                    });
                }
            });
        if let Some(i) = open {
            self.current = Some(i);
            let hit = &self.hits[i];
            if let Some(doc) = project.corpus.index_of(&hit.document) {
                out.push(AppCommand::ShowSpan(doc, hit.span));
            }
        }
    }

    fn more_row(&mut self, ui: &mut Ui) {
        let left = self.count.hits - self.hits.len();
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr_args("search-not-listed", &[("n", left.into())])).weak());
            if ui
                .button(tr_args("search-show-more", &[("n", left.min(PAGE).into())]))
                .clicked()
            {
                self.limit = self.hits.len() + PAGE;
            }
        });
    }
}

/// One hit as a line: the end of the text before it, the hit marked, the text after it.
fn hit_job(
    ui: &Ui,
    hit: &Hit,
    [colour, strong]: [egui::Color32; 2],
    bg: egui::Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let chars: Vec<char> = hit.before.chars().collect();
    let from = chars.len().saturating_sub(28);
    let tail: String = chars[from..].iter().collect();
    let before = if from > 0 {
        format!("…{tail} ")
    } else {
        format!("{tail} ")
    };
    job.append(&before, 0.0, TextFormat::simple(font.clone(), colour));
    job.append(
        &hit.text,
        0.0,
        TextFormat {
            background: bg,
            ..TextFormat::simple(font.clone(), strong)
        },
    );
    job.append(
        &format!(" {}", hit.after),
        0.0,
        TextFormat::simple(font, colour),
    );
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job
}

/// "40 hits · 5 documents" (or "No hits").
fn count_label(count: SearchCount) -> String {
    if count.hits == 0 {
        return tr("search-no-hits");
    }
    tr_args(
        "search-count",
        &[
            ("hits", count.hits.into()),
            ("documents", count.documents.into()),
        ],
    )
}

impl SpanwiseApp {
    /// The search side panel, when open.
    pub(super) fn search_panel(&mut self, ui: &mut Ui) {
        if !self.search.open {
            return;
        }
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let (search, commands) = (&mut self.search, &mut self.commands);
        egui::Panel::left("search")
            .resizable(true)
            .default_size(320.0)
            .max_size(super::reader::side_panel_max(
                ui.ctx().content_rect().width(),
                3,
            ))
            .show(ui, |ui| search.ui(ui, ws.project(), ws.coder(), commands));
        self.start_search_job();
    }
}
