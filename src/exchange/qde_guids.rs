//! Every GUID read from `project.qde`, with the element and byte offset that introduced it, so a
//! GUID that occurs twice is refused with both places instead of two objects being merged.
//!
//! GUIDs compare without braces, hyphens and case (REFI-QDA writes them in every style). Hex GUIDs
//! are kept as 128-bit numbers: a 600,000-coding project registers over a million of them.

use std::collections::HashMap;

use super::qde_error::QdeError;

/// GUIDs seen so far.
#[derive(Debug, Default)]
pub struct GuidRegistry {
    /// Hex GUIDs: element (index into `elements`) and byte offset.
    hex: HashMap<u128, (u16, u64)>,
    /// GUIDs that are not 32 hex digits.
    other: HashMap<String, (u16, u64)>,
    /// Element names, each once.
    elements: Vec<String>,
}

impl GuidRegistry {
    /// Records `guid` of `element` at byte `offset`; an error when it was seen before.
    pub fn register(&mut self, guid: &str, element: &str, offset: u64) -> Result<(), QdeError> {
        let key: String = guid
            .trim()
            .chars()
            .filter(|c| !matches!(c, '{' | '}' | '-'))
            .collect::<String>()
            .to_lowercase();
        let kind = match self.elements.iter().position(|e| e == element) {
            Some(i) => i as u16,
            None => {
                self.elements.push(element.to_string());
                (self.elements.len() - 1) as u16
            }
        };
        let first = match u128::from_str_radix(&key, 16)
            .ok()
            .filter(|_| key.len() == 32)
        {
            Some(n) => self.hex.insert(n, (kind, offset)),
            None => self.other.insert(key, (kind, offset)),
        };
        match first {
            None => Ok(()),
            Some((first_kind, first_offset)) => Err(QdeError::DuplicateGuid {
                guid: guid.to_string(),
                element: element.to_string(),
                offset,
                first_element: self.elements[first_kind as usize].clone(),
                first_offset,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_guid_in_another_spelling_is_a_duplicate() {
        let mut r = GuidRegistry::default();
        r.register("{AAAAAAAA-0000-0000-0000-000000000001}", "Code", 10)
            .unwrap();
        r.register("not-a-guid", "Note", 20).unwrap();
        let err = r
            .register(
                "aaaaaaaa-0000-0000-0000-000000000001",
                "PlainTextSelection",
                30,
            )
            .unwrap_err();
        assert!(matches!(
            err,
            QdeError::DuplicateGuid { ref first_element, first_offset: 10, offset: 30, .. }
                if first_element == "Code"
        ));
        assert!(r.register("NOT-A-GUID", "User", 40).is_err());
    }
}
