//! `explain_error::is_go_error_output`, which decides whether the web app's editors offer to
//! move a paste to the "go error output" field: every message the real go printed for the error
//! fixtures (`testdata/explain_error/*.txtar`, section `stderr`), also wrapped in a terminal's
//! command echo and progress lines, is go output; every go.mod, go.work and go.sum of the check
//! cases (`testdata/check/*.txtar`) and the gallery (`www/examples/*.txtar`) is not.

use std::fs;
use std::path::Path;

use gomod_test_support::case_files;

use gomod::bundle::txtar;
use gomod::explain_error::is_go_error_output;

fn sections(path: &Path) -> Vec<(String, String)> {
    let data = fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    txtar::parse(&data)
        .files
        .into_iter()
        .map(|f| (f.name, String::from_utf8_lossy(&f.data).into_owned()))
        .collect()
}

#[test]
fn go_error_output_is_recognised_as_such() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/explain_error");
    let mut missed = Vec::new();
    let mut checked = 0;
    for path in case_files::txtar_files(&dir) {
        let Some((_, stderr)) = sections(&path).into_iter().find(|(n, _)| n == "stderr") else {
            continue;
        };
        checked += 1;
        let in_terminal = format!(
            "$ go build ./...\r\ngo: downloading example.com/x v1.0.0\r\n{}",
            stderr.replace('\n', "\r\n")
        );
        for text in [&stderr, &in_terminal] {
            if !is_go_error_output(text) {
                missed.push(format!("{}:\n{text}", path.display()));
            }
        }
    }
    eprintln!("{checked} go outputs recognised, plain and wrapped in terminal noise");
    assert!(
        checked >= 30,
        "only {checked} fixtures with a stderr section"
    );
    assert!(
        missed.is_empty(),
        "not recognised as go output:\n{}",
        missed.join("\n\n")
    );
}

#[test]
fn files_are_not_go_error_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = case_files::txtar_files(&root.join("testdata/check"));
    inputs.extend(case_files::txtar_files(&root.join("../../www/examples")));
    let mut wrong = Vec::new();
    let mut checked = 0;
    for path in inputs {
        for (name, text) in sections(&path) {
            let file = name.rsplit('/').next().unwrap_or(&name);
            if !matches!(file, "go.mod" | "go.work" | "go.sum") || text.trim().is_empty() {
                continue;
            }
            checked += 1;
            if is_go_error_output(&text) {
                wrong.push(format!("{} {name}", path.display()));
            }
        }
    }
    eprintln!("{checked} files not taken for go output");
    assert!(checked >= 200, "only {checked} files checked");
    assert!(
        wrong.is_empty(),
        "files taken for go output:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn plain_text_is_not_go_error_output() {
    for text in [
        "",
        "hello",
        "go: downloading example.com/x v1.0.0\n",
        "$ go build ./...\n",
    ] {
        assert!(!is_go_error_output(text), "{text:?}");
    }
}
