//! The module graph as a Graphviz DOT digraph (`dot -Tsvg graph.dot > graph.svg`).
//!
//! Node names are `go mod graph`'s (`path@version`, a main module's bare path), written as DOT
//! quoted strings so that `@`, `/`, `.`, `+` and `~` need no care. Main modules are bold,
//! selected versions plain, versions that lost dashed and grey, pruned ones dotted: the same
//! distinctions the Graph view draws.

use super::{graph, NodeKind};
use crate::resolve::Resolution;

/// The DOT document for the graph of `res`; the graph is named after the first main module.
pub fn render(res: &Resolution) -> String {
    let g = graph(res);
    let name = res.main_modules.first().map_or("modules", String::as_str);
    let mut out = format!("digraph {} {{\n", quote(name));
    out.push_str("\trankdir=LR;\n");
    out.push_str("\tnode [shape=box, style=\"rounded\", fontname=\"monospace\", fontsize=10];\n");
    out.push_str("\tedge [arrowsize=0.6];\n");
    for n in &g.nodes {
        out.push('\t');
        out.push_str(&quote(&n.name));
        let mut styles = vec!["rounded"];
        let mut attrs: Vec<String> = Vec::new();
        match n.kind {
            NodeKind::Main => {
                styles.push("bold");
                attrs.push("penwidth=2".to_owned());
            }
            NodeKind::Selected => {}
            NodeKind::Unselected => {
                styles.push("dashed");
                attrs.push("color=gray50".to_owned());
                attrs.push("fontcolor=gray40".to_owned());
            }
        }
        if n.pruned {
            styles.retain(|s| *s != "dashed");
            styles.push("dotted");
        }
        if styles.len() > 1 {
            attrs.insert(0, format!("style={}", quote(&styles.join(","))));
        }
        if !attrs.is_empty() {
            out.push_str(&format!(" [{}]", attrs.join(", ")));
        }
        out.push_str(";\n");
    }
    for &(a, b) in &g.edges {
        let (Some(from), Some(to)) = (g.nodes.get(a), g.nodes.get(b)) else {
            continue;
        };
        out.push_str(&format!("\t{} -> {}", quote(&from.name), quote(&to.name)));
        if to.kind == NodeKind::Unselected {
            out.push_str(" [style=dashed, color=gray50]");
        }
        out.push_str(";\n");
    }
    out.push_str("}\n");
    out
}

/// A DOT quoted string. DOT itself only gives `\"` a meaning inside quotes, but node labels
/// default to the name and are read as escape strings, where a backslash starts an escape; so
/// backslashes are doubled too and a line break becomes `\n`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
