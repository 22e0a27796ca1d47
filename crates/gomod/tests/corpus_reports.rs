//! What `check` says about real repositories, reviewed: every repository of the shared corpus
//! (the `real/*.txtar` bundles and the older per-repository directories) is checked as one
//! bundle, as the Go 1.27.3 the corpus was verified with, and its text report must equal
//! `testdata/corpus-reports/NAME.golden` (`UPDATE_GOLDEN=1` rewrites them), so any change in what
//! we say about real code shows in review as a diff of these files.
//!
//! The same run checks that `check` never panics, reports no error on real code (but for the one
//! inconsistency the corpus README describes), and stays well under a second per repository (the
//! figures are printed; the limit is a generous regression bound, not a target), and prints the
//! findings by code over the whole corpus.
//!
//! The corpus is read in place from `../shared/corpus` (or `GOMODPLAY_CORPUS`); without it the
//! tests fail.

use gomod_test_support::corpus;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gomod::analyze::Options;
use gomod::bundle::Bundle;
use gomod::check::{check, to_text, Report, Severity};

/// The regression limit for one repository's check. Measured figures are far below (printed by
/// the test); the bound leaves room for a debug build on a loaded two-core machine.
const LIMIT_PER_REPOSITORY: Duration = Duration::from_secs(1);

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/corpus-reports")
}

fn options() -> Options {
    Options {
        go_version: Some("1.27.3".to_owned()),
        ..Options::default()
    }
}

/// Every repository of the corpus, txtar bundles and directories alike.
fn repositories() -> Vec<corpus::Repository> {
    let mut all = corpus::real_repositories();
    all.extend(corpus::directory_repositories());
    all
}

/// Checks one repository, timing the fastest of three runs (the first one also warms the
/// allocator), and turning a panic into a failure that names the repository.
fn checked(repo: &corpus::Repository) -> Result<(Report, Duration), String> {
    let bundle = Bundle::from_files(repo.files.clone());
    let mut fastest = Duration::MAX;
    let mut report = None;
    for _ in 0..3 {
        let started = Instant::now();
        let run = std::panic::catch_unwind(|| check(&bundle, &options()));
        fastest = fastest.min(started.elapsed());
        match run {
            Ok(r) => report = Some(r),
            Err(_) => return Err(format!("{}: check panicked", repo.name)),
        }
    }
    report
        .map(|r| (r, fastest))
        .ok_or_else(|| format!("{}: no report", repo.name))
}

/// The golden text: a header naming what was checked, then the CLI's text report.
fn render(repo: &corpus::Repository, report: &Report) -> String {
    let mut out = format!(
        "# {} ({}): {} files; checked as go 1.27.3\n",
        repo.name,
        repo.kind,
        repo.files.len()
    );
    out.push_str(&to_text(report));
    out
}

#[test]
fn corpus_reports_match_the_reviewed_goldens() {
    let repos = repositories();
    let dir = golden_dir();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    if update {
        std::fs::create_dir_all(&dir).expect("create the golden directory");
    }
    let mut failures = Vec::new();
    let mut by_code: BTreeMap<(&'static str, Severity), (usize, usize)> = BTreeMap::new();
    let mut timings: Vec<(Duration, String, usize)> = Vec::new();
    for repo in &repos {
        let (report, took) = match checked(repo) {
            Ok(done) => done,
            Err(failure) => {
                failures.push(failure);
                continue;
            }
        };
        timings.push((took, repo.name.clone(), report.diagnostics.len()));
        if took > LIMIT_PER_REPOSITORY {
            failures.push(format!(
                "{}: check took {took:.1?}, over the {LIMIT_PER_REPOSITORY:?} limit",
                repo.name
            ));
        }
        let mut codes_here: Vec<(&'static str, Severity)> = Vec::new();
        for d in &report.diagnostics {
            let entry = by_code.entry((d.code, d.severity)).or_default();
            entry.0 += 1;
            if !codes_here.contains(&(d.code, d.severity)) {
                codes_here.push((d.code, d.severity));
                entry.1 += 1;
            }
        }
        // No error on real code, except where the corpus README says the files are
        // inconsistent: kubernetes' go.work comes from a later commit than its staging modules,
        // and really is below three of them.
        let allowed: &[&str] = if repo.name == "kubernetes__kubernetes" {
            &["workspace-go-too-low"]
        } else {
            &[]
        };
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            if !allowed.contains(&d.code) {
                failures.push(format!(
                    "{}: {}:{}: error[{}]: {}",
                    repo.name, d.file, d.span.line, d.code, d.message
                ));
            }
        }
        let got = render(repo, &report);
        let golden = dir.join(format!("{}.golden", repo.name));
        if update {
            std::fs::write(&golden, &got)
                .unwrap_or_else(|err| panic!("writing {}: {err}", golden.display()));
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!(
                "{}: the report differs from {} (review, then UPDATE_GOLDEN=1):\n{}",
                repo.name,
                golden.display(),
                first_difference(&want, &got)
            )),
            Err(err) => failures.push(format!(
                "{}: {err} (run with UPDATE_GOLDEN=1 to create it)",
                golden.display()
            )),
        }
    }

    // A golden whose repository left the corpus would never be compared again.
    let names: Vec<String> = repos.iter().map(|r| format!("{}.golden", r.name)).collect();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".golden") && !names.contains(&name) {
                failures.push(format!("{name}: no such repository in the corpus"));
            }
        }
    }

    timings.sort_by_key(|t| std::cmp::Reverse(t.0));
    let total: Duration = timings.iter().map(|t| t.0).sum();
    eprintln!(
        "corpus reports: {} repositories checked in {total:.1?}; slowest:",
        timings.len()
    );
    for (took, name, findings) in timings.iter().take(5) {
        eprintln!("  {took:>10.1?}  {name} ({findings} findings)");
    }
    eprintln!("findings by code (findings / repositories):");
    for ((code, severity), (findings, repos_with)) in &by_code {
        eprintln!(
            "  {:<7} {code:<28} {findings:>5} / {repos_with}",
            severity.as_str()
        );
    }
    assert!(
        repos.len() >= 70,
        "only {} corpus repositories found",
        repos.len()
    );
    assert!(
        failures.is_empty(),
        "{} corpus report failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The first differing line of two reports, with its line number, for the failure message.
fn first_difference(want: &str, got: &str) -> String {
    let (mut want_lines, mut got_lines) = (want.lines(), got.lines());
    for number in 1.. {
        match (want_lines.next(), got_lines.next()) {
            (None, None) => break,
            (w, g) if w == g => continue,
            (w, g) => {
                return format!(
                    "  line {number}:\n  - {}\n  + {}",
                    w.unwrap_or("(end)"),
                    g.unwrap_or("(end)")
                )
            }
        }
    }
    "  (no line differs; line endings?)".to_owned()
}
