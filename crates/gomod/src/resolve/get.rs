//! `go get PATH@VERSION`: how the go command edits the main module's requirements
//! (modload's editRequirements), rather than generic MVS over the whole graph.
//!
//! The requested version becomes a root that must be selected exactly (`none` removes the
//! path). Every other root is kept unless it, or something it requires in the graph, needs a
//! higher version of the requested path than allowed ("disqualified"); a disqualified root
//! steps down through the listed, not excluded, not retracted versions of its path (not below
//! its originally selected version when it had been raised) until it qualifies, or is removed.
//! When no root is disqualified, roots that the graph selects higher are raised to the selected
//! version (the go root too, which moves the go line), and the loop runs again until stable.
//!
//! For a pruned main module (go >= 1.17) the roots are its requirements and the graph is the
//! pruned one: the requirements of a pruned root are nodes whose own requirements are not read,
//! unless the root is unpruned or the node was raised to become a new root. For an unpruned
//! main module the roots are its whole build list and the graph is loaded in full. A main
//! go.mod without a go line is given the running Go version by go get, which makes it pruned
//! with its whole build list as roots.
//!
//! Verified by tests/oracle_whatif.rs against the go binary. Not modelled: several targets in
//! one go get, version queries other than exact versions, and the versions that replace
//! directives add to a replaced path's version list when stepping down.

use std::cmp::Ordering;
use std::collections::VecDeque;

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::error::ErrorKind;
use super::loader::{LoadError, Loader, Pruning};
use super::mvs::NONE;
use super::order::{cmp_version, mod_compare, mod_sort};
use super::retract;
use crate::modfile::ModuleVersion;

/// The pruned module graph built from a set of roots.
struct PrunedGraph {
    /// Requirement lists of the nodes whose go.mod was read, in file order.
    required: HashMap<ModuleVersion, Vec<ModuleVersion>>,
    /// Nodes whose go.mod could not be read.
    failed: HashMap<ModuleVersion, LoadError>,
    /// Pruning of every node whose go.mod was read.
    pruning: HashMap<ModuleVersion, Pruning>,
    selected: HashMap<String, String>,
    roots: Vec<ModuleVersion>,
}

impl PrunedGraph {
    fn selected(&self, path: &str) -> &str {
        self.selected.get(path).map(String::as_str).unwrap_or(NONE)
    }

    fn note(&mut self, m: &ModuleVersion) {
        if m.version == NONE {
            return;
        }
        let cur = self
            .selected
            .entry(m.path.clone())
            .or_insert_with(|| NONE.to_owned());
        if *cur == NONE || cmp_version(&m.path, &m.version, cur) == Ordering::Greater {
            *cur = m.version.clone();
        }
    }

    /// Reads the graph (`readModGraph` in cmd/go/internal/modload/buildlist.go) with `unprune` naming modules whose requirements are loaded
    /// even below a pruned module.
    fn read(
        loader: &mut Loader<'_>,
        root_mode: Pruning,
        roots: &[ModuleVersion],
        unprune: &HashSet<ModuleVersion>,
    ) -> PrunedGraph {
        let mut g = PrunedGraph {
            required: HashMap::default(),
            failed: HashMap::default(),
            pruning: HashMap::default(),
            selected: HashMap::default(),
            roots: roots.to_vec(),
        };
        let mut seen: HashSet<(ModuleVersion, Pruning)> = HashSet::default();
        let mut queue: VecDeque<(ModuleVersion, Pruning)> = VecDeque::new();
        for r in roots {
            g.note(r);
            queue.push_back((r.clone(), root_mode));
        }
        while let Some((m, mode)) = queue.pop_front() {
            if m.version == NONE || !seen.insert((m.clone(), mode)) {
                continue;
            }
            let summary = match loader.summary(&m) {
                Ok(s) => s,
                Err(e) => {
                    g.failed.insert(m.clone(), e);
                    continue;
                }
            };
            g.pruning.insert(m.clone(), summary.pruning);
            if !g.required.contains_key(&m) {
                for r in summary.require.iter() {
                    g.note(r);
                }
                g.required.insert(m.clone(), summary.require.to_vec());
            }
            let next = if mode == Pruning::Unpruned {
                Pruning::Unpruned
            } else {
                summary.pruning
            };
            for r in summary.require.iter() {
                if mode != Pruning::Pruned
                    || summary.pruning == Pruning::Unpruned
                    || unprune.contains(r)
                {
                    queue.push_back((r.clone(), next));
                }
            }
        }
        g
    }

    /// The shortest requirement chain (from a root) to the first module, in breadth-first
    /// order, whose go.mod needs a newer Go, and that error.
    fn first_too_new(&self) -> Option<(Vec<ModuleVersion>, LoadError)> {
        let mut parent: HashMap<&ModuleVersion, Option<&ModuleVersion>> = HashMap::default();
        let mut queue: VecDeque<&ModuleVersion> = VecDeque::new();
        for r in &self.roots {
            if r.version != NONE && !parent.contains_key(r) {
                parent.insert(r, None);
                queue.push_back(r);
            }
        }
        while let Some(m) = queue.pop_front() {
            if let Some(e) = self.failed.get(m) {
                if e.kind == ErrorKind::GoVersionTooNew {
                    return Some((super::explain::chain_back(&parent, m), e.clone()));
                }
            }
            for r in self.required.get(m).map(Vec::as_slice).unwrap_or_default() {
                if r.version != NONE && !parent.contains_key(r) {
                    parent.insert(r, Some(m));
                    queue.push_back(r);
                }
            }
        }
        None
    }

    /// Breadth-first order from the roots, following loaded requirement lists.
    fn breadth_first(&self) -> Vec<ModuleVersion> {
        let mut seen: HashSet<&ModuleVersion> = HashSet::default();
        let mut order = Vec::new();
        let mut queue: VecDeque<&ModuleVersion> = self.roots.iter().collect();
        while let Some(m) = queue.pop_front() {
            if m.version == NONE || !seen.insert(m) {
                continue;
            }
            order.push(m.clone());
            for r in self.required.get(m).map(Vec::as_slice).unwrap_or_default() {
                queue.push_back(r);
            }
        }
        order
    }
}

/// Why a module version is disqualified, per pruning view.
#[derive(Clone, Default)]
struct Dq {
    pruned: Option<ModuleVersion>,
    unpruned: Option<ModuleVersion>,
}

impl Dq {
    fn from(&self, p: Pruning) -> Option<&ModuleVersion> {
        if p == Pruning::Unpruned {
            self.unpruned.as_ref()
        } else {
            self.pruned.as_ref()
        }
    }
}

/// Tracks disqualified module versions and who requires them, so that disqualification
/// propagates to requirers (through pruned roots only as far as pruning lets it).
#[derive(Default)]
struct Tracker {
    root_pruning: HashMap<ModuleVersion, Pruning>,
    reason: HashMap<ModuleVersion, Dq>,
    requiring: HashMap<ModuleVersion, Vec<ModuleVersion>>,
}

impl Tracker {
    fn check(&self, m: &ModuleVersion, p: Pruning) -> bool {
        self.reason.get(m).and_then(|d| d.from(p)).is_some()
    }

    fn require(&mut self, m: &ModuleVersion, r: &ModuleVersion) -> bool {
        if let Some(rp) = self.root_pruning.get(r).copied() {
            if self.check(r, rp) {
                self.disqualify(m, Pruning::Pruned, r.clone());
                return false;
            }
        }
        if self.check(r, Pruning::Unpruned) {
            self.disqualify(m, Pruning::Unpruned, r.clone());
            if !self.root_pruning.contains_key(m) {
                return false;
            }
        }
        self.requiring.entry(r.clone()).or_default().push(m.clone());
        true
    }

    fn disqualify(&mut self, m: &ModuleVersion, from: Pruning, because: ModuleVersion) {
        // An explicit work list replaces recursion so that deep graphs cannot overflow the stack.
        let mut work = vec![(m.clone(), from, because)];
        while let Some((m, from, because)) = work.pop() {
            let mut dq = self.reason.get(&m).cloned().unwrap_or_default();
            if dq.from(from).is_some() {
                continue;
            }
            let root = self.root_pruning.get(&m).copied();
            if from == Pruning::Unpruned {
                dq.unpruned = Some(because.clone());
                if root == Some(Pruning::Unpruned) {
                    dq.pruned = Some(because);
                }
            } else {
                dq.pruned = Some(because.clone());
                if dq.unpruned.is_none() {
                    dq.unpruned = Some(because);
                }
            }
            self.reason.insert(m.clone(), dq);
            let is_root = root.is_some();
            if is_root && (from == Pruning::Pruned || root == Some(Pruning::Unpruned)) {
                for p in self.requiring.remove(&m).unwrap_or_default() {
                    work.push((p, Pruning::Pruned, m.clone()));
                }
                continue;
            }
            let requirers = if is_root {
                self.requiring.get(&m).cloned().unwrap_or_default()
            } else {
                self.requiring.remove(&m).unwrap_or_default()
            };
            for p in requirers {
                work.push((p, Pruning::Unpruned, m.clone()));
            }
        }
    }

    /// Whether `m` is disqualified in the view its root status gives it.
    fn is_disqualified_root(&self, m: &ModuleVersion, pruning: Pruning) -> bool {
        let p = if self.root_pruning.get(m) == Some(&Pruning::Unpruned) {
            Pruning::Unpruned
        } else {
            pruning
        };
        self.check(m, p)
    }
}

/// The next lower listed (and not excluded) version of `m`'s path, or `none`.
fn previous(loader: &Loader<'_>, m: &ModuleVersion) -> ModuleVersion {
    if m.path == "go" || m.path == "toolchain" {
        return ModuleVersion::new(m.path.clone(), NONE);
    }
    let mut versions: Vec<String> = loader
        .source
        .versions(&m.path)
        .into_iter()
        .filter(|v| {
            let candidate = ModuleVersion::new(m.path.clone(), v.clone());
            !loader.exclude.contains(&candidate)
                && retract::notes(loader, &candidate).retracted.is_none()
        })
        .collect();
    crate::sort::sort_by(&mut versions, |a, b| mod_compare(&m.path, a, b));
    let prev = versions
        .into_iter()
        .rev()
        .find(|v| mod_compare(&m.path, v, &m.version) == Ordering::Less);
    ModuleVersion::new(m.path.clone(), prev.unwrap_or_else(|| NONE.to_owned()))
}

/// The outcome of editing a pruned main module's roots.
pub struct Edited {
    /// The new roots (including `go` and `toolchain`), sorted.
    pub roots: Vec<ModuleVersion>,
    /// The build list they select (main module first).
    pub build_list: Vec<ModuleVersion>,
}

/// Edits the roots of the main module so that `target` is selected exactly (`none` removes its
/// path), as `go get` does. A pruned main module starts from its roots; an unpruned one from its
/// whole build list (`roots` is then that list), and its graph is loaded in full. `original`
/// is the current build list's selection.
pub fn edit(
    loader: &mut Loader<'_>,
    root_mode: Pruning,
    main: &ModuleVersion,
    roots: &[ModuleVersion],
    original: &HashMap<String, String>,
    target: &ModuleVersion,
) -> Result<Edited, String> {
    let mut selected_root: HashMap<String, String> = HashMap::default();
    for r in roots {
        let cur = selected_root
            .entry(r.path.clone())
            .or_insert_with(|| r.version.clone());
        if cmp_version(&r.path, &r.version, cur) == Ordering::Greater {
            *cur = r.version.clone();
        }
    }
    selected_root.insert(target.path.clone(), target.version.clone());
    let exceeds = |m: &ModuleVersion| {
        m.path == target.path && cmp_version(&m.path, &m.version, &target.version).is_gt()
    };
    let mut rejected: HashSet<ModuleVersion> = HashSet::default();
    // The loop ends when no root changes; every change either lowers a root to a version never
    // tried before or raises one to a selected version, so it is finite, and the bound only
    // guards against a mistake turning it into a hang.
    for _ in 0..10_000 {
        let mut current: Vec<ModuleVersion> = selected_root
            .iter()
            .filter(|(_, v)| v.as_str() != NONE)
            .map(|(p, v)| ModuleVersion::new(p.clone(), v.clone()))
            .collect();
        mod_sort(&mut current);
        let mut unprune: HashSet<ModuleVersion> = HashSet::default();
        let graph = loop {
            let g = PrunedGraph::read(loader, root_mode, &current, &unprune);
            if root_mode == Pruning::Unpruned {
                break g;
            }
            let before = unprune.len();
            for p in selected_root.keys() {
                let v = g.selected(p);
                if v == NONE {
                    continue;
                }
                let m = ModuleVersion::new(p.clone(), v);
                if !g.required.contains_key(&m) && !g.failed.contains_key(&m) {
                    unprune.insert(m);
                }
            }
            if unprune.len() == before {
                break g;
            }
        };
        // A go.mod that needs a newer Go stops go get outright. For the target itself it is
        // the query's error ("P@V requires go >= ..."); below it, go reports the shortest
        // requirement chain to the first such module, as a build list error.
        if let Some((chain, e)) = graph.first_too_new() {
            let text = match chain.as_slice() {
                [only] if only == target => e
                    .message
                    .strip_prefix("module ")
                    .unwrap_or(&e.message)
                    .to_owned(),
                _ => {
                    let names: Vec<String> = chain.iter().map(ToString::to_string).collect();
                    format!("{}: {}", names.join(" requires\n\t"), e.message)
                }
            };
            return Err(text);
        }
        let pruning_of = |m: &ModuleVersion| match graph.pruning.get(m) {
            _ if root_mode == Pruning::Unpruned => Pruning::Unpruned,
            Some(Pruning::Unpruned) => Pruning::Unpruned,
            _ => Pruning::Pruned,
        };
        let mut t = Tracker::default();
        for m in current.iter().chain(unprune.iter()) {
            t.root_pruning.insert(m.clone(), pruning_of(m));
        }
        for m in graph.breadth_first() {
            if exceeds(&m) {
                t.disqualify(&m, Pruning::Pruned, m.clone());
                continue;
            }
            if graph.failed.contains_key(&m) {
                t.disqualify(&m, Pruning::Pruned, m.clone());
                continue;
            }
            let Some(reqs) = graph.required.get(&m) else {
                continue;
            };
            if let Some(r) = reqs.iter().find(|r| exceeds(r)) {
                t.disqualify(&m, Pruning::Pruned, r.clone());
                continue;
            }
            for r in reqs {
                if !t.require(&m, r) {
                    break;
                }
            }
        }
        let mut dirty = false;
        for m in &current {
            let rp = t.root_pruning.get(m).copied().unwrap_or(Pruning::Pruned);
            if !t.is_disqualified_root(m, rp) {
                continue;
            }
            if m.path == target.path && m.version == target.version {
                return Err(conflict_text(&graph, &t, m, target, rp));
            }
            let sel = graph.selected(&m.path);
            if sel != m.version {
                let u = ModuleVersion::new(m.path.clone(), sel);
                if !t.check(&u, rp) && !rejected.contains(&u) {
                    continue;
                }
            }
            let orig = original.get(&m.path).map(String::as_str).unwrap_or(NONE);
            rejected.insert(m.clone());
            let mut prev = m.clone();
            loop {
                prev = previous(loader, &prev);
                if cmp_version(&m.path, &m.version, orig).is_gt()
                    && cmp_version(&m.path, &prev.version, orig).is_lt()
                {
                    prev.version = orig.to_owned();
                }
                if prev.version != NONE && rejected.contains(&prev) {
                    continue;
                }
                if prev.version != NONE && t.check(&prev, pruning_of(m)) {
                    rejected.insert(prev.clone());
                    continue;
                }
                break;
            }
            selected_root.insert(m.path.clone(), prev.version);
            dirty = true;
        }
        if dirty {
            continue;
        }
        for (p, v) in selected_root.iter_mut() {
            if *p == target.path {
                continue;
            }
            let actual = graph.selected(p);
            if actual != v.as_str() {
                *v = actual.to_owned();
                dirty = true;
            }
        }
        if dirty {
            continue;
        }
        let mut build_list = vec![main.clone()];
        let mut rest: Vec<ModuleVersion> = graph
            .selected
            .iter()
            .filter(|(p, v)| {
                v.as_str() != NONE && *p != &main.path && *p != "go" && *p != "toolchain"
            })
            .map(|(p, v)| ModuleVersion::new(p.clone(), v.clone()))
            .collect();
        mod_sort(&mut rest);
        build_list.extend(rest);
        return Ok(Edited {
            roots: current,
            build_list,
        });
    }
    Err("go get did not settle on a set of requirements".to_owned())
}

/// The go command's text for a requested version that cannot be selected: `go get` names the
/// requested root, the module on the disqualifying chain that needs too much (or failed to
/// load), and the requested version.
fn conflict_text(
    graph: &PrunedGraph,
    t: &Tracker,
    m: &ModuleVersion,
    target: &ModuleVersion,
    pruning: Pruning,
) -> String {
    let mut chain = vec![m.clone()];
    let mut cur = m.clone();
    let mut view = pruning;
    let mut err = None;
    while chain.len() <= 10_000 {
        if t.root_pruning.get(&cur) == Some(&Pruning::Unpruned) {
            view = Pruning::Unpruned;
        }
        let Some(dep) = t.reason.get(&cur).and_then(|d| d.from(view)).cloned() else {
            break;
        };
        if dep == cur {
            err = graph.failed.get(&cur).cloned();
            break;
        }
        chain.push(dep.clone());
        cur = dep;
    }
    let adverb = if chain.len() > 2 { "indirectly " } else { "" };
    let first = format!("{}@{}", m.path, m.version);
    let last = chain
        .last()
        .map(|l| format!("{}@{}", l.path, l.version))
        .unwrap_or_default();
    match err {
        Some(e) => {
            let text = match &e.module {
                Some(em) if em == &cur => e.message.clone(),
                // A module error without a version (a directory replacement) reads
                // "module DIR: ...", as module.ModuleError prints it.
                Some(em) if em.version.is_empty() => format!("module {}: {}", em.path, e.message),
                _ => e.to_string(),
            };
            format!("{first} {adverb}requires {last}: {text}")
        }
        None => format!(
            "{first} {adverb}requires {last}, not {}@{}",
            target.path, target.version
        ),
    }
}
