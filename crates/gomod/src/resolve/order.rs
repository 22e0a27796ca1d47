//! How the go command orders the nodes of its module graph (spec 4.6, 7.2).
//!
//! Real modules compare by semantic version, the `go` pseudo-module by Go version, and
//! `toolchain` by the Go version inside the toolchain name. The main module's empty version is
//! greater than everything.

use std::cmp::Ordering;

use super::mvs::Mod;
use crate::version::semver;

/// A parsed Go version: numbers kept as decimal strings so any size compares correctly.
#[derive(Default)]
struct GoVersion<'a> {
    major: &'a str,
    minor: &'a str,
    patch: &'a str,
    kind: &'a str,
    pre: &'a str,
}

/// Splits a leading decimal number without superfluous leading zeros.
fn cut_int(x: &str) -> Option<(&str, &str)> {
    let n = x.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || (n > 1 && x.starts_with('0')) {
        return None;
    }
    Some(x.split_at(n))
}

fn parse_go(x: &str) -> Option<GoVersion<'_>> {
    let (major, rest) = cut_int(x)?;
    let mut v = GoVersion {
        major,
        ..GoVersion::default()
    };
    if rest.is_empty() {
        v.minor = "0";
        v.patch = "0";
        return Some(v);
    }
    let rest = rest.strip_prefix('.')?;
    let (minor, rest) = cut_int(rest)?;
    v.minor = minor;
    if rest.is_empty() {
        // Before Go 1.21 a missing patch means ".0"; from 1.21 on "1.21" is a language version
        // that sorts before its release candidates and releases.
        if compare_decimal(minor, "21") == Ordering::Less {
            v.patch = "0";
        }
        return Some(v);
    }
    if let Some(p) = rest.strip_prefix('.') {
        let (patch, tail) = cut_int(p)?;
        if !tail.is_empty() {
            return None;
        }
        v.patch = patch;
        return Some(v);
    }
    let k = rest.bytes().take_while(|b| !b.is_ascii_digit()).count();
    if k == 0 || !rest.bytes().take(k).all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let (kind, tail) = rest.split_at(k);
    v.kind = kind;
    if tail.is_empty() {
        return Some(v);
    }
    let (pre, tail) = cut_int(tail)?;
    if !tail.is_empty() {
        return None;
    }
    v.pre = pre;
    Some(v)
}

/// Compares decimal strings by value; the empty string sorts below "0".
fn compare_decimal(x: &str, y: &str) -> Ordering {
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

/// Whether `v` is a valid Go version (`1.21`, `1.21.3`, `1.21rc1`, `1`).
pub fn is_valid_go(v: &str) -> bool {
    parse_go(v).is_some()
}

/// Go-version order; malformed versions are equal to each other and below valid ones.
pub fn compare_go(x: &str, y: &str) -> Ordering {
    let a = parse_go(x).unwrap_or_default();
    let b = parse_go(y).unwrap_or_default();
    compare_decimal(a.major, b.major)
        .then_with(|| compare_decimal(a.minor, b.minor))
        .then_with(|| compare_decimal(a.patch, b.patch))
        .then_with(|| a.kind.cmp(b.kind))
        .then_with(|| compare_decimal(a.pre, b.pre))
}

/// The Go version named by a toolchain (`go1.21.3`, `go1.22.0-custom`), or "".
pub fn from_toolchain(name: &str) -> &str {
    if name.contains(['/', '\\']) {
        return "";
    }
    let Some(v) = name.strip_prefix("go") else {
        return "";
    };
    let v = match v.find([' ', '\t', '-']) {
        Some(i) => v.get(..i).unwrap_or(""),
        None => v,
    };
    if is_valid_go(v) {
        v
    } else {
        ""
    }
}

fn maybe_toolchain_version(name: &str) -> &str {
    if is_valid_go(name) {
        name
    } else {
        from_toolchain(name)
    }
}

/// `gover.ModCompare`: the order of two versions of the module `path`.
pub fn mod_compare(path: &str, x: &str, y: &str) -> Ordering {
    match path {
        "go" => compare_go(x, y),
        "toolchain" => compare_go(maybe_toolchain_version(x), maybe_toolchain_version(y)),
        _ => semver::compare(x, y),
    }
}

/// The go command's `cmpVersion`: the empty version (a main module) is the greatest.
pub fn cmp_version(path: &str, x: &str, y: &str) -> Ordering {
    match (x.is_empty(), y.is_empty()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => mod_compare(path, x, y),
    }
}

/// `gover.ModSort`: by path, then by version (a `/file` suffix after the version compared as a
/// string, as go.sum keys need).
pub fn mod_sort(list: &mut [Mod]) {
    list.sort_by(|a, b| {
        a.path.cmp(&b.path).then_with(|| {
            let (va, fa) = a
                .version
                .split_once('/')
                .map_or((a.version.as_str(), ""), |(v, f)| (v, f));
            let (vb, fb) = b
                .version
                .split_once('/')
                .map_or((b.version.as_str(), ""), |(v, f)| (v, f));
            if va != vb {
                mod_compare(&a.path, va, vb)
            } else {
                fa.cmp(fb)
            }
        })
    });
}

/// Whether a go.mod at this go version has its dependencies pruned (go 1.17 and later).
pub fn is_pruned_go(go: &str) -> bool {
    compare_go(go, "1.17") != Ordering::Less
}

/// Whether a go.mod at this go version gets `go@` edges and strict go-line rules (1.21 and later).
pub fn is_strict_go(go: &str) -> bool {
    compare_go(go, "1.21") != Ordering::Less
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Orders from spec 4.6, checked there against go/version.
    #[test]
    fn go_version_order() {
        let chain = [
            "1.20rc1", "1.20", "1.20.1", "1.21", "1.21rc1", "1.21rc2", "1.21.0", "1.21.1", "1.22",
            "1.99",
        ];
        for w in chain.windows(2) {
            assert_eq!(
                compare_go(w[0], w[1]),
                Ordering::Less,
                "{} < {}",
                w[0],
                w[1]
            );
        }
        assert_eq!(compare_go("1.20", "1.20.0"), Ordering::Equal);
        assert_eq!(compare_go("1.18beta2", "1.18rc1"), Ordering::Less);
        assert_eq!(compare_go("bad", "1"), Ordering::Less);
        assert_eq!(compare_go("1.21.3rc1", "x"), Ordering::Equal);
        assert_eq!(from_toolchain("go1.22.0-custom"), "1.22.0");
        assert_eq!(from_toolchain("go1.2/x"), "");
        assert_eq!(
            mod_compare("toolchain", "go1.21", "go1.21.0"),
            Ordering::Less
        );
    }
}
