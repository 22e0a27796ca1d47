//! The JSON form of a resolution (`gomodplay list --json`): a view of [`Resolution`] in the
//! schema documented in README.md ("JSON output"), which changes only by adding keys. It differs
//! from the core's own serde shape (which the JavaScript API returns) where the schema was
//! published first: flat `path`/`version` entries, `{"from", "to"}` edges, null for empty
//! strings, warnings as lines, and the version skew.

use serde::Serialize;

use gomod::modfile::ModuleVersion;
use gomod::resolve::{version_skew, Resolution};
use gomod::resolve::{Origin, Skew, SumNeed};

use crate::json::{empty_as_null, render as render_json};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Document<'r> {
    origin: &'static str,
    main_modules: &'r [String],
    #[serde(serialize_with = "empty_as_null")]
    pruning: &'r str,
    #[serde(serialize_with = "empty_as_null")]
    go: &'r str,
    #[serde(serialize_with = "empty_as_null")]
    toolchain: &'r str,
    roots: &'r [ModuleVersion],
    build_list: Vec<BuildListEntry<'r>>,
    nodes: Vec<Node<'r>>,
    edges: Vec<Edge<'r>>,
    skew: Vec<Skew>,
    error: Option<&'r str>,
    warnings: Vec<&'r str>,
    sums: Sums<'r>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BuildListEntry<'r> {
    path: &'r str,
    version: &'r str,
    replacement: Option<&'r ModuleVersion>,
    direct: bool,
    root: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Node<'r> {
    path: &'r str,
    version: &'r str,
    selected: bool,
    requirements_loaded: bool,
    replacement: Option<&'r ModuleVersion>,
    error: Option<&'r str>,
}

#[derive(Serialize)]
struct Edge<'r> {
    from: &'r ModuleVersion,
    to: &'r ModuleVersion,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Sums<'r> {
    graph: Vec<SumLine<'r>>,
    build_list: Vec<SumLine<'r>>,
    tidy_compat: Vec<SumLine<'r>>,
    zip_if_imported: &'r [ModuleVersion],
}

#[derive(Serialize)]
struct SumLine<'r> {
    path: &'r str,
    version: &'r str,
    hash: Option<&'r str>,
}

fn sum_lines(needs: &[SumNeed]) -> Vec<SumLine<'_>> {
    needs
        .iter()
        .map(|n| SumLine {
            path: &n.module.path,
            version: &n.module.version,
            hash: n.hash.as_deref(),
        })
        .collect()
}

fn document(res: &Resolution) -> Document<'_> {
    Document {
        origin: match res.origin {
            Origin::Source => "go.mod files",
            Origin::SuppliedGraph => "supplied graph",
        },
        main_modules: &res.main_modules,
        pruning: res.pruning.map_or("", gomod::resolve::Pruning::name),
        go: &res.go,
        toolchain: &res.toolchain,
        roots: &res.roots,
        build_list: res
            .build_list
            .iter()
            .map(|e| BuildListEntry {
                path: &e.module.path,
                version: &e.module.version,
                replacement: e.replacement.as_ref(),
                direct: e.direct,
                root: e.root,
            })
            .collect(),
        nodes: res
            .nodes
            .iter()
            .map(|n| Node {
                path: &n.module.path,
                version: &n.module.version,
                selected: n.selected,
                requirements_loaded: n.requirements_loaded,
                replacement: n.replacement.as_ref(),
                error: n.error.as_deref(),
            })
            .collect(),
        edges: res
            .edges
            .iter()
            .map(|(from, to)| Edge { from, to })
            .collect(),
        skew: version_skew(res),
        error: res.error.as_ref().map(|e| e.text()),
        // One message a line; go's stderr ends each with a newline.
        warnings: res.warnings.lines().filter(|l| !l.is_empty()).collect(),
        sums: Sums {
            graph: sum_lines(&res.sums.graph),
            build_list: sum_lines(&res.sums.build_list),
            tidy_compat: sum_lines(&res.sums.tidy_compat),
            zip_if_imported: &res.sums.zip_if_imported,
        },
    }
}

/// The resolution as rendered JSON text.
pub fn render(res: &Resolution) -> String {
    render_json(&document(res))
}
