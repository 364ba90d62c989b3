//! Which language the window speaks: the system locale's (German for `de-*`, English otherwise)
//! unless the settings name one.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English.
    English,
    /// German.
    German,
}

impl Language {
    /// Every language with a catalogue.
    pub const ALL: [Language; 2] = [Language::English, Language::German];

    /// The BCP 47 tag, also the catalogue's file name (`en.ftl`).
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
        }
    }

    pub(super) fn index(self) -> usize {
        match self {
            Language::English => 0,
            Language::German => 1,
        }
    }

    /// The language for a locale name as systems give it (`de-DE`, `de_AT.UTF-8`, `en-US`,
    /// `C`): German for German locales, English for every other.
    pub fn for_locale(locale: &str) -> Language {
        let lang = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default();
        if lang.eq_ignore_ascii_case("de") {
            Language::German
        } else {
            Language::English
        }
    }

    /// The system locale's language, asked once per run.
    pub fn system() -> Language {
        static SYSTEM: OnceLock<Language> = OnceLock::new();
        *SYSTEM.get_or_init(|| {
            let locale = sys_locale::get_locale().unwrap_or_default();
            log::debug!("system locale: {locale:?}");
            Language::for_locale(&locale)
        })
    }
}

/// The language setting, remembered in the preferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LanguageChoice {
    /// The system locale's language.
    #[default]
    System,
    /// Always German.
    German,
    /// Always English.
    English,
}

impl LanguageChoice {
    /// The choices, in menu order.
    pub const ALL: [LanguageChoice; 3] = [
        LanguageChoice::System,
        LanguageChoice::German,
        LanguageChoice::English,
    ];

    /// The language this choice means on this machine.
    pub fn resolve(self) -> Language {
        match self {
            LanguageChoice::System => Language::system(),
            LanguageChoice::German => Language::German,
            LanguageChoice::English => Language::English,
        }
    }

    /// The catalogue key of the choice's menu label ("System", "Deutsch", "English": each
    /// language is named in its own words, so a user who cannot read the current one finds it).
    pub fn label_key(self) -> &'static str {
        match self {
            LanguageChoice::System => "language-system",
            LanguageChoice::German => "language-german",
            LanguageChoice::English => "language-english",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_locales_choose_german_and_every_other_english() {
        for de in ["de", "de-DE", "de_AT.UTF-8", "DE-ch", "de@euro"] {
            assert_eq!(Language::for_locale(de), Language::German, "{de}");
        }
        for en in ["en-US", "C", "POSIX", "", "fr_FR.UTF-8", "dsb-DE"] {
            assert_eq!(Language::for_locale(en), Language::English, "{en}");
        }
    }
}
