//! `list`, `graph` and `why`: usage mistakes (exit 2, the reason and the usage line), inputs that
//! cannot be read (exit 1, a message naming the file), help, `--go-version`, and `list --json`
//! (its build list must be what `go list -m all` prints for the same bundle).

use gomod_test_support::scratch;

use std::fs;
use std::path::Path;
use std::process::Command;

use scratch::{write, Scratch};

struct Ran {
    stdout: String,
    stderr: String,
    status: i32,
}

fn run_in(dir: &Path, args: &[&str]) -> Ran {
    let out = Command::new(env!("CARGO_BIN_EXE_gomodplay"))
        .args(args)
        .current_dir(dir)
        .env("PWD", dir)
        .output()
        .unwrap_or_else(|e| panic!("running gomodplay: {e}"));
    Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status.code().unwrap_or(-1),
    }
}

/// A small bundle: main module m requires b, which requires c.
const BUNDLE: &str = "-- go.mod --\nmodule example.com/m\n\ngo 1.21\n\nrequire example.com/b v1.0.0\n-- example.com/b/@v/v1.0.0.mod --\nmodule example.com/b\n\ngo 1.21\n\nrequire example.com/c v1.2.0\n-- example.com/c/@v/v1.2.0.mod --\nmodule example.com/c\n\ngo 1.20\n";

#[test]
fn usage_mistakes_exit_2_with_the_reason_and_usage() {
    let scratch = Scratch::new("errs-usage");
    let dir = scratch.root.as_path();
    for (args, reason, usage) in [
        (&["list", "a", "b"][..], "gomodplay list: too many arguments given\n", "usage: gomodplay list "),
        (&["graph", "--json"][..], "gomodplay graph: unknown flag --json\n", "usage: gomodplay graph "),
        (&["why"][..], "gomodplay why: no module given\n", "usage: gomodplay why "),
        (&["why", "a", "b", "c"][..], "gomodplay why: too many arguments given\n", "usage: gomodplay why "),
        (&["list", "--proxy"][..], "gomodplay list: flag needs an argument: -proxy\n", "usage: gomodplay list "),
        (
            &["list", "--go-version", "go1.21"][..],
            "gomodplay list: invalid Go version \"go1.21\" for -go-version (expecting one like \"1.22.3\")\n",
            "usage: gomodplay list ",
        ),
        (
            &["why", "--all=lots", "x"][..],
            "gomodplay why: invalid value \"lots\" for -all (expecting a number from 1 to 10000)\n",
            "usage: gomodplay why ",
        ),
    ] {
        let out = run_in(dir, args);
        assert_eq!(out.status, 2, "{args:?}");
        assert_eq!(out.stdout, "", "{args:?}");
        assert!(out.stderr.starts_with(reason), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(usage), "{args:?}: {}", out.stderr);
    }
    for verb in ["list", "graph", "why"] {
        let out = run_in(dir, &["help", verb]);
        assert_eq!(out.status, 0);
        assert!(out.stdout.starts_with(&format!("usage: gomodplay {verb} ")));
        let flag = run_in(dir, &[verb, "-h"]);
        assert_eq!(flag.stdout, out.stdout);
    }
}

#[test]
fn unreadable_inputs_name_the_file() {
    let scratch = Scratch::new("errs-unreadable");
    let dir = scratch.root.as_path();
    let d = dir.display().to_string();
    write(&dir.join("empty").join("README"), "nothing here\n");
    write(&dir.join("notes.txt"), "not an archive\n");
    fs::create_dir_all(dir.join("modisdir").join("go.mod")).unwrap_or_default();
    write(&dir.join("ok.txtar"), BUNDLE);
    for (args, status, stderr) in [
        (
            vec!["list".to_owned(), format!("{d}/missing")],
            1,
            format!("gomodplay: open {d}/missing: no such file or directory\n"),
        ),
        (
            vec!["graph".to_owned(), "empty".to_owned()],
            1,
            "gomodplay: empty: no go.mod, go.work or go-mod-graph.txt in this directory\n".to_owned(),
        ),
        (
            vec!["list".to_owned(), "notes.txt".to_owned()],
            1,
            "gomodplay: notes.txt: the bundle has no go.mod, go.work or go-mod-graph.txt (is it a txtar archive with \"-- go.mod --\" sections?)\n".to_owned(),
        ),
        (
            vec!["list".to_owned(), "modisdir".to_owned()],
            1,
            "gomodplay: read modisdir/go.mod: is a directory\n".to_owned(),
        ),
        (
            vec!["list".to_owned(), "--proxy".to_owned(), "nope".to_owned(), "ok.txtar".to_owned()],
            1,
            "gomodplay: --proxy: open nope: no such file or directory\n".to_owned(),
        ),
        (
            vec!["list".to_owned(), "--proxy".to_owned(), "notes.txt".to_owned(), "ok.txtar".to_owned()],
            1,
            "gomodplay: --proxy notes.txt: not a directory (expected GOPROXY file layout)\n".to_owned(),
        ),
        (
            vec!["why".to_owned(), "missing.txtar".to_owned(), "example.com/b".to_owned()],
            1,
            "gomodplay: open missing.txtar: no such file or directory\n".to_owned(),
        ),
    ] {
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run_in(dir, &argv);
        assert_eq!((out.status, out.stderr.as_str()), (status, stderr.as_str()), "{args:?}");
        assert_eq!(out.stdout, "", "{args:?}");
    }
}

/// A proxy file that exists but cannot be read is reported by name, not silently taken for a
/// missing module (go's own message about the missing module follows). A directory stands in
/// for an unreadable file, since permissions do not stop a test running as root.
#[test]
fn unreadable_proxy_file_is_reported() {
    let scratch = Scratch::new("errs-proxyfile");
    let dir = scratch.root.as_path();
    let proxy = dir.join("proxy");
    write(
        &dir.join("m").join("go.mod"),
        "module example.com/m\n\ngo 1.21\n\nrequire example.com/b v1.0.0\n",
    );
    fs::create_dir_all(proxy.join("example.com/b/@v/v1.0.0.mod")).unwrap_or_default();
    let p = proxy.display().to_string();
    let out = run_in(dir, &["graph", "--proxy", &p, "m"]);
    assert_eq!(out.status, 1);
    assert_eq!(
        out.stderr,
        format!(
            "go: example.com/b@v1.0.0: reading file://{p}/example.com/b/@v/v1.0.0.mod: no such file or directory\n\
             gomodplay: warning: read {p}/example.com/b/@v/v1.0.0.mod: is a directory (treated as missing)\n"
        )
    );
}

/// Files of a bundle that the resolver does not use are named in a warning on stderr;
/// the result is unchanged.
#[test]
fn odd_bundle_files_are_named_in_warnings() {
    let scratch = Scratch::new("errs-oddfiles");
    let dir = scratch.root.as_path();
    write(
        &dir.join("b.txtar"),
        format!("{BUNDLE}-- notes.md --\nhello\n"),
    );
    let out = run_in(dir, &["list", "b.txtar"]);
    assert_eq!(out.status, 0);
    assert_eq!(
        out.stdout,
        "example.com/m\nexample.com/b v1.0.0\nexample.com/c v1.2.0\n"
    );
    assert_eq!(
        out.stderr,
        "gomodplay: warning: b.txtar: notes.md: not a file the playground uses; ignored\n"
    );
}

/// `--go-version` is the running toolchain of the simulation; go's message for a go.mod that
/// needs a newer one has the form go 1.27.3 printed for `go 1.99` in the generated universes.
#[test]
fn go_version_flag_sets_the_running_toolchain() {
    let scratch = Scratch::new("errs-goversion");
    let dir = scratch.root.as_path();
    write(&dir.join("b.txtar"), BUNDLE);
    let out = run_in(dir, &["list", "--go-version", "1.20.4", "b.txtar"]);
    assert_eq!(out.status, 1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "go: go.mod requires go >= 1.21 (running go 1.20.4; GOTOOLCHAIN=local)\n"
    );
    let ok = run_in(dir, &["list", "--go-version", "1.21.0", "b.txtar"]);
    assert_eq!(ok.status, 0, "{}", ok.stderr);
    // A go.mod named directly stands for its directory.
    write(
        &dir.join("m").join("go.mod"),
        "module example.com/m\n\ngo 1.21\n",
    );
    let by_file = run_in(dir, &["list", "m/go.mod"]);
    let by_dir = run_in(dir, &["list", "m"]);
    assert_eq!(
        (by_file.status, by_file.stdout.as_str()),
        (0, "example.com/m\n")
    );
    assert_eq!((by_dir.status, by_dir.stdout), (0, by_file.stdout));
}

/// `list --json` describes the same build list `list` prints (which the differential tests
/// compare with go): the buildList entries, in order, are the `go list -m all` lines.
#[test]
fn list_json_build_list_matches_list() {
    let scratch = Scratch::new("errs-json");
    let dir = scratch.root.as_path();
    write(&dir.join("b.txtar"), BUNDLE);
    let plain = run_in(dir, &["list", "b.txtar"]);
    assert_eq!(
        plain.stdout,
        "example.com/m\nexample.com/b v1.0.0\nexample.com/c v1.2.0\n"
    );
    let json = run_in(dir, &["list", "--json", "b.txtar"]);
    assert_eq!(json.status, 0, "{}", json.stderr);
    assert_eq!(json.stderr, "");
    let section = json
        .stdout
        .split("\"buildList\": [")
        .nth(1)
        .and_then(|rest| rest.split("\n  ],").next())
        .unwrap_or_else(|| panic!("no buildList in {}", json.stdout));
    let mut listed = String::new();
    let mut path = "";
    for line in section.lines().map(str::trim) {
        if let Some(p) = line.strip_prefix("\"path\": \"") {
            path = p.trim_end_matches("\",");
        } else if let Some(v) = line.strip_prefix("\"version\": \"") {
            let v = v.trim_end_matches("\",");
            listed.push_str(path);
            if !v.is_empty() {
                listed.push(' ');
                listed.push_str(v);
            }
            listed.push('\n');
        }
    }
    assert_eq!(listed, plain.stdout);
    for key in [
        "\"origin\": \"go.mod files\"",
        "\"pruning\": \"pruned\"",
        "\"go\": \"1.21\"",
        "\"error\": null",
        "\"zipIfImported\"",
    ] {
        assert!(json.stdout.contains(key), "{key} missing:\n{}", json.stdout);
    }
}
