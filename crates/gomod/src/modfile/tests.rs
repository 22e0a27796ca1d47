//! Golden tests: every `testdata/{syntax,modfile}/*.in` is a go.mod whose expected
//! `go mod edit -fmt -print` output (or error text) was produced by the go binary with
//! `tools/regen_golden.sh`; `testdata/modfile_json` holds `go mod edit -json` outputs.

use crate::golden::check_dir;
use crate::syntax::utf8::{runes, RUNE_ERROR};

/// Output bytes as golden text: each byte that is not part of valid UTF-8 is shown as `\xNN`,
/// as `tools/regen_golden.sh` writes the go command's output.
pub(crate) fn visible(bytes: &[u8]) -> String {
    let mut out = String::new();
    for (at, r, width) in runes(bytes) {
        if r == RUNE_ERROR && width == 1 {
            out.push_str(&format!("\\x{:02x}", bytes.get(at).copied().unwrap_or(0)));
        } else {
            out.push(r);
        }
    }
    out
}

/// What `go mod edit -fmt -print` shows for a file named go.mod: the formatted file, or the
/// error list (the go command's `go: errors parsing go.mod:` header line is left out).
fn render_fmt(_name: &str, data: &[u8]) -> String {
    match super::format("go.mod", data) {
        Ok(out) => visible(&out),
        Err(errs) => format!("{errs}\n"),
    }
}

fn render_json(_name: &str, data: &[u8]) -> String {
    match super::edit_json("go.mod", data) {
        Ok(out) => out,
        Err(errs) => format!("{errs}\n"),
    }
}

#[test]
fn syntax_golden() {
    check_dir("syntax", render_fmt);
}

#[test]
fn modfile_fmt_golden() {
    check_dir("modfile", render_fmt);
}

#[test]
fn modfile_json_golden() {
    check_dir("modfile_json", render_json);
}

/// Runs `go <args>` on `data` saved as `file_name` alone in a fresh directory, offline.
/// Returns stdout on success, and stderr without its `go: errors parsing ...` header lines
/// (one for go.mod, two for go.work) on failure, shown like the golden files.
pub(crate) fn run_go(file_name: &str, data: &[u8], args: &[&str]) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let go = std::env::var("GO").unwrap_or_else(|_| "/work/main/.venv/bin/go".to_owned());
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("gomod-run-go-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join(file_name), data).expect("write input");
    let out = std::process::Command::new(go)
        .args(args)
        .arg(file_name)
        .current_dir(&dir)
        .env("GOTOOLCHAIN", "local")
        .env("GOWORK", "off")
        .env("GOPROXY", "off")
        .env("GOFLAGS", "")
        .env("GOSUMDB", "off")
        .output()
        .expect("running go");
    let _ = std::fs::remove_dir_all(&dir);
    if out.status.success() {
        return visible(&out.stdout);
    }
    let header = if file_name == "go.work" { 2 } else { 1 };
    let err = visible(&out.stderr);
    err.split_inclusive('\n').skip(header).collect()
}

/// Every go.mod and go.work of the shared corpus (`$GOMOD_CORPUS`, by default
/// /work/shared/corpus) formats and renders as JSON exactly as the go binary (`$GO`) does.
#[test]
#[ignore = "needs the go binary and the shared corpus: cargo test -p gomod -- --ignored corpus"]
fn corpus_matches_go() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p
                .file_name()
                .is_some_and(|n| n == "go.mod" || n == "go.work")
            {
                out.push(p);
            }
        }
    }
    let root = std::env::var("GOMOD_CORPUS").unwrap_or_else(|_| "/work/shared/corpus".to_owned());
    let mut files = Vec::new();
    walk(std::path::Path::new(&root), &mut files);
    files.sort();
    assert!(!files.is_empty(), "no go.mod or go.work under {root}");
    let mut failures = Vec::new();
    for path in &files {
        let data = std::fs::read(path).expect("read corpus file");
        let is_work = path.file_name().is_some_and(|n| n == "go.work");
        let (name, ours_fmt, ours_json) = if is_work {
            let fmt = crate::workfile::format("go.work", &data);
            let json = crate::workfile::edit_json("go.work", &data);
            ("go.work", fmt, json)
        } else {
            (
                "go.mod",
                super::format("go.mod", &data),
                super::edit_json("go.mod", &data),
            )
        };
        let verb = if is_work { "work" } else { "mod" };
        let ours_fmt = match ours_fmt {
            Ok(b) => visible(&b),
            Err(e) => format!("{e}\n"),
        };
        let ours_json = match ours_json {
            Ok(s) => s,
            Err(e) => format!("{e}\n"),
        };
        if ours_fmt != run_go(name, &data, &[verb, "edit", "-fmt", "-print"]) {
            failures.push(format!("{}: -fmt differs", path.display()));
        }
        if ours_json != run_go(name, &data, &[verb, "edit", "-json"]) {
            failures.push(format!("{}: -json differs", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus files differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    eprintln!("{} corpus files match the go binary", files.len());
}
