//! The ready methods paragraph, in English, generated from the figures of the report: the
//! articles used and their share of the corpus, the coders, every coefficient with its value and
//! interval, the bootstrap's replicates and seed, and how many α values reach .667 and .800.

use super::escape::{figure, significant};
use super::input::ReportInput;
use crate::analysis::agreement::reliability::{Coefficient, Reliability};
use crate::analysis::agreement::{DocumentRule, Figure, Measure};

/// The paragraph as plain text (the caller escapes it).
pub fn paragraph(input: &ReportInput) -> String {
    let mut out = vec![sample(input), unitizing(input), family(input)];
    out.extend(presence(input));
    out.extend(variables(input));
    out.push(bootstrap(input));
    out.push(thresholds(input));
    out.join(" ")
}

fn sample(input: &ReportInput) -> String {
    let report = input.agreement;
    let used = report.documents.used.len();
    let share = if input.corpus_documents == 0 {
        0.0
    } else {
        100.0 * used as f64 / input.corpus_documents as f64
    };
    let rule = match report.documents.rule {
        DocumentRule::Finished => "only articles that every coder had marked as finished were used",
        DocumentRule::All => {
            "articles were used whether or not every coder had marked them finished"
        }
    };
    format!(
        "Intercoder reliability was assessed on {used} {} ({} % of the corpus of {}), coded \
         independently by {} coders ({}); {rule}.",
        plural(used, "article", "articles"),
        trim_zero(share),
        input.corpus_documents,
        report.coders.len(),
        report.coders.join(", "),
    )
}

fn unitizing(input: &ReportInput) -> String {
    let report = input.agreement;
    let per_code: Vec<String> = report
        .rows
        .iter()
        .map(|r| format!("{} αU = {}", r.label, figure(r.figures.alpha_u)))
        .collect();
    let overall = &report.overall;
    let kappa = match overall.kappa_measure {
        Measure::FleissKappa => "Fleiss' κ",
        _ => "Cohen's κ",
    };
    format!(
        "Agreement on the coded passages was measured with Krippendorff's unitizing alpha (αU; \
         Krippendorff, 1995) per code on the characters of the articles laid end to end: {}; over \
         all codes αU = {} (D_o = {}, D_e = {}). Span F1 was {} with overlap matching (precision \
         {}, recall {} against {}) and {} with strict matching; character-level {kappa} was {} and \
         percent agreement {} %.",
        if per_code.is_empty() {
            "no codes".to_string()
        } else {
            per_code.join(", ")
        },
        figure(overall.alpha_u),
        significant(overall.d_o),
        significant(overall.d_e),
        figure(overall.overlap_f1),
        figure(overall.overlap_precision),
        figure(overall.overlap_recall),
        report.reference,
        figure(overall.strict_f1),
        figure(overall.kappa),
        super::escape::percent(overall.percent_agreement),
    )
}

/// "0.812, 95 % CI [0.700, 0.900]".
/// The unitizing family over all codes (Krippendorff et al., 2016).
fn family(input: &ReportInput) -> String {
    let f = &input.agreement.overall.family;
    format!(
        "Following Krippendorff, Mathet, Bouvry and Widlöcher (2016), uα (unitizing and coding \
         together) was {}, |uα (which text is relevant: all codes against uncoded text) {}, and \
         cuα (which code, where the coders' passages meet) {}.",
        figure(f.u_alpha.alpha),
        figure(f.bar_u_alpha.alpha),
        figure(f.cu_alpha.alpha),
    )
}

fn alpha_text(c: &Coefficient) -> String {
    match &c.interval {
        Some(i) => format!(
            "{}, 95 % CI [{:.3}, {:.3}], q(α < .800) = {:.3}",
            figure(c.value),
            i.ci_low,
            i.ci_high,
            i.q_800
        ),
        None => figure(c.value),
    }
}

/// "Cohen's κ = 0.5, Gwet's AC1 = 0.6" for the κ that applies to the number of coders.
fn chance_text(r: &Reliability) -> String {
    let kappa = if r.coders.len() == 2 {
        "cohen_kappa"
    } else {
        "fleiss_kappa"
    };
    [kappa, "gwet_ac1", "percent_agreement"]
        .iter()
        .filter_map(|k| r.get(k))
        .map(|c| format!("{} = {}", c.name, figure(c.value)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn presence(input: &ReportInput) -> Option<String> {
    let p = input.predefined;
    if p.codes.is_empty() || p.presence_documents.is_empty() {
        return None;
    }
    let codes: Vec<String> = p
        .codes
        .iter()
        .map(|c| {
            format!(
                "{} α = {} ({})",
                c.name,
                alpha_text(c.report.alpha()),
                chance_text(&c.report)
            )
        })
        .collect();
    Some(format!(
        "Whether each code occurred in an article was assessed on the {} finished articles as a \
         predefined unit (present or absent) with Krippendorff's α (nominal; Krippendorff, 2011): \
         {}.",
        p.presence_documents.len(),
        codes.join("; ")
    ))
}

fn variables(input: &ReportInput) -> Option<String> {
    let p = input.predefined;
    if p.variables.is_empty() {
        return None;
    }
    let list: Vec<String> = p
        .variables
        .iter()
        .map(|v| {
            format!(
                "{} ({}) α = {} ({})",
                v.label,
                v.report.level,
                alpha_text(v.report.alpha()),
                chance_text(&v.report)
            )
        })
        .collect();
    Some(format!(
        "For the article variables, Krippendorff's α was computed at the level of each variable's \
         scale: {}.",
        list.join("; ")
    ))
}

fn bootstrap(input: &ReportInput) -> String {
    let predefined = match input.predefined.bootstrap {
        Some(b) => format!(
            "Confidence intervals of α are 95 % bootstrap intervals (Hayes & Krippendorff, 2007) \
             from {} replicates (seed {}); q(α < .800) is the share of replicates below .800.",
            b.replicates, b.seed
        ),
        None => "No bootstrap intervals were computed.".into(),
    };
    match input.agreement.bootstrap {
        Some(b) => format!(
            "{predefined} The intervals of αU and of uα, |uα, cuα and (k)uα are 95 % percentile \
             intervals of a bootstrap that resamples the documents with replacement ({} \
             replicates, seed {}; Davison & Hinkley, 1997), since unitized data has no \
             coincidence matrix of pairable values to draw from.",
            b.replicates, b.seed
        ),
        None => predefined,
    }
}

/// Every α of the report: αU per code and overall, α per code present and per variable.
pub fn alphas(input: &ReportInput) -> Vec<Figure> {
    let report = input.agreement;
    let mut out: Vec<Figure> = report.rows.iter().map(|r| r.figures.alpha_u).collect();
    out.push(report.overall.alpha_u);
    let p = input.predefined;
    if !p.presence_documents.is_empty() {
        out.extend(p.codes.iter().map(|c| c.report.alpha().value));
    }
    out.extend(p.variables.iter().map(|v| v.report.alpha().value));
    out
}

fn thresholds(input: &ReportInput) -> String {
    let all = alphas(input);
    let defined = all.iter().filter(|f| f.is_defined()).count();
    let count = |min| {
        all.iter()
            .filter(|f| super::tables::reaches(**f, min))
            .count()
    };
    format!(
        "Following Krippendorff (2019), α ≥ .800 was taken as reliable and α ≥ .667 as the lowest \
         value acceptable for tentative conclusions: {} of {defined} defined α values reach .800 \
         and {} reach .667. Figures that rest on few units or are not defined are marked in the \
         tables below with their reason.",
        count(0.8),
        count(0.667),
    )
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// 100.0 → "100", 62.5 → "62.5".
fn trim_zero(v: f64) -> String {
    let text = format!("{v:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}
