//! Benchmarks of the resolver on large synthetic universes (no go binary involved).
//!
//! Run natively with optimisations:
//! `cargo test --release -p gomod --test oracle_resolve_bench -- --ignored --nocapture`.
//! The default (debug) test run only checks that the large universes resolve and have the
//! expected shape; the timings are printed by the ignored benchmarks: `bench_resolve` (the
//! kubernetes-like universe, 10,000 modules, the 1k / 10k / 100k-edge series), `bench_parse_only`
//! and `bench_fastmod_vs_parse_lax` (what the fast go.mod reader saves), and `list_once` for
//! instruction counts under callgrind (stable on a loaded machine, unlike wall time). The whole
//! CLI process against the go command is `make bench` (scripts/bench-list.sh).

use gomod_test_support as support;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use gomod::resolve::{self, Input, MapSource, Settings};
use support::rng::Rng;

/// A synthetic universe: `modules` paths with `versions` versions each, every go.mod requiring
/// `fanout` other modules at random versions; the main module requires `roots` of them.
struct Big {
    main: String,
    source: MapSource,
    edges: usize,
}

fn big(
    seed: u64,
    modules: usize,
    versions: usize,
    fanout: usize,
    roots: usize,
    dep_go: &str,
    main_go: &str,
) -> Big {
    let mut rng = Rng::new(seed);
    let mut source = MapSource::default();
    let mut edges = 0;
    let path = |i: usize| format!("example.com/org{}/mod{i}", i % 37);
    for i in 0..modules {
        for v in 0..versions {
            let mut text = format!("module {}\n\ngo {dep_go}\n\nrequire (\n", path(i));
            for _ in 0..fanout {
                let j = rng.below(modules);
                if j == i {
                    continue;
                }
                let _ = writeln!(text, "\t{} v1.{}.0", path(j), rng.below(versions));
                edges += 1;
            }
            text.push_str(")\n");
            source.add_module(&path(i), &format!("v1.{v}.0"), text.as_bytes(), true);
        }
    }
    let mut main = format!("module example.com/main\n\ngo {main_go}\n\nrequire (\n");
    for r in 0..roots {
        let _ = writeln!(
            main,
            "\t{} v1.{}.0",
            path(r * modules / roots.max(1)),
            rng.below(versions)
        );
    }
    main.push_str(")\n");
    Big {
        main,
        source,
        edges: edges + roots,
    }
}

/// The input of a main module's go.mod (no workspace, default settings) over `source`.
fn main_input<'a>(gomod: &'a str, source: &'a MapSource) -> Input<'a> {
    Input {
        gomod: gomod.as_bytes(),
        gomod_name: "go.mod",
        workspace: None,
        source,
        settings: Settings::default(),
    }
}

fn time_resolve(b: &Big) -> (Duration, usize, usize) {
    let input = main_input(&b.main, &b.source);
    let start = Instant::now();
    let graph = resolve::mod_graph(&input);
    let list = resolve::list_all(&input);
    let took = start.elapsed();
    assert_eq!(graph.exit_code, 0, "{}", graph.stderr);
    assert_eq!(list.exit_code, 0, "{}", list.stderr);
    (
        took,
        list.stdout.lines().count(),
        graph.stdout.lines().count(),
    )
}

/// A kubernetes-sized build list: about 500 modules, 250 roots, pruned go 1.21 modules.
fn kubernetes_like() -> Big {
    big(7, 520, 3, 12, 250, "1.21", "1.22")
}

#[test]
fn large_universes_resolve() {
    let k = kubernetes_like();
    let (_, listed, _) = time_resolve(&k);
    assert!(
        listed > 400,
        "kubernetes-like build list has only {listed} modules"
    );
    let u = big(11, 2_000, 2, 5, 50, "1.16", "1.16");
    let (_, listed, edges) = time_resolve(&u);
    assert!(
        listed > 1_500 && edges > 5_000,
        "{listed} modules, {edges} edges"
    );
}

#[test]
#[ignore]
fn bench_resolve() {
    let k = kubernetes_like();
    let (t, listed, printed) = time_resolve(&k);
    println!("kubernetes-like: {listed} modules in the build list, {printed} graph edges printed: {t:.2?} (graph + list)");
    let u = big(3, 10_000, 1, 3, 100, "1.16", "1.16");
    let (t, listed, printed) = time_resolve(&u);
    println!("10,000 modules: {listed} in the build list, {printed} edges printed: {t:.2?} (graph + list)");
    for (modules, fanout) in [(100, 10), (1_000, 10), (10_000, 10)] {
        let u = big(5, modules, 1, fanout, 50, "1.16", "1.16");
        let (t, listed, _) = time_resolve(&u);
        println!(
            "{:>7} edges ({modules} modules): {t:.2?}, {listed} listed, {:.2} µs/edge",
            u.edges,
            t.as_secs_f64() * 1e6 / u.edges as f64
        );
    }
}

/// What reading the 10,000 dependency go.mod files costs with the fast reader and with the
/// full lax parser, next to one whole `go list -m all` on that universe (its share of it).
#[test]
#[ignore]
fn bench_parse_only() {
    let u = big(3, 10_000, 1, 3, 100, "1.16", "1.16");
    let files: Vec<&Vec<u8>> = u.source.mods.values().flat_map(|vs| vs.values()).collect();
    let input = main_input(&u.main, &u.source);
    type Parser = fn(&str, &[u8]) -> Result<resolve::summary::DepSummary, String>;
    let readers: [(&str, Parser); 2] = [
        ("fastmod + fallback", resolve::files::parse_dep),
        ("parse_lax only", resolve::files::parse_dep_full),
    ];
    for round in 0..3 {
        let start = Instant::now();
        let list = resolve::list_all(&input);
        let whole = start.elapsed();
        assert_eq!(list.exit_code, 0);
        let mut line = format!("round {round}: list -m all {whole:.2?}");
        for (name, parse) in readers {
            let start = Instant::now();
            let mut n = 0;
            for data in &files {
                n += parse("go.mod", data).map(|d| d.require.len()).unwrap_or(0);
            }
            let took = start.elapsed();
            let _ = write!(
                line,
                "; {name}: {} files ({n} requirements) {took:.2?} = {:.0}% of it",
                files.len(),
                took.as_secs_f64() * 100.0 / whole.as_secs_f64()
            );
        }
        println!("{line}");
    }
}

#[test]
#[ignore]
fn bench_phases() {
    let u = big(3, 10_000, 1, 3, 100, "1.16", "1.16");
    let input = main_input(&u.main, &u.source);
    let start = Instant::now();
    let g = resolve::mod_graph(&input);
    println!(
        "mod graph: {:.2?} ({} bytes)",
        start.elapsed(),
        g.stdout.len()
    );
    let start = Instant::now();
    let l = resolve::list_all(&input);
    println!(
        "list -m all: {:.2?} ({} bytes)",
        start.elapsed(),
        l.stdout.len()
    );
    let start = Instant::now();
    let r = resolve::resolve(&input, resolve::Cmd::ModGraph);
    println!("resolve: {:.2?} ({} nodes)", start.elapsed(), r.nodes.len());
}

#[test]
#[ignore]
fn bench_100k_edges() {
    let u = big(5, 10_000, 1, 10, 50, "1.16", "1.16");
    let (t, listed, _) = time_resolve(&u);
    println!("{} edges: {t:.2?}, {listed} listed", u.edges);
}

/// A 5,000-long requirement chain (and a cycle back to its start) loads without exhausting
/// the stack, in both graph modes and through the what-if operations.
#[test]
fn deep_chain_does_not_overflow() {
    let n = 5_000;
    let mut source = MapSource::default();
    for i in 0..n {
        let next = (i + 1) % n;
        let text =
            format!("module example.com/c{i}\n\ngo 1.16\n\nrequire example.com/c{next} v1.0.0\n");
        source.add_module(
            &format!("example.com/c{i}"),
            "v1.0.0",
            text.as_bytes(),
            true,
        );
    }
    for go in ["1.16", "1.21"] {
        let main = format!("module example.com/main\n\ngo {go}\n\nrequire example.com/c0 v1.0.0\n");
        let input = main_input(&main, &source);
        let list = resolve::list_all(&input);
        assert_eq!(list.exit_code, 0, "{}", list.stderr);
        let res = resolve::resolve(&input, resolve::Cmd::ModGraph);
        let e = resolve::explain(&res, &format!("example.com/c{}", n - 1), 3);
        if go == "1.16" {
            assert_eq!(list.stdout.lines().count(), n + 1);
            assert_eq!(e.shortest_chain.len(), n + 1);
        }
        let w = resolve::what_if(&input, &resolve::Change::Drop("example.com/c5".to_owned()));
        assert!(w.error.is_none());
    }
}

#[test]
#[ignore]
fn bench_graph_only() {
    let u = big(3, 10_000, 1, 3, 100, "1.16", "1.16");
    let input = main_input(&u.main, &u.source);
    for _ in 0..5 {
        let start = Instant::now();
        let g = resolve::mod_graph(&input);
        println!(
            "mod graph: {:.2?} ({} bytes)",
            start.elapsed(),
            g.stdout.len()
        );
    }
}

/// Chain enumeration stays bounded on a dense layered graph with 4^30 simple paths.
#[test]
fn chains_are_bounded_on_dense_graphs() {
    let mut text = String::new();
    for k in 0..4 {
        text.push_str(&format!("example.com/main example.com/l0n{k}@v1.0.0\n"));
    }
    for layer in 0..30 {
        for a in 0..4 {
            for b in 0..4 {
                text.push_str(&format!(
                    "example.com/l{layer}n{a}@v1.0.0 example.com/l{}n{b}@v1.0.0\n",
                    layer + 1
                ));
            }
        }
    }
    // A module no chain reaches except through the last layer, and one unreachable side branch.
    text.push_str("example.com/l30n0@v1.0.0 example.com/target@v1.0.0\n");
    let res = resolve::resolve_graph_text(&text);
    let start = Instant::now();
    let e = resolve::explain(&res, "example.com/target", 5);
    assert_eq!(e.chains.len(), 5);
    assert!(e.chains_truncated);
    assert_eq!(e.shortest_chain.len(), 33);
    let none = resolve::explain(&res, "example.com/absent", 5);
    assert!(none.chains.is_empty() && !none.chains_truncated);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
}

/// The per-file cost of the fast dependency go.mod reader against the full lax parser, on the
/// kubernetes-like universe's go.mod files (module, go line, a require block of about a dozen
/// lines) and on the real go.mod files of the corpus, alternating so that machine load hits
/// both alike. Also checks that both read the files alike.
#[test]
#[ignore]
fn bench_fastmod_vs_parse_lax() {
    let k = kubernetes_like();
    let generated: Vec<Vec<u8>> = k
        .source
        .mods
        .values()
        .flat_map(|vs| vs.values())
        .map(|d| d.to_vec())
        .collect();
    let mut corpus: Vec<Vec<u8>> = Vec::new();
    let mut stack = vec![support::corpus::corpus_dir()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == "go.mod") {
                corpus.push(std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    for (name, files) in [("generated", &generated), ("corpus", &corpus)] {
        let accepted = files
            .iter()
            .filter(|d| resolve::fastmod::read(d).is_some())
            .count();
        let (mut fast, mut full) = (Duration::ZERO, Duration::ZERO);
        let rounds = 20;
        for _ in 0..rounds {
            let start = Instant::now();
            for d in files {
                std::hint::black_box(resolve::fastmod::read(d));
            }
            fast += start.elapsed();
            let start = Instant::now();
            for d in files {
                std::hint::black_box(resolve::files::parse_dep_full("go.mod", d).ok());
            }
            full += start.elapsed();
        }
        let per = |t: Duration| t.as_secs_f64() * 1e6 / (rounds * files.len().max(1)) as f64;
        println!(
            "{name}: {} files ({accepted} on the fast path): fastmod {:.2} µs/file, parse_lax {:.2} µs/file, ratio {:.2}",
            files.len(),
            per(fast),
            per(full),
            per(full) / per(fast)
        );
    }
}

/// One `go list -m all` on a generated universe, for instruction counts:
/// `valgrind --tool=callgrind --toggle-collect='gomod::resolve::list_all' <bench binary>
/// --ignored --exact list_once` counts the command alone (not the universe's generation).
/// `GOMODPLAY_BENCH_MODULES` and `GOMODPLAY_BENCH_FANOUT` size the universe (default 10,000
/// modules requiring 3 others each; 100 / 1,000 / 10,000 modules with fanout 10 give the
/// 1k / 10k / 100k-edge series).
#[test]
#[ignore]
fn list_once() {
    let var = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let modules = var("GOMODPLAY_BENCH_MODULES", 10_000);
    let fanout = var("GOMODPLAY_BENCH_FANOUT", 3);
    let u = big(5, modules, 1, fanout, 50, "1.16", "1.16");
    let input = main_input(&u.main, &u.source);
    let list = resolve::list_all(&input);
    assert_eq!(list.exit_code, 0, "{}", list.stderr);
    println!(
        "{modules} modules, {} edges: {} listed",
        u.edges,
        list.stdout.lines().count()
    );
}
