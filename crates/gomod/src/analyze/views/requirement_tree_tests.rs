//! The requirement tree on the views' small module graph (see `views/tests.rs` for the facts,
//! taken from go): m requires a v1.0.0 and b v1.0.0; a requires c v1.1.0 (which lost to
//! v1.2.0); b requires c v1.2.0 and d v1.0.0, whose requirements are pruned.

use std::collections::BTreeSet;

use super::*;
use crate::analyze::views::why_chains::why_chain_edges;
use crate::bundle::Bundle;
use crate::resolve::{bundle_input, resolve, Cmd, Settings};

fn tree() -> (Resolution, RequirementTree) {
    let bundle = Bundle::from_txtar(include_bytes!("../../../testdata/views/universe.txtar"));
    let input = bundle_input(&bundle, Settings::default()).expect("a loadable bundle");
    let res = resolve(&input, Cmd::ModGraph);
    assert_eq!(res.error, None);
    let tree = requirement_tree(&res);
    (res, tree)
}

/// The rows as `LEVEL:POS/SIZE label [note] +/-/. ~dimmed *matched`, one string each.
fn texts(rows: &[TreeRow]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            let mut s = format!("{}:{}/{} {}", r.level, r.position, r.set_size, r.label());
            if !r.note.is_empty() {
                s.push_str(&format!(" [{}]", r.note));
            }
            s.push_str(match (r.expandable, r.expanded) {
                (false, _) => " .",
                (true, false) => " +",
                (true, true) => " -",
            });
            if r.dimmed {
                s.push_str(" ~");
            }
            if r.matched {
                s.push_str(" *");
            }
            s
        })
        .collect()
}

fn key_of(rows: &[TreeRow], label: &str) -> String {
    rows.iter()
        .find(|r| r.label() == label)
        .map(|r| r.key.clone())
        .unwrap_or_else(|| panic!("no row {label}"))
}

#[test]
fn opens_on_the_main_module_and_its_requirements() {
    let (_, tree) = tree();
    let rows = tree.rows(&tree.initial_expanded(), "");
    assert_eq!(
        texts(&rows),
        [
            "1:1/1 example.com/m -",
            "2:1/2 example.com/a v1.0.0 +",
            "2:2/2 example.com/b v1.0.0 +",
        ]
    );
}

#[test]
fn expanding_shows_requirements_selected_first_with_the_version_asked_for() {
    let (_, tree) = tree();
    let mut open = tree.initial_expanded();
    let rows = tree.rows(&open, "");
    open.insert(key_of(&rows, "example.com/a v1.0.0"));
    open.insert(key_of(&rows, "example.com/b v1.0.0"));
    let rows = tree.rows(&open, "");
    // a asked for c v1.1.0, which lost to v1.2.0: dimmed, with the selected version said. The
    // requirements of c v1.2.0 and d are pruned from the graph (neither is a root of a go 1.17+
    // main module, so go reads neither go.mod for the graph): dimmed and nothing to expand.
    assert_eq!(
        texts(&rows),
        [
            "1:1/1 example.com/m -",
            "2:1/2 example.com/a v1.0.0 -",
            "3:1/1 example.com/c v1.1.0 [v1.2.0 selected] . ~",
            "2:2/2 example.com/b v1.0.0 -",
            "3:1/2 example.com/c v1.2.0 [pruned] . ~",
            "3:2/2 example.com/d v1.0.0 [pruned] . ~",
        ]
    );
    // Collapsing a row hides its requirements again.
    open.remove(&key_of(&rows, "example.com/a v1.0.0"));
    assert_eq!(tree.rows(&open, "").len(), 5);
}

#[test]
fn selected_versions_come_before_the_versions_that_lost() {
    let (_, tree) = tree();
    for node in &tree.nodes {
        let lost: Vec<bool> = node
            .children
            .iter()
            .map(|&c| tree.nodes[c].status == TreeStatus::Unselected)
            .collect();
        let mut sorted = lost.clone();
        sorted.sort();
        assert_eq!(lost, sorted, "{}", node.module);
    }
    assert_eq!(tree.roots.len(), 1);
    assert_eq!(tree.nodes[tree.roots[0]].status, TreeStatus::Main);
}

#[test]
fn a_search_unfolds_the_shortest_chain_to_each_match_and_nothing_else() {
    let (_, tree) = tree();
    // Nothing expanded by the user: the search alone opens the chains to both versions of c.
    let rows = tree.rows(&BTreeSet::new(), "M/C");
    assert_eq!(
        texts(&rows),
        [
            "1:1/1 example.com/m -",
            "2:1/2 example.com/a v1.0.0 -",
            "3:1/1 example.com/c v1.1.0 [v1.2.0 selected] . ~ *",
            "2:2/2 example.com/b v1.0.0 -",
            "3:1/1 example.com/c v1.2.0 [pruned] . ~ *",
        ]
    );
    // A search nothing matches shows no rows; blank text is no search.
    assert!(tree.rows(&BTreeSet::new(), "zzz").is_empty());
    assert_eq!(tree.rows(&BTreeSet::new(), "  ").len(), 1);
    assert!(matches_query("example.com/C", " m/c "));
    assert!(!matches_query("example.com/c", ""));
}

#[test]
fn a_cycle_is_shown_once_and_cannot_be_expanded() {
    let (_, mut tree) = tree();
    // Make b require m back, as a requirement cycle through the main module would.
    let m = tree.roots[0];
    let b = tree
        .nodes
        .iter()
        .position(|n| n.module.path == "example.com/b")
        .expect("b");
    tree.nodes[b].children.push(m);
    let mut open = tree.initial_expanded();
    open.insert(format!("{m}/{b}"));
    let rows = tree.rows(&open, "");
    let back = rows.last().expect("rows");
    assert_eq!(back.label(), "example.com/m");
    assert_eq!((back.note.as_str(), back.expandable), ("cycle", false));
}

#[test]
fn keys_follow_the_tree_pattern() {
    let (_, tree) = tree();
    let mut open = tree.initial_expanded();
    let rows = tree.rows(&open, "");
    let a = key_of(&rows, "example.com/a v1.0.0");
    assert_eq!(tree_key(&rows, 0, "ArrowDown"), Some(TreeMove::Focus(1)));
    assert_eq!(tree_key(&rows, 0, "ArrowUp"), None);
    assert_eq!(tree_key(&rows, 2, "ArrowDown"), None);
    assert_eq!(tree_key(&rows, 1, "Home"), Some(TreeMove::Focus(0)));
    assert_eq!(tree_key(&rows, 0, "End"), Some(TreeMove::Focus(2)));
    // Right on a closed row opens it; on an open row enters its first child.
    assert_eq!(
        tree_key(&rows, 1, "ArrowRight"),
        Some(TreeMove::Expand(a.clone()))
    );
    assert_eq!(tree_key(&rows, 0, "ArrowRight"), Some(TreeMove::Focus(1)));
    // Left on an open row closes it; on a closed one goes to its parent.
    assert_eq!(
        tree_key(&rows, 0, "ArrowLeft"),
        Some(TreeMove::Collapse("0".into()))
    );
    assert_eq!(tree_key(&rows, 2, "ArrowLeft"), Some(TreeMove::Focus(0)));
    assert_eq!(tree_key(&rows, 2, "Enter"), Some(TreeMove::Select(2)));
    assert_eq!(tree_key(&rows, 2, " "), Some(TreeMove::Select(2)));
    // Type-ahead: the next row whose path starts with the letter, wrapping around.
    assert_eq!(tree_key(&rows, 1, "e"), Some(TreeMove::Focus(2)));
    assert_eq!(tree_key(&rows, 2, "E"), Some(TreeMove::Focus(0)));
    assert_eq!(tree_key(&rows, 0, "q"), None);
    assert_eq!(tree_key(&rows, 0, "Shift"), None);
    assert_eq!(tree_key(&[], 0, "ArrowDown"), None);
    open.insert(a);
    let rows = tree.rows(&open, "");
    // A leaf: Right does nothing.
    assert_eq!(tree_key(&rows, 2, "ArrowRight"), None);
}

#[test]
fn why_chain_edges_lead_from_the_main_module_to_the_path() {
    let (res, _) = tree();
    let edges: Vec<String> = why_chain_edges(&res, "example.com/c", 8)
        .iter()
        .map(|(f, t)| format!("{f} -> {t}"))
        .collect();
    assert_eq!(
        edges,
        [
            "example.com/a@v1.0.0 -> example.com/c@v1.1.0",
            "example.com/b@v1.0.0 -> example.com/c@v1.2.0",
            "example.com/m -> example.com/a@v1.0.0",
            "example.com/m -> example.com/b@v1.0.0",
        ]
    );
    assert!(why_chain_edges(&res, "example.com/zzz", 8).is_empty());
}

/// `first_rows` is `rows` cut at the limit, with the count of them all, whatever is expanded
/// or searched: every row's key expanded (every expandable row open), none, and searches.
#[test]
fn first_rows_are_the_rows_cut_at_the_limit_with_their_count() {
    let (_, tree) = tree();
    let mut everything = tree.initial_expanded();
    // Open every row, then every row that opening revealed, until nothing new appears.
    loop {
        let keys: BTreeSet<String> = tree
            .rows(&everything, "")
            .into_iter()
            .map(|r| r.key)
            .collect();
        if keys.is_subset(&everything) {
            break;
        }
        everything.extend(keys);
    }
    let mut checked = 0;
    for expanded in [BTreeSet::new(), tree.initial_expanded(), everything] {
        for query in ["", "c", "example.com/d", "zzz"] {
            let all = tree.rows(&expanded, query);
            for limit in [0, 1, 2, 3, all.len(), all.len() + 5] {
                let (first, total) = tree.first_rows(&expanded, query, limit);
                assert_eq!(total, all.len(), "{query:?} {limit}");
                assert_eq!(
                    texts(&first),
                    texts(&all[..limit.min(all.len())]),
                    "{query:?} {limit}"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 72);
}
