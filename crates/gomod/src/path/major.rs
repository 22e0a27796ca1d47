//! Major-version suffixes of module paths (`/v2`, gopkg.in's `.v2`) and their agreement with
//! versions (golang.org/x/mod/module `SplitPathVersion`, `CheckPathMajor`, `PathMajorPrefix`).

use crate::version::module::{InvalidVersionError, INCOMPATIBLE};
use crate::version::semver;

const GOPKG_IN: &str = "gopkg.in/";
const UNSTABLE: &str = "-unstable";

/// Splits `path` into its prefix and its major-version suffix: `example.com/x/v2` gives
/// `("example.com/x", "/v2")`, `gopkg.in/yaml.v2` gives `("gopkg.in/yaml", ".v2")`, a path without
/// a suffix gives `(path, "")`. `None` when the suffix is malformed (`/v1`, `/v02`, `/v2.1`, or a
/// gopkg.in path without `.vN`).
pub fn split_path_version(path: &str) -> Option<(&str, &str)> {
    if path.starts_with(GOPKG_IN) {
        return split_gopkg_in(path);
    }
    let bytes = path.as_bytes();
    let run = bytes
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit() || **b == b'.')
        .count();
    let start = bytes.len() - run;
    // The run of digits and dots must be non-empty and preceded by "/v" with something before
    // the slash; otherwise the last element is an ordinary one.
    if start <= 1
        || run == 0
        || bytes.get(start - 1) != Some(&b'v')
        || bytes.get(start - 2) != Some(&b'/')
    {
        return Some((path, ""));
    }
    let (prefix, path_major) = path.split_at(start - 2);
    let digits = &path_major[2..];
    if digits.contains('.') || digits.starts_with('0') || path_major == "/v1" {
        return None;
    }
    Some((prefix, path_major))
}

fn split_gopkg_in(path: &str) -> Option<(&str, &str)> {
    let bytes = path.as_bytes();
    let end = if path.ends_with(UNSTABLE) {
        path.len() - UNSTABLE.len()
    } else {
        path.len()
    };
    let digits = bytes
        .get(..end)?
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let start = end - digits;
    if start <= 1 || bytes.get(start - 1) != Some(&b'v') || bytes.get(start - 2) != Some(&b'.') {
        return None;
    }
    let (prefix, path_major) = path.split_at(start - 2);
    // ".v0" is the only number allowed to start with 0. The length test looks at the suffix
    // including any "-unstable", so Go accepts ".v-unstable" without a number; so do we.
    if path_major.len() <= 2 || (path_major.as_bytes().get(2) == Some(&b'0') && path_major != ".v0")
    {
        return None;
    }
    Some((prefix, path_major))
}

/// Checks that version `v` may be used with a path whose major suffix is `path_major` (as
/// returned by [`split_path_version`]). The error reads `version "V" invalid: should be v2, not v1`.
pub fn check_path_major(v: &str, path_major: &str) -> Result<(), InvalidVersionError> {
    let mut path_major = path_major;
    if path_major.starts_with(".v") {
        path_major = path_major.strip_suffix(UNSTABLE).unwrap_or(path_major);
    }
    // gopkg.in/x.v1 historically served pseudo-versions of major version 0.
    if v.starts_with("v0.0.0-") && path_major == ".v1" {
        return Ok(());
    }
    let got = semver::major(v);
    let want = if path_major.is_empty() {
        if got == "v0" || got == "v1" || semver::build(v) == INCOMPATIBLE {
            return Ok(());
        }
        "v0 or v1"
    } else if path_major.starts_with('/') || path_major.starts_with('.') {
        let want = &path_major[1..];
        if got == want {
            return Ok(());
        }
        want
    } else {
        path_major
    };
    Err(InvalidVersionError::new(
        v,
        format!("should be {want}, not {got}"),
    ))
}

/// Reports whether [`check_path_major`] accepts `v` for `path_major`.
pub fn match_path_major(v: &str, path_major: &str) -> bool {
    check_path_major(v, path_major).is_ok()
}

/// The major version a suffix demands (`v2` for `/v2`, `.v2` and `.v2-unstable`), `Some("")` for
/// no suffix, and `None` for text that is not a suffix (where Go would panic).
pub fn path_major_prefix(path_major: &str) -> Option<&str> {
    if path_major.is_empty() {
        return Some("");
    }
    if !path_major.starts_with('/') && !path_major.starts_with('.') {
        return None;
    }
    let mut trimmed = path_major;
    if trimmed.starts_with(".v") {
        trimmed = trimmed.strip_suffix(UNSTABLE).unwrap_or(trimmed);
    }
    let m = &trimmed[1..];
    if m != semver::major(m) {
        return None;
    }
    Some(m)
}
