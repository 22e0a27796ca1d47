//! Writing go.sum the way the go command does when it rewrites the file (`tidyGoSum`): keys in
//! `module.Sort` order, the hashes of each key sorted as strings and de-duplicated, one
//! `path version hash\n` line per hash, nothing else.

use std::cmp::Ordering;

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
    // One sort of all lines (by key, then hash) and one de-duplication, rather than grouping in
    // a B-tree map, whose code this key type would be alone in needing in the web app.
    // compare_keys orders distinct keys strictly, so the result is the same.
    let mut lines: Vec<(&str, &str, &str)> = entries.into_iter().collect();
    crate::sort::sort_by(&mut lines, |(pa, va, ha), (pb, vb, hb)| {
        compare_keys(pa, va, pb, vb).then_with(|| ha.as_bytes().cmp(hb.as_bytes()))
    });
    lines.dedup();

    let mut out = Vec::new();
    for (path, version, hash) in lines {
        out.extend_from_slice(path.as_bytes());
        out.push(b' ');
        out.extend_from_slice(version.as_bytes());
        out.push(b' ');
        out.extend_from_slice(hash.as_bytes());
        out.push(b'\n');
    }
    out
}
