//! Module, import and file paths as golang.org/x/mod/module checks, splits and escapes them.

pub(crate) mod check;
pub(crate) mod escape;
pub(crate) mod fold;
pub(crate) mod glob;
pub(crate) mod major;
pub(crate) mod sort;

pub use check::{check_file_path, check_import_path, check_path, InvalidPathError, PathKind};
pub use escape::{
    escape_path, escape_version, unescape_path, unescape_version, EscapeError, UnescapeError,
};
pub use fold::{case_fold_key, equal_fold};
pub use glob::{match_pattern, match_prefix_patterns};
pub use major::{check_path_major, match_path_major, path_major_prefix, split_path_version};
pub use sort::{compare_modules, sort_modules};

/// Reports whether a replacement target is a directory rather than a module path (Go's
/// `modfile.IsDirectoryPath`). go.mod files move between systems, so both Unix and Windows forms
/// count: `.`, `..`, `./x`, `../x`, `.\x`, `..\x`, `/x`, `\x` and drive letters like `C:`.
#[allow(
    clippy::indexing_slicing,
    reason = "the length is checked to be at least 2 first"
)]
pub fn is_directory_path(ns: &str) -> bool {
    let b = ns.as_bytes();
    ns == "."
        || ns == ".."
        || ns.starts_with("./")
        || ns.starts_with(".\\")
        || ns.starts_with("../")
        || ns.starts_with("..\\")
        || ns.starts_with('/')
        || ns.starts_with('\\')
        || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
}
