//! Layout tests: exact coordinates for small graphs (worked out by hand from the rules in the
//! module documentation, see each case), and properties over generated graphs.

use super::*;

fn boxes(n: usize) -> Vec<Size> {
    vec![
        Size {
            width: 100.0,
            height: 20.0
        };
        n
    ]
}

fn corners(l: &Layout) -> Vec<(f64, f64)> {
    l.nodes.iter().map(|p| (p.x, p.y)).collect()
}

#[test]
fn empty_and_single() {
    assert_eq!(layout(&[], &[], &Options::default()), Layout::default());
    let l = layout(&boxes(1), &[(0, 0), (0, 5)], &Options::default());
    assert_eq!(corners(&l), vec![(0.0, 0.0)]);
    assert!(l.routes.is_empty());
    assert_eq!((l.width, l.height), (100.0, 20.0));
}

#[test]
fn chain_is_a_straight_column() {
    // Layers 0, 1, 2; each layer is 20 high plus a 48 gap.
    let l = layout(&boxes(3), &[(0, 1), (1, 2)], &Options::default());
    assert_eq!(corners(&l), vec![(0.0, 0.0), (0.0, 68.0), (0.0, 136.0)]);
    assert_eq!(l.routes[0].points, vec![(50.0, 20.0), (50.0, 68.0)]);
    assert_eq!(l.crossings, 0);
}

#[test]
fn diamond_centres_parent_and_child() {
    // b and c are packed 100 + 24 apart (x 0 and 124, centres 50 and 174); a and d sit at the
    // mean of those centres, 112, so their left edge is 62.
    let l = layout(
        &boxes(4),
        &[(0, 1), (0, 2), (1, 3), (2, 3)],
        &Options::default(),
    );
    assert_eq!(
        corners(&l),
        vec![(62.0, 0.0), (0.0, 68.0), (124.0, 68.0), (62.0, 136.0)]
    );
    assert_eq!((l.width, l.height), (224.0, 156.0));
}

#[test]
fn long_edge_bends_through_a_dummy() {
    // a -> b -> c and a -> c: the long edge passes layer 1 through a dummy 8 wide, 12 (half the
    // gap) right of b. The route goes from a's bottom to the top of layer 1, straight down
    // through the dummy's slot to the bottom of layer 1 (68 + 20), and on to c's top.
    let l = layout(&boxes(3), &[(0, 1), (1, 2), (0, 2)], &Options::default());
    let route = &l.routes[2];
    let ys: Vec<f64> = route.points.iter().map(|p| p.1).collect();
    assert_eq!(ys, [20.0, 68.0, 88.0, 136.0]);
    assert_eq!(
        route.points[1].0, route.points[2].0,
        "vertical through the layer"
    );
    assert!(!l.routes.iter().any(|r| r.reversed));
}

#[test]
fn cycle_is_drawn_with_one_upward_edge() {
    let l = layout(&boxes(2), &[(0, 1), (1, 0)], &Options::default());
    assert_eq!(corners(&l), vec![(0.0, 0.0), (0.0, 68.0)]);
    let back = &l.routes[1];
    assert!(back.reversed);
    assert_eq!((back.from, back.to), (1, 0));
    // Drawn from b (its top) to a (its bottom): upwards.
    assert_eq!(back.points, vec![(50.0, 68.0), (50.0, 20.0)]);
}

#[test]
fn duplicate_edges_are_drawn_once_in_input_order() {
    let l = layout(
        &boxes(3),
        &[(1, 2), (0, 1), (1, 2), (0, 1)],
        &Options::default(),
    );
    let kept: Vec<(usize, usize)> = l.routes.iter().map(|r| (r.from, r.to)).collect();
    assert_eq!(kept, [(1, 2), (0, 1)]);
}

#[test]
fn crossing_is_removed() {
    // a, b on top; c, d below; a -> d and b -> c cross in index order, not after a sweep.
    let edges = [(0, 3), (1, 2), (4, 0), (4, 1)];
    let none = Options {
        sweeps: 0,
        ..Options::default()
    };
    assert_eq!(layout(&boxes(5), &edges, &none).crossings, 1);
    let l = layout(&boxes(5), &edges, &Options::default());
    assert_eq!(l.crossings, 0);
    assert!(l.nodes[3].x < l.nodes[2].x, "d moved left of c");
}

#[test]
fn hostile_sizes_do_not_poison_coordinates() {
    let sizes = [
        Size {
            width: f64::NAN,
            height: f64::INFINITY,
        },
        Size {
            width: -5.0,
            height: 1e308,
        },
    ];
    let l = layout(&sizes, &[(0, 1), (usize::MAX, 0)], &Options::default());
    assert!(l
        .nodes
        .iter()
        .all(|p| p.x.is_finite() && p.y.is_finite() && p.width == 0.0));
}

/// A deterministic pseudo-random graph shaped like a module graph: edges go from lower to
/// higher indices mostly, with a few back edges making cycles.
pub(super) fn generated(n: usize, seed: u64) -> (Vec<Size>, Vec<(usize, usize)>) {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move |bound: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % bound.max(1)
    };
    let sizes = (0..n)
        .map(|i| Size {
            width: 60.0 + (i % 7) as f64 * 20.0,
            height: 24.0,
        })
        .collect();
    let mut edges = Vec::new();
    for v in 1..n {
        let parents = 1 + next(3);
        for _ in 0..parents {
            edges.push((next(v), v));
        }
        if next(20) == 0 {
            edges.push((v, next(v)));
        }
    }
    (sizes, edges)
}

#[test]
fn properties_hold_on_generated_graphs() {
    for (n, seed) in [(10, 1), (40, 2), (120, 3), (300, 4)] {
        let (sizes, edges) = generated(n, seed);
        let options = Options::default();
        let l = layout(&sizes, &edges, &options);
        assert_eq!(l.nodes.len(), n);
        // Nodes of a layer never overlap and keep at least the gap.
        let mut by_layer: std::collections::BTreeMap<usize, Vec<&Placed>> = Default::default();
        for p in &l.nodes {
            by_layer.entry(p.layer).or_default().push(p);
        }
        for layer in by_layer.values_mut() {
            layer.sort_by(|a, b| a.x.total_cmp(&b.x));
            for pair in layer.windows(2) {
                assert!(
                    pair[0].x + pair[0].width + options.node_gap <= pair[1].x + 0.5,
                    "overlap in graph {n}/{seed}"
                );
            }
        }
        // After cycle breaking every edge points down; reversed ones exactly up.
        for r in &l.routes {
            let (from, to) = (&l.nodes[r.from], &l.nodes[r.to]);
            if r.reversed {
                assert!(from.layer > to.layer);
            } else {
                assert!(from.layer < to.layer);
            }
            assert!(r.points.windows(2).all(|w| (w[1].1 > w[0].1) != r.reversed));
        }
        // The sweeps never make crossings worse than the input order.
        let unswept = layout(
            &sizes,
            &edges,
            &Options {
                sweeps: 0,
                ..options
            },
        );
        assert!(
            l.crossings <= unswept.crossings,
            "{n}: {} > {}",
            l.crossings,
            unswept.crossings
        );
        // Deterministic.
        assert_eq!(l, layout(&sizes, &edges, &options));
    }
}

mod focus_views {
    use crate::bundle::Bundle;
    use crate::layout::focus::{focused, overview, Limits};
    use crate::resolve::{bundle_input, resolve, Cmd, Resolution, Settings};

    /// m requires a and b; a requires c v1.1.0, b requires c v1.2.0 and d; d requires e. With
    /// graph pruning (go 1.21) d's go.mod is never read, so e is not in the graph: `go mod graph`
    /// (go 1.27.3, these go.mod files in a file proxy, GOFLAGS=-mod=mod) prints exactly the
    /// module edges m->a, m->b, a->c@v1.1.0, b->c@v1.2.0, b->d (plus go@ and toolchain@ edges).
    fn resolution() -> Resolution {
        let mut bundle = Bundle::from_files([(
            "go.mod",
            "module example.com/m\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n",
        )]);
        let deps = [
            ("example.com/a", "module example.com/a\n\ngo 1.21\n\nrequire example.com/c v1.1.0\n"),
            (
                "example.com/b",
                "module example.com/b\n\ngo 1.21\n\nrequire (\n\texample.com/c v1.2.0\n\texample.com/d v1.0.0\n)\n",
            ),
            ("example.com/d", "module example.com/d\n\ngo 1.21\n\nrequire example.com/e v1.0.0\n"),
        ];
        for (path, gomod) in deps {
            bundle
                .insert_dependency_gomod(path, "v1.0.0", gomod.as_bytes().to_vec())
                .unwrap();
        }
        for (path, version) in [
            ("example.com/c", "v1.1.0"),
            ("example.com/c", "v1.2.0"),
            ("example.com/e", "v1.0.0"),
        ] {
            let gomod = format!("module {path}\n\ngo 1.21\n");
            bundle
                .insert_dependency_gomod(path, version, gomod.into_bytes())
                .unwrap();
        }
        let input = bundle_input(&bundle, Settings::default()).unwrap();
        resolve(&input, Cmd::ModGraph)
    }

    fn names(res: &Resolution, nodes: &[usize]) -> Vec<String> {
        nodes
            .iter()
            .map(|&i| res.nodes[i].module.to_string())
            .collect()
    }

    #[test]
    fn small_graph_is_shown_whole() {
        let res = resolution();
        assert_eq!(res.error, None);
        let view = overview(&res, &Limits::default());
        assert_eq!(
            names(&res, &view.nodes),
            [
                "example.com/m",
                "example.com/a@v1.0.0",
                "example.com/b@v1.0.0",
                "example.com/c@v1.1.0",
                "example.com/c@v1.2.0",
                "example.com/d@v1.0.0",
            ]
        );
        assert_eq!(view.hidden, 0);
        assert_eq!(view.edges, [(0, 1), (0, 2), (1, 3), (2, 4), (2, 5)]);
        assert!(!res.nodes[view.nodes[5]].requirements_loaded, "d is pruned");
    }

    #[test]
    fn big_graph_overview_keeps_direct_requirements() {
        let res = resolution();
        let limits = Limits {
            max_nodes: 4,
            ..Limits::default()
        };
        let view = overview(&res, &limits);
        assert_eq!(
            names(&res, &view.nodes),
            [
                "example.com/m",
                "example.com/a@v1.0.0",
                "example.com/b@v1.0.0"
            ]
        );
        assert_eq!(view.hidden, 3);
    }

    #[test]
    fn focus_shows_chains_requirers_and_requirements() {
        let res = resolution();
        let view = focused(&res, "example.com/c", &Limits::default());
        // The shortest chain to the selected c v1.2.0 first, then the other chain, then the
        // requirers (already there).
        assert_eq!(
            names(&res, &view.nodes),
            [
                "example.com/m",
                "example.com/b@v1.0.0",
                "example.com/c@v1.2.0",
                "example.com/a@v1.0.0",
                "example.com/c@v1.1.0",
            ]
        );
        assert_eq!(view.focus, Some(2));
        let d = focused(&res, "example.com/d", &Limits::default());
        assert_eq!(
            names(&res, &d.nodes),
            [
                "example.com/m",
                "example.com/b@v1.0.0",
                "example.com/d@v1.0.0"
            ]
        );
        let none = focused(&res, "example.com/nowhere", &Limits::default());
        assert_eq!(none.focus, None);
    }
}

#[test]
fn smooth_path_curves_between_layers_and_runs_straight_inside_them() {
    // The long edge of long_edge_bends_through_a_dummy: a's bottom (20) to layer 1's top (68),
    // straight through layer 1 to 88, then to c's top (136). Between layers the curve's control
    // points sit at the gap's middle height, above its start and above its end.
    let l = layout(&boxes(3), &[(0, 1), (1, 2), (0, 2)], &Options::default());
    let p = &l.routes[2].points;
    let steps = l.routes[2].smooth_path();
    assert_eq!(steps.len(), p.len());
    assert_eq!(steps[0], Step::MoveTo(p[0]));
    assert_eq!(steps[2], Step::LineTo(p[2]), "vertical inside layer 1");
    for (i, gap_middle) in [(1, 44.0), (3, 112.0)] {
        let (a, b) = (p[i - 1], p[i]);
        let expected = if a.0 == b.0 {
            Step::LineTo(b)
        } else {
            Step::CurveTo((a.0, gap_middle), (b.0, gap_middle), b)
        };
        assert_eq!(steps[i], expected);
    }
}

#[test]
fn one_edge_of_a_cycle_is_reversed_when_one_suffices() {
    // 0 -> 1 -> 2 -> 3 -> 1 and 1 -> 3: a depth-first search from 0 reverses 3 -> 1 only; the
    // drawing has one upward edge and no crossing.
    let l = layout(
        &boxes(4),
        &[(0, 1), (1, 2), (2, 3), (3, 1), (1, 3)],
        &Options::default(),
    );
    assert_eq!(l.routes.iter().filter(|r| r.reversed).count(), 1);
    assert_eq!(l.crossings, 0);
}

#[test]
fn network_simplex_layering_keeps_edges_short() {
    // 0 -> 1 -> 2 -> 3 -> 4 and 5 -> 4: longest path from the top puts 5 on layer 0, four
    // layers above 4; the least total edge length puts it just above 4.
    let edges = [(0, 1), (1, 2), (2, 3), (3, 4), (5, 4)];
    let layer = layers::network_simplex(6, &edges, 100);
    assert_eq!(layer, [0, 1, 2, 3, 4, 3]);
    let l = layout(&boxes(6), &edges, &Options::default());
    assert_eq!(l.nodes[5].layer, 3);
}
