//! Escaping and the small pieces of markup every part of the report uses. All text that comes
//! from a project (names, titles, labels, reasons) passes through [`text`] or [`table`].

use std::fmt::Write;

use crate::analysis::agreement::Figure;

/// `s` with `&`, `<`, `>`, `"` and `'` replaced by their character references, safe in element
/// content and in quoted attribute values.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A figure with three decimals, or "not defined".
pub fn figure(f: Figure) -> String {
    format!("{f:.3}")
}

/// A number in [0, 1] as a percentage with one decimal.
pub fn percent(f: Figure) -> String {
    format!("{:.1}", f.map(|v| 100.0 * v))
}

/// A disagreement (small numbers) with three significant digits.
pub fn scientific(f: Figure) -> String {
    f.value().map_or_else(
        || crate::analysis::agreement::NOT_DEFINED.into(),
        |v| format!("{v:.2e}"),
    )
}

/// A figure with three significant digits in plain notation ("0.000305"), for prose.
pub fn significant(f: Figure) -> String {
    match f.value() {
        None => crate::analysis::agreement::NOT_DEFINED.into(),
        Some(0.0) => "0".into(),
        Some(v) => {
            let digits = (2 - v.abs().log10().floor() as i32).max(0) as usize;
            format!("{v:.digits$}")
        }
    }
}

/// One table cell: its text (escaped when written) and whether it carries a caution.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// Marked with "!" and a class: read the cautions under the table.
    pub cautioned: bool,
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell {
            text,
            cautioned: false,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::from(text.to_string())
    }
}

/// A table with a header row; the first column is a row header, numbers are right-aligned.
pub fn table(id: &str, head: &[&str], rows: &[Vec<Cell>]) -> String {
    let mut out = format!("<table id=\"{}\">\n<thead><tr>", text(id));
    for h in head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", text(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let (open, close) = if i == 0 {
                ("<th scope=\"row\"", "</th>")
            } else {
                ("<td", "</td>")
            };
            let class = if cell.cautioned {
                " class=\"caution\""
            } else {
                ""
            };
            let mark = if cell.cautioned { "!" } else { "" };
            let _ = write!(out, "{open}{class}>{}{mark}{close}", text(&cell.text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// A list of items (escaped), or nothing when there are none.
pub fn list(items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul>\n");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", text(item));
    }
    out.push_str("</ul>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_names_is_escaped() {
        assert_eq!(
            text("<b>Ökonomie & \"Politik\"</b>'"),
            "&lt;b&gt;Ökonomie &amp; &quot;Politik&quot;&lt;/b&gt;&#39;"
        );
        assert_eq!(significant(Figure::Value(0.000_305_4)), "0.000305");
        assert_eq!(significant(Figure::Value(12.34)), "12.3");
        let t = table("t", &["a<b"], &[vec![Cell::from("x&y")]]);
        assert!(t.contains("<th scope=\"col\">a&lt;b</th>"), "{t}");
        assert!(t.contains("<th scope=\"row\">x&amp;y</th>"), "{t}");
    }
}
