//! Every gallery example, loaded through the app's reducer: the diagnostic codes it reports are
//! exactly the ones its header expects (which come from the scenario: the go command's failure
//! each example reproduces, see www/examples/*.txtar), and its go.sum's go.mod hashes are the
//! h1: hashes of the go.mod texts the bundle serves.

use std::collections::BTreeSet;
use std::rc::Rc;

use gomod::bundle::{Bundle, FileKind, ProxyFile};
use gomodplay_web::gallery::examples;
use gomodplay_web::state::{default_settings, Action, EditorFile, Playground, GO_MOD};
use yew::Reducible;

fn user_input() -> Rc<Playground> {
    Rc::new(Playground::open(Some((
        vec![EditorFile::new(
            GO_MOD,
            "module example.com/mine\n\ngo 1.22.0\n",
        )],
        default_settings(),
    ))))
}

#[test]
fn there_are_at_least_twelve_examples() {
    assert!(examples().len() >= 12, "{} examples", examples().len());
    for e in examples() {
        assert!(!e.title.is_empty() && !e.description.is_empty(), "{}", e.id);
    }
}

#[test]
fn every_example_reports_its_expected_codes() {
    let mut failures = Vec::new();
    for e in examples() {
        let p = user_input()
            .reduce(Action::LoadExample(e.id))
            .reduce(Action::Analyse);
        assert_eq!(p.example, Some(e.id));
        let got: BTreeSet<&str> = p
            .analysis
            .report
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        let want: BTreeSet<&str> = e.expect.iter().copied().collect();
        if got != want {
            failures.push(format!("{}: got {got:?}, want {want:?}", e.id));
        }
        assert!(p.input_error.is_none(), "{}", e.id);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn example_go_sum_hashes_are_those_of_the_bundled_go_mod_files() {
    for e in examples() {
        let bundle = Bundle::from_txtar(e.txtar.as_bytes());
        let Some(sum) = bundle.file("go.sum") else {
            continue;
        };
        for line in String::from_utf8_lossy(sum).lines() {
            let fields: Vec<&str> = line.split(' ').collect();
            let [path, version, hash] = fields[..] else {
                panic!("{}: malformed go.sum line {line:?}", e.id);
            };
            let Some(version) = version.strip_suffix("/go.mod") else {
                continue;
            };
            let served = bundle
                .files()
                .iter()
                .find(|f| {
                    matches!(&f.kind, FileKind::Proxy { module, version: Some(v), file: ProxyFile::Mod }
                        if module == path && v == version)
                })
                .unwrap_or_else(|| panic!("{}: no go.mod served for {path}@{version}", e.id));
            assert_eq!(
                hash,
                gomod::sum::gomod_hash(&served.data),
                "{}: {line}",
                e.id
            );
        }
    }
}

#[test]
fn loading_an_example_over_typed_text_can_be_undone() {
    let mine = user_input();
    let typed = mine.file(GO_MOD).map(|f| f.text.clone());
    let loaded = Rc::clone(&mine).reduce(Action::LoadExample(examples()[1].id));
    assert_ne!(loaded.file(GO_MOD).map(|f| f.text.clone()), typed);
    let undone = loaded.reduce(Action::Undo);
    assert_eq!(undone.file(GO_MOD).map(|f| f.text.clone()), typed);
    assert_eq!(undone.example, None);
}

/// The reducer copies the state on every action, and each undo snapshot holds every file: a
/// file the action left alone must be the same text in memory, not a copy (a megabyte-sized
/// go.sum would otherwise be copied on every keystroke in go.mod, and once per snapshot).
#[test]
fn states_and_undo_snapshots_share_the_files_an_action_left_alone() {
    let sum = "example.com/a v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    let mine = Rc::new(Playground::open(Some((
        vec![
            EditorFile::new(GO_MOD, "module example.com/mine\n\ngo 1.22.0\n"),
            EditorFile::new("go.sum", sum),
        ],
        default_settings(),
    ))));
    let go_sum = |p: &Playground| p.file("go.sum").expect("go.sum").text.clone();
    let edited = Rc::clone(&mine).reduce(Action::Edit {
        file: GO_MOD.to_owned(),
        text: "module example.com/mine\n\ngo 1.23.0\n".to_owned(),
    });
    assert!(Rc::ptr_eq(&go_sum(&mine), &go_sum(&edited)));
    let added = edited.reduce(Action::AddFile {
        name: "go.work".to_owned(),
        text: "go 1.23.0\n\nuse .\n".to_owned(),
    });
    let snapshot = added.undo.last().expect("adding a file can be undone");
    let kept = snapshot
        .files
        .iter()
        .find(|f| f.name == "go.sum")
        .expect("go.sum");
    assert_eq!(&*kept.text, sum);
    assert!(Rc::ptr_eq(&kept.text, &go_sum(&added)));
}

#[test]
fn apply_all_fixes_clears_fixable_findings_and_can_be_undone() {
    let p = user_input().reduce(Action::LoadExample("07-missing-go-sum-entry"));
    // "Apply all fixes" first shows what it will change, and changes nothing yet.
    let previewed = Rc::clone(&p).reduce(Action::ApplyAllFixes);
    assert_eq!(previewed.files, p.files);
    let preview = previewed.preview.clone().expect("a preview of all fixes");
    let changed: Vec<&str> = preview.changes.iter().map(|c| c.file.as_str()).collect();
    assert_eq!(changed, ["go.sum"]);
    assert_eq!(preview.applied.len(), 1, "{:?}", preview.applied);
    assert!(
        preview.applied[0].starts_with("sum-missing in go.mod: "),
        "{:?}",
        preview.applied
    );
    // Cancelling leaves everything as it was.
    let cancelled = Rc::clone(&previewed).reduce(Action::CancelPreview);
    assert_eq!(cancelled.preview, None);
    assert_eq!(cancelled.files, p.files);
    let fixed = previewed.reduce(Action::ApplyPreview);
    assert_eq!(fixed.preview, None);
    let codes: Vec<&str> = fixed
        .analysis
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert!(fixed.stale() || !codes.contains(&"sum-missing"));
    let fixed = fixed.reduce(Action::Analyse);
    let codes: Vec<&str> = fixed
        .analysis
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert!(!codes.contains(&"sum-missing"), "{codes:?}");
    let undone = fixed.reduce(Action::Undo).reduce(Action::Analyse);
    let codes: Vec<&str> = undone
        .analysis
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, vec!["sum-missing", "sum-missing-zip"]);
}

#[test]
fn huge_and_binary_input_is_refused_with_a_message() {
    let huge = "// x\n".repeat(gomodplay_web::state::MAX_ANALYSED_FILE_BYTES / 5 + 1);
    let p = user_input()
        .reduce(Action::Edit {
            file: GO_MOD.to_owned(),
            text: huge,
        })
        .reduce(Action::Analyse);
    assert!(p.input_error.as_deref().is_some_and(|e| e.contains("MB")));
    let p = p
        .reduce(Action::Edit {
            file: GO_MOD.to_owned(),
            text: "module a\0b\n".to_owned(),
        })
        .reduce(Action::Analyse);
    assert!(p.input_error.as_deref().is_some_and(|e| e.contains("NUL")));
}

/// Every example shows its problem and what resolves it: at least one finding carries a fix
/// (an edit to apply) or a command to run, and no finding shown offers a fix that is empty.
#[test]
fn every_example_has_a_finding_with_a_fix_or_a_command() {
    let mut failures = Vec::new();
    for e in examples() {
        let p = user_input()
            .reduce(Action::LoadExample(e.id))
            .reduce(Action::Analyse);
        let diagnostics = &p.analysis.report.diagnostics;
        let resolved = diagnostics.iter().any(|d| {
            d.fixes
                .iter()
                .any(|f| !f.edits.is_empty() || !f.commands.is_empty())
        });
        if !resolved {
            let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
            failures.push(format!(
                "{}: no finding with a fix or command ({codes:?})",
                e.id
            ));
        }
        for d in diagnostics {
            for f in &d.fixes {
                if f.edits.is_empty() && f.commands.is_empty() {
                    failures.push(format!(
                        "{}: {} offers the empty fix {:?}",
                        e.id, d.code, f.title
                    ));
                }
            }
            if d.message.contains("file://") {
                failures.push(format!(
                    "{}: {} names an internal path: {}",
                    e.id, d.code, d.message
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
