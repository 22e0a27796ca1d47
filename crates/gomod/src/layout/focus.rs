//! The bounded sub-graphs the graph view draws. A kubernetes-sized graph has thousands of
//! nodes and edges; drawn whole it is a hairball. The view therefore shows either the whole
//! graph when it is small, or an overview (the main modules and what they require directly),
//! or the neighbourhood of one focused module path: the requirement chains that lead to it from
//! the main module, the modules that require it, and what its versions require.

// Fx hashing, as the resolver's: the builder indexes every node of the graph (177,000 on the
// largest inputs tested), and SipHash cost the page a third of the focus picture's time.
use crate::resolve::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::modfile::ModuleVersion;
use crate::resolve::explain;
use crate::resolve::Resolution;

/// How much of the graph a focused view may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The number of requirement chains from the main module to show.
    pub chains: usize,
    /// The number of requirers, and of requirements, to show.
    pub neighbours: usize,
    /// The most nodes a view holds; a graph this small is shown whole.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            chains: 8,
            neighbours: 16,
            max_nodes: 60,
        }
    }
}

/// A sub-graph of a resolution: `nodes` index `Resolution::nodes`, `edges` index `nodes`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubGraph {
    pub nodes: Vec<usize>,
    pub edges: Vec<(usize, usize)>,
    /// The position in `nodes` of the focused path's selected version (or first version).
    pub focus: Option<usize>,
    /// How many graph nodes (without go and toolchain) are not shown.
    pub hidden: usize,
}

/// Whether a node is drawn at all: `go@` and `toolchain@` nodes are versions of Go, not modules.
fn is_module(m: &ModuleVersion) -> bool {
    m.path != "go" && m.path != "toolchain"
}

/// Collects nodes in first-come order and keeps the induced edges.
struct Builder<'r> {
    res: &'r Resolution,
    index: HashMap<&'r ModuleVersion, usize>,
    chosen: Vec<usize>,
    /// For every node of the resolution, its position in `chosen`.
    position: Vec<Option<usize>>,
    max: usize,
}

impl<'r> Builder<'r> {
    fn new(res: &'r Resolution, max: usize) -> Self {
        let index = res
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (&n.module, i))
            .collect();
        Builder {
            res,
            index,
            chosen: Vec::new(),
            position: vec![None; res.nodes.len()],
            max,
        }
    }

    /// Adds a module; false when the view is full.
    fn add(&mut self, m: &ModuleVersion) -> bool {
        let Some(&i) = self.index.get(m) else {
            return true;
        };
        let Some(slot) = self.position.get_mut(i) else {
            return true;
        };
        if slot.is_some() {
            return true;
        }
        if self.chosen.len() >= self.max {
            return false;
        }
        *slot = Some(self.chosen.len());
        self.chosen.push(i);
        true
    }

    fn finish(self, focus_path: Option<&str>) -> SubGraph {
        let at = |m: &ModuleVersion| {
            self.index
                .get(m)
                .and_then(|&i| self.position.get(i).copied().flatten())
        };
        let edges = self
            .res
            .edges
            .iter()
            .filter_map(|(a, b)| Some((at(a)?, at(b)?)))
            .collect();
        let focus = focus_path.and_then(|p| {
            let of_path: Vec<(usize, bool)> = self
                .chosen
                .iter()
                .enumerate()
                .filter_map(|(pos, &i)| {
                    let n = self.res.nodes.get(i)?;
                    (n.module.path == p).then_some((pos, n.selected))
                })
                .collect();
            of_path
                .iter()
                .find(|(_, selected)| *selected)
                .or(of_path.first())
                .map(|(pos, _)| *pos)
        });
        let total = self
            .res
            .nodes
            .iter()
            .filter(|n| is_module(&n.module))
            .count();
        SubGraph {
            hidden: total.saturating_sub(self.chosen.len()),
            nodes: self.chosen,
            edges,
            focus,
        }
    }
}

/// The default view: the whole graph when it has at most `limits.max_nodes` modules, otherwise
/// the main modules and their direct requirements (as many as fit).
pub fn overview(res: &Resolution, limits: &Limits) -> SubGraph {
    let mut b = Builder::new(res, limits.max_nodes.max(1));
    let modules = res.nodes.iter().filter(|n| is_module(&n.module));
    if modules.clone().count() <= limits.max_nodes {
        for n in modules {
            b.add(&n.module);
        }
        return b.finish(None);
    }
    let mains: HashSet<&str> = res.main_modules.iter().map(String::as_str).collect();
    let is_main = |m: &ModuleVersion| m.version.is_empty() && mains.contains(m.path.as_str());
    for n in res.nodes.iter().filter(|n| is_main(&n.module)) {
        b.add(&n.module);
    }
    for (from, to) in &res.edges {
        if is_main(from) && is_module(to) && !b.add(to) {
            break;
        }
    }
    b.finish(None)
}

/// The neighbourhood of a module path: chains from the main module to it, its requirers, every
/// version of it in the graph, and what those versions require; bounded by `limits`.
pub fn focused(res: &Resolution, path: &str, limits: &Limits) -> SubGraph {
    let mut b = Builder::new(res, limits.max_nodes.max(1));
    let why = explain(res, path, limits.chains);
    for m in why.shortest_chain.iter().chain(why.chains.iter().flatten()) {
        if is_module(m) && !b.add(m) {
            break;
        }
    }
    for n in res.nodes.iter().filter(|n| n.module.path == path) {
        b.add(&n.module);
    }
    let mut requirers = 0;
    for (from, _) in why.required_by.iter() {
        if requirers >= limits.neighbours {
            break;
        }
        if b.add(from) {
            requirers += 1;
        }
    }
    let mut requirements = 0;
    for (from, to) in &res.edges {
        if requirements >= limits.neighbours {
            break;
        }
        if from.path == path && is_module(to) && b.add(to) {
            requirements += 1;
        }
    }
    b.finish(Some(path))
}
