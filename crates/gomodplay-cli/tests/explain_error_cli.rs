//! `gomodplay explain-error` end to end: a fixture of the core's error catalogue (whose stderr
//! the real go printed, see crates/gomod/tests/explain_error_cases.rs) read from a file, from
//! stdin and with the user's files given as a bundle and as a directory; the text output is the
//! fixture's `want` section, byte for byte, and the JSON output the same explanation.

use gomod_test_support::scratch;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use gomod::bundle::txtar;
use scratch::{write, Scratch};

fn gomodplay(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gomodplay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gomodplay");
    if let Some(data) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(data)
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("wait for gomodplay")
}

fn section(archive: &txtar::Archive, name: &str) -> Vec<u8> {
    archive
        .files
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("fixture has no {name} section"))
        .data
        .clone()
}

fn fixture() -> txtar::Archive {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../gomod/testdata/explain_error/missing-gosum-gomod.txtar");
    txtar::parse(&std::fs::read(path).expect("read fixture"))
}

#[test]
fn text_output_is_the_fixtures_want_with_files_from_a_bundle_or_a_directory() {
    let archive = fixture();
    let stderr = section(&archive, "stderr");
    let want = String::from_utf8(section(&archive, "want")).expect("utf-8");
    let scratch = Scratch::new("explain-error-cli");
    // The user's files: the module's, and the dependency's go.mod in GOPROXY layout.
    let files = [
        ("go.mod", section(&archive, "go.mod")),
        ("go.sum", section(&archive, "go.sum")),
        (
            "example.com/x/@v/v1.0.0.mod",
            section(&archive, "proxy/example.com/x@v1.0.0/go.mod"),
        ),
    ];
    let bundle = txtar::Archive {
        comment: Vec::new(),
        files: files
            .iter()
            .map(|(name, data)| txtar::File {
                name: (*name).to_owned(),
                data: data.clone(),
            })
            .collect(),
    };
    let bundle_path = scratch.path("bundle.txtar");
    write(&bundle_path, txtar::format(&bundle));
    let dir = scratch.path("project");
    for (name, data) in &files {
        write(&dir.join(name), data);
    }
    let error_file = scratch.path("error.txt");
    write(&error_file, &stderr);

    for files_arg in [&bundle_path, &dir] {
        let out = gomodplay(
            &[
                "explain-error",
                "--dir",
                &files_arg.to_string_lossy(),
                &error_file.to_string_lossy(),
            ],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    }

    // From stdin, with CI noise around it, and as JSON.
    let noisy: Vec<u8> = String::from_utf8_lossy(&stderr)
        .lines()
        .map(|l| format!("2024-05-01T10:00:00.1234567Z \u{1b}[31m{l}\u{1b}[0m\r\n"))
        .collect::<String>()
        .into_bytes();
    let out = gomodplay(
        &[
            "explain-error",
            "--format",
            "json",
            "--dir",
            &bundle_path.to_string_lossy(),
            "-",
        ],
        Some(&noisy),
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(json["errors"][0]["id"], "missing-gosum-gomod");
    assert_eq!(json["errors"][0]["variables"]["module"], "example.com/x");
    assert_eq!(json["errors"][0]["findings"][0]["code"], "sum-missing");
    assert_eq!(
        json["errors"][0]["findings"][0]["fixes"][0]["edits"][0]["file"],
        "go.sum"
    );
    assert_eq!(json["unrecognised"], serde_json::json!([]));
    assert_eq!(json["filesGiven"], true);
}

#[test]
fn unknown_text_is_unrecognised_and_mistakes_are_reported() {
    let out = gomodplay(&["explain-error"], Some(b"hello\n"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "unrecognised at line 1:\n  | hello\n"
    );
    let out = gomodplay(&["explain-error", "/nonexistent/error.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("gomodplay: /nonexistent/error.txt: "));
    let out = gomodplay(&["explain-error", "--format", "xml"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = gomodplay(&["help", "explain-error"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("usage: gomodplay explain-error"));
}
