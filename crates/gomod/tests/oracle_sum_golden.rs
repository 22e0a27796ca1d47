//! Checks the go-facing sections of the go.sum golden files (`crates/gomod/testdata/sum`) against
//! the real go command, so that those expectations are the go command's and not only ours.
//!
//! Each case's `.in` is installed as the go.sum of a main module that requires one probe module
//! (`zzzz.example/probe`, whose path sorts after every path in the cases) from a file proxy, and
//! `go list -m all` runs with `-mod=mod`:
//!
//! * `-- go fatal --` cases: the go command must fail with exactly that message (the file name
//!   `go.sum` replaced by the absolute path it prints);
//! * `-- go rewrite --` cases: the go command must add the probe's `/go.mod` line and rewrite
//!   go.sum to exactly the golden text followed by that line.

use gomod_test_support::sum_go;

use std::fs;
use std::path::Path;

use sum_go::{add_to_proxy, run_go, write_file, Scratch};

const PROBE_PATH: &str = "zzzz.example/probe";
const PROBE_VERSION: &str = "v1.0.0";
const PROBE_GOMOD: &[u8] = b"module zzzz.example/probe\n";

#[test]
fn go_sum_golden_expectations_match_the_go_command() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/sum");
    let scratch = Scratch::new("oracle-sum-golden");
    let proxy = scratch.path("proxy");
    add_to_proxy(&proxy, PROBE_PATH, PROBE_VERSION, PROBE_GOMOD);
    let probe_line = format!(
        "{PROBE_PATH} {PROBE_VERSION}/go.mod {}\n",
        gomod::sum::gomod_hash(PROBE_GOMOD)
    );

    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("reading testdata/sum")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".in").map(str::to_owned))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "too few go.sum golden cases: {names:?}");

    let mut failures = Vec::new();
    for name in &names {
        let input = fs::read(dir.join(format!("{name}.in"))).expect("reading case");
        let golden =
            fs::read_to_string(dir.join(format!("{name}.golden"))).expect("reading golden");
        let main = scratch.path(name);
        write_file(
            &main.join("go.mod"),
            format!("module example.com/main\n\ngo 1.21\n\nrequire {PROBE_PATH} {PROBE_VERSION}\n")
                .as_bytes(),
        );
        write_file(&main.join("go.sum"), &input);
        let run = run_go(&scratch, &main, &proxy, &["list", "-m", "all"]);

        if let Some(fatal) = section(&golden, "-- go fatal --") {
            let go_sum = fs::canonicalize(&main)
                .expect("canonical path")
                .join("go.sum");
            let want = fatal.replacen("\ngo.sum:", &format!("\n{}:", go_sum.display()), 1);
            if run.success || run.stderr != want {
                failures.push(format!(
                    "{name}: go said (success={}):\n{}\nthe golden expects:\n{want}",
                    run.success, run.stderr
                ));
            }
        } else if let Some(rewrite) = section(&golden, "-- go rewrite --") {
            let written = fs::read_to_string(main.join("go.sum")).unwrap_or_default();
            let want = format!("{rewrite}{probe_line}");
            if !run.success || written != want {
                failures.push(format!(
                    "{name}: go wrote (stderr {:?}):\n{written}\nthe golden expects:\n{want}",
                    run.stderr
                ));
            }
        } else {
            failures.push(format!("{name}: golden has no go section"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree with go:\n\n{}",
        failures.len(),
        names.len(),
        failures.join("\n\n")
    );
}

/// The text after the `marker` line up to the end of the golden file (go sections come last).
fn section<'a>(golden: &'a str, marker: &str) -> Option<&'a str> {
    let start = golden.find(&format!("{marker}\n"))? + marker.len() + 1;
    golden.get(start..)
}

/// `GoSum::verify` against the go command's verdict for the probe's go.mod: a match, a mismatch
/// (the go command reports the first `h1:` hash that differs, even when a later line matches), or
/// a missing sum (which `-mod=mod` adds, keeping unknown-algorithm lines).
#[test]
fn verify_matches_the_go_command() {
    let scratch = Scratch::new("oracle-sum-verify");
    let proxy = scratch.path("proxy");
    add_to_proxy(&proxy, PROBE_PATH, PROBE_VERSION, PROBE_GOMOD);
    let right = gomod::sum::gomod_hash(PROBE_GOMOD);
    let wrong = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    let key = format!("{PROBE_PATH} {PROBE_VERSION}/go.mod");
    let cases: Vec<(&str, Vec<String>)> = vec![
        ("right only", vec![format!("{key} {right}")]),
        (
            "h2 then right",
            vec![format!("{key} h2:zzz"), format!("{key} {right}")],
        ),
        (
            "wrong then right",
            vec![format!("{key} {wrong}"), format!("{key} {right}")],
        ),
        (
            "right then wrong",
            vec![format!("{key} {right}"), format!("{key} {wrong}")],
        ),
        (
            "h2 then wrong",
            vec![format!("{key} h2:zzz"), format!("{key} {wrong}")],
        ),
        ("h2 only", vec![format!("{key} h2:zzz")]),
        (
            "zip hash only",
            vec![format!("{PROBE_PATH} {PROBE_VERSION} {right}")],
        ),
        ("nothing", vec![]),
    ];
    for (index, (label, lines)) in cases.iter().enumerate() {
        let data: String = lines.iter().map(|l| format!("{l}\n")).collect();
        let sum = gomod::sum::GoSum::parse("go.sum", data.as_bytes());
        let main = scratch.path(&format!("verify{index}"));
        write_file(
            &main.join("go.mod"),
            format!("module example.com/main\n\ngo 1.21\n\nrequire {PROBE_PATH} {PROBE_VERSION}\n")
                .as_bytes(),
        );
        write_file(&main.join("go.sum"), data.as_bytes());
        let run = run_go(&scratch, &main, &proxy, &["list", "-m", "all"]);
        let verdict = sum.verify(PROBE_PATH, &format!("{PROBE_VERSION}/go.mod"), &right);
        match verdict {
            gomod::sum::Verification::Mismatch { recorded, .. } => {
                let want = format!(
                    "verifying {PROBE_PATH}@{PROBE_VERSION}/go.mod: checksum mismatch\n\tdownloaded: {right}\n\tgo.sum:     {recorded}\n"
                );
                assert!(
                    !run.success && run.stderr.starts_with(&want),
                    "{label}: go said:\n{}",
                    run.stderr
                );
            }
            gomod::sum::Verification::Match { .. } => {
                assert!(run.success, "{label}: go failed:\n{}", run.stderr);
                let written = fs::read_to_string(main.join("go.sum")).unwrap_or_default();
                assert_eq!(
                    written, data,
                    "{label}: go rewrote a go.sum that already had the sum"
                );
            }
            gomod::sum::Verification::Missing { unknown } => {
                assert!(run.success, "{label}: go failed:\n{}", run.stderr);
                let written = fs::read_to_string(main.join("go.sum")).unwrap_or_default();
                assert!(
                    written.contains(&format!("{key} {right}\n")),
                    "{label}: go did not add the sum:\n{written}"
                );
                for hash in unknown {
                    assert!(
                        written.contains(&format!("{key} {hash}\n")),
                        "{label}: go dropped {hash}:\n{written}"
                    );
                }
            }
        }
    }
}
