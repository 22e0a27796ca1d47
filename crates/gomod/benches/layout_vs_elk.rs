//! Crossings of our layout and ELK's layered layout on the gallery examples, generated
//! universes and kubernetes graphs, with both layout times: one table row per graph (see
//! crates/test-support/src/elk_compare.rs; the test tests/layout_vs_elk.rs asserts on the same figures).
//! Needs node and node_modules/elkjs. Run with `cargo bench -p gomod --bench layout_vs_elk`.

use gomod_test_support::elk_compare;

fn main() {
    let c = elk_compare::compare();
    println!(
        "{} gallery examples, {} generated universes, kubernetes graphs\n{}",
        c.gallery_count, c.universe_count, c.table
    );
    for failure in &c.failures {
        println!("worse than ELK: {failure}");
    }
}
