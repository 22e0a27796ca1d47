//! go.sum verification of downloaded go.mod files: `gomodplay list` and `gomodplay graph` (and
//! the core's `Resolution`) against `go list -m all` and `go mod graph` on the cases in
//! `tests/sum_verify/*.txtar`.
//!
//! Each case is a bundle: main files (go.mod or go.work, go.sum or go.work.sum, workspace
//! modules) and GOPROXY-layout files. It is unpacked in a scratch directory, which is also the
//! go command's file proxy (with the `.info` files go asks for), and read by gomodplay twice: as
//! that directory and as the txtar bundle saved in it. Stdout, stderr and exit status must be
//! go's, byte for byte; the core's resolution must carry go's error text (without the trailing
//! newline) and no build list when go fails. gomodplay runs first: `-mod=mod` lets go add lines
//! to go.sum.

use gomod_test_support::universe_oracle;

use std::path::{Path, PathBuf};
use std::process::Command;

use gomod::bundle::{txtar, Bundle};
use gomod::resolve::{bundle_input, resolve, Cmd, Settings};
use universe_oracle::{run_go, write, Layout, Ran, Scratch};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sum_verify");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 6, "cases missing in {}", dir.display());
    paths
}

fn run_ours(args: &[&str]) -> Ran {
    let cwd = std::env::temp_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_gomodplay"))
        .args(args)
        .current_dir(&cwd)
        .env("PWD", &cwd)
        .output()
        .unwrap_or_else(|e| panic!("running gomodplay: {e}"));
    Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        exit_code: out.status.code().unwrap_or(-1),
    }
}

/// Unpacks the case into `root` (with `.info` files beside the `.mod` files) and saves the
/// bundle there too; returns the bundle's path.
fn unpack(data: &[u8], root: &Path) -> PathBuf {
    let archive = txtar::parse(data);
    for f in &archive.files {
        write(&root.join(&f.name), &f.data);
        if let Some(stem) = f.name.strip_suffix(".mod").filter(|n| n.contains("/@v/")) {
            let version = stem.rsplit('/').next().unwrap_or_default();
            write(
                &root.join(format!("{stem}.info")),
                format!("{{\"Version\":\"{version}\",\"Time\":\"2024-01-01T00:00:00Z\"}}"),
            );
        }
    }
    let bundle = root.join("bundle.txtar");
    write(&bundle, data);
    bundle
}

#[test]
fn list_and_graph_verify_go_sum_as_go_does() {
    let mut failures = Vec::new();
    let mut mismatches = 0;
    for path in cases() {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let scratch = Scratch::new("sum-verify");
        let root = scratch.root.join("root");
        let bundle_path = unpack(&data, &root);
        let workspace = root.join("go.work").exists();
        let root_s = root.display().to_string();
        let bundle_s = bundle_path.display().to_string();
        let ours: Vec<(&str, &str, Ran)> = [("list", "list -m all"), ("graph", "mod graph")]
            .into_iter()
            .flat_map(|(verb, go_args)| {
                [
                    (go_args, "directory", run_ours(&[verb, &root_s])),
                    (go_args, "bundle", run_ours(&[verb, &bundle_s])),
                ]
            })
            .collect();
        // The core's structured result for the same bundle, with go's names for the files.
        let bundle = Bundle::from_txtar(&data);
        let settings = Settings {
            root_dir: root_s.clone(),
            proxy_url: format!("file://{root_s}"),
            ..Settings::default()
        };
        let resolution = bundle_input(&bundle, settings).map(|input| resolve(&input, Cmd::ListAll));
        let layout = Layout {
            proxy: root.clone(),
            root: root.clone(),
            gopath: scratch.root.join("gopath"),
        };
        for (go_args, how, us) in ours {
            let args: Vec<&str> = go_args.split(' ').collect();
            let go = run_go(&layout, &args, workspace);
            if go != us {
                failures.push(format!(
                    "{name} ({how}) go {go_args}:\n--- go (exit {})\n{}{}--- gomodplay (exit {})\n{}{}",
                    go.exit_code, go.stdout, go.stderr, us.exit_code, us.stdout, us.stderr
                ));
            }
            if go.stderr.contains("checksum mismatch") {
                mismatches += 1;
            }
            if go_args == "list -m all" && how == "directory" {
                let error = resolution.as_ref().and_then(|r| r.error.clone());
                if go.stderr.contains("checksum mismatch")
                    && error.as_ref().map(|e| e.kind())
                        != Some(gomod::resolve::ErrorKind::ChecksumMismatch)
                {
                    failures.push(format!(
                        "{name}: go stopped at a checksum mismatch, the resolution's error is {error:?}"
                    ));
                }
                let got = error.map(|e| e.into_text());
                let want = (go.exit_code != 0).then(|| go.stderr.trim_end().to_owned());
                if got != want {
                    failures.push(format!(
                        "{name}: resolution error {got:?}, go printed {want:?}"
                    ));
                }
                if go.exit_code != 0
                    && resolution
                        .as_ref()
                        .is_some_and(|r| !r.build_list.is_empty())
                {
                    failures.push(format!("{name}: a build list although go stops"));
                }
            }
        }
    }
    // Every case but the near miss fails in go for both commands and both layouts.
    assert!(
        mismatches >= 20,
        "only {mismatches} runs met a checksum mismatch"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
