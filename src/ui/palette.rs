//! The command palette (Ctrl+Shift+P): every action of the table with its shortcut, every code
//! ("Apply code: risk") and every document ("Go to document: …"), filtered by typing; Enter or a
//! click runs the highlighted entry. [`Palette`] owns its state and draws itself; what it runs
//! reaches the shell as an [`AppCommand`].

use egui::{Key, Modifiers, RichText, Ui, vec2};

use crate::model::codebook::CodeId;

use super::actions::{Action, Handler};
use super::app::SpanwiseApp;
use super::command::AppCommand;
use super::i18n::{tr, tr_args};
use super::windows::WindowId;

/// What a palette entry does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaletteCommand {
    /// Performs an action of the table.
    Action(Action),
    /// Applies a code to the selection (or recodes the selected coding).
    ApplyCode(CodeId),
    /// Opens the document at this index.
    GoToDocument(usize),
}

/// One line of the palette.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaletteEntry {
    /// What it does.
    pub command: PaletteCommand,
    /// The text shown and matched.
    pub label: String,
    /// The shortcut, as text (may be empty).
    pub shortcut: String,
}

/// The state of the open palette.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    /// The filter as typed.
    pub query: String,
    /// Index of the highlighted entry among the matches.
    pub highlighted: usize,
    focused: bool,
}

/// How well `label` matches `query` (lower is better), or `None` when it does not: every word of
/// the query must occur in the label; a label starting with the query, or a code name starting
/// with it, ranks first.
pub fn rank(entry: &PaletteEntry, query: &str) -> Option<u8> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Some(3);
    }
    let label = entry.label.to_lowercase();
    let name = label.split_once(": ").map_or(label.as_str(), |(_, n)| n);
    if name.starts_with(&q) && matches!(entry.command, PaletteCommand::ApplyCode(_)) {
        Some(0)
    } else if label.starts_with(&q) || name.starts_with(&q) {
        Some(1)
    } else if q.split_whitespace().all(|w| label.contains(w)) {
        Some(2)
    } else {
        None
    }
}

impl SpanwiseApp {
    /// Every entry the palette offers, in a fixed order: actions, codes, documents.
    pub fn palette_entries(&self) -> Vec<PaletteEntry> {
        let mut out: Vec<PaletteEntry> = Action::all()
            .filter(|a| *a != Action::CommandPalette && a.spec().handler != Handler::CodeKeys)
            .filter(|a| self.action_available(*a))
            .map(|a| PaletteEntry {
                command: PaletteCommand::Action(a),
                label: a.label().trim_end_matches('…').to_string(),
                shortcut: a.shortcut_text(),
            })
            .collect();
        if let Some(ws) = self.workspace.as_ref() {
            // codes are applied in the coding view only, as their keys are
            let codes = self.action_available(Action::ApplyCodeByKey);
            for c in ws.project().codebook.codes.iter().filter(|_| codes) {
                out.push(PaletteEntry {
                    command: PaletteCommand::ApplyCode(c.id.clone()),
                    label: tr_args("palette-apply-code", &[("code", (&c.name).into())]),
                    shortcut: c.key.map(String::from).unwrap_or_default(),
                });
            }
            for (i, d) in ws.project().corpus.documents.iter().enumerate() {
                out.push(PaletteEntry {
                    command: PaletteCommand::GoToDocument(i),
                    label: tr_args(
                        "palette-go-to-document",
                        &[("title", (&d.meta.title).into())],
                    ),
                    shortcut: String::new(),
                });
            }
        }
        out
    }

    /// The entries matching a query, best first.
    pub fn palette_matches(&self, query: &str) -> Vec<PaletteEntry> {
        let mut scored: Vec<(u8, PaletteEntry)> = self
            .palette_entries()
            .into_iter()
            .filter_map(|e| rank(&e, query).map(|r| (r, e)))
            .collect();
        scored.sort_by_key(|(r, _)| *r);
        scored.into_iter().map(|(_, e)| e).collect()
    }

    /// Closes the palette and queues its entry for the end of the frame.
    pub fn run_palette_command(&mut self, command: PaletteCommand) {
        self.queue(AppCommand::Close(WindowId::Palette));
        self.queue(command.into());
    }

    pub(super) fn palette_window(&mut self, ui: &mut Ui) {
        let Some(mut palette) = self.palette.take() else {
            return;
        };
        let matches = self.palette_matches(&palette.query);
        match palette.ui(ui, &matches) {
            PaletteOutcome::Keep => self.palette = Some(palette),
            PaletteOutcome::Close => self.queue(AppCommand::Close(WindowId::Palette)),
            PaletteOutcome::Run(command) => self.queue(command.into()),
        }
    }
}

/// What the palette asks for after a frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaletteOutcome {
    /// Stay open.
    Keep,
    /// Close without running anything (Esc).
    Close,
    /// Close and run this entry.
    Run(PaletteCommand),
}

impl From<PaletteCommand> for AppCommand {
    fn from(command: PaletteCommand) -> Self {
        match command {
            PaletteCommand::Action(a) => AppCommand::Perform(a),
            PaletteCommand::ApplyCode(code) => AppCommand::ApplyCode(code),
            PaletteCommand::GoToDocument(i) => AppCommand::OpenDocument(i),
        }
    }
}

impl Palette {
    /// Draws the palette over `matches` (best first) and reads its keys.
    pub fn ui(&mut self, ui: &mut Ui, matches: &[PaletteEntry]) -> PaletteOutcome {
        let (down, up, enter, escape) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if escape {
            return PaletteOutcome::Close;
        }
        if down {
            self.highlighted = (self.highlighted + 1).min(matches.len().saturating_sub(1));
        }
        if up {
            self.highlighted = self.highlighted.saturating_sub(1);
        }
        let mut run = None;
        if enter {
            run = matches.get(self.highlighted).map(|e| e.command.clone());
        }
        let width = 560.0;
        egui::Window::new(WindowId::Palette.title())
            .title_bar(false)
            .resizable(false)
            .fixed_size(vec2(width, 360.0))
            .anchor(egui::Align2::CENTER_TOP, vec2(0.0, 60.0))
            .show(ui.ctx(), |ui| {
                let before = self.query.clone();
                let resp = ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text(tr("palette-hint"))
                        .desired_width(f32::INFINITY),
                );
                let resp = resp.on_hover_text(tr("palette-command"));
                if !self.focused {
                    resp.request_focus();
                    self.focused = true;
                }
                if self.query != before {
                    self.highlighted = 0;
                }
                ui.separator();
                if let Some(c) = self.list(ui, matches, width, up || down) {
                    run = Some(c);
                }
            });
        run.map_or(PaletteOutcome::Keep, PaletteOutcome::Run)
    }

    fn list(
        &self,
        ui: &mut Ui,
        matches: &[PaletteEntry],
        width: f32,
        moved: bool,
    ) -> Option<PaletteCommand> {
        let mut run = None;
        egui::ScrollArea::vertical()
            .id_salt("palette-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, e) in matches.iter().enumerate() {
                    let on = i == self.highlighted;
                    let mut b = egui::Button::selectable(on, e.label.as_str())
                        .wrap_mode(egui::TextWrapMode::Truncate)
                        .min_size(vec2(width - 20.0, 0.0));
                    if !e.shortcut.is_empty() {
                        b = b.shortcut_text(RichText::new(&e.shortcut).weak());
                    }
                    let r = ui.add(b);
                    if on && moved {
                        r.scroll_to_me(None);
                    }
                    if r.clicked() {
                        run = Some(e.command.clone());
                    }
                }
                if matches.is_empty() {
                    ui.label(RichText::new(tr("palette-nothing")).weak());
                }
            });
        run
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(command: PaletteCommand, label: &str) -> PaletteEntry {
        PaletteEntry {
            command,
            label: label.into(),
            shortcut: String::new(),
        }
    }

    #[test]
    fn a_code_name_ranks_its_apply_entry_first() {
        let code = entry(
            PaletteCommand::ApplyCode(CodeId("risk".into())),
            "Apply code: risk",
        );
        let doc = entry(
            PaletteCommand::GoToDocument(0),
            "Go to document: Risiko Huawei",
        );
        assert_eq!(rank(&code, "ri"), Some(0));
        assert_eq!(rank(&doc, "ri"), Some(1));
        assert_eq!(rank(&doc, "go huawei"), Some(2));
        assert_eq!(rank(&doc, "commitment"), None);
    }
}
