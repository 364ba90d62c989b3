//! The `table` and `csv` forms of an agreement report: figures with D_O, D_E, precision and
//! recall, cautions marked and explained, the documents used and left out, the coder matrix and
//! the precise name and reference of every coefficient.

use crate::analysis::agreement::reliability::Interval;
use crate::analysis::agreement::{
    Average, DocumentRule, Figure, Figures, Grouping, Measure, NOT_DEFINED, Report, Row, RowKey,
};
use crate::cli::columns::aligned;

/// Marks a value that carries a caution (explained under the table).
const MARK: &str = "!";

/// A column of the table: its header and how a cell is read from a row's figures.
struct Column {
    header: &'static str,
    measure: Option<Measure>,
    value: fn(&Figures) -> Figure,
    percent: bool,
    /// Disagreements are small numbers: shown with three significant digits.
    scientific: bool,
}

fn columns(report: &Report) -> Vec<Column> {
    let kappa = report.overall.kappa_measure;
    let col = |header, measure, value: fn(&Figures) -> Figure| Column {
        header,
        measure,
        value,
        percent: false,
        scientific: false,
    };
    let alpha = Some(Measure::UnitizingAlpha);
    let overlap = Some(Measure::OverlapF1);
    vec![
        col("alpha_U", alpha, |f| f.alpha_u),
        Column {
            scientific: true,
            ..col("D_O", alpha, |f| f.d_o)
        },
        Column {
            scientific: true,
            ..col("D_E", alpha, |f| f.d_e)
        },
        Column {
            percent: true,
            ..col("agreement %", Some(Measure::PercentAgreement), |f| {
                f.percent_agreement
            })
        },
        col(kappa.label(), Some(kappa), |f| f.kappa),
        col("F1 strict", Some(Measure::StrictF1), |f| f.strict_f1),
        col("F1 overlap", overlap, |f| f.overlap_f1),
        col("P overlap", overlap, |f| f.overlap_precision),
        col("R overlap", overlap, |f| f.overlap_recall),
    ]
}

fn cell(column: &Column, figures: &Figures) -> String {
    let figure = (column.value)(figures);
    let text = if column.percent {
        format!("{:.1}", figure.map(|v| 100.0 * v))
    } else if column.scientific {
        figure
            .value()
            .map_or_else(|| NOT_DEFINED.to_string(), |v| format!("{v:.2e}"))
    } else {
        format!("{figure:.3}")
    };
    let cautioned = column
        .measure
        .is_some_and(|m| figures.cautions_on(m).next().is_some());
    if cautioned && figure.is_defined() {
        text + MARK
    } else {
        text
    }
}

fn row_name(row: &Row) -> String {
    match &row.key {
        RowKey::Code(_) => row.label.clone(),
        RowKey::Document(id) => id.to_string(),
    }
}

pub(super) fn rows(report: &Report) -> Vec<(String, &Figures)> {
    let mut out: Vec<(String, &Figures)> = report
        .rows
        .iter()
        .map(|r| (row_name(r), &r.figures))
        .collect();
    out.push(("(all)".to_string(), &report.overall));
    out
}

/// The report as aligned text.
pub fn table(report: &Report, skipped: &[String]) -> String {
    let first = if report.grouping == Grouping::Code {
        "code"
    } else {
        "document"
    };
    let columns = columns(report);
    let mut header: Vec<String> = vec![first.to_string()];
    header.extend(report.coders.iter().map(|c| format!("n {c}")));
    header.extend(columns.iter().map(|c| c.header.to_string()));
    let boot = report.bootstrap.is_some();
    if boot {
        header.push("alpha_U 95% CI".to_string());
    }
    let mut lines: Vec<Vec<String>> = vec![header];
    for (name, figures) in rows(report) {
        let mut line = vec![name];
        line.extend(figures.codings.iter().map(u64::to_string));
        line.extend(columns.iter().map(|c| cell(c, figures)));
        if boot {
            line.push(interval(figures.interval(Measure::UnitizingAlpha)));
        }
        lines.push(line);
    }
    let mut out = format!("Agreement of {}\n", report.coders.join(", "));
    out.push_str(&documents(report));
    out.push('\n');
    out.push_str(&aligned(&lines, &[0]));
    out.push_str(&super::family::section(report, &rows(report)));
    out.push_str(&format!(
        "\nPrecision and recall: the other coders' codings against {}'s (--reference).\n",
        report.reference
    ));
    if report.average == Average::Documents {
        out.push_str(
            "Code rows and (all) are means over the used documents (--average documents).\n",
        );
    }
    if let Some(b) = report.bootstrap {
        out.push_str(&wrapped(&format!(
            "Intervals: 95 % bootstrap percentile intervals of alpha_U and the u-alpha family, \
             resampling documents ({} replicates, seed {}; --bootstrap, --seed); q(<.800) is the \
             share of replicates below .800.",
            b.replicates, b.seed
        )));
    }
    out.push_str(&cautions(report));
    out.push_str(&matrix(report));
    if !skipped.is_empty() {
        out.push_str(&format!(
            "\nLeft out by --skip-invalid: {} invalid coding(s)\n",
            skipped.len()
        ));
        for s in skipped {
            out.push_str(&format!("  {s}\n"));
        }
    }
    out.push_str("\nCoefficients\n");
    for m in used_measures(report) {
        out.push_str(&wrapped(&format!(
            "{}: {}. {}",
            m.label(),
            m.name(),
            m.reference()
        )));
    }
    out.push_str("\nRules\n");
    out.push_str(&wrapped(&format!(
        "Documents: {}",
        report.documents.rule.description()
    )));
    out.push_str(&wrapped(&format!("Overlaps: {}", report.overlap_rule)));
    out.push_str(&wrapped(&format!("Code sets: {}", report.code_set_rule)));
    out.push_str(&wrapped(&format!("Corpus: {}", report.documents_combined)));
    out.push_str(&wrapped(&format!("F1 matching: {}", report.f1_matching)));
    out
}

fn used_measures(report: &Report) -> [Measure; 9] {
    [
        Measure::UnitizingAlpha,
        Measure::UAlpha,
        Measure::BarUAlpha,
        Measure::CuAlpha,
        Measure::KUAlpha,
        Measure::PercentAgreement,
        report.overall.kappa_measure,
        Measure::StrictF1,
        Measure::OverlapF1,
    ]
}

/// "[0.712, 0.853]", or "-" without an interval.
pub(super) fn interval(i: Option<&Interval>) -> String {
    i.map_or_else(
        || "-".to_string(),
        |i| format!("[{:.3}, {:.3}]", i.ci_low, i.ci_high),
    )
}

/// "Documents: 4 of 5 used (…)" with the lists of used and left-out documents.
fn documents(report: &Report) -> String {
    let choice = &report.documents;
    let total = choice.used.len() + choice.left_out.len();
    let rule = match choice.rule {
        DocumentRule::Finished => {
            "those every compared coder marked done; --include-unfinished counts the rest"
        }
        DocumentRule::All => "finished or not: --include-unfinished",
    };
    let mut out = format!(
        "Documents: {} of {total} used ({rule})\n",
        choice.used.len()
    );
    let used: Vec<String> = choice
        .used
        .iter()
        .map(|d| {
            if d.unfinished_by.is_empty() {
                d.id.to_string()
            } else {
                format!(
                    "{} (not done by {})",
                    d.id,
                    crate::analysis::agreement::documents::unfinished_list(&d.unfinished_by)
                )
            }
        })
        .collect();
    out.push_str(&wrapped(&format!("  used: {}", used.join(", "))));
    for d in &choice.left_out {
        out.push_str(&format!("  left out: {} ({})\n", d.id, d.reason));
    }
    out
}

/// Every caution, one line each, under the table.
fn cautions(report: &Report) -> String {
    let mut out = String::new();
    for (name, figures) in rows(report) {
        for c in &figures.cautions {
            out.push_str(&wrapped(&format!("  {name}: {}", c.message())));
        }
    }
    if out.is_empty() {
        out
    } else {
        format!("\nCautions ({MARK} marks the figures concerned)\n{out}")
    }
}

/// The coder-by-coder matrices of alpha_U and overlap F1 (three or more coders).
fn matrix(report: &Report) -> String {
    if report.pairs.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for (title, value) in [
        (
            "alpha_U",
            (|f: &Figures| f.alpha_u) as fn(&Figures) -> Figure,
        ),
        ("F1 overlap", |f: &Figures| f.overlap_f1),
    ] {
        out.push_str(&format!("\nCoder matrix: {title}, all codes\n"));
        let mut lines = vec![
            std::iter::once(String::new())
                .chain(report.coders.iter().cloned())
                .collect::<Vec<_>>(),
        ];
        for a in &report.coders {
            let mut line = vec![a.clone()];
            for b in &report.coders {
                let pair = report.pairs.iter().find(|p| {
                    (&p.coders[0] == a && &p.coders[1] == b)
                        || (&p.coders[0] == b && &p.coders[1] == a)
                });
                line.push(pair.map_or("-".to_string(), |p| format!("{:.3}", value(&p.figures))));
            }
            lines.push(line);
        }
        out.push_str(&aligned(&lines, &[0]));
    }
    out
}

/// A paragraph wrapped at 100 columns, continuation lines indented.
pub(super) fn wrapped(text: &str) -> String {
    let indent = text.len() - text.trim_start().len();
    let mut out = String::new();
    let mut line = " ".repeat(indent);
    for word in text.split_whitespace() {
        if !line.trim().is_empty() && line.chars().count() + 1 + word.chars().count() > 100 {
            out.push_str(&line);
            out.push('\n');
            line = " ".repeat(indent + 2);
        }
        if !line.trim().is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The report as CSV: one record per row and the overall row, every figure at full precision.
pub fn csv_text(report: &Report) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let kappa = report.overall.kappa_measure.key();
    let mut header = vec!["row".to_string(), "label".to_string()];
    header.extend(report.coders.iter().map(|c| format!("codings_{c}")));
    header.extend(
        [
            "alpha_u",
            "percent_agreement",
            kappa,
            "strict_f1",
            "overlap_f1",
            "d_o",
            "d_e",
            "n_units",
            "n_pairable",
            "strict_precision",
            "strict_recall",
            "overlap_precision",
            "overlap_recall",
            "cautions",
        ]
        .map(String::from),
    );
    for key in FAMILY_KEYS {
        header.extend([key.to_string(), format!("{key}_d_o"), format!("{key}_d_e")]);
    }
    for (key, _) in INTERVAL_KEYS {
        for part in ["ci_low", "ci_high", "q_667", "q_800"] {
            header.push(format!("{key}_{part}"));
        }
    }
    writer.write_record(&header)?;
    let labels = report
        .rows
        .iter()
        .map(|r| (row_name(r), r.label.clone(), &r.figures));
    let overall = std::iter::once(("(all)".to_string(), String::new(), &report.overall));
    for (name, label, f) in labels.chain(overall) {
        let mut record = vec![name, label];
        record.extend(f.codings.iter().map(u64::to_string));
        let figures = [
            f.alpha_u,
            f.percent_agreement,
            f.kappa,
            f.strict_f1,
            f.overlap_f1,
            f.d_o,
            f.d_e,
        ];
        record.extend(figures.map(full));
        record.push(f.n_units.to_string());
        record.push(f.n_pairable.to_string());
        let parts = [
            f.strict_precision,
            f.strict_recall,
            f.overlap_precision,
            f.overlap_recall,
        ];
        record.extend(parts.map(full));
        let tags: Vec<String> = f.cautions.iter().map(|c| c.message()).collect();
        record.push(tags.join("; "));
        let family = &f.family;
        for u in [
            family.u_alpha,
            family.bar_u_alpha,
            family.cu_alpha,
            family.k_u_alpha,
        ] {
            record.extend([u.alpha, u.d_o, u.d_e].map(full));
        }
        for (_, measure) in INTERVAL_KEYS {
            let i = f.interval(measure);
            for part in [
                i.map(|i| i.ci_low),
                i.map(|i| i.ci_high),
                i.map(|i| i.q_667),
                i.map(|i| i.q_800),
            ] {
                record.push(part.map_or_else(String::new, |v| v.to_string()));
            }
        }
        writer.write_record(&record)?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// The CSV keys of the uα family, each followed by its `_d_o` and `_d_e` columns.
const FAMILY_KEYS: [&str; 4] = ["u_alpha", "bar_u_alpha", "cu_alpha", "k_u_alpha"];

/// The CSV keys of the α with bootstrapped intervals, each followed by `_ci_low`, `_ci_high`,
/// `_q_667` and `_q_800` (empty without an interval).
const INTERVAL_KEYS: [(&str, Measure); 5] = [
    ("alpha_u", Measure::UnitizingAlpha),
    ("u_alpha", Measure::UAlpha),
    ("bar_u_alpha", Measure::BarUAlpha),
    ("cu_alpha", Measure::CuAlpha),
    ("k_u_alpha", Measure::KUAlpha),
];

/// A figure at full precision for machine-readable output.
fn full(figure: Figure) -> String {
    figure
        .value()
        .map_or_else(|| NOT_DEFINED.to_string(), |v| v.to_string())
}
