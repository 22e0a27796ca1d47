//! Golden tests for the go.sum reader and writer: `testdata/sum/NAME.in` is a go.sum file and
//! `NAME.golden` shows how each line is classified, the problems, the lookups, and what the go
//! command does with the file: either its fatal error (`-- go fatal --`) or the file it writes
//! when it rewrites go.sum (`-- go rewrite --`). Those two sections are checked against the real
//! go command by `tests/oracle_sum_golden.rs`.

use std::fmt::Write as _;

use super::{GoSum, LineKind, Severity};
use gomod_test_support::golden::check_dir;

fn render(data: &[u8]) -> String {
    let sum = GoSum::parse("go.sum", data);
    let mut out = String::from("-- lines --\n");
    for line in sum.lines() {
        let raw = String::from_utf8_lossy(sum.line_bytes(line));
        let what = match &line.kind {
            LineKind::Blank => "blank".to_owned(),
            LineKind::WrongFieldCount { fields } => format!("wrong field count {}", fields.len()),
            LineKind::EmptyGoModHash(e) => {
                format!("dropped empty go.mod hash: {} {}", e.path, e.version)
            }
            LineKind::Entry(e) => format!("entry: {} {} {}", e.path, e.version, e.hash),
        };
        let _ = writeln!(
            out,
            "{} @{}: {what} <- {raw:?}",
            line.number, line.span.start
        );
    }
    out.push_str("-- problems --\n");
    for problem in sum.problems() {
        let severity = match problem.severity() {
            Severity::Note => "note",
            Severity::Ignored => "ignored",
            Severity::Fatal => "fatal",
        };
        let _ = writeln!(out, "{} [{severity}]", sum.describe(problem));
    }
    out.push_str("-- lookups --\n");
    let mut keys: Vec<(&str, &str)> = sum
        .entries()
        .map(|(_, e)| (e.path.as_str(), e.version.as_str()))
        .collect();
    keys.dedup();
    let mut seen = std::collections::BTreeSet::new();
    for (path, version) in keys {
        if !seen.insert((path, version)) {
            continue;
        }
        let hashes = sum
            .lookup(path, version)
            .iter()
            .map(|(l, e)| format!("{}@{}", e.hash, l.number))
            .collect::<Vec<_>>();
        let _ = writeln!(
            out,
            "{path} {version}: has_sum={} [{}]",
            sum.has_sum(path, version),
            hashes.join(", ")
        );
    }
    match sum.fatal_error() {
        Some(fatal) => {
            let _ = writeln!(out, "-- go fatal --\n{fatal}");
        }
        None => {
            out.push_str("-- go rewrite --\n");
            out.push_str(&String::from_utf8_lossy(&sum.rewrite()));
        }
    }
    out
}

#[test]
fn golden_go_sum() {
    check_dir("sum", |_, data| render(data));
}
