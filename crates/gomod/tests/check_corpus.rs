//! Every file of the shared corpus (`../shared/corpus`, see its README) through `check`: each
//! go.mod and go.work alone, and each go.mod with the go.sum beside it, as the Go 1.27.3 that
//! the corpus was verified with. Real projects' files must not get a single error; the broken
//! files under `odd/` must. Without the corpus the test says so and checks nothing.

use std::path::{Path, PathBuf};

use gomod::bundle::Bundle;
use gomod::check::{check, Options, Severity};

fn corpus_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("GOMODPLAY_CORPUS") {
        return Some(PathBuf::from(dir));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    ["../shared/corpus", "../../shared/corpus"]
        .iter()
        .map(|rel| root.join(rel))
        .find(|dir| dir.join("SHA256SUMS").is_file())
}

fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(base, &path, out);
        } else if let Ok(rel) = path.strip_prefix(base) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            let name = rel.rsplit('/').next().unwrap_or_default();
            if matches!(name, "go.mod" | "go.sum" | "go.work") {
                out.push(rel);
            }
        }
    }
}

#[test]
fn corpus_has_no_false_errors_and_odd_files_are_found() {
    let Some(dir) = corpus_dir() else {
        eprintln!("corpus not found; checked nothing");
        return;
    };
    let mut files = Vec::new();
    walk(&dir, &dir, &mut files);
    files.sort();
    let options = Options {
        go_version: Some("1.27.3".to_owned()),
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

/// Each repository of the corpus as one bundle (its files at their paths in the repository), so
/// that the rules comparing modules (go-version-drift, duplicate-module-path,
/// workspace-go-too-low) and the workspace graph rules see real multi-module layouts. No
/// repository gets an error, except kubernetes, whose files come from different commits (see
/// the corpus README): its go.work (go 1.22) really is below two staging modules.
#[test]
fn corpus_repositories_as_bundles_have_no_false_errors() {
    let Some(dir) = corpus_dir() else {
        eprintln!("corpus not found; checked nothing");
        return;
    };
    let mut files = Vec::new();
    walk(&dir, &dir, &mut files);
    files.sort();
    let mut repos: std::collections::BTreeMap<&str, Vec<(String, Vec<u8>)>> =
        std::collections::BTreeMap::new();
    for rel in &files {
        let Some((repo, path)) = rel.split_once('/') else {
            continue;
        };
        if repo == "odd" {
            continue;
        }
        let data = std::fs::read(dir.join(rel)).expect("read corpus file");
        repos.entry(repo).or_default().push((path.to_owned(), data));
    }
    let options = Options {
        go_version: Some("1.27.3".to_owned()),
    };
    let mut failures = Vec::new();
    for (repo, files) in &repos {
        let report = check(&Bundle::from_files(files.clone()), &options);
        let errors: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}:{}: {}: {}", d.file, d.span.line, d.code, d.message))
            .collect();
        let expected: &[&str] = if *repo == "kubernetes__kubernetes" {
            &["workspace-go-too-low"]
        } else {
            &[]
        };
        let unexpected: Vec<&String> = errors
            .iter()
            .filter(|e| {
                !expected
                    .iter()
                    .any(|code| e.contains(&format!(": {code}: ")))
            })
            .collect();
        if !unexpected.is_empty() {
            failures.push(format!("{repo}: false errors:\n  {unexpected:?}"));
        }
        for code in expected {
            if !errors.iter().any(|e| e.contains(&format!(": {code}: "))) {
                failures.push(format!("{repo}: {code} expected"));
            }
        }
    }
    assert!(repos.len() >= 9, "only {} repositories found", repos.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
