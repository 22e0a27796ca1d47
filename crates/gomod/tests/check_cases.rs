//! The rule cases under `testdata/check/`: one txtar per case holding the bundle's files and a
//! final `want` section with the expected report, the fixes `fix_bundle` applies, the changed
//! files and the report after fixing. `UPDATE_GOLDEN=1` rewrites the `want` sections.
//!
//! Naming: `CODE.txtar` (and `CODE.VARIANT.txtar`) must trigger rule CODE, `CODE-ok.txtar` (and
//! `CODE-ok.VARIANT.txtar`) is a near miss that must not;
//! `scenario-*.txtar` are real-world situations. A comment line `go-version: V` sets the Go
//! version the user runs. Every rule must have both kinds of case.
//!
//! Independently of the golden text, each fixable rule is fixed alone (`--only CODE`) and must
//! then be gone, with no new error; `fixes_are_accepted_by_go` runs `go mod edit -fmt` /
//! `go work edit -fmt` on every file the fixes changed.

use gomod_test_support::go;
use gomod_test_support::scratch;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use gomod_test_support::case_files;

use gomod::analyze::Options;
use gomod::bundle::txtar;
use gomod::bundle::Bundle;
use gomod::check::{check, fix_bundle, to_text, Report, Severity, NEEDS_DEPENDENCY_FILES, RULES};
use scratch::{write, Scratch};

const WANT: &str = "want";

struct Case {
    path: PathBuf,
    name: String,
    archive: txtar::Archive,
    bundle: Bundle,
    options: Options,
}

fn cases() -> Vec<Case> {
    case_files::testdata_cases("check", 50)
        .into_iter()
        .map(|path| {
            let data = std::fs::read(&path).expect("read case");
            let archive = txtar::parse(&data);
            let comment = String::from_utf8_lossy(&archive.comment).into_owned();
            let go_version = comment
                .lines()
                .find_map(|l| l.strip_prefix("go-version: "))
                .map(|v| v.trim().to_owned());
            let bundle = Bundle::from_files(
                archive
                    .files
                    .iter()
                    .filter(|f| f.name != WANT)
                    .map(|f| (f.name.clone(), f.data.clone())),
            );
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            Case {
                path,
                name,
                archive,
                bundle,
                options: Options {
                    go_version,
                    ..Options::default()
                },
            }
        })
        .collect()
}

fn codes(report: &Report) -> BTreeSet<&'static str> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

fn errors(report: &Report) -> BTreeSet<(&'static str, String)> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.file.clone()))
        .collect()
}

/// The expected text of a case: the report, the fixes applied, the changed files, the report
/// after fixing.
fn render(case: &Case) -> String {
    let report = check(&case.bundle, &case.options);
    let mut out = String::from("== check ==\n");
    out.push_str(&to_text(&report));
    let fixed = fix_bundle(&case.bundle, &case.options, &[]);
    if !fixed.applied.is_empty() {
        out.push_str("== fix ==\n");
        for a in &fixed.applied {
            out.push_str(&format!("applied {} in {}: {}\n", a.code, a.file, a.title));
        }
        for name in &fixed.changed {
            out.push_str(&format!(">>> {name}\n"));
            let data = fixed.bundle.file(name).unwrap_or_default();
            out.push_str(&String::from_utf8_lossy(data));
            if !data.ends_with(b"\n") {
                out.push_str("\n<no final newline>\n");
            }
        }
        out.push_str("== after fix ==\n");
        out.push_str(&to_text(&fixed.report));
    }
    out
}

#[test]
fn cases_match_their_want_sections() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for case in cases() {
        let got = render(&case);
        let want = case.archive.files.iter().find(|f| f.name == WANT);
        if update {
            let mut archive = case.archive.clone();
            archive.files.retain(|f| f.name != WANT);
            archive.files.push(txtar::File {
                name: WANT.to_owned(),
                data: got.into_bytes(),
            });
            std::fs::write(&case.path, txtar::format(&archive)).expect("write case");
            continue;
        }
        match want {
            Some(w) if w.data == got.as_bytes() => {}
            Some(w) => failures.push(format!(
                "{}:\n--- want\n{}--- got\n{}",
                case.name,
                String::from_utf8_lossy(&w.data),
                got
            )),
            None => failures.push(format!(
                "{}: no want section (run with UPDATE_GOLDEN=1)",
                case.name
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_case_triggers_or_avoids_its_rule() {
    let mut failures = Vec::new();
    let mut triggered = BTreeSet::new();
    let mut near_missed = BTreeSet::new();
    for case in cases() {
        let report = check(&case.bundle, &case.options);
        let found = codes(&report);
        // `CODE-ok.txtar` and `CODE-ok.VARIANT.txtar` are near misses.
        let stem = case.name.split('.').next().unwrap_or_default();
        if let Some(code) = stem.strip_suffix("-ok") {
            near_missed.insert(code.to_owned());
            if found.contains(code) {
                failures.push(format!("{}: {code} reported on a near miss", case.name));
            }
        } else if !case.name.starts_with("scenario-") {
            let code = case.name.split('.').next().unwrap_or_default().to_owned();
            if !found.contains(code.as_str()) {
                failures.push(format!("{}: {code} not reported", case.name));
            }
            triggered.insert(code);
        }
    }
    for rule in RULES {
        if !triggered.contains(rule.code) {
            failures.push(format!("rule {} has no triggering case", rule.code));
        }
        if !near_missed.contains(rule.code) {
            failures.push(format!("rule {} has no near-miss case", rule.code));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_fix_removes_its_rule_without_new_errors() {
    let mut failures = Vec::new();
    let mut fixed_codes = BTreeSet::new();
    for case in cases() {
        let report = check(&case.bundle, &case.options);
        let before_errors = errors(&report);
        let fixable: BTreeSet<&'static str> = report
            .diagnostics
            .iter()
            .filter(|d| d.fixes.iter().any(|f| !f.edits.is_empty()))
            .map(|d| d.code)
            .collect();
        for code in fixable {
            let outcome = fix_bundle(&case.bundle, &case.options, &[code]);
            fixed_codes.insert(code);
            if codes(&outcome.report).contains(code) {
                failures.push(format!("{}: --only {code} leaves {code}", case.name));
            }
            // Rules cannot look into a file that does not parse, so errors that appear in such a
            // file once it parses were hidden, not introduced.
            let unparsed: BTreeSet<&str> = report
                .skipped
                .iter()
                .filter(|s| s.code == "*")
                .map(|s| s.file.as_str())
                .collect();
            let new: Vec<_> = errors(&outcome.report)
                .into_iter()
                .filter(|e| !before_errors.contains(e) && !unparsed.contains(e.1.as_str()))
                .collect();
            if !new.is_empty() {
                failures.push(format!("{}: --only {code} introduces {new:?}", case.name));
            }
        }
    }
    assert!(!fixed_codes.is_empty());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The go oracle (`GOMODPLAY_GO`, else the workspace's `.venv` one); its absence fails the test
/// with a message to run `make setup`, since a skipped comparison proves nothing.
fn go_binary() -> PathBuf {
    go::go_program().to_path_buf()
}

#[test]
fn fixes_are_accepted_by_go() {
    let go = go_binary();
    let mut failures = Vec::new();
    let mut runs = 0;
    for case in cases() {
        let outcome = fix_bundle(&case.bundle, &case.options, &[]);
        let before = check(&case.bundle, &case.options);
        for name in &outcome.changed {
            let base = name.rsplit('/').next().unwrap_or(name);
            let args: &[&str] = match base {
                "go.mod" => &["mod", "edit", "-fmt", "-print"],
                "go.work" => &["work", "edit", "-fmt", "-print"],
                _ => continue,
            };
            // A file that did not parse before fixing need not parse after (its syntax error
            // may be one no rule can fix).
            if before
                .diagnostics
                .iter()
                .any(|d| &d.file == name && d.code == "syntax-error")
            {
                continue;
            }
            let scratch = Scratch::new("check-fixed");
            let dir = &scratch.root;
            runs += 1;
            let data = outcome.bundle.file(name).unwrap_or_default();
            std::fs::write(dir.join(base), data).expect("write");
            let out = std::process::Command::new(&go)
                .args(args)
                .arg(base)
                .current_dir(dir)
                .env("GOTOOLCHAIN", "local")
                .env("GOWORK", "off")
                .env("GOPROXY", "off")
                .env("GOFLAGS", "")
                .env("GOSUMDB", "off")
                .output()
                .expect("run go");
            if !out.status.success() {
                failures.push(format!(
                    "{}: go rejects fixed {name}: {}",
                    case.name,
                    String::from_utf8_lossy(&out.stderr)
                ));
            } else if out.stdout != data {
                failures.push(format!(
                    "{}: fixed {name} is not go's canonical form",
                    case.name
                ));
            }
        }
    }
    assert!(runs > 0, "no fixed go.mod or go.work was checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Writes a bundle's workspace files under `dir/m` and its proxy files under `dir/p` (with the
/// `.info` files the go command asks for), and runs `go list -m all` in `dir/m` with
/// `-mod=readonly` against that proxy. Returns (success, stderr).
fn go_list_all(go: &Path, bundle: &Bundle, dir: &Path) -> (bool, String) {
    go_in_bundle(go, bundle, dir, &["list", "-m", "all"])
}

/// Like [`go_list_all`], running `go ARGS` instead.
fn go_in_bundle(go: &Path, bundle: &Bundle, dir: &Path, args: &[&str]) -> (bool, String) {
    let (module_dir, proxy_dir) = (dir.join("m"), dir.join("p"));
    for f in bundle.files() {
        let is_proxy = f.name.contains("/@v/");
        let path = if is_proxy {
            proxy_dir.join(&f.name)
        } else {
            module_dir.join(&f.name)
        };
        if f.name == WANT {
            continue;
        }
        write(&path, &f.data);
        if let (true, Some(version)) = (is_proxy, f.name.strip_suffix(".mod")) {
            let version = version.rsplit('/').next().unwrap_or_default();
            let info = format!("{{\"Version\":\"{version}\",\"Time\":\"2024-01-01T00:00:00Z\"}}");
            write(&path.with_extension("info"), info);
        }
    }
    let gopath = dir.join("gopath");
    let out = std::process::Command::new(go)
        .args(args)
        .current_dir(&module_dir)
        .env("GOTOOLCHAIN", "local")
        .env("GOWORK", "off")
        .env("GOPROXY", format!("file://{}", proxy_dir.display()))
        .env("GOFLAGS", "-mod=readonly -modcacherw")
        .env("GOSUMDB", "off")
        .env("GOPATH", &gopath)
        .output()
        .expect("run go");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Errors the go command reports only when it loads packages (go build, go list PACKAGES).
const PACKAGE_LOADING_CODES: &[&str] = &["replace-two-paths", "case-collision"];

/// For every case with dependency files: the errors of the graph rules appear verbatim in go's
/// stderr, a case without errors loads in go, and so does every fixed bundle without errors.
#[test]
fn graph_cases_agree_with_go_list() {
    let go = go_binary();
    let mut failures = Vec::new();
    let mut runs = 0;
    for case in cases() {
        if case.bundle.dependency_paths().is_empty() || case.bundle.file("go.work").is_some() {
            continue;
        }
        let report = check(&case.bundle, &case.options);
        // A bundle holding only some of the dependency go.mod files is not one go can load
        // from a proxy made of it; its cases check what runs without the others.
        if report
            .skipped
            .iter()
            .any(|s| s.reason.starts_with(NEEDS_DEPENDENCY_FILES))
        {
            continue;
        }
        let fixed = fix_bundle(&case.bundle, &case.options, &[]);
        for (label, bundle, report) in [
            ("before", &case.bundle, &report),
            ("after fix", &fixed.bundle, &fixed.report),
        ] {
            let scratch = Scratch::new("check-graph");
            runs += 1;
            let (ok, stderr) = go_list_all(&go, bundle, &scratch.root);
            let graph_errors: Vec<&str> = report
                .diagnostics
                .iter()
                .filter(|d| {
                    d.severity == Severity::Error
                        && matches!(
                            d.code,
                            "sum-missing" | "module-path-mismatch" | "go-version-too-new"
                        )
                })
                .map(|d| d.message.as_str())
                .collect();
            // go list -m all does not load packages, so it cannot see the errors that only
            // package loading reports; package_errors_agree_with_go checks those.
            let has_errors = report
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error && !PACKAGE_LOADING_CODES.contains(&d.code));
            if has_errors == ok {
                failures.push(format!(
                    "{} ({label}): go list -m all ok={ok}, but errors={}: {stderr}",
                    case.name, has_errors
                ));
            }
            // go stops at the first missing sum, so at least one message must be its text.
            if !graph_errors.is_empty() && !graph_errors.iter().any(|m| stderr.contains(m)) {
                failures.push(format!(
                    "{} ({label}): none of {graph_errors:?} in go's stderr: {stderr}",
                    case.name
                ));
            }
        }
    }
    assert!(runs > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The `.nodeps` cases hold go.mod and go.sum only. For those that report sum-missing errors,
/// go runs (`go list -m all`, -mod=readonly) against a file proxy serving each requirement's
/// go.mod as `module PATH` (which is the real go.mod of the modules whose hashes those cases
/// record): go stops at the first missing line, whose text must be our first sum-missing
/// message, byte for byte.
#[test]
fn sum_missing_without_dependency_files_is_gos_first_error() {
    let go = go_binary();
    let mut runs = 0;
    for case in cases().into_iter().filter(|c| c.name.ends_with(".nodeps")) {
        let report = check(&case.bundle, &case.options);
        let missing: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == "sum-missing" && d.severity == Severity::Error)
            .map(|d| d.message.as_str())
            .collect();
        let Some(first) = missing.first() else {
            continue;
        };
        let main = gomod::modfile::parse("go.mod", case.bundle.file("go.mod").unwrap_or_default())
            .expect("the case's go.mod parses");
        let mut files: Vec<(String, Vec<u8>)> = case
            .bundle
            .files()
            .iter()
            .map(|f| (f.name.clone(), f.data.clone()))
            .collect();
        for r in &main.require {
            let (path, version) = (&r.module.path, &r.module.version);
            let dir = gomod::path::escape_path(path).expect("a valid module path");
            let v = gomod::path::escape_version(version).expect("a valid version");
            files.push((
                format!("{dir}/@v/{v}.mod"),
                format!("module {path}\n").into_bytes(),
            ));
            files.push((
                format!("{dir}/@v/list"),
                format!("{version}\n").into_bytes(),
            ));
        }
        let scratch = Scratch::new("check-nodeps");
        let (ok, stderr) = go_list_all(&go, &Bundle::from_files(files), &scratch.root);
        runs += 1;
        assert!(!ok, "{}: go list -m all succeeded", case.name);
        assert_eq!(stderr, format!("{first}\n"), "{}", case.name);
    }
    assert!(runs >= 1, "no .nodeps case reports sum-missing");
}

/// For every case with vendor/modules.txt: `go list ./...` over the files plus a main package
/// fails exactly when vendor-inconsistent is reported, and prints every reported problem.
#[test]
fn vendor_cases_agree_with_go_list() {
    let go = go_binary();
    let mut failures = Vec::new();
    let mut runs = 0;
    for case in cases() {
        if case.bundle.file("vendor/modules.txt").is_none() {
            continue;
        }
        let scratch = Scratch::new("check-vendor");
        let dir = &scratch.root;
        runs += 1;
        for f in case.bundle.files().iter().filter(|f| f.name != WANT) {
            write(&dir.join(&f.name), &f.data);
        }
        write(&dir.join("main.go"), "package main\n\nfunc main() {}\n");
        let out = std::process::Command::new(&go)
            .args(["list", "./..."])
            .current_dir(dir)
            .env("GOTOOLCHAIN", "local")
            .env("GOWORK", "off")
            .env("GOPROXY", "off")
            .env("GOFLAGS", "")
            .env("GOSUMDB", "off")
            .output()
            .expect("run go");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let report = check(&case.bundle, &case.options);
        let problems: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == "vendor-inconsistent")
            .filter_map(|d| d.message.strip_prefix("inconsistent vendoring: "))
            .collect();
        if problems.is_empty() != out.status.success() {
            failures.push(format!(
                "{}: go ok={}, problems={problems:?}: {stderr}",
                case.name,
                out.status.success()
            ));
        }
        for p in problems {
            if !stderr.contains(&format!("\n\t{p}\n")) {
                failures.push(format!("{}: {p:?} not in go's stderr: {stderr}", case.name));
            }
        }
    }
    assert!(runs >= 2);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// For every replace-two-paths case (and its near miss): `go list -deps .` over the files plus
/// an empty main package fails exactly when the rule reports, with the rule's message. (The
/// case-collision text needs packages in both modules, which a proxy of go.mod files cannot
/// serve; its case records how it was checked.)
#[test]
fn package_errors_agree_with_go() {
    let go = go_binary();
    let mut failures = Vec::new();
    let mut runs = 0;
    for case in cases() {
        if !case.name.starts_with("replace-two-paths") {
            continue;
        }
        let mut bundle = case.bundle.clone();
        bundle.insert(
            "main.go".to_owned(),
            b"package main\n\nfunc main() {}\n".to_vec(),
        );
        let scratch = Scratch::new("check-pkg");
        let dir = &scratch.root;
        runs += 1;
        let (ok, stderr) = go_in_bundle(&go, &bundle, dir, &["list", "-deps", "."]);
        let report = check(&case.bundle, &case.options);
        let messages: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == "replace-two-paths")
            .map(|d| d.message.as_str())
            .collect();
        if messages.is_empty() != ok {
            failures.push(format!(
                "{}: go list -deps ok={ok}, reported {messages:?}: {stderr}",
                case.name
            ));
        }
        for m in messages {
            if !stderr.contains(&format!("{m}\n")) {
                failures.push(format!("{}: {m:?} not in go's stderr: {stderr}", case.name));
            }
        }
    }
    assert!(runs >= 2);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every fix that rewrites go.mod as a whole and says it is a `go mod edit` command writes
/// go.mod as that command does: the command runs on the case's go.mod and the two files must be
/// equal. (Fixes that edit a line or a token are smaller on purpose; deleting a line may leave
/// a blank line that go mod edit would not, which not-formatted then reports.)
#[test]
fn go_mod_edit_fixes_write_what_go_writes() {
    let go = go_binary();
    let mut failures = Vec::new();
    let mut runs = 0;
    for case in cases() {
        let report = check(&case.bundle, &case.options);
        let Some(original) = case.bundle.file("go.mod") else {
            continue;
        };
        for d in &report.diagnostics {
            for fix in &d.fixes {
                let [command] = fix.commands.as_slice() else {
                    continue;
                };
                let Some(args) = command.strip_prefix("go mod edit ") else {
                    continue;
                };
                let whole = |e: &gomod::check::TextEdit| {
                    e.file == "go.mod" && e.range == (0..original.len())
                };
                if fix.edits.is_empty() || !fix.edits.iter().all(whole) {
                    continue;
                }
                let ours =
                    gomod::check::apply_edits(&gomod::check::bundle_files(&case.bundle), &[fix]);
                let Some(ours) = ours.files.get("go.mod") else {
                    continue;
                };
                let scratch = Scratch::new("check-edit");
                let dir = &scratch.root;
                std::fs::write(dir.join("go.mod"), original).expect("write go.mod");
                runs += 1;
                let out = std::process::Command::new(&go)
                    .args(["mod", "edit"])
                    .args(args.split_whitespace())
                    .current_dir(dir)
                    .env("GOTOOLCHAIN", "local")
                    .env("GOWORK", "off")
                    .env("GOPROXY", "off")
                    .env("GOFLAGS", "")
                    .output()
                    .expect("run go");
                let theirs = std::fs::read(dir.join("go.mod")).expect("read go.mod");
                if !out.status.success() {
                    failures.push(format!(
                        "{} [{}]: go rejects `{command}`: {}",
                        case.name,
                        d.code,
                        String::from_utf8_lossy(&out.stderr)
                    ));
                } else if &theirs != ours {
                    failures.push(format!(
                        "{} [{}]: `{command}` writes\n{}--- the fix writes\n{}",
                        case.name,
                        d.code,
                        String::from_utf8_lossy(&theirs),
                        String::from_utf8_lossy(ours)
                    ));
                }
            }
        }
    }
    assert!(runs > 0, "no go mod edit fix was compared");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// ambiguous-import-risk quotes the error go prints: its trigger case is the scenario of the
/// explain-error fixture `ambiguous-import`, whose stderr explain_error_cases checks against go
/// (`go build`, go 1.27.3). With the package (`annotations`) and the module cache of that run put
/// in for `...` and `$GOMODCACHE`, each quoted line of the message is a line of go's stderr.
#[test]
fn ambiguous_import_risk_quotes_gos_error() {
    let case = cases()
        .into_iter()
        .find(|c| c.name == "ambiguous-import-risk")
        .expect("the ambiguous-import-risk case");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/explain_error/ambiguous-import.txtar");
    let fixture = txtar::parse(&std::fs::read(&fixture).expect("the ambiguous-import fixture"));
    let stderr = fixture
        .files
        .iter()
        .find(|f| f.name == "stderr")
        .map(|f| String::from_utf8_lossy(&f.data).into_owned())
        .expect("the fixture's stderr");
    let report = check(&case.bundle, &case.options);
    let message = report
        .diagnostics
        .iter()
        .find(|d| d.code == "ambiguous-import-risk")
        .map(|d| d.message.clone())
        .expect("the rule reports its trigger case");
    let quoted: Vec<String> = message
        .lines()
        .skip(1)
        .map(|l| {
            l.strip_prefix('\t')
                .unwrap_or(l)
                .replace("/...", "/annotations")
                .replace("$GOMODCACHE", "/home/user/go/pkg/mod")
        })
        .collect();
    assert_eq!(quoted.len(), 3, "{message}");
    let go_lines: Vec<&str> = stderr
        .lines()
        .map(|l| l.strip_prefix("main.go:3:8: ").unwrap_or(l))
        .collect();
    for line in &quoted {
        assert!(
            go_lines.contains(&line.as_str()),
            "{line:?} is not a line go prints:\n{stderr}"
        );
    }
}
