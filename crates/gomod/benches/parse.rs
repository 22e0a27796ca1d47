//! Parse and format speed on the biggest real files: kubernetes' go.mod (37 KB, 592 lines, 338
//! replace lines) and go.sum (51 KB, 540 lines), from the shared corpus.
//!
//! Run with `cargo bench -p gomod --bench parse` (optimised `bench` profile). Each operation runs
//! in batches for about half a second; the printed figure is the median time per operation over
//! the batches, with the fastest and slowest batch for context. The target is well under a
//! millisecond per operation.
//!
//! For instruction counts that do not depend on the machine's load, run one operation a fixed
//! number of times under callgrind, e.g.
//! `GOMODPLAY_BENCH_ONLY="go.mod syntax::parse" GOMODPLAY_BENCH_CALLS=100 valgrind --tool=callgrind
//! target/release/deps/parse-HASH --bench` and divide the total by the number of calls.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// A typical dependency's go.mod (10 lines), as the resolver reads thousands of them.
const SMALL_GOMOD: &[u8] = b"module example.com/dep

go 1.21

require (
\tgithub.com/google/go-cmp v0.6.0
\tgolang.org/x/sys v0.15.0 // indirect
\tgopkg.in/yaml.v3 v3.0.1
)

replace example.com/old => example.com/new v1.2.3
";

/// Times `op` in batches and prints the median time per call. With `GOMODPLAY_BENCH_ONLY` set,
/// runs only the operation of that name, and with `GOMODPLAY_BENCH_CALLS` set, calls it exactly
/// that many times without timing (for callgrind).
fn bench(name: &str, bytes: usize, mut op: impl FnMut()) {
    if std::env::var("GOMODPLAY_BENCH_ONLY").is_ok_and(|only| only != name) {
        return;
    }
    if let Some(calls) = std::env::var("GOMODPLAY_BENCH_CALLS")
        .ok()
        .and_then(|n| n.parse::<u32>().ok())
    {
        for _ in 0..calls {
            op();
        }
        println!("{name}: {calls} calls");
        return;
    }
    // Warm up and size a batch to roughly 10 ms.
    let started = Instant::now();
    let mut calls = 0u32;
    while started.elapsed() < Duration::from_millis(50) {
        op();
        calls += 1;
    }
    let per_batch = (calls / 5).max(1);
    let mut samples: Vec<Duration> = Vec::new();
    let measuring = Instant::now();
    while measuring.elapsed() < Duration::from_millis(500) || samples.len() < 11 {
        let start = Instant::now();
        for _ in 0..per_batch {
            op();
        }
        samples.push(start.elapsed() / per_batch);
    }
    samples.sort();
    let median = samples[samples.len() / 2];
    let mb_per_s = bytes as f64 / median.as_secs_f64() / 1e6;
    println!(
        "{name:<34} median {:>9.1} µs/op  (min {:>8.1}, max {:>8.1}; {} batches x {per_batch})  {mb_per_s:>6.1} MB/s",
        median.as_secs_f64() * 1e6,
        samples[0].as_secs_f64() * 1e6,
        samples[samples.len() - 1].as_secs_f64() * 1e6,
        samples.len(),
    );
}

fn main() {
    // `cargo test --benches` runs bench targets with `--bench` absent; stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("parse bench: run with `cargo bench -p gomod --bench parse`");
        return;
    }
    // The corpus is needed: without it the bench fails, naming where it looked.
    let dir = gomod_test_support::corpus::corpus_dir();
    let read = |name: &str| {
        std::fs::read(dir.join(name)).unwrap_or_else(|err| panic!("cannot read {name}: {err}"))
    };
    let gomod = read("kubernetes__kubernetes/go.mod");
    let gosum = read("kubernetes__kubernetes/go.sum");

    println!(
        "kubernetes go.mod {} bytes, go.sum {} bytes; {} build",
        gomod.len(),
        gosum.len(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "optimised"
        }
    );
    bench("go.mod syntax::parse", gomod.len(), || {
        black_box(gomod::syntax::parse("go.mod", black_box(&gomod)).is_ok());
    });
    bench("go.mod modfile::parse", gomod.len(), || {
        black_box(gomod::modfile::parse("go.mod", black_box(&gomod)).is_ok());
    });
    bench("go.mod modfile::parse_lax", gomod.len(), || {
        black_box(gomod::modfile::parse_lax("go.mod", black_box(&gomod)).is_ok());
    });
    bench("go.mod modfile::format (parse+fmt)", gomod.len(), || {
        black_box(
            gomod::modfile::format("go.mod", black_box(&gomod))
                .map(|out| out.len())
                .ok(),
        );
    });
    if let Ok(parsed) = gomod::modfile::parse("go.mod", &gomod) {
        bench("go.mod print parsed tree", gomod.len(), || {
            black_box(black_box(&parsed).format().len());
        });
    }
    bench("go.mod modfile::edit_json", gomod.len(), || {
        black_box(
            gomod::modfile::edit_json("go.mod", black_box(&gomod))
                .map(|s| s.len())
                .ok(),
        );
    });
    bench("small go.mod modfile::parse_lax", SMALL_GOMOD.len(), || {
        black_box(gomod::modfile::parse_lax("go.mod", black_box(SMALL_GOMOD)).is_ok());
    });
    bench("go.sum GoSum::parse", gosum.len(), || {
        black_box(
            gomod::sum::GoSum::parse("go.sum", black_box(&gosum))
                .lines()
                .len(),
        );
    });
    bench("go.mod sum::gomod_hash", gomod.len(), || {
        black_box(gomod::sum::gomod_hash(black_box(&gomod)).len());
    });
}
