//! The JSON form of a resolution (`gomodplay list --json`), built from the public fields of
//! [`Resolution`]; the schema is documented in README.md ("JSON output") and changes only by
//! adding keys.

use gomod::resolve::resolution::{Origin, SumNeed};
use gomod::resolve::{version_skew, Resolution};

use crate::json::Value;

fn sum_needs(needs: &[SumNeed]) -> Value {
    Value::Array(
        needs
            .iter()
            .map(|n| {
                Value::Object(vec![
                    ("path", Value::str(&n.module.path)),
                    ("version", Value::str(&n.module.version)),
                    ("hash", n.hash.as_deref().map_or(Value::Null, Value::str)),
                ])
            })
            .collect(),
    )
}

/// Lines of a multi-line message, without empty ones.
fn lines(text: &str) -> Value {
    Value::Array(
        text.lines()
            .filter(|l| !l.is_empty())
            .map(Value::str)
            .collect(),
    )
}

/// The resolution as a JSON document.
pub fn value(res: &Resolution) -> Value {
    let origin = match res.origin {
        Origin::Source => "go.mod files",
        Origin::SuppliedGraph => "supplied graph",
    };
    let build_list = res
        .build_list
        .iter()
        .map(|e| {
            Value::Object(vec![
                ("path", Value::str(&e.module.path)),
                ("version", Value::str(&e.module.version)),
                ("replacement", Value::opt_module(e.replacement.as_ref())),
                ("direct", Value::Bool(e.direct)),
                ("root", Value::Bool(e.root)),
            ])
        })
        .collect();
    let nodes = res
        .nodes
        .iter()
        .map(|n| {
            Value::Object(vec![
                ("path", Value::str(&n.module.path)),
                ("version", Value::str(&n.module.version)),
                ("selected", Value::Bool(n.selected)),
                ("requirementsLoaded", Value::Bool(n.requirements_loaded)),
                ("replacement", Value::opt_module(n.replacement.as_ref())),
                ("error", n.error.as_deref().map_or(Value::Null, Value::str)),
            ])
        })
        .collect();
    let edges = res
        .edges
        .iter()
        .map(|(from, to)| {
            Value::Object(vec![
                ("from", Value::module(from)),
                ("to", Value::module(to)),
            ])
        })
        .collect();
    let skew = version_skew(res)
        .iter()
        .map(|s| {
            Value::Object(vec![
                ("path", Value::str(&s.path)),
                (
                    "versions",
                    Value::Array(s.versions.iter().map(|v| Value::str(v)).collect()),
                ),
                ("selected", Value::str(&s.selected)),
            ])
        })
        .collect();
    Value::Object(vec![
        ("origin", Value::str(origin)),
        (
            "mainModules",
            Value::Array(res.main_modules.iter().map(|m| Value::str(m)).collect()),
        ),
        ("pruning", Value::str_or_null(res.pruning)),
        ("go", Value::str_or_null(&res.go)),
        ("toolchain", Value::str_or_null(&res.toolchain)),
        ("roots", Value::modules(&res.roots)),
        ("buildList", Value::Array(build_list)),
        ("nodes", Value::Array(nodes)),
        ("edges", Value::Array(edges)),
        ("skew", Value::Array(skew)),
        (
            "error",
            res.error.as_deref().map_or(Value::Null, Value::str),
        ),
        ("warnings", lines(&res.warnings)),
        (
            "sums",
            Value::Object(vec![
                ("graph", sum_needs(&res.sums.graph)),
                ("buildList", sum_needs(&res.sums.build_list)),
                ("tidyCompat", sum_needs(&res.sums.tidy_compat)),
                ("zipIfImported", Value::modules(&res.sums.zip_if_imported)),
            ]),
        ),
    ])
}

/// The resolution as rendered JSON text.
pub fn render(res: &Resolution) -> String {
    value(res).render()
}
