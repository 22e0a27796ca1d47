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
#[allow(
    clippy::indexing_slicing,
    reason = "node ids index vectors of n entries: edges past n are skipped, layer has n entries"
)]
pub(super) fn shorten_edges(n: usize, edges: &[(usize, usize)], layer: &mut [usize]) {
    if layer.len() != n {
        return;
    }
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
            let lowest_allowed = succ[v]
                .iter()
                .map(|&w| layer[w])
                .min()
                .map(|l| l.saturating_sub(1));
            let highest_allowed = pred[v].iter().map(|&u| layer[u] + 1).max().unwrap_or(0);
            let target = if downs > ups {
                // A node without successors never gets here (downs > ups > ... needs downs > 0).
                lowest_allowed.unwrap_or(here)
            } else {
                highest_allowed
            };
            if target != here
                && target >= highest_allowed
                && lowest_allowed.is_none_or(|l| target <= l)
            {
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

/// Layering by the network simplex method (Gansner, Koutsofios, North and Vo, "A technique for
/// drawing directed graphs", 1993): the layering with the least total edge length, that is the
/// fewest dummy nodes, and so the fewest chances for edges to cross. Each weakly connected part
/// is solved alone and starts on layer 0. `edges` must be acyclic; `max_pivots` bounds the work
/// on hostile inputs (the result is always a valid layering, optimal when the bound is not hit).
pub(super) fn network_simplex(n: usize, edges: &[(usize, usize)], max_pivots: usize) -> Vec<usize> {
    let start = longest_path(n, edges);
    let mut layer = start.clone();
    for part in weak_components(n, edges) {
        let local: std::collections::HashMap<usize, usize> =
            part.iter().enumerate().map(|(i, &v)| (v, i)).collect();
        let part_edges: Vec<(usize, usize)> = edges
            .iter()
            .filter_map(|(a, b)| Some((*local.get(a)?, *local.get(b)?)))
            .collect();
        let ranks: Vec<i64> = part
            .iter()
            .map(|&v| start.get(v).copied().unwrap_or(0) as i64)
            .collect();
        let solved = Simplex::solve(ranks, &part_edges, max_pivots);
        let low = solved.iter().copied().min().unwrap_or(0);
        for (&v, r) in part.iter().zip(&solved) {
            if let Some(slot) = layer.get_mut(v) {
                *slot = (r - low).max(0) as usize;
            }
        }
    }
    layer
}

/// The weakly connected components, each in increasing node order, ordered by first node.
#[allow(
    clippy::indexing_slicing,
    reason = "node ids index vectors of n entries, and edges past n are skipped"
)]
fn weak_components(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a < n && b < n {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
    }
    let mut seen = vec![false; n];
    let mut parts = Vec::new();
    for s in 0..n {
        if seen[s] {
            continue;
        }
        seen[s] = true;
        let mut part = vec![s];
        let mut stack = vec![s];
        while let Some(v) = stack.pop() {
            for &w in &neighbours[v] {
                if !seen[w] {
                    seen[w] = true;
                    part.push(w);
                    stack.push(w);
                }
            }
        }
        part.sort_unstable();
        parts.push(part);
    }
    parts
}

/// The state of the network simplex on one connected graph: ranks, and a spanning tree of tight
/// edges (rank difference exactly one) rooted at node 0.
struct Simplex<'a> {
    edges: &'a [(usize, usize)],
    rank: Vec<i64>,
    in_tree: Vec<bool>,
    /// Per node, the indices of its edges (both directions).
    incident: Vec<Vec<usize>>,
    /// Per node, outgoing minus incoming edges: a set's outgoing minus incoming edges is the sum
    /// over its nodes, which gives every cut value from subtree sums.
    net: Vec<i64>,
    parent_edge: Vec<Option<usize>>,
    /// Postorder numbers: `v` is in the subtree of `c` exactly when low[c] <= lim[v] <= lim[c].
    low: Vec<usize>,
    lim: Vec<usize>,
    subtree_net: Vec<i64>,
}

#[allow(
    clippy::indexing_slicing,
    reason = "solve accepts only edges between node ids below n; every vector is sized to n or to the edge count there and never resized, and node and edge ids are the only indices"
)]
impl<'a> Simplex<'a> {
    fn solve(rank: Vec<i64>, edges: &'a [(usize, usize)], max_pivots: usize) -> Vec<i64> {
        let n = rank.len();
        if n <= 1 || edges.is_empty() || edges.iter().any(|&(a, b)| a >= n || b >= n) {
            return rank;
        }
        let mut incident: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut net = vec![0i64; n];
        for (i, &(a, b)) in edges.iter().enumerate() {
            incident[a].push(i);
            incident[b].push(i);
            net[a] += 1;
            net[b] -= 1;
        }
        let mut s = Simplex {
            edges,
            rank,
            in_tree: vec![false; edges.len()],
            incident,
            net,
            parent_edge: vec![None; n],
            low: vec![0; n],
            lim: vec![0; n],
            subtree_net: vec![0; n],
        };
        if !s.feasible_tree() {
            return s.rank;
        }
        for _ in 0..max_pivots {
            s.label_tree();
            let Some(leaving) = s.leaving_edge() else {
                break;
            };
            let Some(entering) = s.entering_edge(leaving) else {
                break;
            };
            s.in_tree[leaving] = false;
            s.in_tree[entering] = true;
            s.ranks_from_tree();
        }
        s.rank
    }

    fn slack(&self, e: usize) -> i64 {
        let (a, b) = self.edges[e];
        self.rank[b] - self.rank[a] - 1
    }

    /// Grows a tree of tight edges from node 0; while it does not span the graph, shifts the
    /// tree's ranks to make the least slack edge leaving it tight. False if it cannot span
    /// (which a connected graph never causes).
    fn feasible_tree(&mut self) -> bool {
        let n = self.rank.len();
        let mut in_tree_node = vec![false; n];
        in_tree_node[0] = true;
        let mut size = 1;
        loop {
            // Grow along tight edges.
            let mut stack: Vec<usize> = (0..n).filter(|&v| in_tree_node[v]).collect();
            while let Some(v) = stack.pop() {
                for k in 0..self.incident[v].len() {
                    let e = self.incident[v][k];
                    let (a, b) = self.edges[e];
                    let w = if a == v { b } else { a };
                    if !in_tree_node[w] && self.slack(e) == 0 {
                        in_tree_node[w] = true;
                        self.in_tree[e] = true;
                        size += 1;
                        stack.push(w);
                    }
                }
            }
            if size == n {
                return true;
            }
            let mut best: Option<(i64, usize)> = None;
            for (e, &(a, b)) in self.edges.iter().enumerate() {
                if in_tree_node[a] != in_tree_node[b] && best.is_none_or(|(s, _)| self.slack(e) < s)
                {
                    best = Some((self.slack(e), e));
                }
            }
            let Some((slack, e)) = best else { return false };
            // Moving the tree towards the outside end makes the edge tight.
            let delta = if in_tree_node[self.edges[e].0] {
                slack
            } else {
                -slack
            };
            for (rank, &inside) in self.rank.iter_mut().zip(&in_tree_node) {
                if inside {
                    *rank += delta;
                }
            }
        }
    }

    /// Parent edges, postorder numbers and subtree sums of `net`, from node 0.
    fn label_tree(&mut self) {
        let n = self.rank.len();
        self.parent_edge.iter_mut().for_each(|p| *p = None);
        let mut visited = vec![false; n];
        let mut next_lim = 0;
        // Frames: node, position in its incident list, lowest postorder number below it.
        let mut stack: Vec<(usize, usize, usize)> = vec![(0, 0, usize::MAX)];
        visited[0] = true;
        while let Some(&mut (v, ref mut k, ref mut low)) = stack.last_mut() {
            if let Some(&e) = self.incident[v].get(*k) {
                *k += 1;
                let (a, b) = self.edges[e];
                let w = if a == v { b } else { a };
                if self.in_tree[e] && !visited[w] {
                    visited[w] = true;
                    self.parent_edge[w] = Some(e);
                    stack.push((w, 0, usize::MAX));
                }
                continue;
            }
            let my_low = (*low).min(next_lim);
            self.lim[v] = next_lim;
            self.low[v] = my_low;
            next_lim += 1;
            let mut sum = self.net[v];
            for &e in &self.incident[v] {
                let (a, b) = self.edges[e];
                let w = if a == v { b } else { a };
                if self.parent_edge[w] == Some(e) {
                    sum += self.subtree_net[w];
                }
            }
            self.subtree_net[v] = sum;
            stack.pop();
            if let Some(parent) = stack.last_mut() {
                parent.2 = parent.2.min(my_low);
            }
        }
    }

    /// The cut value of a tree edge: edges from its tail's side to its head's side minus the
    /// reverse; a negative one means the drawing gets shorter by lengthening this edge.
    fn cut_value(&self, e: usize) -> i64 {
        let (a, b) = self.edges[e];
        if self.parent_edge[a] == Some(e) {
            self.subtree_net[a]
        } else {
            -self.subtree_net[b]
        }
    }

    /// The tree edge with the most negative cut value (lowest index on a tie).
    fn leaving_edge(&self) -> Option<usize> {
        let mut best: Option<(i64, usize)> = None;
        for e in 0..self.edges.len() {
            if self.in_tree[e] {
                let c = self.cut_value(e);
                if c < 0 && best.is_none_or(|(bc, _)| c < bc) {
                    best = Some((c, e));
                }
            }
        }
        best.map(|(_, e)| e)
    }

    /// Removing `leaving` splits the tree in a head and a tail side; the replacement is the
    /// non-tree edge of least slack from the head side to the tail side.
    fn entering_edge(&self, leaving: usize) -> Option<usize> {
        let (a, b) = self.edges[leaving];
        let child = if self.parent_edge[a] == Some(leaving) {
            a
        } else {
            b
        };
        let below = |v: usize| self.low[child] <= self.lim[v] && self.lim[v] <= self.lim[child];
        // The tail side is the subtree when the tail is the child.
        let tail_is_subtree = child == a;
        let on_tail_side = |v: usize| below(v) == tail_is_subtree;
        let mut best: Option<(i64, usize)> = None;
        for (e, &(x, y)) in self.edges.iter().enumerate() {
            if !self.in_tree[e] && !on_tail_side(x) && on_tail_side(y) {
                let s = self.slack(e);
                if best.is_none_or(|(bs, _)| s < bs) {
                    best = Some((s, e));
                }
            }
        }
        best.map(|(_, e)| e)
    }

    /// Ranks that make every tree edge tight, from node 0 at rank 0.
    fn ranks_from_tree(&mut self) {
        let n = self.rank.len();
        let mut visited = vec![false; n];
        visited[0] = true;
        self.rank[0] = 0;
        let mut stack = vec![0usize];
        while let Some(v) = stack.pop() {
            for k in 0..self.incident[v].len() {
                let e = self.incident[v][k];
                if !self.in_tree[e] {
                    continue;
                }
                let (a, b) = self.edges[e];
                let w = if a == v { b } else { a };
                if !visited[w] {
                    visited[w] = true;
                    self.rank[w] = if a == v {
                        self.rank[v] + 1
                    } else {
                        self.rank[v] - 1
                    };
                    stack.push(w);
                }
            }
        }
    }
}
