//! `gomodplay rules`, which the documentation page is built from: every rule of the catalogue in
//! every format, each text one `gomodplay explain CODE` prints, and with `--examples` the rule
//! cases of crates/gomod/testdata/check as examples whose findings include the rule.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use gomod::check::RULES;

fn gomodplay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gomodplay"))
        .args(args)
        .output()
        .expect("run gomodplay")
}

fn stdout_of(args: &[&str]) -> String {
    let out = gomodplay(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn rule_cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../gomod/testdata/check")
}

#[test]
fn text_is_every_explanation_in_catalogue_order() {
    let want: Vec<String> = RULES
        .iter()
        .map(|r| stdout_of(&["explain", r.code]))
        .collect();
    assert_eq!(stdout_of(&["rules"]), want.join("\n"));
}

/// A format, and the text that starts a rule's entry in it.
type Marker = (&'static str, fn(&str) -> String);

#[test]
fn every_format_names_every_rule_once_in_order() {
    let markers: [Marker; 3] = [
        ("json", |code| format!("\"code\": \"{code}\"")),
        ("markdown", |code| format!("\n## `{code}`\n")),
        ("html", |code| {
            format!("<section class=\"rule\" id=\"rule-{code}\"")
        }),
    ];
    for (format, marker) in markers {
        let text = stdout_of(&["rules", "--format", format]);
        let mut from = 0;
        for rule in RULES {
            let m = marker(rule.code);
            assert_eq!(text.matches(&m).count(), 1, "{format}: {m}");
            let at = text.find(&m).expect("present");
            assert!(at >= from, "{format}: {} out of order", rule.code);
            from = at;
        }
    }
}

#[test]
fn examples_come_from_the_rule_cases_and_show_the_rule() {
    let dir = rule_cases();
    let dir = dir.to_str().expect("UTF-8 path");
    let json = stdout_of(&["rules", "--format", "json", "--examples", dir]);
    assert_eq!(json.matches("\"example\": {").count(), RULES.len());
    let html = stdout_of(&["rules", "--format", "html", "--examples", dir]);
    for rule in RULES {
        let start = html
            .find(&format!(
                "<section class=\"rule\" id=\"rule-{}\"",
                rule.code
            ))
            .expect("section");
        let section = &html[start..];
        let section = &section[..section.find("</section>").expect("end")];
        assert!(
            section.contains("<pre class=\"gomodplay\" data-view=\"diagnostics\">"),
            "{}",
            rule.code
        );
        // The findings are the compiler-style lines of `gomodplay check`.
        assert!(
            section.contains(&format!("{}[{}]: ", rule.severity.as_str(), rule.code)),
            "{}: the example does not show the rule",
            rule.code
        );
        assert!(!section.contains("-- want --"), "{}", rule.code);
    }
}

#[test]
fn go_errors_are_listed_under_the_rules_that_explain_them_with_gos_output() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../gomod/testdata/explain_error");
    let html = stdout_of(&[
        "rules",
        "--format",
        "html",
        "--error-examples",
        &cases.to_string_lossy(),
    ]);
    for kind in gomod::explain_error::CATALOGUE {
        for code in kind.rules {
            if !RULES.iter().any(|r| r.code == *code) {
                continue; // a rule still being added on another branch
            }
            let anchor = format!("<li id=\"go-error-{}-{code}\">", kind.id);
            let at = html
                .find(&anchor)
                .unwrap_or_else(|| panic!("{} is not listed under {code}", kind.id));
            let item = &html[at..];
            let item = &item[..item.find("</li>").expect("closed item")];
            assert!(
                item.contains("<pre class=\"go-error\">"),
                "{} under {code} shows no go output",
                kind.id
            );
        }
    }
}

#[test]
fn mistakes_exit_2() {
    let out = gomodplay(&["rules", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "gomodplay: unknown format \"xml\"\nusage: gomodplay rules [--format text|json|markdown|html] [--examples DIR] [--error-examples DIR]\nRun 'gomodplay help' for details.\n"
    );
}
