//! Horizontal coordinates. Each layer is placed so that every node is as close as possible (in
//! the least-squares sense) to the mean centre of its neighbours in the layer just placed,
//! subject to the layer's order and minimum gaps: that is an isotonic regression, solved
//! exactly by pooling adjacent violators. Alternating downward and upward passes straighten
//! long chains and centre parents over their children. Edges inside long edges weigh more, so
//! long edges run as straight vertical lanes and short edges bend instead.

use super::chains::Chained;
use super::ordering::{Adjacency, Order};
use super::Options;

/// The left x of every real and dummy node, rounded to whole pixels, the leftmost at 0.
pub(super) fn assign_x(g: &Chained, order: &Order, widths: &[f64], options: &Options) -> Vec<f64> {
    let count = g.layer_of.len();
    let Adjacency { above, below } = Adjacency::of(g);
    let width = |v: usize| widths.get(v).copied().unwrap_or(0.0);
    let gap = |a: usize, b: usize| {
        if a >= g.real || b >= g.real {
            options.node_gap / 2.0
        } else {
            options.node_gap
        }
    };
    // Start packed to the left.
    let mut x = vec![0.0_f64; count];
    for layer in order {
        let mut at = 0.0;
        let mut prev: Option<usize> = None;
        for &v in layer {
            if let Some(p) = prev {
                at += gap(p, v);
            }
            if let Some(slot) = x.get_mut(v) {
                *slot = at;
            }
            at += width(v);
            prev = Some(v);
        }
    }
    let passes = options.sweeps.max(1) * 2;
    for pass in 0..passes {
        let downward = pass % 2 == 0;
        let layers: Vec<usize> = if downward {
            (1..order.len()).collect()
        } else {
            (0..order.len().saturating_sub(1)).rev().collect()
        };
        let adjacent = if downward { &above } else { &below };
        for l in layers {
            let Some(layer) = order.get(l) else { continue };
            place_layer(g, layer, adjacent, &mut x, &width, &gap);
        }
    }
    let min = x.iter().copied().fold(f64::INFINITY, f64::min);
    let shift = if min.is_finite() { min } else { 0.0 };
    x.iter().map(|v| (v - shift).round()).collect()
}

/// How strongly an edge pulls its ends into line: an edge between two dummies (the middle of a
/// long edge) much more than one between two modules, so long edges run straight and the short
/// ones bend around them (the idea of the priority method).
fn edge_weight(g: &Chained, a: usize, b: usize) -> f64 {
    match (a >= g.real, b >= g.real) {
        (true, true) => 8.0,
        (true, false) | (false, true) => 2.0,
        (false, false) => 1.0,
    }
}

/// Places one layer as close as possible (weighted least squares) to its neighbours' centres.
fn place_layer(
    g: &Chained,
    layer: &[usize],
    adjacent: &[Vec<usize>],
    x: &mut [f64],
    width: &impl Fn(usize) -> f64,
    gap: &impl Fn(usize, usize) -> f64,
) {
    let center = |x: &[f64], v: usize| x.get(v).copied().unwrap_or(0.0) + width(v) / 2.0;
    // Offsets that turn the separation constraints into plain monotonicity.
    let mut offset = Vec::with_capacity(layer.len());
    let mut acc = 0.0;
    let mut prev: Option<usize> = None;
    for &v in layer {
        if let Some(p) = prev {
            acc += width(p) + gap(p, v);
        }
        offset.push(acc);
        prev = Some(v);
    }
    let targets: Vec<(f64, f64)> = layer
        .iter()
        .zip(&offset)
        .map(|(&v, off)| {
            let ns = adjacent.get(v).map(Vec::as_slice).unwrap_or_default();
            let (sum, total) = ns.iter().fold((0.0, 0.0), |(sum, total), &u| {
                let w = edge_weight(g, u, v);
                (sum + w * center(x, u), total + w)
            });
            // A node without neighbours on this side holds its place, but weakly.
            let (want_center, weight) = if total > 0.0 {
                (sum / total, total)
            } else {
                (center(x, v), 0.25)
            };
            (want_center - width(v) / 2.0 - off, weight)
        })
        .collect();
    let fitted = isotonic(&targets);
    for ((&v, off), y) in layer.iter().zip(&offset).zip(fitted) {
        if let Some(slot) = x.get_mut(v) {
            *slot = y + off;
        }
    }
}

/// The non-decreasing sequence closest to the targets `t` (value, weight) in weighted least
/// squares (pool adjacent violators).
fn isotonic(t: &[(f64, f64)]) -> Vec<f64> {
    // Blocks of (weighted sum, total weight, count) whose means are non-decreasing.
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(t.len());
    for &(v, w) in t {
        blocks.push((v * w, w, 1));
        while blocks.len() >= 2 {
            let (Some(&(s2, w2, c2)), Some(&(s1, w1, c1))) =
                (blocks.last(), blocks.get(blocks.len() - 2))
            else {
                break;
            };
            if s1 / w1 <= s2 / w2 {
                break;
            }
            blocks.pop();
            blocks.pop();
            blocks.push((s1 + s2, w1 + w2, c1 + c2));
        }
    }
    let mut out = Vec::with_capacity(t.len());
    for (s, w, c) in blocks {
        out.extend(std::iter::repeat_n(s / w, c));
    }
    out
}
