//! Resolution from a pasted `go mod graph` output instead of go.mod files: the graph is taken
//! as given (every node listed on the left has exactly the printed requirements; nodes never
//! listed on the left were pruned or have none) and the build list is MVS over those edges.

use super::fxhash::FxHashSet as HashSet;
use super::mvs::{Graph, NONE};
use super::order::cmp_version;
use super::resolution::{BuildListEntry, Node, Origin, Resolution, SumNeed, SumNeeds};
use crate::modfile::ModuleVersion;

/// Parses `path[@version]`.
fn node(tok: &str) -> ModuleVersion {
    match tok.split_once('@') {
        Some((p, v)) => ModuleVersion::new(p, v),
        None => ModuleVersion::new(tok, ""),
    }
}

/// Reads `go mod graph` output; the error names the first malformed line.
pub fn parse_graph(text: &str) -> Result<Vec<(ModuleVersion, ModuleVersion)>, String> {
    let mut edges = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut f = line.split_whitespace();
        match (f.next(), f.next(), f.next()) {
            (Some(a), Some(b), None) => edges.push((node(a), node(b))),
            _ => {
                // Quoted as go quotes (strconv.Quote) rather than with Rust's {:?}: the same
                // text for anything but control characters, and no Unicode printability
                // tables in the web app.
                return Err(format!(
                    "line {}: expected \"from to\", got {}",
                    i + 1,
                    crate::syntax::quote::quote(line)
                ));
            }
        }
    }
    Ok(edges)
}

/// MVS over a supplied graph. The main modules are the nodes without a version, in order of
/// first appearance.
pub fn resolve_graph_text(text: &str) -> Resolution {
    let mut res = Resolution {
        origin: Origin::SuppliedGraph,
        main_modules: Vec::new(),
        pruning: None,
        roots: Vec::new(),
        go: String::new(),
        toolchain: String::new(),
        build_list: Vec::new(),
        nodes: Vec::new(),
        edges: Vec::new(),
        error: None,
        warnings: String::new(),
        sums: SumNeeds::default(),
    };
    let edges = match parse_graph(text) {
        Ok(e) => e,
        Err(e) => {
            res.error = Some(super::Error::other(e));
            return res;
        }
    };
    let mut mains: Vec<ModuleVersion> = Vec::new();
    let mut order: Vec<ModuleVersion> = Vec::new();
    let mut seen: HashSet<ModuleVersion> = HashSet::default();
    let mut lists: super::fxhash::FxHashMap<ModuleVersion, Vec<ModuleVersion>> = Default::default();
    for (from, to) in &edges {
        for m in [from, to] {
            if seen.insert(m.clone()) {
                order.push(m.clone());
                if m.version.is_empty() {
                    mains.push(m.clone());
                }
            }
        }
        lists.entry(from.clone()).or_default().push(to.clone());
    }
    let mut g = Graph::new(cmp_version, mains.clone());
    // Record requirement lists breadth first from the main modules, so that only reachable
    // nodes count (as in the go command's graph).
    let mut queue: std::collections::VecDeque<ModuleVersion> = mains.iter().cloned().collect();
    let mut queued: HashSet<ModuleVersion> = mains.iter().cloned().collect();
    while let Some(m) = queue.pop_front() {
        let Some(list) = lists.get(&m) else { continue };
        g.require(&m, list.clone());
        for r in list {
            if r.version != NONE && queued.insert(r.clone()) {
                queue.push_back(r.clone());
            }
        }
    }
    res.main_modules = mains.iter().map(|m| m.path.clone()).collect();
    res.roots = mains
        .iter()
        .flat_map(|m| lists.get(m).cloned().unwrap_or_default())
        .collect();
    res.go = g.selected("go").to_owned();
    let tc = g.selected("toolchain");
    res.toolchain = if tc == NONE {
        String::new()
    } else {
        tc.to_owned()
    };
    let root_paths: HashSet<&str> = res.roots.iter().map(|m| m.path.as_str()).collect();
    for m in g
        .build_list()
        .into_iter()
        .filter(|m| m.path != "go" && m.path != "toolchain")
    {
        res.build_list.push(BuildListEntry {
            root: root_paths.contains(m.path.as_str()),
            direct: false,
            replacement: None,
            module: m,
        });
    }
    g.walk_breadth_first(|m| {
        for r in g.required_by(m).unwrap_or_default() {
            res.edges.push((m.clone(), r.clone()));
        }
        res.nodes.push(Node {
            go: String::new(),
            module: m.clone(),
            selected: g.selected(&m.path) == m.version,
            requirements_loaded: g.required_by(m).is_some(),
            error: None,
            replacement: None,
        });
    });
    let unreachable = order.iter().filter(|m| !g.is_reachable(m)).count();
    if unreachable > 0 {
        res.warnings = format!(
            "{unreachable} nodes of the supplied graph are not reachable from a main module\n"
        );
    }
    res
}

/// Completes a supplied graph's resolution with what the main module's go.mod says and `go mod
/// graph` does not print: which build-list modules are required directly (without
/// `// indirect`), their replacements (the graph names a replaced module by its original
/// version), and the go.sum lines the go command needs: the go.mod of every selected module,
/// after replacement (none for a directory), whose hash stays unknown without the file; the
/// content hash of the same modules once a package of theirs is imported.
pub fn with_main_gomod(res: &mut Resolution, gomod: &[u8]) {
    let Ok(main) = crate::modfile::parse("go.mod", gomod) else {
        return;
    };
    // The directives and direct requirements by path, looked up once per module of the graph
    // (a scan of go.mod per module would be quadratic in a pasted graph of a large build).
    let replacements = crate::modfile::Replacements::new(&main.replace);
    let replacement = |m: &ModuleVersion| -> Option<ModuleVersion> {
        replacements
            .pick(&m.path, &m.version)
            .map(|r| ModuleVersion::new(r.new.path.as_str(), r.new.version.as_str()))
    };
    let direct: HashSet<&str> = main
        .require
        .iter()
        .filter(|r| !r.indirect)
        .map(|r| r.module.path.as_str())
        .collect();
    let mut needs = Vec::new();
    for entry in &mut res.build_list {
        if entry.module.version.is_empty() {
            continue;
        }
        entry.direct = direct.contains(entry.module.path.as_str());
        entry.replacement = replacement(&entry.module);
        let downloaded = entry
            .replacement
            .clone()
            .unwrap_or_else(|| entry.module.clone());
        if !downloaded.version.is_empty() {
            needs.push(downloaded);
        }
    }
    for node in &mut res.nodes {
        node.replacement = replacement(&node.module);
    }
    crate::sort::sort_by(&mut needs, super::order::compare_mods);
    needs.dedup();
    res.sums.graph = needs
        .iter()
        .map(|m| SumNeed {
            module: m.clone(),
            hash: None,
        })
        .collect();
    res.sums.zip_if_imported = needs;
}

#[cfg(test)]
mod tests {
    use super::resolve_graph_text;

    /// An unpruned graph as go mod graph printed it (d@v1.3.0 and d@v1.4.0 both reached): MVS over the edges gives
    /// the build list go list -m all printed.
    #[test]
    fn spec_example_graph() {
        let text = "example.com/a example.com/b@v1.2.0\nexample.com/a example.com/c@v1.2.0\nexample.com/a go@1.16\nexample.com/b@v1.2.0 example.com/d@v1.3.0\nexample.com/c@v1.2.0 example.com/d@v1.4.0\nexample.com/d@v1.3.0 example.com/e@v1.2.0\nexample.com/d@v1.4.0 example.com/e@v1.2.0\nexample.com/d@v1.4.0 example.com/f@v1.1.0\n";
        let r = resolve_graph_text(text);
        let list: Vec<String> = r
            .build_list
            .iter()
            .map(|e| format!("{} {}", e.module.path, e.module.version))
            .collect();
        assert_eq!(
            list,
            [
                "example.com/a ",
                "example.com/b v1.2.0",
                "example.com/c v1.2.0",
                "example.com/d v1.4.0",
                "example.com/e v1.2.0",
                "example.com/f v1.1.0"
            ]
        );
        assert_eq!(r.go, "1.16");
        assert_eq!(r.edges.len(), 8);
        assert!(r.error.is_none());
        assert!(resolve_graph_text("a b c\n").error.is_some());
    }
}
