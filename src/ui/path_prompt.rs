//! A file question asked in the window: a path field filled with the suggested path, checked
//! before it is accepted. Used where the system has no file dialog (no desktop portal, no
//! zenity), when the system dialog fails to appear, or when the preference asks for it.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::dialogs::{Pick, Question};
use super::i18n::{tr, tr_args};

/// The state of the path field: the question, the text typed, and what is wrong with it.
#[derive(Debug, Clone)]
pub struct PathPrompt {
    /// The question being answered.
    pub question: Question,
    /// The path as typed (one per line when several files are asked for).
    pub text: String,
    note: Option<&'static str>,
    error: Option<String>,
    focus: bool,
}

/// What the user did with the path field this frame.
pub type PromptOutcome = Option<Option<Vec<PathBuf>>>;

impl PathPrompt {
    /// A path field for `question`, filled with the folder questions start in (and the
    /// suggested file name for a file to write).
    pub fn new(question: Question, start: Option<&Path>, note: Option<&'static str>) -> Self {
        let dir = start.map(Path::to_path_buf).unwrap_or_default();
        let path = match (&question.pick, &question.file_name) {
            (Pick::Save, Some(name)) => dir.join(name),
            _ => dir,
        };
        let mut text = path.display().to_string();
        if matches!(question.pick, Pick::File | Pick::Files) && !text.is_empty() {
            text.push(std::path::MAIN_SEPARATOR);
        }
        Self {
            question,
            text,
            note,
            error: None,
            focus: true,
        }
    }

    /// Draws the window. `None`: still open; `Some(None)`: cancelled; `Some(Some(paths))`: the
    /// paths were checked and chosen.
    pub fn ui(&mut self, ui: &mut Ui) -> PromptOutcome {
        let mut outcome = None;
        let mut open = true;
        egui::Window::new(tr(self.question.title))
            .id(egui::Id::unique("path-prompt"))
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .show(ui.ctx(), |ui| outcome = self.contents(ui));
        if !open {
            return Some(None);
        }
        outcome
    }

    fn contents(&mut self, ui: &mut Ui) -> PromptOutcome {
        ui.label(tr(self.note.unwrap_or("prompt-no-dialog")));
        let label = ui.label(tr(match self.question.pick {
            Pick::Files => "prompt-files",
            Pick::Folder | Pick::NewFolder => "prompt-folder",
            Pick::File | Pick::Save => "prompt-file",
        }));
        let edit = if self.question.pick == Pick::Files {
            egui::TextEdit::multiline(&mut self.text).desired_rows(3)
        } else {
            egui::TextEdit::singleline(&mut self.text)
        };
        let response = ui
            .add(edit.desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if std::mem::take(&mut self.focus) {
            response.request_focus();
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if let Some(error) = &self.error {
            ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
        }
        let mut outcome = None;
        ui.horizontal(|ui| {
            if ui.button(tr(self.ok_label())).clicked() || entered {
                outcome = self.accept();
            }
            if ui.button(tr("prompt-cancel")).clicked() {
                outcome = Some(None);
            }
        });
        outcome
    }

    fn ok_label(&self) -> &'static str {
        match self.question.pick {
            Pick::Save if self.paths().first().is_some_and(|p| p.is_file()) => "prompt-replace",
            Pick::Save => "prompt-save",
            Pick::Folder | Pick::NewFolder => "prompt-choose",
            Pick::File | Pick::Files => "prompt-open",
        }
    }

    /// The paths typed, `~` standing for the home folder.
    fn paths(&self) -> Vec<PathBuf> {
        self.text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(expand_home)
            .collect()
    }

    fn accept(&mut self) -> PromptOutcome {
        match check(self.question.pick, &self.paths()) {
            Ok(paths) => Some(Some(paths)),
            Err(e) => {
                self.error = Some(e);
                self.focus = true;
                None
            }
        }
    }
}

/// Checks typed paths against what the question picks; the message says what is wrong.
pub fn check(pick: Pick, paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    if paths.is_empty() {
        return Err(tr("prompt-type-first"));
    }
    if pick != Pick::Files && paths.len() > 1 {
        return Err(tr("prompt-one-only"));
    }
    for path in paths {
        let problem = match pick {
            Pick::Folder if !path.is_dir() => Some("problem-no-folder"),
            Pick::NewFolder if path.exists() && !path.is_dir() => Some("problem-file-not-folder"),
            Pick::NewFolder if !path.exists() && !parent_is_dir(path) => Some("problem-no-parent"),
            Pick::File | Pick::Files if !path.is_file() => Some("problem-no-file"),
            Pick::Save if path.is_dir() => Some("problem-folder-not-file"),
            Pick::Save if !parent_is_dir(path) => Some("problem-no-folder-for-file"),
            _ => None,
        };
        if let Some(problem) = problem {
            return Err(tr_args(
                "prompt-not-usable",
                &[
                    ("problem", tr(problem).into()),
                    ("path", path.display().to_string().into()),
                ],
            ));
        }
    }
    Ok(paths.to_vec())
}

fn parent_is_dir(path: &Path) -> bool {
    path.parent()
        .is_some_and(|p| p.as_os_str().is_empty() || p.is_dir())
}

fn expand_home(line: &str) -> PathBuf {
    match (line.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_checked_against_what_the_question_picks() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let missing = dir.path().join("nope");
        assert!(check(Pick::Folder, &[dir.path().into()]).is_ok());
        assert!(
            check(Pick::Folder, std::slice::from_ref(&missing))
                .unwrap_err()
                .contains("no folder")
        );
        assert!(check(Pick::NewFolder, std::slice::from_ref(&missing)).is_ok());
        assert!(check(Pick::NewFolder, &[missing.join("deeper")]).is_err());
        assert!(check(Pick::File, std::slice::from_ref(&file)).is_ok());
        assert!(check(Pick::Files, &[file.clone(), missing.clone()]).is_err());
        assert!(check(Pick::Save, std::slice::from_ref(&missing)).is_ok());
        assert!(check(Pick::Save, &[dir.path().into()]).is_err());
        assert!(check(Pick::Save, &[missing.join("x/y.csv")]).is_err());
        assert!(check(Pick::File, &[]).is_err());
    }
}
