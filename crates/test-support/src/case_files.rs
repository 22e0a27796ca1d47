//! The case files of the data-driven tests: one `.txtar` per case, in sorted order.
use std::path::{Path, PathBuf};

/// The `.txtar` files in `dir`, sorted by name.
pub fn txtar_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
        .collect();
    files.sort();
    files
}

/// The cases under `crates/gomod/testdata/<dir>`, failing when there are fewer than `at_least`:
/// a missing or emptied directory must never pass as "every case agrees".
pub fn testdata_cases(dir: &str, at_least: usize) -> Vec<PathBuf> {
    let dir = crate::go::workspace_root()
        .join("crates/gomod/testdata")
        .join(dir);
    let files = txtar_files(&dir);
    assert!(
        files.len() >= at_least.max(1),
        "{} cases in {}, expected at least {}",
        files.len(),
        dir.display(),
        at_least.max(1)
    );
    files
}
