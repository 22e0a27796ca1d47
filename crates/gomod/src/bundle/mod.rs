//! Bundles: everything one resolution needs, as files by relative path.
//!
//! A bundle holds the workspace's own files (`go.mod`, `go.sum`, `go.work`, `go.work.sum`,
//! `vendor/modules.txt`, and the same names below sub-directories such as `sub/go.mod`), the
//! dependencies' files in GOPROXY layout (`<escaped path>/@v/<escaped version>.mod`,
//! `<escaped path>/@v/list`, tolerated `.info` and `.zip`), and optionally the output of
//! `go mod graph` in `go-mod-graph.txt`. It is written and read as a txtar archive; the CLI builds
//! the same thing from a directory by handing [`Bundle::from_files`] each file's relative path and
//! bytes. Nothing here fails: whatever is odd about a file is reported as a [`Problem`].

pub mod txtar;

use std::fmt;

use crate::path::{escape_path, escape_version, unescape_path, unescape_version};
use crate::resolve::fxhash::FxHashMap;
use crate::sum::go_fields;
use crate::version::{is_pseudo_version, semver};

/// The file holding `go mod graph` output.
pub const MOD_GRAPH_FILE: &str = "go-mod-graph.txt";

/// The directory component that separates a module path from its proxy files.
const PROXY_VERSION_DIR: &str = "/@v/";

/// Which workspace file a path names (by its last elements).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkspaceFile {
    GoMod,
    GoSum,
    GoWork,
    GoWorkSum,
    ModulesTxt,
}

/// A dependency file in GOPROXY layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyFile {
    /// `@v/list`: the known versions, one per line.
    List,
    /// `@v/VERSION.mod`: the version's go.mod.
    Mod,
    /// `@v/VERSION.info`: version metadata (kept, not interpreted).
    Info,
    /// `@v/VERSION.zip`: the module's files (kept, not interpreted).
    Zip,
}

/// What a bundle file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// A workspace file; `dir` is its directory relative to the bundle root (`""` at the root).
    Workspace { dir: String, file: WorkspaceFile },
    /// A dependency file: the unescaped module path, and for `.mod`/`.info`/`.zip` the unescaped
    /// version.
    Proxy {
        module: String,
        version: Option<String>,
        file: ProxyFile,
    },
    /// `go-mod-graph.txt`.
    ModGraph,
    /// Anything else (kept and written back, otherwise ignored).
    Other,
}

/// A file of the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    pub name: String,
    pub data: Vec<u8>,
    pub kind: FileKind,
}

/// Something odd about a bundle file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file name as given.
    pub file: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The name is not a clean relative path (empty, absolute, `.`/`..`/empty elements,
    /// backslashes, trailing slash); the file is kept as [`FileKind::Other`].
    BadName,
    /// A later file has the same name; the later content replaced this one.
    Duplicate,
    /// The module path before `/@v/` is not a valid escaped module path.
    BadModulePath { message: String },
    /// The version in a proxy file name is not a valid escaped version.
    BadVersion { message: String },
    /// A file under `@v/` that is none of `list`, `.mod`, `.info`, `.zip`.
    UnknownProxyFile,
    /// A file that is neither a workspace file, a proxy file nor the graph.
    Unrecognised,
    /// Writing the bundle as txtar would change this file (see [`txtar::Unrepresentable`]).
    NotRepresentableInTxtar { reason: txtar::Unrepresentable },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        match &self.kind {
            ProblemKind::BadName => f.write_str("not a clean relative file name; ignored"),
            ProblemKind::Duplicate => f.write_str("appears again later; the later copy is used"),
            ProblemKind::BadModulePath { message } => write!(f, "{message}; ignored"),
            ProblemKind::BadVersion { message } => write!(f, "{message}; ignored"),
            ProblemKind::UnknownProxyFile => {
                f.write_str("not a proxy file (expected @v/list, .mod, .info or .zip); ignored")
            }
            ProblemKind::Unrecognised => f.write_str("not a file the playground uses; ignored"),
            ProblemKind::NotRepresentableInTxtar { reason } => match reason {
                txtar::Unrepresentable::Name => {
                    f.write_str("name cannot be written in a txtar archive")
                }
                txtar::Unrepresentable::MarkerLine => {
                    f.write_str("has a line that a txtar archive would read as a file marker")
                }
                txtar::Unrepresentable::MissingFinalNewline => {
                    f.write_str("does not end with a newline; a txtar archive adds one")
                }
            },
        }
    }
}

/// The key of a `.mod` file in [`Bundle`]'s index: the module path and the version, joined by a
/// NUL byte, which neither can contain (both come from escaped proxy file names). Keys of one path
/// sort by version, as (path, version) pairs would.
fn gomod_key(path: &str, version: &str) -> String {
    let mut key = String::with_capacity(path.len() + 1 + version.len());
    key.push_str(path);
    key.push('\0');
    key.push_str(version);
    key
}

/// A set of files by relative path, classified.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bundle {
    comment: Vec<u8>,
    files: Vec<BundleFile>,
    problems: Vec<Problem>,
    /// Index of each file by name.
    by_name: NameIndex,
    /// Index of each `.mod` file by [`gomod_key`] (module path and version). One key type for
    /// all three indexes, so their code exists once.
    gomods: NameIndex,
    /// Index of each `@v/list` file by module path.
    lists: NameIndex,
    /// The versions of each module path that have a `.mod` file, in bundle order: the resolver
    /// asks for them path by path, and a scan of every go.mod key per path was quadratic.
    gomod_versions: FxHashMap<String, Vec<String>>,
}

/// File indexes by a string key. A hash map: a bundle of many dependency files in any order
/// (a dropped directory, a generated bundle) must not cost a shifting insert per file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct NameIndex(FxHashMap<String, usize>);

impl NameIndex {
    fn get(&self, key: &str) -> Option<usize> {
        self.0.get(key).copied()
    }

    /// Sets the index of `key`; whether the key is new.
    fn insert(&mut self, key: String, index: usize) -> bool {
        self.0.insert(key, index).is_none()
    }
}

impl Bundle {
    /// Builds a bundle from `(relative path, bytes)` pairs, in order. A repeated name keeps its
    /// first position and its last content.
    pub fn from_files<N: Into<String>, D: Into<Vec<u8>>>(
        files: impl IntoIterator<Item = (N, D)>,
    ) -> Bundle {
        let mut bundle = Bundle::default();
        for (name, data) in files {
            bundle.insert(name.into(), data.into());
        }
        bundle
    }

    /// Reads a txtar archive; its comment is kept and written back by [`Bundle::to_txtar`].
    pub fn from_txtar(data: &[u8]) -> Bundle {
        let archive = txtar::parse(data);
        let mut bundle = Bundle::from_files(archive.files.into_iter().map(|f| (f.name, f.data)));
        bundle.comment = archive.comment;
        bundle
    }

    /// Writes the bundle as a txtar archive, files in bundle order. Files that cannot be stored
    /// unchanged are written anyway and listed in [`Bundle::txtar_problems`].
    pub fn to_txtar(&self) -> Vec<u8> {
        txtar::format(&txtar::Archive {
            comment: self.comment.clone(),
            files: self
                .files
                .iter()
                .map(|f| txtar::File {
                    name: f.name.clone(),
                    data: f.data.clone(),
                })
                .collect(),
        })
    }

    /// The files that [`Bundle::to_txtar`] cannot store unchanged.
    pub fn txtar_problems(&self) -> Vec<Problem> {
        self.files
            .iter()
            .filter_map(|f| {
                let file = txtar::File {
                    name: f.name.clone(),
                    data: f.data.clone(),
                };
                txtar::representable(&file).err().map(|reason| Problem {
                    file: f.name.clone(),
                    kind: ProblemKind::NotRepresentableInTxtar { reason },
                })
            })
            .collect()
    }

    /// Adds or replaces a file.
    pub fn insert(&mut self, name: String, data: Vec<u8>) {
        let kind = self.classify(&name);
        if let Some(index) = self.by_name.get(&name) {
            self.problems.push(Problem {
                file: name.clone(),
                kind: ProblemKind::Duplicate,
            });
            if let Some(existing) = self.files.get_mut(index) {
                existing.data = data;
            }
            return;
        }
        let index = self.files.len();
        #[allow(
            clippy::collapsible_match,
            reason = "the insertion has a side effect, which a match guard would hide"
        )]
        match &kind {
            FileKind::Proxy {
                module,
                version: Some(version),
                file: ProxyFile::Mod,
            } => {
                if self.gomods.insert(gomod_key(module, version), index) {
                    self.gomod_versions
                        .entry(module.clone())
                        .or_default()
                        .push(version.clone());
                }
            }
            FileKind::Proxy {
                module,
                file: ProxyFile::List,
                ..
            } => {
                self.lists.insert(module.clone(), index);
            }
            _ => {}
        }
        self.by_name.insert(name.clone(), index);
        self.files.push(BundleFile { name, data, kind });
    }

    /// Adds a dependency's go.mod under its proxy name; fails if path or version cannot be escaped.
    pub fn insert_dependency_gomod(
        &mut self,
        path: &str,
        version: &str,
        data: Vec<u8>,
    ) -> Result<(), String> {
        let name = proxy_file_name(path, version, "mod")?;
        self.insert(name, data);
        Ok(())
    }

    fn classify(&mut self, name: &str) -> FileKind {
        let problem = |kind| Problem {
            file: name.to_owned(),
            kind,
        };
        if !is_clean_relative(name) {
            self.problems.push(problem(ProblemKind::BadName));
            return FileKind::Other;
        }
        if name == MOD_GRAPH_FILE {
            return FileKind::ModGraph;
        }
        if let Some(at) = name.find(PROXY_VERSION_DIR) {
            let (escaped_module, rest) = (
                name.get(..at).unwrap_or(""),
                name.get(at + PROXY_VERSION_DIR.len()..).unwrap_or(""),
            );
            return match classify_proxy(escaped_module, rest) {
                Ok(kind) => kind,
                Err(kind) => {
                    self.problems.push(problem(kind));
                    FileKind::Other
                }
            };
        }
        if let Some((dir, file)) = workspace_file(name) {
            return FileKind::Workspace {
                dir: dir.to_owned(),
                file,
            };
        }
        self.problems.push(problem(ProblemKind::Unrecognised));
        FileKind::Other
    }

    /// The archive comment (text before the first file).
    pub fn comment(&self) -> &[u8] {
        &self.comment
    }

    /// Every file, in bundle order.
    pub fn files(&self) -> &[BundleFile] {
        &self.files
    }

    /// The content of a file by name.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        let index = self.by_name.get(name)?;
        self.files.get(index).map(|f| f.data.as_slice())
    }

    /// The problems found while adding files (txtar ones are separate: [`Bundle::txtar_problems`]).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The workspace files, in bundle order.
    pub fn workspace_files(&self) -> impl Iterator<Item = (&str, WorkspaceFile, &BundleFile)> {
        self.files.iter().filter_map(|f| match &f.kind {
            FileKind::Workspace { dir, file } => Some((dir.as_str(), *file, f)),
            _ => None,
        })
    }

    /// A workspace file of a directory (`""` for the root).
    pub fn workspace_file(&self, dir: &str, which: WorkspaceFile) -> Option<&[u8]> {
        self.workspace_files()
            .find(|(d, w, _)| *d == dir && *w == which)
            .map(|(_, _, f)| f.data.as_slice())
    }

    /// The go.mod served for a dependency version.
    pub fn dependency_gomod(&self, path: &str, version: &str) -> Option<&[u8]> {
        let index = self.gomods.get(&gomod_key(path, version))?;
        self.files.get(index).map(|f| f.data.as_slice())
    }

    /// The module paths that have any proxy file, sorted.
    pub fn dependency_paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self
            .files
            .iter()
            .filter_map(|f| match &f.kind {
                FileKind::Proxy { module, .. } => Some(module.as_str()),
                _ => None,
            })
            .collect();
        crate::sort::sort(&mut paths);
        paths.dedup();
        paths
    }

    /// The versions a proxy's `@v/list` offers for `path`, as the go command reads that file: the
    /// first field of each line when it is a valid semantic version and not a pseudo-version,
    /// sorted by precedence. `None` without a list file.
    pub fn listed_versions(&self, path: &str) -> Option<Vec<String>> {
        let index = self.lists.get(path)?;
        let data = &self.files.get(index)?.data;
        let mut versions: Vec<String> = data
            .split(|&b| b == b'\n')
            .filter_map(|line| {
                let first = go_fields(line).into_iter().next()?;
                let version = std::str::from_utf8(line.get(first)?).ok()?;
                (semver::is_valid(version) && !is_pseudo_version(version))
                    .then(|| version.to_owned())
            })
            .collect();
        semver::sort(&mut versions);
        Some(versions)
    }

    /// The versions known for `path`: the `@v/list` versions if there is a list file, otherwise
    /// the versions of its `.mod` files (valid, non-pseudo), sorted by precedence.
    pub fn versions(&self, path: &str) -> Vec<String> {
        if let Some(listed) = self.listed_versions(path) {
            return listed;
        }
        let mut versions: Vec<String> = self
            .gomod_versions
            .get(path)
            .into_iter()
            .flatten()
            .filter(|v| semver::is_valid(v) && !is_pseudo_version(v))
            .cloned()
            .collect();
        semver::sort(&mut versions);
        versions
    }

    /// Every version of `path` whose go.mod file the bundle has, pseudo-versions included (which
    /// no `@v/list` names), sorted by precedence.
    pub fn gomod_file_versions(&self, path: &str) -> Vec<String> {
        let mut versions: Vec<String> = self
            .gomod_versions
            .get(path)
            .into_iter()
            .flatten()
            .filter(|v| semver::is_valid(v))
            .cloned()
            .collect();
        semver::sort(&mut versions);
        versions.dedup();
        versions
    }

    /// The `go mod graph` output, if the bundle has one.
    pub fn mod_graph(&self) -> Option<&[u8]> {
        self.file(MOD_GRAPH_FILE)
    }
}

/// The proxy file name `<escaped path>/@v/<escaped version>.<ext>`.
pub fn proxy_file_name(path: &str, version: &str, ext: &str) -> Result<String, String> {
    let escaped_path = escape_path(path).map_err(|e| e.to_string())?;
    let escaped_version = escape_version(version).map_err(|e| e.to_string())?;
    Ok(format!(
        "{escaped_path}{PROXY_VERSION_DIR}{escaped_version}.{ext}"
    ))
}

fn classify_proxy(escaped_module: &str, rest: &str) -> Result<FileKind, ProblemKind> {
    let module = unescape_path(escaped_module).map_err(|e| ProblemKind::BadModulePath {
        message: e.to_string(),
    })?;
    if rest == "list" {
        return Ok(FileKind::Proxy {
            module,
            version: None,
            file: ProxyFile::List,
        });
    }
    let (escaped_version, file) = [
        ("mod", ProxyFile::Mod),
        ("info", ProxyFile::Info),
        ("zip", ProxyFile::Zip),
    ]
    .into_iter()
    .find_map(|(ext, file)| Some((rest.strip_suffix(ext)?.strip_suffix('.')?, file)))
    .ok_or(ProblemKind::UnknownProxyFile)?;
    if escaped_version.contains('/') {
        return Err(ProblemKind::UnknownProxyFile);
    }
    let version = unescape_version(escaped_version).map_err(|e| ProblemKind::BadVersion {
        message: e.to_string(),
    })?;
    Ok(FileKind::Proxy {
        module,
        version: Some(version),
        file,
    })
}

/// `dir/go.mod` and friends: the directory (possibly empty) and which file.
fn workspace_file(name: &str) -> Option<(&str, WorkspaceFile)> {
    const NAMES: [(&str, WorkspaceFile); 5] = [
        ("vendor/modules.txt", WorkspaceFile::ModulesTxt),
        ("go.work.sum", WorkspaceFile::GoWorkSum),
        ("go.work", WorkspaceFile::GoWork),
        ("go.mod", WorkspaceFile::GoMod),
        ("go.sum", WorkspaceFile::GoSum),
    ];
    NAMES.into_iter().find_map(|(suffix, file)| {
        if name == suffix {
            return Some(("", file));
        }
        let dir = name.strip_suffix(suffix)?.strip_suffix('/')?;
        Some((dir, file))
    })
}

/// A relative path with `/` separators and no empty, `.` or `..` elements.
fn is_clean_relative(name: &str) -> bool {
    !name.is_empty()
        && !name.contains('\\')
        && !name.contains('\n')
        && name
            .split('/')
            .all(|element| !element.is_empty() && element != "." && element != "..")
}

#[cfg(test)]
mod golden_tests {
    //! `testdata/bundle/NAME.in` is a bundle as a txtar archive; `NAME.golden` shows the archive
    //! as read (comment and files, per the txtar documentation), how each file is classified, the
    //! problems, the dependency lookups, and whether writing the bundle back reproduces the input.

    use std::fmt::Write as _;

    use super::{Bundle, FileKind};
    use gomod_test_support::golden::check_dir;

    fn render(data: &[u8]) -> String {
        let bundle = Bundle::from_txtar(data);
        let mut out = format!(
            "comment: {:?}\n-- files --\n",
            String::from_utf8_lossy(bundle.comment())
        );
        for file in bundle.files() {
            let kind = match &file.kind {
                FileKind::Workspace { dir, file } => format!("workspace {file:?} in {dir:?}"),
                FileKind::Proxy {
                    module,
                    version,
                    file,
                } => {
                    format!(
                        "proxy {file:?} of {module}{}",
                        version.as_ref().map_or(String::new(), |v| format!("@{v}"))
                    )
                }
                FileKind::ModGraph => "go mod graph output".to_owned(),
                FileKind::Other => "other".to_owned(),
            };
            let _ = writeln!(
                out,
                "{:?}: {kind}: {:?}",
                file.name,
                String::from_utf8_lossy(&file.data)
            );
        }
        out.push_str("-- problems --\n");
        for problem in bundle.problems().iter().chain(&bundle.txtar_problems()) {
            let _ = writeln!(out, "{problem}");
        }
        out.push_str("-- dependencies --\n");
        for path in bundle.dependency_paths() {
            let _ = writeln!(
                out,
                "{path}: listed={:?} versions={:?}",
                bundle.listed_versions(path),
                bundle.versions(path)
            );
            for version in bundle.versions(path) {
                let gomod = bundle
                    .dependency_gomod(path, &version)
                    .map(String::from_utf8_lossy);
                let _ = writeln!(out, "  {version}: go.mod {gomod:?}");
            }
        }
        let rewritten = bundle.to_txtar();
        let _ = writeln!(
            out,
            "-- round trip --\n{}",
            if rewritten == data {
                "identical".to_owned()
            } else {
                format!("{:?}", String::from_utf8_lossy(&rewritten))
            }
        );
        out
    }

    #[test]
    fn golden_bundles() {
        check_dir("bundle", |_, data| render(data));
    }
}

#[cfg(test)]
mod robustness_tests;

#[cfg(test)]
mod tests {
    use super::{Bundle, FileKind, ProxyFile};

    /// Escaped names as spec section 5.4 gives them: upper-case letters become `!` + lower case
    /// in both the module path and the version.
    #[test]
    fn dependency_gomod_is_stored_under_its_escaped_proxy_name_and_survives_txtar() {
        let mut bundle = Bundle::from_files([("go.mod", b"module example.com/m\n".to_vec())]);
        let added = bundle.insert_dependency_gomod(
            "github.com/GoogleCloudPlatform/x",
            "v1.0.0-RC1",
            b"module github.com/GoogleCloudPlatform/x\n".to_vec(),
        );
        assert_eq!(added, Ok(()));
        let name = "github.com/!google!cloud!platform/x/@v/v1.0.0-!r!c1.mod";
        assert_eq!(
            bundle.files().get(1).map(|f| (f.name.as_str(), &f.kind)),
            Some((
                name,
                &FileKind::Proxy {
                    module: "github.com/GoogleCloudPlatform/x".to_owned(),
                    version: Some("v1.0.0-RC1".to_owned()),
                    file: ProxyFile::Mod,
                }
            ))
        );
        let reread = Bundle::from_txtar(&bundle.to_txtar());
        assert_eq!(reread, bundle);
        assert_eq!(
            reread.dependency_gomod("github.com/GoogleCloudPlatform/x", "v1.0.0-RC1"),
            Some(&b"module github.com/GoogleCloudPlatform/x\n"[..])
        );
        assert!(bundle
            .insert_dependency_gomod("Bad Path", "v1.0.0", Vec::new())
            .is_err());
    }
}
