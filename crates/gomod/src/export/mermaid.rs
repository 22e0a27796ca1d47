//! The module graph as a Mermaid flowchart, which GitHub renders inside a ```` ```mermaid ````
//! block of any markdown file, issue or pull request.
//!
//! Mermaid node ids must be plain words, so each module gets an id `m0`, `m1`... in `go mod
//! graph` order and its name goes in a quoted label (`m0["example.com/a@v1.2.0"]`). Inside
//! the quotes `@`, `/`, `.`, `+` and `~` are literal; the characters Mermaid or its HTML labels
//! would interpret (`"`, `#`, `<`, `>`, `&`) are written as Mermaid entity codes.

use super::{graph, NodeKind};
use crate::resolve::Resolution;

/// A Mermaid class: its name, its style, and which nodes it applies to.
type NodeClass = (&'static str, &'static str, fn(&super::ExportNode) -> bool);

/// The Mermaid flowchart for the graph of `res`.
pub fn render(res: &Resolution) -> String {
    let g = graph(res);
    let mut out = String::from("flowchart LR\n");
    for (i, n) in g.nodes.iter().enumerate() {
        out.push_str(&format!("    {}[\"{}\"]\n", id(i), label(&n.name)));
    }
    for &(a, b) in &g.edges {
        let dashed = g
            .nodes
            .get(b)
            .is_some_and(|n| n.kind == NodeKind::Unselected);
        let arrow = if dashed { "-.->" } else { "-->" };
        out.push_str(&format!("    {} {arrow} {}\n", id(a), id(b)));
    }
    let classes: [NodeClass; 3] = [
        ("main", "stroke-width:3px", |n| n.kind == NodeKind::Main),
        ("unselected", "stroke-dasharray:4 3,color:#666666", |n| {
            n.kind == NodeKind::Unselected
        }),
        ("pruned", "stroke-dasharray:1 3", |n| n.pruned),
    ];
    for (name, style, member) in classes {
        let ids: Vec<String> = g
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| member(n))
            .map(|(i, _)| id(i))
            .collect();
        if ids.is_empty() {
            continue;
        }
        out.push_str(&format!("    classDef {name} {style}\n"));
        out.push_str(&format!("    class {} {name}\n", ids.join(",")));
    }
    out
}

/// The id of the node at `index`.
pub fn id(index: usize) -> String {
    format!("m{index}")
}

/// A label for inside Mermaid's double quotes.
pub fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
