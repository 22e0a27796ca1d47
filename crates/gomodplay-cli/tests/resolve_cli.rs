//! `gomodplay list` / `gomodplay graph` end to end against `go list -m all` / `go mod graph`.
//!
//! Each generated universe (the core's generator, crates/test-support/src/universe.rs) is
//! written twice:
//!
//! * as a directory (main go.mod or go.work, local replacement directories) next to a separate
//!   GOPROXY directory, read with `gomodplay list --proxy PROXY DIR`;
//! * as a txtar bundle holding the same files plus the proxy's `.mod` and `@v/list` files, read
//!   with `gomodplay list BUNDLE`; the go command runs on the same files unpacked in the bundle's
//!   directory with `GOPROXY=file://<that directory>` (a bundle behaves as if unpacked there).
//!   That unpacked directory is also read as a DIR holding its own GOPROXY-layout files.
//!
//! Stdout, stderr and exit status must be byte-identical (go runs with `GOFLAGS=-mod=mod
//! GOTOOLCHAIN=local GOSUMDB=off`, a fresh GOPATH and module cache per layout). All gomodplay
//! runs happen before the go runs, because `go list -m all` with `-mod=mod` may rewrite go.mod.
//!
//! Further cases: a `../utils` directory replacement outside the main module's directory, a
//! supplied `go mod graph` output (its build list must be go's), and a real module cache filled by
//! the go command and read back with `--proxy $GOMODCACHE/cache/download`.
//!
//! `GOMODPLAY_CLI_CASES` sets the number of single-module universes (default 60; workspaces add
//! a fifth as many), `GOMODPLAY_SEED` the first seed. `GOMODPLAY_GO` names the go binary.

use gomod_test_support::universe;
use gomod_test_support::universe_oracle;

use std::fs;
use std::path::Path;
use std::process::Command;

use universe::{escape, generate, Universe};
use universe_oracle::{env_u64, write, write_main, write_proxy, Layout, Ran, Scratch};

/// Runs `go <args>` in `dir`, offline against the file proxy `proxy`, with its own GOPATH.
fn run_go(dir: &Path, proxy: &Path, gopath: &Path, args: &[&str], workspace: bool) -> Ran {
    let layout = Layout {
        proxy: proxy.to_path_buf(),
        root: dir.to_path_buf(),
        gopath: gopath.to_path_buf(),
    };
    universe_oracle::run_go(&layout, args, workspace)
}

/// Runs gomodplay from an unrelated working directory (paths are absolute).
fn run_ours(args: &[&str]) -> Ran {
    let cwd = std::env::temp_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_gomodplay"))
        .args(args)
        .current_dir(&cwd)
        .env("PWD", &cwd)
        .output()
        .unwrap_or_else(|e| panic!("running gomodplay: {e}"));
    Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        exit_code: out.status.code().unwrap_or(-1),
    }
}

/// The universe as a gomodplay bundle (txtar): main files, local go.mod files, and the proxy's
/// `.mod` and `@v/list` files (no `.info`: a bundle serves what it has a go.mod for).
fn bundle_txtar(u: &Universe) -> String {
    let mut out = format!("universe seed {}\n", u.seed);
    let mut section = |name: &str, body: &str| {
        out.push_str(&format!("-- {name} --\n{body}"));
        if !body.is_empty() && !body.ends_with('\n') {
            out.push('\n');
        }
    };
    match &u.work {
        Some(w) => section("go.work", w),
        None => section("go.mod", &u.main_gomod),
    }
    for l in &u.locals {
        section(&format!("{}/go.mod", l.dir), &l.gomod);
    }
    let mut lists: std::collections::BTreeMap<String, String> = Default::default();
    for m in &u.proxy {
        section(
            &format!("{}/@v/{}.mod", escape(&m.path), escape(&m.version)),
            &m.gomod,
        );
        let list = lists.entry(m.path.clone()).or_default();
        if m.listed {
            list.push_str(&m.version);
            list.push('\n');
        }
    }
    for (path, list) in &lists {
        section(&format!("{}/@v/list", escape(path)), list);
    }
    out
}

fn difference(what: &str, go: &Ran, us: &Ran) -> Option<String> {
    (go != us).then(|| {
        format!(
            "{what}:\n--- go (exit {})\n{}{}--- gomodplay (exit {})\n{}{}",
            go.exit_code, go.stdout, go.stderr, us.exit_code, us.stdout, us.stderr
        )
    })
}

fn path_str(p: &Path) -> String {
    p.display().to_string()
}

/// Checks one universe in both layouts; returns the differences and the go command's exit
/// statuses (graph and list in the directory layout), so a run shows what it exercised.
fn check_universe(u: &Universe, base: &Path) -> (Vec<String>, [i32; 2]) {
    let work = u.work.is_some();
    // Directory + --proxy.
    let dir_root = base.join("dir").join("root");
    let dir_proxy = base.join("dir").join("proxy");
    write_main(u, &dir_root);
    write_proxy(u, &dir_proxy);
    // Bundle, unpacked in its own directory for the go command.
    let bun = base.join("bundle");
    write_main(u, &bun);
    write_proxy(u, &bun);
    let bundle_file = bun.join("bundle.txtar");
    write(&bundle_file, bundle_txtar(u));

    let (root_s, proxy_s, bundle_s) = (
        path_str(&dir_root),
        path_str(&dir_proxy),
        path_str(&bundle_file),
    );
    let bun_s = path_str(&bun);
    let ours = [
        run_ours(&["graph", "--proxy", &proxy_s, &root_s]),
        run_ours(&["list", "--proxy", &proxy_s, &root_s]),
        run_ours(&["graph", &bundle_s]),
        run_ours(&["list", &bundle_s]),
        // The unpacked bundle as a directory holding its own GOPROXY-layout files.
        run_ours(&["graph", &bun_s]),
        run_ours(&["list", &bun_s]),
    ];
    let gopath_dir = base.join("gopath-dir");
    let gopath_bun = base.join("gopath-bundle");
    let gos = [
        run_go(&dir_root, &dir_proxy, &gopath_dir, &["mod", "graph"], work),
        run_go(
            &dir_root,
            &dir_proxy,
            &gopath_dir,
            &["list", "-m", "all"],
            work,
        ),
        run_go(&bun, &bun, &gopath_bun, &["mod", "graph"], work),
        run_go(&bun, &bun, &gopath_bun, &["list", "-m", "all"], work),
    ];
    let gos = [
        gos[0].clone(),
        gos[1].clone(),
        gos[2].clone(),
        gos[3].clone(),
        gos[2].clone(),
        gos[3].clone(),
    ];
    let names = [
        "graph --proxy DIR",
        "list --proxy DIR",
        "graph BUNDLE",
        "list BUNDLE",
        "graph DIR (own proxy files)",
        "list DIR (own proxy files)",
    ];
    let diffs = names
        .iter()
        .zip(gos.iter().zip(ours.iter()))
        .filter_map(|(name, (go, us))| difference(name, go, us))
        .collect();
    if std::env::var_os("GOMODPLAY_DEBUG").is_some() {
        for g in &gos {
            eprint!("{}", g.stderr);
        }
    }
    (diffs, [gos[0].exit_code, gos[1].exit_code])
}

#[test]
fn list_and_graph_match_go_on_generated_universes() {
    let cases = env_u64("GOMODPLAY_CLI_CASES", 60);
    let first = env_u64("GOMODPLAY_SEED", 1);
    let scratch = Scratch::new("universes");
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut failed_runs = 0;
    let work_every = 5;
    for seed in first..first + cases {
        let mut universes = vec![generate(seed, false)];
        if seed % work_every == 0 {
            universes.push(generate(seed, true));
        }
        for u in universes {
            let tag = if u.work.is_some() { "w" } else { "m" };
            let base = scratch.root.join(format!("{tag}{seed}"));
            let (diffs, statuses) = check_universe(&u, &base);
            for d in diffs {
                failures.push(format!("seed {seed} ({tag}): {d}\n{}", u.to_txtar()));
            }
            failed_runs += statuses.iter().filter(|s| **s != 0).count();
            checked += 1;
            let _ = fs::remove_dir_all(&base);
        }
    }
    assert!(checked >= cases, "checked {checked} universes");
    assert!(
        failures.is_empty(),
        "{} of {checked} universe layouts differ; first:\n{}",
        failures.len(),
        failures.first().map(String::as_str).unwrap_or_default()
    );
    eprintln!(
        "{checked} universes: list and graph match go in 3 input forms each; {failed_runs} of the go runs failed"
    );
    // Both outcomes must be exercised: successful resolutions and go's error messages.
    assert!(failed_runs > 0 && failed_runs < checked as usize * 2);
}

/// `replace x => ../utils` names a directory outside the main module's directory; it is read
/// relative to the main module, and a missing one is reported with go's message; so is a
/// dependency the proxy does not have.
#[test]
fn directory_replacement_outside_the_module() {
    let scratch = Scratch::new("dirreplace");
    let main = scratch.root.join("proj").join("main");
    let proxy = scratch.root.join("proxy");
    write(
        &main.join("go.mod"),
        "module example.com/main\n\ngo 1.22\n\nrequire (\n\texample.com/utils v1.0.0\n\texample.com/gone v1.0.0\n)\n\nreplace example.com/utils => ../utils\n",
    );
    write(
        &scratch.root.join("proj").join("utils").join("go.mod"),
        "module example.com/utils\n\ngo 1.21\n\nrequire example.com/leaf v1.1.0\n",
    );
    let u = Universe {
        seed: 0,
        main_gomod: String::new(),
        work: None,
        proxy: vec![
            universe::ProxyModule {
                path: "example.com/leaf".into(),
                version: "v1.1.0".into(),
                gomod: "module example.com/leaf\n\ngo 1.20\n".into(),
                listed: true,
            },
            universe::ProxyModule {
                path: "example.com/gone".into(),
                version: "v1.0.0".into(),
                gomod: "module example.com/gone\n\ngo 1.20\n".into(),
                listed: true,
            },
        ],
        locals: Vec::new(),
    };
    write_proxy(&u, &proxy);
    let (main_s, proxy_s) = (path_str(&main), path_str(&proxy));
    let ours_ok = [
        run_ours(&["graph", "--proxy", &proxy_s, &main_s]),
        run_ours(&["list", "--proxy", &proxy_s, &main_s]),
    ];
    // The same with the replacement directory missing.
    let broken = scratch.root.join("broken").join("main");
    write(
        &broken.join("go.mod"),
        "module example.com/main\n\ngo 1.22\n\nrequire example.com/utils v1.0.0\n\nreplace example.com/utils => ../utils\n",
    );
    let broken_s = path_str(&broken);
    let ours_broken = [
        run_ours(&["graph", "--proxy", &proxy_s, &broken_s]),
        run_ours(&["list", "--proxy", &proxy_s, &broken_s]),
    ];
    // A dependency version the proxy does not have: go's message names the proxy URL.
    let absent = scratch.root.join("absent");
    write(
        &absent.join("go.mod"),
        "module example.com/main\n\ngo 1.22\n\nrequire (\n\texample.com/leaf v1.1.0\n\texample.com/nowhere v1.0.0\n)\n",
    );
    let absent_s = path_str(&absent);
    // The same as a bundle: go runs on it unpacked in the bundle's directory, which is also
    // its proxy.
    let absent_bundle = scratch.root.join("absent-bundle");
    let absent_universe = Universe {
        main_gomod: fs::read_to_string(absent.join("go.mod")).unwrap_or_default(),
        proxy: u.proxy.clone(),
        ..u.clone()
    };
    write_main(&absent_universe, &absent_bundle);
    write_proxy(&absent_universe, &absent_bundle);
    let absent_txtar = absent_bundle.join("bundle.txtar");
    write(&absent_txtar, bundle_txtar(&absent_universe));
    let ours_absent_bundle = run_ours(&["list", &path_str(&absent_txtar)]);
    let ours_absent = [
        run_ours(&["graph", "--proxy", &proxy_s, &absent_s]),
        run_ours(&["list", "--proxy", &proxy_s, &absent_s]),
    ];
    let gopath = scratch.root.join("gopath");
    let go_ok = [
        run_go(&main, &proxy, &gopath, &["mod", "graph"], false),
        run_go(&main, &proxy, &gopath, &["list", "-m", "all"], false),
    ];
    let go_broken = [
        run_go(&broken, &proxy, &gopath, &["mod", "graph"], false),
        run_go(&broken, &proxy, &gopath, &["list", "-m", "all"], false),
    ];
    let go_absent = [
        run_go(&absent, &proxy, &gopath, &["mod", "graph"], false),
        run_go(&absent, &proxy, &gopath, &["list", "-m", "all"], false),
    ];
    let go_absent_bundle = run_go(
        &absent_bundle,
        &absent_bundle,
        &gopath,
        &["list", "-m", "all"],
        false,
    );
    assert!(go_ok[1]
        .stdout
        .contains("example.com/utils v1.0.0 => ../utils\n"));
    assert_eq!(go_broken[1].exit_code, 1, "{go_broken:?}");
    assert!(go_absent[1].stderr.contains(&proxy_s), "{go_absent:?}");
    for (what, go, us) in [
        ("graph", &go_ok[0], &ours_ok[0]),
        ("list", &go_ok[1], &ours_ok[1]),
        ("graph, missing dir", &go_broken[0], &ours_broken[0]),
        ("list, missing dir", &go_broken[1], &ours_broken[1]),
        ("graph, missing module", &go_absent[0], &ours_absent[0]),
        ("list, missing module", &go_absent[1], &ours_absent[1]),
        (
            "list BUNDLE, missing module",
            &go_absent_bundle,
            &ours_absent_bundle,
        ),
    ] {
        if let Some(d) = difference(what, go, us) {
            panic!("{d}");
        }
    }
}

/// A pasted `go mod graph` output as the only input: the build list is MVS over its edges and
/// must be what `go list -m all` printed for the module that produced the graph; `graph`
/// prints the reachable edges as go did. Checked on the generated universes whose go runs
/// succeeded and whose build list shows no replacement (a graph does not record replacements).
#[test]
fn supplied_graph_gives_gos_build_list() {
    let scratch = Scratch::new("supplied");
    let mut compared = 0;
    let mut seed = 1;
    while compared < 20 && seed < 400 {
        let u = generate(seed, false);
        seed += 1;
        let base = scratch.root.join(format!("s{seed}"));
        let (root, proxy, gopath) = (base.join("root"), base.join("proxy"), base.join("gopath"));
        write_main(&u, &root);
        write_proxy(&u, &proxy);
        let graph = run_go(&root, &proxy, &gopath, &["mod", "graph"], false);
        let list = run_go(&root, &proxy, &gopath, &["list", "-m", "all"], false);
        if graph.exit_code != 0
            || list.exit_code != 0
            || list.stdout.contains(" => ")
            || !u.main_gomod.lines().any(|l| l.starts_with("go "))
        {
            continue;
        }
        let supplied = base.join("supplied");
        write(&supplied.join("go-mod-graph.txt"), &graph.stdout);
        let bundle = base.join("graph.txtar");
        write(
            &bundle,
            format!("a pasted graph\n-- go-mod-graph.txt --\n{}", graph.stdout),
        );
        let supplied_s = path_str(&supplied);
        let bundle_s = path_str(&bundle);
        for (input, name) in [
            (&supplied_s, format!("{supplied_s}/go-mod-graph.txt")),
            (&bundle_s, format!("{bundle_s}: go-mod-graph.txt")),
        ] {
            let note = format!(
                "gomodplay: computed by MVS over the edges of the supplied graph {name} (go.mod files and replacements were not read)\n"
            );
            let ours_list = run_ours(&["list", input]);
            assert_eq!(
                ours_list,
                Ran {
                    stdout: list.stdout.clone(),
                    stderr: note.clone(),
                    exit_code: 0
                },
                "seed {}:\n{}",
                u.seed,
                u.to_txtar()
            );
            let ours_graph = run_ours(&["graph", input]);
            assert_eq!(
                ours_graph,
                Ran {
                    stdout: graph.stdout.clone(),
                    stderr: note,
                    exit_code: 0
                },
                "seed {}:\n{}",
                u.seed,
                u.to_txtar()
            );
        }
        compared += 1;
        let _ = fs::remove_dir_all(&base);
    }
    assert!(compared >= 20, "only {compared} universes were comparable");
}

/// A module cache filled by the go command is a GOPROXY directory:
/// `gomodplay list --proxy $GOMODCACHE/cache/download` reads it offline and prints what go
/// prints for the same go.mod.
#[test]
fn real_module_cache_as_proxy() {
    let scratch = Scratch::new("modcache");
    let mut compared = 0;
    let mut seed = 1;
    while compared < 5 && seed < 200 {
        let u = generate(seed, false);
        seed += 1;
        let base = scratch.root.join(format!("c{seed}"));
        let (root, proxy, gopath) = (base.join("root"), base.join("proxy"), base.join("gopath"));
        write_main(&u, &root);
        write_proxy(&u, &proxy);
        // Fills the cache (and, with -mod=mod, may tidy go.mod's go line).
        let first = run_go(&root, &proxy, &gopath, &["list", "-m", "all"], false);
        if first.exit_code != 0 {
            continue;
        }
        let download = gopath
            .join("pkg")
            .join("mod")
            .join("cache")
            .join("download");
        let (root_s, download_s) = (path_str(&root), path_str(&download));
        let ours_list = run_ours(&["list", "--proxy", &download_s, &root_s]);
        let ours_graph = run_ours(&["graph", "--proxy", &download_s, &root_s]);
        let go_list = run_go(&root, &download, &gopath, &["list", "-m", "all"], false);
        let go_graph = run_go(&root, &download, &gopath, &["mod", "graph"], false);
        assert_eq!(go_list.exit_code, 0, "{go_list:?}");
        for (what, go, us) in [
            ("list", &go_list, &ours_list),
            ("graph", &go_graph, &ours_graph),
        ] {
            if let Some(d) = difference(what, go, us) {
                panic!("seed {}: {d}\n{}", u.seed, u.to_txtar());
            }
        }
        compared += 1;
        let _ = fs::remove_dir_all(&base);
    }
    assert!(compared >= 5, "only {compared} universes were comparable");
}
