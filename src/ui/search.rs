//! The search panel (Ctrl+F): a query over the whole corpus, hits listed with context a page at a
//! time and outlined in the article. Hits start unticked; coding the ticked hits is a deliberate
//! second step that says how many codings it makes, and is one undoable command.
//!
//! The panel owns its state and reads the project; what it changes reaches the shell as
//! [`AppCommand`]s.

use std::path::PathBuf;

use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

use crate::analysis::search::{CorpusSearch, Hit, SearchCount, SearchOptions};
use crate::edit::command::Command;
use crate::model::codebook::CodeId;
use crate::model::project::Project;
use crate::model::span::Span;

use super::app::SpanwiseApp;
use super::command::AppCommand;
use super::reader::code_colour;

/// Chars of context shown around a hit.
const CONTEXT: usize = 40;

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
    index: Option<(PathBuf, usize, CorpusSearch)>,
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
    /// folded once per set of options and kept).
    pub fn refresh(&mut self, project: &Project) {
        let same_query = self
            .searched
            .as_ref()
            .is_some_and(|(q, o, _)| q == &self.query && *o == self.options);
        if !same_query {
            self.limit = PAGE;
        }
        let limit = self.limit.max(PAGE);
        if same_query && self.searched.as_ref().is_some_and(|(_, _, l)| *l == limit) {
            return;
        }
        let docs = project.corpus.documents.len();
        let stale = self.index.as_ref().is_none_or(|(root, n, idx)| {
            root != &project.root || *n != docs || idx.options() != self.options
        });
        if stale {
            let index = CorpusSearch::new(&project.corpus, self.options);
            self.index = Some((project.root.clone(), docs, index));
        }
        let query = self.query.trim();
        (self.hits, self.count) = match (&self.index, query.is_empty()) {
            (Some((_, _, idx)), false) => (idx.hits(query, CONTEXT, limit), idx.count(query)),
            _ => (Vec::new(), SearchCount::default()),
        };
        if same_query {
            // more of the same hits: the ticks of those already listed stay
            self.ticked.resize(self.hits.len(), false);
        } else {
            self.ticked = vec![false; self.hits.len()];
            self.current = None;
        }
        self.confirm = None;
        self.searched = Some((self.query.clone(), self.options, limit));
        if self.code.is_none() {
            self.code = project.codebook.codes.first().map(|c| c.id.clone());
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
                self.note = Some(format!(
                    "Every ticked hit is coded as {} already.",
                    project.codebook.name_of(code)
                ));
            }
            Ok(bulk) => {
                self.confirm = Some(PendingCoding {
                    name: project.codebook.name_of(code).to_string(),
                    made: bulk.made,
                    already_coded: bulk.already_coded,
                    command: bulk.command,
                });
            }
            Err(e) => self.note = Some(format!("Not coded: {e}")),
        }
    }

    /// The panel's contents; what it asks of the shell goes to `out`.
    pub fn ui(&mut self, ui: &mut Ui, project: &Project, coder: &str, out: &mut Vec<AppCommand>) {
        ui.horizontal(|ui| {
            ui.heading("Search");
            if ui.small_button("x").on_hover_text("Close search").clicked() {
                self.open = false;
            }
        });
        let label = ui.label("Search the corpus for:");
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("word or phrase")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut self.focus) {
            resp.request_focus();
        }
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.options.ignore_case, "ignore case");
            ui.checkbox(&mut self.options.fold_umlauts, "ue = ü, ss = ß")
                .on_hover_text("Ueberwachung finds Überwachung, Strasse finds Straße");
        });
        self.refresh(project);
        ui.label(RichText::new(count_label(self.count)).weak());
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
            if ui.small_button("Tick all listed").clicked() {
                self.tick_all(true);
            }
            if ui.small_button("Untick all").clicked() {
                self.tick_all(false);
            }
            ui.label(RichText::new(format!("{ticked} ticked")).weak());
        });
        let codes = project.codebook.labels();
        let mut ask = None;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Code as");
            let current = self
                .code
                .as_ref()
                .and_then(|id| codes.iter().find(|(c, _)| c == id))
                .map_or("(choose)".to_string(), |(_, n)| n.clone());
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
            let text = format!("Code {}…", plural(ticked, "ticked hit", "ticked hits"));
            let enabled = ticked > 0 && self.code.is_some() && self.confirm.is_none();
            if ui
                .add_enabled(enabled, egui::Button::new(text))
                .on_hover_text("Says how many codings it makes, and asks first")
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
        let codings = plural(pending.made, "coding", "codings");
        ui.group(|ui| {
            let mut text = format!(
                "This makes {codings} of {} as one step (Ctrl+Z undoes it).",
                pending.name
            );
            if pending.already_coded > 0 {
                text.push_str(&format!(
                    " {} coded as {} already: left out.",
                    plural(pending.already_coded, "ticked hit is", "ticked hits are"),
                    pending.name
                ));
            }
            ui.label(text);
            ui.horizontal(|ui| {
                if ui.button(format!("Make {codings}")).clicked() {
                    let said = format!(
                        "Coded {} as {} (one step: Ctrl+Z undoes all)",
                        plural(pending.made, "hit", "hits"),
                        pending.name
                    );
                    out.push(AppCommand::ExecuteSaying(pending.command.clone(), said));
                    self.confirm = None;
                    self.tick_all(false);
                }
                if ui.button("Cancel").clicked() {
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
                                .on_hover_text(format!("Tick hit {} for coding", i + 1))
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
            ui.label(
                RichText::new(format!("{} not listed yet", plural(left, "hit", "hits"))).weak(),
            );
            if ui.button(format!("Show {} more", left.min(PAGE))).clicked() {
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

/// "1 hit", "3 hits": a count with the word in the number it needs.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "40 hits · 5 documents" (or "No hits").
fn count_label(count: SearchCount) -> String {
    if count.hits == 0 {
        return "No hits".into();
    }
    format!(
        "{} · {}",
        plural(count.hits, "hit", "hits"),
        plural(count.documents, "document", "documents")
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
    }
}
