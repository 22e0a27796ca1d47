//! Finding and starting the real go command, the oracle of every differential test.
//!
//! The go binary is `<workspace>/.venv/bin/go` (installed by `make setup`) unless `GOMODPLAY_GO`
//! names another one; without it the tests fail and say so, because a differential test that
//! silently skips proves nothing. That path is a Python launcher, so it is resolved once to the
//! real binary under `GOROOT/bin`, which saves a Python start per call. Every command runs offline,
//! with the local toolchain and without the user's configuration.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The workspace root: this crate lives at `crates/test-support`, two levels below it.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct GoBinary {
    program: PathBuf,
    goroot: Option<PathBuf>,
}

fn go_binary() -> &'static GoBinary {
    static GO: OnceLock<GoBinary> = OnceLock::new();
    GO.get_or_init(|| {
        let launcher = match std::env::var_os("GOMODPLAY_GO") {
            Some(path) => PathBuf::from(path),
            None => workspace_root().join(".venv/bin/go"),
        };
        if !launcher.exists() {
            panic!(
                "the go oracle {} does not exist: run `make setup` (or set GOMODPLAY_GO to a go 1.27.3 binary)",
                launcher.display()
            );
        }
        let goroot = Command::new(&launcher)
            .args(["env", "GOROOT"])
            .envs(OFFLINE_ENV)
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
        match goroot {
            Some(root) if root.join("bin/go").is_file() => GoBinary {
                program: root.join("bin/go"),
                goroot: Some(root),
            },
            _ => GoBinary {
                program: launcher,
                goroot: None,
            },
        }
    })
}

/// The environment that makes the go command offline, local-toolchain and configuration-free.
const OFFLINE_ENV: [(&str, &str); 6] = [
    ("GOTOOLCHAIN", "local"),
    ("GOWORK", "off"),
    ("GOPROXY", "off"),
    ("GOFLAGS", ""),
    ("GOSUMDB", "off"),
    ("GOENV", "off"),
];

/// The go binary that runs (the real one under GOROOT when the launcher could be resolved).
pub fn go_program() -> &'static Path {
    &go_binary().program
}

/// The GOROOT of the go binary under test, for tests that read its sources.
pub fn goroot() -> PathBuf {
    match &go_binary().goroot {
        Some(root) => root.clone(),
        None => {
            let out = go_command()
                .args(["env", "GOROOT"])
                .output()
                .unwrap_or_else(|e| panic!("running go env GOROOT: {e}"));
            assert!(
                out.status.success(),
                "go env GOROOT failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
        }
    }
}

/// A `go` command with the offline environment, ready for arguments.
pub fn go_command() -> Command {
    let go = go_binary();
    let mut cmd = Command::new(&go.program);
    cmd.envs(OFFLINE_ENV);
    if let Some(root) = &go.goroot {
        cmd.env("GOROOT", root);
    }
    cmd
}

/// Like [`go_command`], with an otherwise empty environment (only `PATH` is kept), for tests
/// whose answers must not depend on anything the caller's environment holds.
pub fn isolated_go_command() -> Command {
    let mut cmd = go_command();
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(OFFLINE_ENV);
    if let Some(root) = &go_binary().goroot {
        cmd.env("GOROOT", root);
    }
    cmd
}
