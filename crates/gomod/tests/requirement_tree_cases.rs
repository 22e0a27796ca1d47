//! The Graph view's requirement tree (`analyze::views::requirement_tree`, in `crates/gomod/src/analyze/views/requirement_tree.rs`) and why-chain edges
//! (`analyze::views::why_chain_edges`) on the cases under `testdata/views/tree/`: one txtar per case
//! holding a bundle's files, a `steps` section and a `want` section with what each step printed.
//! `UPDATE_GOLDEN=1` rewrites the `want` sections.
//!
//! Steps, one a line (`#` starts a comment):
//! - `rows`: the visible rows, `LEVEL:POS/SIZE label [note] +|-|. ~dimmed *matched`, indented
//!   by level;
//! - `expand LABEL` / `collapse LABEL`: toggles the first visible row with that label;
//! - `search TEXT` (or `search` alone to clear it);
//! - `key LABEL KEY`: the move that key makes on that row (`Focus LABEL`, `Expand LABEL`,
//!   `Collapse LABEL`, `Select LABEL`, or `none`);
//! - `why PATH`: the why-chain edges of a module path, `from -> to`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use gomod_test_support::case_files;

use gomod::analyze::views::why_chain_edges;
use gomod::analyze::views::{requirement_tree, tree_key, RequirementTree, TreeMove, TreeRow};
use gomod::bundle::txtar;
use gomod::bundle::Bundle;
use gomod::resolve::{bundle_input, resolve, Cmd, Resolution, Settings};

const STEPS: &str = "steps";
const WANT: &str = "want";

fn case_paths() -> Vec<PathBuf> {
    case_files::testdata_cases("views/tree", 1)
}

fn row_text(r: &TreeRow) -> String {
    let mut s = format!(
        "{}{}:{}/{} {}",
        "  ".repeat(r.level.saturating_sub(1)),
        r.level,
        r.position,
        r.set_size,
        r.label()
    );
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
}

/// Runs a case's steps and returns what they print.
fn run(res: &Resolution, tree: &RequirementTree, steps: &str) -> Result<String, String> {
    let mut expanded = tree.initial_expanded();
    let mut query = String::new();
    let mut out = String::new();
    let find = |rows: &[TreeRow], label: &str| {
        rows.iter()
            .position(|r| r.label() == label)
            .ok_or_else(|| format!("no visible row {label:?}"))
    };
    for line in steps.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        out.push_str(&format!("> {line}\n"));
        let (cmd, arg) = line.split_once(' ').unwrap_or((line, ""));
        let rows = tree.rows(&expanded, &query);
        match cmd {
            "rows" => {
                for r in &rows {
                    out.push_str(&row_text(r));
                    out.push('\n');
                }
                if rows.is_empty() {
                    out.push_str("(no rows)\n");
                }
            }
            "expand" | "collapse" => {
                let key = rows[find(&rows, arg)?].key.clone();
                if cmd == "expand" {
                    expanded.insert(key);
                } else {
                    expanded.remove(&key);
                }
            }
            "search" => query = arg.to_owned(),
            "key" => {
                let (label, key) = arg.rsplit_once(' ').ok_or("key LABEL KEY")?;
                let key = if key == "Space" { " " } else { key };
                let label_of = |key: &str| {
                    rows.iter()
                        .find(|r| r.key == key)
                        .map(TreeRow::label)
                        .unwrap_or_default()
                };
                let at = find(&rows, label)?;
                let said = match tree_key(&rows, at, key) {
                    None => "none".to_owned(),
                    Some(TreeMove::Focus(i)) => format!("Focus {}", rows[i].label()),
                    Some(TreeMove::Select(i)) => format!("Select {}", rows[i].label()),
                    Some(TreeMove::Expand(k)) => format!("Expand {}", label_of(&k)),
                    Some(TreeMove::Collapse(k)) => format!("Collapse {}", label_of(&k)),
                };
                out.push_str(&said);
                out.push('\n');
            }
            "why" => {
                let edges = why_chain_edges(res, arg, 8);
                for (from, to) in &edges {
                    out.push_str(&format!("{from} -> {to}\n"));
                }
                if edges.is_empty() {
                    out.push_str("(no edges)\n");
                }
            }
            _ => return Err(format!("unknown step {line:?}")),
        }
    }
    Ok(out)
}

#[test]
fn cases_match_their_want_sections() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let paths = case_paths();
    assert!(paths.len() >= 3, "the tree cases are missing: {paths:?}");
    let mut failures = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let archive = txtar::parse(&std::fs::read(&path).expect("read case"));
        let section = |n: &str| {
            archive
                .files
                .iter()
                .find(|f| f.name == n)
                .map(|f| String::from_utf8_lossy(&f.data).into_owned())
        };
        let Some(steps) = section(STEPS) else {
            failures.push(format!("{name}: no steps section"));
            continue;
        };
        let bundle = Bundle::from_files(
            archive
                .files
                .iter()
                .filter(|f| f.name != WANT && f.name != STEPS)
                .map(|f| (f.name.clone(), f.data.clone())),
        );
        let Some(input) = bundle_input(&bundle, Settings::default()) else {
            failures.push(format!("{name}: not a loadable bundle"));
            continue;
        };
        let res = resolve(&input, Cmd::ModGraph);
        if let Some(e) = &res.error {
            failures.push(format!("{name}: resolution failed: {e}"));
            continue;
        }
        let tree = requirement_tree(&res);
        let got = match run(&res, &tree, &steps) {
            Ok(got) => got,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        if update {
            let mut archive = archive.clone();
            archive.files.retain(|f| f.name != WANT);
            archive.files.push(txtar::File {
                name: WANT.to_owned(),
                data: got.into_bytes(),
            });
            std::fs::write(&path, txtar::format(&archive)).expect("write case");
            continue;
        }
        match section(WANT) {
            Some(want) if want == got => {}
            Some(want) => failures.push(format!("{name}:\n--- want\n{want}--- got\n{got}")),
            None => failures.push(format!("{name}: no want section (UPDATE_GOLDEN=1)")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Whatever is expanded and searched, the rows' ARIA positions are consistent: each row's
/// position is within its set, and the rows of one parent count 1..=size without gaps.
#[test]
fn aria_positions_are_consistent_in_every_case() {
    for path in case_paths() {
        let archive = txtar::parse(&std::fs::read(&path).expect("read case"));
        let bundle = Bundle::from_files(
            archive
                .files
                .iter()
                .filter(|f| f.name != WANT && f.name != STEPS)
                .map(|f| (f.name.clone(), f.data.clone())),
        );
        let input = bundle_input(&bundle, Settings::default()).expect("a loadable bundle");
        let res = resolve(&input, Cmd::ModGraph);
        let tree = requirement_tree(&res);
        // Every row expanded, three levels deep.
        let mut expanded: BTreeSet<String> = BTreeSet::new();
        for _ in 0..3 {
            for r in tree.rows(&expanded, "") {
                expanded.insert(r.key);
            }
        }
        let rows = tree.rows(&expanded, "");
        assert!(!rows.is_empty(), "{}", path.display());
        let mut next_position: Vec<usize> = Vec::new();
        for r in &rows {
            assert!(r.level >= 1 && r.level <= next_position.len() + 1, "{r:?}");
            next_position.truncate(r.level);
            if next_position.len() < r.level {
                next_position.push(1);
            }
            assert_eq!(
                r.position,
                next_position[r.level - 1],
                "{}: {r:?}",
                path.display()
            );
            assert!(r.position <= r.set_size, "{r:?}");
            next_position[r.level - 1] += 1;
        }
    }
}
