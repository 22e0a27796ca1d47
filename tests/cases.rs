//! The playground's state, checked against what the real go command does.
//!
//! Every tests/cases/NAME.go.mod has a NAME.want written by scripts/web-cases.sh from
//! `go mod edit -fmt -print go.mod` (Go 1.27.3): a verdict line (`canonical`, `formatted` or
//! `errors`) and then exactly the text the result panel must show.

use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use gomodplay_web::state::{Action, Outcome, Playground};
use gomodplay_web::EXAMPLE_GO_MOD;
use yew::Reducible;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

/// The outcome a NAME.want file describes.
fn expected_outcome(want: &str) -> Outcome {
    let (verdict, text) = want.split_once('\n').unwrap_or((want, ""));
    match verdict {
        "canonical" | "formatted" => Outcome::Formatted {
            text: text.to_string(),
            canonical: verdict == "canonical",
        },
        "errors" => Outcome::Errors {
            report: text.to_string(),
        },
        other => panic!("unknown verdict {other:?}"),
    }
}

#[test]
fn outcomes_match_go() {
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
        let expected = expected_outcome(&want);
        let actual = Playground::with_input(input).outcome;
        if actual != expected {
            failures.push(format!(
                "{}:\n  want {expected:?}\n  got  {actual:?}",
                input_path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn opens_with_the_canonical_example() {
    let playground = Playground::default();
    assert_eq!(playground.input, EXAMPLE_GO_MOD);
    assert_eq!(
        playground.outcome,
        Outcome::Formatted {
            text: EXAMPLE_GO_MOD.to_string(),
            canonical: true
        }
    );
}

#[test]
fn editing_recomputes_and_loading_the_example_restores_it() {
    let start = Rc::new(Playground::default());

    let edited = Rc::clone(&start).reduce(Action::Edit("module example.com/m\n".to_string()));
    assert_eq!(edited.input, "module example.com/m\n");
    assert_eq!(
        edited.outcome,
        Outcome::Formatted {
            text: "module example.com/m\n".to_string(),
            canonical: true
        }
    );

    let restored = edited.reduce(Action::LoadExample);
    assert_eq!(*restored, *start);
}

#[test]
fn an_edit_that_changes_nothing_keeps_the_same_state() {
    let start = Rc::new(Playground::default());
    let same = Rc::clone(&start).reduce(Action::Edit(EXAMPLE_GO_MOD.to_string()));
    assert!(Rc::ptr_eq(&start, &same));
}
