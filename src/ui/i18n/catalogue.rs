//! One language's catalogue: the Fluent file embedded in the binary, parsed once per thread, and
//! what the tests need to compare two catalogues (each message's id and variables).

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;

use super::Language;

/// The Fluent source of a language, as shipped in `assets/i18n/`.
pub fn source(language: Language) -> &'static str {
    match language {
        Language::English => include_str!("../../../assets/i18n/en.ftl"),
        Language::German => include_str!("../../../assets/i18n/de.ftl"),
    }
}

/// A parsed catalogue, ready to format messages.
pub(super) struct Catalogue {
    bundle: FluentBundle<FluentResource>,
}

impl Catalogue {
    /// Parses the embedded file; a syntax error is logged and the messages that did parse are
    /// kept (the completeness test refuses such a file before it ships).
    pub(super) fn load(language: Language) -> Self {
        let resource = FluentResource::try_new(source(language).to_string()).unwrap_or_else(
            |(resource, errors)| {
                log::error!("{}.ftl: {} syntax error(s)", language.tag(), errors.len());
                resource
            },
        );
        let id = language
            .tag()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new(vec![id]);
        // no bidi isolation marks around placeables: egui would draw them as boxes
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            log::error!("{}.ftl: {errors:?}", language.tag());
        }
        Self { bundle }
    }

    /// The message formatted with `args`, or `None` when the catalogue has no such message.
    pub(super) fn format(&self, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            super::warn_once(&format!("{key} ({}): {errors:?}", self.bundle.locales[0]));
        }
        Some(text.into_owned())
    }
}

/// Every message of a language's file with the variables it uses (`$n` → `n`), and the syntax
/// errors of the file (none in a good one).
pub fn messages(language: Language) -> (BTreeMap<String, BTreeSet<String>>, Vec<String>) {
    let (resource, errors) = match FluentResource::try_new(source(language).to_string()) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e.iter().map(|e| format!("{e:?}")).collect()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_variables(p, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    (out, errors)
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                pattern_variables(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}
