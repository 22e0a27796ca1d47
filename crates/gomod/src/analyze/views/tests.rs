//! The view models on one small module graph whose facts were taken from the go binary:
//!
//! m (go 1.21) requires a v1.0.0 and b v1.0.0; a requires c v1.1.0; b requires c v1.2.0 and
//! d v1.0.0; d requires e v1.0.0. With these go.mod files in a file proxy (GOFLAGS=-mod=mod,
//! GOTOOLCHAIN=local, go 1.27.3), `go mod graph` prints the module edges m->a, m->b,
//! a->c@v1.1.0, b->c@v1.2.0, b->d@v1.0.0 (d is pruned, so e is not in the graph), and
//! `go list -m all` selects a v1.0.0, b v1.0.0, c v1.2.0 and d v1.0.0 and leaves go.sum with the
//! /go.mod lines of a, b, c v1.2.0 and d (the hashes below are the ones it wrote).

use super::*;
use crate::bundle::Bundle;
use crate::check::{Diagnostic, Severity, Span};
use crate::resolve::resolution::SumNeeds;
use crate::resolve::{bundle_input, resolve, Cmd, Settings};

const SUM_A: &str = "example.com/a v1.0.0/go.mod h1:5X9SQtfZXIz+z5U6orw0WTbidFysQkJ3wqXLV8AfArA=";
const SUM_B: &str = "example.com/b v1.0.0/go.mod h1:XeleH5wb/IvjiXsRzZOEUtdKtjmy3XFJTwUn4302Fw0=";
const SUM_C: &str = "example.com/c v1.2.0/go.mod h1:slkmCTK66XZBf3CTta1WAoTNx6XLaBNrYJ6tHb7WT0g=";
const SUM_D: &str = "example.com/d v1.0.0/go.mod h1:cRMbTNyIwKMHw+NjYf4qxjf+DoPaa/7erlUp0lrXx/0=";
/// A well-formed hash that no go.mod of this graph has.
const WRONG_HASH: &str = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

fn resolution() -> Resolution {
    let bundle = Bundle::from_txtar(include_bytes!("../../../testdata/views/universe.txtar"));
    let input = bundle_input(&bundle, Settings::default()).expect("a loadable bundle");
    let res = resolve(&input, Cmd::ModGraph);
    assert_eq!(res.error, None);
    res
}

/// What the views get when the module graph could not be loaded: no nodes, no build list, no
/// go.sum needs.
fn without_graph() -> Resolution {
    let mut res = resolution();
    res.nodes.clear();
    res.build_list.clear();
    res.sums = SumNeeds::default();
    res
}

/// The rows as `LINE PATH VERSION STATUS`, `-` for a line go.sum does not have.
fn row_texts(rows: &[SumRow]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.line.map_or("-".to_owned(), |n| n.to_string()),
                r.path,
                r.version,
                r.status.label()
            )
        })
        .collect()
}

#[test]
fn sum_rows_mark_needed_conflicting_missing_and_unused_lines() {
    let res = resolution();
    // a and d as go wrote them, b with a wrong hash, c v1.2.0 missing, and a line nothing needs.
    let text = format!(
        "{SUM_A}\nexample.com/b v1.0.0/go.mod {WRONG_HASH}\n{SUM_D}\nexample.com/zzz v1.0.0/go.mod {WRONG_HASH}\n"
    );
    let rows = sum_rows(&res, &GoSum::parse("go.sum", text.as_bytes()));
    assert_eq!(
        row_texts(&rows),
        [
            "1 example.com/a v1.0.0/go.mod needed",
            "2 example.com/b v1.0.0/go.mod conflicting",
            "- example.com/c v1.2.0/go.mod missing",
            "3 example.com/d v1.0.0/go.mod needed",
            "- example.com/a v1.0.0 missing if imported",
            "- example.com/b v1.0.0 missing if imported",
            "- example.com/c v1.2.0 missing if imported",
            "- example.com/d v1.0.0 missing if imported",
            "4 example.com/zzz v1.0.0/go.mod unused",
        ]
    );
    // The missing and conflicting rows carry the lines go writes.
    let wants: Vec<String> = rows
        .iter()
        .filter(|r| matches!(r.status, SumStatus::Missing | SumStatus::Conflicting))
        .map(|r| {
            format!(
                "{} {} {}",
                r.path,
                r.version,
                r.want.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(wants, [SUM_B, SUM_C]);
}

#[test]
fn sum_rows_of_the_go_sum_go_wrote_need_every_line() {
    let res = resolution();
    // The zip line of a is recorded too: it is needed, and listed where the zip lines are.
    let text = format!("{SUM_A}\n{SUM_B}\n{SUM_C}\n{SUM_D}\nexample.com/a v1.0.0 {WRONG_HASH}\n");
    let rows = sum_rows(&res, &GoSum::parse("go.sum", text.as_bytes()));
    assert_eq!(
        row_texts(&rows),
        [
            "1 example.com/a v1.0.0/go.mod needed",
            "2 example.com/b v1.0.0/go.mod needed",
            "3 example.com/c v1.2.0/go.mod needed",
            "4 example.com/d v1.0.0/go.mod needed",
            "5 example.com/a v1.0.0 needed",
            "- example.com/b v1.0.0 missing if imported",
            "- example.com/c v1.2.0 missing if imported",
            "- example.com/d v1.0.0 missing if imported",
        ]
    );
}

#[test]
fn sum_rows_without_a_graph_list_every_line_as_unused() {
    let res = without_graph();
    let text = format!("{SUM_A}\n\n{SUM_C}\n");
    let rows = sum_rows(&res, &GoSum::parse("go.sum", text.as_bytes()));
    assert_eq!(
        row_texts(&rows),
        [
            "1 example.com/a v1.0.0/go.mod unused",
            "3 example.com/c v1.2.0/go.mod unused",
        ]
    );
}

#[test]
fn conflicts_list_version_skew_and_case() {
    let mut res = resolution();
    let report = Report::default();
    assert_eq!(
        conflicts(&res, &report),
        [Conflict {
            kind: ConflictKind::VersionSkew,
            message: "example.com/c: v1.1.0, v1.2.0 required; v1.2.0 selected".to_owned(),
            module: Some("example.com/c".to_owned()),
            diagnostic: None,
            resolvable: false,
        }]
    );
    // A build-list path spelled like another but for case: case conflicts come before skew, and
    // the paths of one group are named in build-list order (a before the renamed b).
    let b = res
        .build_list
        .iter_mut()
        .find(|e| e.module.path == "example.com/b")
        .expect("b is in the build list");
    b.module.path = "example.com/A".to_owned();
    let found = conflicts(&res, &report);
    let kinds: Vec<ConflictKind> = found.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ConflictKind::Case, ConflictKind::VersionSkew]);
    assert_eq!(
        found.first(),
        Some(&Conflict {
            kind: ConflictKind::Case,
            message: "example.com/a and example.com/A differ only in case; go cannot hold them in one module cache"
                .to_owned(),
            module: Some("example.com/a".to_owned()),
            diagnostic: None,
            resolvable: false,
        })
    );
}

fn diagnostic(code: &'static str, message: &str) -> Diagnostic {
    Diagnostic {
        code,
        severity: Severity::Error,
        file: "go.mod".to_owned(),
        span: Span::default(),
        message: message.to_owned(),
        fixes: Vec::new(),
    }
}

#[test]
fn conflicts_from_diagnostics_keep_their_index_and_sort_by_kind() {
    let res = without_graph();
    let report = Report {
        diagnostics: vec![
            diagnostic("sum-conflict", "sum message"),
            diagnostic("unused-exclude", "not a conflict"),
            diagnostic("replace-duplicate", "duplicate replace"),
            diagnostic("module-path-mismatch", "mismatch"),
            diagnostic("replace-conflict", "conflicting replace"),
            diagnostic("duplicate-module-path", "two modules"),
        ],
        skipped: Vec::new(),
    };
    let got: Vec<String> = conflicts(&res, &report)
        .iter()
        .map(|c| format!("{} {:?} {}", c.kind.label(), c.diagnostic, c.message))
        .collect();
    assert_eq!(
        got,
        [
            "path conflict Some(3) mismatch",
            "path conflict Some(5) two modules",
            "replace conflict Some(2) duplicate replace",
            "replace conflict Some(4) conflicting replace",
            "go.sum conflict Some(0) sum message",
        ]
    );
}

#[test]
fn a_resolution_error_about_two_module_paths_is_a_path_conflict_once() {
    // The go command's text for one replacement used for two paths (see the rule's explanation).
    let error = "go: example.com/fork@v1.1.0 used for two different module paths (example.com/a and example.com/b)";
    let mut res = without_graph();
    res.error = Some(crate::resolve::Error::new(
        crate::resolve::ErrorKind::ReplacementForTwoPaths,
        error,
    ));
    let alone = Conflict {
        kind: ConflictKind::Path,
        message: error.to_owned(),
        module: None,
        diagnostic: None,
        resolvable: false,
    };
    assert_eq!(conflicts(&res, &Report::default()), [alone]);
    // When a check already reported it, the diagnostic (which carries the fix) stands alone.
    let report = Report {
        diagnostics: vec![diagnostic("duplicate-module-path", error)],
        skipped: Vec::new(),
    };
    let found = conflicts(&res, &report);
    assert_eq!(found.len(), 1);
    assert_eq!(found.first().and_then(|c| c.diagnostic), Some(0));
    // Other resolution errors are not conflicts.
    res.error = Some(crate::resolve::Error::other(
        "go: example.com/x@v1.0.0: missing go.sum entry",
    ));
    assert_eq!(conflicts(&res, &Report::default()), []);
}
