//! What-if through the app's reducer: a preview applied to go.mod is one undoable edit, the
//! suggestions come from the input, a refused request reaches the page as the core words it, and
//! a preview older than the text changes nothing. (What the preview computes is compared with
//! go in crates/gomod/testdata/what_if.)

use std::rc::Rc;

use gomod::analyze::what_if::WhatIfRequest;
use gomodplay_web::state::{default_settings, Action, EditorFile, Playground, GO_MOD};
use yew::Reducible;

const GO_MOD_TEXT: &str = "module example.com/m\n\ngo 1.22.0\n\nrequire example.com/dep v1.0.0\n";
const DEP_V1_0: &str = "module example.com/dep\n\ngo 1.20\n";
const DEP_V1_1: &str = "module example.com/dep\n\ngo 1.20\n";

fn playground() -> Rc<Playground> {
    let p = Rc::new(Playground::open(Some((
        vec![
            EditorFile::new(GO_MOD, GO_MOD_TEXT),
            EditorFile::new("example.com/dep/@v/v1.0.0.mod", DEP_V1_0),
            EditorFile::new("example.com/dep/@v/v1.1.0.mod", DEP_V1_1),
        ],
        default_settings(),
    ))));
    p.reduce(Action::Analyse)
}

fn raise(version: &str) -> Action {
    Action::WhatIf(WhatIfRequest::Raise {
        path: "example.com/dep".to_owned(),
        version: version.to_owned(),
    })
}

fn go_mod_text(p: &Playground) -> &str {
    &p.file(GO_MOD).expect("go.mod is always there").text
}

#[test]
fn the_suggestions_are_the_modules_and_versions_of_the_input() {
    let p = playground();
    let views = p.views.as_ref().expect("views");
    let choices: Vec<(&str, Option<&str>, Vec<&str>)> = views
        .choices
        .iter()
        .map(|c| {
            (
                c.path.as_str(),
                c.selected.as_deref(),
                c.versions.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        choices,
        [("example.com/dep", Some("v1.0.0"), vec!["v1.0.0", "v1.1.0"])]
    );
}

#[test]
fn apply_then_undo_restores_go_mod() {
    let previewed = playground().reduce(raise("v1.1.0"));
    let preview = previewed.what_if.clone().expect("a preview");
    assert_eq!(preview.command, "go get example.com/dep@v1.1.0");
    assert!(preview.apply.is_some());
    let applied = previewed.reduce(Action::ApplyWhatIf);
    assert_eq!(
        go_mod_text(&applied),
        "module example.com/m\n\ngo 1.22.0\n\nrequire example.com/dep v1.1.0\n"
    );
    assert_eq!(
        applied.notice.as_deref(),
        Some("Applied to go.mod what `go get example.com/dep@v1.1.0` writes.")
    );
    let undone = applied.reduce(Action::Undo);
    assert_eq!(go_mod_text(&undone), GO_MOD_TEXT);
    assert_eq!(
        undone.notice.as_deref(),
        Some("Undid applying “go get example.com/dep@v1.1.0” to go.mod.")
    );
}

#[test]
fn a_refusal_is_shown_in_the_core_words_and_offers_no_edit() {
    let p = playground().reduce(raise("banana"));
    let preview = p.what_if.clone().expect("a preview");
    let message = preview.outcome.clone().expect_err("refused").to_string();
    assert_eq!(
        message,
        "“banana” is not a version: go wants a semantic version with a leading v, such as v1.2.3."
    );
    assert!(preview.apply.is_none());
    let p = playground().reduce(raise("v1.2.0"));
    let message = p
        .what_if
        .clone()
        .expect("a preview")
        .outcome
        .clone()
        .expect_err("refused")
        .to_string();
    assert!(
        message.starts_with("The go.mod file of example.com/dep@v1.2.0 is not in your files"),
        "{message}"
    );
    assert!(!message.contains("file://"), "{message}");
}

#[test]
fn a_preview_older_than_the_text_changes_nothing() {
    let previewed = playground().reduce(raise("v1.1.0"));
    let typed = format!("{GO_MOD_TEXT}// typed since\n");
    let edited = previewed.reduce(Action::Edit {
        file: GO_MOD.to_owned(),
        text: typed.clone(),
    });
    let applied = edited.reduce(Action::ApplyWhatIf);
    assert_eq!(go_mod_text(&applied), typed);
    assert!(applied
        .notice
        .as_deref()
        .is_some_and(|n| n.starts_with("Nothing was changed")));
}
