//! The selection functions, and the PowerShell command's agreement with them. The POSIX shell
//! command is run for real against go's module cache in `crates/gomodplay-cli/tests/bundle_cli.rs`;
//! PowerShell is not available where the tests run, so its text is read here instead: the file
//! names it reads and the escaping it does must be the ones these functions use.

use super::commands::{POSIX_SHELL, POWERSHELL};
use super::folder::{descend_into, folder_kind, keep_project_file, FolderKind};
use super::*;
use crate::analyze::{analyze, Options};
use crate::path::escape_path;

#[test]
fn workspace_dirs_are_the_use_directories_below_the_workspace() {
    let gowork =
        b"go 1.22\n\nuse (\n\t.\n\t./a\n\tb/c/\n\t../outside\n\t/abs/mod\n\t\"./with space\"\n)\n";
    assert_eq!(workspace_dirs(gowork), ["a", "b/c", "with space"]);
    assert_eq!(workspace_dirs(b"use (\n"), Vec::<String>::new());
    assert_eq!(
        project_file_names(Some(b"go 1.22\nuse ./a\n")),
        [
            "go.mod",
            "go.sum",
            "go.work",
            "go.work.sum",
            "vendor/modules.txt",
            "a/go.mod",
            "a/go.sum"
        ]
    );
    assert_eq!(project_file_names(None), PROJECT_FILES);
}

#[test]
fn cache_files_are_the_escaped_gomod_lines_of_every_sum_file_sorted_once() {
    let bundle = Bundle::from_files([
        ("go.mod", &b"module example.com/m\n"[..]),
        (
            "go.sum",
            b"github.com/Sirupsen/logrus v1.0.0-RC1 h1:aaaa=\n\
              github.com/Sirupsen/logrus v1.0.0-RC1/go.mod h1:bbbb=\n\
              example.com/b v1.2.0/go.mod h1:cccc=\n\
              not a line\n\
              Bad Path v1.0.0/go.mod h1:dddd=\n",
        ),
        ("go.work.sum", b"example.com/b v1.2.0/go.mod h1:cccc=\n"),
        ("a/go.sum", b"example.com/a v0.1.0/go.mod h1:eeee="),
    ]);
    assert_eq!(
        cache_files(&bundle),
        [
            "example.com/a/@v/v0.1.0.mod",
            "example.com/b/@v/v1.2.0.mod",
            "github.com/!sirupsen/logrus/@v/v1.0.0-!r!c1.mod",
        ]
    );
}

#[test]
fn folders_are_told_apart_by_their_entries() {
    assert_eq!(
        folder_kind("api", ["go.mod", "main.go"]),
        FolderKind::Project
    );
    assert_eq!(
        folder_kind("repo", ["README.md", "svc"]),
        FolderKind::Project
    );
    assert_eq!(
        folder_kind("mod", ["cache", "github.com", "golang.org"]),
        FolderKind::ModuleCache {
            download_dir: "cache/download"
        }
    );
    assert_eq!(
        folder_kind("pkg", ["mod", "sumdb"]),
        FolderKind::ModuleCache {
            download_dir: "mod/cache/download"
        }
    );
    assert_eq!(
        folder_kind("download", ["github.com"]),
        FolderKind::ModuleCache { download_dir: "" }
    );
    // An extracted module inside the cache is a project of its own.
    assert_eq!(folder_kind("x@v1.0.0", ["go.mod"]), FolderKind::Project);
}

#[test]
fn a_project_folder_yields_its_module_files_only() {
    let kept: Vec<&str> = [
        "go.mod",
        "go.sum",
        "go.work",
        "go.work.sum",
        "vendor/modules.txt",
        "tools/go.mod",
        "tools/go.sum",
        "svc/api/go.mod",
        "main.go",
        "README.md",
        "vendor/github.com/x/y/go.mod",
        "svc/vendor/modules.txt",
        "svc/vendor/x/go.mod",
        ".git/go.mod",
        "web/node_modules/pkg/go.mod",
        ".github/workflows/go.sum",
        "docs/go.work",
    ]
    .into_iter()
    .filter(|p| keep_project_file(p))
    .collect();
    assert_eq!(
        kept,
        [
            "go.mod",
            "go.sum",
            "go.work",
            "go.work.sum",
            "vendor/modules.txt",
            "tools/go.mod",
            "tools/go.sum",
            "svc/api/go.mod"
        ]
    );
    assert!(descend_into("vendor"));
    assert!(descend_into("svc/api"));
    for skipped in [
        ".git",
        "a/.cache",
        "node_modules",
        "vendor/github.com",
        "svc/vendor",
    ] {
        assert!(!descend_into(skipped), "{skipped}");
    }
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not in the command"))
        + start.len();
    let rest = &text[from..];
    &rest[..rest
        .find(end)
        .unwrap_or_else(|| panic!("{end:?} not after {start:?}"))]
}

/// The items of a PowerShell or shell list of quoted or bare words.
fn words(list: &str) -> Vec<String> {
    list.split([',', ' '])
        .map(|w| w.trim().trim_matches('\'').to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn both_commands_read_the_project_files_of_the_core() {
    assert_eq!(
        words(between(POWERSHELL, "foreach ($f in ", ")")),
        PROJECT_FILES
    );
    assert_eq!(words(between(POSIX_SHELL, "for f in ", ";")), PROJECT_FILES);
    let module_files = |text: &str, call: &str| -> Vec<String> {
        text.match_indices(call)
            .map(|(at, _)| between(&text[at..], call, "\"").to_owned())
            .collect()
    };
    assert_eq!(module_files(POWERSHELL, "Show \"$d/"), MODULE_FILES);
    assert_eq!(module_files(POSIX_SHELL, "show \"$d/"), MODULE_FILES);
    // The go.sum files whose go.mod lines are read: the root's, go.work.sum, each module's.
    assert_eq!(
        words(between(POWERSHELL, "foreach ($s in @(", ")")),
        ["go.sum", "go.work.sum"]
    );
    assert!(POWERSHELL.contains("@($dirs | ForEach-Object { \"$_/go.sum\" })"));
    assert_eq!(
        words(between(POSIX_SHELL, "{ for f in ", ";")),
        ["go.sum", "go.work.sum"]
    );
    assert!(POSIX_SHELL.contains("awk 1 \"$d/go.sum\""));
    // Both look in the module cache's download directory.
    assert!(POWERSHELL.contains(&format!("'{CACHE_DOWNLOAD_DIR}'")));
    assert!(POSIX_SHELL.contains(&format!("/{CACHE_DOWNLOAD_DIR}\"")));
}

#[test]
fn both_commands_skip_the_same_go_work_directories_as_the_core() {
    // The workspace root and paths outside it: `.`, `..`, `../x`, absolute.
    for text in [POWERSHELL, POSIX_SHELL] {
        for excluded in ["'.'", "'..'", "'../'", "'/'"] {
            let in_shell = excluded.replace('\'', "\"");
            assert!(
                text.contains(excluded) || text.contains(&in_shell),
                "{excluded} in {text}"
            );
        }
    }
    assert_eq!(bundle_dir("./a/"), Some("a".to_owned()));
    assert_eq!(bundle_dir("."), None);
    assert_eq!(bundle_dir("./"), None);
    assert_eq!(bundle_dir("../x"), None);
    assert_eq!(bundle_dir("/x"), None);
}

/// PowerShell's escaping, `[regex]::Replace(s, '[A-Z]', '!' + lower case)`, written out in Rust
/// from the pieces of the command's text, must be go's case escaping (which the core implements).
#[test]
fn the_powershell_escaping_is_gos() {
    let pattern = between(POWERSHELL, "[regex]::Replace($s, '", "'");
    assert_eq!(pattern, "[A-Z]");
    let replacement = between(POWERSHELL, "{ param($m) ", " }");
    assert_eq!(replacement, "'!' + $m.Value.ToLowerInvariant()");
    let powershell_escape = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    format!("!{}", c.to_ascii_lowercase())
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    for path in [
        "github.com/Sirupsen/logrus",
        "github.com/Azure/AZURE-sdk",
        "golang.org/x/text",
    ] {
        assert_eq!(
            Ok(powershell_escape(path)),
            escape_path(path).map_err(|e| e.to_string())
        );
    }
    // The version: the field before `/go.mod` (7 characters), escaped the same way.
    assert!(POWERSHELL.contains("$x[1].Substring(0, $x[1].Length - 7)"));
    assert_eq!("/go.mod".len(), 7);
    assert!(POWERSHELL.contains("+ '/@v/' +"));
    assert!(POWERSHELL.contains("+ '.mod'"));
    // Sorted by ordinal comparison, each once, as `cache_files` and `LC_ALL=C sort -u`.
    assert!(POWERSHELL.contains("SortedSet[string]]::new([StringComparer]::Ordinal)"));
}

#[test]
fn graph_incomplete_until_the_dependency_gomods_are_there() {
    let gomod = "module example.com/m\n\ngo 1.22\n\nrequire example.com/a v1.0.0\n";
    let partial = Bundle::from_files([("go.mod", gomod)]);
    assert!(graph_incomplete(&analyze(&partial, &Options::default())));
    let graph = Bundle::from_files([
        ("go.mod", gomod),
        ("go-mod-graph.txt", "example.com/m example.com/a@v1.0.0\n"),
    ]);
    assert!(graph_incomplete(&analyze(&graph, &Options::default())));
    let whole = Bundle::from_files([
        ("go.mod", gomod),
        (
            "example.com/a/@v/v1.0.0.mod",
            "module example.com/a\n\ngo 1.16\n\nrequire example.com/b v1.0.0\n",
        ),
    ]);
    // a's go 1.16 go.mod is not pruned: go reads b's go.mod too.
    assert!(graph_incomplete(&analyze(&whole, &Options::default())));
    let mut complete = whole.clone();
    complete.insert(
        "example.com/b/@v/v1.0.0.mod".to_owned(),
        b"module example.com/b\n".to_vec(),
    );
    assert!(!graph_incomplete(&analyze(&complete, &Options::default())));
    // No main module: nothing to gather.
    assert!(!graph_incomplete(&analyze(
        &Bundle::default(),
        &Options::default()
    )));
}
