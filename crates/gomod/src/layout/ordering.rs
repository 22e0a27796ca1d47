//! Crossing reduction: the order of the nodes within each layer. Starting from index order,
//! alternate sweeps sort each layer by the barycenter (mean position) of its neighbours in the
//! layer just fixed, downwards then upwards; the order with the fewest crossings seen wins, so
//! the result is never worse than the start.

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

/// Runs `sweeps` down-and-up barycenter sweeps and returns the best order found.
pub(super) fn reduce_crossings(g: &Chained, start: Order, sweeps: usize) -> Order {
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
    let mut position = vec![0usize; count];
    let mut order = start;
    set_positions(&order, &mut position);
    let mut best = order.clone();
    let mut best_crossings = count_all(g, &order);
    for _ in 0..sweeps {
        if best_crossings == 0 {
            break;
        }
        for l in 1..order.len() {
            sort_layer(&mut order, l, &above, &mut position);
        }
        consider(g, &order, &mut best, &mut best_crossings);
        for l in (0..order.len().saturating_sub(1)).rev() {
            sort_layer(&mut order, l, &below, &mut position);
        }
        consider(g, &order, &mut best, &mut best_crossings);
    }
    best
}

fn consider(g: &Chained, order: &Order, best: &mut Order, best_crossings: &mut usize) {
    let c = count_all(g, order);
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
    crate::sort::sort_by(&mut keyed, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (i, (slot, (_, _, v))) in layer.iter_mut().zip(keyed).enumerate() {
        *slot = v;
        if let Some(p) = position.get_mut(v) {
            *p = i;
        }
    }
}

/// The number of pairwise edge crossings between adjacent layers.
pub(super) fn count_all(g: &Chained, order: &Order) -> usize {
    let mut position = vec![0usize; g.layer_of.len()];
    set_positions(order, &mut position);
    let mut by_layer: Vec<Vec<(usize, usize)>> = vec![Vec::new(); order.len()];
    for &(a, b) in &g.edges {
        let l = g.layer_of.get(a).copied().unwrap_or(0);
        if let Some(list) = by_layer.get_mut(l) {
            list.push((
                position.get(a).copied().unwrap_or(0),
                position.get(b).copied().unwrap_or(0),
            ));
        }
    }
    let mut total = 0usize;
    for (l, mut pairs) in by_layer.into_iter().enumerate() {
        let width = order.get(l + 1).map_or(0, Vec::len);
        crate::sort::sort(&mut pairs);
        total = total.saturating_add(inversions(&pairs, width));
    }
    total
}

/// Counts pairs whose lower ends are out of order (a Fenwick tree over the lower positions).
fn inversions(pairs: &[(usize, usize)], width: usize) -> usize {
    let mut tree = vec![0usize; width + 1];
    let mut count = 0usize;
    for (seen, &(_, b)) in pairs.iter().enumerate() {
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
