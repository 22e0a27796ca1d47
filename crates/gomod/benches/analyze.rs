//! Speed of the web app's one call, `analyze::analyze`, on the kubernetes-scale bundle of the
//! browser benchmark (`node scripts/kube-bundle.mjs > kube.txtar`: kubernetes' go.mod and go.sum
//! plus about 330 generated dependency go.mod files).
//!
//! `GOMODPLAY_KUBE_TXTAR=kube.txtar cargo bench -p gomod --bench analyze`. With
//! `GOMODPLAY_BENCH_CALLS=N` it runs the analysis N times and prints nothing else, for callgrind:
//! instruction counts there carry over to the wasm build, whose time the page reports.

use std::hint::black_box;
use std::time::{Duration, Instant};

use gomod::analyze::{analyze, Options};
use gomod::bundle::Bundle;

fn main() {
    // `cargo test --benches` runs bench targets without `--bench`; stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("analyze bench: run with `cargo bench -p gomod --bench analyze`");
        return;
    }
    let Some(path) = std::env::var_os("GOMODPLAY_KUBE_TXTAR") else {
        println!("analyze bench: set GOMODPLAY_KUBE_TXTAR to a bundle; measured nothing");
        return;
    };
    let data = std::fs::read(&path).unwrap_or_default();
    let bundle = Bundle::from_txtar(&data);
    let options = Options {
        go_version: Some("1.27.3".to_owned()),
        ..Options::default()
    };
    if let Some(calls) = std::env::var("GOMODPLAY_BENCH_CALLS")
        .ok()
        .and_then(|n| n.parse::<u32>().ok())
    {
        for _ in 0..calls {
            black_box(analyze(black_box(&bundle), &options));
        }
        return;
    }
    let analysis = analyze(&bundle, &options);
    println!(
        "{} files: {} diagnostics, resolved: {}",
        bundle.files().len(),
        analysis.report.diagnostics.len(),
        analysis.resolution.is_some()
    );
    let mut samples = Vec::new();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(2) || samples.len() < 11 {
        let t = Instant::now();
        black_box(analyze(black_box(&bundle), &options));
        samples.push(t.elapsed());
    }
    samples.sort();
    let ms = |d: Option<&Duration>| d.copied().unwrap_or_default().as_secs_f64() * 1e3;
    println!(
        "analyze(kube bundle) median {:.3} ms (min {:.3}, max {:.3}; {} runs)",
        ms(samples.get(samples.len() / 2)),
        ms(samples.first()),
        ms(samples.last()),
        samples.len()
    );
}
