//! Layer assignment by longest path from the sources: a node sits one layer below its deepest
//! predecessor, so every edge points downwards and the main module (a source) is on top.

/// The layer of every node; `edges` must be acyclic (see [`super::acyclic`]).
pub(super) fn longest_path(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut indegree = vec![0usize; n];
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if let (Some(list), Some(d)) = (succ.get_mut(a), indegree.get_mut(b)) {
            list.push(b);
            *d += 1;
        }
    }
    let mut layer = vec![0usize; n];
    // Kahn's algorithm in index order keeps the result deterministic.
    let mut ready: Vec<usize> = (0..n)
        .rev()
        .filter(|&v| indegree.get(v) == Some(&0))
        .collect();
    while let Some(v) = ready.pop() {
        let lv = layer.get(v).copied().unwrap_or(0);
        for &w in succ.get(v).map(Vec::as_slice).unwrap_or_default() {
            if let Some(lw) = layer.get_mut(w) {
                *lw = (*lw).max(lv + 1);
            }
            if let Some(d) = indegree.get_mut(w) {
                *d -= 1;
                if *d == 0 {
                    ready.push(w);
                }
            }
        }
    }
    layer
}

/// Moves nodes between their neighbours' layers to shorten edges (the "promotion" step of
/// network-simplex layering, greedily): a node whose edges mostly go down moves down as far as
/// its successors allow, one whose edges mostly go up moves up. Shorter edges mean fewer dummy
/// nodes, so fewer chances to cross. Every edge still points one or more layers down, and the
/// result stays deterministic (nodes are visited in index order, a fixed number of rounds).
pub(super) fn shorten_edges(n: usize, edges: &[(usize, usize)], layer: &mut [usize]) {
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a < n && b < n {
            succ[a].push(b);
            pred[b].push(a);
        }
    }
    for _ in 0..8 {
        let mut moved = false;
        for v in 0..n {
            let (ups, downs) = (pred[v].len(), succ[v].len());
            if ups == downs {
                continue;
            }
            let here = layer[v];
            let lowest_allowed = succ[v].iter().map(|&w| layer[w]).min().map(|l| l.saturating_sub(1));
            let highest_allowed = pred[v].iter().map(|&u| layer[u] + 1).max().unwrap_or(0);
            let target = if downs > ups {
                // A node without successors never gets here (downs > ups > ... needs downs > 0).
                lowest_allowed.unwrap_or(here)
            } else {
                highest_allowed
            };
            if target != here && target >= highest_allowed && lowest_allowed.is_none_or(|l| target <= l) {
                layer[v] = target;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    // Close gaps: layers left empty by the moves are removed so the drawing has no blank rows.
    let mut used: Vec<usize> = layer.to_vec();
    used.sort_unstable();
    used.dedup();
    for l in layer.iter_mut() {
        *l = used.partition_point(|&u| u < *l);
    }
}

/// Longest-path layering from the bottom: every sink on the lowest layer and each node one layer
/// above its highest successor. Some graphs cross less this way; the layout tries both.
pub(super) fn longest_path_up(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let flipped: Vec<(usize, usize)> = edges.iter().map(|&(a, b)| (b, a)).collect();
    let depth = longest_path(n, &flipped);
    let deepest = depth.iter().copied().max().unwrap_or(0);
    depth.iter().map(|d| deepest - d).collect()
}
