//! Unit tests of the decoder on hand-written text (the fixtures made by the real go are in
//! `tests/explain_error_cases.rs`).

use super::*;
use crate::check::RULES;

fn ids(text: &str) -> Vec<&'static str> {
    explain_error(text, None)
        .errors
        .iter()
        .map(|e| e.id)
        .collect()
}

#[test]
fn ids_are_unique_and_rules_exist() {
    let mut seen = std::collections::BTreeSet::new();
    for kind in CATALOGUE {
        assert!(seen.insert(kind.id), "duplicate id {}", kind.id);
        for code in kind.rules {
            assert!(
                RULES.iter().any(|r| r.code == *code),
                "{}: unknown rule {code}",
                kind.id
            );
        }
        assert!(!kind.heads.is_empty(), "{} has no head", kind.id);
    }
    assert!(CATALOGUE.len() >= 30, "{} entries", CATALOGUE.len());
}

#[test]
fn the_variables_of_every_text_exist_in_some_template() {
    // A meaning or command whose hole no template fills would always show `<name>` (or never be
    // offered). Paste texts have a fallback.
    for kind in CATALOGUE {
        let mut names: Vec<String> = Vec::new();
        for t in kind.heads.iter().chain(kind.required).chain(kind.details) {
            for n in template::hole_names(t) {
                names.push(n.to_owned());
                names.push(format!("{n}2"));
            }
        }
        names.push("file".to_owned());
        names.push("line".to_owned());
        for text in std::iter::once(&kind.meaning).chain(kind.commands) {
            let vars: BTreeMap<String, String> =
                names.iter().map(|n| (n.clone(), "x".to_owned())).collect();
            assert!(fill(text, &vars).is_ok(), "{}: {text}", kind.id);
        }
    }
}

#[test]
fn several_errors_noise_and_unknown_text() {
    let text = "$ go build ./...\r\n\
go: downloading example.com/x v1.0.0\r\n\
2024-05-01T10:00:00.1234567Z \u{1b}[31mgo: example.com/x@v1.0.0: missing go.sum entry for go.mod file; to add it:\u{1b}[0m\r\n\
2024-05-01T10:00:00.1234567Z \tgo mod download example.com/x\r\n\
make: *** [build] Error 1\r\n\
go: go.mod requires go >= 1.24.1 (running go 1.23.8; GOTOOLCHAIN=local)\r\n";
    let got = explain_error(text, None);
    let ids: Vec<&str> = got.errors.iter().map(|e| e.id).collect();
    assert_eq!(ids, ["missing-gosum-gomod", "go-version-too-new"]);
    assert_eq!(got.commands, ["$ go build ./..."]);
    assert_eq!(got.noise_lines, 1);
    assert_eq!(got.unrecognised.len(), 1);
    assert_eq!(got.unrecognised[0].text, "make: *** [build] Error 1");
    let first = &got.errors[0];
    assert_eq!(first.line, 3);
    assert_eq!(first.end_line, 4);
    assert_eq!(
        first.variables.get("module").map(String::as_str),
        Some("example.com/x")
    );
    assert_eq!(first.suggested, ["go mod download example.com/x"]);
    let second = &got.errors[1];
    assert_eq!(
        second.variables.get("go").map(String::as_str),
        Some("1.24.1")
    );
    assert_eq!(
        second.variables.get("running").map(String::as_str),
        Some("1.23.8")
    );
    assert_eq!(
        second.variables.get("gotoolchain").map(String::as_str),
        Some("local")
    );
}

#[test]
fn nothing_is_guessed() {
    assert!(ids("hello\nerror: something went wrong\n\tdetail").is_empty());
    let got = explain_error("hello\nerror: something\n\tdetail", None);
    assert_eq!(got.unrecognised.len(), 1);
    assert_eq!(got.unrecognised[0].end_line, 3);
    // A message that only resembles one: no go.mod hash, a module with spaces.
    assert!(ids("go: example x@v1: missing go.sum entry for go.mod file; to add it:").is_empty());
    // A parse error line outside an `errors parsing` block is not a parse error.
    assert!(ids("main.go:3: undefined: x").is_empty());
}

#[test]
fn import_and_requirement_chains() {
    let text = "go: example.com/m imports\n\texample.com/a imports\n\texample.com/y: cannot find module providing package example.com/y: module lookup disabled by GOPROXY=off\n";
    let got = explain_error(text, None);
    assert_eq!(got.errors.len(), 1, "{got:?}");
    assert_eq!(got.errors[0].id, "cannot-find-module");
    assert_eq!(got.errors[0].line, 1);
    assert_eq!(got.errors[0].end_line, 3);
    let text = "go: example.com@v0.0.0 requires\n\tvcs.example/x@v4.0.0: invalid version: module contains a go.mod file, so module path must match major version (\"vcs.example/x/v4\")\n";
    assert_eq!(ids(text), ["major-version-compat"]);
}

#[test]
fn parse_error_blocks_name_each_line() {
    let text = "go: errors parsing go.mod:\n/src/go.mod:5: unknown directive: toolchains\n/src/go.mod:7: usage: require module/path v1.2.3\n";
    let got = explain_error(text, None);
    let ids: Vec<&str> = got.errors.iter().map(|e| e.id).collect();
    assert_eq!(ids, ["gomod-unknown-directive", "gomod-parse-error"]);
    assert_eq!(
        got.errors[0].variables.get("file").map(String::as_str),
        Some("/src/go.mod")
    );
    assert_eq!(
        got.errors[0].variables.get("line").map(String::as_str),
        Some("5")
    );
    assert_eq!(
        got.errors[1].variables.get("message").map(String::as_str),
        Some("usage: require module/path v1.2.3")
    );
}

#[test]
fn hostile_input_neither_panics_nor_takes_quadratic_time() {
    let long = ": ".repeat(200_000);
    let got = explain_error(&long, None);
    assert!(got.errors.is_empty());
    let many = "go: x@v1: missing go.sum entry for go.mod file; to add it:\n".repeat(20_000);
    assert_eq!(explain_error(&many, None).errors.len(), 20_000);
    for text in [
        "\u{1b}",
        "\u{1b}[",
        "\u{1b}]",
        "{",
        "\t",
        "\r",
        "go: errors parsing go.mod:",
        " imports",
        "x imports\n\t",
    ] {
        let _ = explain_error(text, None);
    }
}

#[test]
fn findings_from_the_users_files_carry_the_fix() {
    let bundle = Bundle::from_files([
        (
            "go.mod",
            "module example.com/m\n\ngo 1.22.0\n\nrequire example.com/x v1.0.0\n",
        ),
        ("go.sum", ""),
        (
            "example.com/x/@v/v1.0.0.mod",
            "module example.com/x\n\ngo 1.20\n",
        ),
    ]);
    let text = "go: example.com/x@v1.0.0: missing go.sum entry for go.mod file; to add it:\n\tgo mod download example.com/x\n";
    let got = explain_error(text, Some(&bundle));
    let error = &got.errors[0];
    assert_eq!(error.findings.len(), 1);
    assert_eq!(error.findings[0].code, "sum-missing");
    assert!(error.findings[0].fixes.iter().any(|f| !f.edits.is_empty()));
    // go.mod, go.sum and the dependency's go.mod were given: nothing more to paste.
    assert!(error.paste.is_empty(), "{:?}", error.paste);
    // Another module's error does not pick up this finding.
    let other = "go: example.com/y@v1.0.0: missing go.sum entry for go.mod file; to add it:\n";
    assert!(explain_error(other, Some(&bundle)).errors[0]
        .findings
        .is_empty());
}

#[test]
fn mentions_needs_a_whole_path() {
    assert!(mentions("go: example.com/x@v1.0.0: x", "example.com/x"));
    assert!(mentions(
        "example.com/x v1.0.0 is old",
        "example.com/x/sub/pkg"
    ));
    assert!(!mentions("example.com/xy v1.0.0", "example.com/x"));
    assert!(mentions("module example.com/x.", "example.com/x"));
}
