//! Memos and free-text fields in the window. What is typed lives in the workspace as a draft
//! ([`crate::edit::workspace::Draft`]); the app commits it at every way out of the field: focus
//! loss (the field itself), another article or review mode ([`SpanwiseApp::commit_typing`] at
//! those hooks), a field that vanished without seeing its focus go, and every save and quit.
//! A field only reads the workspace while it draws: the keystrokes and the commit are queued as
//! [`AppCommand::Type`] and [`AppCommand::CommitTyping`].

use egui::Ui;

use crate::edit::workspace::TextTarget;

use super::app::SpanwiseApp;
use super::fields::{draft_field, draft_field_id};

impl SpanwiseApp {
    /// A memo or free-text field for `target`, disabled while coding is blocked.
    pub(super) fn text_field(&mut self, ui: &mut Ui, target: TextTarget, label: &str, multi: bool) {
        let enabled = self.coding_blocked().is_none();
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        let commands = draft_field(ui, ws, target, label, multi, enabled);
        self.commands.extend(commands);
    }

    /// Records what was typed into the field for `target` (the shell's side of
    /// [`AppCommand::Type`]).
    pub(super) fn type_text(&mut self, target: TextTarget, text: String) {
        if let Some(ws) = self.workspace.as_mut()
            && let Err(e) = ws.type_text(target, text)
        {
            self.message = Some(super::i18n::tr_args(
                "memo-not-stored",
                &[("error", e.to_string().into())],
            ));
        }
    }

    /// Commits the text being typed as one undo step (before the article or the mode changes,
    /// and before quitting).
    pub fn commit_typing(&mut self) {
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        if let Err(e) = ws.commit_draft() {
            self.message = Some(super::i18n::tr_args(
                "memo-not-stored",
                &[("error", e.to_string().into())],
            ));
        }
    }

    /// Commits a draft whose field no longer has keyboard focus: it was left in a way the field
    /// itself did not see (it was not drawn any more, or a window covering it closed).
    pub(super) fn commit_unfocused_typing(&mut self, ctx: &egui::Context) {
        let Some(target) = self
            .workspace
            .as_ref()
            .and_then(|ws| ws.draft())
            .map(|d| d.target.clone())
        else {
            return;
        };
        if ctx.memory(|m| m.focused()) != Some(draft_field_id(&target)) {
            self.commit_typing();
        }
    }
}
