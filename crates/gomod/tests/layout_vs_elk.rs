//! Our layered layout against ELK's (elkjs, layered algorithm, default options but for the
//! direction DOWN) on exactly the same graphs: the gallery examples, generated test universes and
//! kubernetes graphs (see crates/test-support/src/elk_compare.rs). Asserts that ours has no more crossings than
//! ELK's on every graph, that the drawn crossings are the ones the layout counted, and that no
//! route passes through a box; prints the table (`-- --nocapture`; `cargo bench -p gomod --bench
//! layout_vs_elk` prints it too). It needs node and node_modules/elkjs (`make setup`); without
//! them it fails, it does not skip. LAYOUT_VS_ELK_CACHE=FILE keeps ELK's answers between runs.

use gomod_test_support::elk_compare;

#[test]
fn our_layout_has_no_more_crossings_than_elk() {
    let c = elk_compare::compare();
    assert!(
        c.gallery_count >= 10,
        "only {} gallery examples resolved",
        c.gallery_count
    );
    assert!(
        c.universe_count >= 30,
        "only {} universes resolved",
        c.universe_count
    );
    println!("{}", c.table);
    assert!(
        c.failures.is_empty(),
        "{}\n{}",
        c.table,
        c.failures.join("\n")
    );
}
