//! The requirement edges of the why-chains of a module path, for the Graph view to draw
//! highlighted: the shortest chain from a main module to the selected version, and the chains to
//! any version of the path that the focus panel and `gomodplay why` list (so the drawing shows
//! why each requirer asked for it, including the requirements that lost).

use std::collections::BTreeSet;

use crate::modfile::ModuleVersion;
use crate::resolve::{explain, Resolution};

/// Every `(requirer, requirement)` edge on the shortest chain and on up to `limit` further
/// chains to `path`, without repeats, in a stable order. Empty when `path` is not reached.
pub fn why_chain_edges(
    res: &Resolution,
    path: &str,
    limit: usize,
) -> BTreeSet<(ModuleVersion, ModuleVersion)> {
    let why = explain(res, path, limit);
    let mut edges = BTreeSet::new();
    for chain in std::iter::once(&why.shortest_chain).chain(why.chains.iter()) {
        for pair in chain.windows(2) {
            if let [from, to] = pair {
                edges.insert((from.clone(), to.clone()));
            }
        }
    }
    edges
}
