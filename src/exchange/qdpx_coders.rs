//! Codes and coders of a QDA-XML project as Spanwise holds them: code ids from names, colours as
//! `#RRGGBB`, one coder per `User`, and the standard's rule for who made a coding.
//!
//! Who coded: REFI-QDA defines a `Coding` as "the application of a code to a selection", and a
//! Spanwise coding is exactly that, so `Coding/@creatingUser` (who applied the code) decides. The
//! `PlainTextSelection/@creatingUser` (who marked the text), then its `modifyingUser`, then the
//! project's `creatingUserGUID` stand in when the coding names nobody. Tools differ (NVivo fills
//! both and they can differ; QualCoder reads only the selection's), so every difference is
//! reported, never resolved silently.

use std::collections::HashMap;

use super::qde::{QdeCoding, QdeProject, QdeSelection};
use crate::model::codebook::{CodeId, Codebook, parse_hex_colour};
use crate::model::coder::coder_file_stem;
use crate::model::new_code::new_code;

/// Coder name for codings whose user the `.qdpx` does not name.
pub const UNKNOWN_CODER: &str = "unknown";

/// GUIDs compare without braces and case.
pub fn guid_key(guid: &str) -> String {
    guid.trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .to_uppercase()
}

/// Codes with ids, colours and keys allocated by [`crate::model::new_code`] (the file's colour when
/// it has one), in the file's order.
pub fn build_codebook(qde: &QdeProject) -> (Codebook, HashMap<String, CodeId>) {
    let mut by_guid: HashMap<String, CodeId> = HashMap::new();
    let mut book = Codebook::default();
    for c in &qde.codes {
        let colour = expand_colour(&c.color);
        let mut code = new_code(&book, &c.name, colour.as_deref());
        if code.name.is_empty() {
            code.name = code.id.0.clone();
        }
        code.definition = c.description.clone();
        code.parent = c
            .parent
            .as_ref()
            .and_then(|p| by_guid.get(&guid_key(p)).cloned());
        let id = code.id.clone();
        book.codes.push(code);
        by_guid.insert(guid_key(&c.guid), id);
    }
    (book, by_guid)
}

pub fn unique(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken(c))
        .expect("some suffix is free")
}

/// `#RGB` or `#RRGGBB` as upper-case `#RRGGBB`.
fn expand_colour(colour: &str) -> Option<String> {
    let hex = colour.trim().strip_prefix('#')?;
    let full = if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_string()
    };
    parse_hex_colour(&format!("#{full}")).map(|[r, g, b]| format!("#{r:02X}{g:02X}{b:02X}"))
}

/// Coder names by user GUID: the user's name, else id, else part of the GUID; unique file stems.
pub fn user_names(qde: &QdeProject) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut stems: Vec<String> = vec![coder_file_stem(UNKNOWN_CODER)];
    for u in &qde.users {
        let base = [u.name.trim(), u.id.trim()]
            .into_iter()
            .find(|s| !s.is_empty())
            .map_or_else(
                || {
                    format!(
                        "user-{}",
                        &guid_key(&u.guid).chars().take(8).collect::<String>()
                    )
                },
                str::to_string,
            );
        let name = unique(base, |n| stems.contains(&coder_file_stem(n)));
        stems.push(coder_file_stem(&name));
        out.insert(guid_key(&u.guid), name);
    }
    out
}

/// The user GUID that made a coding, by the precedence above, and where it came from.
pub fn coding_user<'a>(
    coding: &'a QdeCoding,
    sel: &'a QdeSelection,
    qde: &'a QdeProject,
) -> Option<&'a String> {
    coding
        .user
        .as_ref()
        .or(sel.user.as_ref())
        .or(sel.modifying_user.as_ref())
        .or(qde.creating_user.as_ref())
}

/// True when the coding and its selection name different users (both given).
pub fn users_differ(coding: &QdeCoding, sel: &QdeSelection) -> bool {
    matches!((&coding.user, &sel.user), (Some(c), Some(s)) if guid_key(c) != guid_key(s))
}
