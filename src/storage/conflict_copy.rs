//! Conflict copies that file-sync tools leave beside a coder file when two machines changed it at
//! once. Read as an ordinary `coding/*.ron`, such a copy would count as an extra coder and be
//! compared with the real one; recognised by its name, it is reported as a second version of its
//! coder instead.
//!
//! The name patterns, as the tools write them:
//! - Dropbox: `anna (conflicted copy 2026-12-01).ron`, `anna (Ben's conflicted copy 2026-12-01).ron`
//! - Nextcloud and ownCloud desktop clients since 2.5: `anna (conflicted copy 2026-12-01 123456).ron`
//!   (also with a user name before the date); before 2.5: `anna_conflict-20261201-123456.ron`
//!   and `anna_conflict-ben-20261201-123456.ron`
//! - Syncthing: `anna.sync-conflict-20261201-123456-ABCDEFG.ron`
//!
//! OneDrive's `anna-LAPTOP.ron` (the machine name appended) cannot be told from a coder called
//! `anna-LAPTOP` by its name, so it is not recognised.

/// A conflict copy: which coder file it belongs to and which tool made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    /// The file stem of the coder file it is a version of.
    pub coder: String,
    /// The sync tool whose naming it follows.
    pub tool: &'static str,
}

/// Recognises a conflict copy by its file stem (the name without `.ron`).
pub fn conflict_copy(stem: &str) -> Option<ConflictCopy> {
    syncthing(stem)
        .or_else(|| parenthesised(stem))
        .or_else(|| owncloud_before_2_5(stem))
        .filter(|c| !c.coder.is_empty())
}

/// `name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE`.
fn syncthing(stem: &str) -> Option<ConflictCopy> {
    let (coder, tag) = stem.rsplit_once(".sync-conflict-")?;
    let mut parts = tag.splitn(3, '-');
    let date = parts.next()?;
    let time = parts.next()?;
    (digits(date, 8) && digits(time, 6)).then(|| ConflictCopy {
        coder: coder.to_string(),
        tool: "Syncthing",
    })
}

/// `name (… conflicted copy … YYYY-MM-DD[ HHMMSS])`: Dropbox, Nextcloud, ownCloud.
fn parenthesised(stem: &str) -> Option<ConflictCopy> {
    let inner = stem.strip_suffix(')')?;
    let (coder, tag) = inner.rsplit_once(" (")?;
    if !tag.contains("conflicted copy") {
        return None;
    }
    let words: Vec<&str> = tag.split(' ').collect();
    let dated = words.iter().any(|w| is_date(w));
    // Dropbox writes the date only; the Nextcloud/ownCloud clients add the time
    let tool = if words.last().is_some_and(|w| digits(w, 6)) {
        "Nextcloud/ownCloud"
    } else {
        "Dropbox"
    };
    dated.then(|| ConflictCopy {
        coder: coder.to_string(),
        tool,
    })
}

/// `name_conflict-[user-]YYYYMMDD-HHMMSS` (ownCloud and Nextcloud clients before 2.5).
fn owncloud_before_2_5(stem: &str) -> Option<ConflictCopy> {
    let (coder, tag) = stem.rsplit_once("_conflict-")?;
    let parts: Vec<&str> = tag.rsplitn(3, '-').collect();
    let [time, date, ..] = parts.as_slice() else {
        return None;
    };
    (digits(date, 8) && digits(time, 6)).then(|| ConflictCopy {
        coder: coder.to_string(),
        tool: "Nextcloud/ownCloud",
    })
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY-MM-DD`.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(&s[..4], 4)
        && digits(&s[5..7], 2)
        && digits(&s[8..], 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coder_of(stem: &str) -> Option<(String, &'static str)> {
        conflict_copy(stem).map(|c| (c.coder, c.tool))
    }

    #[test]
    fn each_tools_names_are_recognised() {
        let dropbox = Some(("coder-a".to_string(), "Dropbox"));
        assert_eq!(coder_of("coder-a (conflicted copy 2026-12-01)"), dropbox);
        assert_eq!(
            coder_of("coder-a (Ben's conflicted copy 2026-12-01)"),
            dropbox
        );
        let nextcloud = Some(("anna".to_string(), "Nextcloud/ownCloud"));
        assert_eq!(
            coder_of("anna (conflicted copy 2026-12-01 123456)"),
            nextcloud
        );
        assert_eq!(coder_of("anna_conflict-20261201-123456"), nextcloud);
        assert_eq!(coder_of("anna_conflict-ben-20261201-123456"), nextcloud);
        assert_eq!(
            coder_of("coder-a.sync-conflict-20261201-123456-ABCDEFG"),
            Some(("coder-a".to_string(), "Syncthing"))
        );
    }

    #[test]
    fn ordinary_coder_names_are_not_conflict_copies() {
        for stem in [
            "anna",
            "coder-a",
            "anna (1)",
            "anna (conflicted copy)",
            "anna_conflict-resolution",
            "anna.sync-conflict-today",
            "Anna_Müller",
            "anna-LAPTOP",
        ] {
            assert_eq!(conflict_copy(stem), None, "{stem}");
        }
    }
}
