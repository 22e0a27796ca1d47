//! Reading the requirement list of one module version the way the go command does
//! (`goModSummary` in cmd/go/internal/modload/modfile.go): replacement, fetching the go.mod from the source, lax parsing,
//! module-path and go-version checks, and dropping excluded requirements.

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;
use std::rc::Rc;

use super::error::ErrorKind;
use super::input::{ModSource, Settings};
use super::order::{compare_go, is_pruned_go, is_strict_go};
use super::paths;
use super::summary::{DepSummary, MainSummary};
use crate::modfile::ModuleVersion;
use crate::sum::{GoSum, Verification};

/// Why a module's requirements could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The module version a `module.ModuleError` names (the replacement when replaced), or None
    /// for errors that are not about one module version (a go line that is too new).
    pub module: Option<ModuleVersion>,
    /// What failed, for the rules; `message` is go's wording of it.
    pub kind: ErrorKind,
    pub message: String,
}

impl LoadError {
    fn about(m: &ModuleVersion, message: String) -> LoadError {
        LoadError::about_kind(ErrorKind::Other, m, message)
    }

    fn about_kind(kind: ErrorKind, m: &ModuleVersion, message: String) -> LoadError {
        LoadError {
            module: Some(m.clone()),
            kind,
            message,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.module {
            Some(m) => write!(f, "{m}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// go's text (`haveModSumLocked`) when the hash of a downloaded file differs from the first
/// `h1:` hash go.sum records for it; `version` carries the `/go.mod` suffix.
pub fn checksum_mismatch(
    path: &str,
    version: &str,
    downloaded: &str,
    sum_file: &str,
    recorded: &str,
) -> String {
    format!("verifying {path}@{version}: checksum mismatch\n\tdownloaded: {downloaded}\n\t{sum_file}:     {recorded}{GO_SUM_MISMATCH}")
}

/// The paragraph go appends to a go.sum checksum mismatch (`goSumMismatch`).
pub const GO_SUM_MISMATCH: &str = "\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\nThe bits may have been replaced on the origin server, or an attacker may\nhave intercepted the download attempt.\n\nFor more information, see 'go help module-auth'.\n";

/// The source's go.sum files, parsed once per command. In workspace mode the modules' go.sum
/// files are named by their absolute paths, as go prints them.
fn parse_sum_files(
    source: &dyn ModSource,
    settings: &Settings,
    workspace: bool,
) -> Vec<(String, GoSum)> {
    source
        .sum_files()
        .into_iter()
        .enumerate()
        .map(|(i, (name, data))| {
            let shown = if workspace && i > 0 {
                paths::join(&settings.root_dir, &name)
            } else {
                name
            };
            let sum = GoSum::parse(&shown, &data);
            (shown, sum)
        })
        .collect()
}

/// How a module's dependencies are loaded (`modPruning` in cmd/go/internal/modload).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pruning {
    Pruned,
    Unpruned,
    Workspace,
}

impl Pruning {
    /// The mode's name in the structured resolution's JSON: `pruned`, `unpruned`, `workspace`.
    pub fn name(self) -> &'static str {
        match self {
            Pruning::Pruned => "pruned",
            Pruning::Unpruned => "unpruned",
            Pruning::Workspace => "workspace",
        }
    }

    pub fn for_go(go: &str) -> Pruning {
        if is_pruned_go(go) {
            Pruning::Pruned
        } else {
            Pruning::Unpruned
        }
    }
}

/// The requirement list of a graph node, as the graph uses it.
#[derive(Clone, Debug)]
pub struct NodeSummary {
    pub require: Rc<[ModuleVersion]>,
    pub pruning: Pruning,
    /// The go line of the go.mod the requirements came from (after replacement); may be empty.
    pub go: String,
}

/// A main module: its path, its go.mod, and its directory relative to the root (the main
/// module's own directory, or the go.work directory).
#[derive(Clone, Debug)]
pub struct MainModule {
    pub path: String,
    pub file: MainSummary,
    pub dir: String,
}

/// Parses a dependency go.mod laxly; the error is go's error list text.
pub type ParseDep = fn(file_name: &str, data: &[u8]) -> Result<DepSummary, String>;

/// The loading state shared by every graph built during one command.
pub struct Loader<'a> {
    pub settings: &'a Settings,
    pub source: &'a dyn ModSource,
    pub mains: Vec<MainModule>,
    pub workspace: bool,
    pub exclude: HashSet<ModuleVersion>,
    /// go.work replacements (workspace mode), targets already relative to the go.work directory.
    pub work_replace: HashMap<ModuleVersion, ModuleVersion>,
    /// Each main module's replacements, in `mains` order.
    pub replace: Vec<HashMap<ModuleVersion, ModuleVersion>>,
    parse_dep: ParseDep,
    raw: HashMap<ModuleVersion, Result<Rc<RawSummary>, LoadError>>,
    nodes: HashMap<ModuleVersion, Result<Rc<NodeSummary>, LoadError>>,
    /// Messages printed while loading (already newline-terminated).
    pub stderr: String,
    /// Whether a reported error will make the command exit 1 although it goes on.
    pub failed: bool,
    /// The go.sum files downloaded go.mod files are verified against (see
    /// [`ModSource::sum_files`]), parsed, with the names go's messages give them.
    sums: Vec<(String, GoSum)>,
    /// The go command's `base.Fatalf` text (newline-terminated) when a downloaded go.mod does
    /// not match go.sum: the command stops there and prints only this after `stderr`.
    pub fatal: Option<String>,
    /// The module versions whose go.mod the source did not have, in the order asked.
    pub absent: Vec<ModuleVersion>,
}

impl<'a> Loader<'a> {
    pub fn new(
        settings: &'a Settings,
        source: &'a dyn ModSource,
        mains: Vec<MainModule>,
        workspace: bool,
        parse_dep: ParseDep,
    ) -> Loader<'a> {
        let mut exclude = HashSet::default();
        let mut replace = Vec::new();
        for m in &mains {
            exclude.extend(m.file.exclude.iter().cloned());
            let mut map = HashMap::default();
            for r in &m.file.replace {
                map.insert(r.old.clone(), r.new.clone());
            }
            replace.push(map);
        }
        Loader {
            settings,
            source,
            mains,
            workspace,
            exclude,
            work_replace: HashMap::default(),
            replace,
            parse_dep,
            raw: HashMap::default(),
            nodes: HashMap::default(),
            stderr: String::new(),
            failed: false,
            sums: parse_sum_files(source, settings, workspace),
            fatal: None,
            absent: Vec::new(),
        }
    }

    pub fn is_main(&self, m: &ModuleVersion) -> bool {
        m.version.is_empty() && self.mains.iter().any(|mm| mm.path == m.path)
    }

    pub fn main_versions(&self) -> Vec<ModuleVersion> {
        self.mains
            .iter()
            .map(|m| ModuleVersion::new(m.path.clone(), ""))
            .collect()
    }

    /// The replacement of `m` (`Replacement` in cmd/go/internal/modload/modfile.go), with directory targets relative to the root.
    pub fn replacement(&self, m: &ModuleVersion) -> Option<ModuleVersion> {
        if self.is_main(m) {
            return None;
        }
        if let Some(r) = lookup(&self.work_replace, m) {
            return Some(r.1.clone());
        }
        let mut found: Option<ModuleVersion> = None;
        for (i, map) in self.replace.iter().enumerate() {
            if let Some((_, r)) = lookup(map, m) {
                let dir = self.mains.get(i).map(|mm| mm.dir.as_str()).unwrap_or("");
                found = Some(self.canonical_replace_path(r, dir));
            }
        }
        found
    }

    /// In workspace mode a relative directory target is rewritten relative to the go.work
    /// directory; otherwise it stays as written.
    fn canonical_replace_path(&self, r: &ModuleVersion, main_dir: &str) -> ModuleVersion {
        if !self.workspace || !r.version.is_empty() || paths::is_abs(&r.path) {
            return r.clone();
        }
        let joined = paths::clean(&paths::join(main_dir, &r.path));
        ModuleVersion::new(paths::to_directory_path(&joined), "")
    }

    /// `goModSummary`: the requirement list of a graph node.
    pub fn summary(&mut self, m: &ModuleVersion) -> Result<Rc<NodeSummary>, LoadError> {
        if let Some(r) = self.nodes.get(m) {
            return r.clone();
        }
        let r = self.compute_summary(m);
        self.nodes.insert(m.clone(), r.clone());
        r
    }

    fn compute_summary(&mut self, m: &ModuleVersion) -> Result<Rc<NodeSummary>, LoadError> {
        if m.path == "go" {
            let require = if is_strict_go(&m.version) {
                vec![ModuleVersion::new("toolchain", format!("go{}", m.version))]
            } else {
                Vec::new()
            };
            return Ok(Rc::new(NodeSummary {
                require: require.into(),
                pruning: Pruning::Pruned,
                go: String::new(),
            }));
        }
        if m.path == "toolchain" {
            return Ok(Rc::new(NodeSummary {
                require: Vec::new().into(),
                pruning: Pruning::Pruned,
                go: String::new(),
            }));
        }
        let replaced = self.replacement(m);
        let actual = replaced.as_ref().unwrap_or(m);
        let raw = self.raw_summary(actual)?;
        if !actual.version.is_empty() {
            if raw.module.is_empty() {
                return Err(LoadError::about(
                    actual,
                    "parsing go.mod: missing module line".to_owned(),
                ));
            }
            if raw.module != m.path && raw.module != actual.path {
                return Err(LoadError::about_kind(
                    ErrorKind::ModulePathMismatch,
                    actual,
                    format!(
                        "parsing go.mod:\n\tmodule declares its path as: {}\n\t        but was required as: {}",
                        raw.module, m.path
                    ),
                ));
            }
        }
        // The requirement list is shared with the parsed file unless an exclude drops something.
        let require: Rc<[ModuleVersion]> =
            if !self.exclude.is_empty() && raw.require.iter().any(|r| self.exclude.contains(r)) {
                raw.require
                    .iter()
                    .filter(|r| !self.exclude.contains(*r))
                    .cloned()
                    .collect::<Vec<ModuleVersion>>()
                    .into()
            } else {
                Rc::clone(&raw.require)
            };
        let pruning = if raw.go.is_empty() {
            Pruning::Unpruned
        } else {
            Pruning::for_go(&raw.go)
        };
        Ok(Rc::new(NodeSummary {
            require,
            pruning,
            go: raw.go.clone(),
        }))
    }

    /// Whether the go.mod of `m` was fetched during this command (for go.sum bookkeeping).
    pub fn was_fetched(&self, m: &ModuleVersion) -> bool {
        !m.version.is_empty() && self.raw.contains_key(m)
    }

    /// Whether the go command knows the go line of `m` from a go.mod it parsed as `m` (its
    /// `rawGoVersion` cache): then `go list -m` does not read a replacement's go.mod for it.
    pub fn knows_go_version(&self, m: &ModuleVersion) -> bool {
        match self.raw.get(m) {
            Some(Ok(s)) => !s.go.is_empty(),
            // Only a too-new go line fails after the go line was recorded.
            Some(Err(e)) => e.module.is_none(),
            None => false,
        }
    }

    /// `rawGoModSummary`: the parsed go.mod of a module version or directory, cached.
    pub fn raw_summary(&mut self, actual: &ModuleVersion) -> Result<Rc<RawSummary>, LoadError> {
        if let Some(r) = self.raw.get(actual) {
            return r.clone();
        }
        let r = self.read_raw(actual);
        self.raw.insert(actual.clone(), r.clone());
        r
    }

    fn read_raw(&mut self, actual: &ModuleVersion) -> Result<Rc<RawSummary>, LoadError> {
        if actual.version.is_empty() {
            if let Some(mm) = self.mains.iter().find(|mm| mm.path == actual.path) {
                if self.workspace {
                    let dep = mm.file.as_dep();
                    return self.finish_raw(actual, dep);
                }
            }
            let rel = paths::clean(&actual.path);
            let abs = if paths::is_abs(&rel) {
                rel.clone()
            } else {
                paths::clean(&paths::join(&self.settings.root_dir, &rel))
            };
            let abs_name = paths::join(&abs, "go.mod");
            let short = paths::short_path(&abs_name, &self.settings.root_dir);
            let Some(data) = self.source.dir_gomod(&rel) else {
                return Err(LoadError::about(
                    actual,
                    format!("reading {short}: open {abs_name}: no such file or directory"),
                ));
            };
            let dep = (self.parse_dep)(&abs_name, &data)
                .map_err(|e| LoadError::about(actual, format!("parsing {short}: {e}")))?;
            return self.finish_raw(actual, dep);
        }
        // The proxy client escapes the path first (`module.EscapePath`), which checks it: a
        // malformed path fails before anything is read.
        if let Err(e) = crate::path::check_path(&actual.path) {
            return Err(LoadError::about(actual, e.to_string()));
        }
        let Some(data) = self.source.gomod(&actual.path, &actual.version) else {
            self.absent.push(actual.clone());
            return Err(LoadError::about(
                actual,
                format!(
                    "reading {}/{}: no such file or directory",
                    self.settings.proxy_url,
                    paths::proxy_file(&actual.path, &actual.version, "mod")
                ),
            ));
        };
        if let Some(fatal) = self.verify_gomod(actual, &data) {
            self.fatal.get_or_insert(fatal.clone());
            return Err(LoadError {
                module: None,
                kind: ErrorKind::ChecksumMismatch,
                message: fatal,
            });
        }
        let dep = (self.parse_dep)("go.mod", &data)
            .map_err(|e| LoadError::about(actual, format!("parsing go.mod: {e}")))?;
        self.finish_raw(actual, dep)
    }

    /// go's `checkGoMod` on a downloaded go.mod: the first `h1:` hash recorded for
    /// `PATH VERSION/go.mod` in the main go.sum, then in the workspace modules' go.sum files,
    /// must be the file's hash; otherwise go stops with its checksum-mismatch `Fatalf` text,
    /// which this returns.
    fn verify_gomod(&self, actual: &ModuleVersion, data: &[u8]) -> Option<String> {
        if self.sums.is_empty() {
            return None;
        }
        let key = format!("{}/go.mod", actual.version);
        let mut computed: Option<String> = None;
        for (i, (name, sum)) in self.sums.iter().enumerate() {
            let hash = computed.get_or_insert_with(|| crate::sum::gomod_hash(data));
            match sum.verify(&actual.path, &key, hash) {
                Verification::Mismatch { recorded, .. } => {
                    return Some(checksum_mismatch(&actual.path, &key, hash, name, recorded));
                }
                // A match in the main go.sum ends the check; the workspace modules' files are
                // all checked for conflicts.
                Verification::Match { .. } if i == 0 => return None,
                _ => {}
            }
        }
        None
    }

    /// The go-version check of `summaryFromModFile`, and the `go@` edge of go 1.21+ files.
    fn finish_raw(
        &self,
        actual: &ModuleVersion,
        dep: DepSummary,
    ) -> Result<Rc<RawSummary>, LoadError> {
        let strict = !dep.go.is_empty() && is_strict_go(&dep.go);
        if strict && compare_go(&dep.go, &self.settings.go_version).is_gt() {
            return Err(LoadError {
                module: None,
                kind: ErrorKind::GoVersionTooNew,
                message: format!(
                    "module {actual} requires go >= {} (running go {}; GOTOOLCHAIN={})",
                    dep.go, self.settings.go_version, self.settings.toolchain
                ),
            });
        }
        let mut require = dep.require;
        if strict {
            require.push(ModuleVersion::new("go", dep.go.clone()));
        }
        Ok(Rc::new(RawSummary {
            module: dep.module,
            go: dep.go,
            require: require.into(),
        }))
    }
}

/// A parsed go.mod as the graph uses it (`modFileSummary` before excludes): the module path
/// (empty without a module line), the go line, and the requirements in file order with the
/// `go@` edge of a go 1.21+ file appended.
#[derive(Clone, Debug)]
pub struct RawSummary {
    pub module: String,
    pub go: String,
    pub require: Rc<[ModuleVersion]>,
}

/// A replacement map lookup: the exact version first, then the path-wide entry.
fn lookup<'m>(
    map: &'m HashMap<ModuleVersion, ModuleVersion>,
    m: &ModuleVersion,
) -> Option<(String, &'m ModuleVersion)> {
    if map.is_empty() {
        return None;
    }
    if let Some(r) = map.get(m) {
        return Some((m.version.clone(), r));
    }
    map.get(&ModuleVersion::new(m.path.clone(), ""))
        .map(|r| (String::new(), r))
}
