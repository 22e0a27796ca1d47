//! The Graph view's requirement tree: who requires whom, from the main modules down, as the rows
//! of a WAI-ARIA tree. The web app's tree component only renders these rows and turns key
//! presses into the moves [`tree_key`] returns.
//!
//! A module graph is not a tree: one module version is required by many others, and requirement
//! cycles exist. The tree therefore shows every requirement under each requirer and expands
//! lazily: only the rows under expanded rows are computed, so a kubernetes-sized graph costs what
//! is on screen. A row is identified by its chain of node indices from a main module (its `key`),
//! because the same module version appears under many requirers. A version already on the chain
//! above it (a cycle) is shown but cannot be expanded.
//!
//! Under each requirer the versions MVS selected come first, then the versions that lost, each
//! group by path: a row names the version its requirer asked for and, when that version lost,
//! the version selected instead. Pruned versions (their go.mod was not read) and versions that
//! lost are dimmed.

use std::collections::{BTreeSet, VecDeque};

// Fx hashing, as the resolver's: the tree indexes every node of the graph.
use crate::resolve::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::modfile::ModuleVersion;
use crate::resolve::Resolution;

/// What a node of the tree is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeStatus {
    /// A main module (a root of the tree).
    Main,
    /// The version MVS selected for its path.
    Selected,
    /// A version that lost to a higher one.
    Unselected,
}

/// One module version of the graph, with its requirements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeNode {
    pub module: ModuleVersion,
    pub status: TreeStatus,
    /// Its go.mod was not read (module graph pruning), so its requirements are not known.
    pub pruned: bool,
    /// The version selected for its path, when it is not this one.
    pub selected_version: Option<String>,
    /// Indices of its requirements: selected versions first, then by path and version.
    pub children: Vec<usize>,
}

/// The whole requirement graph, ready to be shown as a tree. Build it once per resolution.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequirementTree {
    pub nodes: Vec<TreeNode>,
    /// The main modules, in the resolution's order.
    pub roots: Vec<usize>,
}

/// One visible row of the tree, in display order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeRow {
    /// The row's identity: the node indices from its main module, joined by `/`.
    pub key: String,
    /// The index in [`RequirementTree::nodes`].
    pub node: usize,
    /// The module path.
    pub path: String,
    /// The version the requirer asked for (empty for a main module).
    pub version: String,
    /// Said after the version: `v1.2.0 selected`, `pruned`, `cycle`; empty when nothing is.
    pub note: String,
    /// `aria-level`: 1 for a main module.
    pub level: usize,
    /// `aria-posinset` and `aria-setsize` among its siblings.
    pub position: usize,
    pub set_size: usize,
    /// Whether it has requirements that can be shown (`aria-expanded` is only set when it has).
    pub expandable: bool,
    pub expanded: bool,
    /// Drawn faded: a version that lost, or one whose requirements were pruned.
    pub dimmed: bool,
    /// The path contains the search text.
    pub matched: bool,
}

impl TreeRow {
    /// The label a screen reader and the type-ahead read: `path version`.
    pub fn label(&self) -> String {
        if self.version.is_empty() {
            self.path.clone()
        } else {
            format!("{} {}", self.path, self.version)
        }
    }
}

/// At most this many matching module versions are unfolded by a search.
pub const SEARCH_LIMIT: usize = 50;

/// Whether a module path contains the search text (case-insensitive, surrounding space
/// ignored). Empty text matches nothing. The graph's and the tree's highlighting use this one
/// test.
pub fn matches_query(path: &str, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    !q.is_empty() && path.to_lowercase().contains(&q)
}

/// Whether a graph node is a module (`go@` and `toolchain@` nodes are versions of Go).
fn is_module(m: &ModuleVersion) -> bool {
    m.path != "go" && m.path != "toolchain"
}

/// The requirement tree of a resolution.
pub fn requirement_tree(res: &Resolution) -> RequirementTree {
    let selected: HashMap<&str, &str> = res
        .build_list
        .iter()
        .map(|e| (e.module.path.as_str(), e.module.version.as_str()))
        .collect();
    let mut index: HashMap<&ModuleVersion, usize> = HashMap::default();
    let mut nodes = Vec::new();
    let mut roots = Vec::new();
    for n in res.nodes.iter().filter(|n| is_module(&n.module)) {
        if index.contains_key(&n.module) {
            continue;
        }
        let main = n.module.version.is_empty() && res.main_modules.contains(&n.module.path);
        let status = if main {
            TreeStatus::Main
        } else if n.selected {
            TreeStatus::Selected
        } else {
            TreeStatus::Unselected
        };
        let selected_version = match selected.get(n.module.path.as_str()) {
            Some(v) if !main && *v != n.module.version => Some((*v).to_owned()),
            _ => None,
        };
        index.insert(&n.module, nodes.len());
        if main {
            roots.push(nodes.len());
        }
        nodes.push(TreeNode {
            module: n.module.clone(),
            status,
            pruned: !main && !n.requirements_loaded,
            selected_version,
            children: Vec::new(),
        });
    }
    // The children are gathered apart from the nodes, so that sorting them can read the other
    // nodes' modules without copying them. A set of the edges seen, not a scan of the children:
    // a main module can require tens of thousands of modules.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut seen: HashSet<(usize, usize)> = HashSet::default();
    for (from, to) in &res.edges {
        if let (Some(&f), Some(&t)) = (index.get(from), index.get(to)) {
            if let Some(list) = children.get_mut(f) {
                if seen.insert((f, t)) {
                    list.push(t);
                }
            }
        }
    }
    let key = |i: &usize| {
        nodes.get(*i).map(|n| {
            (
                n.status == TreeStatus::Unselected,
                &n.module.path,
                &n.module.version,
            )
        })
    };
    for list in &mut children {
        list.sort_by(|a, b| key(a).cmp(&key(b)));
    }
    for (node, list) in nodes.iter_mut().zip(children) {
        node.children = list;
    }
    RequirementTree { nodes, roots }
}

/// The key of a child row.
fn child_key(parent: &str, node: usize) -> String {
    format!("{parent}/{node}")
}

impl RequirementTree {
    /// The keys to expand to show the main modules' direct requirements: the tree's initial state.
    pub fn initial_expanded(&self) -> BTreeSet<String> {
        self.roots.iter().map(|r| r.to_string()).collect()
    }

    /// The visible rows: the main modules, and the requirements of every row whose key is in
    /// `expanded`. With a search text, only the rows on the shortest requirement chain to each
    /// matching module version (at most [`SEARCH_LIMIT`] of them) are shown, unfolded, plus the
    /// requirements of the matching rows that `expanded` opens.
    pub fn rows(&self, expanded: &BTreeSet<String>, query: &str) -> Vec<TreeRow> {
        self.first_rows(expanded, query, usize::MAX).0
    }

    /// The first `limit` of [`RequirementTree::rows`] and how many rows there are in all. Rows
    /// past the limit are only counted: a main module of 177,000 requirements has as many rows,
    /// and the page shows the first few hundred.
    pub fn first_rows(
        &self,
        expanded: &BTreeSet<String>,
        query: &str,
        limit: usize,
    ) -> (Vec<TreeRow>, usize) {
        let unfolded = self.search_chains(query);
        let mut total = 0usize;
        let searching = !query.trim().is_empty();
        let mut out = Vec::new();
        let roots: Vec<(usize, String)> = self
            .roots
            .iter()
            .map(|&r| (r, r.to_string()))
            .filter(|(_, key)| !searching || unfolded.contains(key))
            .collect();
        let set_size = roots.len();
        // Depth-first with an explicit stack (a deep chain must not overflow the call stack):
        // (node, key, level, position, set size).
        let mut stack: Vec<(usize, String, usize, usize, usize)> = roots
            .into_iter()
            .enumerate()
            .rev()
            .map(|(i, (r, key))| (r, key, 1, i + 1, set_size))
            .collect();
        while let Some((node, key, level, position, set_size)) = stack.pop() {
            let Some(n) = self.nodes.get(node) else {
                continue;
            };
            // A row without requirements (most rows of a large go.mod) is neither a cycle nor
            // expandable: a node that is its own ancestor has the requirements that led back to it.
            let has_children = !n.children.is_empty();
            // The key ends with the node itself; any earlier index is an ancestor.
            let cycle = has_children
                && key
                    .rsplit('/')
                    .skip(1)
                    .filter_map(|k| k.parse::<usize>().ok())
                    .any(|a| a == node);
            let expandable = !cycle && has_children;
            let by_user = expandable && expanded.contains(&key);
            let by_search = expandable && {
                let below = format!("{key}/");
                unfolded
                    .range(below.clone()..)
                    .next()
                    .is_some_and(|k| k.starts_with(&below))
            };
            // While searching, a row off the chains is shown closed unless it matches.
            let opened_by_user =
                by_user && (!searching || by_search || matches_query(&n.module.path, query));
            let is_expanded = expandable && (opened_by_user || by_search);
            total = total.saturating_add(1);
            if out.len() < limit {
                let note = if cycle {
                    "cycle".to_owned()
                } else if let Some(v) = &n.selected_version {
                    format!("{v} selected")
                } else if n.pruned {
                    "pruned".to_owned()
                } else {
                    String::new()
                };
                out.push(TreeRow {
                    key: key.clone(),
                    node,
                    path: n.module.path.clone(),
                    version: n.module.version.clone(),
                    note,
                    level,
                    position,
                    set_size,
                    expandable,
                    expanded: is_expanded,
                    dimmed: n.status == TreeStatus::Unselected || n.pruned,
                    matched: matches_query(&n.module.path, query),
                });
            }
            if !is_expanded {
                continue;
            }
            // Without a search, every requirement of an expanded row. With one, only the rows on
            // the chains to the matches (the main modules stay expanded, so their requirements
            // would otherwise all show), except under a matching row the user expanded.
            let every_requirement = by_user && (!searching || matches_query(&n.module.path, query));
            let children: Vec<(usize, String)> = n
                .children
                .iter()
                .map(|&c| (c, child_key(&key, c)))
                .filter(|(_, k)| every_requirement || unfolded.contains(k))
                .collect();
            let count = children.len();
            for (i, (c, k)) in children.into_iter().enumerate().rev() {
                stack.push((c, k, level + 1, i + 1, count));
            }
        }
        (out, total)
    }

    /// The keys of every row on the shortest chain from a main module to each module version
    /// whose path matches `query` (breadth-first, so the chain go's `go mod why -m` would name).
    fn search_chains(&self, query: &str) -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        if query.trim().is_empty() {
            return keys;
        }
        let mut parent: Vec<Option<usize>> = vec![None; self.nodes.len()];
        let mut seen = vec![false; self.nodes.len()];
        let mut queue: VecDeque<usize> = VecDeque::new();
        for &r in &self.roots {
            if let Some(s) = seen.get_mut(r) {
                *s = true;
                queue.push_back(r);
            }
        }
        let mut found = 0;
        while let Some(n) = queue.pop_front() {
            let Some(node) = self.nodes.get(n) else {
                continue;
            };
            if matches_query(&node.module.path, query) && found < SEARCH_LIMIT {
                found += 1;
                let mut chain = vec![n];
                let mut at = n;
                while let Some(Some(p)) = parent.get(at) {
                    chain.push(*p);
                    at = *p;
                }
                chain.reverse();
                let mut key = String::new();
                for c in chain {
                    key = if key.is_empty() {
                        c.to_string()
                    } else {
                        child_key(&key, c)
                    };
                    keys.insert(key.clone());
                }
            }
            for &c in &node.children {
                if let Some(s) = seen.get_mut(c) {
                    if !*s {
                        *s = true;
                        if let Some(p) = parent.get_mut(c) {
                            *p = Some(n);
                        }
                        queue.push_back(c);
                    }
                }
            }
        }
        keys
    }
}

/// What a key press on a tree row does (WAI-ARIA tree pattern).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreeMove {
    /// Move focus to the row at this position of the rows.
    Focus(usize),
    /// Expand the row with this key (focus stays).
    Expand(String),
    /// Collapse the row with this key (focus stays).
    Collapse(String),
    /// Select the row's module (Enter or Space).
    Select(usize),
}

/// The move a key press on the row at `at` makes, if any: Up/Down to the previous/next row,
/// Home/End to the first/last, Right expands a closed row or enters an open one, Left collapses
/// an open row or goes to its parent, Enter and Space select, and a printable character moves
/// to the next row whose path starts with it (type-ahead).
pub fn tree_key(rows: &[TreeRow], at: usize, key: &str) -> Option<TreeMove> {
    let row = rows.get(at)?;
    let last = rows.len().checked_sub(1)?;
    match key {
        "ArrowDown" => (at < last).then(|| TreeMove::Focus(at + 1)),
        "ArrowUp" => (at > 0).then(|| TreeMove::Focus(at - 1)),
        "Home" => Some(TreeMove::Focus(0)),
        "End" => Some(TreeMove::Focus(last)),
        "ArrowRight" if row.expandable && !row.expanded => Some(TreeMove::Expand(row.key.clone())),
        "ArrowRight" if row.expanded => rows
            .get(at + 1)
            .filter(|next| next.level > row.level)
            .map(|_| TreeMove::Focus(at + 1)),
        "ArrowRight" => None,
        "ArrowLeft" if row.expanded => Some(TreeMove::Collapse(row.key.clone())),
        "ArrowLeft" => rows
            .get(..at)?
            .iter()
            .rposition(|r| r.level < row.level)
            .map(TreeMove::Focus),
        "Enter" | " " => Some(TreeMove::Select(at)),
        _ => {
            let mut chars = key.chars();
            let c = chars.next()?;
            if chars.next().is_some() || c.is_whitespace() {
                return None;
            }
            let wanted = c.to_lowercase().to_string();
            let after = rows.iter().enumerate().skip(at + 1);
            let before = rows.iter().enumerate().take(at);
            after
                .chain(before)
                .find(|(_, r)| r.path.to_lowercase().starts_with(&wanted))
                .map(|(i, _)| TreeMove::Focus(i))
        }
    }
}

#[cfg(test)]
#[path = "requirement_tree_tests.rs"]
mod tests;
