//! The codesheet: the coder's values of the document variables for the open article, beside the
//! reader, and a small form that adds a variable to the codesheet.
//!
//! Keyboard: Tab moves from one variable's field to the next; in a field, type a value's code or
//! the start of its label (or a number for a range) and press Enter; an empty field clears the
//! value. Clicking a value's button picks it, clicking the picked one clears it. Every change is a
//! [`Command::SetVariable`] executed by the app, so it is undone with Ctrl+Z.

use egui::{RichText, Ui};

use super::SpanwiseApp;
use super::fields::committed_text;
use super::i18n::{tr, tr_args};
use crate::edit::command::Command;
use crate::model::corpus::DocId;
use crate::model::variable::{Number, Scale, Values, Variable, VariableId};

/// The codesheet panel. It holds no state of its own beyond egui's field drafts: what it shows
/// comes from the workspace, what it changes goes back as commands.
pub struct Codesheet;

impl Codesheet {
    /// Draws the codesheet of the open document and executes what the coder changed.
    pub fn show(app: &mut SpanwiseApp, ui: &mut Ui) {
        let Some(ws) = app.workspace.as_ref() else {
            return;
        };
        let variables = ws.project().variables.clone();
        let coder = ws.coder().to_string();
        let doc = app.document().map(|d| d.meta.id.clone());
        let values = doc
            .as_ref()
            .and_then(|d| ws.project().coder(&coder)?.variables.get(d).cloned())
            .unwrap_or_default();
        let mut commands = Vec::new();
        let mut problem = None;
        egui::CollapsingHeader::new(RichText::new(tr("codesheet-heading")).heading())
            .id_salt("codesheet")
            .default_open(true)
            .show(ui, |ui| {
                if let Some(doc) = &doc {
                    for v in &variables {
                        let current = values.get(&v.id).copied();
                        match variable_ui(ui, doc, v, current) {
                            Ok(Some(value)) => commands.push(Command::SetVariable {
                                coder: coder.clone(),
                                document: doc.clone(),
                                variable: v.id.clone(),
                                value,
                            }),
                            Ok(None) => {}
                            Err(e) => problem = Some(e),
                        }
                    }
                }
                if variables.is_empty() {
                    ui.label(RichText::new(tr("codesheet-no-variables")).weak());
                }
                if let Some(cmd) = new_variable_form(ui, variables.len(), &mut problem) {
                    commands.push(cmd);
                }
            });
        ui.separator();
        if let Some(p) = problem {
            app.message = Some(super::app::not_changed(&p));
        }
        for c in commands {
            app.execute(c);
        }
    }
}

/// One variable: its value buttons and its field. Returns the new value (`Some(None)` clears).
fn variable_ui(
    ui: &mut Ui,
    doc: &DocId,
    v: &Variable,
    current: Option<Number>,
) -> Result<Option<Option<Number>>, String> {
    let mut picked = None;
    if let Values::Labels(labels) = &v.values {
        ui.horizontal_wrapped(|ui| {
            for l in labels {
                let on = current == Some(Number(l.code as f64));
                let button = ui
                    .selectable_label(on, format!("{} {}", l.code, l.label))
                    .on_hover_text(&v.description);
                if button.clicked() {
                    picked = Some((!on).then_some(Number(l.code as f64)));
                }
            }
        });
    }
    let shown = current.map_or_else(String::new, |n| match v.label_of(n) {
        Some(label) => format!("{n} {label}"),
        None => n.to_string(),
    });
    let label = format!(
        "{} ({})",
        v.label,
        super::codebook_variables::scale_label(v.scale)
    );
    if let Some(typed) = committed_text(ui, ("codesheet", doc, &v.id), &label, &shown, false) {
        return parse_value(v, &typed).map(Some);
    }
    Ok(picked)
}

/// What a typed entry means: empty clears; a code or a label's start (labelled values); a number
/// (ranges). The variable's own check refuses what it does not allow.
pub fn parse_value(v: &Variable, typed: &str) -> Result<Option<Number>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let number = typed
        .split_whitespace()
        .next()
        .and_then(|t| t.replace(',', ".").parse::<f64>().ok());
    let value = match (&v.values, number) {
        (_, Some(n)) => Number(n),
        (Values::Labels(labels), None) => {
            let lower = typed.to_lowercase();
            let found = labels
                .iter()
                .find(|l| l.label.to_lowercase().starts_with(&lower))
                .ok_or_else(|| {
                    tr_args(
                        "codesheet-no-value",
                        &[("typed", typed.into()), ("variable", (&v.label).into())],
                    )
                })?;
            Number(found.code as f64)
        }
        (Values::Range { .. }, None) => return Err(not_a_number(typed)),
    };
    v.check(value).map_err(|e| e.to_string())?;
    Ok(Some(value))
}

/// The "New variable" form: id, label, scale and values (`1=negativ; 2=neutral` or
/// `0..10 step 1`). Returns the command that inserts it at the end.
fn new_variable_form(ui: &mut Ui, at: usize, problem: &mut Option<String>) -> Option<Command> {
    let id = ui.make_persistent_id("codesheet-new-variable");
    let mut draft: [String; 3] = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let mut scale: Scale = ui
        .data(|d| d.get_temp(id.with("scale")))
        .unwrap_or_default();
    let mut command = None;
    egui::CollapsingHeader::new(tr("codesheet-new-variable"))
        .id_salt("codesheet-new")
        .show(ui, |ui| {
            for (field, name) in draft.iter_mut().zip([
                tr("codesheet-field-id"),
                tr("codesheet-field-label"),
                tr("codesheet-field-values"),
            ]) {
                let l = ui.label(name);
                ui.text_edit_singleline(field).labelled_by(l.id);
            }
            ui.horizontal(|ui| {
                for s in Scale::ALL {
                    ui.selectable_value(&mut scale, s, super::codebook_variables::scale_label(s));
                }
            });
            ui.label(RichText::new(tr("codesheet-values-hint")).weak());
            if ui.button(tr("codesheet-add")).clicked() {
                match parse_definition(&draft, scale) {
                    Ok(variable) => {
                        command = Some(Command::InsertVariable { at, variable });
                        draft = Default::default();
                    }
                    Err(e) => *problem = Some(e),
                }
            }
        });
    ui.data_mut(|d| {
        d.insert_temp(id, draft);
        d.insert_temp(id.with("scale"), scale);
    });
    command
}

/// A variable from the form's id, label and values text.
pub fn parse_definition(draft: &[String; 3], scale: Scale) -> Result<Variable, String> {
    let id = draft[0].trim();
    if id.is_empty() || id.contains(char::is_whitespace) {
        return Err(tr("codesheet-id-needed"));
    }
    let label = match draft[1].trim() {
        "" => id,
        l => l,
    };
    let values = Values::parse(&draft[2]).map_err(|e| e.to_string())?;
    Ok(Variable {
        id: VariableId(id.into()),
        label: label.into(),
        description: String::new(),
        scale,
        values,
    })
}

fn not_a_number(typed: &str) -> String {
    tr_args("codesheet-not-a-number", &[("typed", typed.into())])
}
