//! `gomodplay graph --format text|dot|mermaid|json` and `gomodplay list --format text|csv|json`
//! on every gallery example and the core's export cases: each document is byte for byte the
//! core's golden for the same input (`crates/gomod/testdata/export/golden/`, which the web app's
//! export menu also produces), text is go's output, and a failing input fails alike in every
//! format.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn gomodplay(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_gomodplay"))
        .args(args)
        .output()
        .expect("runs");
    Run {
        stdout: String::from_utf8(out.stdout).expect("utf-8"),
        stderr: String::from_utf8(out.stderr).expect("utf-8"),
        code: out.status.code().unwrap_or(-1),
    }
}

fn txtar_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
        .collect();
    files.sort();
    files
}

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut all = txtar_files(&root.join("www/examples"));
    assert!(all.len() >= 12);
    all.extend(txtar_files(&root.join("crates/gomod/testdata/export")));
    all
}

/// The `--go-version` the playground runs the example with: its header's Go under
/// GOTOOLCHAIN=local, the newest known one under auto (and for inputs without a header).
fn go_version_args(text: &str) -> Vec<String> {
    let header = |key: &str| {
        text.lines()
            .take_while(|l| !l.starts_with("-- "))
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().to_owned())
    };
    match (header("go-version:"), header("gotoolchain:").as_deref()) {
        (Some(v), Some("local")) => vec!["--go-version".to_owned(), v],
        _ => Vec::new(),
    }
}

fn golden(name: &str, ext: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../gomod/testdata/export/golden")
        .join(format!("{name}.{ext}"));
    std::fs::read_to_string(path).ok()
}

#[test]
fn every_format_prints_the_cores_document() {
    let mut compared = 0;
    let mut failures = Vec::new();
    for path in inputs() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.to_str().unwrap();
        let version = go_version_args(&text);
        let run = |verb: &str, format: Option<&str>| {
            let mut args: Vec<&str> = vec![verb];
            args.extend(version.iter().map(String::as_str));
            if let Some(f) = format {
                args.extend(["--format", f]);
            }
            args.push(file);
            gomodplay(&args)
        };
        let graph_text = run("graph", None);
        let list_text = run("list", None);
        // --format text is the default: go's own output, unchanged.
        for (verb, plain) in [("graph", &graph_text), ("list", &list_text)] {
            let explicit = run(verb, Some("text"));
            assert_eq!(
                (&explicit.stdout, &explicit.stderr, explicit.code),
                (&plain.stdout, &plain.stderr, plain.code),
                "{name} {verb}"
            );
        }
        for (verb, format, ext, plain) in [
            ("graph", "dot", "dot", &graph_text),
            ("graph", "mermaid", "mmd", &graph_text),
            ("graph", "json", "json", &graph_text),
            ("list", "csv", "csv", &list_text),
        ] {
            let got = run(verb, Some(format));
            if plain.code != 0 {
                // go fails: the same messages and status, nothing on stdout.
                assert_eq!(
                    (got.stdout.as_str(), &got.stderr, got.code),
                    ("", &plain.stderr, plain.code),
                    "{name} {verb} --format {format}"
                );
                continue;
            }
            assert_eq!(
                got.code, 0,
                "{name} {verb} --format {format}: {}",
                got.stderr
            );
            assert_eq!(got.stderr, plain.stderr, "{name} {verb} --format {format}");
            match golden(&name, ext) {
                Some(want) if want == got.stdout => compared += 1,
                Some(want) => failures.push(format!(
                    "{name} {verb} --format {format}:\n--- golden\n{want}\n--- got\n{}",
                    got.stdout
                )),
                None => failures.push(format!("{name}: no golden .{ext}")),
            }
        }
        // list --format json is list --json.
        let json = run("list", Some("json"));
        let mut args: Vec<&str> = vec!["list", "--json"];
        args.extend(version.iter().map(String::as_str));
        args.push(file);
        assert_eq!(json.stdout, gomodplay(&args).stdout, "{name}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(
        compared >= 36,
        "only {compared} documents compared with the goldens"
    );
}

#[test]
fn unknown_formats_are_usage_mistakes() {
    let run = gomodplay(&["graph", "--format", "svg"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "gomodplay graph: invalid value \"svg\" for -format (expecting text, dot, mermaid or json)\n"
        ),
        "{}",
        run.stderr
    );
    let run = gomodplay(&["list", "--format", "mermaid"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("(expecting text, csv or json)"),
        "{}",
        run.stderr
    );
}
