//! The shell's side of the code tree and the legend: the tree drawn in the top of the left
//! panel, the code filter it sets, and the line above the reader that names the codes shown.

use egui::{RichText, Sense, Ui, vec2};

use super::SpanwiseApp;
use crate::model::codebook::CodeId;
use crate::ui::actions::Action;
use crate::ui::command::AppCommand;
use crate::ui::i18n::{tr, tr_args};
use crate::ui::reader::code_colour;

impl SpanwiseApp {
    /// The code tree in the top part of the left panel (resizable; the document list below).
    pub(in crate::ui) fn code_tree_panel(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let height = ui.available_height();
        // as tall as the codes need, at most 45 % of the panel (resizable)
        let rows = ws.project().codebook.codes.len().max(1) as f32 + 1.6;
        let wanted = rows * (ui.spacing().interact_size.y + ui.spacing().item_spacing.y) + 16.0;
        let commands = egui::Panel::top("code-tree")
            .resizable(true)
            .default_size(wanted.min(height * 0.45))
            .min_size(60.0)
            .max_size((height - 160.0).max(60.0))
            .show(ui, |ui| {
                self.code_tree
                    .ui(ui, &ws.project().codebook, &self.derived.code_counts)
            })
            .inner;
        for c in commands {
            self.queue(c);
        }
    }

    /// Shows only `code` and its sub-codes in the reader, or every code; the coded segments
    /// follow when they are open.
    pub fn filter_code(&mut self, code: Option<CodeId>) {
        if let (Some(segments), Some(code), Some(ws)) = (
            self.segments.as_mut(),
            code.as_ref(),
            self.workspace.as_ref(),
        ) {
            segments.only_code(&ws.project().codebook, code);
        }
        self.code_tree.filter = code;
    }

    /// The legend above the reader while the code tree is shown: the colour and name of every
    /// code highlighted in this article (of the filtered ones, when a filter is set).
    pub(in crate::ui) fn code_legend(&mut self, ui: &mut Ui) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let codebook = &ws.project().codebook;
        let filter = self.code_tree.filter_set(codebook);
        let shown: Vec<_> = codebook
            .codes
            .iter()
            .zip(self.code_counts())
            .filter(|(c, n)| n.mine_here > 0 && filter.as_ref().is_none_or(|f| f.contains(&c.id)))
            .map(|(c, n)| (code_colour(c.rgb()), c.name.clone(), n.mine_here))
            .collect();
        let filter_name = self.code_tree.filter.as_ref().map(|f| codebook.name_of(f));
        let mut commands = Vec::new();
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("toolbar-code-as"))
                .on_hover_text(tr("toolbar-code-as-hint"));
            if let Some(name) = filter_name {
                ui.label(
                    RichText::new(tr_args("toolbar-only", &[("code", (&name).into())])).strong(),
                );
                if ui
                    .small_button(tr("toolbar-all-codes"))
                    .on_hover_text(tr("toolbar-all-codes-hint"))
                    .clicked()
                {
                    commands.push(AppCommand::FilterCode(None));
                }
            }
            ui.separator();
            if shown.is_empty() {
                ui.label(RichText::new(tr("toolbar-no-codings")).weak());
            }
            for (colour, name, n) in shown {
                let (rect, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
                ui.painter().rect_filled(rect, 2.0, colour);
                ui.label(RichText::new(format!("{name} {n}")).small())
                    .on_hover_text(tr_args(
                        "toolbar-code-count",
                        &[("n", n.into()), ("code", (&name).into())],
                    ));
            }
            ui.separator();
            if ui
                .small_button("A-")
                .on_hover_text(tr("action-view-font-smaller"))
                .clicked()
            {
                commands.push(AppCommand::Perform(Action::FontSmaller));
            }
            if ui
                .small_button("A+")
                .on_hover_text(tr("action-view-font-bigger"))
                .clicked()
            {
                commands.push(AppCommand::Perform(Action::FontBigger));
            }
        });
        for c in commands {
            self.queue(c);
        }
    }
}
