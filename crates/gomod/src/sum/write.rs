//! Writing go.sum the way the go command does when it rewrites the file (`tidyGoSum`): keys in
//! `module.Sort` order, the hashes of each key sorted as strings and de-duplicated, one
//! `path version hash\n` line per hash, nothing else.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::path::compare_modules;

/// Orders go.sum keys like `module.Sort` (path, then version by semantic-version precedence, then
/// the `/go.mod` suffix as a string).
///
/// The go command's sort is not stable and starts from a map, so keys it considers equal (two
/// distinct invalid versions, or versions differing only in build metadata) come out in an
/// unspecified order. Such keys are ordered here by their full version string, which keeps our
/// output deterministic and is one of the orders the go command can produce.
fn compare_keys(path_a: &str, version_a: &str, path_b: &str, version_b: &str) -> Ordering {
    compare_modules(path_a, version_a, path_b, version_b)
        .then_with(|| version_a.as_bytes().cmp(version_b.as_bytes()))
}

/// The bytes of a go.sum holding exactly these `(path, version, hash)` entries, in any order
/// and with any repetition, as the go command writes them.
pub fn write_sums<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Vec<u8> {
    let mut by_key: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for (path, version, hash) in entries {
        by_key.entry((path, version)).or_default().push(hash);
    }
    let mut keys: Vec<((&str, &str), Vec<&str>)> = by_key.into_iter().collect();
    crate::sort::sort_by(&mut keys, |((pa, va), _), ((pb, vb), _)| {
        compare_keys(pa, va, pb, vb)
    });

    let mut out = Vec::new();
    for ((path, version), mut hashes) in keys {
        crate::sort::sort_by(&mut hashes, |a, b| a.as_bytes().cmp(b.as_bytes()));
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
