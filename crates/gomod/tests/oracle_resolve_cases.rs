//! Recorded scenarios: small universes in `testdata/resolve/cases/*.txtar` with the output the
//! go command printed for them (`want ...` sections: stdout, stderr and exit status of
//! `go mod graph` and `go list -m all`, and the go.sum `go list -m all` wrote).
//!
//! The wanted outputs are produced by the go binary, never by us: run
//! `GOMODPLAY_UPDATE=1 cargo test -p gomod --test oracle_resolve_cases -- --ignored` to record
//! them again. Recording replaces the scratch directory go ran in by `/ROOT` and the proxy URL
//! by `file:///PROXY` (the only places go prints absolute paths); our side is run with exactly
//! those settings, so the comparison itself is byte for byte.

use gomod_test_support as support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use gomod_test_support::case_files;

use gomod::resolve::{self, Cmd, CommandOutput, Input, MapSource, Settings};
use support::universe::{from_txtar, Universe};
use support::universe_oracle::{self, run_go, source_of, write_universe, Ran, Scratch};

const ROOT: &str = "/ROOT";
const PROXY: &str = "file:///PROXY";

fn cases() -> Vec<PathBuf> {
    case_files::testdata_cases("resolve/cases", 1)
}

/// The `want` sections our resolver produces for a universe.
fn ours(u: &Universe) -> Vec<(String, String)> {
    let src = source_of(u);
    let input = input_of(u, &src);
    let graph = resolve::mod_graph(&input);
    let list = resolve::list_all(&input);
    let mut out = sections("graph", &graph);
    out.extend(sections("list", &list));
    out.extend(sections(
        "list-retracted",
        &resolve::list_all_retracted(&input),
    ));
    if u.work.is_none() && list.exit_code == 0 {
        let sum: String = resolve::resolve(&input, Cmd::ListAll)
            .sums
            .after_list()
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        out.push(("want go.sum".to_owned(), sum));
    }
    out
}

fn sections(cmd: &str, out: &CommandOutput) -> Vec<(String, String)> {
    vec![
        (format!("want {cmd} exit"), format!("{}\n", out.exit_code)),
        (format!("want {cmd} stdout"), out.stdout.clone()),
        (format!("want {cmd} stderr"), out.stderr.clone()),
    ]
}

#[test]
fn recorded_cases_match() {
    let mut failures = Vec::new();
    for file in cases() {
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        let (u, _, wants) = from_txtar(&text);
        assert!(
            !wants.is_empty(),
            "{}: no recorded go output; record it (see the file comment)",
            file.display()
        );
        let got = ours(&u);
        for (name, want) in &wants {
            let mine = got
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, b)| b.as_str())
                .unwrap_or("(not produced)\n");
            if mine != want {
                failures.push(format!(
                    "{}: {name}\n--- go\n{want}--- gomodplay\n{mine}",
                    file.display()
                ));
            }
        }
        for (name, _) in &got {
            if !wants.iter().any(|(n, _)| n == name) {
                failures.push(format!(
                    "{}: {name} produced but not recorded",
                    file.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn normalise(s: &str, root: &Path, proxy_url: &str) -> String {
    s.replace(proxy_url, PROXY)
        .replace(&root.display().to_string(), ROOT)
}

fn recorded(cmd: &str, ran: &Ran, root: &Path, proxy_url: &str) -> String {
    format!(
        "-- want {cmd} exit --\n{}\n-- want {cmd} stdout --\n{}-- want {cmd} stderr --\n{}",
        ran.exit_code,
        normalise(&ran.stdout, root, proxy_url),
        normalise(&ran.stderr, root, proxy_url)
    )
}

/// Records go's output into the case files (only with `GOMODPLAY_UPDATE=1`).
#[test]
#[ignore]
fn record_cases_from_go() {
    if std::env::var_os("GOMODPLAY_UPDATE").is_none_or(|v| v != "1") {
        return;
    }
    for file in cases() {
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        let keep: String = match text.find("-- want ") {
            Some(i) => text[..i].to_owned(),
            None => text.clone(),
        };
        let (u, _, _) = from_txtar(&keep);
        let scratch = Scratch::new("resolve-cases");
        let layout = write_universe(&u, &scratch.root);
        let work = u.work.is_some();
        let graph = run_go(&layout, &["mod", "graph"], work);
        let list = run_go(&layout, &["list", "-m", "all"], work);
        let url = layout.proxy_url();
        let mut out = keep;
        out.push_str(&recorded("graph", &graph, &layout.root, &url));
        out.push_str(&recorded("list", &list, &layout.root, &url));
        if !work && list.exit_code == 0 {
            let sum = std::fs::read_to_string(layout.root.join("go.sum")).unwrap_or_default();
            let _ = write!(out, "-- want go.sum --\n{sum}");
        }
        if !work {
            let _ = std::fs::write(layout.root.join("go.mod"), &u.main_gomod);
            let _ = std::fs::remove_file(layout.root.join("go.sum"));
        }
        let retracted = run_go(&layout, &["list", "-m", "-retracted", "all"], work);
        out.push_str(&recorded("list-retracted", &retracted, &layout.root, &url));
        std::fs::write(&file, out).unwrap_or_else(|e| panic!("writing {}: {e}", file.display()));
    }
}

/// The input with the fixed root and proxy the recorded cases name.
fn input_of<'a>(u: &'a Universe, src: &'a MapSource) -> Input<'a> {
    let settings = Settings {
        root_dir: ROOT.to_owned(),
        proxy_url: PROXY.to_owned(),
        ..Settings::default()
    };
    universe_oracle::input_of(u, src, settings)
}

fn load_case(name: &str) -> Universe {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/resolve/cases")
        .join(name);
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
    from_txtar(&text).0
}

fn m(s: &str) -> gomod::modfile::ModuleVersion {
    match s.split_once('@') {
        Some((p, v)) => gomod::modfile::ModuleVersion::new(p, v),
        None => gomod::modfile::ModuleVersion::new(s, ""),
    }
}

/// Explanations, skew and what-if on the recorded diamond (its graph is go's, recorded in the
/// case file). The expectations are worked out by hand from that graph and cmd/go/internal/mvs/mvs.go.
#[test]
fn explanations_on_the_diamond() {
    let u = load_case("unpruned_diamond.txtar");
    let src = source_of(&u);
    let input = input_of(&u, &src);
    let res = resolve::resolve(&input, Cmd::ModGraph);

    let d = resolve::explain(&res, "example.com/d", 10);
    assert_eq!(d.selected.as_deref(), Some("v1.4.0"));
    assert_eq!(
        d.required_by,
        vec![
            (m("example.com/b@v1.2.0"), "v1.3.0".to_owned()),
            (m("example.com/c@v1.2.0"), "v1.4.0".to_owned())
        ]
    );
    assert_eq!(
        d.shortest_chain,
        vec![
            m("example.com/a"),
            m("example.com/c@v1.2.0"),
            m("example.com/d@v1.4.0")
        ]
    );
    assert_eq!(
        d.chains,
        vec![
            vec![
                m("example.com/a"),
                m("example.com/b@v1.2.0"),
                m("example.com/d@v1.3.0")
            ],
            vec![
                m("example.com/a"),
                m("example.com/c@v1.2.0"),
                m("example.com/d@v1.4.0")
            ],
        ]
    );
    assert!(!d.chains_truncated);
    assert_eq!(
        d.render(),
        "example.com/d v1.4.0 is selected\nrequired by:\n\texample.com/b@v1.2.0 requires v1.3.0\n\texample.com/c@v1.2.0 requires v1.4.0\nshortest chain:\n\texample.com/a -> example.com/c@v1.2.0 -> example.com/d@v1.4.0\nall chains:\n\texample.com/a -> example.com/b@v1.2.0 -> example.com/d@v1.3.0\n\texample.com/a -> example.com/c@v1.2.0 -> example.com/d@v1.4.0\n"
    );
    let one = resolve::explain(&res, "example.com/d", 1);
    assert!(one.chains_truncated && one.chains.len() == 1);

    let skew = resolve::version_skew(&res);
    assert_eq!(skew.len(), 1);
    assert_eq!(
        (skew[0].path.as_str(), skew[0].selected.as_str()),
        ("example.com/d", "v1.4.0")
    );
    assert_eq!(skew[0].versions, ["v1.3.0", "v1.4.0"]);

    let sums: Vec<String> = res
        .sums
        .graph
        .iter()
        .map(|s| format!("{} {}", s.module.path, s.module.version))
        .collect();
    assert_eq!(
        sums,
        [
            "example.com/b v1.2.0",
            "example.com/c v1.2.0",
            "example.com/d v1.3.0",
            "example.com/d v1.4.0",
            "example.com/e v1.2.0",
            "example.com/f v1.1.0"
        ]
    );

    // Lowering d to v1.3.0: c v1.2.0 needs d v1.4.0 and has no older version, so c goes.
    let w = resolve::what_if(&input, &resolve::Change::Lower(m("example.com/d@v1.3.0")));
    assert_eq!(w.error, None);
    assert_eq!(w.removed, vec![m("example.com/c@v1.2.0")]);
    assert_eq!(
        w.changed,
        vec![(
            "example.com/d".to_owned(),
            "v1.4.0".to_owned(),
            "v1.3.0".to_owned()
        )]
    );
    // Raising c to v1.3.0 brings d v1.5.0.
    let w = resolve::what_if(&input, &resolve::Change::Raise(m("example.com/c@v1.3.0")));
    assert_eq!(
        w.changed,
        vec![
            (
                "example.com/c".to_owned(),
                "v1.2.0".to_owned(),
                "v1.3.0".to_owned()
            ),
            (
                "example.com/d".to_owned(),
                "v1.4.0".to_owned(),
                "v1.5.0".to_owned()
            ),
        ]
    );
    assert!(w.added.is_empty() && w.removed.is_empty());
    // Dropping f removes d v1.4.0 (it needs f) and with it c; d falls back to v1.3.0.
    let w = resolve::what_if(&input, &resolve::Change::Drop("example.com/f".to_owned()));
    assert_eq!(
        w.removed,
        vec![m("example.com/c@v1.2.0"), m("example.com/f@v1.1.0")]
    );
    assert_eq!(
        w.changed,
        vec![(
            "example.com/d".to_owned(),
            "v1.4.0".to_owned(),
            "v1.3.0".to_owned()
        )]
    );
}

/// Pruned graphs: nodes whose requirements were not read are marked, and go 1.17–1.20 main
/// modules also need the unpruned graph's go.mod sums for `go mod tidy` (`keepSums` in
/// cmd/go/internal/modload/init.go: a
/// go 1.17 main module importing q1 → q2 → q3 keeps the go.mod sums of q1, q2 and q3).
#[test]
fn pruned_nodes_and_tidy_compat_sums() {
    let u = load_case("pruning.txtar");
    let src = source_of(&u);
    let res = resolve::resolve(&input_of(&u, &src), Cmd::ModGraph);
    let pc = res
        .nodes
        .iter()
        .find(|n| n.module.path == "example.com/pc")
        .expect("pc is a node");
    assert!(pc.selected && !pc.requirements_loaded);
    assert!(!res.nodes.iter().any(|n| n.module.path == "example.com/pd"));
    assert_eq!(res.pruning, Some(gomod::resolve::Pruning::Pruned));
    assert_eq!(res.toolchain, "go1.22.0");

    let mut src = MapSource::default();
    src.add_module(
        "example.com/q1",
        "v1.0.0",
        b"module example.com/q1\n\ngo 1.17\n\nrequire example.com/q2 v1.0.0\n",
        true,
    );
    src.add_module(
        "example.com/q2",
        "v1.0.0",
        b"module example.com/q2\n\ngo 1.17\n\nrequire example.com/q3 v1.0.0\n",
        true,
    );
    src.add_module(
        "example.com/q3",
        "v1.0.0",
        b"module example.com/q3\n\ngo 1.17\n",
        true,
    );
    let main = Universe {
        seed: 0,
        main_gomod: "module example.com/m\n\ngo 1.17\n\nrequire example.com/q1 v1.0.0\n".to_owned(),
        work: None,
        proxy: Vec::new(),
        locals: Vec::new(),
    };
    let res = resolve::resolve(&input_of(&main, &src), Cmd::ListAll);
    let names =
        |v: &[resolve::SumNeed]| v.iter().map(|s| s.module.path.clone()).collect::<Vec<_>>();
    assert_eq!(names(&res.sums.graph), ["example.com/q1"]);
    assert_eq!(names(&res.sums.build_list), ["example.com/q2"]);
    assert_eq!(names(&res.sums.tidy_compat), ["example.com/q3"]);
    assert_eq!(
        res.sums.zip_if_imported,
        vec![m("example.com/q1@v1.0.0"), m("example.com/q2@v1.0.0")]
    );
}

/// Retraction rationales and the deprecation message, as go1.27.3 reports them for these files:
/// `go list -m -u -retracted -f '{{.Path}}|{{.Version}}|{{.Retracted}}|{{.Deprecated}}' all`
/// printed `example.com/rt|v1.0.0|[Broken build.]|use example.com/rt/v2 instead.\nMore text.`
/// and nothing for example.com/ok.
#[test]
fn retraction_and_deprecation_notes() {
    let u = load_case("retract_deprecate.txtar");
    let src = source_of(&u);
    let input = input_of(&u, &src);
    let file = resolve::command::read_main(&input).expect("main go.mod reads");
    let session = resolve::command::load_single(&input, file, Cmd::ListAll);
    let rt = resolve::retract::notes(&session.loader, &m("example.com/rt@v1.0.0"));
    assert_eq!(rt.retracted, Some(vec!["Broken build.".to_owned()]));
    assert_eq!(rt.deprecated, "use example.com/rt/v2 instead.\nMore text.");
    assert_eq!(rt.latest, Some(m("example.com/rt@v1.1.0")));
    assert_eq!(
        resolve::retract::short_message(&rt.deprecated, ""),
        "use example.com/rt/v2 instead."
    );
    let ok = resolve::retract::notes(&session.loader, &m("example.com/ok@v1.0.0"));
    assert_eq!(
        (ok.retracted, ok.deprecated.as_str(), ok.error),
        (None, "", None)
    );
}
