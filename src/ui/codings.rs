//! The right panel: the current document's codings in text order, and the editor of the selected
//! coding (code, boundaries, memo, attribute fields). The panel draws from a read-only view of
//! the workspace and queues every change as an [`AppCommand`]: a `ReplaceCoding` for a new code
//! or field value, an action of the table for the boundary and delete buttons.

use egui::{RichText, Sense, Ui, vec2};

use crate::edit::command::Command;
use crate::edit::workspace::{TextTarget, Workspace};
use crate::model::codebook::AttributeDef;
use crate::model::coding::{Coding, CodingId};
use crate::model::corpus::Document;

use super::actions::Action;
use super::app::SpanwiseApp;
use super::command::AppCommand;
use super::fields::draft_field;
use super::i18n::{tr, tr_args};
use super::reader::code_colour;

/// What the codings panel is drawn from.
pub struct CodingsView<'a> {
    /// The open workspace.
    pub workspace: &'a Workspace,
    /// The open document.
    pub document: &'a Document,
    /// The selected coding, if any.
    pub selected: Option<CodingId>,
    /// Whether the coder may change anything (fields are disabled when not).
    pub enabled: bool,
}

/// The codings panel. Its one piece of state, the selected coding, is the shell's, because the
/// reader, the keys and the coded-segments window select codings too.
pub struct CodingsPanel;

/// Draws the codings panel of the open document and queues what the coder did.
pub(super) fn show(app: &mut SpanwiseApp, ui: &mut Ui) {
    ui.heading(tr("codings-heading"));
    let (Some(workspace), Some(document)) = (app.workspace.as_ref(), app.document()) else {
        return;
    };
    let view = CodingsView {
        workspace,
        document,
        selected: app.selected_coding,
        enabled: app.coding_blocked().is_none(),
    };
    let commands = CodingsPanel::ui(ui, &view);
    app.commands.extend(commands);
}

impl CodingsPanel {
    /// Draws the list and, when a coding is selected, its editor; returns the commands.
    pub fn ui(ui: &mut Ui, view: &CodingsView) -> Vec<AppCommand> {
        let mut out = Vec::new();
        let project = view.workspace.project();
        let codebook = &project.codebook;
        let items: Vec<&Coding> = project
            .coder(view.workspace.coder())
            .map(|f| f.document_codings(&view.document.meta.id).iter().collect())
            .unwrap_or_default();
        ui.label(
            RichText::new(tr_args("codings-in-document", &[("n", items.len().into())])).weak(),
        );
        let mine = project.coder(view.workspace.coder());
        if let Some(coding) = view.selected.and_then(|id| mine?.get(id)) {
            coding_editor(ui, view, coding, &mut out);
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("codings-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for c in &items {
                    let colour = code_colour(codebook.get(&c.code).map_or([128; 3], |k| k.rgb()));
                    let selected = view.selected == Some(c.id);
                    let text = format!("{}  {}", codebook.name_of(&c.code), shorten(&c.quote, 90));
                    let resp = ui
                        .horizontal(|ui| {
                            let (r, _) = ui.allocate_exact_size(vec2(6.0, 18.0), Sense::hover());
                            ui.painter().rect_filled(r, 1.0, colour);
                            ui.add(egui::Button::selectable(selected, text).wrap())
                        })
                        .inner;
                    if resp.clicked() {
                        out.push(AppCommand::SelectCoding(c.id));
                    }
                }
            });
        out
    }
}

/// Queues a `ReplaceCoding` when `change` changes the coding.
fn replace(
    view: &CodingsView,
    coding: &Coding,
    change: impl FnOnce(&mut Coding),
    out: &mut Vec<AppCommand>,
) {
    let mut changed = coding.clone();
    change(&mut changed);
    if &changed != coding {
        out.push(AppCommand::Execute(Command::ReplaceCoding {
            coder: view.workspace.coder().to_string(),
            coding: changed,
        }));
    }
}

fn coding_editor(ui: &mut Ui, view: &CodingsView, coding: &Coding, out: &mut Vec<AppCommand>) {
    let book = &view.workspace.project().codebook;
    let fields = book
        .get(&coding.code)
        .map(|c| c.attributes.clone())
        .unwrap_or_default();
    let id = coding.id;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(
            RichText::new(tr_args(
                "codings-selected",
                &[("id", id.to_string().into())],
            ))
            .strong(),
        );
        ui.label(tr_args(
            "codings-span",
            &[
                ("start", coding.start.into()),
                ("end", coding.end.into()),
                ("length", (coding.end - coding.start).into()),
            ],
        ));
        let mut new_code = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("codings-code"));
            for code in &book.codes {
                if ui
                    .selectable_label(coding.code == code.id, &code.name)
                    .clicked()
                {
                    new_code = Some(code.id.clone());
                }
            }
        });
        if let Some(code) = new_code {
            replace(view, coding, |c| c.code = code, out);
        }
        boundary_buttons(ui, out);
        for field in &fields {
            attribute_field(ui, view, coding, field, out);
        }
        let memo = TextTarget::CodingMemo(id);
        out.extend(draft_field(
            ui,
            view.workspace,
            memo,
            &tr("codings-memo"),
            true,
            view.enabled,
        ));
        if ui
            .button(tr("codings-delete"))
            .on_hover_text(tr("codings-delete-hint"))
            .clicked()
        {
            out.push(AppCommand::Perform(Action::DeleteCoding));
        }
    });
}

fn boundary_buttons(ui: &mut Ui, out: &mut Vec<AppCommand>) {
    ui.horizontal(|ui| {
        for (label, left, right) in [
            (tr("codings-start"), Action::StartLeft, Action::StartRight),
            (tr("codings-end"), Action::EndLeft, Action::EndRight),
        ] {
            ui.label(label);
            for (text, action) in [("<", left), (">", right)] {
                let hint = format!("{} ({})", action.label(), action.shortcut_text());
                if ui.small_button(text).on_hover_text(hint).clicked() {
                    out.push(AppCommand::Perform(action));
                }
            }
        }
    });
}

/// One attribute of the selected coding: a choice list, or free text suggesting earlier values.
fn attribute_field(
    ui: &mut Ui,
    view: &CodingsView,
    coding: &Coding,
    field: &AttributeDef,
    out: &mut Vec<AppCommand>,
) {
    let current = coding
        .attributes
        .get(&field.name)
        .cloned()
        .unwrap_or_default();
    let mut new_value = None;
    if field.choices.is_empty() {
        let target = TextTarget::CodingField {
            coding: coding.id,
            field: field.name.clone(),
        };
        let typed = draft_field(ui, view.workspace, target, &field.name, false, view.enabled);
        out.extend(typed);
        let suggestions = attribute_values(view.workspace, &field.name, &current);
        if !suggestions.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tr("codings-earlier")).weak().small());
                for s in suggestions.into_iter().take(6) {
                    if ui
                        .small_button(&s)
                        .on_hover_text(tr_args(
                            "codings-set-field",
                            &[("field", (&field.name).into()), ("value", (&s).into())],
                        ))
                        .clicked()
                    {
                        new_value = Some(s);
                    }
                }
            });
        }
    } else {
        new_value = choice_field(ui, coding.id, field, &current);
    }
    if let Some(value) = new_value {
        let name = field.name.clone();
        let set = move |c: &mut Coding| {
            if value.trim().is_empty() {
                c.attributes.remove(&name);
            } else {
                c.attributes.insert(name, value.trim().to_string());
            }
        };
        replace(view, coding, set, out);
    }
}

/// A field with a choice list; returns the value picked (empty: none).
fn choice_field(ui: &mut Ui, id: CodingId, field: &AttributeDef, current: &str) -> Option<String> {
    let mut new_value = None;
    ui.horizontal(|ui| {
        let label = ui.label(&field.name);
        let none = tr("codings-none");
        let shown = if current.is_empty() { &none } else { current };
        egui::ComboBox::from_id_salt(("attr-choice", id, &field.name))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for choice in std::iter::once("").chain(field.choices.iter().map(String::as_str)) {
                    let text = if choice.is_empty() { &none } else { choice };
                    if ui.selectable_label(current == choice, text).clicked() && current != choice {
                        new_value = Some(choice.to_string());
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    new_value
}

/// Values given to an attribute anywhere in the project, most used first, except `current`.
fn attribute_values(ws: &Workspace, name: &str, current: &str) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for file in ws.project().coders.values() {
        for c in &file.codings {
            if let Some(v) = c.attributes.get(name)
                && v != current
            {
                *counts.entry(v.as_str()).or_default() += 1;
            }
        }
    }
    let mut values: Vec<(&str, usize)> = counts.into_iter().collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    values.into_iter().map(|(v, _)| v.to_string()).collect()
}

/// The first `max` chars of a quote on one line, with an ellipsis when cut.
pub fn shorten(quote: &str, max: usize) -> String {
    let one_line = quote.replace('\n', " ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max).collect();
    format!("{cut}…")
}
