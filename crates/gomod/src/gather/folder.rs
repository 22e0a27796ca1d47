//! Which files of a folder the page reads when one is dropped or opened.
//!
//! A project folder holds far more than the playground needs (sources, `.git`, `node_modules`),
//! and a module cache holds every module ever downloaded, often 100,000 files. The web app walks
//! a folder lazily, asking these functions which directories to enter and which files to read;
//! from a module cache it reads only the `.mod` files [`super::cache_files`] names, by path.

/// What a dropped or opened folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderKind {
    /// A module's or workspace's directory: read its files per [`keep_project_file`].
    Project,
    /// A module cache, or part of one: the dependency go.mod files are below `download_dir`
    /// (relative to the folder, empty when the folder is `cache/download` itself).
    ModuleCache { download_dir: &'static str },
}

/// What a folder named `name` is, from the names of its entries. A folder with a go.mod or
/// go.work is a project, even inside a module cache (an extracted module). Otherwise the module
/// cache (GOMODCACHE, `$GOPATH/pkg/mod`) is recognised by its `cache` directory, `$GOPATH/pkg` by
/// `mod`, and `cache/download` by its name.
pub fn folder_kind<'a>(name: &str, entries: impl IntoIterator<Item = &'a str>) -> FolderKind {
    let entries: Vec<&str> = entries.into_iter().collect();
    let has = |entry: &str| entries.contains(&entry);
    if has("go.mod") || has("go.work") {
        FolderKind::Project
    } else if has("cache") {
        FolderKind::ModuleCache {
            download_dir: "cache/download",
        }
    } else if name == "pkg" && has("mod") {
        FolderKind::ModuleCache {
            download_dir: "mod/cache/download",
        }
    } else if name == "download" {
        FolderKind::ModuleCache { download_dir: "" }
    } else {
        FolderKind::Project
    }
}

/// Whether to look inside a project's sub-directory (relative path, `/`-separated): not into
/// hidden directories (`.git`, `.idea`), `node_modules`, or vendored code (only the root's
/// `vendor/modules.txt` is read).
pub fn descend_into(dir: &str) -> bool {
    dir == "vendor"
        || dir.split('/').all(|element| {
            !element.starts_with('.') && element != "node_modules" && element != "vendor"
        })
}

/// Whether to read a project's file (relative path, `/`-separated): the root's go.mod, go.sum,
/// go.work, go.work.sum and vendor/modules.txt, and nested modules' go.mod and go.sum.
pub fn keep_project_file(path: &str) -> bool {
    if super::PROJECT_FILES.contains(&path) {
        return true;
    }
    let Some((dir, file)) = path.rsplit_once('/') else {
        return false;
    };
    super::MODULE_FILES.contains(&file) && dir != "vendor" && descend_into(dir)
}
