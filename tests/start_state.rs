//! A clean start through the reducer: New leaves an empty go.mod one Undo away from the files it
//! replaced; "Your input" never keeps an example's files; a dropped bundle replaces the files as
//! Paste bundle does and says so, while a dropped single file still joins the others.

use gomodplay_web::state::{
    default_settings, go_version_text, new_go_mod, Action, EditorFile, Playground, GO_MOD, GO_SUM,
};

fn names(p: &Playground) -> Vec<&str> {
    p.files.iter().map(|f| f.name.as_str()).collect()
}

fn own() -> Vec<EditorFile> {
    vec![
        EditorFile::new(GO_MOD, "module example.com/own\n\ngo 1.22.0\n"),
        EditorFile::new(GO_SUM, ""),
        EditorFile::new("go.work", "go 1.22.0\n\nuse .\n"),
    ]
}

#[test]
fn new_leaves_an_empty_go_mod_and_undo_brings_the_files_back() {
    let mut p = Playground::open(None);
    let before = p.files.clone();
    assert!(
        before.len() > 2,
        "the default example has a dependency file"
    );
    p.apply(Action::New);
    assert_eq!(names(&p), [GO_MOD, GO_SUM]);
    let template = new_go_mod(go_version_text(&p.settings));
    assert_eq!(p.file(GO_MOD).map(|f| &*f.text), Some(template.as_str()));
    assert_eq!(p.file(GO_SUM).map(|f| &*f.text), Some(""));
    assert_eq!(p.example, None);
    assert_eq!(p.view, None);
    let notice = p.notice.clone().unwrap_or_default();
    assert!(notice.contains("Undo"), "{notice}");
    assert_eq!(p.undo.len(), 1);
    p.apply(Action::Undo);
    assert_eq!(p.files, before);
    assert_eq!(p.example, Some("01-go-version-build-script"));
}

#[test]
fn the_new_go_mod_names_the_go_the_user_runs() {
    assert_eq!(
        new_go_mod("1.22.12"),
        "module example.com/m\n\ngo 1.22.12\n"
    );
    assert!(new_go_mod("").contains(gomod::resolve::DEFAULT_GO_VERSION));
}

#[test]
fn your_input_straight_from_the_default_example_starts_new() {
    let mut p = Playground::open(None);
    p.apply(Action::LeaveExample);
    assert_eq!(names(&p), [GO_MOD, GO_SUM]);
    assert_eq!(p.example, None);
    p.apply(Action::Undo);
    assert_eq!(p.example, Some("01-go-version-build-script"));
}

#[test]
fn your_input_after_examples_brings_the_users_files_back() {
    let mut p = Playground::open(Some((own(), default_settings())));
    p.apply(Action::LoadExample("01-go-version-build-script"));
    p.apply(Action::LoadExample("02-module-myproject"));
    assert!(names(&p).iter().all(|n| *n != "go.work"));
    p.apply(Action::LeaveExample);
    assert_eq!(p.files, own());
    assert_eq!(p.settings, default_settings());
    assert_eq!(p.example, None);
    // Already the user's input: choosing it again changes nothing.
    let before = p.clone();
    p.apply(Action::LeaveExample);
    assert_eq!(p, before);
    p.apply(Action::Undo);
    assert_eq!(p.example, Some("02-module-myproject"));
}

#[test]
fn a_dropped_bundle_replaces_the_files_with_undo() {
    let mut p = Playground::open(Some((own(), default_settings())));
    let bundle = "-- go.mod --\nmodule example.com/dropped\n\ngo 1.22.0\n-- go.sum --\n";
    p.apply(Action::Drop(vec![(
        "b.txtar".to_owned(),
        bundle.as_bytes().to_vec(),
    )]));
    assert_eq!(names(&p), [GO_MOD, GO_SUM]);
    assert_eq!(
        p.file(GO_MOD).map(|f| &*f.text),
        Some("module example.com/dropped\n\ngo 1.22.0\n")
    );
    let notice = p.notice.clone().unwrap_or_default();
    assert!(notice.contains("in place of your files"), "{notice}");
    assert!(notice.contains("Undo"), "{notice}");
    p.apply(Action::Undo);
    assert_eq!(p.files, own());
}

#[test]
fn a_dropped_go_sum_joins_the_files() {
    let mut p = Playground::open(Some((own(), default_settings())));
    let sum = "example.com/a v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    p.apply(Action::Drop(vec![(
        "go.sum".to_owned(),
        sum.as_bytes().to_vec(),
    )]));
    assert_eq!(names(&p), [GO_MOD, GO_SUM, "go.work"]);
    assert_eq!(p.file(GO_SUM).map(|f| &*f.text), Some(sum));
    p.apply(Action::Undo);
    assert_eq!(p.files, own());
}
