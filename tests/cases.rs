//! The web app's go.mod cases, checked against what the real go command does.
//!
//! Every tests/cases/NAME.go.mod has a NAME.want written by scripts/web-cases.sh from
//! `go mod edit -fmt -print go.mod` (Go 1.27.3): a verdict line (`canonical`, `formatted` or
//! `errors`) and then go's output. Through the app's reducer: a canonical file gets neither a
//! `not-formatted` nor a `syntax-error` finding; a formatted one gets a `not-formatted` fix whose
//! preview turns the file into exactly go's output; a broken one gets a `syntax-error` finding on
//! exactly the lines go names, each message being go's.

use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use gomodplay_web::state::{default_settings, Action, EditorFile, Playground, GO_MOD};
use yew::Reducible;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

fn playground_with(go_mod: &str) -> Rc<Playground> {
    Rc::new(Playground::open(Some((
        vec![EditorFile::new(GO_MOD, go_mod)],
        default_settings(),
    ))))
}

fn codes(p: &Playground, code: &str) -> Vec<usize> {
    p.analysis
        .report
        .diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| d.code == code)
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn go_mod_cases_match_go() {
    let mut inputs: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("tests/cases is readable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.to_string_lossy().ends_with(".go.mod"))
        .collect();
    inputs.sort();
    assert!(
        inputs.len() >= 8,
        "expected the web cases, found {inputs:?}"
    );
    let mut failures = Vec::new();
    for input_path in &inputs {
        let input = fs::read_to_string(input_path).expect("case input is UTF-8");
        let want_path = input_path.to_string_lossy().replace(".go.mod", ".want");
        let want = fs::read_to_string(&want_path).expect("case has a .want file");
        let (verdict, text) = want.split_once('\n').unwrap_or((&want, ""));
        let p = playground_with(&input);
        let not_formatted = codes(&p, "not-formatted");
        let syntax = codes(&p, "syntax-error");
        let name = input_path.display();
        match verdict {
            "canonical" => {
                if !not_formatted.is_empty() || !syntax.is_empty() {
                    failures.push(format!("{name}: go finds it canonical, the app does not"));
                }
            }
            "formatted" => {
                let Some(&index) = not_formatted.first() else {
                    failures.push(format!("{name}: no not-formatted finding"));
                    continue;
                };
                let previewed = Rc::clone(&p).reduce(Action::PreviewFix {
                    diagnostic: index,
                    fix: 0,
                });
                let applied = previewed.reduce(Action::ApplyPreview);
                let got = applied
                    .file(GO_MOD)
                    .map(|f| f.text.to_string())
                    .unwrap_or_default();
                if got != text {
                    failures.push(format!("{name}: fix gives\n{got}\nwant\n{text}"));
                }
            }
            "errors" => {
                let mut lines: Vec<u32> = p
                    .analysis
                    .report
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == "syntax-error")
                    .inspect(|d| {
                        if !text.contains(d.message.as_str()) {
                            failures.push(format!("{name}: message {:?} is not go's", d.message));
                        }
                    })
                    .map(|d| d.span.line)
                    .collect();
                lines.sort_unstable();
                let mut want_lines: Vec<u32> = text
                    .lines()
                    .filter_map(|l| l.strip_prefix("go.mod:"))
                    .filter_map(|l| l.split(':').next()?.parse().ok())
                    .collect();
                want_lines.sort_unstable();
                if lines != want_lines {
                    failures.push(format!(
                        "{name}: error lines {lines:?}, go says {want_lines:?}"
                    ));
                }
            }
            other => failures.push(format!("{name}: unknown verdict {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_edit_that_changes_nothing_keeps_the_same_state() {
    let start = playground_with(gomodplay_web::EXAMPLE_GO_MOD);
    let same = Rc::clone(&start).reduce(Action::Edit {
        file: GO_MOD.to_owned(),
        text: gomodplay_web::EXAMPLE_GO_MOD.to_owned(),
    });
    assert!(Rc::ptr_eq(&start, &same));
}
