//! The golden tests: x/mod-style `.in`/`.golden` pairs, shared by the core's unit tests.
//!
//! A golden test is a directory of `NAME.in` files under `crates/gomod/testdata/`. For each, the
//! test computes an output string and compares it with `NAME.golden` byte for byte. Setting
//! `UPDATE_GOLDEN=1` rewrites the golden files instead, so expected outputs are only ever changed
//! deliberately and show up in review as a diff.

use std::fs;
use std::path::PathBuf;

/// The absolute path of `crates/gomod/testdata/<rel>`.
pub fn testdata(rel: &str) -> PathBuf {
    crate::go::workspace_root()
        .join("crates/gomod/testdata")
        .join(rel)
}

/// Runs `render` on every `*.in` file of `testdata/<dir>` and compares the result with the
/// matching `*.golden` file. All mismatches are reported together, then the test fails.
/// A directory without any case fails too, so a misspelt directory cannot pass silently.
pub fn check_dir(dir: &str, mut render: impl FnMut(&str, &[u8]) -> String) {
    let root = testdata(dir);
    let mut inputs: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("reading {}: {e}", root.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "in"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no *.in cases in {}", root.display());

    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for input in &inputs {
        let name = input
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let data = fs::read(input).unwrap_or_else(|e| panic!("reading {}: {e}", input.display()));
        let got = render(&name, &data);
        let golden = input.with_extension("golden");
        if update {
            fs::write(&golden, &got)
                .unwrap_or_else(|e| panic!("writing {}: {e}", golden.display()));
            continue;
        }
        match fs::read_to_string(&golden) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!(
                "{}: output differs from {}\n--- want\n{want}\n--- got\n{got}",
                input.display(),
                golden.display()
            )),
            Err(e) => failures.push(format!(
                "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
                golden.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases failed:\n\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n\n")
    );
}
