//! The error catalogue against the real go: `testdata/explain_error/ID[.variant].txtar`.
//!
//! Each fixture holds a small module (its files at the archive's top level), the modules a file
//! GOPROXY serves (`proxy/PATH@VERSION/FILE`: the `go.mod` is served as the `.mod` file and every
//! file goes into the module zip), a `cmd` section (`env NAME=VALUE` lines, then go commands;
//! the last one's stderr is the message), the `stderr` go printed (paths normalised: the module
//! directory is `/home/user/project`, GOPATH `/home/user/go`, the proxy `/home/user/proxy`, GOROOT
//! `/usr/local/go`), and the `want` decode of that stderr with the fixture's files as the user's
//! files. `UPDATE_GOLDEN=1` rewrites `stderr` (from go) and `want`.
//!
//! Files under `git/REPO/` become a git repository (one commit, tagged v1.0.0 or as its file
//! `TAG` says) that go reaches
//! as `https://example.com/REPO` through git's `url.<base>.insteadOf`, all offline, for the
//! messages go prints only after asking a version control system (with `GOPROXY=direct`).
//!
//! A fixture without a `cmd` section is a message go prints only on the network (a VCS's
//! `unknown revision`, the checksum database's `410 Gone`, git asking for credentials); its
//! `stderr` is written from go's format string, and its comment says so with a line starting
//! `not produced by go here:`.
//!
//! Every catalogue entry needs a fixture; every fixture's stderr must be recognised as its id
//! with nothing left unrecognised, and must decode the same when wrapped in the noise of real
//! pastes (CRLF, ANSI colours, CI timestamps and annotations, command echoes, `go: downloading`).

use gomod_test_support::go;
use gomod_test_support::scratch;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use gomod_test_support::case_files;
use gomod_test_support::universe::escape;

use gomod::bundle::{proxy_file_name, txtar, Bundle};
use gomod::explain_error::{explain_error, to_text, Explanation, CATALOGUE};
use scratch::{write, Scratch};

const CMD: &str = "cmd";
const STDERR: &str = "stderr";
const WANT: &str = "want";
const PROXY: &str = "proxy/";
const GIT: &str = "git/";
const NOT_PRODUCED: &str = "not produced by go here:";

/// The files of each module version the proxy serves: (path, version) → [(name, content)].
type ProxyModules = BTreeMap<(String, String), Vec<(String, Vec<u8>)>>;

struct Fixture {
    path: PathBuf,
    name: String,
    id: String,
    archive: txtar::Archive,
}

impl Fixture {
    fn section(&self, name: &str) -> Option<&[u8]> {
        self.archive
            .files
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.data.as_slice())
    }

    fn comment(&self) -> String {
        String::from_utf8_lossy(&self.archive.comment).into_owned()
    }

    /// The module's own files (not the proxy, not the sections of the test).
    fn work_files(&self) -> impl Iterator<Item = &txtar::File> {
        self.archive.files.iter().filter(|f| {
            ![CMD, STDERR, WANT].contains(&f.name.as_str()) && !f.name.starts_with(PROXY)
        })
    }

    /// The proxy's modules: (path, version) → [(file in the module, content)].
    fn proxy_modules(&self) -> ProxyModules {
        let mut out = ProxyModules::new();
        for f in &self.archive.files {
            let Some(rest) = f.name.strip_prefix(PROXY) else {
                continue;
            };
            let at = rest
                .find('@')
                .expect("proxy file names are PATH@VERSION/FILE");
            let slash = at
                + rest[at..]
                    .find('/')
                    .expect("proxy file names are PATH@VERSION/FILE");
            let key = (rest[..at].to_owned(), rest[at + 1..slash].to_owned());
            out.entry(key)
                .or_default()
                .push((rest[slash + 1..].to_owned(), f.data.clone()));
        }
        out
    }

    /// What the user would paste: the module's files and the proxy's go.mod files in the
    /// bundle's GOPROXY layout.
    fn bundle(&self) -> Bundle {
        let mut files: Vec<(String, Vec<u8>)> = self
            .work_files()
            .map(|f| (f.name.clone(), f.data.clone()))
            .collect();
        for ((path, version), module_files) in self.proxy_modules() {
            if let Some((_, gomod)) = module_files.iter().find(|(n, _)| n == "go.mod") {
                let name = proxy_file_name(&path, &version, "mod").expect("valid proxy name");
                files.push((name, gomod.clone()));
            }
        }
        Bundle::from_files(files)
    }
}

fn fixtures() -> Vec<Fixture> {
    case_files::testdata_cases("explain_error", 30)
        .into_iter()
        .map(|path| {
            let archive = txtar::parse(&std::fs::read(&path).expect("read fixture"));
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let id = name.split('.').next().unwrap_or_default().to_owned();
            Fixture {
                path,
                name,
                id,
                archive,
            }
        })
        .collect()
}

/// Builds a module zip with python3's zipfile (as `oracle_sum.rs` does).
fn make_zip(zip: &Path, prefix: &str, files: &[(String, Vec<u8>)], staging: &Path) {
    for (name, data) in files {
        write(&staging.join(name), data);
    }
    let script = r#"
import os, sys, zipfile
zip_path, staging, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
    for root, _, files in sorted(os.walk(staging)):
        for f in sorted(files):
            full = os.path.join(root, f)
            z.write(full, prefix + os.path.relpath(full, staging).replace(os.sep, "/"))
"#;
    let status = Command::new("python3")
        .args(["-c", script])
        .arg(zip)
        .arg(staging)
        .arg(prefix)
        .status()
        .expect("running python3 to build a module zip");
    assert!(
        status.success(),
        "python3 could not build {}",
        zip.display()
    );
}

/// Runs the fixture's go commands and returns the last one's normalised stderr.
fn produce(fixture: &Fixture) -> String {
    let cmd = String::from_utf8_lossy(fixture.section(CMD).unwrap_or_default()).into_owned();
    let scratch = Scratch::new(&format!("explain-{}", fixture.name));
    let root = scratch.root.canonicalize().expect("scratch root");
    let work = root.join("project");
    let proxy = root.join("proxy");
    let gopath = root.join("gopath");
    std::fs::create_dir_all(&work).expect("project dir");
    std::fs::create_dir_all(&proxy).expect("proxy dir");
    for f in fixture.work_files() {
        write(&work.join(&f.name), &f.data);
    }
    for ((path, version), files) in fixture.proxy_modules() {
        let dir = proxy.join(escape(&path)).join("@v");
        let base = escape(&version);
        let gomod = files
            .iter()
            .find(|(n, _)| n == "go.mod")
            .map(|(_, d)| d.clone())
            .unwrap_or_else(|| format!("module {path}\n").into_bytes());
        write(&dir.join(format!("{base}.mod")), &gomod);
        write(
            &dir.join(format!("{base}.info")),
            format!("{{\"Version\":\"{version}\",\"Time\":\"2020-01-01T00:00:00Z\"}}\n"),
        );
        let list = dir.join("list");
        let mut listed = std::fs::read(&list).unwrap_or_default();
        listed.extend_from_slice(format!("{version}\n").as_bytes());
        write(&list, &listed);
        make_zip(
            &dir.join(format!("{base}.zip")),
            &format!("{path}@{version}/"),
            &files,
            &root
                .join("zipstage")
                .join(format!("{}@{}", escape(&path), base)),
        );
    }
    let gitconfig = make_git_repositories(fixture, &root);
    let mut env: Vec<(String, String)> = vec![
        ("GIT_CONFIG_GLOBAL".into(), gitconfig.display().to_string()),
        ("GIT_CONFIG_NOSYSTEM".into(), "1".into()),
        ("HOME".into(), root.join("home").display().to_string()),
        ("GOPATH".into(), gopath.display().to_string()),
        ("GOCACHE".into(), root.join("gocache").display().to_string()),
        ("GOPROXY".into(), format!("file://{}", proxy.display())),
        ("PWD".into(), work.display().to_string()),
    ];
    let mut stderr = Vec::new();
    let mut ran = false;
    for line in cmd
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(assignment) = line.strip_prefix("env ") {
            let (name, value) = assignment.split_once('=').expect("env NAME=VALUE");
            let value = value.replace("$WORK", &work.display().to_string());
            env.retain(|(n, _)| n != name);
            env.push((name.to_owned(), value));
            continue;
        }
        let args: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            args.first(),
            Some(&"go"),
            "{}: cmd line {line:?}",
            fixture.name
        );
        let out = go::isolated_go_command()
            .args(&args[1..])
            .current_dir(&work)
            .envs(env.iter().map(|(n, v)| (n.as_str(), v.as_str())))
            .output()
            .unwrap_or_else(|e| panic!("running go: {e}"));
        stderr = out.stderr;
        ran = true;
    }
    assert!(ran, "{}: cmd runs no go command", fixture.name);
    // The module cache is read-only; make it removable.
    let _ = Command::new("chmod")
        .arg("-R")
        .arg("u+w")
        .arg(&root)
        .status();
    let mut text = String::from_utf8_lossy(&stderr).into_owned();
    let goroot = go::goroot().canonicalize().unwrap_or_else(|_| go::goroot());
    for (from, to) in [
        (work.display().to_string(), "/home/user/project"),
        (proxy.display().to_string(), "/home/user/proxy"),
        (gopath.display().to_string(), "/home/user/go"),
        (goroot.display().to_string(), "/usr/local/go"),
        (go::goroot().display().to_string(), "/usr/local/go"),
        (root.display().to_string(), "/home/user"),
    ] {
        text = text.replace(&from, to);
    }
    sort_download_runs(&text)
}

/// go downloads modules in parallel, so the order of consecutive `go: downloading` lines varies
/// from run to run; sorting each run makes the captured text stable.
fn sort_download_runs(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("go: downloading ") {
            run.push(line);
            continue;
        }
        run.sort();
        out.append(&mut run);
        out.push(line);
    }
    run.sort();
    out.append(&mut run);
    out.concat()
}

/// Writes the fixture's `git/REPO/` files as git repositories under `root/git`, each committed
/// and tagged (v1.0.0, or the content of its file TAG), and a git configuration that maps `https://example.com/REPO` to them;
/// returns the configuration's path.
fn make_git_repositories(fixture: &Fixture, root: &Path) -> PathBuf {
    let mut repos: Vec<String> = Vec::new();
    for f in &fixture.archive.files {
        let Some(rest) = f.name.strip_prefix(GIT) else {
            continue;
        };
        let (repo, file) = rest.split_once('/').expect("git files are git/REPO/FILE");
        write(&root.join("git").join(repo).join(file), &f.data);
        if !repos.iter().any(|r| r == repo) {
            repos.push(repo.to_owned());
        }
    }
    let mut config = String::from("[protocol \"file\"]\n\tallow = always\n");
    for repo in &repos {
        let dir = root.join("git").join(repo);
        // A file named TAG in the repository names its tag (v1.0.0 by default).
        let tag = std::fs::read_to_string(dir.join("TAG"))
            .map(|t| t.trim().to_owned())
            .unwrap_or_else(|_| "v1.0.0".to_owned());
        for args in [
            &["init", "-q"][..],
            &["add", "."][..],
            &[
                "-c",
                "user.name=gomodplay",
                "-c",
                "user.email=gomodplay@example.com",
                "commit",
                "-q",
                "-m",
                "v1.0.0",
            ][..],
            &["tag", &tag][..],
        ] {
            let status = Command::new("git")
                .args(args)
                .current_dir(&dir)
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env("HOME", root.join("home"))
                .status()
                .expect("running git");
            assert!(status.success(), "git {args:?} in {}", dir.display());
        }
        config.push_str(&format!(
            "[url \"file://{}\"]\n\tinsteadOf = https://example.com/{repo}\n",
            dir.display()
        ));
    }
    let path = root.join("home").join("gitconfig");
    write(&path, config);
    path
}

fn decode(text: &str, files: Option<&Bundle>) -> Explanation {
    explain_error(text, files)
}

/// The recognised ids and variables, to compare decodes of the same messages.
fn summary(explanation: &Explanation) -> Vec<(&'static str, BTreeMap<String, String>)> {
    explanation
        .errors
        .iter()
        .map(|e| (e.id, e.variables.clone()))
        .collect()
}

/// Produces go's stderr for every fixture that has a command, two at a time (the machine's
/// cores), in fixture order.
fn produced(fixtures: &[Fixture]) -> Vec<Option<String>> {
    let chunks: Vec<&[Fixture]> = fixtures.chunks(fixtures.len().div_ceil(2).max(1)).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|f| f.section(CMD).is_some().then(|| produce(f)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("producing thread"))
            .collect()
    })
}

#[test]
fn go_prints_each_fixture_and_it_decodes_as_its_id() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let fixtures = fixtures();
    let outputs = produced(&fixtures);
    let mut failures = Vec::new();
    let mut by_go = 0;
    for (fixture, output) in fixtures.iter().zip(outputs) {
        let stored = fixture
            .section(STDERR)
            .map(|s| String::from_utf8_lossy(s).into_owned());
        let stderr = match (&output, &stored) {
            (Some(got), _) => {
                by_go += 1;
                if !update && stored.as_deref() != Some(got.as_str()) {
                    failures.push(format!(
                        "{}: go printed\n{got}--- but the fixture's stderr is\n{}",
                        fixture.name,
                        stored.as_deref().unwrap_or("(none)")
                    ));
                }
                got.clone()
            }
            (None, Some(text)) => {
                if !fixture
                    .comment()
                    .lines()
                    .any(|l| l.starts_with(NOT_PRODUCED))
                {
                    failures.push(format!(
                        "{}: no cmd section and no `{NOT_PRODUCED}` line saying why",
                        fixture.name
                    ));
                }
                text.clone()
            }
            (None, None) => {
                failures.push(format!("{}: neither cmd nor stderr", fixture.name));
                continue;
            }
        };
        if stderr.trim().is_empty() {
            failures.push(format!("{}: go printed nothing", fixture.name));
        }
        let bundle = fixture.bundle();
        let explanation = decode(&stderr, Some(&bundle));
        let got = to_text(&explanation);
        if !explanation.errors.iter().any(|e| e.id == fixture.id) {
            failures.push(format!(
                "{}: {} not recognised in\n{stderr}",
                fixture.name, fixture.id
            ));
        }
        if !explanation.unrecognised.is_empty() {
            failures.push(format!("{}: unrecognised text:\n{got}", fixture.name));
        }
        if update {
            let mut archive = fixture.archive.clone();
            archive.files.retain(|f| f.name != STDERR && f.name != WANT);
            archive.files.push(txtar::File {
                name: STDERR.to_owned(),
                data: stderr.into_bytes(),
            });
            archive.files.push(txtar::File {
                name: WANT.to_owned(),
                data: got.into_bytes(),
            });
            std::fs::write(&fixture.path, txtar::format(&archive)).expect("write fixture");
            continue;
        }
        match fixture.section(WANT) {
            Some(want) if want == got.as_bytes() => {}
            Some(want) => failures.push(format!(
                "{}:\n--- want\n{}--- got\n{got}",
                fixture.name,
                String::from_utf8_lossy(want)
            )),
            None => failures.push(format!(
                "{}: no want section (UPDATE_GOLDEN=1)",
                fixture.name
            )),
        }
    }
    eprintln!(
        "{} fixtures, {by_go} produced by {}",
        fixtures.len(),
        go::go_program().display()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_catalogue_entry_has_a_fixture() {
    let fixtures = fixtures();
    let missing: Vec<&str> = CATALOGUE
        .iter()
        .map(|k| k.id)
        .filter(|id| !fixtures.iter().any(|f| f.id == *id))
        .collect();
    assert!(missing.is_empty(), "entries without a fixture: {missing:?}");
    let unknown: Vec<&str> = fixtures
        .iter()
        .map(|f| f.id.as_str())
        .filter(|id| !CATALOGUE.iter().any(|k| k.id == *id))
        .collect();
    assert!(unknown.is_empty(), "fixtures of no entry: {unknown:?}");
}

/// The ways real pastes wrap go's output.
fn noisy_variants(stderr: &str) -> Vec<(&'static str, String)> {
    let lines: Vec<&str> = stderr.lines().collect();
    let map = |f: &dyn Fn(usize, &str) -> String| -> String {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| f(i, l))
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    let crlf = map(&|_, l| format!("{l}\r"));
    let github = map(&|i, l| {
        let annotation = if i == 0 { "##[error]" } else { "" };
        format!("2024-05-01T10:00:00.1234567Z {annotation}{l}")
    });
    let gitlab = map(&|_, l| format!("2024-05-01T10:00:00.123456Z 01E+ {l}"));
    let colours = map(&|_, l| format!("\u{1b}[1;31m{l}\u{1b}[0m"));
    let echoed = format!(
        "user@host:~/src/project$ go build ./...\ngo: downloading example.com/unrelated v1.2.3\ngo: finding module for package example.com/unrelated/pkg\n{stderr}exit status 1\n"
    );
    let everything = {
        let inner =
            format!("$ go build ./...\ngo: downloading example.com/unrelated v1.2.3\n{stderr}");
        inner
            .lines()
            .map(|l| format!("2024-05-01T10:00:00.1234567Z \u{1b}[31m{l}\u{1b}[0m\r"))
            .collect::<Vec<_>>()
            .join("\n")
            + "\nError: Process completed with exit code 1.\n"
    };
    vec![
        ("CRLF", crlf),
        ("GitHub Actions prefixes", github),
        ("GitLab prefixes", gitlab),
        ("ANSI colours", colours),
        ("command echo and progress", echoed),
        ("all at once", everything),
    ]
}

#[test]
fn noise_around_each_message_changes_nothing() {
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let Some(stderr) = fixture.section(STDERR) else {
            continue;
        };
        let stderr = String::from_utf8_lossy(stderr).into_owned();
        let plain = summary(&decode(&stderr, None));
        assert!(!plain.is_empty(), "{}: nothing recognised", fixture.name);
        for (label, text) in noisy_variants(&stderr) {
            let got = decode(&text, None);
            if summary(&got) != plain || !got.unrecognised.is_empty() {
                failures.push(format!(
                    "{} with {label}:\n{}--- instead of\n{:?}",
                    fixture.name,
                    to_text(&got),
                    plain
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn all_messages_pasted_at_once_decode_in_order() {
    let mut text = String::new();
    let mut want = Vec::new();
    for fixture in fixtures() {
        let Some(stderr) = fixture.section(STDERR) else {
            continue;
        };
        let stderr = String::from_utf8_lossy(stderr).into_owned();
        want.extend(summary(&decode(&stderr, None)));
        text.push_str(&format!("$ go build ./...  # {}\n", fixture.name));
        text.push_str(&stderr);
    }
    let got = decode(&text, None);
    assert!(got.unrecognised.is_empty(), "{}", to_text(&got));
    assert_eq!(summary(&got), want);
}

#[test]
fn cut_and_damaged_messages_never_panic() {
    // Every seventh prefix of each message (a paste cut short), and the message with each
    // seventh byte replaced by characters the decoder treats specially, with the fixture's
    // files: decoding never panics, and every id it reports is a catalogue id.
    for fixture in fixtures() {
        let Some(stderr) = fixture.section(STDERR) else {
            continue;
        };
        let stderr = String::from_utf8_lossy(stderr).into_owned();
        let bundle = fixture.bundle();
        let cuts: Vec<usize> = (0..stderr.len())
            .step_by(7)
            .filter(|&i| stderr.is_char_boundary(i))
            .collect();
        for &cut in &cuts {
            let _ = decode(&stderr[..cut], Some(&bundle));
            for special in ["\u{1b}[", ": ", "\n\t", "{", "@", "\r"] {
                let mut damaged = stderr.clone();
                let end = stderr[cut..]
                    .char_indices()
                    .nth(1)
                    .map_or(stderr.len(), |(i, _)| cut + i);
                damaged.replace_range(cut..end, special);
                let got = decode(&damaged, Some(&bundle));
                for error in &got.errors {
                    assert!(
                        CATALOGUE.iter().any(|k| k.id == error.id),
                        "{}: unknown id {}",
                        fixture.name,
                        error.id
                    );
                }
            }
        }
    }
}
