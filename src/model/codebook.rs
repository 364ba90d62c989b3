//! The codebook: the codes a project's analysts apply, with colour, shortcut key and definition.

use serde::{Deserialize, Serialize};

/// Stable identifier of a code (never shown as its name; renaming keeps it).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CodeId(pub String);

impl CodeId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CodeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One code of the codebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    /// Stable id, referenced by codings.
    pub id: CodeId,
    /// Name shown to analysts.
    pub name: String,
    /// Colour as `#RRGGBB`.
    pub colour: String,
    /// Key that applies the code to the selection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<char>,
    /// One-paragraph definition for coders.
    #[serde(default)]
    pub definition: String,
    /// Parent code, for sub-codes (e.g. risk › data protection).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<CodeId>,
    /// Fields a coding of this code may carry (e.g. `actor`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<AttributeDef>,
}

impl Code {
    /// A code named after its id, in a colour, with no key, definition, parent or fields.
    pub fn plain(id: &str, colour: &str) -> Self {
        Self {
            id: CodeId(id.into()),
            name: id.into(),
            colour: colour.into(),
            key: None,
            definition: String::new(),
            parent: None,
            attributes: Vec::new(),
        }
    }

    /// The colour as RGB bytes (grey when the text is not `#RRGGBB`).
    pub fn rgb(&self) -> [u8; 3] {
        parse_hex_colour(&self.colour).unwrap_or([128, 128, 128])
    }
}

/// A field that codings of a code may carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeDef {
    /// Field name, e.g. `actor`.
    pub name: String,
    /// Allowed values; empty means free text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
}

/// The list of codes, in display order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Codebook {
    /// Codes in display order.
    pub codes: Vec<Code>,
}

impl Codebook {
    /// The code with this id.
    pub fn get(&self, id: &CodeId) -> Option<&Code> {
        self.codes.iter().find(|c| &c.id == id)
    }

    /// The code bound to a shortcut key.
    pub fn by_key(&self, key: char) -> Option<&Code> {
        self.codes.iter().find(|c| c.key == Some(key))
    }

    /// Position of a code in display order.
    pub fn index_of(&self, id: &CodeId) -> Option<usize> {
        self.codes.iter().position(|c| &c.id == id)
    }

    /// (id, name) of every code in display order, for code pickers that outlive a borrow.
    pub fn labels(&self) -> Vec<(CodeId, String)> {
        self.codes
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect()
    }

    /// The name of a code, or its id when the code is unknown.
    pub fn name_of(&self, id: &CodeId) -> String {
        self.get(id)
            .map_or_else(|| id.0.clone(), |c| c.name.clone())
    }
}

/// The Okabe–Ito palette: distinguishable for colour-blind readers, used for new codes.
pub const OKABE_ITO: [&str; 8] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
];

/// Parses `#RRGGBB`.
pub fn parse_hex_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hex_colours() {
        assert_eq!(parse_hex_colour("#E69F00"), Some([0xE6, 0x9F, 0x00]));
        assert_eq!(parse_hex_colour("E69F00"), None);
        assert_eq!(parse_hex_colour("#E69F0"), None);
    }
}
