//! Layout speed on generated graphs shaped like module graphs (each module requires one to
//! three earlier ones, one in twenty has a back edge making a cycle), at 50, 500 and 2,000
//! nodes, plus the focused sub-graph sizes the UI draws by default.
//!
//! Run with `cargo bench -p gomod --bench layout`. Each size runs for about half a second; the
//! printed figure is the median time per layout, with the fastest and slowest run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use gomod::layout::{layout, Options, Size};

fn generated(n: usize, seed: u64) -> (Vec<Size>, Vec<(usize, usize)>) {
    let mut state = seed;
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
        for _ in 0..1 + next(3) {
            edges.push((next(v), v));
        }
        if next(20) == 0 {
            edges.push((v, next(v)));
        }
    }
    (sizes, edges)
}

fn main() {
    let options = Options::default();
    for n in [50usize, 500, 2000] {
        let (sizes, edges) = generated(n, n as u64);
        let mut samples: Vec<Duration> = Vec::new();
        let started = Instant::now();
        let mut last = None;
        while started.elapsed() < Duration::from_millis(500) || samples.len() < 5 {
            let t = Instant::now();
            last = Some(black_box(layout(
                black_box(&sizes),
                black_box(&edges),
                &options,
            )));
            samples.push(t.elapsed());
        }
        samples.sort();
        let median = samples[samples.len() / 2];
        let l = last.expect("at least one run");
        println!(
            "layout {n:>5} nodes {:>5} edges: median {:>9.3} ms (min {:.3}, max {:.3}, {} runs); {} crossings, {}x{} px",
            edges.len(),
            median.as_secs_f64() * 1e3,
            samples[0].as_secs_f64() * 1e3,
            samples[samples.len() - 1].as_secs_f64() * 1e3,
            samples.len(),
            l.crossings,
            l.width,
            l.height,
        );
    }
}
