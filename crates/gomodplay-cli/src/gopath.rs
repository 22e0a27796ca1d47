//! How the go command names files in its messages.
//!
//! go's error headers use `base.ShortPath`: an absolute path is replaced by its path relative to the
//! working directory when that is shorter and names the same file; a relative path is kept as given.
//! These helpers follow Go's `path/filepath.Clean` and `Rel` (Unix rules, from the core) and
//! `os.Getwd`, which prefers `$PWD` when it names the working directory, so that the CLI prints
//! the same names.

use std::path::Path;

// The core's `path/filepath` helpers (Unix rules): the CLI adds only what needs the file system.
pub use gomod::resolve::paths::clean;
use gomod::resolve::paths::{self, is_abs};

/// `base.ShortPath(path)` of the go command.
pub fn short_path(path: &str) -> String {
    let Some(cwd) = go_getwd() else {
        return path.to_string();
    };
    match rel(&cwd, path) {
        Some(relative) if relative.len() < path.len() && same_file(&relative, path) => relative,
        _ => path.to_string(),
    }
}

/// The working directory as Go's `os.Getwd` reports it.
pub fn go_getwd() -> Option<String> {
    let dot = std::fs::metadata(".").ok();
    if let Some(pwd) = std::env::var_os("PWD") {
        let pwd = pwd.to_string_lossy().into_owned();
        if pwd.starts_with('/') {
            if let (Some(dot), Ok(there)) = (&dot, std::fs::metadata(&pwd)) {
                if same_metadata(dot, &there) {
                    return Some(pwd);
                }
            }
        }
    }
    let cwd = std::env::current_dir().ok()?;
    cwd.to_str().map(str::to_string)
}

/// Go's `sameFile` helper in cmd/go/internal/base: both stat and are the same file, or neither
/// exists.
fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => same_metadata(&x, &y),
        (Err(x), Err(y)) => {
            x.kind() == std::io::ErrorKind::NotFound && y.kind() == std::io::ErrorKind::NotFound
        }
        _ => false,
    }
}

#[cfg(unix)]
fn same_metadata(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_metadata(_a: &std::fs::Metadata, _b: &std::fs::Metadata) -> bool {
    // Without inode numbers there is no reliable identity test; keeping the path as given is the
    // safe answer.
    false
}

/// Go's `path/filepath.Rel(base, target)` where both paths are absolute, which is all
/// `short_path` asks (the working directory and a file); `None` otherwise, as go then keeps the
/// path as given.
pub fn rel(base: &str, target: &str) -> Option<String> {
    (is_abs(base) && is_abs(target)).then(|| paths::rel(&clean(base), &clean(target)))
}

/// Whether the file is read as a go.work file: named `go.work` or ending in `.work`, as
/// `go work edit` would be pointed at it.
pub fn is_work_file(path: &Path) -> bool {
    path.file_name()
        .map(|name| name.to_string_lossy().ends_with(".work"))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_matches_go() {
        // Expected values follow the documented behaviour of Go's filepath.Clean.
        for (input, want) in [
            ("", "."),
            ("/", "/"),
            ("a/b/../c", "a/c"),
            ("./a//b/", "a/b"),
            ("../../a", "../../a"),
            ("/../a", "/a"),
            ("a/..", "."),
            ("/tmp/x/sub/../sub/a.mod", "/tmp/x/sub/a.mod"),
        ] {
            assert_eq!(clean(input), want, "clean({input:?})");
        }
    }

    #[test]
    fn rel_matches_go() {
        for (base, target, want) in [
            ("/tmp/gx", "/tmp/gx/go.mod", Some("go.mod")),
            ("/tmp/gx/sub", "/tmp/gx/go.mod", Some("../go.mod")),
            ("/tmp/gx", "/tmp/gx/sub/../sub/a.mod", Some("sub/a.mod")),
            ("/", "/a/b", Some("a/b")),
            ("/a/b", "/a/b", Some(".")),
            ("/a/b/c", "/x", Some("../../../x")),
            ("/tmp/gx", "go.mod", None),
        ] {
            assert_eq!(
                rel(base, target).as_deref(),
                want,
                "rel({base:?}, {target:?})"
            );
        }
    }

    #[test]
    fn work_files_by_name() {
        assert!(is_work_file(Path::new("go.work")));
        assert!(is_work_file(Path::new("dir/x.work")));
        assert!(!is_work_file(Path::new("go.mod")));
        assert!(!is_work_file(Path::new("go.work.sum")));
        assert!(!is_work_file(Path::new("work")));
    }
}
