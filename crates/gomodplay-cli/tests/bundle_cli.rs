//! The whole graph in one command: the playground's shell command and `gomodplay bundle`, run
//! on a module cache that the real go command filled, give the same bundle, and that bundle read
//! as "Paste bundle" reads it resolves to go's own `go list -m all`.
//!
//! Each `testdata/bundle/NAME.txtar` holds a module universe: `proxy/` files in GOPROXY layout
//! (escaped names; the test adds `.info` and `@v/list`), `project/` the module or workspace
//! directory. The test runs go there against a file GOPROXY with its own GOPATH (which fills the
//! module cache), then in that directory runs the POSIX-shell command of
//! `gomod::gather` with bash, exactly as the page shows it, and `gomodplay bundle`.
//! The PowerShell command cannot run here (Debian has no PowerShell package); the core's unit
//! tests check that its text reads the same files with the same escaping.

use gomod_test_support::go;
use gomod_test_support::scratch;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use gomod::analyze::{analyze, Options};
use gomod::bundle::{Bundle, FileKind, WorkspaceFile};
use gomod::gather::{self, POSIX_SHELL};
use scratch::{write, Scratch};

/// The fixture directory.
fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/bundle")
}

/// Go's case escaping undone (`!s` → `S`), for the `.info` files' versions.
fn unescape(escaped: &str) -> String {
    let mut out = String::new();
    let mut bang = false;
    for c in escaped.chars() {
        match (bang, c) {
            (false, '!') => bang = true,
            (true, c) => {
                out.push(c.to_ascii_uppercase());
                bang = false;
            }
            (false, c) => out.push(c),
        }
    }
    out
}

/// Writes the fixture's proxy (with `.info` and `@v/list` files) and project below `root`.
fn write_universe(fixture: &Bundle, root: &Path) {
    let mut lists: BTreeMap<String, String> = BTreeMap::new();
    for file in fixture.files() {
        let Some(name) = file.name.strip_prefix("proxy/") else {
            if let Some(name) = file.name.strip_prefix("project/") {
                write(&root.join("project").join(name), &file.data);
            }
            continue;
        };
        write(&root.join("proxy").join(name), &file.data);
        let (module_dir, version_file) = name.split_once("/@v/").expect("proxy layout");
        let escaped_version = version_file.strip_suffix(".mod").expect("a .mod file");
        let version = unescape(escaped_version);
        write(
            &root.join(format!("proxy/{module_dir}/@v/{escaped_version}.info")),
            format!("{{\"Version\":\"{version}\",\"Time\":\"2020-01-01T00:00:00Z\"}}"),
        );
        let list = lists.entry(module_dir.to_owned()).or_default();
        list.push_str(&version);
        list.push('\n');
    }
    for (module_dir, list) in lists {
        write(&root.join(format!("proxy/{module_dir}/@v/list")), list);
    }
}

/// The module cache the go runs fill.
fn modcache(root: &Path) -> PathBuf {
    root.join("gopath/pkg/mod")
}

/// A command with only the environment these tests give it: go (the oracle) on PATH, the
/// scratch GOPATH and module cache, no user configuration.
fn sandboxed(program: &Path, root: &Path) -> Command {
    let go_bin = go::go_program()
        .parent()
        .expect("go's directory")
        .to_path_buf();
    let mut path = vec![go_bin];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let mut cmd = Command::new(program);
    cmd.current_dir(root.join("project"))
        .env_clear()
        .env("PATH", std::env::join_paths(path).expect("PATH"))
        .env("HOME", root.join("home"))
        .env("GOPATH", root.join("gopath"))
        .env("GOMODCACHE", modcache(root))
        .env("GOCACHE", root.join("gocache"))
        .env("GOENV", "off")
        .env("GOTOOLCHAIN", "local");
    cmd
}

fn run(mut cmd: Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("running {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `go list -m all` in the project, offline against the fixture's proxy: it writes go.sum (or
/// go.work.sum) and fills the module cache with every go.mod it reads.
fn go_list_m_all(root: &Path, workspace: bool) -> String {
    let mut cmd = sandboxed(go::go_program(), root);
    cmd.args(["list", "-m", "all"])
        .env(
            "GOPROXY",
            format!("file://{}", root.join("proxy").display()),
        )
        .env("GOSUMDB", "off")
        .env("GONOSUMCHECK", "1")
        .env(
            "GOFLAGS",
            if workspace {
                "-modcacherw"
            } else {
                "-mod=mod -modcacherw"
            },
        );
    if !workspace {
        cmd.env("GOWORK", "off");
    }
    String::from_utf8(run(cmd).stdout).expect("UTF-8")
}

/// The build list as `go list -m all` prints it, from the core's analysis.
fn build_list(bundle: &Bundle) -> String {
    let analysis = analyze(bundle, &Options::default());
    let resolution = analysis.resolution.unwrap_or_else(|| {
        panic!(
            "no resolution:\n{}",
            analyze(bundle, &Options::default()).summary()
        )
    });
    assert_eq!(resolution.error, None, "resolution error");
    let mut out = String::new();
    for entry in &resolution.build_list {
        out.push_str(&entry.module.path);
        if !entry.module.version.is_empty() {
            out.push(' ');
            out.push_str(&entry.module.version);
        }
        if let Some(r) = &entry.replacement {
            out.push_str(" => ");
            out.push_str(&r.path);
            if !r.version.is_empty() {
                out.push(' ');
                out.push_str(&r.version);
            }
        }
        out.push('\n');
    }
    out
}

/// Runs one fixture; returns the pasted bundle for fixture-specific checks.
fn check_fixture(name: &str, workspace: bool) -> Bundle {
    let path = testdata().join(format!("{name}.txtar"));
    let data = fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let fixture = Bundle::from_txtar(&data);
    assert!(
        fixture.files().len() > 3,
        "{name}: fixture has too few files"
    );
    let scratch = Scratch::new(&format!("bundle-{name}"));
    let root = &scratch.root;
    write_universe(&fixture, root);
    let go_says = go_list_m_all(root, workspace);

    // The command exactly as the page shows it, run by bash in the project directory.
    let mut bash = sandboxed(Path::new("bash"), root);
    bash.arg("-c").arg(POSIX_SHELL);
    let shell_out = run(bash);
    assert_eq!(
        String::from_utf8_lossy(&shell_out.stderr),
        "",
        "{name}: the shell command wrote to stderr"
    );
    let shell_text = String::from_utf8(shell_out.stdout).expect("UTF-8");

    // gomodplay bundle: the same bytes, with the cache given and with the default (go on PATH).
    let mut cli = sandboxed(Path::new(env!("CARGO_BIN_EXE_gomodplay")), root);
    cli.args(["bundle", "--modcache"]).arg(modcache(root));
    assert_eq!(
        String::from_utf8(run(cli).stdout).expect("UTF-8"),
        shell_text,
        "{name}: gomodplay bundle --modcache differs from the shell command"
    );
    let mut cli_default = sandboxed(Path::new(env!("CARGO_BIN_EXE_gomodplay")), root);
    cli_default.args(["bundle", "."]);
    assert_eq!(
        String::from_utf8(run(cli_default).stdout).expect("UTF-8"),
        shell_text,
        "{name}: gomodplay bundle with go's GOMODCACHE differs from the shell command"
    );

    // Without go on PATH: $GOPATH/pkg/mod, else $HOME/go/pkg/mod.
    let without_go = |cmd: &mut Command| {
        cmd.env("PATH", "/usr/bin:/bin").env_remove("GOMODCACHE");
    };
    let mut from_gopath = sandboxed(Path::new(env!("CARGO_BIN_EXE_gomodplay")), root);
    from_gopath.arg("bundle");
    without_go(&mut from_gopath);
    assert_eq!(
        String::from_utf8(run(from_gopath).stdout).expect("UTF-8"),
        shell_text,
        "{name}: gomodplay bundle with $GOPATH/pkg/mod differs from the shell command"
    );
    std::os::unix::fs::symlink(root.join("gopath"), root.join("go"))
        .unwrap_or_else(|e| panic!("linking $HOME/go: {e}"));
    let mut from_home = sandboxed(Path::new(env!("CARGO_BIN_EXE_gomodplay")), root);
    from_home
        .arg("bundle")
        .env("HOME", root)
        .env_remove("GOPATH");
    without_go(&mut from_home);
    assert_eq!(
        String::from_utf8(run(from_home).stdout).expect("UTF-8"),
        shell_text,
        "{name}: gomodplay bundle with $HOME/go/pkg/mod differs from the shell command"
    );

    // Read as the page's "Paste bundle" reads it: every file recognised, and the build list is go's.
    let pasted = Bundle::from_txtar(shell_text.as_bytes());
    assert_eq!(pasted.problems(), [], "{name}: bundle problems");
    assert!(
        pasted.files().iter().all(|f| f.kind != FileKind::Other),
        "{name}: unrecognised file in the bundle"
    );
    assert_eq!(
        build_list(&pasted),
        go_says,
        "{name}: build list differs from go's"
    );
    assert!(!gather::graph_incomplete(&analyze(
        &pasted,
        &Options::default()
    )));

    // Every go.mod line of the sums was in the cache, and nothing else from the project was read.
    let cache_names = gather::cache_files(&pasted);
    assert!(!cache_names.is_empty());
    for cache_name in &cache_names {
        assert!(
            pasted.file(cache_name).is_some(),
            "{name}: {cache_name} missing"
        );
    }
    for file in pasted.files() {
        assert!(
            !file.name.ends_with(".go") && !file.name.starts_with(".git"),
            "{name}: {} read",
            file.name
        );
    }
    pasted
}

#[test]
fn single_module_bundle_resolves_to_gos_build_list() {
    let pasted = check_fixture("single", false);
    // The upper-case path and version are found under their escaped cache names.
    assert!(pasted
        .file("github.com/!sirupsen/logrus/@v/v1.0.0-!r!c1.mod")
        .is_some());
    assert!(pasted
        .dependency_gomod("github.com/Sirupsen/logrus", "v1.0.0-RC1")
        .is_some());
    // The replacement's go.mod, and the unpruned dependency's dependencies'.
    for (path, version) in [
        ("example.com/new", "v1.2.0"),
        ("example.com/deep", "v1.1.0"),
        ("example.com/deeper", "v1.0.0"),
    ] {
        assert!(
            pasted.dependency_gomod(path, version).is_some(),
            "{path}@{version}"
        );
    }
    // An empty module cache: the project files only, and the missing go.mod files named on stderr.
    let scratch = Scratch::new("bundle-empty-cache");
    write(
        &scratch.path("project/go.mod"),
        pasted.file("go.mod").expect("go.mod"),
    );
    write(
        &scratch.path("project/go.sum"),
        pasted.file("go.sum").expect("go.sum"),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_gomodplay"))
        .args(["bundle", "--modcache"])
        .arg(scratch.path("empty-cache"))
        .arg(scratch.path("project"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let printed = Bundle::from_txtar(&out.stdout);
    let names: Vec<&str> = printed.files().iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["go.mod", "go.sum"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("\tgithub.com/Sirupsen/logrus@v1.0.0-RC1\n"),
        "{stderr}"
    );

    // go.mod and go.sum alone leave the graph incomplete: that is when the page offers the command.
    let alone = Bundle::from_files(
        pasted
            .workspace_files()
            .map(|(_, _, f)| (f.name.clone(), f.data.clone())),
    );
    assert!(gather::graph_incomplete(&analyze(
        &alone,
        &Options::default()
    )));
}

#[test]
fn workspace_bundle_resolves_to_gos_build_list() {
    let pasted = check_fixture("workspace", true);
    for dir in ["api", "tools"] {
        assert!(
            pasted.workspace_file(dir, WorkspaceFile::GoMod).is_some(),
            "{dir}/go.mod"
        );
    }
    assert!(pasted.workspace_file("", WorkspaceFile::GoWork).is_some());
    assert!(pasted
        .dependency_gomod("github.com/Azure/go-AutoRest", "v0.11.0")
        .is_some());
}
