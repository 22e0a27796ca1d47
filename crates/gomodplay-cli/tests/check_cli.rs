//! `gomodplay check`, `fix` and `explain` end to end: the rule list, one explanation, a
//! directory and a txtar bundle checked (exit status and the compiler-style line), and a fix
//! printed as txtar. The rule texts themselves are checked against go in the core's
//! tests/check_cases.rs; here only the shell around them is.

use gomod_test_support::scratch;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scratch::Scratch;

use gomod::check::RULES;

fn gomodplay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gomodplay"))
        .args(args)
        .output()
        .expect("run gomodplay")
}

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../gomod/testdata/check")
        .join(name)
}

#[test]
fn explain_lists_every_rule_and_explains_one() {
    let out = gomodplay(&["explain"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let codes: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let want: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    assert_eq!(codes, want);

    let out = gomodplay(&["explain", "replace-two-paths"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(
            "replace-two-paths (error)\n\nOne module version is used for two module paths.\n"
        ),
        "{text}"
    );
    assert!(text.contains("used for two different module paths (example.com/a and example.com/b)"));

    let out = gomodplay(&["explain", "no-such-rule"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_reads_a_bundle_and_a_directory() {
    let out = gomodplay(&["check", &case("replace-two-paths.txtar").to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    // The case's go.sum has no content hashes, so sum-missing-zip warnings come first.
    assert!(
        text.lines().any(|l| l == "go.mod:12:2: error[replace-two-paths]: go: example.com/fork@v1.1.0 used for two different module paths (example.com/a and example.com/b)"),
        "{text}"
    );

    let scratch = Scratch::new("check-cli-dir");
    let dir = scratch.root.as_path();
    std::fs::write(dir.join("go.mod"), "module myproject\n\ngo 1.22.0\n").expect("write");
    let out = gomodplay(&["check", "--go-version", "1.23.8", &dir.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(
            "go.mod:1:8: info[module-path-no-dot]: module path \"myproject\" has no dot"
        ),
        "{text}"
    );
}

#[test]
fn fix_prints_the_fixed_bundle() {
    let out = gomodplay(&[
        "fix",
        "--only",
        "go-below-dependency",
        &case("go-below-dependency.txtar").to_string_lossy(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "-- go.mod --\nmodule example.com/m\n\ngo 1.23.0\n\nrequire example.com/x v1.0.0\n"
        ),
        "{text}"
    );
}

/// A directory holding dependency go.mod files in GOPROXY layout is checked exactly like the
/// txtar bundle with the same files: the graph rules run on both, with identical output.
#[test]
fn a_directory_with_proxy_files_checks_like_its_bundle() {
    let bundle = case("retracted-version.txtar");
    let archive = std::fs::read_to_string(&bundle).expect("read case");
    let scratch = Scratch::new("check-cli-proxy-dir");
    let dir = scratch.root.as_path();
    let mut current: Option<std::fs::File> = None;
    for line in archive.split_inclusive('\n') {
        let marker = line.trim_end_matches('\n');
        if let Some(name) = marker
            .strip_prefix("-- ")
            .and_then(|r| r.strip_suffix(" --"))
        {
            current = None;
            if name.starts_with("want") {
                continue;
            }
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            current = Some(std::fs::File::create(&path).expect("create"));
        } else if let Some(file) = current.as_mut() {
            std::io::Write::write_all(file, line.as_bytes()).expect("write");
        }
    }
    let from_dir = gomodplay(&["check", "--go-version", "1.27.3", &dir.to_string_lossy()]);
    let from_bundle = gomodplay(&["check", "--go-version", "1.27.3", &bundle.to_string_lossy()]);
    let text = String::from_utf8_lossy(&from_dir.stdout);
    assert!(
        text.starts_with("go.mod:5:1: warning[retracted-version]: go: warning: example.com/x@v1.0.1: retracted by module author: Broken build.\n"),
        "{text}"
    );
    assert_eq!(from_dir.stdout, from_bundle.stdout);
    assert_eq!(from_dir.status.code(), Some(1));
    assert_eq!(from_bundle.status.code(), Some(1));
}

/// `--severity` drops the findings below the threshold and keeps everything else: the exit
/// status still follows the errors, and the skipped checks are still listed.
#[test]
fn check_severity_threshold_filters_lower_severities() {
    let scratch = Scratch::new("check-cli-severity");
    let dir = scratch.root.as_path();
    // An info (module-path-no-dot), a warning (replace-local-path, a sibling checkout) and an
    // error (duplicate-require).
    std::fs::write(
        dir.join("go.mod"),
        "module myproject\n\ngo 1.22.0\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/a v1.1.0\n)\n\nreplace example.com/b => ../b\n",
    )
    .expect("write");
    let input = dir.to_string_lossy().into_owned();
    let severities = |text: &str| -> Vec<String> {
        let mut found: Vec<String> = text
            .lines()
            .filter(|l| l.starts_with("go.mod:"))
            .filter_map(|l| l.split(": ").nth(1))
            .filter_map(|s| s.split('[').next())
            .map(str::to_owned)
            .collect();
        found.sort();
        found.dedup();
        found
    };
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "--go-version", "1.27.3"];
        args.extend_from_slice(extra);
        args.push(&input);
        gomodplay(&args)
    };

    let all = run(&[]);
    assert_eq!(all.status.code(), Some(1));
    let text = String::from_utf8_lossy(&all.stdout);
    assert_eq!(severities(&text), ["error", "info", "warning"], "{text}");

    let warnings = run(&["--severity", "warning"]);
    assert_eq!(warnings.status.code(), Some(1));
    let text = String::from_utf8_lossy(&warnings.stdout);
    assert_eq!(severities(&text), ["error", "warning"], "{text}");
    assert!(text.contains("skipped["), "{text}");

    let errors = run(&["--severity=error", "--format", "json"]);
    assert_eq!(errors.status.code(), Some(1));
    let json: serde_json::Value =
        serde_json::from_slice(&errors.stdout).expect("check --format json prints JSON");
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["severity"].as_str())
        .collect();
    assert!(
        !codes.is_empty() && codes.iter().all(|s| *s == "error"),
        "{json}"
    );

    let wrong = run(&["--severity", "notice"]);
    assert_eq!(wrong.status.code(), Some(2));
}
