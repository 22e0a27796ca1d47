//! The shared corpus of real module files (`<workspace>/../shared/corpus`, see its README), read
//! in place: the older per-repository directories and the newer `real/*.txtar` bundles, one per
//! repository and commit. A test that needs the corpus fails when it is missing: a test that
//! passes without its data proves nothing.

use std::path::{Path, PathBuf};

/// The corpus directory: `GOMODPLAY_CORPUS`, else `../shared/corpus` beside the workspace (the
/// main checkout and the worktrees next to it), else `../../shared/corpus`. Panics, naming the
/// places it looked, when there is none.
pub fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("GOMODPLAY_CORPUS") {
        let dir = PathBuf::from(dir);
        assert!(
            dir.join("SHA256SUMS").is_file(),
            "GOMODPLAY_CORPUS={} has no SHA256SUMS: not the corpus",
            dir.display()
        );
        return dir;
    }
    let root = crate::go::workspace_root();
    let candidates = [
        root.join("../shared/corpus"),
        root.join("../../shared/corpus"),
    ];
    match candidates
        .iter()
        .find(|dir| dir.join("SHA256SUMS").is_file())
    {
        Some(dir) => dir.clone(),
        None => panic!(
            "the shared corpus is missing (looked for {} and {}); these tests need it",
            candidates[0].display(),
            candidates[1].display()
        ),
    }
}

/// One repository of the corpus: its name (`owner__repo`, the golden file's name) and its files
/// at their paths in the repository.
pub struct Repository {
    pub name: String,
    /// `hobby`, `popular`, `workspace`, `vendor` for the txtar bundles, `dir` for the older
    /// directories.
    pub kind: String,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Every `real/*.txtar` bundle, in name order, with the files exactly as committed (the newline
/// that the archive added to a `nonl:` file removed again). Panics when there are none.
pub fn real_repositories() -> Vec<Repository> {
    let dir = corpus_dir().join("real");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", dir.display()))
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txtar"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no *.txtar bundles in {}", dir.display());
    names
        .iter()
        .map(|path| {
            let data = std::fs::read(path)
                .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
            let archive = gomod::bundle::txtar::parse(&data);
            let header = String::from_utf8_lossy(&archive.comment).into_owned();
            let field = |key: &str| -> Vec<String> {
                header
                    .lines()
                    .filter_map(|line| line.strip_prefix(key))
                    .map(|rest| rest.trim().to_owned())
                    .collect()
            };
            let no_newline = field("nonl:");
            let kind = field("kind:").into_iter().next().unwrap_or_default();
            let files = archive
                .files
                .into_iter()
                .map(|file| {
                    let mut data = file.data;
                    if no_newline.contains(&file.name) && data.ends_with(b"\n") {
                        data.pop();
                    }
                    (file.name, data)
                })
                .collect();
            let name = path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            Repository { name, kind, files }
        })
        .collect()
}

/// The older corpus' repositories (`owner__repo/...` directories, not `odd/` or `real/`), each
/// with its go.mod, go.sum and go.work files at their paths in the repository.
pub fn directory_repositories() -> Vec<Repository> {
    let dir = corpus_dir();
    let mut repos: Vec<Repository> = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", dir.display()))
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .filter(|path| path.file_name().is_some_and(|n| n != "odd" && n != "real"))
        .collect();
    entries.sort();
    for repo_dir in entries {
        let mut files = Vec::new();
        walk(&repo_dir, &repo_dir, &mut files);
        files.sort();
        let files = files
            .into_iter()
            .map(|rel| {
                let data = std::fs::read(repo_dir.join(&rel))
                    .unwrap_or_else(|err| panic!("cannot read {rel}: {err}"));
                (rel, data)
            })
            .collect();
        let name = repo_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        repos.push(Repository {
            name,
            kind: "dir".to_owned(),
            files,
        });
    }
    assert!(!repos.is_empty(), "no repositories in {}", dir.display());
    repos
}

/// The relative paths of the module files (go.mod, go.sum, go.work) under `dir`, relative to `base`.
pub fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(base, &path, out);
        } else if let Ok(rel) = path.strip_prefix(base) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            let name = rel.rsplit('/').next().unwrap_or_default();
            if matches!(name, "go.mod" | "go.sum" | "go.work") {
                out.push(rel);
            }
        }
    }
}
