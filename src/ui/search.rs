//! The search panel (Ctrl+F): a query over the whole corpus, hits listed with context and outlined
//! in the article, and "code picked hits" as one undoable step.

use std::path::PathBuf;

use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

use crate::analysis::search::{CorpusSearch, Hit, SearchOptions};
use crate::edit::command::Command;
use crate::model::codebook::CodeId;
use crate::model::coding::CodingId;
use crate::model::span::Span;

use super::app::SpanwiseApp;
use super::reader::code_colour;

/// Chars of context shown around a hit.
const CONTEXT: usize = 40;

/// The state of the search panel.
#[derive(Debug, Default)]
pub struct SearchPanel {
    /// Whether the panel is shown.
    pub open: bool,
    /// The query as typed.
    pub query: String,
    /// How the query is matched.
    pub options: SearchOptions,
    /// The hits of the query, in corpus order.
    pub hits: Vec<Hit>,
    /// Whether each hit is picked for coding (parallel to `hits`).
    pub picked: Vec<bool>,
    /// The code "Code picked hits" applies.
    pub code: Option<CodeId>,
    /// The hit last opened from the list.
    pub current: Option<usize>,
    index: Option<(PathBuf, usize, CorpusSearch)>,
    searched: Option<(String, SearchOptions)>,
    focus: bool,
}

impl SearchPanel {
    /// Opens the panel with the query field focused.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// The hits in one document, sorted by start (for outlining in the article).
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

    /// Picks every hit (or none).
    pub fn pick_all(&mut self, on: bool) {
        self.picked.iter_mut().for_each(|p| *p = on);
    }
}

impl SpanwiseApp {
    /// Runs the query again when it or the options changed (the corpus is folded once per set of
    /// options and kept).
    pub fn refresh_search(&mut self) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let s = &mut self.search;
        let key = (s.query.clone(), s.options);
        if s.searched.as_ref() == Some(&key) {
            return;
        }
        let project = ws.project();
        let docs = project.corpus.documents.len();
        let stale = s.index.as_ref().is_none_or(|(root, n, idx)| {
            root != &project.root || *n != docs || idx.options() != s.options
        });
        if stale {
            s.index = Some((
                project.root.clone(),
                docs,
                CorpusSearch::new(&project.corpus, s.options),
            ));
        }
        let query = s.query.trim();
        s.hits = match (&s.index, query.is_empty()) {
            (Some((_, _, idx)), false) => idx.search(query, CONTEXT),
            _ => Vec::new(),
        };
        s.picked = vec![true; s.hits.len()];
        s.current = None;
        s.searched = Some(key);
        if s.code.is_none() {
            s.code = project.codebook.codes.first().map(|c| c.id.clone());
        }
    }

    /// Opens the document of hit `index` with the hit selected (so a code key codes it).
    pub fn open_hit(&mut self, index: usize) {
        let Some(hit) = self.search.hits.get(index).cloned() else {
            return;
        };
        let Some(doc) = self
            .workspace
            .as_ref()
            .and_then(|w| w.project().corpus.index_of(&hit.document))
        else {
            return;
        };
        self.search.current = Some(index);
        self.show_span(doc, hit.span);
    }

    /// Codes every picked hit with `code` as one undoable step; returns how many were coded.
    /// Hits this coder has already coded with the same code and span are skipped.
    pub fn code_picked_hits(&mut self, code: &CodeId) -> usize {
        let Some(ws) = self.workspace.as_ref() else {
            return 0;
        };
        let coder = ws.coder().to_string();
        let existing = ws.project().coder(&coder);
        let mut next = existing.map_or(1, |f| f.next_id().0);
        let mut commands = Vec::new();
        let mut skipped = 0;
        for (hit, _) in self
            .search
            .hits
            .iter()
            .zip(&self.search.picked)
            .filter(|(_, p)| **p)
        {
            let duplicate = existing.is_some_and(|f| {
                f.in_document(&hit.document)
                    .any(|c| &c.code == code && c.span() == hit.span)
            });
            if duplicate {
                skipped += 1;
                continue;
            }
            match ws
                .project()
                .new_coding(&coder, &hit.document, code, hit.span)
            {
                Ok(mut coding) => {
                    coding.id = CodingId(next);
                    next += 1;
                    commands.push(Command::AddCoding {
                        coder: coder.clone(),
                        coding,
                    });
                }
                Err(e) => {
                    self.message = Some(format!("Not coded: {e}"));
                    return 0;
                }
            }
        }
        let n = commands.len();
        let name = ws.project().codebook.name_of(code);
        if n == 0 {
            self.message = Some("No picked hit left to code".into());
            return 0;
        }
        let before = ws.revision();
        self.execute(Command::Batch(commands));
        if self
            .workspace
            .as_ref()
            .is_some_and(|w| w.revision() == before)
        {
            return 0;
        }
        let also = if skipped > 0 {
            format!("; {skipped} already coded")
        } else {
            String::new()
        };
        self.message = Some(format!(
            "Coded {n} hits as {name} (one step: Ctrl+Z undoes all){also}"
        ));
        n
    }

    /// The search side panel, when open.
    pub(super) fn search_panel(&mut self, ui: &mut Ui) {
        if !self.search.open || self.workspace.is_none() {
            return;
        }
        egui::Panel::left("search")
            .resizable(true)
            .default_size(320.0)
            .max_size(super::reader::side_panel_max(
                ui.ctx().content_rect().width(),
                3,
            ))
            .show(ui, |ui| self.search_contents(ui));
    }

    fn search_contents(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.heading("Search");
            if ui.small_button("x").on_hover_text("Close search").clicked() {
                self.search.open = false;
            }
        });
        let label = ui.label("Search the corpus for:");
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut self.search.query)
                    .hint_text("word or phrase")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut self.search.focus) {
            resp.request_focus();
        }
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.search.options.ignore_case, "ignore case");
            ui.checkbox(&mut self.search.options.fold_umlauts, "ue = ü, ss = ß")
                .on_hover_text("Ueberwachung finds Überwachung, Strasse finds Straße");
        });
        self.refresh_search();
        let n = self.search.hits.len();
        let docs = {
            let mut d: Vec<_> = self.search.hits.iter().map(|h| &h.document).collect();
            d.dedup();
            d.len()
        };
        ui.label(RichText::new(format!("{n} hits in {docs} documents")).weak());
        if n == 0 {
            return;
        }
        self.coding_row(ui);
        ui.separator();
        self.hit_list(ui);
    }

    fn coding_row(&mut self, ui: &mut Ui) {
        let codes: Vec<(CodeId, String)> = self
            .workspace
            .as_ref()
            .map(|w| w.project().codebook.labels())
            .unwrap_or_default();
        let picked = self.search.picked.iter().filter(|p| **p).count();
        ui.horizontal_wrapped(|ui| {
            if ui.small_button("Pick all").clicked() {
                self.search.pick_all(true);
            }
            if ui.small_button("Pick none").clicked() {
                self.search.pick_all(false);
            }
        });
        let mut go = None;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Code as");
            let current = self
                .search
                .code
                .as_ref()
                .and_then(|id| codes.iter().find(|(c, _)| c == id))
                .map_or("(choose)".to_string(), |(_, n)| n.clone());
            egui::ComboBox::from_id_salt("search-code")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (id, name) in &codes {
                        ui.selectable_value(&mut self.search.code, Some(id.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
            let text = format!("Code {picked} picked hits");
            let enabled = picked > 0 && self.search.code.is_some();
            if ui
                .add_enabled(enabled, egui::Button::new(text))
                .on_hover_text("One undoable step")
                .clicked()
            {
                go = self.search.code.clone();
            }
        });
        if let Some(code) = go {
            self.code_picked_hits(&code);
        }
    }

    fn hit_list(&mut self, ui: &mut Ui) {
        let titles: Vec<String> = self
            .search
            .hits
            .iter()
            .map(|h| {
                self.workspace
                    .as_ref()
                    .and_then(|w| w.project().corpus.get(&h.document))
                    .map_or_else(|| h.document.0.clone(), |d| d.meta.title.clone())
            })
            .collect();
        let colour = ui.visuals().text_color();
        let weak = ui.visuals().weak_text_color();
        let strong = ui.visuals().strong_text_color();
        let hit_bg = if ui.visuals().dark_mode {
            code_colour([240, 228, 66]).gamma_multiply(0.25)
        } else {
            code_colour([240, 228, 66]).gamma_multiply(0.6)
        };
        let mut open = None;
        let row_h = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 10.0;
        egui::ScrollArea::vertical()
            .id_salt("search-hits")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, self.search.hits.len(), |ui, range| {
                for i in range {
                    let hit = &self.search.hits[i];
                    let mut job = LayoutJob::default();
                    let font = egui::TextStyle::Body.resolve(ui.style());
                    let before: String = {
                        let chars: Vec<char> = hit.before.chars().collect();
                        let from = chars.len().saturating_sub(28);
                        let s: String = chars[from..].iter().collect();
                        if from > 0 {
                            format!("…{s} ")
                        } else {
                            format!("{s} ")
                        }
                    };
                    job.append(&before, 0.0, TextFormat::simple(font.clone(), colour));
                    job.append(
                        &hit.text,
                        0.0,
                        TextFormat {
                            background: hit_bg,
                            ..TextFormat::simple(font.clone(), strong)
                        },
                    );
                    job.append(
                        &format!(" {}", hit.after),
                        0.0,
                        TextFormat::simple(font.clone(), colour),
                    );
                    job.wrap.max_rows = 1;
                    job.wrap.break_anywhere = true;
                    ui.vertical(|ui| {
                        ui.set_min_height(row_h - 4.0);
                        ui.add(
                            egui::Label::new(RichText::new(&titles[i]).small().color(weak))
                                .truncate(),
                        )
                        .on_hover_text(&titles[i]);
                        ui.horizontal(|ui| {
                            ui.checkbox(&mut self.search.picked[i], "")
                                .on_hover_text(format!("Pick hit {} for coding", i + 1));
                            let current = self.search.current == Some(i);
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
            self.open_hit(i);
        }
    }
}
