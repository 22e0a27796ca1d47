//! The order in which the go command lists modules (golang.org/x/mod/module `Sort`): by path,
//! then by version. A version may carry a `/suffix` (go.sum's `v1.0.0/go.mod` lines); the part
//! before the slash is compared as a semantic version and the suffix, with its slash, as a string,
//! so `v1.0.0` sorts before `v1.0.0/go.mod`.

use std::cmp::Ordering;

use crate::version::semver;

/// Splits `v1.0.0/go.mod` into `("v1.0.0", "/go.mod")`.
pub(crate) fn split_version_suffix(v: &str) -> (&str, &str) {
    match v.find('/') {
        Some(i) => v.split_at(i),
        None => (v, ""),
    }
}

/// Compares two `(path, version)` pairs like Go's `module.Sort`. Distinct invalid versions (and
/// versions differing only in build metadata) compare equal, as in Go.
pub fn compare_modules(path_a: &str, version_a: &str, path_b: &str, version_b: &str) -> Ordering {
    path_a.cmp(path_b).then_with(|| {
        let (va, fa) = split_version_suffix(version_a);
        let (vb, fb) = split_version_suffix(version_b);
        if va != vb {
            semver::compare(va, vb)
        } else {
            fa.cmp(fb)
        }
    })
}

/// Sorts `(path, version)` pairs with [`compare_modules`]. The sort is stable; Go's is too for
/// lists of up to twelve elements (insertion sort), and unspecified among equal elements beyond.
pub fn sort_modules<P: AsRef<str>, V: AsRef<str>>(list: &mut [(P, V)]) {
    crate::sort::sort_by(list, |(pa, va), (pb, vb)| {
        compare_modules(pa.as_ref(), va.as_ref(), pb.as_ref(), vb.as_ref())
    });
}
