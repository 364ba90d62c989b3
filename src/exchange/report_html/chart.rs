//! The chart: one row per α (αU per code, α per code present or absent, α per variable), a dot
//! at its value, a bar over its 95 % bootstrap interval where there is one, and lines at .667
//! and .800. Inline SVG, no script. Values below the axis are drawn at its left end with an
//! arrow and their value written out.

use std::fmt::Write;

use super::escape::{figure, text};
use crate::analysis::agreement::Figure;

/// One row of the chart.
#[derive(Debug, Clone)]
pub struct Point {
    /// What the α is of, e.g. "αU · claim".
    pub label: String,
    /// The α.
    pub value: Figure,
    /// Its 95 % interval, if bootstrapped.
    pub interval: Option<(f64, f64)>,
}

const ROW: f64 = 22.0;
const LABEL_WIDTH: f64 = 260.0;
const PLOT_WIDTH: f64 = 420.0;
const VALUE_WIDTH: f64 = 110.0;
const TOP: f64 = 28.0;

/// The lowest value on the axis: 0, or −1 when a value or interval falls below 0.
fn axis_low(points: &[Point]) -> f64 {
    let below = points.iter().any(|p| {
        p.value.value().is_some_and(|v| v < 0.0) || p.interval.is_some_and(|(lo, _)| lo < 0.0)
    });
    if below { -1.0 } else { 0.0 }
}

/// The chart as an `<svg>` element (an empty string for no points).
pub fn svg(points: &[Point]) -> String {
    if points.is_empty() {
        return String::new();
    }
    let low = axis_low(points);
    let x = |v: f64| LABEL_WIDTH + (v.clamp(low, 1.0) - low) / (1.0 - low) * PLOT_WIDTH;
    let height = TOP + ROW * points.len() as f64 + 24.0;
    let width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" \
         height=\"{height}\" viewBox=\"0 0 {width} {height}\" aria-labelledby=\"chart-title\">\n\
         <title id=\"chart-title\">Krippendorff's alpha per code and variable with its 95 % \
         interval</title>\n"
    );
    let bottom = TOP + ROW * points.len() as f64;
    for (v, class) in [
        (low, "axis"),
        (0.667, "threshold"),
        (0.8, "threshold"),
        (1.0, "axis"),
    ] {
        let _ = writeln!(
            out,
            "<line class=\"{class}\" x1=\"{0:.1}\" y1=\"{TOP}\" x2=\"{0:.1}\" y2=\"{bottom:.1}\"/>\
             <text class=\"tick\" x=\"{0:.1}\" y=\"{1:.1}\">{2}</text>",
            x(v),
            bottom + 16.0,
            tick(v)
        );
    }
    if low < 0.0 {
        let _ = writeln!(
            out,
            "<line class=\"axis\" x1=\"{0:.1}\" y1=\"{TOP}\" x2=\"{0:.1}\" y2=\"{bottom:.1}\"/>\
             <text class=\"tick\" x=\"{0:.1}\" y=\"{1:.1}\">0</text>",
            x(0.0),
            bottom + 16.0
        );
    }
    let _ = writeln!(
        out,
        "<text class=\"legend\" x=\"{LABEL_WIDTH}\" y=\"14\">dot: α; bar: 95 % bootstrap interval; \
         lines at .667 and .800</text>"
    );
    for (i, p) in points.iter().enumerate() {
        out.push_str(&row(p, TOP + ROW * (i as f64 + 0.5), low, &x));
    }
    out.push_str("</svg>\n");
    out
}

fn tick(v: f64) -> String {
    if v > 0.0 && v < 1.0 {
        format!("{v:.3}").trim_start_matches('0').to_string()
    } else {
        format!("{v}")
    }
}

fn row(p: &Point, y: f64, low: f64, x: &dyn Fn(f64) -> f64) -> String {
    let mut out = format!(
        "<g class=\"row\"><text class=\"label\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
        LABEL_WIDTH - 8.0,
        y + 4.0,
        text(&p.label)
    );
    if let Some((lo, hi)) = p.interval {
        let _ = write!(
            out,
            "<line class=\"interval\" x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>",
            x(lo),
            x(hi)
        );
    }
    match p.value.value() {
        Some(v) if v < low => {
            let _ = write!(
                out,
                "<text class=\"off\" x=\"{:.1}\" y=\"{:.1}\">◀</text>",
                x(low) + 2.0,
                y + 4.0
            );
        }
        Some(v) => {
            let _ = write!(
                out,
                "<circle class=\"value\" cx=\"{:.1}\" cy=\"{y:.1}\" r=\"4.5\"/>",
                x(v)
            );
        }
        None => {}
    }
    let _ = writeln!(
        out,
        "<text class=\"number\" x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
        LABEL_WIDTH + PLOT_WIDTH + 10.0,
        y + 4.0,
        text(&figure(p.value))
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_far_below_zero_stays_on_the_chart_and_labels_are_escaped() {
        let points = [
            Point {
                label: "αU · <risk>".into(),
                value: Figure::Value(-411.0),
                interval: None,
            },
            Point {
                label: "tone".into(),
                value: Figure::Value(0.9),
                interval: Some((0.7, 1.0)),
            },
        ];
        let svg = svg(&points);
        assert!(
            svg.contains("&lt;risk&gt;") && !svg.contains("<risk>"),
            "{svg}"
        );
        assert!(svg.contains("◀") && svg.contains("-411.000"), "{svg}");
        assert!(svg.contains("class=\"interval\""));
        assert_eq!(svg.matches("class=\"threshold\"").count(), 2);
    }
}
