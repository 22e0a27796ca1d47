//! Minimal Version Selection over an abstract requirement graph
//! (cmd/go/internal/mvs/mvs.go).
//!
//! This is the generic engine: it knows nothing about go.mod files, replacements or pruning. A
//! caller describes the world through [`Reqs`] (the requirement list of a module version, and how
//! versions of one path compare) and gets back build lists, minimal requirement lists, upgrades and
//! downgrades with the same results the go command's `mvs` package computes. The go command's own
//! graph (`super::graph`'s `ModuleGraph`) reuses [`Graph`] for the incremental part.
//!
//! Everything is iterative (no recursion on graph depth), so a very deep or cyclic requirement
//! chain cannot exhaust the stack.

use std::cmp::Ordering;
use std::collections::VecDeque;

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::modfile::ModuleVersion;
use std::rc::Rc;

/// The version string that means "not selected / no version".
pub const NONE: &str = "none";

/// How versions of one module path are ordered. A plain function pointer keeps [`Graph`] free of
/// generics and lifetimes.
pub type CmpFn = fn(path: &str, a: &str, b: &str) -> Ordering;

/// The world MVS works on.
pub trait Reqs {
    type Error: Clone;
    /// Orders two versions of `path` (the target's version must be the greatest of its path).
    fn compare(&self, path: &str, a: &str, b: &str) -> Ordering;
    /// The requirement list of `m` (never called for version `none`).
    fn required(&mut self, m: &ModuleVersion) -> Result<Vec<ModuleVersion>, Self::Error>;
    /// The version `upgrade_all` moves `m` to (usually the latest).
    fn upgrade(&mut self, m: &ModuleVersion) -> Result<ModuleVersion, Self::Error> {
        Ok(m.clone())
    }
    /// The next lower version of `m` (version `none` when there is none), for `downgrade`.
    fn previous(&mut self, m: &ModuleVersion) -> Result<ModuleVersion, Self::Error>;
}

/// An incremental requirement graph: roots, the requirement lists recorded so far, and the
/// highest version seen for every path.
#[derive(Clone, Debug)]
pub struct Graph {
    cmp: CmpFn,
    roots: Vec<ModuleVersion>,
    required: HashMap<ModuleVersion, Rc<[ModuleVersion]>>,
    /// Every reachable node; `true` for roots.
    is_root: HashMap<ModuleVersion, bool>,
    selected: HashMap<String, String>,
}

impl Graph {
    pub fn new(cmp: CmpFn, roots: Vec<ModuleVersion>) -> Graph {
        let mut g = Graph {
            cmp,
            roots: Vec::new(),
            required: HashMap::default(),
            is_root: HashMap::default(),
            selected: HashMap::default(),
        };
        for m in &roots {
            g.is_root.insert(m.clone(), true);
            g.raise(m);
        }
        g.roots = roots;
        g
    }

    fn raise(&mut self, m: &ModuleVersion) {
        let higher = match self.selected.get(&m.path) {
            // The same version again is common and needs no comparison.
            Some(cur) if *cur == m.version => false,
            Some(cur) => (self.cmp)(&m.path, cur, &m.version) == Ordering::Less,
            None => (self.cmp)(&m.path, NONE, &m.version) == Ordering::Less,
        };
        if higher {
            self.selected.insert(m.path.clone(), m.version.clone());
        }
    }

    pub fn roots(&self) -> &[ModuleVersion] {
        &self.roots
    }

    /// Records the requirements of `m`. Returns false (and records nothing) if `m` is not
    /// reachable or already has requirements; the go command treats both as internal errors.
    pub fn require(&mut self, m: &ModuleVersion, reqs: impl Into<Rc<[ModuleVersion]>>) -> bool {
        let reqs: Rc<[ModuleVersion]> = reqs.into();
        if !self.is_root.contains_key(m) || self.required.contains_key(m) {
            return false;
        }
        for dep in reqs.iter() {
            if !self.is_root.contains_key(dep) {
                self.is_root.insert(dep.clone(), false);
            }
            self.raise(dep);
        }
        self.required.insert(m.clone(), reqs);
        true
    }

    /// The requirement list of `m`, if it was loaded.
    pub fn required_by(&self, m: &ModuleVersion) -> Option<&[ModuleVersion]> {
        self.required.get(m).map(|r| &**r)
    }

    /// Whether `m` is a node of the graph (a root or a requirement of a loaded node).
    pub fn is_reachable(&self, m: &ModuleVersion) -> bool {
        self.is_root.contains_key(m)
    }

    /// The highest version of `path` among the reachable nodes, or `none`.
    pub fn selected(&self, path: &str) -> &str {
        self.selected.get(path).map(String::as_str).unwrap_or(NONE)
    }

    /// The selected version of each root path in root order, then every other selected path
    /// sorted by path.
    pub fn build_list(&self) -> Vec<ModuleVersion> {
        let mut seen_root: HashSet<&str> = HashSet::default();
        let mut list = Vec::new();
        for r in &self.roots {
            if !seen_root.insert(r.path.as_str()) {
                continue;
            }
            let v = self.selected(&r.path);
            if v != NONE {
                list.push(ModuleVersion::new(r.path.clone(), v));
            }
        }
        let mut rest: Vec<ModuleVersion> = self
            .selected
            .iter()
            .filter(|(p, _)| !seen_root.contains(p.as_str()))
            .map(|(p, v)| ModuleVersion::new(p.clone(), v.clone()))
            .collect();
        crate::sort::sort_by(&mut rest, |a, b| a.path.cmp(&b.path));
        list.extend(rest);
        list
    }

    /// Visits every reachable node (except version `none`) once, breadth first from the roots.
    pub fn walk_breadth_first(&self, mut f: impl FnMut(&ModuleVersion)) {
        let mut queue: VecDeque<&ModuleVersion> = VecDeque::new();
        let mut enqueued: HashSet<&ModuleVersion> = HashSet::default();
        for m in &self.roots {
            if m.version != NONE && enqueued.insert(m) {
                queue.push_back(m);
            }
        }
        while let Some(m) = queue.pop_front() {
            f(m);
            if let Some(reqs) = self.required.get(m) {
                for r in reqs.iter() {
                    if r.version != NONE && enqueued.insert(r) {
                        queue.push_back(r);
                    }
                }
            }
        }
    }

    /// The shortest path (fewest edges, first found in breadth-first order) from a root to a node
    /// satisfying `pred`, root first.
    pub fn find_path(&self, mut pred: impl FnMut(&ModuleVersion) -> bool) -> Vec<ModuleVersion> {
        let mut first_requires: HashMap<&ModuleVersion, Option<&ModuleVersion>> =
            HashMap::default();
        let mut queue: VecDeque<&ModuleVersion> = VecDeque::new();
        for m in &self.roots {
            queue.push_back(m);
            first_requires.insert(m, None);
        }
        while let Some(m) = queue.pop_front() {
            if pred(m) {
                let mut path = vec![m.clone()];
                let mut cur = m;
                while let Some(Some(prev)) = first_requires.get(cur) {
                    path.push((*prev).clone());
                    cur = prev;
                }
                path.reverse();
                return path;
            }
            if let Some(reqs) = self.required.get(m) {
                for r in reqs.iter() {
                    if !first_requires.contains_key(r) {
                        first_requires.insert(r, Some(m));
                        queue.push_back(r);
                    }
                }
            }
        }
        Vec::new()
    }
}

/// One step of a requirement chain in an error: the module and how it leads to the next one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainStep {
    pub module: ModuleVersion,
    /// `requires`, or `updating to` for an upgrade edge; empty for the last step.
    pub reason: &'static str,
}

/// A failure to load some module of the graph, with the chain of requirements leading to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildListError<E> {
    pub err: E,
    pub stack: Vec<ChainStep>,
}

impl<E> BuildListError<E> {
    pub fn new(
        err: E,
        path: &[ModuleVersion],
        is_version_change: impl Fn(&ModuleVersion, &ModuleVersion) -> bool,
    ) -> BuildListError<E> {
        let mut stack = Vec::with_capacity(path.len());
        for (i, m) in path.iter().enumerate() {
            let reason = match path.get(i + 1) {
                Some(next) if is_version_change(m, next) => "updating to",
                Some(_) => "requires",
                None => "",
            };
            stack.push(ChainStep {
                module: m.clone(),
                reason,
            });
        }
        BuildListError { err, stack }
    }

    /// The module whose load failed.
    pub fn module(&self) -> Option<&ModuleVersion> {
        self.stack.last().map(|s| &s.module)
    }

    /// The chain as go prints it, without the leading main-module elements: each step but the
    /// last followed by `<reason>\n\t`. `last` formats the final element with the error.
    pub fn render(
        &self,
        last: impl FnOnce(&ModuleVersion, &E) -> String,
        whole: impl FnOnce(&E) -> String,
    ) -> String {
        let start = self.stack.iter().position(|s| !s.module.version.is_empty());
        let Some(start) = start else {
            return whole(&self.err);
        };
        let stack = self.stack.get(start..).unwrap_or_default();
        let mut out = String::new();
        let Some((final_step, chain)) = stack.split_last() else {
            return whole(&self.err);
        };
        for step in chain {
            out.push_str(&format!("{} {}\n\t", step.module, step.reason));
        }
        out.push_str(&last(&final_step.module, &self.err));
        out
    }
}

/// The extra edge `upgrade_all` and `upgrade` add to every visited module.
type UpgradeFn<'f, R> =
    dyn FnMut(&mut R, &ModuleVersion) -> Result<ModuleVersion, <R as Reqs>::Error> + 'f;

/// Explores the graph from `targets`, optionally adding an upgrade edge to every node.
fn build_list_with<R: Reqs>(
    targets: &[ModuleVersion],
    reqs: &mut R,
    mut upgrade: Option<&mut UpgradeFn<'_, R>>,
    cmp: CmpFn,
) -> Result<(Vec<ModuleVersion>, Graph), BuildListError<R::Error>> {
    let mut g = Graph::new(cmp, targets.to_vec());
    let mut upgrades: HashMap<ModuleVersion, ModuleVersion> = HashMap::default();
    let mut errs: HashMap<ModuleVersion, R::Error> = HashMap::default();
    let mut queue: VecDeque<ModuleVersion> = VecDeque::new();
    let mut seen: HashSet<ModuleVersion> = HashSet::default();
    for t in targets {
        if seen.insert(t.clone()) {
            queue.push_back(t.clone());
        }
    }
    while let Some(m) = queue.pop_front() {
        let mut err = None;
        let mut required = Vec::new();
        if m.version != NONE {
            match reqs.required(&m) {
                Ok(list) => required = list,
                Err(e) => err = Some(e),
            }
        }
        let mut u = m.clone();
        if let Some(up) = upgrade.as_mut() {
            match up(reqs, &m) {
                Ok(to) => u = to,
                Err(e) => {
                    if err.is_none() {
                        err = Some(e);
                    }
                }
            }
        }
        if let Some(e) = err {
            errs.insert(m.clone(), e);
        }
        if u != m {
            required.insert(0, u.clone());
            upgrades.insert(m.clone(), u);
        }
        for r in &required {
            if seen.insert(r.clone()) {
                queue.push_back(r.clone());
            }
        }
        g.require(&m, required);
    }
    if !errs.is_empty() {
        let path = g.find_path(|m| errs.contains_key(m));
        if let Some(last) = path.last() {
            if let Some(e) = errs.get(last) {
                let e = e.clone();
                return Err(BuildListError::new(e, &path, |from, to| {
                    upgrades.get(from) == Some(to)
                }));
            }
        }
    }
    let list = g.build_list();
    Ok((list, g))
}

/// The build list of `targets`: the targets first, then every other selected module by path.
/// `cmp` must order versions the same way as `reqs.compare` (the graph keeps a plain function).
pub fn build_list_cmp<R: Reqs>(
    targets: &[ModuleVersion],
    reqs: &mut R,
    cmp: CmpFn,
) -> Result<Vec<ModuleVersion>, BuildListError<R::Error>> {
    build_list_with(targets, reqs, None, cmp).map(|(list, _)| list)
}

/// A [`Reqs`] whose `target` has a different requirement list.
struct Override<'a, R: Reqs> {
    target: ModuleVersion,
    list: Vec<ModuleVersion>,
    inner: &'a mut R,
}

impl<R: Reqs> Reqs for Override<'_, R> {
    type Error = R::Error;
    fn compare(&self, path: &str, a: &str, b: &str) -> Ordering {
        self.inner.compare(path, a, b)
    }
    fn required(&mut self, m: &ModuleVersion) -> Result<Vec<ModuleVersion>, R::Error> {
        if *m == self.target {
            return Ok(self.list.clone());
        }
        self.inner.required(m)
    }
    fn upgrade(&mut self, m: &ModuleVersion) -> Result<ModuleVersion, R::Error> {
        self.inner.upgrade(m)
    }
    fn previous(&mut self, m: &ModuleVersion) -> Result<ModuleVersion, R::Error> {
        self.inner.previous(m)
    }
}

/// The minimal requirement list for `main` that reproduces its build list, always listing the
/// paths in `base` (mvs.go's `Req`).
pub fn req<R: Reqs>(
    main: &ModuleVersion,
    base: &[String],
    reqs: &mut R,
    cmp: CmpFn,
) -> Result<Vec<ModuleVersion>, BuildListError<R::Error>> {
    let list = build_list_cmp(std::slice::from_ref(main), reqs, cmp)?;
    let max: HashMap<&str, &str> = list
        .iter()
        .map(|m| (m.path.as_str(), m.version.as_str()))
        .collect();

    // Post-order over requirement lists, caching them; the main module's own list counts as
    // empty so that only the other modules' requirements imply anything.
    let mut req_cache: HashMap<ModuleVersion, Vec<ModuleVersion>> = HashMap::default();
    req_cache.insert(main.clone(), Vec::new());
    let mut postorder: Vec<ModuleVersion> = Vec::new();
    for start in &list {
        if req_cache.contains_key(start) {
            continue;
        }
        // Each frame is a module and the index of its next requirement to visit.
        let first = reqs
            .required(start)
            .map_err(|e| BuildListError::new(e, std::slice::from_ref(start), |_, _| false))?;
        req_cache.insert(start.clone(), first);
        let mut stack: Vec<(ModuleVersion, usize)> = vec![(start.clone(), 0)];
        while let Some((m, i)) = stack.pop() {
            let next = req_cache.get(&m).and_then(|l| l.get(i)).cloned();
            match next {
                Some(child) => {
                    stack.push((m, i + 1));
                    if !req_cache.contains_key(&child) {
                        let l = reqs.required(&child).map_err(|e| {
                            BuildListError::new(e, std::slice::from_ref(&child), |_, _| false)
                        })?;
                        req_cache.insert(child.clone(), l);
                        stack.push((child, 0));
                    }
                }
                None => postorder.push(m),
            }
        }
    }

    let mut have: HashSet<ModuleVersion> = HashSet::default();
    let walk = |have: &mut HashSet<ModuleVersion>, m: ModuleVersion| {
        let mut stack = vec![m];
        while let Some(m) = stack.pop() {
            if have.contains(&m) {
                continue;
            }
            if let Some(l) = req_cache.get(&m) {
                stack.extend(l.iter().cloned());
            }
            have.insert(m);
        }
    };
    let mut min: Vec<ModuleVersion> = Vec::new();
    let mut have_base: HashSet<&str> = HashSet::default();
    for path in base {
        if !have_base.insert(path.as_str()) {
            continue;
        }
        let m = ModuleVersion::new(path.clone(), max.get(path.as_str()).copied().unwrap_or(""));
        min.push(m.clone());
        walk(&mut have, m);
    }
    for m in postorder.iter().rev() {
        if max.get(m.path.as_str()).copied() != Some(m.version.as_str()) {
            continue;
        }
        if !have.contains(m) {
            min.push(m.clone());
            walk(&mut have, m.clone());
        }
    }
    crate::sort::sort_by(&mut min, |a, b| a.path.cmp(&b.path));
    Ok(min)
}

/// The build list after upgrading every module to `Reqs::upgrade` (the target stays as it is):
/// go's `mvs.UpgradeAll`, behind `go get -u`. The playground offers no `-u`, so only the mvs
/// script cases (`testdata/resolve/mvs`, `upgrade*`) run it, checking the port stays whole.
#[cfg_attr(
    not(test),
    expect(
        dead_code,
        reason = "the playground has no `go get -u`; the mvs script cases test it"
    )
)]
pub fn upgrade_all<R: Reqs>(
    target: &ModuleVersion,
    reqs: &mut R,
    cmp: CmpFn,
) -> Result<Vec<ModuleVersion>, BuildListError<R::Error>> {
    let t = target.clone();
    let mut up = move |r: &mut R, m: &ModuleVersion| -> Result<ModuleVersion, R::Error> {
        if m.path == t.path {
            return Ok(t.clone());
        }
        r.upgrade(m)
    };
    build_list_with(std::slice::from_ref(target), reqs, Some(&mut up), cmp).map(|(l, _)| l)
}

/// The build list after upgrading the given modules (paths not yet required are added).
pub fn upgrade<R: Reqs>(
    target: &ModuleVersion,
    reqs: &mut R,
    upgrades: &[ModuleVersion],
    cmp: CmpFn,
) -> Result<Vec<ModuleVersion>, BuildListError<R::Error>> {
    let mut list = reqs
        .required(target)
        .map_err(|e| BuildListError::new(e, std::slice::from_ref(target), |_, _| false))?;
    let in_list: HashSet<String> = list.iter().map(|m| m.path.clone()).collect();
    let mut upgrade_to: HashMap<String, String> = HashMap::default();
    for u in upgrades {
        if !in_list.contains(&u.path) && !upgrade_to.contains_key(&u.path) {
            list.push(ModuleVersion::new(u.path.clone(), NONE));
        }
        let v = match upgrade_to.get(&u.path) {
            Some(prev) if reqs.compare(&u.path, prev, &u.version) != Ordering::Less => prev.clone(),
            _ => u.version.clone(),
        };
        upgrade_to.insert(u.path.clone(), v);
    }
    let mut over = Override {
        target: target.clone(),
        list,
        inner: reqs,
    };
    let mut up =
        move |_: &mut Override<'_, R>, m: &ModuleVersion| -> Result<ModuleVersion, R::Error> {
            match upgrade_to.get(&m.path) {
                Some(v) => Ok(ModuleVersion::new(m.path.clone(), v.clone())),
                None => Ok(m.clone()),
            }
        };
    build_list_with(std::slice::from_ref(target), &mut over, Some(&mut up), cmp).map(|(l, _)| l)
}

/// The build list after downgrading the given modules (version `none` removes a path), lowering
/// whatever requires a version above the new limits (mvs.go's `Downgrade`).
pub fn downgrade<R: Reqs>(
    target: &ModuleVersion,
    reqs: &mut R,
    downgrades: &[ModuleVersion],
    cmp: CmpFn,
) -> Result<Vec<ModuleVersion>, BuildListError<R::Error>> {
    let full = build_list_cmp(std::slice::from_ref(target), reqs, cmp)?;
    let list: Vec<ModuleVersion> = full.into_iter().skip(1).collect();
    let mut max: HashMap<String, String> = list
        .iter()
        .map(|m| (m.path.clone(), m.version.clone()))
        .collect();
    for d in downgrades {
        let lower = match max.get(&d.path) {
            Some(v) => reqs.compare(&d.path, v, &d.version) == Ordering::Greater,
            None => true,
        };
        if lower {
            max.insert(d.path.clone(), d.version.clone());
        }
    }

    let mut dg = Downgrader {
        added: HashSet::default(),
        rdeps: HashMap::default(),
        excluded: HashSet::default(),
        max,
    };
    let mut downgraded: Vec<ModuleVersion> = vec![target.clone()];
    'list: for r0 in &list {
        let mut r = r0.clone();
        dg.add(reqs, &r);
        while dg.excluded.contains(&r) {
            let mut p = reqs
                .previous(&r)
                .map_err(|e| BuildListError::new(e, std::slice::from_ref(&r), |_, _| false))?;
            if let Some(v) = dg.max.get(&r.path) {
                // If the limit lies strictly between the previous version and r, use the limit.
                if reqs.compare(&r.path, &r.version, v) == Ordering::Greater
                    && reqs.compare(&r.path, &p.version, v) == Ordering::Less
                {
                    p.version = v.clone();
                }
            }
            if p.version == NONE {
                continue 'list;
            }
            dg.add(reqs, &p);
            r = p;
        }
        downgraded.push(r);
    }

    let actual = {
        let mut over = Override {
            target: target.clone(),
            list: downgraded,
            inner: reqs,
        };
        build_list_cmp(std::slice::from_ref(target), &mut over, cmp)?
    };
    let actual_version: HashMap<&str, &str> = actual
        .iter()
        .map(|m| (m.path.as_str(), m.version.as_str()))
        .collect();
    let kept: Vec<ModuleVersion> = list
        .iter()
        .filter_map(|m| {
            actual_version
                .get(m.path.as_str())
                .map(|v| ModuleVersion::new(m.path.clone(), *v))
        })
        .collect();
    let mut over = Override {
        target: target.clone(),
        list: kept,
        inner: reqs,
    };
    build_list_cmp(std::slice::from_ref(target), &mut over, cmp)
}

/// The bookkeeping of `downgrade`: which module versions were visited, who requires them, and
/// which are excluded because they (or something they require) exceed the limits.
struct Downgrader {
    added: HashSet<ModuleVersion>,
    rdeps: HashMap<ModuleVersion, Vec<ModuleVersion>>,
    excluded: HashSet<ModuleVersion>,
    max: HashMap<String, String>,
}

impl Downgrader {
    fn exclude(&mut self, m: &ModuleVersion) {
        let mut stack = vec![m.clone()];
        while let Some(m) = stack.pop() {
            if !self.excluded.insert(m.clone()) {
                continue;
            }
            if let Some(ps) = self.rdeps.get(&m) {
                stack.extend(ps.iter().cloned());
            }
        }
    }

    /// Visits `m` and its requirements depth first, in the same order as a recursive walk: a
    /// module is excluded as soon as one of its requirements turns out excluded, and then its
    /// remaining requirements are not visited through it.
    fn add<R: Reqs>(&mut self, reqs: &mut R, m: &ModuleVersion) {
        struct Frame {
            m: ModuleVersion,
            list: Vec<ModuleVersion>,
            next: usize,
        }
        let mut stack: Vec<Frame> = Vec::new();
        if let Some(f) = self.enter(reqs, m) {
            stack.push(f_to(f, m));
        }
        fn f_to(list: Vec<ModuleVersion>, m: &ModuleVersion) -> Frame {
            Frame {
                m: m.clone(),
                list,
                next: 0,
            }
        }
        while let Some(top) = stack.last_mut() {
            // The child visited last (if any) has finished: record or propagate its exclusion.
            if top.next > 0 {
                if let Some(child) = top.list.get(top.next - 1).cloned() {
                    if self.excluded.contains(&child) {
                        let parent = top.m.clone();
                        stack.pop();
                        self.exclude(&parent);
                        continue;
                    }
                    self.rdeps.entry(child).or_default().push(top.m.clone());
                }
            }
            let Some(child) = top.list.get(top.next).cloned() else {
                stack.pop();
                continue;
            };
            top.next += 1;
            if let Some(list) = self.enter(reqs, &child) {
                stack.push(f_to(list, &child));
            }
        }
    }

    /// Marks `m` visited; returns its requirement list when its children must be walked.
    fn enter<R: Reqs>(&mut self, reqs: &mut R, m: &ModuleVersion) -> Option<Vec<ModuleVersion>> {
        if !self.added.insert(m.clone()) {
            return None;
        }
        if let Some(v) = self.max.get(&m.path) {
            if reqs.compare(&m.path, &m.version, v) == Ordering::Greater {
                self.exclude(m);
                return None;
            }
        }
        match reqs.required(m) {
            Ok(list) => Some(list),
            Err(_) => {
                self.exclude(m);
                None
            }
        }
    }
}
