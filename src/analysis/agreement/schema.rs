//! The JSON form of a report (`spanwise agreement --format json`), versioned by [`SCHEMA`]: every
//! figure under a stable key documented in `docs/AGREEMENT.md`. Undefined figures are `null`;
//! `ci_low`, `ci_high`, `q_667`, `q_800` and `replicates` beside each unitizing α are `null`
//! until a bootstrap is computed (top-level `bootstrap`: `{replicates, seed}`, else `null`).

use serde::Serialize;

use super::caution::{Caution, MIN_UNITS};
use super::documents::{LeftOutReason, Unfinished};
use super::figure::{Figure, Measure};
use super::figures::Figures;
use super::report::{Report, RowKey};
use super::ualpha::{CODE_SET_RULE, UnitizingFigure};

/// The version of the JSON layout; raised whenever a key changes meaning or goes away.
pub const SCHEMA: u32 = 1;

/// The report as JSON, with the codings the loader left out (`file:line:col: reason` each).
pub fn to_json(report: &Report, skipped_codings: &[String]) -> serde_json::Value {
    let json = JsonReport {
        schema: SCHEMA,
        bootstrap: report.bootstrap,
        coders: &report.coders,
        reference: &report.reference,
        grouping: report.grouping,
        average: report.average,
        documents: JsonDocuments::of(report),
        skipped_codings,
        coefficients: Measure::ALL
            .iter()
            .map(|&m| JsonCoefficient {
                key: m.key(),
                name: m.name(),
                reference: m.reference(),
            })
            .collect(),
        rules: JsonRules {
            documents: report.documents.rule.description(),
            overlap: report.overlap_rule,
            code_sets: CODE_SET_RULE,
            documents_combined: report.documents_combined,
            f1_matching: report.f1_matching,
            min_units: MIN_UNITS,
        },
        rows: report
            .rows
            .iter()
            .map(|r| JsonRow {
                key: match &r.key {
                    RowKey::Code(c) => c.0.as_str(),
                    RowKey::Document(d) => d.0.as_str(),
                },
                label: &r.label,
                figures: JsonFigures::of(&r.figures),
            })
            .collect(),
        overall: JsonFigures::of(&report.overall),
        matrix: report
            .pairs
            .iter()
            .map(|p| JsonPair {
                coders: &p.coders,
                figures: JsonFigures::of(&p.figures),
            })
            .collect(),
    };
    serde_json::to_value(json).expect("a report serialises")
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: u32,
    bootstrap: Option<super::reliability::Resampling>,
    coders: &'a [String],
    reference: &'a str,
    grouping: super::report::Grouping,
    average: super::report::Average,
    documents: JsonDocuments<'a>,
    skipped_codings: &'a [String],
    coefficients: Vec<JsonCoefficient>,
    rules: JsonRules,
    rows: Vec<JsonRow<'a>>,
    overall: JsonFigures<'a>,
    matrix: Vec<JsonPair<'a>>,
}

#[derive(Serialize)]
struct JsonCoefficient {
    key: &'static str,
    name: &'static str,
    reference: &'static str,
}

#[derive(Serialize)]
struct JsonRules {
    documents: &'static str,
    overlap: &'static str,
    code_sets: &'static str,
    documents_combined: &'static str,
    f1_matching: &'static str,
    min_units: u64,
}

#[derive(Serialize)]
struct JsonDocuments<'a> {
    rule: super::documents::DocumentRule,
    used: Vec<JsonDocument<'a>>,
    left_out: Vec<JsonDocument<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    unfinished_by: &'a [Unfinished],
}

impl<'a> JsonDocuments<'a> {
    fn of(report: &'a Report) -> Self {
        let choice = &report.documents;
        Self {
            rule: choice.rule,
            used: choice
                .used
                .iter()
                .map(|d| JsonDocument {
                    id: &d.id.0,
                    title: &d.title,
                    reason: None,
                    unfinished_by: &d.unfinished_by,
                })
                .collect(),
            left_out: choice
                .left_out
                .iter()
                .map(|d| JsonDocument {
                    id: &d.id.0,
                    title: &d.title,
                    reason: Some(d.reason.to_string()),
                    unfinished_by: match &d.reason {
                        LeftOutReason::Unfinished(by) => by,
                        LeftOutReason::NoText => &[],
                    },
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct JsonRow<'a> {
    key: &'a str,
    label: &'a str,
    #[serde(flatten)]
    figures: JsonFigures<'a>,
}

#[derive(Serialize)]
struct JsonPair<'a> {
    coders: &'a [String; 2],
    #[serde(flatten)]
    figures: JsonFigures<'a>,
}

#[derive(Serialize)]
struct JsonFigures<'a> {
    codings: &'a [u64],
    alpha_u: JsonAlpha,
    u_alpha: JsonFamily,
    bar_u_alpha: JsonFamily,
    cu_alpha: JsonFamily,
    k_u_alpha: JsonFamily,
    percent_agreement: Figure,
    kappa: JsonKappa,
    strict_f1: JsonF1,
    overlap_f1: JsonF1,
    cautions: Vec<JsonCaution<'a>>,
}

#[derive(Serialize)]
struct JsonAlpha {
    alpha: Figure,
    d_o: Figure,
    d_e: Figure,
    #[serde(flatten)]
    interval: JsonInterval,
    n_units: u64,
    n_pairable: u64,
}

/// The bootstrapped interval beside an α; every key `null` without one.
#[derive(Serialize)]
struct JsonInterval {
    ci_low: Option<f64>,
    ci_high: Option<f64>,
    q_667: Option<f64>,
    q_800: Option<f64>,
    replicates: Option<usize>,
}

impl JsonInterval {
    fn of(f: &Figures, m: Measure) -> Self {
        let i = f.interval(m);
        Self {
            ci_low: i.map(|i| i.ci_low),
            ci_high: i.map(|i| i.ci_high),
            q_667: i.map(|i| i.q_667),
            q_800: i.map(|i| i.q_800),
            replicates: i.map(|i| i.replicates),
        }
    }
}

#[derive(Serialize)]
struct JsonFamily {
    #[serde(flatten)]
    figure: UnitizingFigure,
    #[serde(flatten)]
    interval: JsonInterval,
}

impl JsonFamily {
    fn of(f: &Figures, m: Measure, figure: UnitizingFigure) -> Self {
        Self {
            figure,
            interval: JsonInterval::of(f, m),
        }
    }
}

#[derive(Serialize)]
struct JsonKappa {
    measure: Measure,
    value: Figure,
}

#[derive(Serialize)]
struct JsonF1 {
    f1: Figure,
    precision: Figure,
    recall: Figure,
}

#[derive(Serialize)]
struct JsonCaution<'a> {
    #[serde(flatten)]
    caution: &'a Caution,
    message: String,
}

impl<'a> JsonFigures<'a> {
    fn of(f: &'a Figures) -> Self {
        Self {
            codings: &f.codings,
            alpha_u: JsonAlpha {
                alpha: f.alpha_u,
                d_o: f.d_o,
                d_e: f.d_e,
                interval: JsonInterval::of(f, Measure::UnitizingAlpha),
                n_units: f.n_units,
                n_pairable: f.n_pairable,
            },
            u_alpha: JsonFamily::of(f, Measure::UAlpha, f.family.u_alpha),
            bar_u_alpha: JsonFamily::of(f, Measure::BarUAlpha, f.family.bar_u_alpha),
            cu_alpha: JsonFamily::of(f, Measure::CuAlpha, f.family.cu_alpha),
            k_u_alpha: JsonFamily::of(f, Measure::KUAlpha, f.family.k_u_alpha),
            percent_agreement: f.percent_agreement,
            kappa: JsonKappa {
                measure: f.kappa_measure,
                value: f.kappa,
            },
            strict_f1: JsonF1 {
                f1: f.strict_f1,
                precision: f.strict_precision,
                recall: f.strict_recall,
            },
            overlap_f1: JsonF1 {
                f1: f.overlap_f1,
                precision: f.overlap_precision,
                recall: f.overlap_recall,
            },
            cautions: f
                .cautions
                .iter()
                .map(|c| JsonCaution {
                    caution: c,
                    message: c.message(),
                })
                .collect(),
        }
    }
}
