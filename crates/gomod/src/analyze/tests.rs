//! The cases under `testdata/analyze/`: one txtar per case, its comment's `go-version: V` and
//! `gotoolchain: auto|local` lines giving the options, its files the bundle, and a final `want`
//! section the exact [`Analysis::summary`]. The diagnostics inside come from the rules, whose
//! texts are checked against the go command in `testdata/check`; what these cases pin down is
//! which parts run, which do not, and why. Node and edge counts were compared with `go mod graph`
//! (go 1.27.3, GOFLAGS=-mod=mod) on the same go.mod where the graph comes from go.mod files.

use super::*;
use crate::check::TextEdit;
use gomod_test_support::txtar::sections;

fn options_of(comment: &str) -> Options {
    let value = |key: &str| {
        comment
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().to_owned())
    };
    Options {
        go_version: value("go-version:"),
        toolchain: match value("gotoolchain:").as_deref() {
            Some("auto") => Toolchain::Auto,
            _ => Toolchain::Local,
        },
    }
}

#[test]
fn analyze_cases() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/analyze");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata/analyze")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 4, "analyze cases: {paths:?}");
    let mut failures = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("case is UTF-8");
        let (comment, sections) = sections(&text);
        let want = sections
            .iter()
            .find(|(n, _)| n == "want")
            .map(|(_, w)| w.clone())
            .expect("case has a want section");
        let files: Vec<(String, Vec<u8>)> = sections
            .into_iter()
            .filter(|(n, _)| n != "want")
            .map(|(n, d)| (n, d.into_bytes()))
            .collect();
        let got = analyze_files(&files, &options_of(&comment)).summary();
        if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
            let head = text.split("\n-- want --\n").next().unwrap_or_default();
            std::fs::write(path, format!("{head}\n-- want --\n{got}")).expect("write case");
            continue;
        }
        if got != want {
            failures.push(format!(
                "{}:\n--- want\n{want}--- got\n{got}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A finding's fixes are alternatives (lower the go line, or run a newer Go): the combined
/// command list takes the preferred one, not both.
#[test]
fn go_commands_are_listed_once_and_take_one_alternative() {
    let files = vec![(
        "go.mod".to_owned(),
        b"module example.com/m\n\ngo 1.24.1\n".to_vec(),
    )];
    let options = Options {
        go_version: Some("go1.23.8".to_owned()),
        toolchain: Toolchain::Local,
    };
    let analysis = analyze_files(&files, &options);
    assert_eq!(
        analysis.go_commands(),
        vec!["go mod edit -go=1.23.8".to_owned()]
    );
}

#[test]
fn a_fix_preview_shows_the_changed_lines_with_context() {
    let bundle = Bundle::from_files([(
        "go.mod",
        &b"module example.com/m\n\ngo 1.22.0\n\nrequire a.example/x v1.0.0\n\nrequire a.example/x v1.1.0\n"[..],
    )]);
    let fix = Fix {
        title: "drop".to_owned(),
        edits: vec![TextEdit {
            file: "go.mod".to_owned(),
            range: 33..61,
            new_text: String::new(),
        }],
        commands: Vec::new(),
    };
    let changes = preview_fix(&bundle, &fix).expect("the fix fits");
    assert_eq!(changes.len(), 1);
    assert_eq!(
        changes[0].lines,
        vec![
            DiffLine::Same("go 1.22.0".to_owned()),
            DiffLine::Same(String::new()),
            DiffLine::Removed("require a.example/x v1.0.0".to_owned()),
            DiffLine::Removed(String::new()),
            DiffLine::Same("require a.example/x v1.1.0".to_owned()),
        ]
    );
    let outside = Fix {
        edits: vec![TextEdit {
            file: "go.mod".to_owned(),
            range: 500..501,
            new_text: String::new(),
        }],
        ..fix
    };
    assert_eq!(preview_fix(&bundle, &outside), None);
}

#[test]
fn diff_of_replaced_middle_and_created_file() {
    assert_eq!(
        diff_lines("a\nb\nc\n", "a\nx\nc\n"),
        vec![
            DiffLine::Same("a".to_owned()),
            DiffLine::Removed("b".to_owned()),
            DiffLine::Added("x".to_owned()),
            DiffLine::Same("c".to_owned()),
        ]
    );
    assert_eq!(
        diff_lines("", "go 1.22\n"),
        vec![DiffLine::Added("go 1.22".to_owned())]
    );
}

#[test]
fn a_previewed_go_mod_is_written_in_canonical_form() {
    let bundle = Bundle::from_files([(
        "go.mod",
        &b"module example.com/m\n\ngo 1.22.0\n\ntoolchain go1.22.0\n\nrequire a.example/x v1.0.0\n"
            [..],
    )]);
    // Deleting only the toolchain line leaves two blank lines, which go mod edit -fmt (go 1.27.3)
    // collapses into one.
    let fix = Fix {
        title: "drop toolchain".to_owned(),
        edits: vec![TextEdit {
            file: "go.mod".to_owned(),
            range: 33..52,
            new_text: String::new(),
        }],
        commands: Vec::new(),
    };
    let changes = preview_fix(&bundle, &fix).expect("the fix fits");
    assert_eq!(
        String::from_utf8_lossy(&changes[0].after),
        "module example.com/m\n\ngo 1.22.0\n\nrequire a.example/x v1.0.0\n"
    );
}

/// A committed replacement by a sibling directory that is not in the bundle needs no proxy
/// files: the graph is resolved and fails as `go list -m all` does. go 1.27.3 (GOFLAGS=-mod=mod)
/// prints "go: github.com/acme/logging@v0.4.0 (replaced by ../logging): reading
/// ../logging/go.mod: open DIR/../logging/go.mod: no such file or directory"; only the part
/// before the file name is asserted, because the resolver currently names the file by its
/// absolute path after "reading" (reported to the resolver's owner).
#[test]
fn a_directory_replacement_is_resolved_without_proxy_files() {
    let files = vec![(
        "go.mod".to_owned(),
        b"module github.com/acme/api\n\ngo 1.22.0\n\nrequire github.com/acme/logging v0.4.0\n\nreplace github.com/acme/logging => ../logging\n".to_vec(),
    )];
    let analysis = analyze_files(&files, &Options::default());
    assert_eq!(analysis.not_run, Vec::new());
    let error = analysis
        .resolution
        .and_then(|r| r.error.clone())
        .expect("the missing directory stops the graph");
    assert!(
        error
            .text()
            .starts_with("github.com/acme/logging@v0.4.0 (replaced by ../logging): reading "),
        "{error}"
    );
}

/// The two files (gin, uuid, x/sync; go.sum with uuid's lines only): go 1.27.3 stops
/// with "go: github.com/gin-gonic/gin@v1.9.1: missing go.sum entry for go.mod file; to add it:"
/// / "\tgo mod download github.com/gin-gonic/gin". Both missing lines are reported at their
/// require lines, the header says how many checks ran and what the rest need, and the missing
/// files are named as module@version, never as a proxy path.
#[test]
fn go_mod_and_go_sum_alone_name_the_missing_sums() {
    let gomod = "module github.com/acme/api\n\ngo 1.22.0\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\tgithub.com/google/uuid v1.6.0\n\tgolang.org/x/sync v0.7.0\n)\n";
    let gosum = "github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAN6CS3ZbXRRqv/hvvvvQ=\ngithub.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=\n";
    let files = vec![
        ("go.mod".to_owned(), gomod.as_bytes().to_vec()),
        ("go.sum".to_owned(), gosum.as_bytes().to_vec()),
    ];
    let options = Options {
        go_version: Some("1.27.3".to_owned()),
        toolchain: Toolchain::Local,
    };
    let analysis = analyze_files(&files, &options);
    let missing: Vec<(u32, &str)> = analysis
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "sum-missing")
        .map(|d| (d.span.line, d.message.as_str()))
        .collect();
    assert_eq!(
        missing,
        vec![
            (6, "go: github.com/gin-gonic/gin@v1.9.1: missing go.sum entry for go.mod file; to add it:\n\tgo mod download github.com/gin-gonic/gin"),
            (8, "go: golang.org/x/sync@v0.7.0: missing go.sum entry for go.mod file; to add it:\n\tgo mod download golang.org/x/sync"),
        ]
    );
    assert!(analysis
        .report
        .diagnostics
        .iter()
        .all(|d| d.file == "go.mod" && d.span.line != 7));
    let coverage = analysis.coverage();
    assert_eq!(coverage.total, crate::check::RULES.len());
    assert_eq!(coverage.need_other, 0);
    assert!(coverage.need_dependency_files >= 10, "{coverage:?}");
    assert_eq!(
        coverage.summary(),
        Some(format!(
            "{} of {} checks ran; {} need your dependencies' go.mod files — see below",
            coverage.ran, coverage.total, coverage.need_dependency_files
        ))
    );
    let not_run = analysis
        .not_run
        .first()
        .expect("no graph without the files");
    assert_eq!(
        not_run.reason,
        "needs the go.mod files of github.com/gin-gonic/gin@v1.9.1, github.com/google/uuid@v1.6.0 and golang.org/x/sync@v0.7.0"
    );
    let shown = analysis.summary();
    assert!(
        !shown.contains("file://") && !shown.contains(PLAYGROUND_DIR),
        "{shown}"
    );
}

/// A bundle with only some dependency go.mod files: the graph stops at the first missing one,
/// and what the page shows names it as module@version, not as a file under the playground's
/// proxy URL or directory.
#[test]
fn a_missing_dependency_file_is_named_by_module_version() {
    let files = vec![
        (
            "go.mod".to_owned(),
            b"module example.com/m\n\ngo 1.22.0\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n".to_vec(),
        ),
        (
            "example.com/a/@v/v1.0.0.mod".to_owned(),
            b"module example.com/a\n\ngo 1.22.0\n".to_vec(),
        ),
        ("go.sum".to_owned(), Vec::new()),
    ];
    let analysis = analyze_files(&files, &Options::default());
    let error = analysis
        .resolution
        .as_ref()
        .and_then(|r| r.error.clone())
        .expect("the graph stops at b");
    assert_eq!(
        error.text(),
        "example.com/b@v1.0.0: its go.mod file is not in the input"
    );
    let shown = analysis.summary();
    assert!(
        !shown.contains("file://") && !shown.contains(PLAYGROUND_DIR),
        "{shown}"
    );
    assert!(
        shown.contains("needs the go.mod files of example.com/b@v1.0.0"),
        "{shown}"
    );
    // The go.sum view counts what the findings say: both requirements' lines are missing.
    let res = analysis
        .resolution
        .as_ref()
        .expect("a resolution with its error");
    let rows = views::sum_rows(res, &crate::sum::GoSum::parse("go.sum", b""));
    let missing = rows
        .iter()
        .filter(|r| r.status == views::SumStatus::Missing)
        .count();
    let findings = analysis
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "sum-missing")
        .count();
    assert_eq!((missing, findings), (2, 2), "{shown}");
}

/// With only `go mod graph` output next to go.mod and go.sum, the go.sum view and the build
/// list say what the findings say: every selected module's go.mod line is needed, the missing
/// ones are exactly the sum-missing findings, and go.mod's direct requirements are direct.
#[test]
fn views_agree_with_findings_on_a_supplied_graph() {
    let files = vec![
        (
            "go.mod".to_owned(),
            b"module example.com/m\n\ngo 1.22.0\n\nrequire (\n\texample.com/a v1.2.0\n\texample.com/b v1.0.0\n)\n".to_vec(),
        ),
        (
            "go.sum".to_owned(),
            b"example.com/a v1.2.0/go.mod h1:Cd2ak6uLGHoP8SCJ2fGl+KKWuZuqrM6gySBhM7rd2M4=\nexample.com/old v1.0.0/go.mod h1:Cd2ak6uLGHoP8SCJ2fGl+KKWuZuqrM6gySBhM7rd2M4=\n".to_vec(),
        ),
        (
            "go-mod-graph.txt".to_owned(),
            b"example.com/m example.com/a@v1.2.0\nexample.com/m example.com/b@v1.0.0\nexample.com/m go@1.22.0\nexample.com/b@v1.0.0 example.com/c@v1.1.0\n".to_vec(),
        ),
    ];
    let analysis = analyze_files(&files, &Options::default());
    let res = analysis.resolution.as_ref().expect("the pasted graph");
    let direct: Vec<(&str, bool)> = res
        .build_list
        .iter()
        .skip(1)
        .map(|e| (e.module.path.as_str(), e.direct))
        .collect();
    assert_eq!(
        direct,
        vec![
            ("example.com/a", true),
            ("example.com/b", true),
            ("example.com/c", false)
        ]
    );
    let rows = views::sum_rows(
        res,
        &crate::sum::GoSum::parse("go.sum", analysis.bundle.file("go.sum").unwrap_or_default()),
    );
    let count = |s: views::SumStatus| rows.iter().filter(|r| r.status == s).count();
    let findings = analysis
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "sum-missing")
        .count();
    assert_eq!(findings, 2, "{}", analysis.summary());
    assert_eq!(count(views::SumStatus::Missing), findings);
    assert_eq!(count(views::SumStatus::Needed), 1);
    // sum-unused is not checked on a pasted graph, so no line is called unused.
    assert_eq!(count(views::SumStatus::Unused), 0);
    assert_eq!(count(views::SumStatus::NotChecked), 1);
}

/// "Apply all fixes" is previewed: every file the fixes change or create, and the fixes, with
/// exactly the bytes `fix_bundle` would write.
#[test]
fn all_fixes_are_previewed_file_by_file() {
    let bundle = Bundle::from_files([
        (
            "go.mod",
            &b"module example.com/app\n\ngo 1.22.0\n\nrequire example.com/utils v1.4.0\n\nreplace example.com/utils => ../utils\n\ntoolchain go1.21.0\n"[..],
        ),
    ]);
    let options = Options::default();
    let preview = preview_all_fixes(&bundle, &options).expect("fixes apply");
    let outcome = crate::check::fix_bundle(&bundle, &options, &[]);
    let files: Vec<&str> = preview.changes.iter().map(|c| c.file.as_str()).collect();
    assert_eq!(files, ["go.mod", "go.work"]);
    for change in &preview.changes {
        assert_eq!(
            Some(change.after.as_slice()),
            outcome.bundle.file(&change.file)
        );
        assert!(change
            .lines
            .iter()
            .any(|l| matches!(l, DiffLine::Added(_) | DiffLine::Removed(_))));
    }
    assert_eq!(preview.applied, outcome.applied);
    let clean = Bundle::from_files([("go.mod", &b"module example.com/app\n\ngo 1.22.0\n"[..])]);
    assert_eq!(preview_all_fixes(&clean, &options), None);
}
