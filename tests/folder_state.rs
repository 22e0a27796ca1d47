//! Gathering the whole graph through the reducer: a bundle pasted straight into the go.mod
//! editor is loaded as a bundle; a project folder's files replace the input and the count of
//! skipped entries is said; a module cache adds exactly the go.mod files go.sum names, after
//! which the graph is complete.

use gomod::gather::graph_incomplete;
use gomodplay_web::state::{default_settings, Action, EditorFile, FolderInput, Playground};

const GO_MOD: &str = "module example.com/app\n\ngo 1.22\n\nrequire example.com/Lib v1.0.0\n";
const LIB_NAME: &str = "example.com/!lib/@v/v1.0.0.mod";
const LIB_MOD: &str = "module example.com/Lib\n\ngo 1.22\n";

/// go.sum with the true hash of the dependency's go.mod.
fn go_sum() -> String {
    format!(
        "example.com/Lib v1.0.0/go.mod {}\n",
        gomod::sum::gomod_hash(LIB_MOD.as_bytes())
    )
}

fn empty() -> Playground {
    let mut p = Playground::open(Some((
        vec![EditorFile::new("go.mod", "module example.com/mine\n")],
        default_settings(),
    )));
    p.apply(Action::Analyse);
    p
}

fn names(p: &Playground) -> Vec<&str> {
    p.files.iter().map(|f| f.name.as_str()).collect()
}

#[test]
fn a_bundle_pasted_into_the_go_mod_editor_is_loaded_as_a_bundle() {
    let mut p = empty();
    let bundle = format!(
        "-- go.mod --\n{GO_MOD}-- go.sum --\n{}-- {LIB_NAME} --\n{LIB_MOD}",
        go_sum()
    );
    p.apply(Action::Edit {
        file: "go.mod".into(),
        text: format!("\n{bundle}"),
    });
    assert_eq!(names(&p), ["go.mod", "go.sum", LIB_NAME]);
    assert_eq!(p.file("go.mod").map(|f| &*f.text), Some(GO_MOD));
    assert!(p.analysis.resolution.is_some());
    assert!(!graph_incomplete(&p.analysis));
    // Undo brings the typed go.mod back.
    p.apply(Action::Undo);
    assert_eq!(
        p.file("go.mod").map(|f| &*f.text),
        Some("module example.com/mine\n")
    );
    // One marker typed by hand is not a bundle yet; nor is a go.mod with a marker-like line later.
    p.apply(Action::Edit {
        file: "go.mod".into(),
        text: "-- go.mod --\nmodule example.com/x\n".into(),
    });
    assert_eq!(names(&p), ["go.mod", "go.sum"]);
    let typed = "module example.com/x\n-- go.sum --\n".to_owned();
    p.apply(Action::Edit {
        file: "go.mod".into(),
        text: typed.clone(),
    });
    assert_eq!(p.file("go.mod").map(|f| &*f.text), Some(typed.as_str()));
}

#[test]
fn a_project_folder_then_the_module_cache_complete_the_graph() {
    let mut p = empty();
    p.apply(Action::OpenFolder(FolderInput::Project {
        folder: "app".into(),
        files: vec![
            ("go.mod".into(), GO_MOD.as_bytes().to_vec()),
            ("go.sum".into(), go_sum().into_bytes()),
        ],
        skipped: 1234,
    }));
    assert_eq!(names(&p), ["go.mod", "go.sum"]);
    let notice = p.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("Read 2 files from the folder app"),
        "{notice}"
    );
    assert!(
        notice.contains("skipped 1234 other files and folders"),
        "{notice}"
    );
    assert!(graph_incomplete(&p.analysis));
    assert_eq!(p.wanted_cache_files(), [LIB_NAME]);

    p.apply(Action::OpenFolder(FolderInput::ModuleCache {
        files: vec![(LIB_NAME.into(), LIB_MOD.as_bytes().to_vec())],
        wanted: 1,
    }));
    assert_eq!(names(&p), ["go.mod", "go.sum", LIB_NAME]);
    assert!(!graph_incomplete(&p.analysis), "{}", p.analysis.summary());
    assert!(p.views.is_some());
    let notice = p.notice.clone().unwrap_or_default();
    assert!(notice.contains("Read 1 of the 1 go.mod file"), "{notice}");
}

#[test]
fn a_module_cache_without_a_project_loads_nothing_and_says_why() {
    let mut p = empty();
    let before = p.files.clone();
    p.apply(Action::OpenFolder(FolderInput::ModuleCache {
        files: Vec::new(),
        wanted: 0,
    }));
    assert_eq!(p.files, before);
    assert!(p
        .notice
        .unwrap_or_default()
        .contains("go.mod and go.sum first"));
}
