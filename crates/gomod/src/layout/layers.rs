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
