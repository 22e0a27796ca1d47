//! Go's own module tests as a differential suite: `gomodplay fmt`, `list` and `graph` against
//! `go mod edit -fmt -print` (`go work edit` for go.work), `go list -m all` and `go mod graph`, on
//! the module directories of cmd/go's script tests, with cmd/go's test module proxy.
//!
//! Everything is read in place from the installed go's GOROOT at test time (nothing of Go's is
//! copied into this repository):
//!
//! * `src/cmd/go/testdata/mod/*.txt` is the test proxy: one txtar archive per module version,
//!   named `PATH_VERSION.txt` (escaped path with `/` written as `_`), holding `.info`, `.mod` and
//!   the zip's files. `proxy::write_file_proxy` turns it into a GOPROXY file tree following
//!   `src/cmd/go/proxy_test.go`'s serving rules (see there).
//! * `src/cmd/go/testdata/script/mod_*.txt` are the scripts. Their commands are ignored: every
//!   directory that the archive gives a go.mod or go.work is a case of `list` and `graph`, and so
//!   is every go.mod variant the script copies into place (`go.mod.orig`, `go.mod.want`,
//!   `go.mod2`... put in the directory's go.mod's place); `fmt` runs on each of those files. The
//!   files are written as the script engine extracts them (relative names below
//!   `$WORK/gopath/src`, `$WORK` and `$GOPATH` expanded).
//!
//! Each case runs in a fresh copy of its script's files per command, gomodplay first and then go
//! in the same directory (`go list -m all` with `-mod=mod` may rewrite go.mod), both from that
//! directory: go with `GOTOOLCHAIN=local GOSUMDB=off GOFLAGS=-mod=mod`, `GOWORK=off` (or, in a
//! directory with a go.work, `GOWORK` naming it and no `-mod` flag, which workspace mode refuses),
//! `GOPROXY=file://PROXY` and a GOPATH of its own; gomodplay with
//! `--proxy PROXY`. Stdout, stderr and exit status must be byte-identical.
//!
//! `testdata/go_script_suite/exceptions.txt` lists the cases not compared (only those that need
//! the network or a version control system, with the reason) and the known differences still
//! being worked on (compared; the test fails when one no longer differs, so the list cannot go
//! stale). The test fails when GOROOT's test data is missing: it never passes vacuously.
//!
//! `GOMODPLAY_SUITE_THREADS` sets the number of worker threads (default 3),
//! `GOMODPLAY_SUITE_ONLY` restricts the run to scripts whose name contains it.

use gomod_test_support::go;
use gomod_test_support::scratch;

#[path = "go_script_suite/proxy.rs"]
mod proxy;
#[path = "go_script_suite/txtar.rs"]
mod txtar;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use scratch::Scratch;

/// What one command printed.
#[derive(Debug, PartialEq, Eq, Clone)]
struct Ran {
    stdout: String,
    stderr: String,
    exit_code: i32,
}

impl Ran {
    fn from_output(out: std::process::Output) -> Ran {
        Ran {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            exit_code: out.status.code().unwrap_or(-1),
        }
    }
}

/// One script: its name and files, each with its path below the script's `$WORK`.
struct Script {
    name: String,
    files: Vec<(PathBuf, Vec<u8>)>,
}

/// The script-engine layout: relative names live in `$WORK/gopath/src`, the initial directory.
fn work_relative(name: &str) -> PathBuf {
    if let Some(rest) = name.strip_prefix("$WORK/") {
        PathBuf::from(rest)
    } else if let Some(rest) = name.strip_prefix("$GOPATH/") {
        Path::new("gopath").join(rest)
    } else {
        Path::new("gopath/src").join(name)
    }
}

fn read_scripts(script_dir: &Path, only: Option<&str>) -> Vec<Script> {
    let mut names: Vec<String> = fs::read_dir(script_dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", script_dir.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("mod_") && name.ends_with(".txt"))
        .filter(|name| only.is_none_or(|o| name.contains(o)))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let data =
                fs::read(script_dir.join(&name)).unwrap_or_else(|e| panic!("reading {name}: {e}"));
            let files = txtar::parse(&data)
                .files
                .into_iter()
                .map(|(file, body)| (work_relative(&file), body))
                .collect();
            Script { name, files }
        })
        .collect()
}

/// One comparison: a directory of a script, one command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Verb {
    Fmt,
    List,
    Graph,
}

impl Verb {
    fn name(self) -> &'static str {
        match self {
            Verb::Fmt => "fmt",
            Verb::List => "list",
            Verb::Graph => "graph",
        }
    }
}

/// A module directory of a script (below `$WORK`) and the module files in it.
#[derive(Default)]
struct ModuleDir {
    /// `go.mod` and `go.work`, when present.
    main_files: Vec<String>,
    /// Other go.mod contents the script copies over go.mod (`go.mod.orig`, `go.mod.want`,
    /// `go.mod2`...): each is a case of its own, with that file in go.mod's place.
    variants: Vec<String>,
}

/// Whether a file holds go.mod text the script puts in place of a go.mod (its name starts with
/// `go.mod` and is not `go.mod` itself).
fn is_gomod_variant(name: &str) -> bool {
    name.len() > "go.mod".len() && name.starts_with("go.mod")
}

fn module_dirs(script: &Script) -> BTreeMap<PathBuf, ModuleDir> {
    let mut dirs: BTreeMap<PathBuf, ModuleDir> = BTreeMap::new();
    for (path, _) in &script.files {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if name == "go.mod" || name == "go.work" {
            dirs.entry(dir)
                .or_default()
                .main_files
                .push(name.to_owned());
        } else if is_gomod_variant(name) {
            dirs.entry(dir).or_default().variants.push(name.to_owned());
        }
    }
    for d in dirs.values_mut() {
        d.main_files.sort();
        d.main_files.dedup();
        d.variants.sort();
        d.variants.dedup();
    }
    dirs
}

/// How `exceptions.txt` treats a case.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Exception {
    /// Not compared: what go does there needs the network or a version control system.
    Skip(String),
    /// Compared, and known to differ until the named work lands.
    Known(String),
}

/// `exceptions.txt`: `SCRIPT CASE VERB KIND REASON...` lines (`*` for every verb; CASE as the
/// failure messages print it).
fn read_exceptions(path: &Path) -> BTreeMap<(String, String, String), Exception> {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.splitn(5, char::is_whitespace).collect();
        let [script, dir, verb, kind, reason] = fields[..] else {
            panic!(
                "{}:{}: want SCRIPT CASE VERB KIND REASON",
                path.display(),
                i + 1
            );
        };
        let reason = reason.trim().to_owned();
        let exception = match kind {
            "skip" => Exception::Skip(reason),
            "known" => Exception::Known(reason),
            _ => panic!("{}:{}: kind must be skip or known", path.display(), i + 1),
        };
        let key = (script.to_owned(), dir.to_owned(), verb.to_owned());
        assert!(
            out.insert(key, exception).is_none(),
            "{}:{}: duplicate entry",
            path.display(),
            i + 1
        );
    }
    out
}

fn exception_for<'a>(
    exceptions: &'a BTreeMap<(String, String, String), Exception>,
    script: &str,
    dir: &str,
    verb: Verb,
    used: &Mutex<BTreeSet<(String, String, String)>>,
) -> Option<&'a Exception> {
    for verb_key in [verb.name(), "*"] {
        let key = (script.to_owned(), dir.to_owned(), verb_key.to_owned());
        if let Some(e) = exceptions.get(&key) {
            used.lock().unwrap_or_else(|e| e.into_inner()).insert(key);
            return Some(e);
        }
    }
    None
}

/// A case's directory as the summary and exceptions.txt show it.
fn shown_dir(dir: &Path) -> String {
    let s = dir.display().to_string();
    if s.is_empty() {
        ".".to_owned()
    } else {
        s
    }
}

/// Writes the script's files below `work` (emptied first).
fn materialise(script: &Script, work: &Path) {
    if work.exists() {
        make_writable(work);
        fs::remove_dir_all(work).unwrap_or_else(|e| panic!("removing {}: {e}", work.display()));
    }
    for (path, data) in &script.files {
        scratch::write(&work.join(path), data);
    }
    // The script engine creates these before extracting; some go.mod files name them.
    fs::create_dir_all(work.join("gopath/src")).expect("creating gopath/src");
    fs::create_dir_all(work.join("tmp")).expect("creating tmp");
}

/// The module cache is read-only unless `-modcacherw`; a scratch tree may hold one.
fn make_writable(dir: &Path) {
    let _ = Command::new("chmod").arg("-R").arg("u+w").arg(dir).status();
}

struct Env<'a> {
    proxy: &'a Path,
    gopath: PathBuf,
}

fn run_ours(args: &[&str], cwd: &Path) -> Ran {
    let out = Command::new(env!("CARGO_BIN_EXE_gomodplay"))
        .args(args)
        .current_dir(cwd)
        .env("PWD", cwd)
        .output()
        .unwrap_or_else(|e| panic!("running gomodplay: {e}"));
    Ran::from_output(out)
}

fn run_go(args: &[&str], cwd: &Path, env: &Env, gowork: Option<&Path>) -> Ran {
    let mut cmd = go::isolated_go_command();
    cmd.args(args)
        .current_dir(cwd)
        .env("PWD", cwd)
        .env("HOME", &env.gopath)
        .env("GOPATH", &env.gopath)
        .env("GOMODCACHE", env.gopath.join("pkg/mod"))
        .env("GOCACHE", env.gopath.join("cache"))
        .env("GOPROXY", format!("file://{}", env.proxy.display()))
        // In workspace mode go refuses -mod=mod; gomodplay simulates go's default there.
        .env(
            "GOFLAGS",
            if gowork.is_some() {
                "-modcacherw"
            } else {
                "-mod=mod -modcacherw"
            },
        )
        .env(
            "GOWORK",
            gowork.map_or_else(|| "off".into(), |p| p.as_os_str().to_owned()),
        );
    let out = cmd.output().unwrap_or_else(|e| panic!("running go: {e}"));
    Ran::from_output(out)
}

/// One case's outcome.
enum Outcome {
    /// Both printed the same; `success` when that was a result, not an error.
    Identical {
        success: bool,
    },
    Differs {
        ours: Ran,
        go: Ran,
    },
    Skipped(String),
}

impl Outcome {
    fn of(ours: Ran, go: Ran) -> Outcome {
        if ours == go {
            Outcome::Identical {
                success: go.exit_code == 0,
            }
        } else {
            Outcome::Differs { ours, go }
        }
    }
}

struct CaseResult {
    script: String,
    dir: String,
    verb: Verb,
    /// What the case runs on: the file for fmt, the directory (or the go.mod variant put in
    /// its go.mod's place) for list and graph.
    case: String,
    outcome: Outcome,
    known: Option<String>,
}

/// Runs every case of one script in the worker directory `slot`.
fn run_script(
    script: &Script,
    slot: &Path,
    env: &Env,
    exceptions: &BTreeMap<(String, String, String), Exception>,
    used: &Mutex<BTreeSet<(String, String, String)>>,
) -> Vec<CaseResult> {
    let work = slot.join("work");
    let proxy_arg = env.proxy.display().to_string();
    let mut results = Vec::new();
    for (dir, files) in module_dirs(script) {
        let shown = shown_dir(&dir);
        let cwd = work.join(&dir);
        let mut record = |verb: Verb, case: String, outcome: Outcome, known: Option<String>| {
            results.push(CaseResult {
                script: script.name.clone(),
                dir: shown.clone(),
                verb,
                case,
                outcome,
                known,
            })
        };
        // fmt prints and writes nothing, so the files of the directory are formatted from one
        // extraction.
        materialise(script, &work);
        for name in files.main_files.iter().chain(&files.variants) {
            let case = format!("{shown}/{name}");
            let known = match exception_for(exceptions, &script.name, &case, Verb::Fmt, used) {
                Some(Exception::Skip(reason)) => {
                    record(Verb::Fmt, case, Outcome::Skipped(reason.clone()), None);
                    continue;
                }
                Some(Exception::Known(reason)) => Some(reason.clone()),
                None => None,
            };
            let ours = run_ours(&["fmt", name], &cwd);
            let edit = if name == "go.work" { "work" } else { "mod" };
            let go = run_go(&[edit, "edit", "-fmt", "-print", name], &cwd, env, None);
            record(Verb::Fmt, case, Outcome::of(ours, go), known);
        }
        // The directory as extracted, then each go.mod variant in go.mod's place.
        let main_cases = (!files.main_files.is_empty())
            .then(|| (shown.clone(), None))
            .into_iter()
            .chain(
                files
                    .variants
                    .iter()
                    .map(|v| (format!("{shown}/{v}"), Some(v.as_str()))),
            );
        let gowork = files
            .main_files
            .iter()
            .any(|n| n == "go.work")
            .then(|| cwd.join("go.work"));
        for (case, variant) in main_cases {
            for verb in [Verb::List, Verb::Graph] {
                let known = match exception_for(exceptions, &script.name, &case, verb, used) {
                    Some(Exception::Skip(reason)) => {
                        record(verb, case.clone(), Outcome::Skipped(reason.clone()), None);
                        continue;
                    }
                    Some(Exception::Known(reason)) => Some(reason.clone()),
                    None => None,
                };
                // Every run starts from the script's files as extracted: `go list -m all` with
                // -mod=mod may rewrite go.mod and go.sum.
                materialise(script, &work);
                if let Some(variant) = variant {
                    fs::copy(cwd.join(variant), cwd.join("go.mod")).unwrap_or_else(|e| {
                        panic!("copying {variant} to go.mod in {}: {e}", cwd.display())
                    });
                }
                let (ours_args, go_args): (&[&str], &[&str]) = if verb == Verb::List {
                    (&["list", "--proxy", &proxy_arg], &["list", "-m", "all"])
                } else {
                    (&["graph", "--proxy", &proxy_arg], &["mod", "graph"])
                };
                let ours = run_ours(ours_args, &cwd);
                let go = run_go(go_args, &cwd, env, gowork.as_deref());
                record(verb, case.clone(), Outcome::of(ours, go), known);
            }
        }
    }
    results
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

fn describe(ran: &Ran) -> String {
    format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        ran.exit_code, ran.stdout, ran.stderr
    )
}

#[test]
fn go_script_suite_matches_go() {
    let started = Instant::now();
    let goroot = go::goroot();
    let cmd_go = goroot.join("src/cmd/go");
    let mod_dir = cmd_go.join("testdata/mod");
    let script_dir = cmd_go.join("testdata/script");
    for needed in [&mod_dir, &script_dir, &cmd_go.join("proxy_test.go")] {
        assert!(
            needed.exists(),
            "GOROOT's cmd/go test data is missing: {} (the suite reads it from the installed go)",
            needed.display()
        );
    }
    let only = std::env::var("GOMODPLAY_SUITE_ONLY").ok();
    let scripts = read_scripts(&script_dir, only.as_deref());
    assert!(
        !scripts.is_empty(),
        "no mod_*.txt script in {} matches GOMODPLAY_SUITE_ONLY={}",
        script_dir.display(),
        only.as_deref().unwrap_or_default()
    );
    assert!(
        only.is_some() || scripts.len() >= 300,
        "only {} mod_*.txt scripts in {}: GOROOT's test data looks incomplete",
        scripts.len(),
        script_dir.display()
    );

    let scratch = Scratch::new("go-script-suite");
    let proxy_dir = scratch.path("proxy");
    let served = proxy::write_file_proxy(&mod_dir, &proxy_dir);
    assert!(
        served.versions >= 200,
        "the test proxy serves only {} module versions: GOROOT's testdata/mod looks incomplete",
        served.versions
    );

    let exceptions_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/go_script_suite/exceptions.txt");
    let exceptions = read_exceptions(&exceptions_path);
    let used = Mutex::new(BTreeSet::new());

    let threads = env_usize("GOMODPLAY_SUITE_THREADS", 3);
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for worker in 0..threads {
            let (scripts, next, results, exceptions, used) =
                (&scripts, &next, &results, &exceptions, &used);
            let slot = scratch.path(&format!("worker{worker}"));
            let env = Env {
                proxy: &proxy_dir,
                gopath: slot.join("gopath"),
            };
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(script) = scripts.get(i) else { break };
                let got = run_script(script, &slot, &env, exceptions, used);
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend(got);
            });
        }
    });
    make_writable(&scratch.root);
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by(|a, b| (&a.script, &a.case, a.verb).cmp(&(&b.script, &b.case, b.verb)));

    let mut failures = Vec::new();
    let mut per_verb: BTreeMap<Verb, (usize, usize)> = BTreeMap::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut known_differing = 0;
    let mut identical_successes = 0;
    for r in &results {
        let case = format!("{} {} {}", r.script, r.case, r.verb.name());
        match (&r.outcome, &r.known) {
            (Outcome::Skipped(reason), _) => *skipped.entry(reason.clone()).or_default() += 1,
            (Outcome::Identical { success }, known) => {
                let counts = per_verb.entry(r.verb).or_default();
                counts.0 += 1;
                counts.1 += 1;
                identical_successes += usize::from(*success);
                if let Some(reason) = known {
                    failures.push(format!(
                        "{case}: now identical, but exceptions.txt lists it as a known difference ({reason}): remove that line"
                    ));
                }
            }
            (Outcome::Differs { .. }, Some(_)) => {
                per_verb.entry(r.verb).or_default().0 += 1;
                known_differing += 1;
            }
            (Outcome::Differs { ours, go }, None) => {
                per_verb.entry(r.verb).or_default().0 += 1;
                failures.push(format!(
                    "{case} differs\n=== gomodplay: {}=== go: {}",
                    describe(ours),
                    describe(go)
                ));
            }
        }
    }
    let used = used.into_inner().unwrap_or_else(|e| e.into_inner());
    if only.is_none() {
        for key in exceptions.keys().filter(|k| !used.contains(*k)) {
            failures.push(format!(
                "exceptions.txt names {} {} {}, which is no case of the suite: remove it",
                key.0, key.1, key.2
            ));
        }
    }

    let dirs: BTreeSet<(&str, &str)> = results
        .iter()
        .map(|r| (r.script.as_str(), r.dir.as_str()))
        .collect();
    let compared: usize = per_verb.values().map(|c| c.0).sum();
    let identical: usize = per_verb.values().map(|c| c.1).sum();
    let by_verb: Vec<String> = per_verb
        .iter()
        .map(|(verb, (c, i))| format!("{} {i}/{c}", verb.name()))
        .collect();
    let by_reason: Vec<String> = skipped
        .iter()
        .map(|(reason, n)| format!("{n} × {reason}"))
        .collect();
    // Written to the process's stderr directly, past the test harness's capture, so that every
    // run shows the figures, not only a failing one.
    let summary = format!(
        "go script suite: {} scripts, {} module directories, proxy of {} module versions; compared {compared}, identical {identical} ({}; {identical_successes} of them exit 0, the others the same go error); known differences {known_differing}; skipped {}{}; {:.1} s with {threads} threads",
        scripts.len(),
        dirs.len(),
        served.versions,
        by_verb.join(", "),
        skipped.values().sum::<usize>(),
        if by_reason.is_empty() {
            String::new()
        } else {
            format!(" ({})", by_reason.join("; "))
        },
        started.elapsed().as_secs_f64()
    );
    let _ = std::io::Write::write_all(&mut std::io::stderr(), format!("\n{summary}\n").as_bytes());
    if !failures.is_empty() {
        let headlines: Vec<&str> = failures
            .iter()
            .map(|f| f.lines().next().unwrap_or_default())
            .collect();
        let details: Vec<&str> = failures.iter().take(20).map(String::as_str).collect();
        panic!(
            "{} of the suite's cases failed:\n{}\n\nthe first {} in detail:\n\n{}",
            failures.len(),
            headlines.join("\n"),
            details.len(),
            details.join("\n\n")
        );
    }
}
