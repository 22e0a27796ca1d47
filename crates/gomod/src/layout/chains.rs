//! Long edges become chains through zero-size dummy nodes, one per layer crossed, so the
//! crossing reduction and the coordinates treat them like nodes and routes bend around boxes.

/// The layered graph with dummies: nodes `0..n` are the real ones, `n..` dummies.
pub(super) struct Chained {
    /// The number of real nodes.
    pub real: usize,
    /// The layer of every real and dummy node.
    pub layer_of: Vec<usize>,
    /// Edges between adjacent layers (upper, lower), each spanning exactly one layer.
    pub edges: Vec<(usize, usize)>,
    /// For every input edge, the nodes its route passes: oriented source, dummies, target.
    pub paths: Vec<Vec<usize>>,
}

/// Splits every oriented edge into single-layer steps.
pub(super) fn split(n: usize, layer_of: &[usize], oriented: &[(usize, usize)]) -> Chained {
    let mut layers: Vec<usize> = layer_of.to_vec();
    layers.truncate(n);
    let mut edges = Vec::with_capacity(oriented.len());
    let mut paths = Vec::with_capacity(oriented.len());
    for &(a, b) in oriented {
        let la = layers.get(a).copied().unwrap_or(0);
        let lb = layers.get(b).copied().unwrap_or(0);
        let mut path = vec![a];
        let mut prev = a;
        for l in la + 1..lb {
            let dummy = layers.len();
            layers.push(l);
            edges.push((prev, dummy));
            path.push(dummy);
            prev = dummy;
        }
        edges.push((prev, b));
        path.push(b);
        paths.push(path);
    }
    Chained {
        real: n,
        layer_of: layers,
        edges,
        paths,
    }
}
