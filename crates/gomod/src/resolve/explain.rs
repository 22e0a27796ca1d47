//! Explanations over a resolution: why a module is at its version, who requires it, through
//! which chains; and what-if edits of the main module's requirements as `go get PATH@VERSION`
//! makes them (single-module mode: [`super::get`], checked against the go binary by
//! tests/oracle_whatif.rs; workspace mode still uses the generic MVS Upgrade / Downgrade of
//! cmd/go/internal/mvs/mvs.go, which `go get` does not offer there).

use std::cmp::Ordering;
use std::collections::VecDeque;

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::command::{self, Cmd, Session};
use super::get;
use super::input::Input;
use super::loader::{LoadError, Loader, Pruning};
use super::mvs::{self, Reqs, NONE};
use super::order::{cmp_version, mod_compare};
use super::resolution::Resolution;
use super::work;
use crate::modfile::ModuleVersion;

/// Everything known about one module path.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    pub path: String,
    /// The selected version, or None when the path is not in the build list.
    pub selected: Option<String>,
    /// Every requirement on the path: (who requires it, which version), in graph order.
    pub required_by: Vec<(ModuleVersion, String)>,
    /// The shortest chain from a main module to the selected version (main module first).
    pub shortest_chain: Vec<ModuleVersion>,
    /// Chains from a main module to any version of the path, at most `limit` of them, each
    /// stopping at the first node of the path.
    pub chains: Vec<Vec<ModuleVersion>>,
    /// Whether more chains exist than were listed.
    pub chains_truncated: bool,
}

impl Explanation {
    /// A plain-text rendering for terminals (`gomodplay why`): the selected version, who
    /// requires which version, and the chains from the main module.
    pub fn render(&self) -> String {
        let mut out = match &self.selected {
            Some(v) => format!("{} {v} is selected\n", self.path),
            None => format!("{} is not in the build list\n", self.path),
        };
        if !self.required_by.is_empty() {
            out.push_str("required by:\n");
            for (from, v) in &self.required_by {
                out.push_str(&format!("\t{from} requires {v}\n"));
            }
        }
        if !self.shortest_chain.is_empty() {
            out.push_str("shortest chain:\n");
            out.push_str(&format!("\t{}\n", join_chain(&self.shortest_chain)));
        }
        if !self.chains.is_empty() {
            out.push_str("all chains:\n");
            for c in &self.chains {
                out.push_str(&format!("\t{}\n", join_chain(c)));
            }
            if self.chains_truncated {
                out.push_str("\t...\n");
            }
        }
        out
    }
}

fn join_chain(chain: &[ModuleVersion]) -> String {
    chain
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" -> ")
}

/// Explains `path` in a resolution; `limit` bounds the number of chains listed.
pub fn explain(res: &Resolution, path: &str, limit: usize) -> Explanation {
    let mut adj: HashMap<&ModuleVersion, Vec<&ModuleVersion>> = HashMap::default();
    let mut required_by = Vec::new();
    for (from, to) in &res.edges {
        adj.entry(from).or_default().push(to);
        if to.path == path {
            required_by.push((from.clone(), to.version.clone()));
        }
    }
    let selected = res
        .build_list
        .iter()
        .find(|e| e.module.path == path)
        .map(|e| e.module.version.clone());
    let starts: Vec<ModuleVersion> = res
        .main_modules
        .iter()
        .map(|p| ModuleVersion::new(p.clone(), ""))
        .collect();
    let shortest_chain = match &selected {
        Some(v) => shortest(&adj, &starts, &ModuleVersion::new(path, v.clone())),
        None => Vec::new(),
    };
    let (chains, chains_truncated) = all_chains(&adj, &starts, path, limit);
    Explanation {
        path: path.to_owned(),
        selected,
        required_by,
        shortest_chain,
        chains,
        chains_truncated,
    }
}

fn shortest(
    adj: &HashMap<&ModuleVersion, Vec<&ModuleVersion>>,
    starts: &[ModuleVersion],
    target: &ModuleVersion,
) -> Vec<ModuleVersion> {
    let mut prev: HashMap<&ModuleVersion, Option<&ModuleVersion>> = HashMap::default();
    let mut queue: VecDeque<&ModuleVersion> = VecDeque::new();
    for s in starts {
        prev.insert(s, None);
        queue.push_back(s);
    }
    while let Some(m) = queue.pop_front() {
        if m == target {
            return chain_back(&prev, m);
        }
        for next in adj.get(m).map(Vec::as_slice).unwrap_or_default() {
            if !prev.contains_key(next) {
                prev.insert(next, Some(m));
                queue.push_back(next);
            }
        }
    }
    Vec::new()
}

/// Simple paths from the starts to the first node of `path`, depth first in edge order.
fn all_chains(
    adj: &HashMap<&ModuleVersion, Vec<&ModuleVersion>>,
    starts: &[ModuleVersion],
    path: &str,
    limit: usize,
) -> (Vec<Vec<ModuleVersion>>, bool) {
    // Only nodes from which some node of `path` is reachable can lead to a chain; the walk
    // never enters the others, and a step budget keeps dense graphs (where simple paths are
    // exponentially many) from stalling: running out of it marks the list truncated.
    let mut reverse: HashMap<&ModuleVersion, Vec<&ModuleVersion>> = HashMap::default();
    for (from, tos) in adj {
        for to in tos {
            reverse.entry(*to).or_default().push(*from);
        }
    }
    let mut useful: HashSet<&ModuleVersion> = HashSet::default();
    let mut queue: VecDeque<&ModuleVersion> = VecDeque::new();
    for to in reverse.keys() {
        if to.path == path && useful.insert(*to) {
            queue.push_back(*to);
        }
    }
    while let Some(m) = queue.pop_front() {
        for from in reverse.get(m).map(Vec::as_slice).unwrap_or_default() {
            if useful.insert(*from) {
                queue.push_back(*from);
            }
        }
    }
    let mut budget: usize = 200_000;
    let mut out: Vec<Vec<ModuleVersion>> = Vec::new();
    for s in starts {
        if !useful.contains(s) {
            continue;
        }
        // Each frame: node and index of the next edge to follow.
        let mut stack: Vec<(&ModuleVersion, usize)> = vec![(s, 0)];
        let mut on_path: HashSet<&ModuleVersion> = [s].into_iter().collect();
        while let Some((m, i)) = stack.pop() {
            budget = budget.saturating_sub(1);
            if budget == 0 {
                return (out, true);
            }
            let edges = adj.get(m).map(Vec::as_slice).unwrap_or_default();
            let Some(next) = edges.get(i) else {
                on_path.remove(m);
                continue;
            };
            stack.push((m, i + 1));
            if on_path.contains(next) || !useful.contains(next) {
                continue;
            }
            if next.path == path {
                if out.len() >= limit {
                    return (out, true);
                }
                let mut chain: Vec<ModuleVersion> =
                    stack.iter().map(|(n, _)| (*n).clone()).collect();
                chain.push((*next).clone());
                out.push(chain);
                continue;
            }
            on_path.insert(next);
            stack.push((next, 0));
        }
    }
    (out, false)
}

/// A what-if edit of the main module's requirements.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Change {
    /// Require at least this version (`go get path@version` upwards).
    Raise(ModuleVersion),
    /// Require at most this version, lowering whatever needs more (`go get path@version`
    /// downwards).
    Lower(ModuleVersion),
    /// Remove the path from the build list (`go get path@none`).
    Drop(String),
}

/// The build list after a change, and how it differs.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatIf {
    /// The build list `go list -m all` shows after `go get` (main module first; no `go` or
    /// `toolchain` entries).
    pub build_list: Vec<ModuleVersion>,
    pub added: Vec<ModuleVersion>,
    pub removed: Vec<ModuleVersion>,
    /// (path, old version, new version): every path whose version moved, in build list order;
    /// `raised` and `lowered` split the same entries by direction.
    pub changed: Vec<(String, String, String)>,
    pub raised: Vec<(String, String, String)>,
    pub lowered: Vec<(String, String, String)>,
    /// The main module's new go line, when the change moves it (as `go get` writes go.mod).
    pub go_version: Option<String>,
    /// The main module's requirements after the change, as `go get` writes them to go.mod
    /// (sorted, with the `go` and `toolchain` roots); empty in workspace mode and for
    /// [`difference`], where go get does not decide them.
    pub roots: Vec<ModuleVersion>,
    /// The error that stops the computation, if any.
    pub error: Option<String>,
}

/// The module requirements as `go get`'s MVS sees them: the main module requires its roots,
/// every other module its go.mod requirements.
struct GetReqs<'l, 'a> {
    loader: &'l mut Loader<'a>,
    main: ModuleVersion,
    roots: Vec<ModuleVersion>,
}

impl Reqs for GetReqs<'_, '_> {
    type Error = LoadError;
    fn compare(&self, path: &str, a: &str, b: &str) -> Ordering {
        cmp_version(path, a, b)
    }
    fn required(&mut self, m: &ModuleVersion) -> Result<Vec<ModuleVersion>, LoadError> {
        if *m == self.main {
            return Ok(self.roots.clone());
        }
        if m.version == NONE || m.version.is_empty() {
            return Ok(Vec::new());
        }
        self.loader.summary(m).map(|s| s.require.to_vec())
    }
    fn previous(&mut self, m: &ModuleVersion) -> Result<ModuleVersion, LoadError> {
        if m.path == "go" || m.path == "toolchain" {
            return Ok(ModuleVersion::new(m.path.clone(), NONE));
        }
        let mut versions: Vec<String> = self
            .loader
            .source
            .versions(&m.path)
            .into_iter()
            .filter(|v| {
                !self
                    .loader
                    .exclude
                    .contains(&ModuleVersion::new(m.path.clone(), v.clone()))
            })
            .collect();
        crate::sort::sort_by(&mut versions, |a, b| mod_compare(&m.path, a, b));
        let prev = versions
            .into_iter()
            .rev()
            .find(|v| mod_compare(&m.path, v, &m.version) == Ordering::Less);
        Ok(ModuleVersion::new(
            m.path.clone(),
            prev.unwrap_or_else(|| NONE.to_owned()),
        ))
    }
}

/// Applies a change to the input's main module and reports the new build list, its difference
/// from the current one and the new go line, as `go get PATH@VERSION` (or `PATH@none` for a
/// drop) followed by `go list -m all` would show them; when go get fails, `error` holds its
/// message without the leading `go: ` (notes printed while loading the unchanged go.mod, such
/// as dropped excluded requirements, are not part of it).
pub fn what_if(input: &Input<'_>, change: &Change) -> WhatIf {
    let session = match &input.workspace {
        Some(ws) => work::load_workspace(input, ws),
        None => {
            command::read_main(input).map(|file| command::load_single(input, file, Cmd::ModGraph))
        }
    };
    let mut session: Session<'_> = match session {
        Ok(s) => s,
        Err(stderr) => {
            return WhatIf {
                error: Some(stderr.without_go_prefix().into_text()),
                ..WhatIf::default()
            }
        }
    };
    if let Some(fatal) = &session.loader.fatal {
        return WhatIf {
            error: Some(fatal.trim_end().to_owned()),
            ..WhatIf::default()
        };
    }
    let loaded = match &session.outcome {
        Ok(l) => l,
        Err(f) => {
            return WhatIf {
                error: Some(f.error.to_string()),
                ..WhatIf::default()
            }
        }
    };
    let before = loaded.mg.build_list();
    let roots = loaded.rs.roots.clone();
    let Some(main) = session.loader.main_versions().first().cloned() else {
        return WhatIf {
            error: Some("no main module".to_owned()),
            ..WhatIf::default()
        };
    };
    if input.workspace.is_none() {
        let target = match change {
            Change::Raise(m) | Change::Lower(m) => m.clone(),
            Change::Drop(p) => ModuleVersion::new(p.clone(), NONE),
        };
        let original: HashMap<String, String> = before
            .iter()
            .map(|m| (m.path.clone(), m.version.clone()))
            .collect();
        let go_of = |roots: &[ModuleVersion]| {
            roots
                .iter()
                .find(|m| m.path == "go")
                .map(|m| m.version.clone())
        };
        // The go line as go.mod states it: loading may already have raised the go root, and
        // go get writes that raise too.
        let old_go = session
            .loader
            .mains
            .first()
            .map(|m| m.file.go.clone())
            .filter(|g| !g.is_empty());
        // An unpruned main module edits its whole build list (plus the go root), a pruned one
        // its roots.
        // A go.mod without a go line is given the running Go version's by go get, which makes
        // it pruned: its whole build list becomes the roots, as converting to pruned does.
        let missing_go = old_go.is_none();
        let start: Vec<ModuleVersion> = if missing_go {
            before
                .iter()
                .filter(|m| m.path != main.path && m.path != "go" && m.path != "toolchain")
                .cloned()
                .chain(roots.iter().filter(|m| m.path == "toolchain").cloned())
                .chain([ModuleVersion::new("go", input.settings.go_version.clone())])
                .collect()
        } else if loaded.rs.pruning == Pruning::Unpruned {
            before
                .iter()
                .filter(|m| m.path != main.path)
                .cloned()
                .chain(roots.iter().filter(|m| m.path == "go").cloned())
                .collect()
        } else {
            roots.clone()
        };
        if target.version != NONE && session.loader.exclude.contains(&target) {
            return WhatIf {
                error: Some(format!("{target}: excluded by go.mod")),
                ..WhatIf::default()
            };
        }
        // go get resolves its target before editing: a directory replacement that is not there
        // stops it.
        if let Some(r) = session.loader.replacement(&target) {
            if target.version != NONE
                && r.version.is_empty()
                && session
                    .loader
                    .source
                    .dir_gomod(&super::paths::clean(&r.path))
                    .is_none()
            {
                return WhatIf {
                    error: Some(format!(
                        "{target}: replacement directory {} does not exist",
                        r.path
                    )),
                    ..WhatIf::default()
                };
            }
        }
        let mode = if missing_go {
            Pruning::Pruned
        } else {
            loaded.rs.pruning
        };
        return match get::edit(&mut session.loader, mode, &main, &start, &original, &target) {
            Ok(edited) => {
                let new_go = go_of(&edited.roots);
                // The build lists are compared as go list -m all shows them: the go line's
                // change is reported on its own.
                let shown: Vec<ModuleVersion> = before
                    .into_iter()
                    .filter(|m| m.path != "go" && m.path != "toolchain")
                    .collect();
                let mut w = difference(shown, edited.build_list);
                w.go_version = new_go.filter(|g| Some(g) != old_go.as_ref());
                w.roots = edited.roots;
                w
            }
            Err(e) => WhatIf {
                error: Some(e),
                ..WhatIf::default()
            },
        };
    }
    let mut reqs = GetReqs {
        loader: &mut session.loader,
        main: main.clone(),
        roots,
    };
    let result = match change {
        Change::Raise(m) => mvs::upgrade(&main, &mut reqs, std::slice::from_ref(m), cmp_version),
        Change::Lower(m) => mvs::downgrade(&main, &mut reqs, std::slice::from_ref(m), cmp_version),
        Change::Drop(p) => mvs::downgrade(
            &main,
            &mut reqs,
            &[ModuleVersion::new(p.clone(), NONE)],
            cmp_version,
        ),
    };
    let after = match result {
        Ok(l) => l,
        Err(e) => {
            return WhatIf {
                error: Some(super::graph::render_build_list_error(&e).into_text()),
                ..WhatIf::default()
            }
        }
    };
    difference(before, after)
}

/// How one build list differs from another, as [`WhatIf`] reports it: added, removed, and moved
/// paths (split into raised and lowered), with `after` as the new build list.
pub fn difference(before: Vec<ModuleVersion>, after: Vec<ModuleVersion>) -> WhatIf {
    let old: HashMap<&str, &str> = before
        .iter()
        .map(|m| (m.path.as_str(), m.version.as_str()))
        .collect();
    let new: HashMap<&str, &str> = after
        .iter()
        .map(|m| (m.path.as_str(), m.version.as_str()))
        .collect();
    let mut w = WhatIf::default();
    for m in &after {
        match old.get(m.path.as_str()) {
            None => w.added.push(m.clone()),
            Some(v) if *v != m.version => {
                let entry = (m.path.clone(), (*v).to_owned(), m.version.clone());
                if cmp_version(&m.path, &m.version, v).is_gt() {
                    w.raised.push(entry.clone());
                } else {
                    w.lowered.push(entry.clone());
                }
                w.changed.push(entry);
            }
            Some(_) => {}
        }
    }
    for m in &before {
        if !new.contains_key(m.path.as_str()) {
            w.removed.push(m.clone());
        }
    }
    w.build_list = after;
    w
}

/// The path from a breadth-first search's start to `end`, following each module's recorded
/// predecessor (`None` marks a start).
pub(crate) fn chain_back(
    predecessors: &HashMap<&ModuleVersion, Option<&ModuleVersion>>,
    end: &ModuleVersion,
) -> Vec<ModuleVersion> {
    let mut chain = vec![end.clone()];
    let mut cur = end;
    while let Some(Some(p)) = predecessors.get(cur) {
        chain.push((*p).clone());
        cur = p;
    }
    chain.reverse();
    chain
}
