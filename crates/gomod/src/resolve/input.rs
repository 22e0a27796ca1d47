//! What the resolver reads: the main go.mod (or go.work and its modules), where dependency go.mod
//! files come from, and the settings of the simulated go command.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

/// The newest Go release the project knows; the default running toolchain.
pub const DEFAULT_GO_VERSION: &str = "1.27.3";

/// A source of dependency go.mod files: a bundle, a GOPROXY directory, or anything else.
pub trait ModSource {
    /// The go.mod a GOPROXY serves for `path@version` (`@v/<version>.mod`).
    fn gomod(&self, path: &str, version: &str) -> Option<Cow<'_, [u8]>>;
    /// Whether the proxy knows `path@version` at all (`@v/<version>.info`); `go list -m` asks.
    fn has_info(&self, path: &str, version: &str) -> bool {
        self.gomod(path, version).is_some()
    }
    /// The versions `@v/list` names, in any order.
    fn versions(&self, path: &str) -> Vec<String>;
    /// The go.mod in a local directory, named relative to the main module's directory (or the
    /// go.work directory in workspace mode), cleaned and slash-separated (`local/b`, `../x`);
    /// absolute directories are passed as they are.
    fn dir_gomod(&self, dir: &str) -> Option<Cow<'_, [u8]>>;
    /// The go.sum files the go command checks every downloaded go.mod against, as (name,
    /// contents): first the main one (`go.sum`, or `go.work.sum` in workspace mode), then, in
    /// workspace mode, the modules' go.sum files named relative to the go.work directory
    /// (`a/go.sum`; messages print them below the root directory). None by default: then
    /// nothing is verified.
    fn sum_files(&self) -> Vec<(String, Cow<'_, [u8]>)> {
        Vec::new()
    }
}

/// An in-memory [`ModSource`].
#[derive(Clone, Debug, Default)]
pub struct MapSource {
    /// path → version → go.mod bytes.
    pub mods: HashMap<String, HashMap<String, Vec<u8>>>,
    /// Versions that appear in `@v/list` per path.
    pub listed: HashMap<String, BTreeSet<String>>,
    /// Directory → go.mod bytes.
    pub dirs: HashMap<String, Vec<u8>>,
}

impl MapSource {
    pub fn add_module(&mut self, path: &str, version: &str, gomod: &[u8], listed: bool) {
        self.mods
            .entry(path.to_owned())
            .or_default()
            .insert(version.to_owned(), gomod.to_vec());
        if listed {
            self.listed
                .entry(path.to_owned())
                .or_default()
                .insert(version.to_owned());
        }
    }
    pub fn add_dir(&mut self, dir: &str, gomod: &[u8]) {
        self.dirs.insert(dir.to_owned(), gomod.to_vec());
    }
}

impl ModSource for MapSource {
    fn gomod(&self, path: &str, version: &str) -> Option<Cow<'_, [u8]>> {
        self.mods
            .get(path)
            .and_then(|vs| vs.get(version))
            .map(|d| Cow::Borrowed(d.as_slice()))
    }
    fn versions(&self, path: &str) -> Vec<String> {
        self.listed
            .get(path)
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default()
    }
    fn dir_gomod(&self, dir: &str) -> Option<Cow<'_, [u8]>> {
        self.dirs.get(dir).map(|d| Cow::Borrowed(d.as_slice()))
    }
}

/// How the go command picks its toolchain (the GOTOOLCHAIN environment variable).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Toolchain {
    /// `GOTOOLCHAIN=local`: the installed go command runs, and refuses modules that need a newer
    /// Go (common in CI images and build scripts).
    #[default]
    Local,
    /// `GOTOOLCHAIN=auto`: the go command downloads and runs the toolchain a module asks for.
    Auto,
}

impl Toolchain {
    pub fn as_str(self) -> &'static str {
        match self {
            Toolchain::Local => "local",
            Toolchain::Auto => "auto",
        }
    }
}

impl std::fmt::Display for Toolchain {
    /// The value as go prints it (`GOTOOLCHAIN=local`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The environment of the simulated go command, as far as it shows in its output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The running toolchain's Go version (`go version` without the `go` prefix).
    pub go_version: String,
    /// GOTOOLCHAIN, which "requires go >= ..." errors name.
    pub toolchain: Toolchain,
    /// The absolute directory of the main module (or of go.work), as it appears in messages
    /// about local files.
    pub root_dir: String,
    /// The GOPROXY URL as it appears in messages about missing proxy files.
    pub proxy_url: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            go_version: DEFAULT_GO_VERSION.to_owned(),
            toolchain: Toolchain::Local,
            root_dir: "/work".to_owned(),
            proxy_url: "file:///proxy".to_owned(),
        }
    }
}

/// A workspace: the go.work file. The go.mod of each module it uses comes from
/// [`ModSource::dir_gomod`] with the use directory relative to the go.work directory.
#[derive(Clone, Debug)]
pub struct Workspace<'a> {
    pub gowork: &'a [u8],
}

/// Everything one resolution needs.
pub struct Input<'a> {
    /// The main module's go.mod (ignored in workspace mode).
    pub gomod: &'a [u8],
    /// Its file name as messages print it (normally `go.mod`).
    pub gomod_name: &'a str,
    pub workspace: Option<Workspace<'a>>,
    pub source: &'a dyn ModSource,
    pub settings: Settings,
}

/// What a simulated command prints and its exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandOutput {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}
