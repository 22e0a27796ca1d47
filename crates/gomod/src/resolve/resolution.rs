//! The structured result for the UI: the build list, every graph node and edge, what was
//! pruned, the errors, and the go.sum lines the graph needs
//! (`keepSums` in cmd/go/internal/modload/init.go).

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::command::{self, Cmd, Session};
use super::error::{Error, ErrorKind};
use super::graph::{read_mod_graph, Loaded};
use super::input::Input;
use super::loader::{Loader, Pruning};
use super::order::{compare_go, compare_mods, mod_sort};
use super::work;
use crate::modfile::ModuleVersion;

/// Where the dependency go.mod files came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Origin {
    /// go.mod files from a bundle, a proxy directory or another [`super::ModSource`].
    Source,
    /// A pasted `go mod graph` output: the build list is MVS over the given edges only.
    SuppliedGraph,
}

/// One module of the build list.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BuildListEntry {
    pub module: ModuleVersion,
    pub replacement: Option<ModuleVersion>,
    /// Required by a main module without `// indirect`.
    pub direct: bool,
    /// A root of the graph (a main module's requirement).
    pub root: bool,
}

/// One node of the requirement graph.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Node {
    pub module: ModuleVersion,
    /// Whether this node's version is the one MVS selected for its path.
    pub selected: bool,
    /// Whether its go.mod was read; false for pruned-out nodes.
    pub requirements_loaded: bool,
    /// The go line of the go.mod its requirements came from (after replacement), when read.
    pub go: String,
    /// The error loading its requirements, as go prints it for this module.
    pub error: Option<String>,
    pub replacement: Option<ModuleVersion>,
}

/// A go.sum line the go command needs: `path version/go.mod` (or the zip hash `path version`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SumNeed {
    pub module: ModuleVersion,
    /// The `h1:` hash, when the go.mod bytes are known.
    pub hash: Option<String>,
}

impl SumNeed {
    /// The go.sum line (`path version/go.mod h1:...`), when the hash is known.
    pub fn line(&self) -> Option<String> {
        self.hash
            .as_ref()
            .map(|h| format!("{} {}/go.mod {h}", self.module.path, self.module.version))
    }
}

/// The go.sum entries this graph needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SumNeeds {
    /// `/go.mod` hashes of every module version whose go.mod built the graph (after
    /// replacement; directories have none). Loading the graph fails without them in
    /// `-mod=readonly`. Sorted like go.sum.
    pub graph: Vec<SumNeed>,
    /// `/go.mod` hashes of the build list's modules not already in `graph` (`go list -m` reads
    /// them for their go versions, and commands that load packages keep them).
    pub build_list: Vec<SumNeed>,
    /// For go 1.17–1.20 main modules: the further `/go.mod` hashes of the unpruned graph that
    /// `go mod tidy` keeps for compatibility with the previous Go release.
    pub tidy_compat: Vec<SumNeed>,
    /// Modules of the build list (after replacement, not directories) whose zip hash is needed
    /// as soon as a package is imported from them.
    pub zip_if_imported: Vec<ModuleVersion>,
}

impl SumNeeds {
    /// The go.sum lines `go list -m all` (with `-mod=mod`) leaves behind: graph and build list.
    pub fn after_list(&self) -> Vec<String> {
        let mut all: Vec<&SumNeed> = self.graph.iter().chain(self.build_list.iter()).collect();
        crate::sort::sort_by(&mut all, |a, b| compare_mods(&a.module, &b.module));
        all.into_iter().filter_map(SumNeed::line).collect()
    }
}

/// Everything the resolver found.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    pub origin: Origin,
    pub main_modules: Vec<String>,
    /// How the graph was loaded, or `None` when no graph was (a fatal error came first, or
    /// the graph was pasted). Serialised as `pruned`, `unpruned`, `workspace` or `""`.
    #[serde(
        serialize_with = "serialize_pruning",
        deserialize_with = "crate::analyze::wire::pruning_name"
    )]
    pub pruning: Option<Pruning>,
    /// The roots after the `-mod=mod` fix-up (main requirements, `go@`, `toolchain@`).
    pub roots: Vec<ModuleVersion>,
    /// The selected go version (`go@` node), and toolchain if any.
    pub go: String,
    pub toolchain: String,
    /// `go list -m all` order, including main modules, without go/toolchain.
    pub build_list: Vec<BuildListEntry>,
    /// Every node in breadth-first order (the order of `go mod graph`).
    pub nodes: Vec<Node>,
    /// Every edge, in `go mod graph` order.
    pub edges: Vec<(ModuleVersion, ModuleVersion)>,
    /// The error that stops the go command, if any (the text after `go: `; a go.sum checksum
    /// mismatch, which go prints without that prefix, starts with `verifying `), with its kind.
    pub error: Option<Error>,
    /// Other messages (excluded requirements, workspace warnings).
    pub warnings: String,
    pub sums: SumNeeds,
}

/// `Resolution.pruning` as the JSON the web app and JS API have always had: a name, or `""`.
fn serialize_pruning<S: serde::Serializer>(
    pruning: &Option<Pruning>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(pruning.map_or("", Pruning::name))
}

/// Loads the input as `cmd` does and returns the structured result. A fatal error before the
/// graph exists (unreadable go.mod) gives an empty resolution with only `error` set.
pub fn resolve(input: &Input<'_>, cmd: Cmd) -> Resolution {
    let session = match &input.workspace {
        Some(ws) => work::load_workspace(input, ws),
        None => command::read_main(input).map(|file| command::load_single(input, file, cmd)),
    };
    match session {
        Ok(mut s) => from_session(&mut s, Origin::Source),
        Err(stderr) => Resolution {
            origin: Origin::Source,
            main_modules: Vec::new(),
            pruning: None,
            roots: Vec::new(),
            go: String::new(),
            toolchain: String::new(),
            build_list: Vec::new(),
            nodes: Vec::new(),
            edges: Vec::new(),
            error: Some(stderr.without_go_prefix()),
            warnings: String::new(),
            sums: SumNeeds::default(),
        },
    }
}

/// Builds the structured result from a loaded session.
pub fn from_session(session: &mut Session<'_>, origin: Origin) -> Resolution {
    let (loaded, error): (Option<&Loaded>, Option<Error>) = match &session.outcome {
        // A checksum mismatch stops the go command before it prints anything of the graph.
        _ if session.loader.fatal.is_some() => (
            None,
            session
                .loader
                .fatal
                .as_ref()
                .map(|f| Error::new(ErrorKind::ChecksumMismatch, f.trim_end())),
        ),
        Ok(l) => (Some(l), None),
        Err(f) => (f.partial.as_deref(), Some(f.error.clone())),
    };
    let loader = &mut session.loader;
    let main_modules: Vec<String> = loader.mains.iter().map(|m| m.path.clone()).collect();
    let mut res = Resolution {
        origin,
        main_modules,
        pruning: None,
        roots: Vec::new(),
        go: String::new(),
        toolchain: String::new(),
        build_list: Vec::new(),
        nodes: Vec::new(),
        edges: Vec::new(),
        error,
        warnings: loader.stderr.clone(),
        sums: SumNeeds::default(),
    };
    let Some(loaded) = loaded else {
        return res;
    };
    let mg = &loaded.mg;
    res.pruning = Some(loaded.rs.pruning);
    res.roots = loaded.rs.roots.clone();
    res.go = mg.selected("go").to_owned();
    let tc = mg.selected("toolchain");
    res.toolchain = if tc == super::mvs::NONE {
        String::new()
    } else {
        tc.to_owned()
    };
    let root_paths: HashSet<&str> = loaded.rs.roots.iter().map(|m| m.path.as_str()).collect();
    for m in mg
        .build_list()
        .into_iter()
        .filter(|m| m.path != "go" && m.path != "toolchain")
    {
        res.build_list.push(BuildListEntry {
            replacement: loader.replacement(&m),
            direct: loaded.rs.direct.contains(&m.path),
            root: root_paths.contains(m.path.as_str()),
            module: m,
        });
    }
    let g = &mg.g;
    let mut order: Vec<ModuleVersion> = Vec::new();
    g.walk_breadth_first(|m| order.push(m.clone()));
    for m in &order {
        for r in g.required_by(m).unwrap_or_default() {
            res.edges.push((m.clone(), r.clone()));
        }
        let error = match mg.loaded.get(m) {
            Some(Err(e)) => Some(
                super::graph::render_build_list_error(&super::mvs::BuildListError::new(
                    e.clone(),
                    std::slice::from_ref(m),
                    |_, _| false,
                ))
                .into_text(),
            ),
            _ => None,
        };
        let go = match mg.loaded.get(m) {
            Some(Ok(s)) => s.go.clone(),
            _ => String::new(),
        };
        res.nodes.push(Node {
            go,
            selected: g.selected(&m.path) == m.version,
            requirements_loaded: mg.loaded.contains_key(m),
            error,
            replacement: loader.replacement(m),
            module: m.clone(),
        });
    }
    res.sums = sum_needs(loader, loaded);
    res
}

/// The go.sum needs of a loaded graph (`keepSums` in cmd/go/internal/modload/init.go).
fn sum_needs(loader: &mut Loader<'_>, loaded: &Loaded) -> SumNeeds {
    let mut seen: HashSet<ModuleVersion> = HashSet::default();
    let mut nodes: Vec<ModuleVersion> = loaded
        .mg
        .loaded
        .iter()
        .filter(|(_, r)| r.is_ok())
        .map(|(m, _)| m.clone())
        .collect();
    crate::sort::sort(&mut nodes);
    let graph = needs_of(loader, &nodes, &mut seen);
    // `go list -m` reads the go.mod of each build-list module for its go version, but for a
    // module replaced by another module version it reads the replacement's go.mod only when
    // the go version is not known already; go.sum keeps what was read.
    let listed: Vec<ModuleVersion> = loaded
        .mg
        .build_list()
        .into_iter()
        .filter(|m| match loader.replacement(m) {
            Some(r) if !r.version.is_empty() => {
                loader.was_fetched(&r) || !loader.knows_go_version(m)
            }
            _ => true,
        })
        .collect();
    let build_list = needs_of(loader, &listed, &mut seen);
    let mut tidy_compat = Vec::new();
    // A go 1.17–1.20 main module is tidied for compatibility with the previous release, which
    // read the whole unpruned graph: those go.mod sums are kept as well.
    if !loader.workspace {
        let main_go = loader
            .mains
            .first()
            .map(|m| m.file.go.clone())
            .unwrap_or_default();
        if !main_go.is_empty()
            && loaded.rs.pruning == Pruning::Pruned
            && compare_go(&main_go, "1.21").is_lt()
        {
            let unpruned = read_mod_graph(loader, Pruning::Unpruned, &loaded.rs.roots);
            let mut extra: Vec<ModuleVersion> = unpruned
                .loaded
                .iter()
                .filter(|(_, r)| r.is_ok())
                .map(|(m, _)| m.clone())
                .collect();
            crate::sort::sort(&mut extra);
            let mut graph_seen = seen.clone();
            tidy_compat = needs_of(loader, &extra, &mut graph_seen);
        }
    }
    let mut zip: Vec<ModuleVersion> = Vec::new();
    let mut in_zip: HashSet<ModuleVersion> = HashSet::default();
    for m in loaded.mg.build_list() {
        if m.version.is_empty() || m.path == "go" || m.path == "toolchain" {
            continue;
        }
        let actual = loader.replacement(&m).unwrap_or(m);
        if !actual.version.is_empty() && in_zip.insert(actual.clone()) {
            zip.push(actual);
        }
    }
    mod_sort(&mut zip);
    SumNeeds {
        graph,
        build_list,
        tidy_compat,
        zip_if_imported: zip,
    }
}

/// The `/go.mod` needs of some graph nodes (after replacement, skipping main modules,
/// directories, go and toolchain, and anything in `seen`), sorted like go.sum.
fn needs_of(
    loader: &Loader<'_>,
    nodes: &[ModuleVersion],
    seen: &mut HashSet<ModuleVersion>,
) -> Vec<SumNeed> {
    let mut needed: Vec<ModuleVersion> = Vec::new();
    for m in nodes {
        if m.version.is_empty() || m.path == "go" || m.path == "toolchain" {
            continue;
        }
        let actual = loader.replacement(m).unwrap_or_else(|| m.clone());
        if actual.version.is_empty() {
            continue;
        }
        if seen.insert(actual.clone()) {
            needed.push(actual);
        }
    }
    mod_sort(&mut needed);
    needed
        .into_iter()
        .map(|m| {
            let hash = loader
                .source
                .gomod(&m.path, &m.version)
                .map(|d| crate::sum::gomod_hash(&d));
            SumNeed { module: m, hash }
        })
        .collect()
}

/// Every module path with more than one version in the graph, with the versions (ascending) and
/// the one selected.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Skew {
    pub path: String,
    pub versions: Vec<String>,
    pub selected: String,
}

/// The version skew of a resolution.
pub fn version_skew(res: &Resolution) -> Vec<Skew> {
    let mut by_path: HashMap<&str, Vec<&str>> = HashMap::default();
    for n in &res.nodes {
        if n.module.path == "go" || n.module.path == "toolchain" || n.module.version.is_empty() {
            continue;
        }
        let vs = by_path.entry(n.module.path.as_str()).or_default();
        if !vs.contains(&n.module.version.as_str()) {
            vs.push(n.module.version.as_str());
        }
    }
    let selected: HashMap<&str, &str> = res
        .nodes
        .iter()
        .filter(|n| n.selected)
        .map(|n| (n.module.path.as_str(), n.module.version.as_str()))
        .collect();
    let mut out: Vec<Skew> = by_path
        .into_iter()
        .filter(|(_, vs)| vs.len() > 1)
        .map(|(p, vs)| {
            let mut versions: Vec<ModuleVersion> =
                vs.iter().map(|v| ModuleVersion::new(p, *v)).collect();
            mod_sort(&mut versions);
            Skew {
                path: p.to_owned(),
                versions: versions.into_iter().map(|m| m.version).collect(),
                selected: selected.get(p).copied().unwrap_or("").to_owned(),
            }
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.path.cmp(&b.path));
    out
}
