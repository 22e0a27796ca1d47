//! How the core's cost grows with the size of its input: generated inputs of 10,000, 100,000
//! and 1,000,000 lines, each operation timed per line. A linear core keeps the time per line
//! flat; the bench prints, for every operation, the ratio of the largest size's time per line
//! to the smallest's, and flags any ratio above 2 (the goal: flat within 2x).
//!
//! Run with `cargo bench -p gomod --bench scale` (optimised `bench` profile). The inputs are
//! the shapes that once made the core quadratic:
//! - a go.sum of lines that are not go.sum lines (one finding, with a fix, per line);
//! - a go.sum of valid entries for modules go.mod does not require (one sum-unused per line);
//! - a go.mod with one requirement per line (`example.com/mN v1.(N%50).0`), checked (also with a
//!   replace directive per requirement), and
//!   resolved as `go list -m all` with every dependency's go.mod at hand, and with none of them
//!   (each one a "reading ..." error, as `gomodplay list` on a bare directory);
//! - the web app's `analyze` of that go.mod: alone; with a go.sum of one unrelated line (the
//!   incomplete go.sum users paste: one missing entry per requirement); and with every
//!   dependency's go.mod in the bundle (the graph resolves; one sum-missing finding per module).
//!
//! Times are the thread's CPU time (Linux), the fastest of a few runs.
//! The operations that resolve a graph run at the first two sizes unless the sizes are given.
//! `GOMODPLAY_SCALE_LINES=10000,100000` picks other sizes; `GOMODPLAY_BENCH_ONLY=NAME` runs one
//! operation.

use std::hint::black_box;
use std::time::{Duration, Instant};

use gomod::analyze::Options;
use gomod::analyze::{self, analyze};
use gomod::bundle::{proxy_file_name, Bundle};
use gomod::check::check;
use gomod::resolve::{list_all, Input, MapSource, Settings};
use gomod_test_support::large;

/// A go.sum of `lines` lines with five fields each: all malformed.
fn garbage_gosum(lines: usize) -> Vec<u8> {
    let mut out = String::with_capacity(lines * 48);
    for n in 0..lines {
        out.push_str(&format!(
            "garbage line {n} of go.sum {}\n",
            n * 7919 % 100_003
        ));
    }
    out.into_bytes()
}

/// A go.sum of `lines` well-formed entries (half go.mod hashes) for modules nobody requires.
fn unused_gosum(lines: usize) -> Vec<u8> {
    let mut out = String::with_capacity(lines * 90);
    for n in 0..lines {
        let suffix = if n % 2 == 0 { "/go.mod" } else { "" };
        out.push_str(&format!(
            "example.com/unused{} v1.{}.0{suffix} h1:{:0>43}=\n",
            n / 2,
            n % 50,
            n
        ));
    }
    out.into_bytes()
}

/// A go.mod requiring `lines` modules, one per line.
fn many_requirements(lines: usize) -> Vec<u8> {
    large::go_mod_requiring(lines).into_bytes()
}

/// The go.mod of every module [`many_requirements`] requires.
fn dependency_gomods(lines: usize) -> MapSource {
    let mut source = MapSource::default();
    for n in 0..lines {
        let (path, version) = large::required_module(n);
        source.add_module(
            &path,
            &version,
            large::dependency_go_mod(n).as_bytes(),
            true,
        );
    }
    source
}

/// The time this thread has spent on a CPU, from Linux's scheduler statistics (nanoseconds),
/// if the system tells: on a machine shared with other work, the wall-clock time of a run
/// mostly measures the other work.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// The fastest of a few runs of `op`, in CPU time where the system reports it, else in
/// wall-clock time. At a million lines a run takes seconds: fewer runs then.
fn fastest(lines: usize, mut op: impl FnMut()) -> Duration {
    let runs = if lines >= 1_000_000 { 2 } else { 5 };
    (0..runs)
        .map(|_| {
            let (cpu, wall) = (thread_cpu_ns(), Instant::now());
            op();
            match (cpu, thread_cpu_ns()) {
                (Some(before), Some(after)) => Duration::from_nanos(after.saturating_sub(before)),
                _ => wall.elapsed(),
            }
        })
        .min()
        .unwrap_or_default()
}

/// Times `op` on inputs of each size and prints the time per line and the growth.
fn scale(name: &str, sizes: &[usize], mut op: impl FnMut(usize) -> Box<dyn FnMut()>) {
    if std::env::var("GOMODPLAY_BENCH_ONLY").is_ok_and(|only| only != name) {
        return;
    }
    // The resolving operations hold every module of the graph several times over: a million
    // modules would take gigabytes, so by default they stop at the second size.
    let resolving = name.starts_with("list") || name.contains("go.mods");
    let sizes = if resolving && std::env::var_os("GOMODPLAY_SCALE_LINES").is_none() {
        sizes.get(..2).unwrap_or(sizes)
    } else {
        sizes
    };
    let mut per_line = Vec::new();
    for &lines in sizes {
        let mut run = op(lines);
        let took = fastest(lines, &mut run);
        let ns = took.as_secs_f64() * 1e9 / lines.max(1) as f64;
        println!(
            "{name:<34} {lines:>9} lines {:>10.1} ms {ns:>8.0} ns/line",
            took.as_secs_f64() * 1e3
        );
        per_line.push(ns);
    }
    if let (Some(first), Some(last)) = (per_line.first(), per_line.last()) {
        let growth = last / first.max(f64::MIN_POSITIVE);
        let verdict = if growth <= 2.0 {
            "flat within 2x"
        } else {
            "NOT FLAT"
        };
        println!("{name:<34} time per line x{growth:.2} from the smallest size to the largest: {verdict}");
    }
}

fn main() {
    // `cargo test --benches` runs bench targets without `--bench`; stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("scale bench: run with `cargo bench -p gomod --bench scale`");
        return;
    }
    let sizes: Vec<usize> = std::env::var("GOMODPLAY_SCALE_LINES")
        .ok()
        .map(|list| {
            list.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    let options = Options {
        go_version: Some("1.27.3".to_owned()),
        ..Options::default()
    };
    let gomod_only = b"module example.com/main\n\ngo 1.21\n".to_vec();

    scale("check(garbage go.sum)", &sizes, |lines| {
        let bundle = Bundle::from_files([
            ("go.mod", gomod_only.clone()),
            ("go.sum", garbage_gosum(lines)),
        ]);
        let options = options.clone();
        Box::new(move || {
            black_box(check(black_box(&bundle), &options));
        })
    });
    scale("check(unused go.sum entries)", &sizes, |lines| {
        let bundle = Bundle::from_files([
            ("go.mod", gomod_only.clone()),
            ("go.sum", unused_gosum(lines)),
        ]);
        let options = options.clone();
        Box::new(move || {
            black_box(check(black_box(&bundle), &options));
        })
    });
    scale("check(go.mod requirements)", &sizes, |lines| {
        let bundle = Bundle::from_files([("go.mod", many_requirements(lines))]);
        let options = options.clone();
        Box::new(move || {
            black_box(check(black_box(&bundle), &options));
        })
    });
    scale("check(requirements, each replaced)", &sizes, |lines| {
        // A replace directive per requirement, as generated monorepo go.mod files hold: every
        // requirement looks its replacement up.
        let mut gomod = many_requirements(lines);
        gomod.extend_from_slice(b"\nreplace (\n");
        for n in 0..lines {
            gomod.extend_from_slice(
                format!(
                    "\texample.com/m{n} v1.{}.0 => example.com/r{n} v1.0.0\n",
                    n % 50
                )
                .as_bytes(),
            );
        }
        gomod.extend_from_slice(b")\n");
        let bundle = Bundle::from_files([("go.mod", gomod), ("go.sum", unused_gosum(1))]);
        let options = options.clone();
        Box::new(move || {
            black_box(check(black_box(&bundle), &options));
        })
    });
    scale("analyze(go.mod requirements)", &sizes, |lines| {
        let bundle = Bundle::from_files([("go.mod", many_requirements(lines))]);
        let options = analyze::Options {
            go_version: Some("1.27.3".to_owned()),
            ..analyze::Options::default()
        };
        Box::new(move || {
            black_box(analyze(black_box(&bundle), &options));
        })
    });
    scale("analyze(requirements, one go.sum line)", &sizes, |lines| {
        // What a user pastes most: go.mod with an incomplete go.sum and none of the
        // dependencies' go.mod files. Every requirement is then a missing go.sum entry.
        let bundle = Bundle::from_files([
            ("go.mod", many_requirements(lines)),
            ("go.sum", unused_gosum(1)),
        ]);
        let options = analyze::Options {
            go_version: Some("1.27.3".to_owned()),
            ..analyze::Options::default()
        };
        Box::new(move || {
            black_box(analyze(black_box(&bundle), &options));
        })
    });
    scale("analyze(requirements, go.mods)", &sizes, |lines| {
        // The dependencies' go.mod files in the bundle and no go.sum: the graph resolves and
        // every module gets a sum-missing finding pointing at its requirement.
        let mut files = vec![
            ("go.mod".to_owned(), many_requirements(lines)),
            ("go.sum".to_owned(), Vec::new()),
        ];
        for n in 0..lines {
            let (path, version) = large::required_module(n);
            if let Ok(name) = proxy_file_name(&path, &version, "mod") {
                files.push((name, large::dependency_go_mod(n).into_bytes()));
            }
        }
        let bundle = Bundle::from_files(files);
        let options = analyze::Options {
            go_version: Some("1.27.3".to_owned()),
            ..analyze::Options::default()
        };
        Box::new(move || {
            black_box(analyze(black_box(&bundle), &options));
        })
    });
    scale("list -m all(requirements, go.mods)", &sizes, |lines| {
        let gomod = many_requirements(lines);
        let source = dependency_gomods(lines);
        Box::new(move || {
            let input = Input {
                gomod: &gomod,
                gomod_name: "go.mod",
                workspace: None,
                source: &source,
                settings: Settings::default(),
            };
            black_box(list_all(black_box(&input)));
        })
    });
    scale("list -m all(requirements, none)", &sizes, |lines| {
        let gomod = many_requirements(lines);
        let source = MapSource::default();
        Box::new(move || {
            let input = Input {
                gomod: &gomod,
                gomod_name: "go.mod",
                workspace: None,
                source: &source,
                settings: Settings::default(),
            };
            black_box(list_all(black_box(&input)));
        })
    });
}
