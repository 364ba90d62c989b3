//! How a new code gets its id, colour and key: one rule for every way a code is made (the
//! codebook editor, the .qdpx import, adjudication), so a project round-tripped through another
//! tool keeps its ids and keys.

use crate::model::codebook::{Code, CodeId, Codebook, OKABE_ITO};

/// The id for a code named `name`: lower-case letters and digits of the name (umlauts kept),
/// every run of other characters one `-`, made unique with `-2`, `-3`, … ("Frame: economic" →
/// `frame-economic`). An empty result becomes `code`.
pub fn code_id_for(book: &Codebook, name: &str) -> CodeId {
    let mut base = String::new();
    for c in name.trim().to_lowercase().chars() {
        if c.is_alphanumeric() || c == '_' {
            base.push(c);
        } else if !base.ends_with('-') {
            base.push('-');
        }
    }
    let base = base.trim_matches('-');
    let base = if base.is_empty() { "code" } else { base };
    let taken = |id: &str| book.get(&CodeId(id.to_string())).is_some();
    let id = if taken(base) {
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .expect("some suffix is free")
    } else {
        base.to_string()
    };
    CodeId(id)
}

/// The first Okabe–Ito colour no code uses yet; when all are used, the palette again in turn.
pub fn next_colour(book: &Codebook) -> &'static str {
    OKABE_ITO
        .iter()
        .find(|c| !book.codes.iter().any(|k| k.colour.eq_ignore_ascii_case(c)))
        .unwrap_or(&OKABE_ITO[book.codes.len() % OKABE_ITO.len()])
}

/// The first digit key 1–9 no code uses yet (digits are the code keys; no action uses them).
pub fn next_key(book: &Codebook) -> Option<char> {
    ('1'..='9').find(|k| book.by_key(*k).is_none())
}

/// A key that an action of the window already answers to (with any modifiers its handler
/// ignores), so a code may not have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReservedKey {
    /// The character, lower-case.
    pub key: char,
    /// The action's label, e.g. "Next coding".
    pub action: String,
}

/// Why a code may not have a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyRefused {
    /// An action uses the key.
    #[error("key `{key}` is already the action “{action}”")]
    Action {
        /// The key asked for.
        key: char,
        /// The action's label.
        action: String,
    },
    /// Another code has the key.
    #[error("key `{key}` is already used by `{code}`")]
    Code {
        /// The key asked for.
        key: char,
        /// The other code's name.
        code: String,
    },
}

/// Whether code `id` may have `key`: not when an action in `reserved` uses it or another code
/// has it (letters compare without case: a key press does not tell `n` from `N`).
pub fn check_key(
    book: &Codebook,
    id: &CodeId,
    key: char,
    reserved: &[ReservedKey],
) -> Result<(), KeyRefused> {
    let lower = key.to_lowercase().next().unwrap_or(key);
    if let Some(r) = reserved.iter().find(|r| r.key == lower) {
        return Err(KeyRefused::Action {
            key,
            action: r.action.clone(),
        });
    }
    let other = book.codes.iter().find(|c| {
        &c.id != id
            && c.key
                .is_some_and(|k| k.to_lowercase().next().unwrap_or(k) == lower)
    });
    match other {
        Some(c) => Err(KeyRefused::Code {
            key,
            code: c.name.clone(),
        }),
        None => Ok(()),
    }
}

/// A new code named `name` with its id, colour and key allocated by the rules above; `colour`
/// (e.g. from an imported file) wins over the palette when it is a valid `#RRGGBB`.
pub fn new_code(book: &Codebook, name: &str, colour: Option<&str>) -> Code {
    let colour = colour
        .filter(|c| crate::model::codebook::parse_hex_colour(c).is_some())
        .map_or_else(|| next_colour(book).to_string(), str::to_string);
    Code {
        id: code_id_for(book, name),
        name: name.trim().to_string(),
        colour,
        key: next_key(book),
        definition: String::new(),
        parent: None,
        attributes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(ids: &[&str]) -> Codebook {
        Codebook {
            codes: ids
                .iter()
                .zip(OKABE_ITO)
                .map(|(id, c)| Code {
                    key: id.chars().next().filter(char::is_ascii_digit),
                    ..Code::plain(id, c)
                })
                .collect(),
        }
    }

    #[test]
    fn ids_are_readable_slugs_and_unique() {
        let b = book(&["frame-economic"]);
        assert_eq!(code_id_for(&b, "Frame: economic").0, "frame-economic-2");
        assert_eq!(
            code_id_for(&b, "  Risiko – Datenschutz ").0,
            "risiko-datenschutz"
        );
        assert_eq!(code_id_for(&b, "Überwachung").0, "überwachung");
        assert_eq!(code_id_for(&b, "„…“").0, "code");
    }

    #[test]
    fn colour_and_key_are_the_first_free_ones() {
        let b = book(&["1", "2"]);
        assert_eq!(next_key(&b), Some('3'));
        assert_eq!(next_colour(&b), OKABE_ITO[2]);
        let code = new_code(&b, "Frame", Some("#123456"));
        assert_eq!((code.colour.as_str(), code.key), ("#123456", Some('3')));
        assert_eq!(new_code(&b, "Frame", Some("blue")).colour, OKABE_ITO[2]);
    }

    #[test]
    fn a_key_of_an_action_or_another_code_is_refused_by_name() {
        let b = book(&["1", "2"]);
        let reserved = [ReservedKey {
            key: 'n',
            action: "Next coding".into(),
        }];
        let own = CodeId("1".into());
        let err = check_key(&b, &own, 'N', &reserved).unwrap_err();
        assert_eq!(
            err.to_string(),
            "key `N` is already the action “Next coding”"
        );
        let err = check_key(&b, &own, '2', &reserved).unwrap_err();
        assert_eq!(err.to_string(), "key `2` is already used by `2`");
        assert_eq!(check_key(&b, &own, '1', &reserved), Ok(()), "its own key");
        assert_eq!(check_key(&b, &own, 'ä', &reserved), Ok(()));
    }
}
