//! The graphs and measurements shared by the layout-versus-ELK test and bench
//! (tests/layout_vs_elk.rs, benches/layout_vs_elk.rs): the gallery examples (www/examples),
//! generated test universes (`universe.rs`) and the kubernetes-scale bundle
//! (scripts/kube-bundle.mjs, which reads ../shared): its overview, its whole graph and the focus
//! pictures of its most required modules, nodes sized as the web app sizes them (graph_view.rs);
//! ELK's layered layout of the same graphs (scripts/elk-layout.mjs, elkjs, default options but
//! for the direction DOWN); and crossings and boxes entered, measured the same way on both
//! drawings from the drawn routes: a crossing is a point where segments of two routes properly
//! cross; a route "passes through a box" when one of its segments enters the inside of a node's
//! box (shrunk by one pixel). Needs node and node_modules/elkjs (`make setup`); without them
//! it panics, it does not skip.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::universe::generate;
use gomod::analyze::{analyze, Options as AnalyzeOptions};
use gomod::bundle::Bundle;
use gomod::layout::{focused, overview, Limits, SubGraph};
use gomod::layout::{layout, Options, Size};
use gomod::resolve::Resolution;

/// The web app's node size (graph_view.rs): 7.3 px per character of the label plus 16, 28 high.
fn node_size(res: &Resolution, i: usize) -> Size {
    let label = res.nodes.get(i).map_or(String::new(), |n| {
        if n.module.version.is_empty() {
            n.module.path.clone()
        } else {
            format!("{}@{}", n.module.path, n.module.version)
        }
    });
    Size {
        width: (label.chars().count() as f64 * 7.3 + 16.0).round(),
        height: 28.0,
    }
}

struct Graph {
    set: &'static str,
    name: String,
    sizes: Vec<Size>,
    edges: Vec<(usize, usize)>,
}

/// Edges without self-loops and duplicates, as the layout keeps them, so ELK gets the same.
fn clean(edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut seen = std::collections::HashSet::new();
    edges
        .iter()
        .copied()
        .filter(|&(a, b)| a != b && seen.insert((a, b)))
        .collect()
}

fn graph_of(set: &'static str, name: String, res: &Resolution, sub: &SubGraph) -> Graph {
    Graph {
        set,
        name,
        sizes: sub.nodes.iter().map(|&i| node_size(res, i)).collect(),
        edges: clean(&sub.edges),
    }
}

fn root() -> PathBuf {
    crate::go::workspace_root()
}

fn resolve_bundle(bundle: &Bundle) -> Option<Resolution> {
    let options = AnalyzeOptions {
        go_version: Some("1.27.3".to_owned()),
        ..AnalyzeOptions::default()
    };
    analyze(bundle, &options).take_resolution()
}

fn gallery() -> Vec<Graph> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("www/examples"))
        .expect("www/examples")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
        .collect();
    paths.sort();
    let mut graphs = Vec::new();
    for p in paths {
        let data = std::fs::read(&p).expect("example");
        let Some(res) = resolve_bundle(&Bundle::from_txtar(&data)) else {
            continue;
        };
        let name = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        graphs.push(graph_of(
            "gallery",
            name,
            &res,
            &overview(&res, &Limits::default()),
        ));
    }
    graphs
}

fn universes() -> Vec<Graph> {
    let mut graphs = Vec::new();
    for seed in 1..=60 {
        let u = generate(seed, false);
        let mut files = vec![("go.mod".to_owned(), u.main_gomod.clone().into_bytes())];
        for l in u.locals.iter().filter(|l| !l.dir.starts_with("..")) {
            files.push((format!("{}/go.mod", l.dir), l.gomod.clone().into_bytes()));
        }
        let mut bundle = Bundle::from_files(files);
        for m in &u.proxy {
            let _ =
                bundle.insert_dependency_gomod(&m.path, &m.version, m.gomod.clone().into_bytes());
        }
        let Some(res) = resolve_bundle(&bundle) else {
            continue;
        };
        graphs.push(graph_of(
            "universe",
            format!("universe {seed}"),
            &res,
            &overview(&res, &Limits::default()),
        ));
    }
    graphs
}

fn kubernetes() -> Vec<Graph> {
    let out = Command::new("node")
        .arg(root().join("scripts/kube-bundle.mjs"))
        .output()
        .expect("node runs scripts/kube-bundle.mjs");
    assert!(
        out.status.success(),
        "scripts/kube-bundle.mjs failed (it reads ../shared): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let res =
        resolve_bundle(&Bundle::from_txtar(&out.stdout)).expect("the kubernetes bundle resolves");
    let mut graphs = vec![graph_of(
        "kubernetes",
        "kube overview".to_owned(),
        &res,
        &overview(&res, &Limits::default()),
    )];
    // The whole graph (every module, no go@/toolchain@ nodes), for the time at full size.
    let whole = {
        let index: std::collections::HashMap<_, _> = res
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.module.path != "go" && n.module.path != "toolchain")
            .enumerate()
            .map(|(pos, (_, n))| (&n.module, pos))
            .collect();
        let nodes: Vec<usize> = res
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| index.contains_key(&n.module))
            .map(|(i, _)| i)
            .collect();
        let edges = res
            .edges
            .iter()
            .filter_map(|(a, b)| Some((*index.get(a)?, *index.get(b)?)))
            .collect();
        SubGraph {
            nodes,
            edges,
            focus: None,
            hidden: 0,
        }
    };
    graphs.push(graph_of(
        "kubernetes",
        "kube whole graph".to_owned(),
        &res,
        &whole,
    ));
    // The focus pictures of the twelve module paths with the most requirers.
    let mut requirers: std::collections::BTreeMap<&str, usize> = Default::default();
    for (_, to) in &res.edges {
        if to.path != "go" && to.path != "toolchain" {
            *requirers.entry(to.path.as_str()).or_default() += 1;
        }
    }
    let mut by_count: Vec<(usize, &str)> = requirers.into_iter().map(|(p, c)| (c, p)).collect();
    by_count.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    for (_, path) in by_count.into_iter().take(12) {
        let sub = focused(&res, path, &Limits::default());
        graphs.push(graph_of(
            "kubernetes",
            format!("kube focus {path}"),
            &res,
            &sub,
        ));
    }
    graphs
}

/// A drawing reduced to what is measured: boxes (x, y, width, height) and routes.
struct Drawing {
    boxes: Vec<(f64, f64, f64, f64)>,
    routes: Vec<Vec<(f64, f64)>>,
}

fn orientation(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

fn properly_cross(p: ((f64, f64), (f64, f64)), q: ((f64, f64), (f64, f64))) -> bool {
    const EPS: f64 = 1e-6;
    let (o1, o2) = (orientation(p.0, p.1, q.0), orientation(p.0, p.1, q.1));
    let (o3, o4) = (orientation(q.0, q.1, p.0), orientation(q.0, q.1, p.1));
    ((o1 > EPS && o2 < -EPS) || (o1 < -EPS && o2 > EPS))
        && ((o3 > EPS && o4 < -EPS) || (o3 < -EPS && o4 > EPS))
}

/// One segment of a route, with its bounding box for the sweep.
type Segment = (f64, f64, f64, f64, usize, ((f64, f64), (f64, f64)));

/// Points where segments of two different routes properly cross.
fn crossings(d: &Drawing) -> usize {
    // (min x, max x, min y, max y, route, segment ends), swept by min x.
    let mut segments: Vec<Segment> = Vec::new();
    for (r, route) in d.routes.iter().enumerate() {
        for w in route.windows(2) {
            let (a, b) = (w[0], w[1]);
            segments.push((
                a.0.min(b.0),
                a.0.max(b.0),
                a.1.min(b.1),
                a.1.max(b.1),
                r,
                (a, b),
            ));
        }
    }
    segments.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut count = 0;
    for (i, s) in segments.iter().enumerate() {
        for t in &segments[i + 1..] {
            if t.0 > s.1 {
                break;
            }
            if t.4 != s.4 && t.2 <= s.3 && s.2 <= t.3 && properly_cross(s.5, t.5) {
                count += 1;
            }
        }
    }
    count
}

/// Whether the segment enters the open box (Liang–Barsky clipping).
fn enters_box(a: (f64, f64), b: (f64, f64), (x, y, w, h): (f64, f64, f64, f64)) -> bool {
    let (x0, y0, x1, y1) = (x + 1.0, y + 1.0, x + w - 1.0, y + h - 1.0);
    if x1 <= x0 || y1 <= y0 {
        return false;
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - x0),
        (dx, x1 - a.0),
        (-dy, a.1 - y0),
        (dy, y1 - a.1),
    ] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t1 - t0 > 1e-9
}

/// (route, box) pairs where the route passes through the box.
fn through_boxes(d: &Drawing) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (r, route) in d.routes.iter().enumerate() {
        for (b, &bx) in d.boxes.iter().enumerate() {
            if route.windows(2).any(|w| enters_box(w[0], w[1], bx)) {
                found.push((r, b));
            }
        }
    }
    found
}

fn elk_layouts(graphs: &[Graph]) -> Vec<serde_json::Value> {
    let input = serde_json::Value::Array(
        graphs
            .iter()
            .map(|g| {
                serde_json::json!({
                    "name": g.name,
                    "nodes": g.sizes.iter().map(|s| serde_json::json!({"width": s.width, "height": s.height})).collect::<Vec<_>>(),
                    "edges": g.edges.iter().map(|&(a, b)| serde_json::json!([a, b])).collect::<Vec<_>>(),
                })
            })
            .collect(),
    );
    let text = input.to_string();
    // While working on the layout, ELK's answers can be kept: with LAYOUT_VS_ELK_CACHE=FILE the
    // file holds the last input and ELK's output, reused while the input is the same.
    let cache = std::env::var_os("LAYOUT_VS_ELK_CACHE").map(PathBuf::from);
    if let Some(cached) = cache.as_ref().and_then(|c| std::fs::read_to_string(c).ok()) {
        if let Some((key, output)) = cached.split_once('\n') {
            if key == text {
                let parsed: serde_json::Value = serde_json::from_str(output).expect("cached JSON");
                return parsed.as_array().expect("an array").clone();
            }
        }
    }
    let mut child = Command::new("node")
        .arg(root().join("scripts/elk-layout.mjs"))
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs scripts/elk-layout.mjs (needs node_modules/elkjs: make setup)");
    let sent = text.clone();
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(sent.as_bytes()));
    let out = child.wait_with_output().expect("elk-layout.mjs output");
    writer.join().expect("writer").expect("write graphs");
    assert!(
        out.status.success(),
        "scripts/elk-layout.mjs failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if let Some(c) = &cache {
        let _ = std::fs::write(
            c,
            format!("{text}\n{}", String::from_utf8_lossy(&out.stdout)),
        );
    }
    let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("ELK's JSON");
    parsed.as_array().expect("an array").clone()
}

fn elk_drawing(v: &serde_json::Value) -> Drawing {
    let num = |v: &serde_json::Value| v.as_f64().unwrap_or(f64::NAN);
    let boxes = v["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| {
            (
                num(&n["x"]),
                num(&n["y"]),
                num(&n["width"]),
                num(&n["height"]),
            )
        })
        .collect();
    let routes = v["routes"]
        .as_array()
        .expect("routes")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("route")
                .iter()
                .map(|p| (num(&p[0]), num(&p[1])))
                .collect()
        })
        .collect();
    Drawing { boxes, routes }
}

/// What the comparison found: the table (one row per graph and totals per set) and every
/// graph where ours is worse than ELK's or a route enters a box.
pub struct Comparison {
    pub table: String,
    pub failures: Vec<String>,
    pub gallery_count: usize,
    pub universe_count: usize,
}

/// Lays out every graph set both ways and measures both drawings.
pub fn compare() -> Comparison {
    let mut graphs = gallery();
    let gallery_count = graphs.len();
    graphs.extend(universes());
    let universe_count = graphs.len() - gallery_count;
    graphs.extend(kubernetes());

    let elk = elk_layouts(&graphs);
    assert_eq!(elk.len(), graphs.len());
    let mut failures = Vec::new();
    let mut table = format!(
        "{:<11} {:<58} {:>5} {:>5} {:>6} {:>6} {:>9} {:>9} {:>9}\n",
        "set", "graph", "nodes", "edges", "ours", "ELK", "ours ms", "ELK ms", "ELK thru"
    );
    let mut totals: std::collections::BTreeMap<&str, (usize, usize, usize)> = Default::default();
    for (g, e) in graphs.iter().zip(&elk) {
        let options = Options::default();
        let started = Instant::now();
        let ours = layout(&g.sizes, &g.edges, &options);
        let ms = started.elapsed().as_secs_f64() * 1e3;
        let drawing = Drawing {
            boxes: ours
                .nodes
                .iter()
                .map(|p| (p.x, p.y, p.width, p.height))
                .collect(),
            routes: ours.routes.iter().map(|r| r.points.clone()).collect(),
        };
        let ours_crossings = crossings(&drawing);
        let elk_drawing = elk_drawing(e);
        let elk_crossings = crossings(&elk_drawing);
        let ours_through = through_boxes(&drawing);
        let elk_through = through_boxes(&elk_drawing).len();
        table.push_str(&format!(
            "{:<11} {:<58} {:>5} {:>5} {:>6} {:>6} {:>9.2} {:>9.2} {:>9}\n",
            g.set,
            g.name,
            g.sizes.len(),
            g.edges.len(),
            ours_crossings,
            elk_crossings,
            ms,
            e["ms"].as_f64().unwrap_or(f64::NAN),
            elk_through,
        ));
        let t = totals.entry(g.set).or_default();
        *t = (t.0 + 1, t.1 + ours_crossings, t.2 + elk_crossings);
        if ours_crossings > elk_crossings {
            failures.push(format!(
                "{}: {ours_crossings} crossings, ELK {elk_crossings}",
                g.name
            ));
        }
        if ours_crossings != ours.crossings {
            failures.push(format!(
                "{}: the drawing has {ours_crossings} crossings, the layout counted {}",
                g.name, ours.crossings
            ));
        }
        if !ours_through.is_empty() {
            failures.push(format!(
                "{}: routes through boxes (route, box) {ours_through:?}",
                g.name
            ));
        }
    }
    for (set, (count, ours, elk)) in &totals {
        table.push_str(&format!(
            "total {set}: {count} graphs, crossings ours {ours}, ELK {elk}\n"
        ));
    }
    Comparison {
        table,
        failures,
        gallery_count,
        universe_count,
    }
}
