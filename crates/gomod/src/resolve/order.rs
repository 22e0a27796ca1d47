//! How the go command orders the nodes of its module graph (cmd/go/internal/gover/gover.go,
//! golang.org/x/mod/module's `Sort`).
//!
//! Real modules compare by semantic version, the `go` pseudo-module by Go version, and
//! `toolchain` by the Go version inside the toolchain name. The main module's empty version is
//! greater than everything.

use std::cmp::Ordering;

use crate::modfile::ModuleVersion;

pub(crate) use crate::version::gover::{compare as compare_go, mod_compare};

/// The go command's `cmpVersion`: the empty version (a main module) is the greatest.
pub fn cmp_version(path: &str, x: &str, y: &str) -> Ordering {
    match (x.is_empty(), y.is_empty()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => mod_compare(path, x, y),
    }
}

/// The order of `gover.ModSort`: by path, then by version (a `/file` suffix after the version
/// compared as a string, as go.sum keys need).
pub fn compare_mods(a: &ModuleVersion, b: &ModuleVersion) -> Ordering {
    a.path.cmp(&b.path).then_with(|| {
        let (va, fa) = a
            .version
            .split_once('/')
            .unwrap_or((a.version.as_str(), ""));
        let (vb, fb) = b
            .version
            .split_once('/')
            .unwrap_or((b.version.as_str(), ""));
        if va != vb {
            mod_compare(&a.path, va, vb)
        } else {
            fa.cmp(fb)
        }
    })
}

/// `gover.ModSort`.
pub fn mod_sort(list: &mut [ModuleVersion]) {
    crate::sort::sort_by(list, compare_mods);
}

/// Whether a go.mod at this go version has its dependencies pruned (go 1.17 and later).
pub fn is_pruned_go(go: &str) -> bool {
    at_least_go1(go, 17)
}

/// Whether a go.mod at this go version gets `go@` edges and strict go-line rules (1.21 and later).
pub fn is_strict_go(go: &str) -> bool {
    at_least_go1(go, 21)
}

/// `compare_go(go, "1.<minor>") != Less`. Every dependency go.mod asks this once or twice, so
/// the usual shapes `1.N` and `1.N.P` (decimal, no leading zeros) are answered from the minor
/// number alone; anything else goes through the full Go-version comparison.
fn at_least_go1(go: &str, minor: u32) -> bool {
    let plain_number = |s: &str| {
        !s.is_empty()
            && s.len() <= 6
            && s.bytes().all(|b| b.is_ascii_digit())
            && (s.len() == 1 || !s.starts_with('0'))
    };
    if let Some(rest) = go.strip_prefix("1.") {
        let (n, patch) = rest.split_once('.').unwrap_or((rest, "0"));
        if plain_number(n) && plain_number(patch) {
            if let Ok(n) = n.parse::<u32>() {
                return n >= minor;
            }
        }
    }
    let bound = format!("1.{minor}");
    compare_go(go, &bound) != Ordering::Less
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::version::gover::from_toolchain;

    /// Orders `gover.Compare` (cmd/go/internal/gover/gover.go) and go/version's `Compare` give.
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
        for go in [
            "1.16",
            "1.17",
            "1.17.0",
            "1.17.1",
            "1.16.99",
            "1.20",
            "1.21",
            "1.21.0",
            "1.21rc1",
            "1.20rc1",
            "1.021",
            "1.21.00",
            "1.21.",
            "1.",
            "1",
            "2",
            "2.0",
            "1.100",
            "bad",
            "",
            "1.9999999",
            "1.21.3rc1",
            "1.22beta1",
            "1.17x",
        ] {
            assert_eq!(is_pruned_go(go), compare_go(go, "1.17").is_ge(), "{go}");
            assert_eq!(is_strict_go(go), compare_go(go, "1.21").is_ge(), "{go}");
        }
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
