//! The go command's module graph (cmd/go/internal/modload/buildlist.go): roots, loading with graph pruning, and the
//! `-mod=mod` fix-up of roots that are not selected.

use std::cmp::Ordering;
use std::collections::VecDeque;

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

use super::error::Error;
use super::loader::{LoadError, Loader, NodeSummary, Pruning};
use super::mvs::{self, BuildListError, Graph, Reqs, NONE};
use super::order::{cmp_version, mod_compare, mod_sort};
use crate::modfile::ModuleVersion;

/// The roots of the module graph and how to load below them (`modload.Requirements`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirements {
    pub pruning: Pruning,
    /// Sorted by path, then version.
    pub roots: Vec<ModuleVersion>,
    pub direct: HashSet<String>,
}

impl Requirements {
    pub fn new(
        pruning: Pruning,
        roots: Vec<ModuleVersion>,
        direct: HashSet<String>,
    ) -> Requirements {
        Requirements {
            pruning,
            roots,
            direct,
        }
    }

    /// The highest root version of `path` (main modules: the empty version).
    pub fn root_selected(&self, loader: &Loader<'_>, path: &str) -> Option<String> {
        if loader.mains.iter().any(|m| m.path == path) {
            return Some(String::new());
        }
        let mut best: Option<&str> = None;
        for r in self.roots.iter().filter(|r| r.path == path) {
            match best {
                Some(b) if mod_compare(path, b, &r.version) != Ordering::Less => {}
                _ => best = Some(&r.version),
            }
        }
        best.map(str::to_owned)
    }

    /// Whether a root names a main module or repeats a path.
    pub fn has_redundant_root(&self, loader: &Loader<'_>) -> bool {
        self.roots.iter().enumerate().any(|(i, m)| {
            loader.mains.iter().any(|mm| mm.path == m.path)
                || (i > 0 && self.roots.get(i - 1).is_some_and(|p| p.path == m.path))
        })
    }
}

/// A loaded module graph.
#[derive(Clone, Debug)]
pub struct ModuleGraph {
    pub g: Graph,
    /// The nodes whose requirement lists were read (successfully or not).
    pub loaded: HashMap<ModuleVersion, Result<Rc<NodeSummary>, LoadError>>,
    pub error: Option<BuildListError<LoadError>>,
}

impl ModuleGraph {
    pub fn selected(&self, path: &str) -> &str {
        self.g.selected(path)
    }

    pub fn build_list(&self) -> Vec<ModuleVersion> {
        self.g.build_list()
    }

    fn all_roots_selected(&self, loader: &Loader<'_>) -> bool {
        let roots: Vec<ModuleVersion> = if loader.workspace {
            loader.main_versions()
        } else {
            loader
                .main_versions()
                .first()
                .and_then(|m| self.g.required_by(m))
                .map(<[ModuleVersion]>::to_vec)
                .unwrap_or_default()
        };
        roots.iter().all(|m| self.selected(&m.path) == m.version)
    }
}

/// `readModGraph`: loads the graph below `roots` with the given pruning.
pub fn read_mod_graph(
    loader: &mut Loader<'_>,
    pruning: Pruning,
    roots: &[ModuleVersion],
) -> ModuleGraph {
    let graph_roots = if pruning == Pruning::Workspace {
        roots.to_vec()
    } else {
        loader.main_versions()
    };
    let mut mg = ModuleGraph {
        g: Graph::new(cmp_version, graph_roots),
        loaded: HashMap::default(),
        error: None,
    };
    if pruning != Pruning::Workspace {
        if let Some(main) = loader.main_versions().first() {
            mg.g.require(main, roots.to_vec());
        }
    }

    let mut queued: HashMap<ModuleVersion, u8> = HashMap::default();
    let mut queue: VecDeque<(ModuleVersion, Pruning)> = VecDeque::new();
    for m in roots {
        enqueue(&mut queued, &mut queue, m, pruning);
    }
    drain(loader, &mut mg, &mut queued, &mut queue);

    if pruning == Pruning::Workspace {
        // A module whose requirements are selected at a higher version than it asks for may
        // provide packages from that higher version, so its go.mod is loaded too; repeat until
        // nothing new turns up.
        // Paths in first-seen order (the order does not change the result), with a set for
        // membership.
        let mut has_deps_in_all: Vec<String> = Vec::new();
        let mut in_all: HashSet<String> = HashSet::default();
        for m in roots {
            if in_all.insert(m.path.clone()) {
                has_deps_in_all.push(m.path.clone());
            }
        }
        let mut seen: HashSet<ModuleVersion> = HashSet::default();
        loop {
            let mut needs: Vec<ModuleVersion> = Vec::new();
            let mut needed: HashSet<ModuleVersion> = HashSet::default();
            for p in &has_deps_in_all {
                let m = ModuleVersion::new(p.clone(), mg.selected(p));
                if !seen.contains(&m) {
                    if needed.insert(m.clone()) {
                        needs.push(m);
                    }
                    continue;
                }
                for r in mg.g.required_by(&m).unwrap_or_default() {
                    let s = ModuleVersion::new(r.path.clone(), mg.selected(&r.path));
                    if mod_compare(&r.path, &s.version, &r.version) == Ordering::Greater
                        && !seen.contains(&s)
                        && needed.insert(s.clone())
                    {
                        needs.push(s);
                    }
                }
            }
            if needs.is_empty() {
                break;
            }
            for p in needs {
                enqueue(&mut queued, &mut queue, &p, Pruning::Workspace);
                seen.insert(p.clone());
                if in_all.insert(p.path.clone()) {
                    has_deps_in_all.push(p.path.clone());
                }
            }
            drain(loader, &mut mg, &mut queued, &mut queue);
        }
    }

    if mg.loaded.values().any(|r| r.is_err()) {
        let path = mg.g.find_path(|m| matches!(mg.loaded.get(m), Some(Err(_))));
        if let Some(Some(Err(e))) = path.last().map(|m| mg.loaded.get(m)) {
            mg.error = Some(BuildListError::new(e.clone(), &path, |_, _| false));
        }
    }
    mg
}

fn enqueue(
    queued: &mut HashMap<ModuleVersion, u8>,
    queue: &mut VecDeque<(ModuleVersion, Pruning)>,
    m: &ModuleVersion,
    pruning: Pruning,
) {
    if m.version == NONE {
        return;
    }
    // One bit per pruning mode: a module is loaded once per mode it is reached in.
    let bit = match pruning {
        Pruning::Pruned => 1,
        Pruning::Unpruned => 2,
        Pruning::Workspace => 4,
    };
    match queued.get_mut(m) {
        Some(bits) if *bits & bit != 0 => {}
        Some(bits) => {
            *bits |= bit;
            queue.push_back((m.clone(), pruning));
        }
        None => {
            queued.insert(m.clone(), bit);
            queue.push_back((m.clone(), pruning));
        }
    }
}

fn drain(
    loader: &mut Loader<'_>,
    mg: &mut ModuleGraph,
    queued: &mut HashMap<ModuleVersion, u8>,
    queue: &mut VecDeque<(ModuleVersion, Pruning)>,
) {
    while let Some((m, pruning)) = queue.pop_front() {
        let summary = match mg.loaded.get(&m) {
            Some(r) => r.clone(),
            None => {
                let r = loader.summary(&m);
                if let Ok(s) = &r {
                    mg.g.require(&m, Rc::clone(&s.require));
                }
                // The queue's copy of the module becomes the key: nothing below needs it.
                mg.loaded.insert(m, r.clone());
                r
            }
        };
        let Ok(summary) = summary else {
            continue;
        };
        let next = if pruning == Pruning::Unpruned {
            Pruning::Unpruned
        } else {
            summary.pruning
        };
        for r in summary.require.iter() {
            if pruning != Pruning::Pruned || summary.pruning == Pruning::Unpruned {
                enqueue(queued, queue, r, next);
            }
        }
    }
}

/// The outcome of loading for a command.
pub struct Loaded {
    pub rs: Requirements,
    pub mg: ModuleGraph,
}

/// A failure while loading: the error text (without the `go: ` prefix) and, when the failure
/// came from the module graph itself, the graph as far as it was loaded.
pub struct LoadFailure {
    pub error: Error,
    pub partial: Option<Box<Loaded>>,
}

/// The failure of a graph that records an error, or the graph back. The graph moves into the
/// failure rather than being copied: at 200,000 modules the copy was a tenth of `go list`.
fn graph_failure(rs: Requirements, mg: ModuleGraph) -> Result<Loaded, LoadFailure> {
    match &mg.error {
        Some(e) => Err(LoadFailure {
            error: render_build_list_error(e),
            partial: Some(Box::new(Loaded { rs, mg })),
        }),
        None => Ok(Loaded { rs, mg }),
    }
}

/// A graph error with the text go prints after `go: `, of the kind of the load that failed.
pub fn render_build_list_error(e: &BuildListError<LoadError>) -> Error {
    let text = e.render(
        |m, err| match &err.module {
            Some(actual) if actual == m => format!("{actual}: {}", err.message),
            Some(actual) => format!("{m} (replaced by {actual}): {}", err.message),
            None => format!("{m}: {}", err.message),
        },
        |err| err.to_string(),
    );
    Error::new(e.err.kind, text)
}

/// `expandGraph` after the roots are known: loads the graph and, if some root is not selected,
/// updates the roots as `-mod=mod` does.
pub fn expand_graph(loader: &mut Loader<'_>, rs: Requirements) -> Result<Loaded, LoadFailure> {
    let mg = read_mod_graph(loader, rs.pruning, &rs.roots);
    let Loaded { rs, mg } = graph_failure(rs, mg)?;
    if mg.all_roots_selected(loader) {
        return Ok(Loaded { rs, mg });
    }
    let new_rs = match update_roots(loader, &rs, Some(&mg)) {
        Ok(r) => r,
        Err(error) => {
            return Err(LoadFailure {
                error,
                partial: Some(Box::new(Loaded { rs, mg })),
            })
        }
    };
    let mg2 = read_mod_graph(loader, new_rs.pruning, &new_rs.roots);
    graph_failure(new_rs, mg2)
}

/// `updateRoots` with no packages and nothing to add, in `-mod=mod`.
pub fn update_roots(
    loader: &mut Loader<'_>,
    rs: &Requirements,
    loaded: Option<&ModuleGraph>,
) -> Result<Requirements, Error> {
    match rs.pruning {
        Pruning::Pruned => update_pruned_roots(loader, rs, loaded),
        Pruning::Unpruned => update_unpruned_roots(loader, rs, loaded),
        Pruning::Workspace => Ok(rs.clone()),
    }
}

/// Replaces every root by the version selected for its path, until that is stable.
fn update_pruned_roots(
    loader: &mut Loader<'_>,
    rs0: &Requirements,
    loaded: Option<&ModuleGraph>,
) -> Result<Requirements, Error> {
    let mut rs = rs0.clone();
    let mut upgraded = false;
    let mut roots: Vec<ModuleVersion> = rs.roots.clone();
    let mut current: Option<ModuleGraph> = loaded.cloned();
    loop {
        if upgraded {
            rs = Requirements::new(Pruning::Pruned, roots.clone(), rs.direct.clone());
            let mg = read_mod_graph(loader, Pruning::Pruned, &rs.roots);
            if let Some(e) = &mg.error {
                return Err(render_build_list_error(e));
            }
            current = Some(mg);
        }
        roots = Vec::with_capacity(rs.roots.len());
        upgraded = false;
        let mut in_root_paths: HashSet<String> =
            loader.mains.iter().map(|m| m.path.clone()).collect();
        for m in &rs.roots {
            if in_root_paths.contains(&m.path) {
                continue;
            }
            let v = match &current {
                Some(mg) => mg.selected(&m.path).to_owned(),
                None => rs.root_selected(loader, &m.path).unwrap_or_default(),
            };
            if v != m.version {
                upgraded = true;
            }
            roots.push(ModuleVersion::new(m.path.clone(), v));
            in_root_paths.insert(m.path.clone());
        }
        if !upgraded {
            break;
        }
    }
    if rs.pruning == Pruning::Pruned && roots == rs.roots {
        return Ok(rs);
    }
    Ok(Requirements::new(Pruning::Pruned, roots, rs.direct.clone()))
}

/// The main module's requirements for `mvs.Req` in `updateUnprunedRoots`: the main module
/// requires `keep`, everything else its go.mod requirements.
struct KeepReqs<'l, 'a> {
    loader: &'l mut Loader<'a>,
    keep: Vec<ModuleVersion>,
}

impl Reqs for KeepReqs<'_, '_> {
    type Error = LoadError;
    fn compare(&self, path: &str, a: &str, b: &str) -> Ordering {
        cmp_version(path, a, b)
    }
    fn required(&mut self, m: &ModuleVersion) -> Result<Vec<ModuleVersion>, LoadError> {
        if self.loader.is_main(m) {
            return Ok(self.keep.clone());
        }
        if m.version == NONE {
            return Ok(Vec::new());
        }
        self.loader.summary(m).map(|s| s.require.to_vec())
    }
    fn previous(&mut self, m: &ModuleVersion) -> Result<ModuleVersion, LoadError> {
        Ok(ModuleVersion::new(m.path.clone(), NONE))
    }
}

/// Recomputes the roots of an unpruned main module as the minimal list that keeps the build
/// list, the direct dependencies and the roots that are already selected.
fn update_unpruned_roots(
    loader: &mut Loader<'_>,
    rs: &Requirements,
    loaded: Option<&ModuleGraph>,
) -> Result<Requirements, Error> {
    let mg = match loaded {
        Some(mg) => mg.clone(),
        None => read_mod_graph(loader, rs.pruning, &rs.roots),
    };
    if let Some(e) = &mg.error {
        return Err(render_build_list_error(e));
    }
    let mut root_paths: Vec<String> = Vec::new();
    let mut in_root_paths: HashSet<String> = HashSet::default();
    for root in &rs.roots {
        if !in_root_paths.contains(&root.path) && mg.selected(&root.path) == root.version {
            root_paths.push(root.path.clone());
            in_root_paths.insert(root.path.clone());
        }
    }
    let n_main = loader.mains.len();
    let keep: Vec<ModuleVersion> = mg.build_list().into_iter().skip(n_main).collect();
    for m in &keep {
        if rs.direct.contains(&m.path) && !in_root_paths.contains(&m.path) {
            root_paths.push(m.path.clone());
            in_root_paths.insert(m.path.clone());
        }
    }
    let mut roots: Vec<ModuleVersion> = Vec::new();
    for main in loader.main_versions() {
        let mut reqs = KeepReqs {
            loader,
            keep: keep.clone(),
        };
        match mvs::req(&main, &root_paths, &mut reqs, cmp_version) {
            Ok(min) => roots.extend(min),
            Err(e) => return Err(render_build_list_error(&e)),
        }
    }
    if n_main > 1 {
        mod_sort(&mut roots);
    }
    Ok(Requirements::new(
        Pruning::Unpruned,
        roots,
        rs.direct.clone(),
    ))
}

/// `convertPruning` from unpruned to pruned: every module of the unpruned build list becomes a
/// root.
pub fn convert_to_pruned(
    loader: &mut Loader<'_>,
    rs: &Requirements,
) -> Result<Requirements, Error> {
    if rs.pruning == Pruning::Pruned {
        return Ok(rs.clone());
    }
    let mg = read_mod_graph(loader, rs.pruning, &rs.roots);
    if let Some(e) = &mg.error {
        return Err(render_build_list_error(e));
    }
    let roots: Vec<ModuleVersion> = mg
        .build_list()
        .into_iter()
        .skip(loader.mains.len())
        .collect();
    Ok(Requirements::new(Pruning::Pruned, roots, rs.direct.clone()))
}
