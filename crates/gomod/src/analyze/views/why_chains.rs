//! The requirement edges of the why-chains of a module path (the chains from a main module to
//! the version of it that was selected, as `gomodplay why` names them), for the Graph view to
//! draw highlighted.

use std::collections::BTreeSet;

use crate::resolve::mvs::Mod;
use crate::resolve::{explain, Resolution};

/// Every `(requirer, requirement)` edge on the shortest chain and on up to `limit` further
/// chains to `path`, without repeats, in a stable order. Empty when `path` is not reached.
pub fn why_chain_edges(res: &Resolution, path: &str, limit: usize) -> BTreeSet<(Mod, Mod)> {
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
