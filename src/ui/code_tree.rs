//! The code tree: the codebook as a collapsible tree (sub-codes under their parent), each code
//! with its colour, key and counts. A click shows only that code and its sub-codes in the reader
//! (and the coded segments), a second click or "Show all codes" shows every code again; a
//! double-click, or a text selection dragged out of the reader and dropped on a code, codes the
//! selection with it, through the same command as the code keys.
//!
//! The tree owns its collapse state and the filter; what it changes outside itself it queues as
//! [`AppCommand`]s. The counts come from the derived data the shell rebuilds per revision.

use std::collections::{BTreeSet, HashMap};

use egui::text::{LayoutJob, TextWrapping};
use egui::{Align2, Color32, FontId, Rect, Role, Sense, TextFormat, Ui, WidgetInfo, pos2, vec2};

use crate::model::codebook::{Code, CodeId, Codebook};

use super::command::AppCommand;
use super::i18n::{tr, tr_args};
use super::reader::{DraggedSelection, code_colour};

/// Indent of one level of sub-codes.
const INDENT: f32 = 14.0;

/// How many codings one code has: in the open article and the whole corpus, by the current
/// coder ("mine") and by every coder together ("all").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CodeCounts {
    /// The current coder's codings in the open article.
    pub mine_here: usize,
    /// The current coder's codings in the corpus.
    pub mine_corpus: usize,
    /// Every coder's codings in the open article.
    pub all_here: usize,
    /// Every coder's codings in the corpus.
    pub all_corpus: usize,
}

impl CodeCounts {
    /// The short form a row shows: "mine here · mine corpus", and every coder's in brackets
    /// when other coders have codings too.
    pub fn short(&self) -> String {
        let mine = format!("{} · {}", self.mine_here, self.mine_corpus);
        if (self.all_here, self.all_corpus) == (self.mine_here, self.mine_corpus) {
            mine
        } else {
            format!("{mine}  ({} · {})", self.all_here, self.all_corpus)
        }
    }

    /// The long form, for the tooltip and screen readers.
    pub fn explained(&self, name: &str) -> String {
        tr_args(
            "code-tree-explained",
            &[
                ("name", name.into()),
                ("mine_here", self.mine_here.into()),
                ("mine_corpus", self.mine_corpus.into()),
                ("all_here", self.all_here.into()),
                ("all_corpus", self.all_corpus.into()),
            ],
        )
    }
}

/// One row of the tree: a code at a depth, with or without sub-codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    /// Index of the code in the codebook.
    pub index: usize,
    /// 0 for a top-level code, 1 for its sub-codes, and so on.
    pub depth: usize,
    /// Whether the code has sub-codes.
    pub has_children: bool,
}

/// The codebook as tree rows in codebook order, sub-codes under their parent, leaving out the
/// sub-codes of collapsed codes. A code whose parent is unknown (or in a cycle) is a root.
pub fn tree_rows(codebook: &Codebook, collapsed: &BTreeSet<CodeId>) -> Vec<TreeRow> {
    let children = children_of(codebook);
    let mut rows = Vec::new();
    let mut seen = vec![false; codebook.codes.len()];
    for (i, code) in codebook.codes.iter().enumerate() {
        if is_root(codebook, code) {
            walk(i, 0, &children, collapsed, codebook, &mut seen, &mut rows);
        }
    }
    // codes in a parent cycle were never reached from a root: show them at the top level
    for i in 0..codebook.codes.len() {
        if !seen[i] {
            walk(i, 0, &children, collapsed, codebook, &mut seen, &mut rows);
        }
    }
    rows
}

fn walk(
    i: usize,
    depth: usize,
    children: &HashMap<usize, Vec<usize>>,
    collapsed: &BTreeSet<CodeId>,
    codebook: &Codebook,
    seen: &mut [bool],
    rows: &mut Vec<TreeRow>,
) {
    if std::mem::replace(&mut seen[i], true) {
        return;
    }
    let kids = children.get(&i).map_or(&[][..], Vec::as_slice);
    rows.push(TreeRow {
        index: i,
        depth,
        has_children: !kids.is_empty(),
    });
    if collapsed.contains(&codebook.codes[i].id) {
        // keep the hidden sub-codes out of the cycle fallback
        mark_seen(i, children, seen);
        seen[i] = true;
        return;
    }
    for &k in kids {
        walk(k, depth + 1, children, collapsed, codebook, seen, rows);
    }
}

fn mark_seen(i: usize, children: &HashMap<usize, Vec<usize>>, seen: &mut [bool]) {
    for &k in children.get(&i).map_or(&[][..], Vec::as_slice) {
        if !std::mem::replace(&mut seen[k], true) {
            mark_seen(k, children, seen);
        }
    }
}

fn is_root(codebook: &Codebook, code: &Code) -> bool {
    code.parent
        .as_ref()
        .is_none_or(|p| p == &code.id || codebook.get(p).is_none())
}

/// Indices of each code's sub-codes, in codebook order.
fn children_of(codebook: &Codebook) -> HashMap<usize, Vec<usize>> {
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, code) in codebook.codes.iter().enumerate() {
        if let Some(p) = code.parent.as_ref().filter(|p| *p != &code.id)
            && let Some(pi) = codebook.index_of(p)
        {
            children.entry(pi).or_default().push(i);
        }
    }
    children
}

/// A code and all its sub-codes, sub-sub-codes and so on.
pub fn with_descendants(codebook: &Codebook, code: &CodeId) -> BTreeSet<CodeId> {
    let mut set = BTreeSet::from([code.clone()]);
    loop {
        let before = set.len();
        for c in &codebook.codes {
            if c.parent.as_ref().is_some_and(|p| set.contains(p)) {
                set.insert(c.id.clone());
            }
        }
        if set.len() == before {
            return set;
        }
    }
}

/// The code tree panel's state.
#[derive(Debug, Default)]
pub struct CodeTree {
    /// Codes whose sub-codes are hidden.
    pub collapsed: BTreeSet<CodeId>,
    /// The code the reader is filtered to (with its sub-codes); `None` shows every code.
    pub filter: Option<CodeId>,
    /// The filter before the last single click, restored when that click became a double-click.
    before_click: Option<Option<CodeId>>,
}

impl CodeTree {
    /// The codes the reader shows, or `None` for all of them.
    pub fn filter_set(&self, codebook: &Codebook) -> Option<BTreeSet<CodeId>> {
        self.filter
            .as_ref()
            .map(|code| with_descendants(codebook, code))
    }

    /// Draws the tree; returns what the shell must do.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        codebook: &Codebook,
        counts: &[CodeCounts],
    ) -> Vec<AppCommand> {
        let mut out = Vec::new();
        ui.horizontal(|ui| {
            ui.strong(tr("code-tree-heading"));
            ui.label(egui::RichText::new(tr("code-tree-columns")).weak().small())
                .on_hover_text(tr("code-tree-columns-hint"));
            if let Some(f) = &self.filter {
                let hint = tr_args(
                    "code-tree-filter-hint",
                    &[("code", codebook.name_of(f).into())],
                );
                if ui
                    .small_button(tr("code-tree-show-all"))
                    .on_hover_text(hint)
                    .clicked()
                {
                    out.push(AppCommand::FilterCode(None));
                }
            }
        });
        let rows = tree_rows(codebook, &self.collapsed);
        egui::ScrollArea::vertical()
            .id_salt("code-tree")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for row in &rows {
                    let code = &codebook.codes[row.index];
                    let n = counts.get(row.index).copied().unwrap_or_default();
                    self.row(ui, code, row, n, &mut out);
                }
                if rows.is_empty() {
                    ui.label(egui::RichText::new(tr("code-tree-no-codes")).weak());
                }
            });
        out
    }

    fn row(
        &mut self,
        ui: &mut Ui,
        code: &Code,
        row: &TreeRow,
        n: CodeCounts,
        out: &mut Vec<AppCommand>,
    ) {
        let height = ui.spacing().interact_size.y;
        let (rect, resp) =
            ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
        let selected = self.filter.as_ref() == Some(&code.id);
        let explained = n.explained(&code.name);
        resp.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &explained));
        let dropping = resp.dnd_hover_payload::<DraggedSelection>().is_some();
        if ui.is_rect_visible(rect) {
            paint_row(
                ui,
                rect,
                code,
                row,
                &n,
                selected || dropping,
                resp.hovered(),
            );
        }
        if row.has_children {
            self.toggle(ui, rect, code, row.depth);
        }
        let resp = resp.on_hover_text(format!("{explained}\n\n{}", tr("code-tree-row-hint")));
        if resp.double_clicked() {
            let before = self
                .before_click
                .take()
                .unwrap_or_else(|| self.filter.clone());
            out.push(AppCommand::FilterCode(before));
            out.push(AppCommand::ApplyCode(code.id.clone()));
        } else if resp.clicked() {
            self.before_click = Some(self.filter.clone());
            let next = (!selected).then(|| code.id.clone());
            out.push(AppCommand::FilterCode(next));
        }
        if resp.dnd_release_payload::<DraggedSelection>().is_some() {
            out.push(AppCommand::ApplyCode(code.id.clone()));
        }
        resp.context_menu(|ui| {
            if ui.button(tr("code-tree-segments")).clicked() {
                out.push(AppCommand::SegmentsOf(code.id.clone()));
                ui.close();
            }
        });
    }

    /// The triangle that collapses or expands a code's sub-codes.
    fn toggle(&mut self, ui: &mut Ui, row: Rect, code: &Code, depth: usize) {
        let rect = Rect::from_min_size(
            row.min + vec2(depth as f32 * INDENT, 0.0),
            vec2(INDENT, row.height()),
        );
        let open = !self.collapsed.contains(&code.id);
        let key = if open {
            "code-tree-collapse"
        } else {
            "code-tree-expand"
        };
        let label = tr_args(key, &[("code", (&code.name).into())]);
        let resp = ui.interact(
            rect,
            ui.make_persistent_id(("code-toggle", &code.id)),
            Sense::click(),
        );
        resp.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        egui::collapsing_header::paint_default_icon(ui, if open { 1.0 } else { 0.0 }, &resp);
        if resp.on_hover_text(label.as_str()).clicked() && !self.collapsed.remove(&code.id) {
            self.collapsed.insert(code.id.clone());
        }
    }
}

/// Paints one row: background, colour swatch, name (shortened to fit), key and counts.
fn paint_row(
    ui: &Ui,
    rect: Rect,
    code: &Code,
    row: &TreeRow,
    n: &CodeCounts,
    selected: bool,
    hovered: bool,
) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    if selected {
        painter.rect_filled(rect, 3.0, visuals.selection.bg_fill.gamma_multiply(0.6));
    } else if hovered {
        painter.rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let colour = code_colour(code.rgb());
    let x = rect.min.x + (row.depth + 1) as f32 * INDENT;
    let swatch = Rect::from_center_size(pos2(x + 6.0, rect.center().y), vec2(11.0, 11.0));
    painter.rect_filled(swatch, 2.0, colour);
    let small = FontId::proportional(ui.style().text_styles[&egui::TextStyle::Small].size + 1.0);
    let weak = visuals.weak_text_color();
    let counts = painter.text(
        pos2(rect.max.x - 4.0, rect.center().y),
        Align2::RIGHT_CENTER,
        n.short(),
        small.clone(),
        weak,
    );
    let mut name_end = counts.min.x - 6.0;
    if let Some(k) = code.key {
        let key = painter.text(
            pos2(name_end, rect.center().y),
            Align2::RIGHT_CENTER,
            k.to_string(),
            FontId::monospace(small.size),
            visuals.text_color(),
        );
        name_end = key.min.x - 6.0;
    }
    let name_x = swatch.max.x + 5.0;
    let mut job = LayoutJob::single_section(
        code.name.clone(),
        TextFormat::simple(FontId::proportional(14.0), Color32::PLACEHOLDER),
    );
    job.wrap = TextWrapping::truncate_at_width((name_end - name_x).max(8.0));
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let pos = pos2(name_x, rect.center().y - galley.size().y / 2.0);
    painter.galley(pos, galley, visuals.strong_text_color());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(codes: &[(&str, Option<&str>)]) -> Codebook {
        Codebook {
            codes: codes
                .iter()
                .map(|(id, parent)| Code {
                    parent: parent.map(|p| CodeId(p.into())),
                    ..Code::plain(id, "#E69F00")
                })
                .collect(),
        }
    }

    fn ids(book: &Codebook, rows: &[TreeRow]) -> Vec<(String, usize)> {
        rows.iter()
            .map(|r| (book.codes[r.index].id.0.clone(), r.depth))
            .collect()
    }

    #[test]
    fn sub_codes_follow_their_parent_and_collapse_with_it() {
        let b = book(&[
            ("data", Some("risk")),
            ("risk", None),
            ("claim", None),
            ("leak", Some("data")),
        ]);
        let rows = tree_rows(&b, &BTreeSet::new());
        let want = [("risk", 0), ("data", 1), ("leak", 2), ("claim", 0)];
        assert_eq!(ids(&b, &rows), want.map(|(a, d)| (a.to_string(), d)));
        let rows = tree_rows(&b, &BTreeSet::from([CodeId("risk".into())]));
        assert_eq!(
            ids(&b, &rows),
            [("risk".to_string(), 0), ("claim".to_string(), 0)]
        );
        let all = with_descendants(&b, &CodeId("risk".into()));
        assert_eq!(all.len(), 3);
    }

    #[test]
    fn a_parent_cycle_or_unknown_parent_still_shows_every_code_once() {
        let b = book(&[("a", Some("b")), ("b", Some("a")), ("c", Some("gone"))]);
        let rows = tree_rows(&b, &BTreeSet::new());
        let mut shown: Vec<_> = ids(&b, &rows).into_iter().map(|(id, _)| id).collect();
        shown.sort();
        assert_eq!(shown, ["a", "b", "c"]);
    }
}
