//! Take the module graph and the build list away: Graphviz DOT, Mermaid, JSON, text and CSV.
//!
//! Every function here is pure: it reads a [`Resolution`] and returns the document as a string
//! (or a serialisable value), so the CLI (`gomodplay graph --format`, `gomodplay list --format`)
//! and the web app's export menu print exactly the same bytes for the same input.
//!
//! The graph documents hold every node and edge of `go mod graph` (in its order), with each
//! node marked as the Graph view marks it: a main module, a selected version, a version that
//! lost to a higher one, or a pruned version whose requirements were not loaded.

use crate::modfile::ModuleVersion;
use crate::resolve::Resolution;

pub mod build_list;
pub mod dot;
pub mod graph_json;
pub mod mermaid;

/// How a node of the graph is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NodeKind {
    /// A main module (printed without a version).
    Main,
    /// The version minimal version selection chose for its path.
    Selected,
    /// A version that lost to a higher one of the same path.
    Unselected,
}

/// One node of an exported graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportNode {
    /// `path@version`, or the bare path of a main module: the name `go mod graph` prints.
    pub name: String,
    pub module: ModuleVersion,
    pub kind: NodeKind,
    /// The node's requirements were not loaded (graph pruning), so it has no outgoing edges.
    pub pruned: bool,
    pub replaced: bool,
}

/// The nodes and edges of `go mod graph`, as indices into the node list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportGraph {
    pub nodes: Vec<ExportNode>,
    pub edges: Vec<(usize, usize)>,
}

/// The graph of `res` in `go mod graph` order: the resolver's nodes (breadth first), then any
/// endpoint of an edge the resolver did not list as a node (`go@` and `toolchain@` lines).
pub fn graph(res: &Resolution) -> ExportGraph {
    let mut out = ExportGraph::default();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for n in &res.nodes {
        let name = n.module.to_string();
        if index.contains_key(&name) {
            continue;
        }
        let main = n.module.version.is_empty() && res.main_modules.contains(&n.module.path);
        let kind = if main {
            NodeKind::Main
        } else if n.selected {
            NodeKind::Selected
        } else {
            NodeKind::Unselected
        };
        index.insert(name.clone(), out.nodes.len());
        out.nodes.push(ExportNode {
            name,
            module: n.module.clone(),
            kind,
            pruned: !main && !n.requirements_loaded,
            replaced: n.replacement.is_some(),
        });
    }
    for (from, to) in &res.edges {
        let a = node_index(&mut out, &mut index, res, from);
        let b = node_index(&mut out, &mut index, res, to);
        out.edges.push((a, b));
    }
    out
}

fn node_index(
    out: &mut ExportGraph,
    index: &mut std::collections::HashMap<String, usize>,
    res: &Resolution,
    m: &ModuleVersion,
) -> usize {
    let name = m.to_string();
    if let Some(&i) = index.get(&name) {
        return i;
    }
    let kind = if m.version.is_empty() && res.main_modules.contains(&m.path) {
        NodeKind::Main
    } else {
        NodeKind::Selected
    };
    index.insert(name.clone(), out.nodes.len());
    out.nodes.push(ExportNode {
        name,
        module: m.clone(),
        kind,
        pruned: false,
        replaced: false,
    });
    out.nodes.len() - 1
}

/// The graph as `go mod graph` prints it: one `from to` line per edge.
pub fn graph_text(res: &Resolution) -> String {
    let mut out = String::new();
    for (from, to) in &res.edges {
        out.push_str(&format!("{from} {to}\n"));
    }
    out
}
