//! Gathering the whole module graph from a user's machine: which files, from where.
//!
//! A go.mod and a go.sum alone do not say which versions the build list holds: that takes the
//! go.mod of every module version in the graph, which the go command keeps in its module cache
//! (`$(go env GOMODCACHE)/cache/download`, laid out as a GOPROXY is: `PATH/@v/VERSION.mod`). This
//! module decides which files make a complete bundle, for every front end that gathers them:
//!
//! - `commands.rs`: the shell commands the page offers (bash/zsh and PowerShell), which print the
//!   bundle as a txtar archive, and `go mod graph` as the lighter alternative;
//! - [`project_file_names`] and [`cache_files`]: the same selection as functions, for the CLI's
//!   `gomodplay bundle`, which reads the files itself;
//! - `folder.rs`: which files of a dropped or opened folder to read (a project, or the module
//!   cache, of which only the `.mod` files the graph needs are read);
//! - [`graph_incomplete`]: whether an analysis lacks dependency go.mod files, i.e. whether the
//!   page should offer all this.
//!
//! Like the rest of the crate this does no I/O: callers read the files these functions name.

mod commands;
mod folder;

pub use commands::{GO_MOD_GRAPH, GO_MOD_GRAPH_LIMITS, POSIX_SHELL, POWERSHELL};
pub use folder::{descend_into, folder_kind, keep_project_file, FolderKind};

use crate::analyze::Analysis;
use crate::bundle::{proxy_file_name, Bundle, WorkspaceFile};
use crate::resolve::resolution::Origin;
use crate::sum::go_fields;

/// The files of the module (or workspace) directory a bundle holds, in bundle order.
pub const PROJECT_FILES: [&str; 5] = [
    "go.mod",
    "go.sum",
    "go.work",
    "go.work.sum",
    "vendor/modules.txt",
];

/// The files of each module that go.work uses, in bundle order, below the module's directory.
pub const MODULE_FILES: [&str; 2] = ["go.mod", "go.sum"];

/// Where the dependency go.mod files are, below the module cache (GOMODCACHE).
pub const CACHE_DOWNLOAD_DIR: &str = "cache/download";

/// The directories of the modules a go.work uses that lie below the workspace directory, as
/// bundle directory names (`./a/` → `a`), in go.work's order: the workspace root itself and
/// directories outside it (`..`, absolute) have no place in a bundle. None when go.work does not
/// parse (the shell commands ask `go work edit -json`, which then prints nothing either).
pub fn workspace_dirs(gowork: &[u8]) -> Vec<String> {
    let Ok(work) = crate::workfile::parse("go.work", gowork) else {
        return Vec::new();
    };
    work.use_
        .iter()
        .filter_map(|u| bundle_dir(&u.path))
        .collect()
}

/// A go.work `use` path as a bundle directory, if it names one below the workspace directory.
fn bundle_dir(use_path: &str) -> Option<String> {
    let dir = use_path.strip_prefix("./").unwrap_or(use_path);
    let dir = dir.strip_suffix('/').unwrap_or(dir);
    let outside = dir == "." || dir == ".." || dir.starts_with("../") || dir.starts_with('/');
    (!outside && !dir.is_empty()).then(|| dir.to_owned())
}

/// The relative names of the project files to read, in bundle order: [`PROJECT_FILES`], then
/// [`MODULE_FILES`] of each of go.work's module directories (`gowork` is go.work's content, when
/// the directory has one). Names that do not exist are simply skipped by the reader.
pub fn project_file_names(gowork: Option<&[u8]>) -> Vec<String> {
    let mut names: Vec<String> = PROJECT_FILES.iter().map(|n| (*n).to_owned()).collect();
    for dir in gowork.map(workspace_dirs).unwrap_or_default() {
        names.extend(MODULE_FILES.iter().map(|f| format!("{dir}/{f}")));
    }
    names
}

/// The dependency go.mod files the bundle's go.sum files (and go.work.sum) have lines for, as
/// paths below the module cache's `cache/download` directory, which are also their bundle
/// names: `PATH/@v/VERSION.mod`, escaped. Sorted by bytes, each once.
pub fn cache_files(bundle: &Bundle) -> Vec<String> {
    let mut names = Vec::new();
    for (_, which, file) in bundle.workspace_files() {
        if matches!(which, WorkspaceFile::GoSum | WorkspaceFile::GoWorkSum) {
            names.extend(gomod_lines(&file.data));
        }
    }
    crate::sort::sort(&mut names);
    names.dedup();
    names
}

/// The proxy names of the `PATH VERSION/go.mod HASH` lines of a go.sum.
fn gomod_lines(gosum: &[u8]) -> Vec<String> {
    gosum
        .split(|&b| b == b'\n')
        .filter_map(|line| {
            let fields = go_fields(line);
            let [path, version, _hash] = fields.as_slice() else {
                return None;
            };
            let path = std::str::from_utf8(line.get(path.clone())?).ok()?;
            let version = std::str::from_utf8(line.get(version.clone())?).ok()?;
            let version = version.strip_suffix("/go.mod")?;
            proxy_file_name(path, version, "mod").ok()
        })
        .collect()
}

/// Whether the analysis is missing dependency go.mod files that the go command would read:
/// there is a main module or workspace, and either the graph could not be resolved for lack of
/// them, or it came from a pasted `go mod graph` only, or some module's go.mod was not found.
pub fn graph_incomplete(analysis: &Analysis) -> bool {
    let bundle = &analysis.bundle;
    let has_main = bundle.workspace_file("", WorkspaceFile::GoMod).is_some()
        || bundle.workspace_file("", WorkspaceFile::GoWork).is_some();
    if !has_main {
        return false;
    }
    match &analysis.resolution {
        None => bundle.dependency_paths().is_empty() && !analysis.not_run.is_empty(),
        Some(resolution) if resolution.origin == Origin::SuppliedGraph => true,
        Some(resolution) => resolution.nodes.iter().any(|node| {
            let target = node.replacement.as_ref().unwrap_or(&node.module);
            node.error.is_some()
                && !target.version.is_empty()
                && bundle
                    .dependency_gomod(&target.path, &target.version)
                    .is_none()
        }),
    }
}

#[cfg(test)]
mod tests;
