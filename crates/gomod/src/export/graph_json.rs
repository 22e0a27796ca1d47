//! The module graph as a JSON-ready value: the nodes with their marks and the edges as pairs of
//! names. The CLI serialises it (`gomodplay graph --format json`); the schema is in README.md.

use super::{graph, NodeKind};
use crate::resolve::Resolution;

/// One node: its `go mod graph` name, path, version and marks.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonNode {
    pub name: String,
    pub path: String,
    pub version: String,
    pub kind: NodeKind,
    pub pruned: bool,
    pub replaced: bool,
}

/// The whole graph document.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonGraph {
    pub main_modules: Vec<String>,
    pub nodes: Vec<JsonNode>,
    /// `[from, to]` names, in `go mod graph` order.
    pub edges: Vec<[String; 2]>,
}

/// The graph of `res` as a serialisable value.
pub fn document(res: &Resolution) -> JsonGraph {
    let g = graph(res);
    let nodes = g
        .nodes
        .iter()
        .map(|n| JsonNode {
            name: n.name.clone(),
            path: n.module.path.clone(),
            version: n.module.version.clone(),
            kind: n.kind,
            pruned: n.pruned,
            replaced: n.replaced,
        })
        .collect();
    let edges = g
        .edges
        .iter()
        .filter_map(|&(a, b)| Some([g.nodes.get(a)?.name.clone(), g.nodes.get(b)?.name.clone()]))
        .collect();
    JsonGraph {
        main_modules: res.main_modules.clone(),
        nodes,
        edges,
    }
}
