//! Writing go.sum the way the go command does when it rewrites the file (`tidyGoSum`): keys in
//! `module.Sort` order, the hashes of each key sorted as strings and de-duplicated, one
//! `path version hash\n` line per hash, nothing else.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::version::semver;

/// Orders go.sum keys like `module.Sort`: by path (byte order), then by the version before its
/// first `/` using semantic-version precedence, then by the rest (`/go.mod`) as a string, so
/// `v1.0.0` comes before `v1.0.0/go.mod`.
///
/// The go command's sort is not stable and starts from a map, so keys it considers equal (two
/// invalid versions, or versions differing only in build metadata) come out in an unspecified
/// order. Such keys are ordered here by their full version string, which at least makes the
/// output deterministic.
pub fn compare_keys(path_a: &str, version_a: &str, path_b: &str, version_b: &str) -> Ordering {
    let (semver_a, file_a) = split_file_suffix(version_a);
    let (semver_b, file_b) = split_file_suffix(version_b);
    path_a
        .as_bytes()
        .cmp(path_b.as_bytes())
        .then_with(|| {
            if semver_a == semver_b {
                Ordering::Equal
            } else {
                semver::compare(semver_a, semver_b)
            }
        })
        .then_with(|| file_a.as_bytes().cmp(file_b.as_bytes()))
        .then_with(|| version_a.as_bytes().cmp(version_b.as_bytes()))
}

/// Splits `v1.0.0/go.mod` into `v1.0.0` and `/go.mod` (the suffix is empty when there is no `/`).
fn split_file_suffix(version: &str) -> (&str, &str) {
    match version.find('/') {
        Some(i) => version.split_at(i),
        None => (version, ""),
    }
}

/// The bytes of a go.sum holding exactly these `(path, version, hash)` entries, in any order
/// and with any repetition, as the go command writes them.
pub fn write_sums<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Vec<u8> {
    let mut by_key: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for (path, version, hash) in entries {
        by_key.entry((path, version)).or_default().push(hash);
    }
    let mut keys: Vec<((&str, &str), Vec<&str>)> = by_key.into_iter().collect();
    keys.sort_by(|((pa, va), _), ((pb, vb), _)| compare_keys(pa, va, pb, vb));

    let mut out = Vec::new();
    for ((path, version), mut hashes) in keys {
        hashes.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        hashes.dedup();
        for hash in hashes {
            out.extend_from_slice(path.as_bytes());
            out.push(b' ');
            out.extend_from_slice(version.as_bytes());
            out.push(b' ');
            out.extend_from_slice(hash.as_bytes());
            out.push(b'\n');
        }
    }
    out
}
