//! Differential testing against Go's own golang.org/x/mod.
//!
//! `tests/xmod-driver/main.go` answers requests by calling x/mod and the go command's gover/str
//! packages. This file builds it at test time from the Go installation under test: the needed Go
//! sources are copied from GOROOT into a scratch directory under Cargo's target dir (never into the
//! repository), then built fully offline. Each test sends all its requests to one driver process
//! and compares every answer with ours, reporting the seed that generated the inputs.
//!
//! The go binary is the one `go.rs` finds.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use crate::go;

/// A go command in `dir`: offline (see `go.rs`), resolving the driver's replaced x/mod.
fn go_command(dir: &Path) -> Command {
    let mut cmd = go::go_command();
    cmd.current_dir(dir).env("GOFLAGS", "-mod=mod");
    cmd
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("creating {}: {e}", to.display()));
    let entries = fs::read_dir(from).unwrap_or_else(|e| panic!("reading {}: {e}", from.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("reading {}: {e}", from.display()));
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("copying {}: {e}", entry.path().display()));
        }
    }
}

/// Copies Go source files from `from_dir` into `to_dir`, rewriting import paths so that packages
/// internal to the Go distribution can be built as part of the scratch module.
fn copy_go_files(from_dir: &Path, files: &[&str], to_dir: &Path, rewrites: &[(&str, &str)]) {
    fs::create_dir_all(to_dir).unwrap_or_else(|e| panic!("creating {}: {e}", to_dir.display()));
    for file in files {
        let from = from_dir.join(file);
        let mut text =
            fs::read_to_string(&from).unwrap_or_else(|e| panic!("reading {}: {e}", from.display()));
        for (old, new) in rewrites {
            text = text.replace(old, new);
        }
        fs::write(to_dir.join(file), text).unwrap_or_else(|e| panic!("writing {file}: {e}"));
    }
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}

/// Cargo's directory for tests' temporary files (`target/tmp`, what `CARGO_TARGET_TMPDIR` names
/// for an integration test), found from the running test binary (`target/<profile>/deps/<test>`)
/// so that it follows `CARGO_TARGET_DIR`.
fn target_tmp_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("the test binary's path: {e}"));
    match exe.ancestors().nth(3) {
        Some(target) => target.join("tmp"),
        None => std::env::temp_dir(),
    }
}

fn build_driver() -> PathBuf {
    let goroot = go::goroot();
    let src = goroot.join("src");

    // One scratch directory per test binary, so binaries running in parallel do not collide.
    let exe_name = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "xmod".to_owned());
    let scratch = target_tmp_dir().join(format!("xmod-oracle-{exe_name}"));
    if scratch.exists() {
        fs::remove_dir_all(&scratch)
            .unwrap_or_else(|e| panic!("removing {}: {e}", scratch.display()));
    }

    let xmod = scratch.join("xmod");
    copy_dir(&src.join("cmd/vendor/golang.org/x/mod"), &xmod);
    write(&xmod.join("go.mod"), "module golang.org/x/mod\n\ngo 1.23\n");

    let driver = scratch.join("driver");
    fs::create_dir_all(&driver).unwrap_or_else(|e| panic!("creating {}: {e}", driver.display()));
    write(
        &driver.join("go.mod"),
        "module gomodplay.test/xmoddriver\n\ngo 1.23\n\nrequire golang.org/x/mod v0.0.0\n\nreplace golang.org/x/mod => ../xmod\n",
    );
    let main_go = go::workspace_root().join("crates/gomod/tests/xmod-driver/main.go");
    fs::copy(&main_go, driver.join("main.go"))
        .unwrap_or_else(|e| panic!("copying {}: {e}", main_go.display()));

    let rewrites = [
        (
            "\"internal/gover\"",
            "\"gomodplay.test/xmoddriver/internalgover\"",
        ),
        (
            "\"cmd/go/internal/base\"",
            "\"gomodplay.test/xmoddriver/base\"",
        ),
    ];
    copy_go_files(
        &src.join("internal/gover"),
        &["gover.go"],
        &driver.join("internalgover"),
        &rewrites,
    );
    copy_go_files(
        &src.join("cmd/go/internal/gover"),
        &["gover.go", "mod.go", "toolchain.go"],
        &driver.join("cmdgover"),
        &rewrites,
    );
    copy_go_files(
        &src.join("cmd/go/internal/str"),
        &["str.go", "path.go"],
        &driver.join("cmdstr"),
        &rewrites,
    );
    // toolchain.go's error type needs these two names from files we leave out (they read the
    // running toolchain and print paths); the comparisons under test do not use them.
    write(
        &driver.join("cmdgover/local_stub.go"),
        "package gover\n\nfunc Local() string { return \"\" }\n",
    );
    fs::create_dir_all(driver.join("base")).unwrap_or_else(|e| panic!("creating base: {e}"));
    write(
        &driver.join("base/base.go"),
        "package base\n\nfunc ShortPath(path string) string { return path }\n",
    );

    let exe = scratch.join("xmod-driver");
    let out = go_command(&driver)
        .args(["build", "-o"])
        .arg(&exe)
        .arg(".")
        .output()
        .unwrap_or_else(|e| panic!("running go build: {e}"));
    assert!(
        out.status.success(),
        "building the x/mod driver in {} failed:\n{}",
        driver.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    exe
}

/// The built driver (built once per test binary).
pub fn driver() -> &'static Path {
    static DRIVER: OnceLock<PathBuf> = OnceLock::new();
    DRIVER.get_or_init(build_driver)
}

/// Escapes a field for the driver protocol.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape`].
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// One request: the operation and its arguments.
pub type Request = Vec<String>;

/// Builds a request from string slices.
pub fn req(op: &str, args: &[&str]) -> Request {
    std::iter::once(op)
        .chain(args.iter().copied())
        .map(str::to_owned)
        .collect()
}

/// Sends every request to one driver process and returns the answers, field by field.
pub fn ask(requests: &[Request]) -> Vec<Vec<String>> {
    let mut child = Command::new(driver())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("starting the x/mod driver: {e}"));
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("driver stdin"));
    let payload: String = requests
        .iter()
        .map(|r| r.iter().map(|f| escape(f)).collect::<Vec<_>>().join("\t") + "\n")
        .collect();
    // Write from another thread: the driver answers while we are still sending, and a full
    // stdout pipe would otherwise block both sides.
    let writer = std::thread::spawn(move || {
        stdin
            .write_all(payload.as_bytes())
            .unwrap_or_else(|e| panic!("writing to the driver: {e}"));
    });
    let stdout = child
        .stdout
        .take()
        .unwrap_or_else(|| panic!("driver stdout"));
    let answers: Vec<Vec<String>> = BufReader::new(stdout)
        .lines()
        .map(|line| {
            let line = line.unwrap_or_else(|e| panic!("reading from the driver: {e}"));
            line.split('\t').map(unescape).collect()
        })
        .collect();
    writer
        .join()
        .unwrap_or_else(|_| panic!("driver writer thread panicked"));
    let status = child
        .wait()
        .unwrap_or_else(|e| panic!("waiting for the driver: {e}"));
    assert!(status.success(), "the x/mod driver exited with {status}");
    assert_eq!(
        answers.len(),
        requests.len(),
        "the driver answered {} of {} requests",
        answers.len(),
        requests.len()
    );
    answers
}

/// A list answer as the driver writes it: its length, then its elements.
pub fn counted(list: Vec<String>) -> Vec<String> {
    std::iter::once(list.len().to_string())
        .chain(list)
        .collect()
}

/// Asks the driver every request and compares its answers with `ours`. All mismatches (up to a
/// limit) are reported together with the seed that produced the inputs.
pub fn compare(seed: u64, requests: &[Request], mut ours: impl FnMut(&Request) -> Vec<String>) {
    let answers = ask(requests);
    let mut failures = Vec::new();
    let mut count = 0usize;
    for (request, theirs) in requests.iter().zip(&answers) {
        let mine = ours(request);
        if &mine != theirs {
            count += 1;
            if failures.len() < 40 {
                failures.push(format!(
                    "  request {request:?}\n    go:   {theirs:?}\n    ours: {mine:?}"
                ));
            }
        }
    }
    eprintln!(
        "{} of {} answers agree with golang.org/x/mod (seed {seed})",
        requests.len() - count,
        requests.len()
    );
    assert!(
        count == 0,
        "{count} of {} answers differ from golang.org/x/mod (seed {seed}; rerun with GOMODPLAY_SEED={seed}):\n{}",
        requests.len(),
        failures.join("\n")
    );
}
