//! Golden tests of `gomodplay why`, with its facts checked against the go command.
//!
//! Each case in testdata/why/*.txtar is a bundle plus an `args:` line in the archive comment
//! (`$BUNDLE` stands for the bundle file) and a `want` section: stdout, then `[stderr]` and the
//! stderr text if any, then `[exit N]` if the status is not 0. `UPDATE_GOLDEN=1` rewrites the
//! `want` sections.
//!
//! `why` has no go counterpart, so the golden texts are our own; what they claim is checked
//! against go instead: the bundle is unpacked as a file GOPROXY and for every successful text
//! case the `selected:` version must be the one `go list -m all` prints, every `required by`
//! line must be an edge of `go mod graph` (and their number the number of edges into the
//! path), every step of every chain must be an edge of `go mod graph`, and every version listed
//! as in the graph must be a node of it.

use gomod_test_support::scratch;
use gomod_test_support::universe_oracle;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use scratch::{write, Scratch};
use universe_oracle::{run_go, Layout};

use gomod::bundle::txtar;

/// The text a case's `want` section holds for a run.
fn render(out: &std::process::Output) -> String {
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.stderr.is_empty() {
        text.push_str("[stderr]\n");
        text.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    let status = out.status.code().unwrap_or(-1);
    if status != 0 {
        text.push_str(&format!("[exit {status}]\n"));
    }
    text
}

/// Unpacks the bundle as a file GOPROXY (adding the `.info` files go asks for) and runs go.
fn go_outputs(files: &[txtar::File], dir: &Path) -> (String, String) {
    for f in files {
        write(&dir.join(&f.name), &f.data);
        if let Some(stem) = f.name.strip_suffix(".mod") {
            if let Some((_, escaped)) = stem.split_once("/@v/") {
                let version = gomod::path::unescape_version(escaped).unwrap_or_default();
                write(
                    &dir.join(format!("{stem}.info")),
                    format!("{{\"Version\":\"{version}\",\"Time\":\"2020-01-01T00:00:00Z\"}}")
                        .as_bytes(),
                );
            }
        }
    }
    let workspace = dir.join("go.work").exists();
    // The bundle's directory is both the main module's and the proxy's.
    let layout = Layout {
        proxy: dir.to_path_buf(),
        root: dir.to_path_buf(),
        gopath: dir.join("gopath"),
    };
    let run = |args: &[&str]| -> String {
        let out = run_go(&layout, args, workspace);
        assert_eq!(
            out.exit_code,
            0,
            "go {args:?} failed in {}: {}",
            dir.display(),
            out.stderr
        );
        out.stdout
    };
    (run(&["mod", "graph"]), run(&["list", "-m", "all"]))
}

/// Checks the facts of a successful text `why` output against go's graph and build list.
fn check_against_go(name: &str, module: &str, stdout: &str, graph: &str, list: &str) {
    let path = module.split('@').next().unwrap_or(module);
    let edges: Vec<(&str, &str)> = graph.lines().filter_map(|l| l.split_once(' ')).collect();
    let has_edge = |a: &str, b: &str| edges.iter().any(|(x, y)| *x == a && *y == b);
    let mut section = "";
    let mut required_by = 0;
    for line in stdout.lines() {
        if let Some(v) = line
            .strip_prefix("selected: ")
            .filter(|v| v.starts_with('v'))
        {
            let listed = list
                .lines()
                .any(|l| l == format!("{path} {v}") || l.starts_with(&format!("{path} {v} => ")));
            assert!(
                listed,
                "{name}: go list -m all does not select {path} {v}:\n{list}"
            );
        }
        if !line.starts_with('\t') {
            section = line;
            continue;
        }
        let item = line.trim_start_matches('\t');
        if section.starts_with("required by") {
            let (who, version) = item
                .split_once(" requires ")
                .unwrap_or_else(|| panic!("{name}: odd line {line:?}"));
            assert!(
                has_edge(who, &format!("{path}@{version}")),
                "{name}: go mod graph has no edge {who} {path}@{version}"
            );
            required_by += 1;
        } else if section.starts_with("shortest chain") || section.starts_with("chains") {
            let steps: Vec<&str> = item.split(" -> ").collect();
            for pair in steps.windows(2) {
                assert!(
                    has_edge(pair[0], pair[1]),
                    "{name}: go mod graph has no edge {} {}",
                    pair[0],
                    pair[1]
                );
            }
        } else if section.starts_with("versions in the graph") {
            let version = item.split(' ').next().unwrap_or_default();
            let node = format!("{path}@{version}");
            assert!(
                edges.iter().any(|(a, b)| *a == node || *b == node),
                "{name}: {node} is not in go mod graph"
            );
        }
    }
    let into_path = edges
        .iter()
        .filter(|(_, b)| b.starts_with(&format!("{path}@")))
        .count();
    if stdout.contains("\nrequired by (") {
        assert_eq!(
            required_by, into_path,
            "{name}: go mod graph has {into_path} edges into {path}"
        );
    }
}

#[test]
fn why_goldens() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join("why");
    let mut names: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "too few cases in {}", dir.display());
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let scratch = Scratch::new("why-golden");
    let base = scratch.root.as_path();
    let mut failures = Vec::new();
    for case in &names {
        let name = case
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let archive = txtar::parse(&fs::read(case).unwrap_or_default());
        let comment = String::from_utf8_lossy(&archive.comment).into_owned();
        let args_line = comment
            .lines()
            .find_map(|l| l.strip_prefix("args: "))
            .unwrap_or_else(|| panic!("{name}: no args: line"));
        let files: Vec<txtar::File> = archive
            .files
            .iter()
            .filter(|f| f.name != "want")
            .cloned()
            .collect();
        let case_dir = base.join(name.trim_end_matches(".txtar"));
        let bundle = case_dir.join("bundle.txtar");
        write(
            &bundle,
            txtar::format(&txtar::Archive {
                comment: Vec::new(),
                files: files.clone(),
            }),
        );
        let bundle_s = bundle.display().to_string();
        let args: Vec<String> = args_line
            .split_whitespace()
            .map(|a| a.replace("$BUNDLE", &bundle_s))
            .collect();
        let out = Command::new(env!("CARGO_BIN_EXE_gomodplay"))
            .args(&args)
            .current_dir(&case_dir)
            .env("PWD", &case_dir)
            .output()
            .unwrap_or_else(|e| panic!("running gomodplay: {e}"));
        // Paths of the scratch directory would make the texts differ between runs.
        let got = render(&out).replace(&bundle_s, "$BUNDLE");
        let want = archive
            .files
            .iter()
            .find(|f| f.name == "want")
            .map(|f| String::from_utf8_lossy(&f.data).into_owned());
        if update {
            let mut updated = archive.clone();
            updated.files.retain(|f| f.name != "want");
            updated.files.push(txtar::File {
                name: "want".to_owned(),
                data: got.clone().into_bytes(),
            });
            fs::write(case, txtar::format(&updated))
                .unwrap_or_else(|e| panic!("writing {}: {e}", case.display()));
        } else if want.as_deref() != Some(got.as_str()) {
            failures.push(format!(
                "{name}: want\n{}\ngot\n{got}",
                want.unwrap_or_default()
            ));
        }
        let is_text = !args.iter().any(|a| a == "--json");
        let supplied = files.iter().any(|f| f.name == "go-mod-graph.txt");
        if out.status.success() && is_text && !supplied {
            let module = args.last().cloned().unwrap_or_default();
            let (graph, list) = go_outputs(&files, &case_dir.join("go"));
            check_against_go(&name, &module, &got, &graph, &list);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
