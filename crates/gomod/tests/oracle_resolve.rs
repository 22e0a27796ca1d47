//! Differential test: `go list -m all` and `go mod graph` from the real go command against
//! `gomod::resolve` on generated universes (stdout, stderr and exit status byte for byte).
//!
//! `GOMODPLAY_CASES` sets how many universes (default 500), `GOMODPLAY_SEED` the first seed (a
//! failing case prints its seed; replay it with `GOMODPLAY_SEED=<seed> GOMODPLAY_CASES=1`).
//! Messages that name the proxy or the module directory are compared exactly: our settings are
//! given the same absolute paths the go command sees, so nothing is normalised.

use gomod_test_support as support;

use std::sync::Mutex;
use std::time::Instant;

use gomod::resolve::{self, CommandOutput, Input, MapSource, Settings, Workspace};
use support::universe::{generate, Universe};
use support::universe_oracle::{
    env_u64, input_of, layout_settings, map_seeds, run_go, source_of, write_universe, Layout, Ran,
    Scratch,
};

/// Our outputs: `go mod graph`, `go list -m all`, the go.sum lines `go list -m all` writes, and
/// `go list -m -retracted all`.
fn ours(u: &Universe, layout: &Layout) -> (CommandOutput, CommandOutput, String, CommandOutput) {
    let src = source_of(u);
    let input = input_of(u, &src, layout_settings(layout));
    let sums: String = resolve::resolve(&input, resolve::Cmd::ListAll)
        .sums
        .after_list()
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    (
        resolve::mod_graph(&input),
        resolve::list_all(&input),
        sums,
        resolve::list_all_retracted(&input),
    )
}

fn diff(what: &str, go: &Ran, us: &CommandOutput) -> Option<String> {
    if go.stdout == us.stdout && go.stderr == us.stderr && go.exit_code == us.exit_code {
        return None;
    }
    Some(format!(
        "{what}:\n--- go (exit {})\n{}{}--- gomodplay (exit {})\n{}{}",
        go.exit_code, go.stdout, go.stderr, us.exit_code, us.stdout, us.stderr
    ))
}

fn has_go_line(gomod: &str) -> bool {
    gomod.lines().any(|l| l.starts_with("go "))
}

/// What kinds of outcome the go command produced, so a run shows what it exercised.
const KINDS: &[(&str, &str)] = &[
    ("requires go >=", "too-new go"),
    ("missing module line", "missing module line"),
    ("module declares its path", "wrong module path"),
    ("no such file or directory", "missing file"),
    ("dropping requirement", "excluded root"),
    ("replaced by", "replaced in chain"),
    (" requires\n", "requirement chain"),
];

fn tally(kinds: &Mutex<std::collections::BTreeMap<String, usize>>, key: &str) {
    if let Ok(mut k) = kinds.lock() {
        *k.entry(key.to_owned()).or_default() += 1;
    }
}

fn classify(kinds: &Mutex<std::collections::BTreeMap<String, usize>>, graph: &Ran, list: &Ran) {
    tally(
        kinds,
        if graph.exit_code == 0 {
            "graph ok"
        } else {
            "graph failed"
        },
    );
    tally(
        kinds,
        if list.exit_code == 0 {
            "list ok"
        } else {
            "list failed"
        },
    );
    let both = format!("{}{}", graph.stderr, list.stderr);
    for (needle, name) in KINDS {
        if both.contains(needle) {
            tally(kinds, name);
        }
    }
    if list.stdout.contains(" => ") {
        tally(kinds, "replacement listed");
    }
}

/// Runs one universe; returns a failure report.
fn check(
    seed: u64,
    work: bool,
    base: &std::path::Path,
    kinds: &Mutex<std::collections::BTreeMap<String, usize>>,
) -> Option<String> {
    let u = generate(seed, work);
    let dir = base.join(format!("u{seed}"));
    let layout = write_universe(&u, &dir);
    // go mod graph writes nothing, so list runs afterwards on the same untouched go.mod and
    // reuses the module cache.
    let go_graph = run_go(&layout, &["mod", "graph"], work);
    let go_list = run_go(&layout, &["list", "-m", "all"], work);
    let go_sum = std::fs::read_to_string(layout.root.join("go.sum")).unwrap_or_default();
    // go list -m all may have rewritten go.mod (-mod=mod): start the next command afresh.
    if !work {
        let _ = std::fs::write(layout.root.join("go.mod"), &u.main_gomod);
        let _ = std::fs::remove_file(layout.root.join("go.sum"));
    }
    let go_retracted = run_go(&layout, &["list", "-m", "-retracted", "all"], work);
    // Every third single-module universe also gets go mod graph -go=V.
    let graph_go = (!work && seed.rem_euclid(3) == 0)
        .then(|| ["1.16", "1.17", "1.20", "1.21", "1.22.3", "1.99"][(seed / 3 % 6) as usize]);
    let go_graph_go = graph_go.map(|v| {
        // The list commands may have rewritten go.mod (-mod=mod): start afresh.
        let _ = std::fs::write(layout.root.join("go.mod"), &u.main_gomod);
        let _ = std::fs::remove_file(layout.root.join("go.sum"));
        run_go(&layout, &["mod", "graph", &format!("-go={v}")], work)
    });
    classify(kinds, &go_graph, &go_list);
    if go_retracted.stdout.contains("(retracted)") {
        tally(kinds, "retracted listed");
    }
    let (our_graph, our_list, our_sum, our_retracted) = ours(&u, &layout);
    let mut report = Vec::new();
    report.extend(diff("go mod graph", &go_graph, &our_graph));
    report.extend(diff("go list -m all", &go_list, &our_list));
    report.extend(diff(
        "go list -m -retracted all",
        &go_retracted,
        &our_retracted,
    ));
    if let (Some(v), Some(ran)) = (graph_go, &go_graph_go) {
        let src = source_of(&u);
        let input = input_of(&u, &src, layout_settings(&layout));
        report.extend(diff(
            &format!("go mod graph -go={v}"),
            ran,
            &resolve::mod_graph_go(&input, v),
        ));
    }
    // The go.sum that `go list -m all` writes in -mod=mod holds the /go.mod hashes of the
    // graph and of the build list: our go.sum needs must name exactly those lines.
    if !work && go_list.exit_code == 0 && go_sum != our_sum {
        report.push(format!(
            "go.sum after go list -m all:\n--- go\n{go_sum}--- gomodplay\n{our_sum}"
        ));
    }
    // A pasted `go mod graph` output must give the same build list by MVS over its edges (when
    // the go line is present, go list and go mod graph see the same graph).
    if !work && go_graph.exit_code == 0 && go_list.exit_code == 0 && has_go_line(&u.main_gomod) {
        let from_graph: String = resolve::resolve_graph_text(&go_graph.stdout)
            .build_list
            .iter()
            .map(|e| {
                if e.module.version.is_empty() {
                    format!("{}\n", e.module.path)
                } else {
                    format!("{} {}\n", e.module.path, e.module.version)
                }
            })
            .collect();
        let go_plain: String = go_list
            .stdout
            .lines()
            .map(|l| format!("{}\n", l.split(" => ").next().unwrap_or(l)))
            .collect();
        if from_graph != go_plain {
            report.push(format!(
                "build list from the supplied graph:\n--- go list -m all\n{go_plain}--- gomodplay\n{from_graph}"
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    if report.is_empty() {
        None
    } else {
        Some(format!(
            "universe seed {seed}:\n{}\n{}",
            u.to_txtar(),
            report.join("\n")
        ))
    }
}

#[test]
fn list_and_graph_match_go() {
    run_universes(false, env_u64("GOMODPLAY_CASES", 500));
}

#[test]
fn workspace_list_and_graph_match_go() {
    run_universes(true, env_u64("GOMODPLAY_WORK_CASES", 100));
}

fn run_universes(work: bool, cases: u64) {
    let first = env_u64("GOMODPLAY_SEED", 1);
    let scratch = Scratch::new("oracle-resolve");
    let kinds = Mutex::new(std::collections::BTreeMap::new());
    let started = Instant::now();
    let failures: Vec<String> = map_seeds(first, cases, |seed| {
        check(seed, work, &scratch.root, &kinds)
    })
    .into_iter()
    .flatten()
    .collect();
    eprintln!(
        "{cases} universes from seed {first} in {:.1?}; {} failed",
        started.elapsed(),
        failures.len()
    );
    eprintln!("go outcomes: {:?}", kinds.into_inner().unwrap_or_default());
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(3).collect();
        panic!(
            "{} of {cases} universes differ from go (first seed {first}); first ones:\n\n{}",
            failures.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n\n")
        );
    }
}

/// `GOMODPLAY_SHOW=<seed>` prints one universe with go's and our outputs (a debugging aid).
#[test]
fn show_universe() {
    let Some(seed) = std::env::var("GOMODPLAY_SHOW")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    else {
        return;
    };
    let scratch = Scratch::new("oracle-show");
    let work = std::env::var_os("GOMODPLAY_SHOW_WORK").is_some();
    let u = generate(seed, work);
    let layout = write_universe(&u, &scratch.root);
    let g = run_go(&layout, &["mod", "graph"], work);
    let l = run_go(&layout, &["list", "-m", "all"], work);
    let (og, ol, _, _) = ours(&u, &layout);
    println!(
        "{}\n=== go mod graph (exit {})\n{}{}=== ours (exit {})\n{}{}",
        u.to_txtar(),
        g.exit_code,
        g.stdout,
        g.stderr,
        og.exit_code,
        og.stdout,
        og.stderr
    );
    println!(
        "=== go list -m all (exit {})\n{}{}=== ours (exit {})\n{}{}",
        l.exit_code, l.stdout, l.stderr, ol.exit_code, ol.stdout, ol.stderr
    );
}

/// The fast go.mod reader agrees with the full lax parser on every generated dependency file it
/// accepts (the differential runs above mostly go through the fast reader).
#[test]
fn fast_reader_agrees_with_full_parser() {
    let (mut accepted, mut total) = (0, 0);
    for seed in 1..=2_000 {
        let u = generate(seed, seed % 5 == 0);
        let files = u
            .proxy
            .iter()
            .map(|m| &m.gomod)
            .chain(u.locals.iter().map(|l| &l.gomod));
        for text in files {
            total += 1;
            let Some(fast) = resolve::fastmod::read(text.as_bytes()) else {
                continue;
            };
            accepted += 1;
            let mut full = resolve::files::parse_dep_full("go.mod", text.as_bytes())
                .unwrap_or_else(|e| panic!("seed {seed}: fast reader accepted a file the parser rejects ({e}):\n{text}"));
            full.retract.clear();
            full.deprecated.clear();
            assert_eq!(fast, full, "seed {seed}:\n{text}");
        }
    }
    assert!(
        accepted * 2 > total,
        "fast reader accepted only {accepted} of {total} files"
    );
}

/// Every entry point survives arbitrary damage to its inputs: bytes of the main go.mod, the
/// go.work, dependency go.mod files and pasted graphs are flipped, cut and duplicated.
#[test]
fn never_panics_on_damaged_inputs() {
    use support::rng::Rng;
    fn damage(rng: &mut Rng, text: &str) -> Vec<u8> {
        let mut b = text.as_bytes().to_vec();
        for _ in 0..1 + rng.below(4) {
            if b.is_empty() {
                break;
            }
            let i = rng.below(b.len());
            match rng.below(4) {
                0 => b[i] = (rng.next_u64() & 0xff) as u8,
                1 => b.truncate(i),
                2 => {
                    let j = rng.below(b.len());
                    let piece: Vec<u8> = b[i.min(j)..i.max(j)].to_vec();
                    b.splice(i..i, piece);
                }
                _ => b.insert(i, rng.pick(b"()\"`/=>@[],\n\t \\*")),
            }
        }
        b
    }
    let mut rng = Rng::new(99);
    for seed in 1..=300u64 {
        let u = generate(seed, seed % 4 == 0);
        let mut src = MapSource::default();
        for m in &u.proxy {
            let data = if rng.chance(30) {
                damage(&mut rng, &m.gomod)
            } else {
                m.gomod.clone().into_bytes()
            };
            src.add_module(&m.path, &m.version, &data, m.listed);
        }
        for l in &u.locals {
            src.add_dir(&l.dir, &damage(&mut rng, &l.gomod));
        }
        let main = damage(&mut rng, &u.main_gomod);
        let work = u.work.as_ref().map(|w| damage(&mut rng, w));
        let input = Input {
            gomod: &main,
            gomod_name: "go.mod",
            workspace: work.as_ref().map(|w| Workspace { gowork: w }),
            source: &src,
            settings: Settings::default(),
        };
        let graph = resolve::mod_graph(&input);
        let _ = resolve::list_all(&input);
        let _ = resolve::list_all_retracted(&input);
        let res = resolve::resolve(&input, resolve::Cmd::ListAll);
        let _ = resolve::version_skew(&res);
        if let Some(e) = res.build_list.get(1) {
            let _ = resolve::explain(&res, &e.module.path, 5);
            let _ = resolve::what_if(&input, &resolve::Change::Drop(e.module.path.clone()));
            let _ = resolve::what_if(
                &input,
                &resolve::Change::Lower(gomod::modfile::ModuleVersion::new(
                    e.module.path.clone(),
                    "v0.0.1",
                )),
            );
            let _ = resolve::what_if(
                &input,
                &resolve::Change::Raise(gomod::modfile::ModuleVersion::new(
                    e.module.path.clone(),
                    "v1.10.0",
                )),
            );
        }
        let pasted = damage(&mut rng, &graph.stdout);
        let _ = resolve::resolve_graph_text(&String::from_utf8_lossy(&pasted));
    }
}
