//! Crossing reduction: the order of the nodes within each layer. From three starting orders
//! (index order and the orders of a depth-first and a breadth-first walk), alternate sweeps sort
//! each layer by the barycenter (mean position) of its neighbours in the layer just fixed,
//! downwards then upwards, each followed by transposition of adjacent nodes that lowers the
//! crossings; the order with the fewest crossings seen wins, so the result is never worse than
//! the start.

use super::chains::Chained;

/// `order[l]` lists the nodes of layer `l` from left to right.
pub(super) type Order = Vec<Vec<usize>>;

/// Nodes grouped by layer, in index order (real nodes first, then dummies as created).
pub(super) fn initial(g: &Chained) -> Order {
    let layers = g.layer_of.iter().copied().max().map_or(0, |m| m + 1);
    let mut order: Order = vec![Vec::new(); layers];
    for (v, &l) in g.layer_of.iter().enumerate() {
        if let Some(layer) = order.get_mut(l) {
            layer.push(v);
        }
    }
    order
}

/// Neighbours of every node in the layer above and the layer below.
pub(super) struct Adjacency {
    pub above: Vec<Vec<usize>>,
    pub below: Vec<Vec<usize>>,
}

impl Adjacency {
    pub(super) fn of(g: &Chained) -> Adjacency {
        let count = g.layer_of.len();
        let mut above: Vec<Vec<usize>> = vec![Vec::new(); count];
        let mut below: Vec<Vec<usize>> = vec![Vec::new(); count];
        for &(a, b) in &g.edges {
            if let Some(l) = below.get_mut(a) {
                l.push(b);
            }
            if let Some(l) = above.get_mut(b) {
                l.push(a);
            }
        }
        Adjacency { above, below }
    }
}

/// Reduces crossings from several deterministic starting orders (the given one, and the
/// orders in which a depth-first and a breadth-first walk from the top meet the nodes); from
/// each, rounds of a barycenter sweep down then up, each sweep followed by transposition of
/// neighbours, until `sweeps` rounds bring no improvement. The order with the fewest counted
/// crossings wins, so the result is never worse than `start`.
pub(super) fn reduce_crossings(g: &Chained, start: Order, sweeps: usize, thorough: bool) -> Order {
    let adjacency = Adjacency::of(g);
    let count = |order: &Order| count_with(&adjacency, g.layer_of.len(), order);
    let mut best = start.clone();
    let mut best_crossings = count(&best);
    if sweeps == 0 {
        return best;
    }
    let mut starts = vec![
        start,
        walk_order(g, &adjacency, false),
        walk_order(g, &adjacency, true),
    ];
    // Small graphs can afford more starting points: shuffles of the walk order by a fixed-seed
    // generator, so the result stays deterministic.
    let size = g.edges.len().max(1);
    let extra = if thorough { (20_000 / size).min(24) } else { 0 };
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..extra {
        let mut order = walk_order(g, &adjacency, false);
        for layer in &mut order {
            for i in (1..layer.len()).rev() {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let j = ((state >> 33) as usize) % (i + 1);
                layer.swap(i, j);
            }
        }
        starts.push(order);
    }
    for first in starts {
        if best_crossings == 0 {
            break;
        }
        let mut order = first;
        let mut position = vec![0usize; g.layer_of.len()];
        set_positions(&order, &mut position);
        let mut run_best = count(&order);
        consider(&order, run_best, &mut best, &mut best_crossings);
        let mut idle = 0;
        // A hard cap keeps hostile inputs bounded; in practice a start settles in a few rounds.
        for _ in 0..sweeps.saturating_mul(2) {
            if run_best == 0 || idle >= sweeps {
                break;
            }
            for l in 1..order.len() {
                sort_layer(&mut order, l, &adjacency.above, &mut position);
            }
            transpose(&mut order, &adjacency, &mut position);
            for l in (0..order.len().saturating_sub(1)).rev() {
                sort_layer(&mut order, l, &adjacency.below, &mut position);
            }
            transpose(&mut order, &adjacency, &mut position);
            let c = count(&order);
            if c < run_best {
                run_best = c;
                idle = 0;
            } else {
                idle += 1;
            }
            consider(&order, c, &mut best, &mut best_crossings);
        }
    }
    best
}

/// Layer orders in the sequence a depth-first (or breadth-first) walk down the edges, starting
/// from the top layer's nodes left to right, first reaches each node; children of a node stay
/// together, which is a good start for the sweeps.
fn walk_order(g: &Chained, adjacency: &Adjacency, breadth_first: bool) -> Order {
    let count = g.layer_of.len();
    let layers = g.layer_of.iter().copied().max().map_or(0, |m| m + 1);
    let mut order: Order = vec![Vec::new(); layers];
    let mut seen = vec![false; count];
    // Roots in index order: nodes without neighbours above, then everything else (which the
    // walks will usually have reached already).
    let roots = (0..count)
        .filter(|&v| adjacency.above.get(v).is_none_or(Vec::is_empty))
        .chain(0..count);
    for root in roots {
        if seen.get(root) != Some(&false) {
            continue;
        }
        let mut pending = std::collections::VecDeque::from([root]);
        if let Some(s) = seen.get_mut(root) {
            *s = true;
        }
        while let Some(v) = if breadth_first {
            pending.pop_front()
        } else {
            pending.pop_back()
        } {
            if let Some(layer) = g.layer_of.get(v).and_then(|&l| order.get_mut(l)) {
                layer.push(v);
            }
            let children = adjacency
                .below
                .get(v)
                .map(Vec::as_slice)
                .unwrap_or_default();
            // A stack takes the leftmost child first when the children are pushed in reverse.
            let mut push = |w: usize| {
                if let Some(s) = seen.get_mut(w) {
                    if !*s {
                        *s = true;
                        pending.push_back(w);
                    }
                }
            };
            if breadth_first {
                children.iter().copied().for_each(&mut push);
            } else {
                children.iter().rev().copied().for_each(&mut push);
            }
        }
    }
    order
}

/// Keeps `order`, which has `c` crossings, if it beats the best so far.
fn consider(order: &Order, c: usize, best: &mut Order, best_crossings: &mut usize) {
    if c < *best_crossings {
        *best_crossings = c;
        best.clone_from(order);
    }
}

fn set_positions(order: &Order, position: &mut [usize]) {
    for layer in order {
        for (i, &v) in layer.iter().enumerate() {
            if let Some(p) = position.get_mut(v) {
                *p = i;
            }
        }
    }
}

/// Sorts layer `l` by the mean position of each node's neighbours in `adjacent`; a node with
/// no neighbours keeps its own position as its key, which keeps it roughly in place.
fn sort_layer(order: &mut Order, l: usize, adjacent: &[Vec<usize>], position: &mut [usize]) {
    let Some(layer) = order.get_mut(l) else {
        return;
    };
    let mut keyed: Vec<(f64, usize, usize)> = layer
        .iter()
        .map(|&v| {
            let own = position.get(v).copied().unwrap_or(0);
            let ns = adjacent.get(v).map(Vec::as_slice).unwrap_or_default();
            let key = if ns.is_empty() {
                own as f64
            } else {
                let sum: usize = ns
                    .iter()
                    .map(|&u| position.get(u).copied().unwrap_or(0))
                    .sum();
                sum as f64 / ns.len() as f64
            };
            (key, own, v)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (i, (slot, (_, _, v))) in layer.iter_mut().zip(keyed).enumerate() {
        *slot = v;
        if let Some(p) = position.get_mut(v) {
            *p = i;
        }
    }
}

/// Swaps neighbours within a layer while that strictly lowers the crossings of their edges to
/// both adjacent layers (the transposition heuristic); a bounded number of rounds.
fn transpose(order: &mut Order, adjacency: &Adjacency, position: &mut [usize]) {
    // Only layers next to a layer that changed can gain from another round.
    let mut dirty = vec![true; order.len()];
    for _ in 0..8 {
        let mut next_dirty = vec![false; order.len()];
        let mut improved = false;
        for (l, layer) in order.iter_mut().enumerate() {
            if !dirty.get(l).copied().unwrap_or(false) {
                continue;
            }
            let mut changed = false;
            for i in 1..layer.len() {
                let (Some(&u), Some(&v)) = (layer.get(i - 1), layer.get(i)) else {
                    continue;
                };
                let keep = pair_crossings(u, v, adjacency, position);
                if keep == 0 {
                    continue;
                }
                let swap = pair_crossings(v, u, adjacency, position);
                if swap < keep {
                    layer.swap(i - 1, i);
                    if let Some(p) = position.get_mut(u) {
                        *p = i;
                    }
                    if let Some(p) = position.get_mut(v) {
                        *p = i - 1;
                    }
                    changed = true;
                }
            }
            if changed {
                improved = true;
                for m in l.saturating_sub(1)..=l + 1 {
                    if let Some(d) = next_dirty.get_mut(m) {
                        *d = true;
                    }
                }
            }
        }
        if !improved {
            break;
        }
        dirty = next_dirty;
    }
}

/// Crossings among the edges of `left` and `right` (to the layers above and below) when `left`
/// is placed just left of `right`.
fn pair_crossings(left: usize, right: usize, adjacency: &Adjacency, position: &[usize]) -> usize {
    let side = |lists: &[Vec<usize>]| {
        let of = |v: usize| lists.get(v).map(Vec::as_slice).unwrap_or_default();
        let mut crossings = 0usize;
        for &a in of(left) {
            let pa = position.get(a).copied().unwrap_or(0);
            crossings += of(right)
                .iter()
                .filter(|&&b| position.get(b).copied().unwrap_or(0) < pa)
                .count();
        }
        crossings
    };
    side(&adjacency.above) + side(&adjacency.below)
}

/// The positions of each node's neighbours in the layers above and below, sorted, for the
/// nodes of one layer at a time. Sifting weighs each node of a layer against every other, so
/// reading the positions once per layer and merging two sorted lists (linear in the two
/// degrees) replaces comparing every pair of edges for every pair of nodes.
struct SortedNeighbours {
    above: Vec<Vec<usize>>,
    below: Vec<Vec<usize>>,
}

impl SortedNeighbours {
    /// Room for every node of the chained graph (`count` nodes and dummies).
    fn new(count: usize) -> SortedNeighbours {
        SortedNeighbours {
            above: vec![Vec::new(); count],
            below: vec![Vec::new(); count],
        }
    }

    /// Reads the neighbour positions of the nodes in `layer`.
    fn load(&mut self, layer: &[usize], adjacency: &Adjacency, position: &[usize]) {
        for &v in layer {
            for (lists, into) in [
                (&adjacency.above, &mut self.above),
                (&adjacency.below, &mut self.below),
            ] {
                let Some(slot) = into.get_mut(v) else {
                    continue;
                };
                slot.clear();
                let neighbours = lists.get(v).map(Vec::as_slice).unwrap_or_default();
                slot.extend(
                    neighbours
                        .iter()
                        .map(|&u| position.get(u).copied().unwrap_or(0)),
                );
                slot.sort_unstable();
            }
        }
    }

    /// The crossings among the edges of `left` and `right` (to both adjacent layers) with
    /// `left` placed just left of `right`, and with the two swapped.
    fn pair(&self, left: usize, right: usize) -> (usize, usize) {
        let mut keep = 0;
        let mut swap = 0;
        for lists in [&self.above, &self.below] {
            let of = |v: usize| lists.get(v).map(Vec::as_slice).unwrap_or_default();
            let (a, b) = (of(left), of(right));
            let (less, equal) = merge_count(a, b);
            keep += less;
            // Every pair of edges either crosses one way, the other way, or shares an end.
            swap += (a.len() * b.len()).saturating_sub(less + equal);
        }
        (keep, swap)
    }
}

/// For two sorted position lists: how many pairs (x from `left`, y from `right`) have y < x,
/// and how many have y == x.
fn merge_count(left: &[usize], right: &[usize]) -> (usize, usize) {
    let (mut below, mut at_most) = (0, 0);
    let (mut less, mut equal) = (0usize, 0usize);
    for &x in left {
        while right.get(below).is_some_and(|&y| y < x) {
            below += 1;
        }
        at_most = at_most.max(below);
        while right.get(at_most).is_some_and(|&y| y <= x) {
            at_most += 1;
        }
        less += below;
        equal += at_most - below;
    }
    (less, equal)
}

/// The number of pairwise edge crossings between adjacent layers.
pub(super) fn count_all(g: &Chained, order: &Order) -> usize {
    count_with(&Adjacency::of(g), g.layer_of.len(), order)
}

/// [`count_all`] with the adjacency lists at hand: per layer, the edges to the next layer in
/// the order of their upper ends (walking the layer left to right) and then of their lower
/// ends, so no sort of all the edges is needed.
fn count_with(adjacency: &Adjacency, count: usize, order: &Order) -> usize {
    let mut position = vec![0usize; count];
    set_positions(order, &mut position);
    let mut total = 0usize;
    let mut lower_ends: Vec<usize> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    for (l, layer) in order.iter().enumerate() {
        lower_ends.clear();
        for &a in layer {
            ends.clear();
            let below = adjacency
                .below
                .get(a)
                .map(Vec::as_slice)
                .unwrap_or_default();
            ends.extend(below.iter().map(|&b| position.get(b).copied().unwrap_or(0)));
            ends.sort_unstable();
            lower_ends.extend_from_slice(&ends);
        }
        let width = order.get(l + 1).map_or(0, Vec::len);
        total = total.saturating_add(inversions(&lower_ends, width));
    }
    total
}

/// Counts pairs whose lower ends are out of order (a Fenwick tree over the lower positions).
fn inversions(lower_ends: &[usize], width: usize) -> usize {
    let mut tree = vec![0usize; width + 1];
    let mut count = 0usize;
    for (seen, &b) in lower_ends.iter().enumerate() {
        // Earlier edges ending strictly right of b cross this one.
        let mut at_most_b = 0usize;
        let mut i = b + 1;
        while i > 0 {
            at_most_b += tree.get(i).copied().unwrap_or(0);
            i &= i - 1;
        }
        count = count.saturating_add(seen - at_most_b);
        let mut i = b + 1;
        while i <= width {
            if let Some(t) = tree.get_mut(i) {
                *t += 1;
            }
            i += i & i.wrapping_neg();
        }
    }
    count
}

/// Sifting: every node in turn is taken out of its layer and put back at the position where
/// its edges to both adjacent layers cross least (it stays put on a tie). Stronger than
/// swapping neighbours, since a node can jump past many others at once; it never adds
/// crossings. Returns whether anything moved.
fn sift(order: &mut Order, adjacency: &Adjacency, position: &mut [usize]) -> bool {
    let mut moved = false;
    let mut sorted = SortedNeighbours::new(position.len());
    for layer in order.iter_mut() {
        if layer.len() < 2 {
            continue;
        }
        // Moves within this layer leave its neighbours' positions as they are.
        sorted.load(layer, adjacency, position);
        let snapshot = layer.clone();
        for v in snapshot {
            let Some(from) = layer.iter().position(|&w| w == v) else {
                continue;
            };
            layer.remove(from);
            // Crossings of v with every other node, when v is right of it and when left of it.
            let (right_of, left_of): (Vec<usize>, Vec<usize>) =
                layer.iter().map(|&w| sorted.pair(w, v)).unzip();
            // Cost at slot 0 is all left_of; each step right trades one left_of for a right_of.
            let mut cost: usize = left_of.iter().sum();
            let mut best = (cost, from);
            let start_cost = {
                let (before, after) = (right_of.get(..from), left_of.get(from..));
                before.map_or(0, |s| s.iter().sum::<usize>())
                    + after.map_or(0, |s| s.iter().sum::<usize>())
            };
            best = if start_cost <= best.0 {
                (start_cost, from)
            } else {
                best
            };
            for (slot, (r, l)) in right_of.iter().zip(&left_of).enumerate() {
                cost = cost + r - l;
                if cost < best.0 {
                    best = (cost, slot + 1);
                }
            }
            let to = best.1.min(layer.len());
            layer.insert(to, v);
            if to != from {
                moved = true;
            }
            for (i, &w) in layer.iter().enumerate() {
                if let Some(p) = position.get_mut(w) {
                    *p = i;
                }
            }
        }
    }
    moved
}

/// The largest graph (nodes and dummies) that [`polish`] sifts.
const SIFT_LIMIT: usize = 4_000;

/// Sifting rounds on a finished order, while they lower the crossings (at most `rounds`).
pub(super) fn polish(g: &Chained, start: Order, rounds: usize) -> Order {
    let adjacency = Adjacency::of(g);
    let mut order = start;
    let mut position = vec![0usize; g.layer_of.len()];
    set_positions(&order, &mut position);
    let count = |order: &Order| count_with(&adjacency, g.layer_of.len(), order);
    let mut crossings = count(&order);
    // Sifting costs the square of a layer's size per layer; past a few thousand nodes and
    // dummies (only whole graphs of hundreds of modules) it would take seconds, so it is left out.
    if g.layer_of.len() > SIFT_LIMIT {
        return order;
    }
    for _ in 0..rounds {
        if crossings == 0 {
            break;
        }
        let mut next = order.clone();
        let mut next_position = position.clone();
        if !sift(&mut next, &adjacency, &mut next_position) {
            break;
        }
        let c = count(&next);
        if c >= crossings {
            break;
        }
        (order, position, crossings) = (next, next_position, c);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{acyclic, chains, layers};

    /// The merge over sorted neighbour positions that sifting uses counts exactly what the
    /// direct comparison of every pair of edges counts, both ways round, on every pair of
    /// nodes of a layer (including pairs that share neighbours, where the two counts differ
    /// by the shared ends).
    #[test]
    fn sorted_neighbour_counts_match_the_direct_count() {
        let mut pairs_checked = 0;
        for seed in 1..12 {
            let (sizes, edges) = crate::layout::tests::generated(40 + 5 * seed as usize, seed);
            let n = sizes.len();
            let oriented = acyclic::orient(n, &edges);
            let layer_of = layers::network_simplex(n, &oriented, 10 * n + 100);
            let chained = chains::split(n, &layer_of, &oriented);
            let adjacency = Adjacency::of(&chained);
            let order = walk_order(&chained, &adjacency, false);
            let mut position = vec![0; chained.layer_of.len()];
            set_positions(&order, &mut position);
            let mut sorted = SortedNeighbours::new(position.len());
            for layer in &order {
                sorted.load(layer, &adjacency, &position);
                for &u in layer {
                    for &v in layer {
                        if u == v {
                            continue;
                        }
                        let expected = (
                            pair_crossings(u, v, &adjacency, &position),
                            pair_crossings(v, u, &adjacency, &position),
                        );
                        assert_eq!(
                            sorted.pair(u, v),
                            expected,
                            "seed {seed}, nodes {u} and {v}"
                        );
                        pairs_checked += 1;
                    }
                }
            }
        }
        assert!(pairs_checked > 1000, "only {pairs_checked} pairs checked");
    }
}
