//! `gomod::modfile::parse_lax` (how the go command reads a dependency's go.mod) against the go
//! command itself.
//!
//! Each generated go.mod text is served from a file-system GOPROXY as a dependency's go.mod, a main
//! module (go 1.21) requires it, and `go mod graph` runs. go reads the file with its lax parser, so:
//!
//! * if our lax parse fails, go must fail with `go: DEP@VER: parsing go.mod: <our error list>`;
//! * if the file's go line is newer than go 1.27.3, go must refuse it with its "requires go >=" text;
//! * without a module line, go must report `parsing go.mod: missing module line`;
//! * if the module line names a path we did not serve it under, go must report the path mismatch;
//! * otherwise go's graph edges out of the dependency must be our requirements, in order, then
//!   `go@V` when our (lax-normalised) go version is at least 1.21.
//!
//! The dependency is served under its own module path when that is a valid module path (so that
//! most parsable cases reach the graph), else as `example.com/dep`; each requirement is served as a
//! stub go.mod so that unpruned graphs (go < 1.17) load. Cases whose requirements go could not fetch
//! at all (malformed paths), and cases that require a newer version of themselves (MVS then selects
//! that one), are counted as skipped. Knobs as in oracle_fmt.rs (`GOMODPLAY_SEED`,
//! `GOMODPLAY_CASES` / 4, default 300).

use gomod_test_support::gen_modfile;
use gomod_test_support::gocmd;
use gomod_test_support::rng;

use gocmd::{capture, describe_difference, escape, write, Output};
use gomod::path;
use gomod::version::{gover, semver};
use std::path::Path;

/// The go version of the go oracle, above which dependencies are refused.
const LOCAL_GO: &str = "1.27.3";
const MAIN: &str = "example.com/m";
const FALLBACK: &str = "example.com/dep";

/// What go should do with one case.
enum Expect {
    /// Exit 0, and these graph lines out of the dependency node.
    Graph(Vec<String>),
    /// Exit 1 with exactly this stderr.
    Failure(Vec<u8>),
    /// Not comparable (go could not even fetch the requirements); the reason.
    Skip(&'static str),
}

/// The plan for one case: where the dependency is served, which stubs, and the prediction.
struct Plan {
    data: Vec<u8>,
    dep_path: String,
    dep_version: String,
    stubs: Vec<(String, String)>,
    expect: Expect,
}

/// The version to serve `path` at: v1.0.0, or vN.0.0 when its major suffix asks for N.
fn serving_version(module_path: &str) -> Option<String> {
    let (_, major) = path::split_path_version(module_path)?;
    if path::check_path_major("v1.0.0", major).is_ok() {
        return Some("v1.0.0".into());
    }
    let digits: String = major.chars().filter(char::is_ascii_digit).collect();
    let v = format!("v{digits}.0.0");
    path::check_path_major(&v, major).is_ok().then_some(v)
}

fn servable(module_path: &str) -> bool {
    module_path != MAIN
        && path::check_path(module_path).is_ok()
        && path::escape_path(module_path).is_ok()
}

fn plan(data: Vec<u8>) -> Plan {
    let parsed = gomod::modfile::parse_lax("go.mod", &data);
    let declared = parsed
        .as_ref()
        .ok()
        .and_then(|f| f.module.as_ref().map(|m| m.path.clone()));
    let (dep_path, dep_version) = match &declared {
        Some(m) if servable(m) => match serving_version(m) {
            Some(v) => (m.clone(), v),
            None => (FALLBACK.to_string(), "v1.0.0".to_string()),
        },
        _ => (FALLBACK.to_string(), "v1.0.0".to_string()),
    };
    let node = format!("{dep_path}@{dep_version}");
    let mut stubs = Vec::new();
    let expect = match parsed {
        Err(errors) => {
            let mut stderr = format!("go: {node}: parsing go.mod: ").into_bytes();
            stderr.extend_from_slice(&errors.to_bytes());
            stderr.push(b'\n');
            Expect::Failure(stderr)
        }
        Ok(f) => {
            let go = f.go.as_ref().map(|g| g.version.clone());
            match (&go, &declared) {
                (Some(g), _) if gover::compare(g, LOCAL_GO).is_gt() => Expect::Failure(format!(
                    "go: {node}: module {node} requires go >= {g} (running go {LOCAL_GO}; \
                     GOTOOLCHAIN=local)\n"
                ).into_bytes()),
                (_, None) => Expect::Failure(
                    format!("go: {node}: parsing go.mod: missing module line\n").into_bytes(),
                ),
                // ModFile keeps paths as String, so a path with invalid UTF-8 has lost its bytes
                // (see the `modfile` module documentation); go would print them raw.
                (_, Some(m)) if m.contains('\u{fffd}') => {
                    Expect::Skip("module path with invalid UTF-8")
                }
                (_, Some(m)) if *m != dep_path => Expect::Failure(format!(
                    "go: {node}: parsing go.mod:\n\tmodule declares its path as: {m}\n\t        but was \
                     required as: {dep_path}\n"
                ).into_bytes()),
                _ => {
                    let fetchable = f.require.iter().all(|r| {
                        servable(&r.module.path) && path::escape_version(&r.module.version).is_ok()
                    });
                    // A higher self-requirement makes MVS select that version instead, and
                    // the served node then has no edges in the graph.
                    let upgrades_itself = f.require.iter().any(|r| {
                        r.module.path == dep_path
                            && semver::compare(&r.module.version, &dep_version).is_gt()
                    });
                    if !fetchable {
                        Expect::Skip("a requirement go cannot fetch")
                    } else if upgrades_itself {
                        Expect::Skip("requires a newer version of itself")
                    } else {
                        let mut lines: Vec<String> = f
                            .require
                            .iter()
                            .map(|r| format!("{node} {}@{}", r.module.path, r.module.version))
                            .collect();
                        if let Some(g) = go.as_ref().filter(|g| gover::compare(g, "1.21").is_ge()) {
                            lines.push(format!("{node} go@{g}"));
                        }
                        for r in &f.require {
                            let key = (r.module.path.clone(), r.module.version.clone());
                            if key != (dep_path.clone(), dep_version.clone()) && !stubs.contains(&key) {
                                stubs.push(key);
                            }
                        }
                        Expect::Graph(lines)
                    }
                }
            }
        }
    };
    Plan {
        data,
        dep_path,
        dep_version,
        stubs,
        expect,
    }
}

/// Serves the case and its stubs from a fresh proxy and runs `go mod graph` in a main module.
fn run_go(dir: &Path, plan: &Plan) -> Output {
    let _ = std::fs::remove_dir_all(dir);
    let proxy = dir.join("proxy");
    let serve = |module: &str, version: &str, data: &[u8]| {
        let (Ok(p), Ok(v)) = (path::escape_path(module), path::escape_version(version)) else {
            return;
        };
        let at = proxy.join(p).join("@v");
        write(&at.join(format!("{v}.mod")), data);
        write(
            &at.join(format!("{v}.info")),
            format!("{{\"Version\":\"{version}\"}}\n").as_bytes(),
        );
    };
    serve(&plan.dep_path, &plan.dep_version, &plan.data);
    for (module, version) in &plan.stubs {
        // The go.mod a proxy synthesises for a +incompatible version has just a module line.
        let stub = if version.ends_with("+incompatible") {
            format!("module {module}\n")
        } else {
            format!("module {module}\n\ngo 1.21\n")
        };
        serve(module, version, stub.as_bytes());
    }
    let main = dir.join("main");
    write(
        &main.join("go.mod"),
        format!(
            "module {MAIN}\n\ngo 1.21\n\nrequire {} {}\n",
            plan.dep_path, plan.dep_version
        )
        .as_bytes(),
    );
    capture(
        gocmd::go_command()
            .args(["mod", "graph"])
            .current_dir(&main)
            .env("PWD", &main)
            .env("GOPROXY", format!("file://{}", proxy.display()))
            .env("GOMODCACHE", dir.join("modcache"))
            .env("GOPATH", dir.join("gopath"))
            .env("GOFLAGS", "-modcacherw"),
    )
}

/// The mismatch description (with its known cause, if any), or None when go did what we predicted.
fn compare(plan: &Plan, go: &Output) -> Option<(String, Option<&'static str>)> {
    match &plan.expect {
        Expect::Skip(_) => None,
        Expect::Failure(stderr) => {
            let want = Output {
                stdout: Vec::new(),
                stderr: stderr.clone(),
                status: 1,
            };
            (*go != want).then(|| {
                (
                    describe_difference(go, &want),
                    gocmd::known_cause(go, &want),
                )
            })
        }
        Expect::Graph(lines) => {
            let prefix = format!("{}@{} ", plan.dep_path, plan.dep_version);
            let text = String::from_utf8_lossy(&go.stdout);
            let got: Vec<&str> = text.lines().filter(|l| l.starts_with(&prefix)).collect();
            let ok = go.status == 0 && go.stderr.is_empty() && got == *lines;
            (!ok).then(|| {
                let detail = format!(
                    "  go (exit {}): edges {got:?}\n  stderr: {}\n  ours: edges {lines:?}\n",
                    go.status,
                    escape(&go.stderr)
                );
                (detail, None)
            })
        }
    }
}

#[test]
fn gomod_lax_parse_matches_go_as_a_dependency() {
    let seed = rng::seed_from_env() ^ 0x006c_6178;
    let count = std::env::var("GOMODPLAY_CASES")
        .ok()
        .and_then(|s| s.trim().parse::<usize>().ok())
        .map_or(300, |n| n / 4);
    let mut rng = rng::Rng::new(seed);
    // Every go-line spelling the lax parser treats specially (or rejects), on a fixed file; they
    // run after the generated cases.
    let lax_go_lines = [
        "1.21",
        "1.21.0",
        "1.21rc1",
        "1.2beta1",
        "v1.21",
        "v1.21.4",
        "1.21.0-rc1",
        "1.21.0-foo",
        "1.21foo",
        "1.21.x",
        "1.21.",
        "v1.21.",
        "1",
        "v1",
        "01.21",
        "1.021",
        "go1.21",
        "1.16",
        "1.17",
        "1.20.99",
        "1.27.3",
        "1.27.4",
        "1.99",
        "v1.99.0-x",
        "\"1.22\"",
        "1.22 x",
    ];
    let fixed = lax_go_lines.iter().map(|go| {
        format!("module example.com/lax\n\ngo {go}\n\nrequire example.com/a v1.2\n").into_bytes()
    });
    let plans: Vec<Plan> = (0..count)
        .map(|_| gen_modfile::gen_modfile(&mut rng.fork()))
        .chain(fixed)
        .map(plan)
        .collect();
    let count = plans.len();
    let started = std::time::Instant::now();
    let outputs = gocmd::run_parallel(&plans, |dir, plan| run_go(&dir.join("case"), plan));
    let elapsed = started.elapsed();

    let mut tally = std::collections::BTreeMap::<&str, usize>::new();
    let mut failures = Vec::new();
    let mut causes = std::collections::BTreeMap::<&str, usize>::new();
    for (i, (plan, go)) in plans.iter().zip(&outputs).enumerate() {
        let kind = match &plan.expect {
            Expect::Graph(_) => "graph compared",
            Expect::Failure(_) => "error compared",
            Expect::Skip(reason) => reason,
        };
        *tally.entry(kind).or_default() += 1;
        if let Some((detail, cause)) = compare(plan, go) {
            let saved = gocmd::save_case("lax", seed, i, "go.mod", &plan.data);
            *causes.entry(cause.unwrap_or("unexplained")).or_default() += 1;
            failures.push(format!(
                "--- case #{i} (served as {}@{}{}), saved as {}\n  input: {}\n{detail}",
                plan.dep_path,
                plan.dep_version,
                cause.map(|c| format!("; known: {c}")).unwrap_or_default(),
                saved.display(),
                escape(&plan.data)
            ));
        }
    }
    eprintln!("lax: {count} cases in {elapsed:.1?}, seed {seed:#x}: {tally:?}");
    assert!(
        tally.get("graph compared").copied().unwrap_or(0) * 5 >= count,
        "too few cases reached the graph comparison: {tally:?}"
    );
    assert!(
        failures.is_empty(),
        "{}\n{} of {count} lax cases differ from go ({causes:?}) (seed {seed:#x})",
        failures
            .iter()
            .take(6)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n"),
        failures.len()
    );
}
