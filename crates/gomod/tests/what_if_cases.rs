//! The what-if cases under `testdata/what_if/`: one txtar per case holding a bundle and a comment
//! line `request: OP PATH [VERSION] [NEW_PATH [NEW_VERSION]]` (OP is raise, lower, drop, replace
//! or exclude; `-` stands for a version left out), and a final `want` section with what
//! `analyze::what_if::preview` returns: the equivalent command, the refusal or the build list
//! with its changes, and go.mod as the "Apply to go.mod" edit writes it. `UPDATE_GOLDEN=1`
//! rewrites the `want` sections.
//!
//! Differential against go: each case's files are written out as a module directory and a file
//! proxy (with a minimal zip per module, which `go get` downloads), the equivalent command runs,
//! then `go list -m all`. Where the preview succeeds, go must succeed too, list the same build
//! list and leave go.mod exactly as our edit writes it; where the preview refuses, go must fail
//! (but for a shortened version such as `v1.0`, a query to go, which we refuse on purpose).
//! As in the playground, a module without a `@v/list` file lists the versions of its go.mod
//! files.

use gomod_test_support::sum_go;

use std::path::PathBuf;
use std::process::Command;

use gomod_test_support::case_files;

use gomod::analyze::what_if::{preview, WhatIfError, WhatIfPreview, WhatIfRequest};
use gomod::analyze::{Options, Toolchain};
use gomod::bundle::{txtar, Bundle, FileKind};
use gomod::check::apply_edits;
use sum_go::{run_go, write_file, Scratch};

const WANT: &str = "want";

struct Case {
    path: PathBuf,
    name: String,
    archive: txtar::Archive,
    bundle: Bundle,
    request: WhatIfRequest,
}

fn field(words: &[&str], i: usize) -> String {
    match words.get(i).copied() {
        None | Some("-") => String::new(),
        Some(w) => w.to_owned(),
    }
}

fn parse_request(line: &str) -> WhatIfRequest {
    let words: Vec<&str> = line.split_whitespace().collect();
    let (path, version) = (field(&words, 1), field(&words, 2));
    match words.first().copied() {
        Some("raise") => WhatIfRequest::Raise { path, version },
        Some("lower") => WhatIfRequest::Lower { path, version },
        Some("drop") => WhatIfRequest::Drop { path },
        Some("replace") => WhatIfRequest::Replace {
            path,
            version,
            new_path: field(&words, 3),
            new_version: field(&words, 4),
        },
        Some("exclude") => WhatIfRequest::Exclude { path, version },
        other => panic!("unknown what-if operation {other:?} in `request: {line}`"),
    }
}

fn cases() -> Vec<Case> {
    case_files::testdata_cases("what_if", 8)
        .into_iter()
        .map(|path| {
            let data = std::fs::read(&path).expect("read case");
            let archive = txtar::parse(&data);
            let comment = String::from_utf8_lossy(&archive.comment).into_owned();
            let request = comment
                .lines()
                .find_map(|l| l.strip_prefix("request: "))
                .map(parse_request)
                .unwrap_or_else(|| panic!("{}: no `request:` line", path.display()));
            let bundle = Bundle::from_files(
                archive
                    .files
                    .iter()
                    .filter(|f| f.name != WANT)
                    .map(|f| (f.name.clone(), f.data.clone())),
            );
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            Case {
                path,
                name,
                archive,
                bundle,
                request,
            }
        })
        .collect()
}

/// The options of the Go the reference runs: 1.27.3 with GOTOOLCHAIN=local.
fn options() -> Options {
    Options {
        go_version: Some("1.27.3".to_owned()),
        toolchain: Toolchain::Local,
    }
}

/// go.mod after the preview's edit, or `None` when it has none.
fn applied_gomod(case: &Case, p: &WhatIfPreview) -> Option<Vec<u8>> {
    let fix = p.apply.as_ref()?;
    let files = gomod::check::bundle_files(&case.bundle);
    let outcome = apply_edits(&files, &[fix]);
    outcome.files.get("go.mod").cloned()
}

fn render(case: &Case) -> String {
    let p = preview(&case.bundle, &options(), &case.request);
    let mut out = format!("$ {}\n", p.command);
    match &p.outcome {
        Err(e) => out.push_str(&format!("refused: {e}\n")),
        Ok(w) => {
            for (path, old, new) in &w.changed {
                out.push_str(&format!("changed {path} {old} => {new}\n"));
            }
            for m in &w.added {
                out.push_str(&format!("added {m}\n"));
            }
            for m in &w.removed {
                out.push_str(&format!("removed {m}\n"));
            }
            if let Some(go) = &w.go_version {
                out.push_str(&format!("go line {go}\n"));
            }
            out.push_str("build list:\n");
            for m in &w.build_list {
                out.push_str(&format!("\t{m}\n"));
            }
        }
    }
    match applied_gomod(case, &p) {
        Some(gomod) => {
            out.push_str(">>> go.mod\n");
            out.push_str(&String::from_utf8_lossy(&gomod));
        }
        None => out.push_str("no go.mod edit\n"),
    }
    out
}

#[test]
fn cases_match_their_want_sections() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for case in cases() {
        let got = render(&case);
        if update {
            let mut archive = case.archive.clone();
            archive.files.retain(|f| f.name != WANT);
            archive.files.push(txtar::File {
                name: WANT.to_owned(),
                data: got.into_bytes(),
            });
            std::fs::write(&case.path, txtar::format(&archive)).expect("write case");
            continue;
        }
        match case.archive.files.iter().find(|f| f.name == WANT) {
            Some(w) if w.data == got.as_bytes() => {}
            Some(w) => failures.push(format!(
                "{}:\n--- want\n{}--- got\n{got}",
                case.name,
                String::from_utf8_lossy(&w.data)
            )),
            None => failures.push(format!("{}: no want section (UPDATE_GOLDEN=1)", case.name)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Writes the case's files: the main module's below `module/`, the dependency files below
/// `proxy/` with an `.info` file and a zip (holding only its go.mod) per version.
fn write_case(case: &Case, scratch: &Scratch) -> (PathBuf, PathBuf) {
    let (module, proxy) = (scratch.path("module"), scratch.path("proxy"));
    std::fs::create_dir_all(&module).expect("module dir");
    std::fs::create_dir_all(&proxy).expect("proxy dir");
    let mut zips = Command::new("python3");
    zips.args([
        "-c",
        "import sys, zipfile\nargs = sys.argv[1:]\nfor i in range(0, len(args), 3):\n    with zipfile.ZipFile(args[i], 'w') as z:\n        z.writestr(args[i + 1] + '/go.mod', args[i + 2])",
    ]);
    for f in case.bundle.files() {
        match &f.kind {
            FileKind::Proxy {
                module: path,
                version: Some(version),
                ..
            } if f.name.ends_with(".mod") => {
                let base = f.name.trim_end_matches(".mod");
                write_file(&proxy.join(&f.name), &f.data);
                write_file(
                    &proxy.join(format!("{base}.info")),
                    format!("{{\"Version\":\"{version}\",\"Time\":\"2020-01-01T00:00:00Z\"}}\n"),
                );
                zips.arg(proxy.join(format!("{base}.zip")))
                    .arg(format!("{path}@{version}"))
                    .arg(String::from_utf8_lossy(&f.data).into_owned());
            }
            FileKind::Proxy { .. } => write_file(&proxy.join(&f.name), &f.data),
            _ => write_file(&module.join(&f.name), &f.data),
        }
    }
    // The playground's proxy lists the versions whose go.mod the input holds when the input has
    // no list file (`Bundle::versions`); go's downgrades ask the list for earlier versions.
    for path in case.bundle.dependency_paths() {
        if case.bundle.listed_versions(path).is_none() {
            let escaped = sum_go::escape(path);
            let listed: String = case
                .bundle
                .versions(path)
                .iter()
                .map(|v| format!("{v}\n"))
                .collect();
            write_file(&proxy.join(format!("{escaped}/@v/list")), listed);
        }
    }
    let status = zips.status().expect("running python3");
    assert!(status.success(), "python3 could not write the module zips");
    (module, proxy)
}

fn go_args(request: &WhatIfRequest) -> Vec<String> {
    request
        .command()
        .split_whitespace()
        .skip(1)
        .map(str::to_owned)
        .collect()
}

fn plain_list(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| l.split(" => ").next().unwrap_or(l).to_owned())
        .collect()
}

#[test]
fn previews_agree_with_go() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in cases() {
        let p = preview(&case.bundle, &options(), &case.request);
        let scratch = Scratch::new("what-if");
        let (module, proxy) = write_case(&case, &scratch);
        let args = go_args(&case.request);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let changed = run_go(&scratch, &module, &proxy, &args);
        // go.mod as the command left it: the `go list -m all` that follows may rewrite it again
        // (under -mod=mod it drops a requirement on an excluded version, as the playground's
        // rules then suggest).
        let go_wrote = std::fs::read(module.join("go.mod")).expect("go.mod after go");
        let listed = changed
            .success
            .then(|| run_go(&scratch, &module, &proxy, &["list", "-m", "all"]));
        match (&p.outcome, &listed) {
            // A shortened version is a query to go (the newest matching version on the
            // proxy); the playground asks for the full version instead, on purpose.
            (Err(WhatIfError::IncompleteVersion { .. }), _) => compared += 1,
            (Err(e), Some(list)) if list.success => failures.push(format!(
                "{}: we refuse ({e}) but go succeeds:\n{}",
                case.name, list.stdout
            )),
            (Err(_), _) => compared += 1,
            (Ok(_), None) => failures.push(format!(
                "{}: go {} fails:\n{}",
                case.name,
                args.join(" "),
                changed.stderr
            )),
            (Ok(_), Some(list)) if !list.success => failures.push(format!(
                "{}: go list -m all fails after go {}:\n{}",
                case.name,
                args.join(" "),
                list.stderr
            )),
            (Ok(w), Some(list)) => {
                compared += 1;
                let ours: Vec<String> = w
                    .build_list
                    .iter()
                    .map(|m| format!("{} {}", m.path, m.version).trim_end().to_owned())
                    .collect();
                let theirs = plain_list(&list.stdout);
                if ours != theirs {
                    failures.push(format!(
                        "{}: build list differs\n--- go\n{}\n--- ours\n{}",
                        case.name,
                        theirs.join("\n"),
                        ours.join("\n")
                    ));
                }
                let we_write = applied_gomod(&case, &p)
                    .unwrap_or_else(|| case.bundle.file("go.mod").unwrap_or_default().to_vec());
                if go_wrote != we_write {
                    failures.push(format!(
                        "{}: go.mod differs\n--- go\n{}--- ours\n{}",
                        case.name,
                        String::from_utf8_lossy(&go_wrote),
                        String::from_utf8_lossy(&we_write)
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(compared >= 8, "only {compared} cases compared");
}
