//! Semantic versions exactly as golang.org/x/mod/semver understands them.
//!
//! Go's grammar differs from SemVer 2.0 in ways that matter for go.mod files: every version starts
//! with `v`, the shorthands `vMAJOR` and `vMAJOR.MINOR` are valid (without pre-release or build
//! suffixes), and the numbers may be arbitrarily large. The `semver` crate stores the numbers as
//! `u64` and has no shorthand forms, so parsing, canonicalisation and the numeric comparison are
//! ours, done on the decimal strings themselves (longer string = larger number, because leading
//! zeros are forbidden). Pre-release precedence, on the other hand, is exactly SemVer's rule and
//! does not depend on number size (the crate compares numeric identifiers by length, then
//! lexically), so it is delegated to `semver::Prerelease`. Callers that want a typed value can
//! convert a version with [`to_semver_version`] when its numbers fit.
//!
//! Functions that Go defines to return `""` for an invalid version do the same here, so that code
//! ported from the go command keeps its shape (`canonical(v).is_empty()` means "not valid").

use std::cmp::Ordering;

/// The pieces of a valid version, borrowed from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed<'a> {
    /// Decimal major number, without the leading `v`.
    pub major: &'a str,
    /// Decimal minor number (`"0"` when the input omitted it).
    pub minor: &'a str,
    /// Decimal patch number (`"0"` when the input omitted it).
    pub patch: &'a str,
    /// What the shorthand input lacks to be complete: `""`, `".0"` or `".0.0"`.
    pub short: &'static str,
    /// The pre-release suffix including its leading `-`, or `""`.
    pub prerelease: &'a str,
    /// The build suffix including its leading `+`, or `""`.
    pub build: &'a str,
}

/// Parses `v` with Go's grammar; `None` when it is not a valid semantic version.
pub fn parse(v: &str) -> Option<Parsed<'_>> {
    let rest = v.strip_prefix('v')?;
    let (major, rest) = split_number(rest)?;
    if rest.is_empty() {
        return Some(Parsed {
            major,
            minor: "0",
            patch: "0",
            short: ".0.0",
            prerelease: "",
            build: "",
        });
    }
    let (minor, rest) = split_number(rest.strip_prefix('.')?)?;
    if rest.is_empty() {
        return Some(Parsed {
            major,
            minor,
            patch: "0",
            short: ".0",
            prerelease: "",
            build: "",
        });
    }
    let (patch, rest) = split_number(rest.strip_prefix('.')?)?;
    let (prerelease, rest) = if rest.starts_with('-') {
        split_prerelease(rest)?
    } else {
        ("", rest)
    };
    let (build, rest) = if rest.starts_with('+') {
        split_build(rest)?
    } else {
        ("", rest)
    };
    if !rest.is_empty() {
        return None;
    }
    Some(Parsed {
        major,
        minor,
        patch,
        short: "",
        prerelease,
        build,
    })
}

/// Splits a leading decimal number (no leading zero unless it is exactly `0`) from `s`.
fn split_number(s: &str) -> Option<(&str, &str)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || (len > 1 && s.starts_with('0')) {
        return None;
    }
    Some(s.split_at(len))
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// An all-digit identifier with a leading zero, which SemVer forbids in pre-releases.
fn is_bad_number(ident: &str) -> bool {
    ident.len() > 1 && ident.starts_with('0') && ident.bytes().all(|b| b.is_ascii_digit())
}

/// Splits `-ident(.ident)*` (up to a `+` or the end) from the front of `s`.
fn split_prerelease(s: &str) -> Option<(&str, &str)> {
    let end = s.find('+').unwrap_or(s.len());
    let (pre, rest) = s.split_at(end);
    let body = pre.strip_prefix('-')?;
    for ident in body.split('.') {
        if ident.is_empty() || !ident.bytes().all(is_ident_byte) || is_bad_number(ident) {
            return None;
        }
    }
    Some((pre, rest))
}

/// Splits `+ident(.ident)*` (to the end) from the front of `s`; leading zeros are allowed.
fn split_build(s: &str) -> Option<(&str, &str)> {
    let body = s.strip_prefix('+')?;
    for ident in body.split('.') {
        if ident.is_empty() || !ident.bytes().all(is_ident_byte) {
            return None;
        }
    }
    Some((s, ""))
}

/// Reports whether `v` is a valid semantic version in Go's sense.
pub fn is_valid(v: &str) -> bool {
    parse(v).is_some()
}

/// The canonical form of `v`: shorthands completed with `.0`, build suffix dropped.
/// Returns `""` for an invalid version, like Go.
pub fn canonical(v: &str) -> String {
    match parse(v) {
        None => String::new(),
        Some(p) => canonical_of(v, &p),
    }
}

/// [`canonical`] of `v` already parsed as `p`: the shorthand completed, the build suffix dropped
/// (a version with a build suffix is never a shorthand, so at most one of the two applies).
pub(crate) fn canonical_of(v: &str, p: &Parsed<'_>) -> String {
    let kept = v.get(..v.len().saturating_sub(p.build.len())).unwrap_or(v);
    let mut out = String::with_capacity(kept.len() + p.short.len());
    out.push_str(kept);
    out.push_str(p.short);
    out
}

/// The major version prefix (`v2` for `v2.1.0`), or `""` when `v` is invalid.
pub fn major(v: &str) -> &str {
    match parse(v) {
        None => "",
        Some(p) => &v[..1 + p.major.len()],
    }
}

/// The `vMAJOR.MINOR` prefix (`v2.1` for `v2.1.0`, `v2.0` for `v2`), or `""` when `v` is invalid.
pub fn major_minor(v: &str) -> String {
    match parse(v) {
        None => String::new(),
        Some(p) => format!("v{}.{}", p.major, p.minor),
    }
}

/// The pre-release suffix with its `-` (`-pre` for `v1.2.3-pre+meta`), or `""`.
pub fn prerelease(v: &str) -> &str {
    parse(v).map_or("", |p| p.prerelease)
}

/// The build suffix with its `+` (`+meta` for `v1.2.3-pre+meta`), or `""`.
pub fn build(v: &str) -> &str {
    parse(v).map_or("", |p| p.build)
}

/// Compares two decimal strings without leading zeros, of any length.
pub fn compare_decimal(x: &str, y: &str) -> Ordering {
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

/// Compares two pre-release suffixes (each `""` or `-ident...`) by SemVer precedence.
fn compare_prerelease(x: &str, y: &str) -> Ordering {
    if x == y {
        return Ordering::Equal;
    }
    let x = x.strip_prefix('-').unwrap_or(x);
    let y = y.strip_prefix('-').unwrap_or(y);
    match (semver::Prerelease::new(x), semver::Prerelease::new(y)) {
        (Ok(px), Ok(py)) => px.cmp(&py),
        // Our grammar admits exactly what the crate admits, so this arm only runs if the two ever
        // diverge; plain string order keeps the result total and deterministic even then.
        _ => x.cmp(y),
    }
}

/// Compares two versions. Invalid versions are equal to each other and below every valid one;
/// build metadata is ignored.
pub fn compare(v: &str, w: &str) -> Ordering {
    match (parse(v), parse(w)) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(pv), Some(pw)) => compare_decimal(pv.major, pw.major)
            .then_with(|| compare_decimal(pv.minor, pw.minor))
            .then_with(|| compare_decimal(pv.patch, pw.patch))
            .then_with(|| compare_prerelease(pv.prerelease, pw.prerelease)),
    }
}

/// The larger of the two versions, canonicalised; Go's `Max` (an invalid version loses, and two
/// invalid versions give `""`).
pub fn max(v: &str, w: &str) -> String {
    let v = canonical(v);
    let w = canonical(w);
    if compare(&v, &w) == Ordering::Greater {
        v
    } else {
        w
    }
}

/// Go's `semver.Sort` order: by [`compare`], ties broken by byte-wise string comparison.
pub fn compare_for_sort(v: &str, w: &str) -> Ordering {
    compare(v, w).then_with(|| v.cmp(w))
}

/// Sorts a list of versions in place like Go's `semver.Sort`.
pub fn sort<S: AsRef<str>>(list: &mut [S]) {
    crate::sort::sort_by(list, |a, b| compare_for_sort(a.as_ref(), b.as_ref()));
}

/// Converts a valid version into a `semver::Version` (shorthands completed, build metadata kept),
/// or `None` when `v` is invalid or a number does not fit in `u64`.
pub fn to_semver_version(v: &str) -> Option<semver::Version> {
    let p = parse(v)?;
    let mut out = semver::Version::new(
        p.major.parse().ok()?,
        p.minor.parse().ok()?,
        p.patch.parse().ok()?,
    );
    if let Some(pre) = p.prerelease.strip_prefix('-') {
        out.pre = semver::Prerelease::new(pre).ok()?;
    }
    if let Some(build) = p.build.strip_prefix('+') {
        out.build = semver::BuildMetadata::new(build).ok()?;
    }
    Some(out)
}
