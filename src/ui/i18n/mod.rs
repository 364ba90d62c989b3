//! The interface's language. Every visible string of the window comes from one Fluent catalogue
//! per language (`assets/i18n/en.ftl`, `assets/i18n/de.ftl`, embedded in the binary): [`tr`]
//! looks a message up in the current language, [`tr_args`] fills its variables (counts select
//! the plural form: "1 coding" / "3 codings"). A missing message shows its key and is logged
//! once; nothing here panics.
//!
//! The current language belongs to the thread that draws the window: the app sets it from its
//! preferences at the start of every frame ([`set_language`]), so a change in the settings
//! applies on the next frame, and two windows in one process (the tests) do not disturb each
//! other. A thread that never sets it speaks English.

mod catalogue;
mod language;

use std::cell::Cell;
use std::collections::BTreeSet;
use std::sync::Mutex;

use fluent_bundle::{FluentArgs, FluentValue};

pub use catalogue::{messages, source};
pub use language::{Language, LanguageChoice};

use catalogue::Catalogue;

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
    static CATALOGUES: [Catalogue; 2] =
        [Catalogue::load(Language::English), Catalogue::load(Language::German)];
}

/// Keys (and formatting problems) already logged, so a missing message is logged once.
static WARNED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

/// The language [`tr`] speaks on this thread.
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// Makes `language` the one [`tr`] speaks on this thread.
pub fn set_language(language: Language) {
    CURRENT.with(|c| c.set(language));
}

/// A value for a message's variable: a number (which also selects plural forms) or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// A count or other number.
    Number(f64),
    /// A name, a path, an error.
    Text(std::borrow::Cow<'a, str>),
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize, f64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s.into())
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(s.as_str().into())
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(s.into())
    }
}

/// The message `key` in the current language (the key itself when no catalogue has it).
pub fn tr(key: &str) -> String {
    tr_in(language(), key, &[])
}

/// The message `key` in the current language with its variables filled, e.g.
/// `tr_args("status-saved", &[("files", "coding/anna.ron".into())])` → "Saved coding/anna.ron".
pub fn tr_args(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    tr_in(language(), key, args)
}

/// The message `key` in a given language (the README's key table is English whatever the
/// window speaks). Falls back to English, then to the key itself; either is logged once.
pub fn tr_in(language: Language, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| fluent_args(args));
    let found = CATALOGUES.with(|c| {
        c[language.index()]
            .format(key, fluent_args.as_ref())
            .or_else(|| {
                let english = c[Language::English.index()].format(key, fluent_args.as_ref());
                if english.is_some() {
                    warn_once(&format!("{key}: missing in {}.ftl", language.tag()));
                }
                english
            })
    });
    found.unwrap_or_else(|| {
        warn_once(&format!("{key}: no such message in the catalogues"));
        key.to_string()
    })
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg<'a>)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (name, value) in args {
        match value {
            // whole numbers as integers, so plural rules see "1", not "1.0"
            Arg::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                out.set(*name, FluentValue::from(*n as i64))
            }
            Arg::Number(n) => out.set(*name, FluentValue::from(*n)),
            Arg::Text(s) => out.set(*name, FluentValue::from(s.as_ref())),
        }
    }
    out
}

/// Logs a catalogue problem the first time it happens.
fn warn_once(problem: &str) {
    let first = WARNED
        .lock()
        .map(|mut w| w.insert(problem.to_string()))
        .unwrap_or(false);
    if first {
        log::warn!("i18n: {problem}");
    }
}

/// Whether a catalogue problem has been logged (for tests of the fallback).
pub fn was_logged(problem_start: &str) -> bool {
    WARNED
        .lock()
        .map(|w| w.iter().any(|p| p.starts_with(problem_start)))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_key_shows_the_key_and_is_logged_once() {
        assert_eq!(tr("no-such-key-anywhere"), "no-such-key-anywhere");
        assert!(was_logged("no-such-key-anywhere"));
        assert_eq!(tr("no-such-key-anywhere"), "no-such-key-anywhere");
        let logged = WARNED.lock().unwrap();
        assert_eq!(
            logged
                .iter()
                .filter(|p| p.starts_with("no-such-key-anywhere"))
                .count(),
            1
        );
    }

    #[test]
    fn the_language_belongs_to_the_thread_that_sets_it() {
        set_language(Language::German);
        assert_eq!(tr("menu-file"), "Datei");
        let other = std::thread::spawn(|| tr("menu-file")).join().unwrap();
        assert_eq!(
            other, "File",
            "a thread that never set a language speaks English"
        );
        set_language(Language::English);
        assert_eq!(tr("menu-file"), "File");
    }
}
