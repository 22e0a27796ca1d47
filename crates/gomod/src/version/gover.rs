//! Go language and toolchain versions (the go command's `gover` packages and the public
//! `go/version`), and the `go` / `toolchain` pseudo-modules that carry them through MVS.
//!
//! A Go version is `MAJOR[.MINOR[.PATCH]]` or `MAJOR.MINOR<kind>[<pre>]` (`1.21`, `1.21.3`,
//! `1.21rc1`, `1.18beta2`), without a `go` prefix; a toolchain name is `go` + version, optionally
//! followed by a suffix starting with `-`, space or tab (`go1.21.0-custom`). From 1.21 on, `1.N`
//! is a *language* version that sorts before all of its releases (`1.21 < 1.21rc1 < 1.21.0`),
//! while older `1.N` means `1.N.0`. Numbers may be arbitrarily large; they are compared as
//! decimal strings. Invalid versions compare equal to each other and below every valid one.

use std::cmp::Ordering;

use super::semver;
use crate::path::sort::split_version_suffix;

/// The go version assumed for a go.mod file without a `go` line.
pub const DEFAULT_GO_MOD_VERSION: &str = "1.16";
/// The go version assumed for a go.work file without a `go` line.
pub const DEFAULT_GO_WORK_VERSION: &str = "1.18";
/// From this version on, the `all` pattern no longer includes the tests of dependencies.
pub const NARROW_ALL_VERSION: &str = "1.16";
/// From this version on, go.mod lists every module that provides a package (graph pruning).
pub const EXPLICIT_INDIRECT_VERSION: &str = "1.17";
/// From this version on, indirect requirements are kept in a block of their own.
pub const SEPARATE_INDIRECT_VERSION: &str = "1.17";
/// From this version on, the go line is a mandatory minimum: every module's go line must be at
/// least that of its dependencies, and a too-new go line is a fatal error.
pub const GO_STRICT_VERSION: &str = "1.21";
/// From this version on, `go mod tidy` keeps the go.sum go.mod checksums needed to build the test
/// dependencies of packages in `all`.
pub const TIDY_GO_MOD_SUM_VERSION: &str = "1.21";
/// From this version on, vendored packages must be listed in vendor/modules.txt.
pub const EXPLICIT_MODULES_TXT_IMPORT_VERSION: &str = "1.23";
/// From this version on, go.mod may contain `tool` directives.
pub const GO_MOD_TOOL_VERSION: &str = "1.24";
/// From this version on, the go command writes at most two require blocks.
pub const SIMPLIFY_REQUIRE_VERSION: &str = "1.27";

/// The fields of a Go version; all empty for an invalid one (Go's zero `gover.Version`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Version<'a> {
    /// Decimal.
    pub major: &'a str,
    /// Decimal or `""`.
    pub minor: &'a str,
    /// Decimal or `""` (empty for a language version `1.N` with N ≥ 21).
    pub patch: &'a str,
    /// `""` or a run of lower-case letters such as `alpha`, `beta`, `rc`.
    pub kind: &'a str,
    /// Decimal or `""`.
    pub pre: &'a str,
}

/// Splits a leading decimal without superfluous leading zeros.
fn cut_int(x: &str) -> Option<(&str, &str)> {
    let len = x.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || (len > 1 && x.starts_with('0')) {
        return None;
    }
    Some(x.split_at(len))
}

fn parse_opt(x: &str) -> Option<Version<'_>> {
    let (major, x) = cut_int(x)?;
    if x.is_empty() {
        return Some(Version {
            major,
            minor: "0",
            patch: "0",
            ..Version::default()
        });
    }
    let (minor, x) = cut_int(x.strip_prefix('.')?)?;
    if x.is_empty() {
        // Before Go 1.21, `1.N` named the release `1.N.0`; from 1.21 on it names the language.
        let patch = if cmp_int(minor, "21") == Ordering::Less {
            "0"
        } else {
            ""
        };
        return Some(Version {
            major,
            minor,
            patch,
            ..Version::default()
        });
    }
    if let Some(rest) = x.strip_prefix('.') {
        let (patch, rest) = cut_int(rest)?;
        return rest.is_empty().then_some(Version {
            major,
            minor,
            patch,
            ..Version::default()
        });
    }
    let kind_len = x.bytes().take_while(|b| !b.is_ascii_digit()).count();
    let (kind, x) = x.split_at(kind_len);
    if kind.is_empty() || !kind.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if x.is_empty() {
        return Some(Version {
            major,
            minor,
            kind,
            ..Version::default()
        });
    }
    let (pre, rest) = cut_int(x)?;
    rest.is_empty().then_some(Version {
        major,
        minor,
        kind,
        pre,
        ..Version::default()
    })
}

/// Parses a Go version; an invalid one gives the all-empty [`Version`], as in Go.
pub fn parse(x: &str) -> Version<'_> {
    parse_opt(x).unwrap_or_default()
}

/// Compares decimal strings of any length, where `""` sorts before every number.
pub fn cmp_int(x: &str, y: &str) -> Ordering {
    semver::compare_decimal(x, y)
}

/// Subtracts one from a decimal string (`"10"` → `"9"`); `"0"` gives `""`.
pub fn dec_int(decimal: &str) -> String {
    super::pseudo::dec_decimal(decimal)
}

/// Compares two Go versions (no `go` prefix).
pub fn compare(x: &str, y: &str) -> Ordering {
    let vx = parse(x);
    let vy = parse(y);
    cmp_int(vx.major, vy.major)
        .then_with(|| cmp_int(vx.minor, vy.minor))
        .then_with(|| cmp_int(vx.patch, vy.patch))
        .then_with(|| vx.kind.cmp(vy.kind))
        .then_with(|| cmp_int(vx.pre, vy.pre))
}

/// The larger of two Go versions; `x` when they are equal.
pub fn max<'a>(x: &'a str, y: &'a str) -> &'a str {
    if compare(x, y) == Ordering::Less {
        y
    } else {
        x
    }
}

/// Reports whether `x` is a valid Go version.
pub fn is_valid(x: &str) -> bool {
    parse_opt(x).is_some()
}

/// Reports whether `x` is a language version such as `1.21` (no patch, no pre-release; `1.20` is
/// not one, since it means `1.20.0`).
pub fn is_lang(x: &str) -> bool {
    parse_opt(x).is_some_and(|v| v.patch.is_empty() && v.kind.is_empty() && v.pre.is_empty())
}

/// The language version of `x`: `1.21.3` → `1.21`, `1.21rc1` → `1.21`, `1` and `1.0` → `1`.
/// `""` for an invalid version.
pub fn lang(x: &str) -> String {
    let v = parse(x);
    if v.minor.is_empty() || (v.major == "1" && v.minor == "0") {
        return v.major.to_owned();
    }
    format!("{}.{}", v.major, v.minor)
}

/// Reports whether `x` is a pre-release (`1.21rc1`, `1.18beta2`).
pub fn is_prerelease(x: &str) -> bool {
    !parse(x).kind.is_empty()
}

/// The language version before `x`'s: `1.3rc4` → `1.2`, `1.1` → `1`, `1` → `1`.
pub fn prev(x: &str) -> String {
    let v = parse(x);
    if cmp_int(v.minor, "1") != Ordering::Greater {
        return v.major.to_owned();
    }
    format!("{}.{}", v.major, dec_int(v.minor))
}

/// The Go version of a toolchain name (`go1.21.3-custom` → `1.21.3`), or `""` if the name has
/// a path separator, lacks the `go` prefix, or carries an invalid version.
pub fn from_toolchain(name: &str) -> &str {
    if name.contains(['\\', '/']) {
        return "";
    }
    let Some(v) = name.strip_prefix("go") else {
        return "";
    };
    let v = match v.find([' ', '\t', '-']) {
        Some(i) => &v[..i],
        None => v,
    };
    if is_valid(v) {
        v
    } else {
        ""
    }
}

/// A toolchain requirement's version may be written bare (`1.21.0`) or as a name (`go1.21.0`).
fn maybe_toolchain_version(name: &str) -> &str {
    if is_valid(name) {
        name
    } else {
        from_toolchain(name)
    }
}

/// Reports whether `path` is one of the pseudo-modules `go` and `toolchain`.
pub fn is_toolchain(path: &str) -> bool {
    path == "go" || path == "toolchain"
}

/// Compares two versions of the module `path`: Go versions for `go`, toolchain names for
/// `toolchain`, semantic versions otherwise.
pub fn mod_compare(path: &str, x: &str, y: &str) -> Ordering {
    match path {
        "go" => compare(x, y),
        "toolchain" => compare(maybe_toolchain_version(x), maybe_toolchain_version(y)),
        _ => semver::compare(x, y),
    }
}

/// Compares `(path, version)` pairs like the go command's `gover.ModSort`: by path, then version
/// by [`mod_compare`] with an optional `/suffix` compared as a string.
pub fn mod_compare_modules(
    path_a: &str,
    version_a: &str,
    path_b: &str,
    version_b: &str,
) -> Ordering {
    path_a.cmp(path_b).then_with(|| {
        let (va, fa) = split_version_suffix(version_a);
        let (vb, fb) = split_version_suffix(version_b);
        if va != vb {
            mod_compare(path_a, va, vb)
        } else {
            fa.cmp(fb)
        }
    })
}

/// Sorts `(path, version)` pairs with [`mod_compare_modules`] (stably; Go's sort is stable for
/// lists of up to twelve elements and unspecified among equal elements beyond).
pub fn mod_sort<P: AsRef<str>, V: AsRef<str>>(list: &mut [(P, V)]) {
    crate::sort::sort_by(list, |(pa, va), (pb, vb)| {
        mod_compare_modules(pa.as_ref(), va.as_ref(), pb.as_ref(), vb.as_ref())
    });
}

/// Reports whether `vers` is a valid version of module `path`.
pub fn mod_is_valid(path: &str, vers: &str) -> bool {
    match path {
        "toolchain" => is_valid(from_toolchain(vers)),
        "go" => is_valid(vers),
        _ => semver::is_valid(vers),
    }
}

/// Reports whether `vers` is a version prefix (a query like `v1.2` or `1.21`) rather than a
/// complete version. For ordinary modules this is only a syntactic test, as in Go.
pub fn mod_is_prefix(path: &str, vers: &str) -> bool {
    match path {
        "toolchain" => is_lang(from_toolchain(vers)),
        "go" => is_lang(vers),
        _ => {
            let mut dots = 0;
            for b in vers.bytes() {
                match b {
                    b'-' | b'+' => return false,
                    b'.' => {
                        dots += 1;
                        if dots >= 2 {
                            return false;
                        }
                    }
                    _ => {}
                }
            }
            true
        }
    }
}

/// Reports whether `vers` is a pre-release version of module `path`.
pub fn mod_is_prerelease(path: &str, vers: &str) -> bool {
    match path {
        "toolchain" => is_prerelease(from_toolchain(vers)),
        "go" => is_prerelease(vers),
        _ => !semver::prerelease(vers).is_empty(),
    }
}

/// The major.minor prefix of `vers` for module `path` (`go1.21` for toolchain `go1.21.3`).
pub fn mod_major_minor(path: &str, vers: &str) -> String {
    match path {
        "toolchain" => format!("go{}", lang(from_toolchain(vers))),
        "go" => lang(vers),
        _ => semver::major_minor(vers),
    }
}

/// Length of a leading decimal without superfluous leading zeros in `s` (the byte form of
/// `cut_int`, since go.mod tokens may hold any bytes).
fn int_len(s: &[u8]) -> Option<usize> {
    let len = s.iter().take_while(|b| b.is_ascii_digit()).count();
    if len == 0 || (len > 1 && s.first() == Some(&b'0')) {
        return None;
    }
    Some(len)
}

/// Reports whether `v` may appear in a `go` line of a main go.mod or go.work file (x/mod's
/// `GoVersionRE`: `^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$`).
/// Looser than [`is_valid`] in one way (`1.21.0rc1` passes) and stricter in others (`1` fails).
/// This is the one implementation of the go-line grammar; `modfile` uses it for tokens.
pub fn is_go_line_version(v: impl AsRef<[u8]>) -> bool {
    let v = v.as_ref();
    let Some(major) = int_len(v) else {
        return false;
    };
    if v.first() == Some(&b'0') {
        return false;
    }
    let Some(rest) = v.get(major..).and_then(|r| r.strip_prefix(b".")) else {
        return false;
    };
    let Some(minor) = int_len(rest) else {
        return false;
    };
    let mut rest = rest.get(minor..).unwrap_or_default();
    if let Some(after_dot) = rest.strip_prefix(b".") {
        let Some(patch) = int_len(after_dot) else {
            return false;
        };
        rest = after_dot.get(patch..).unwrap_or_default();
    }
    if rest.is_empty() {
        return true;
    }
    let letters = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
    let digits = rest.get(letters..).unwrap_or_default();
    letters > 0 && !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
}

/// The `MAJOR.MINOR` that x/mod's lax parser (dependency go.mod files) salvages from a `go` line
/// failing [`is_go_line_version`]: `^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)$` keeps the
/// first group, so `v1.21.4` → `1.21` and `1.21-foo` → `1.21`. `None` when nothing matches.
pub fn lax_go_line_version<V: AsRef<[u8]> + ?Sized>(v: &V) -> Option<&[u8]> {
    let v = v.as_ref();
    let body = v.strip_prefix(b"v").unwrap_or(v);
    let major = int_len(body)?;
    if body.first() == Some(&b'0') {
        return None;
    }
    let after_dot = body.get(major..)?.strip_prefix(b".")?;
    let kept = major + 1 + int_len(after_dot)?;
    // `[^0-9]` takes one character (a newline included; an invalid byte counts as one), then
    // `.*` takes the rest of the line. A multi-byte character holds no newline byte, so looking
    // from the second byte on is exact.
    let tail = body.get(kept..)?;
    match tail.first()? {
        b'0'..=b'9' => None,
        _ if tail.get(1..).unwrap_or_default().contains(&b'\n') => None,
        _ => body.get(..kept),
    }
}

/// Reports whether `name` may appear in a `toolchain` line (x/mod's deliberately loose
/// `ToolchainRE`: `^default$|^go1($|\.)`).
pub fn is_toolchain_line_name(name: impl AsRef<[u8]>) -> bool {
    let name = name.as_ref();
    name == b"default" || name == b"go1" || name.starts_with(b"go1.")
}

/// The public `go/version` API, whose versions carry the `go` prefix and may have a `-suffix`.
pub mod go_version {
    use std::cmp::Ordering;

    /// Go's `stripGo`: cut at the first `-`, then require and remove the `go` prefix.
    fn strip_go(v: &str) -> &str {
        let v = v.split('-').next().unwrap_or(v);
        v.strip_prefix("go").unwrap_or("")
    }

    /// `go/version.Compare`.
    pub fn compare(x: &str, y: &str) -> Ordering {
        super::compare(strip_go(x), strip_go(y))
    }

    /// `go/version.IsValid`.
    pub fn is_valid(x: &str) -> bool {
        super::is_valid(strip_go(x))
    }

    /// `go/version.Lang`: `go1.21.3` → `go1.21`; `""` for an invalid version.
    pub fn lang(x: &str) -> String {
        let v = super::lang(strip_go(x));
        if v.is_empty() {
            String::new()
        } else {
            format!("go{v}")
        }
    }
}

#[cfg(test)]
mod go_line_tests {
    use super::*;

    #[test]
    fn strict_go_line_versions() {
        for ok in ["1.21", "1.21.0", "1.21rc1", "1.2beta1", "10.0.10", "1.0"] {
            assert!(is_go_line_version(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "1",
            "v1.21",
            "1.21.0-rc1",
            "1.2.beta1",
            "01.2",
            "1.02",
            "1.2.03",
            "1.2rc",
            "1.2RC1",
            "1.2.",
            "",
        ] {
            assert!(!is_go_line_version(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn lax_go_line_versions() {
        assert_eq!(lax_go_line_version(b"v1.21.4"), Some(&b"1.21"[..]));
        assert_eq!(lax_go_line_version(b"1.21.0-foo"), Some(&b"1.21"[..]));
        assert_eq!(lax_go_line_version(b"1.0x"), Some(&b"1.0"[..]));
        assert_eq!(lax_go_line_version(b"1.01"), None);
        assert_eq!(lax_go_line_version(b"1.21"), None);
        assert_eq!(lax_go_line_version(b"v1"), None);
        assert_eq!(lax_go_line_version(b"1.21\xff"), Some(&b"1.21"[..]));
        assert_eq!(lax_go_line_version(b"1.21\n"), Some(&b"1.21"[..]));
        assert_eq!(lax_go_line_version(b"1.21-\n"), None);
    }

    #[test]
    fn toolchain_names() {
        assert!(
            is_toolchain_line_name(b"default")
                && is_toolchain_line_name(b"go1")
                && is_toolchain_line_name(b"go1.21.0-x")
        );
        assert!(
            !is_toolchain_line_name(b"go1x")
                && !is_toolchain_line_name(b"go2")
                && !is_toolchain_line_name(b"defaults")
        );
    }
}
