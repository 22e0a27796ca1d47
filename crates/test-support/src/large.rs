//! Large inputs for the scaling tests and benchmarks: a go.mod requiring many modules, and the
//! go.mod each of them serves. Module `n` is `example.com/m<n>` at `v1.<n % 50>.0`, so versions
//! repeat while paths do not.

use std::fmt::Write as _;

/// The path and version of the `n`th required module.
pub fn required_module(n: usize) -> (String, String) {
    (format!("example.com/m{n}"), format!("v1.{}.0", n % 50))
}

/// A go.mod (module `example.com/main`, go 1.21) requiring modules `0..count`, one per line of a
/// require block.
pub fn go_mod_requiring(count: usize) -> String {
    let mut out = String::with_capacity(count * 30 + 64);
    out.push_str("module example.com/main\n\ngo 1.21\n\nrequire (\n");
    for n in 0..count {
        let (path, version) = required_module(n);
        let _ = writeln!(out, "\t{path} {version}");
    }
    out.push_str(")\n");
    out
}

/// The go.mod the `n`th required module serves: its module line and go 1.21, nothing required.
pub fn dependency_go_mod(n: usize) -> String {
    format!("module {}\n\ngo 1.21\n", required_module(n).0)
}

/// A go.sum line for a module nothing requires: a go.sum that is not empty yet holds none of the
/// hashes a [`go_mod_requiring`] go.mod needs.
pub const UNRELATED_GO_SUM: &str =
    "example.com/other v1.0.0/go.mod h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n";
