//! Running the real go command on a generated universe.
//!
//! The universe is written out as a file-system GOPROXY (`<escaped path>/@v/list`, `V.mod`,
//! `V.info`) plus the main module (or go.work) directory, then `go mod graph` and
//! `go list -m all` run in it offline with a fresh GOPATH and module cache per universe.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use gomod::resolve::{Input, MapSource, Settings, Workspace};

use super::universe::{escape, Universe};

/// What a command printed and how it exited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// The go binary: `GOMODPLAY_GO`, else the workspace's `.venv` one (see `go.rs`).
pub fn go_binary() -> PathBuf {
    super::go::go_program().to_path_buf()
}

pub use super::scratch::{write, Scratch};

/// Where a written universe lives.
pub struct Layout {
    pub proxy: PathBuf,
    /// The directory the commands run in: the main module's, or the go.work's.
    pub root: PathBuf,
    pub gopath: PathBuf,
}

impl Layout {
    pub fn proxy_url(&self) -> String {
        format!("file://{}", self.proxy.display())
    }
}

/// Writes the universe below `base`.
pub fn write_universe(u: &Universe, base: &Path) -> Layout {
    let proxy = base.join("proxy");
    let root = base.join("root");
    let gopath = base.join("gopath");
    fs::create_dir_all(&proxy).unwrap_or_else(|e| panic!("creating {}: {e}", proxy.display()));
    fs::create_dir_all(&root).unwrap_or_else(|e| panic!("creating {}: {e}", root.display()));
    write_proxy(u, &proxy);
    write_main(u, &root);
    Layout {
        proxy,
        root,
        gopath,
    }
}

/// The main module files of a universe below `root`: its go.mod or go.work, and the go.mod
/// files of its local replacement and `use` directories.
pub fn write_main(u: &Universe, root: &Path) {
    match &u.work {
        Some(w) => write(&root.join("go.work"), w),
        None => write(&root.join("go.mod"), &u.main_gomod),
    }
    for l in &u.locals {
        write(&root.join(&l.dir).join("go.mod"), &l.gomod);
    }
}

/// The core's input for a universe: its main go.mod (and go.work, if any) over `src`.
pub fn input_of<'a>(u: &'a Universe, src: &'a MapSource, settings: Settings) -> Input<'a> {
    Input {
        gomod: u.main_gomod.as_bytes(),
        gomod_name: "go.mod",
        workspace: u.work.as_ref().map(|w| Workspace {
            gowork: w.as_bytes(),
        }),
        source: src,
        settings,
    }
}

/// The settings that make the core name files and the proxy as go does for `layout`.
pub fn layout_settings(layout: &Layout) -> Settings {
    Settings {
        root_dir: layout.root.display().to_string(),
        proxy_url: layout.proxy_url(),
        ..Settings::default()
    }
}

/// Runs `go <args>` in the layout's root, offline against its proxy.
pub fn run_go(layout: &Layout, args: &[&str], workspace: bool) -> Ran {
    let mut cmd = Command::new(go_binary());
    cmd.args(args)
        .current_dir(&layout.root)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &layout.gopath)
        .env("PWD", &layout.root)
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .env("GOPATH", &layout.gopath)
        .env("GOMODCACHE", layout.gopath.join("pkg").join("mod"))
        .env("GOCACHE", layout.gopath.join("cache"))
        .env("GOPROXY", layout.proxy_url())
        .env("GOENV", "off")
        .env(
            "GOFLAGS",
            if workspace {
                "-modcacherw"
            } else {
                "-mod=mod -modcacherw"
            },
        )
        .env("GOWORK", if workspace { "" } else { "off" });
    if workspace {
        cmd.env("GOWORK", layout.root.join("go.work"));
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", go_binary().display()));
    Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        exit_code: out.status.code().unwrap_or(-1),
    }
}

/// The universe as an in-memory source for our resolver: the same go.mod files the proxy serves
/// and the same local directories.
pub fn source_of(u: &Universe) -> MapSource {
    let mut src = MapSource::default();
    for m in &u.proxy {
        src.add_module(&m.path, &m.version, m.gomod.as_bytes(), m.listed);
    }
    for l in &u.locals {
        src.add_dir(&l.dir, l.gomod.as_bytes());
    }
    src
}

/// A numeric setting from the environment (seed, case count), or its default.
pub fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The proxy files of a universe below `proxy`: `.mod`, `.info` (the go command asks for it)
/// and `@v/list` for every path (possibly empty).
pub fn write_proxy(u: &Universe, proxy: &Path) {
    let mut lists: std::collections::BTreeMap<String, String> = Default::default();
    for m in &u.proxy {
        let dir = proxy.join(escape(&m.path)).join("@v");
        let ev = escape(&m.version);
        write(&dir.join(format!("{ev}.mod")), &m.gomod);
        write(
            &dir.join(format!("{ev}.info")),
            format!(
                "{{\"Version\":\"{}\",\"Time\":\"2020-01-01T00:00:00Z\"}}",
                m.version
            ),
        );
        let list = lists.entry(m.path.clone()).or_default();
        if m.listed {
            list.push_str(&m.version);
            list.push('\n');
        }
    }
    for (path, list) in &lists {
        write(&proxy.join(escape(path)).join("@v").join("list"), list);
    }
}

/// Runs `check` on the seeds `first..first + cases` on two threads (the go runs dominate, and
/// the machine has two cores) and returns the results in seed order.
pub fn map_seeds<T: Send>(first: u64, cases: u64, check: impl Fn(u64) -> T + Sync) -> Vec<T> {
    let next = AtomicU64::new(0);
    let results: Mutex<Vec<(u64, T)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= cases {
                    break;
                }
                let result = check(first + i);
                if let Ok(mut v) = results.lock() {
                    v.push((i, result));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, result)| result).collect()
}
