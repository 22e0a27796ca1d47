//! Speed of the rules on the biggest real files: kubernetes' go.mod (592 lines, 338 replace
//! lines) and go.sum (540 lines) from the shared corpus, as `gomodplay check` sees them, and
//! the same plus the kubernetes go.work and staging go.mod files as one bundle.
//!
//! Run with `cargo bench -p gomod --bench check` (optimised `bench` profile). `check()` runs in
//! batches for about a second; the printed figure is the median time per call over the
//! batches, with the fastest and slowest batch for context.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gomod::analyze::Options;
use gomod::bundle::Bundle;
use gomod::check::check;

fn corpus_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("GOMODPLAY_CORPUS") {
        return Some(PathBuf::from(dir));
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    ["../shared/corpus", "../../shared/corpus"]
        .iter()
        .map(|rel| root.join(rel))
        .find(|dir| dir.is_dir())
}

/// Times `op` in batches and prints the median time per call.
fn bench(name: &str, mut op: impl FnMut()) {
    let started = Instant::now();
    let mut calls = 0u32;
    while started.elapsed() < Duration::from_millis(100) {
        op();
        calls += 1;
    }
    let per_batch = (calls / 10).max(1);
    let mut samples: Vec<Duration> = Vec::new();
    let measuring = Instant::now();
    while measuring.elapsed() < Duration::from_secs(1) || samples.len() < 11 {
        let start = Instant::now();
        for _ in 0..per_batch {
            op();
        }
        samples.push(start.elapsed() / per_batch);
    }
    samples.sort();
    let at = |i: usize| samples.get(i).copied().unwrap_or_default().as_secs_f64() * 1e3;
    println!(
        "{name:<40} median {:>8.3} ms  (min {:>7.3}, max {:>7.3}; {} batches x {per_batch})",
        at(samples.len() / 2),
        at(0),
        at(samples.len() - 1),
        samples.len(),
    );
}

/// Every go.mod, go.sum and go.work under `dir`, named relative to it.
fn files_under(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(base, &path, out);
        } else if let (Ok(rel), Ok(data)) = (path.strip_prefix(base), std::fs::read(&path)) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            if rel.ends_with("go.mod") || rel.ends_with("go.sum") || rel.ends_with("go.work") {
                out.push((rel, data));
            }
        }
    }
}

fn main() {
    // `cargo test --benches` runs bench targets without `--bench`; stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("check bench: run with `cargo bench -p gomod --bench check`");
        return;
    }
    let Some(corpus) = corpus_dir() else {
        println!("check bench: corpus not found (set GOMODPLAY_CORPUS); measured nothing");
        return;
    };
    let k8s = corpus.join("kubernetes__kubernetes");
    let read = |name: &str| std::fs::read(k8s.join(name)).unwrap_or_default();
    let options = Options {
        go_version: Some("1.27.3".to_owned()),
        ..Options::default()
    };
    let pair = Bundle::from_files([("go.mod", read("go.mod")), ("go.sum", read("go.sum"))]);
    let report = check(&pair, &options);
    println!(
        "kubernetes go.mod + go.sum: {} diagnostics, {} skipped checks",
        report.diagnostics.len(),
        report.skipped.len()
    );
    bench("check(kubernetes go.mod + go.sum)", || {
        black_box(check(black_box(&pair), &options));
    });
    let mut all = Vec::new();
    files_under(&k8s, &k8s, &mut all);
    all.sort();
    let count = all.len();
    let whole = Bundle::from_files(all);
    bench(&format!("check(kubernetes, all {count} files)"), || {
        black_box(check(black_box(&whole), &options));
    });
}
