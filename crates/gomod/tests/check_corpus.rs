//! Every file of the shared corpus' directories (`../shared/corpus`, see its README) through
//! `check`: each go.mod and go.work alone, and each go.mod with the go.sum beside it, as the Go
//! 1.27.3 that the corpus was verified with. Real projects' files must not get a single error; the
//! broken files under `odd/` must. Whole repositories (the directories and the `real/*.txtar`
//! bundles) are checked in `corpus_reports.rs`. Without the corpus the test fails.

use gomod_test_support::corpus;

use gomod::analyze::Options;
use gomod::bundle::Bundle;
use gomod::check::{check, Severity};

#[test]
fn corpus_has_no_false_errors_and_odd_files_are_found() {
    let dir = corpus::corpus_dir();
    let mut files = Vec::new();
    corpus::walk(&dir, &dir, &mut files);
    files.sort();
    let options = Options {
        go_version: Some("1.27.3".to_owned()),
        ..Options::default()
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for rel in &files {
        let name = rel.rsplit('/').next().unwrap_or_default();
        let data = std::fs::read(dir.join(rel)).expect("read corpus file");
        let mut bundle_files = vec![(name.to_owned(), data)];
        if name == "go.mod" {
            let sum = rel.replace("go.mod", "go.sum");
            if let Ok(sum_data) = std::fs::read(dir.join(&sum)) {
                bundle_files.push(("go.sum".to_owned(), sum_data));
            }
        }
        let report = check(&Bundle::from_files(bundle_files), &options);
        checked += 1;
        let errors: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}:{}: {}: {}", d.file, d.span.line, d.code, d.message))
            .collect();
        let odd = rel.starts_with("odd/");
        if odd {
            let want = if name == "go.sum" {
                "sum-malformed"
            } else {
                "syntax-error"
            };
            if !report.diagnostics.iter().any(|d| d.code == want) {
                failures.push(format!("{rel}: broken file not found ({want} expected)"));
            }
        } else if !errors.is_empty() {
            failures.push(format!("{rel}: false errors:\n  {}", errors.join("\n  ")));
        }
    }
    assert!(checked >= 40, "only {checked} corpus files found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
