//! Running the real go command (located by `go.rs`) offline against a file-system module proxy,
//! for the go.sum oracle tests. The proxy layout is go's
//! module proxy protocol (`go help goproxy`) served from a `file://` directory.
use std::fs;
use std::path::Path;

use crate::go;
use crate::scratch;

pub use go::{go_command, go_program, goroot, isolated_go_command};

pub use scratch::{write as write_file, Scratch};

/// The proxy protocol's case encoding, written independently of the crate under test.
pub use crate::universe::escape;

/// Adds `path@version` with go.mod bytes `gomod` to the proxy at `proxy`, appending to `@v/list`.
pub fn add_to_proxy(proxy: &Path, path: &str, version: &str, gomod: &[u8]) {
    let dir = proxy.join(escape(path)).join("@v");
    let base = escape(version);
    write_file(&dir.join(format!("{base}.mod")), gomod);
    write_file(
        &dir.join(format!("{base}.info")),
        format!("{{\"Version\":\"{version}\",\"Time\":\"2020-01-01T00:00:00Z\"}}\n").as_bytes(),
    );
    let list = dir.join("list");
    let mut listed = fs::read(&list).unwrap_or_default();
    listed.extend_from_slice(format!("{version}\n").as_bytes());
    write_file(&list, &listed);
}

/// The output of one go command run.
pub struct GoRun {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `go args...` in `dir` with an offline environment using the file proxy at `proxy` and a
/// private GOPATH/GOCACHE under `scratch`.
pub fn run_go(scratch: &Scratch, dir: &Path, proxy: &Path, args: &[&str]) -> GoRun {
    let output = isolated_go_command()
        .args(args)
        .current_dir(dir)
        .env("HOME", scratch.path("home"))
        .env("GOFLAGS", "-mod=mod -modcacherw")
        .env("GOPATH", scratch.path("gopath"))
        .env("GOCACHE", scratch.path("gocache"))
        .env("GOPROXY", format!("file://{}", proxy.display()))
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", go_program().display()));
    GoRun {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}
