//! Document variables: what a codesheet asks of every article as a whole (tone, main actor,
//! topic, frame present yes/no), each with its scale of measurement and its allowed values.
//!
//! The definitions live in `project.ron` beside the codebook; each coder's values live in their
//! own coder file ([`crate::model::coder::CoderFile::variables`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::corpus::DocId;

/// Stable identifier of a document variable (column names in exports derive from it).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VariableId(pub String);

impl VariableId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for VariableId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A number as stored in project and coder files; equal when bit-for-bit the same value, so
/// files and commands that hold one stay comparable.
#[derive(Debug, Clone, Copy, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Number(pub f64);

impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        self.0.total_cmp(&other.0).is_eq()
    }
}

impl Eq for Number {}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `2` rather than `2.0`: codes read as the integers they usually are.
        write!(f, "{}", self.0)
    }
}

/// The level of measurement of a variable: it decides which reliability coefficient and which
/// statistics fit it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scale {
    /// Categories without order (topic, main actor).
    #[default]
    Nominal,
    /// Ordered categories (tone: negative < neutral < positive).
    Ordinal,
    /// Numbers with meaningful differences (a rating from -2 to 2).
    Interval,
    /// Numbers with a true zero (number of sources quoted).
    Ratio,
}

impl Scale {
    /// All scales, in menu order.
    pub const ALL: [Scale; 4] = [
        Scale::Nominal,
        Scale::Ordinal,
        Scale::Interval,
        Scale::Ratio,
    ];

    /// The name used in exports and the window.
    pub fn label(self) -> &'static str {
        match self {
            Scale::Nominal => "nominal",
            Scale::Ordinal => "ordinal",
            Scale::Interval => "interval",
            Scale::Ratio => "ratio",
        }
    }
}

/// One labelled value of a categorical variable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueLabel {
    /// The numeric code stored and exported (SPSS value).
    pub code: i64,
    /// The label shown to coders and written beside the code.
    pub label: String,
}

/// The values a variable may take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Values {
    /// Labelled codes, in display order (for an ordinal variable: from lowest to highest).
    Labels(Vec<ValueLabel>),
    /// Any number from `min` to `max` (inclusive) in steps of `step` from `min` (`step` 0: any).
    Range {
        /// Smallest allowed value.
        min: Number,
        /// Largest allowed value.
        max: Number,
        /// Spacing of allowed values from `min`; 0 allows every number in the range.
        step: Number,
    },
}

impl Default for Values {
    fn default() -> Self {
        Values::Labels(Vec::new())
    }
}

/// Why a values text (`1=negativ; 2=neutral` or `0..10 step 1`) does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValuesSyntaxError {
    /// A bound or step of a range is not a number.
    #[error("`{0}` is not a number")]
    NotANumber(String),
    /// A labelled value lacks its `=`.
    #[error("`{0}`: write code=label")]
    NoEquals(String),
    /// A value's code is not a whole number.
    #[error("`{0}` is not a whole number")]
    NotWhole(String),
}

impl Values {
    /// The values from their text form: `min..max step s` (step optional, 0: any number), or
    /// labelled codes `code=label` separated by `;`.
    pub fn parse(text: &str) -> Result<Values, ValuesSyntaxError> {
        let text = text.trim();
        if let Some((min, rest)) = text.split_once("..") {
            let (max, step) = rest.split_once("step").unwrap_or((rest, "0"));
            let num = |s: &str| {
                let s = s.trim();
                s.parse::<f64>()
                    .map(Number)
                    .map_err(|_| ValuesSyntaxError::NotANumber(s.to_string()))
            };
            return Ok(Values::Range {
                min: num(min)?,
                max: num(max)?,
                step: num(step)?,
            });
        }
        text.split(';')
            .filter(|p| !p.trim().is_empty())
            .map(|pair| {
                let (code, label) = pair
                    .split_once('=')
                    .ok_or_else(|| ValuesSyntaxError::NoEquals(pair.trim().to_string()))?;
                let code = code.trim();
                let code = code
                    .parse::<i64>()
                    .map_err(|_| ValuesSyntaxError::NotWhole(code.to_string()))?;
                Ok(ValueLabel {
                    code,
                    label: label.trim().into(),
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Values::Labels)
    }

    /// The text form that [`Values::parse`] reads back.
    pub fn to_text(&self) -> String {
        match self {
            Values::Labels(labels) => labels
                .iter()
                .map(|l| format!("{}={}", l.code, l.label))
                .collect::<Vec<_>>()
                .join("; "),
            Values::Range { min, max, step } if step.0 == 0.0 => format!("{min}..{max}"),
            Values::Range { min, max, step } => format!("{min}..{max} step {step}"),
        }
    }
}

/// A document variable on the codesheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variable {
    /// Stable id, referenced by coder files.
    pub id: VariableId,
    /// Name shown to coders.
    pub label: String,
    /// Coding instruction.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Level of measurement.
    #[serde(default)]
    pub scale: Scale,
    /// Allowed values.
    #[serde(default)]
    pub values: Values,
}

/// Why a value does not fit its variable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// Not one of the labelled codes.
    #[error("value {value} is not one of the codes of `{variable}` ({codes})")]
    NotACode {
        /// The variable.
        variable: VariableId,
        /// The value.
        value: Number,
        /// The allowed codes, comma-separated.
        codes: String,
    },
    /// Outside the range or off its steps.
    #[error("value {value} is outside `{variable}`'s range {min} to {max} in steps of {step}")]
    OutOfRange {
        /// The variable.
        variable: VariableId,
        /// The value.
        value: Number,
        /// Smallest allowed value.
        min: Number,
        /// Largest allowed value.
        max: Number,
        /// Spacing.
        step: Number,
    },
}

impl Variable {
    /// A nominal variable with these labelled codes.
    pub fn labelled(id: &str, label: &str, scale: Scale, values: &[(i64, &str)]) -> Self {
        Self {
            id: VariableId(id.into()),
            label: label.into(),
            description: String::new(),
            scale,
            values: Values::Labels(
                values
                    .iter()
                    .map(|(code, label)| ValueLabel {
                        code: *code,
                        label: (*label).into(),
                    })
                    .collect(),
            ),
        }
    }

    /// The labelled value with this code, if the variable has labels.
    pub fn label_of(&self, value: Number) -> Option<&str> {
        match &self.values {
            Values::Labels(labels) => labels
                .iter()
                .find(|l| l.code as f64 == value.0)
                .map(|l| l.label.as_str()),
            Values::Range { .. } => None,
        }
    }

    /// Checks that a value is one this variable allows.
    pub fn check(&self, value: Number) -> Result<(), ValueError> {
        match &self.values {
            Values::Labels(labels) => {
                if labels.iter().any(|l| l.code as f64 == value.0) {
                    return Ok(());
                }
                let codes: Vec<String> = labels.iter().map(|l| l.code.to_string()).collect();
                Err(ValueError::NotACode {
                    variable: self.id.clone(),
                    value,
                    codes: codes.join(", "),
                })
            }
            Values::Range { min, max, step } => {
                let v = value.0;
                let inside = v.is_finite() && v >= min.0 && v <= max.0;
                let on_step = step.0 <= 0.0 || {
                    let k = (v - min.0) / step.0;
                    (k - k.round()).abs() < 1e-9
                };
                if inside && on_step {
                    return Ok(());
                }
                Err(ValueError::OutOfRange {
                    variable: self.id.clone(),
                    value,
                    min: *min,
                    max: *max,
                    step: *step,
                })
            }
        }
    }

    /// What a problem with the definition itself is, if any (codes twice, an empty range).
    pub fn definition_problem(&self) -> Option<String> {
        match &self.values {
            Values::Labels(labels) => {
                let mut seen = std::collections::HashSet::new();
                labels
                    .iter()
                    .find(|l| !seen.insert(l.code))
                    .map(|l| format!("variable `{}`: code {} appears twice", self.id, l.code))
            }
            Values::Range { min, max, step } => {
                let sound = min.0.is_finite()
                    && max.0.is_finite()
                    && step.0.is_finite()
                    && min.0 <= max.0
                    && step.0 >= 0.0;
                (!sound).then(|| {
                    format!(
                        "variable `{}`: range {min} to {max} in steps of {step} is empty or not a number",
                        self.id
                    )
                })
            }
        }
    }
}

/// One coder's values: per document, variable id → value.
pub type DocumentValues = BTreeMap<DocId, BTreeMap<VariableId, Number>>;

#[cfg(test)]
mod tests {
    use super::*;

    fn range(min: f64, max: f64, step: f64) -> Variable {
        Variable {
            id: VariableId("sources".into()),
            label: "sources quoted".into(),
            description: String::new(),
            scale: Scale::Ratio,
            values: Values::Range {
                min: Number(min),
                max: Number(max),
                step: Number(step),
            },
        }
    }

    #[test]
    fn labelled_values_accept_only_their_codes() {
        let tone = Variable::labelled(
            "tone",
            "Tonalität",
            Scale::Ordinal,
            &[(-1, "negativ"), (0, "neutral"), (1, "positiv „gut“")],
        );
        assert!(tone.check(Number(1.0)).is_ok());
        assert_eq!(tone.label_of(Number(1.0)), Some("positiv „gut“"));
        let err = tone.check(Number(2.0)).unwrap_err().to_string();
        assert!(err.contains("-1, 0, 1"), "{err}");
        assert!(tone.check(Number(0.5)).is_err());
    }

    #[test]
    fn values_text_reads_back_what_it_writes() {
        for text in [
            "-1=negativ; 0=neutral; 1=positiv „gut“",
            "0..10 step 0.5",
            "1..5",
        ] {
            let values = Values::parse(text).unwrap();
            assert_eq!(values.to_text(), text);
            assert_eq!(Values::parse(&values.to_text()).unwrap(), values);
        }
        assert_eq!(
            Values::parse("1=a; zwei=b").unwrap_err().to_string(),
            "`zwei` is not a whole number"
        );
        assert!(Values::parse("0..x").is_err());
    }

    #[test]
    fn ranges_check_bounds_and_steps() {
        let v = range(0.0, 10.0, 0.5);
        assert!(v.check(Number(0.0)).is_ok());
        assert!(v.check(Number(10.0)).is_ok());
        assert!(v.check(Number(2.5)).is_ok());
        assert!(v.check(Number(2.25)).is_err());
        assert!(v.check(Number(10.5)).is_err());
        assert!(v.check(Number(f64::NAN)).is_err());
        assert!(range(0.0, 1.0, 0.0).check(Number(0.123)).is_ok());
        assert!(range(2.0, 1.0, 1.0).definition_problem().is_some());
    }
}
