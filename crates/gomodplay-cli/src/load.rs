//! Reading the input of every command, in one place.
//!
//! `check` and `fix` read their input whole into a [`Bundle`] ([`load_bundle_files`]): a txtar
//! bundle, a single file, or a directory's workspace files.
//!
//! The resolving commands (`list`, `graph`, `why`) read what the resolver asks for ([`load`]):
//! the main go.mod or go.work, the local directories they name, dependency go.mod files, and a
//! pasted `go mod graph` output.
//!
//! Two forms of input: a directory (files are read lazily, only when the resolver asks, so a real
//! project with a large tree costs nothing extra) or a txtar bundle (read whole; it behaves as if
//! unpacked in its own directory and nothing else is read for it, so it stays self-contained).
//! Dependency go.mod files come from the bundle or directory in GOPROXY layout first, then from
//! `--proxy DIR`. Unreadable files other than missing ones are remembered and reported as
//! warnings naming the file, so that a permission problem does not pass for a missing module.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use gomod::bundle::{Bundle, WorkspaceFile, MOD_GRAPH_FILE};
use gomod::path::{escape_path, escape_version};
use gomod::resolve::{Input, ModSource, Settings, Workspace};

use crate::gopath::{clean, go_getwd};
use crate::oserror::{path_error, reason};
use crate::query_args::Query;

/// Where dependency and local go.mod files come from.
pub struct FsSource {
    /// A txtar bundle's files.
    bundle: Option<Bundle>,
    /// A directory input: local directories and GOPROXY-layout files below it.
    root: Option<PathBuf>,
    /// `--proxy DIR`.
    proxy: Option<PathBuf>,
    /// Files that exist but could not be read, as `read NAME: REASON`, in the order met, and
    /// the same as a set: a tree of unreadable files must not cost a scan of the list per file.
    read_errors: RefCell<(Vec<String>, HashSet<String>)>,
    /// Whether each GOPROXY-layout directory's top-level folders (`github.com`, `example.com`)
    /// exist, asked once each: a build list of many modules under a host the directory does not
    /// hold would otherwise cost three failed file-system lookups per module.
    top_folders: RefCell<HashMap<PathBuf, bool>>,
}

impl FsSource {
    /// Reads a file the resolver asked for; a missing file is simply absent.
    fn read_optional(&self, path: &Path) -> Option<Vec<u8>> {
        match read_file(path) {
            Ok(data) => Some(data),
            Err((op, err)) => {
                if !matches!(err.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) {
                    let text = path_error(op, &path.display().to_string(), &err);
                    let mut errors = self.read_errors.borrow_mut();
                    if errors.1.insert(text.clone()) {
                        errors.0.push(text);
                    }
                }
                None
            }
        }
    }

    /// The unreadable files met so far.
    pub fn read_errors(&self) -> Vec<String> {
        self.read_errors.borrow().0.clone()
    }

    /// `<dir>/<escaped path>/@v/<escaped version>.<ext>` for each GOPROXY-layout directory, the
    /// input's own first.
    fn proxy_files(&self, path: &str, version: &str, ext: &str) -> Vec<(PathBuf, bool)> {
        // The top folder is asked about first: in a large graph whose files are not there, no
        // directory holds it, and escaping and joining the whole name would be work for
        // nothing (the answer is no file either way). A first element that does not escape
        // on its own (no dot, say) takes the full path's way, which reports it.
        let first = path.split('/').next().unwrap_or_default();
        if let Ok(top) = escape_path(first) {
            let held = |dir: &Option<PathBuf>| dir.as_ref().is_some_and(|d| self.may_hold(d, &top));
            if !held(&self.root) && !held(&self.proxy) {
                return Vec::new();
            }
        }
        let (Ok(p), Ok(v)) = (escape_path(path), escape_version(version)) else {
            return Vec::new();
        };
        let name = format!("{p}/@v/{v}.{ext}");
        let top = p.split('/').next().unwrap_or_default();
        let mut out = Vec::new();
        if let Some(root) = self.root.as_ref().filter(|r| self.may_hold(r, top)) {
            out.push((root.join(&name), true));
        }
        if let Some(proxy) = self.proxy.as_ref().filter(|d| self.may_hold(d, top)) {
            out.push((proxy.join(&name), false));
        }
        out
    }

    /// Whether files below `dir/top` can exist: false only when that folder is certainly
    /// missing (any other answer, such as a permission error, lets the read go ahead and
    /// report it).
    fn may_hold(&self, dir: &Path, top: &str) -> bool {
        let folder = dir.join(top);
        if let Some(&known) = self.top_folders.borrow().get(&folder) {
            return known;
        }
        let exists = match std::fs::metadata(&folder) {
            Ok(meta) => meta.is_dir(),
            Err(err) => !matches!(err.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory),
        };
        self.top_folders.borrow_mut().insert(folder, exists);
        exists
    }
}

/// Reads a whole file; the error names the failing operation (`open` or `read`) as Go does.
pub fn read_file(path: &Path) -> Result<Vec<u8>, (&'static str, std::io::Error)> {
    let mut file = std::fs::File::open(path).map_err(|err| ("open", err))?;
    let mut data = Vec::new();
    file.read_to_end(&mut data).map_err(|err| ("read", err))?;
    Ok(data)
}

impl ModSource for FsSource {
    fn gomod(&self, path: &str, version: &str) -> Option<Cow<'_, [u8]>> {
        if let Some(data) = self
            .bundle
            .as_ref()
            .and_then(|b| b.dependency_gomod(path, version))
        {
            return Some(Cow::Borrowed(data));
        }
        self.proxy_files(path, version, "mod")
            .into_iter()
            .find_map(|(file, _)| self.read_optional(&file))
            .map(Cow::Owned)
    }

    /// A bundle (or the input directory) serves what it holds a go.mod for, as the core's
    /// bundles do; a real proxy directory must hold the `.info` file that go asks for.
    fn has_info(&self, path: &str, version: &str) -> bool {
        if self
            .bundle
            .as_ref()
            .is_some_and(|b| b.dependency_gomod(path, version).is_some())
        {
            return true;
        }
        let infos = self.proxy_files(path, version, "info");
        let mods = self.proxy_files(path, version, "mod");
        infos.iter().any(|(f, _)| f.is_file()) || mods.iter().any(|(f, own)| *own && f.is_file())
    }

    fn versions(&self, path: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .bundle
            .as_ref()
            .map(|b| b.versions(path))
            .unwrap_or_default();
        let Ok(escaped) = escape_path(path) else {
            return out;
        };
        for dir in self.root.iter().chain(self.proxy.iter()) {
            let list = dir.join(&escaped).join("@v").join("list");
            let Some(data) = self.read_optional(&list) else {
                continue;
            };
            for line in String::from_utf8_lossy(&data).lines() {
                if let Some(v) = line.split_whitespace().next() {
                    if !out.iter().any(|o| o == v) {
                        out.push(v.to_owned());
                    }
                }
            }
        }
        out
    }

    /// A bundle's go.sum files as the core reads them; in a directory, go.sum (or go.work.sum
    /// and the go.sum of each module go.work uses).
    fn sum_files(&self) -> Vec<(String, Cow<'_, [u8]>)> {
        if let Some(bundle) = &self.bundle {
            return bundle.sum_files();
        }
        let Some(root) = &self.root else {
            return Vec::new();
        };
        let Some(gowork) = self.read_optional(&root.join("go.work")) else {
            return self
                .read_optional(&root.join("go.sum"))
                .map(|data| ("go.sum".to_owned(), Cow::Owned(data)))
                .into_iter()
                .collect();
        };
        let main = self
            .read_optional(&root.join("go.work.sum"))
            .unwrap_or_default();
        let mut files = vec![("go.work.sum".to_owned(), Cow::Owned(main))];
        let uses = gomod::workfile::parse("go.work", &gowork)
            .map(|w| w.use_.into_iter().map(|u| u.path).collect::<Vec<_>>())
            .unwrap_or_default();
        for dir in uses {
            let dir = clean(&dir);
            if let Some(data) = self.read_optional(&root.join(&dir).join("go.sum")) {
                files.push((clean(&format!("{dir}/go.sum")), Cow::Owned(data)));
            }
        }
        files
    }

    fn dir_gomod(&self, dir: &str) -> Option<Cow<'_, [u8]>> {
        if let Some(bundle) = &self.bundle {
            let dir = if dir == "." { "" } else { dir };
            return bundle
                .workspace_file(dir, WorkspaceFile::GoMod)
                .map(Cow::Borrowed);
        }
        let root = self.root.as_ref()?;
        self.read_optional(&root.join(dir).join("go.mod"))
            .map(Cow::Owned)
    }
}

/// Everything one resolving command reads.
pub struct Loaded {
    pub source: FsSource,
    pub gomod: Vec<u8>,
    pub gowork: Option<Vec<u8>>,
    /// A pasted `go mod graph` output and the name it was read from.
    pub supplied_graph: Option<(String, Vec<u8>)>,
    pub settings: Settings,
    /// Warnings about the input itself (odd bundle files).
    pub warnings: Vec<String>,
}

impl Loaded {
    /// The resolver's input (single-module or workspace mode).
    pub fn input(&self) -> Input<'_> {
        Input {
            gomod: &self.gomod,
            gomod_name: "go.mod",
            workspace: self.gowork.as_deref().map(|w| Workspace { gowork: w }),
            source: &self.source,
            settings: self.settings.clone(),
        }
    }
}

/// An absolute, cleaned form of a path as the go command would print it (relative paths are
/// taken from the working directory as Go's `os.Getwd` reports it).
fn absolute(path: &Path) -> String {
    let text = path.to_string_lossy();
    if text.starts_with('/') {
        return clean(&text);
    }
    let cwd = go_getwd().unwrap_or_else(|| ".".to_owned());
    clean(&format!("{cwd}/{text}"))
}

/// Reads the query's input; the error is the complete stderr text.
pub fn load(query: &Query) -> Result<Loaded, String> {
    let target = &query.target;
    let given = target.display().to_string();
    let meta = std::fs::metadata(target)
        .map_err(|err| format!("gomodplay: {}\n", path_error("open", &given, &err)))?;
    let proxy = match &query.proxy {
        Some(p) => {
            let shown = p.display().to_string();
            match std::fs::metadata(p) {
                Ok(m) if m.is_dir() => Some(PathBuf::from(absolute(p))),
                Ok(_) => {
                    return Err(format!(
                    "gomodplay: --proxy {shown}: not a directory (expected GOPROXY file layout)\n"
                ))
                }
                Err(err) => {
                    return Err(format!(
                        "gomodplay: --proxy: {}\n",
                        path_error("open", &shown, &err)
                    ))
                }
            }
        }
        None => None,
    };
    // A go.mod or go.work named directly stands for its directory.
    let names_main_file = matches!(
        target.file_name().and_then(|n| n.to_str()),
        Some("go.mod" | "go.work")
    );
    let dir_input = if meta.is_dir() {
        Some(target.clone())
    } else if names_main_file {
        Some(
            target
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        )
    } else {
        None
    };
    // Messages name local files below the input's directory (a bundle's own directory) and
    // missing proxy files below the proxy directory.
    let base = dir_input.clone().unwrap_or_else(|| {
        target
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    });
    let root_dir = absolute(&base);
    let proxy_url_dir = proxy
        .as_ref()
        .map_or_else(|| root_dir.clone(), |p| p.display().to_string());
    let settings = Settings {
        go_version: query.go_version.clone(),
        toolchain: gomod::resolve::Toolchain::Local,
        root_dir,
        proxy_url: format!("file://{proxy_url_dir}"),
    };
    match dir_input {
        Some(dir) => load_dir(&dir, proxy, settings),
        None => load_bundle(target, &given, proxy, settings),
    }
}

fn load_dir(dir: &Path, proxy: Option<PathBuf>, settings: Settings) -> Result<Loaded, String> {
    let shown = |name: &str| dir.join(name).display().to_string();
    let required = |name: &str| -> Result<Option<Vec<u8>>, String> {
        match read_file(&dir.join(name)) {
            Ok(data) => Ok(Some(data)),
            Err((_, err)) if err.kind() == ErrorKind::NotFound => Ok(None),
            Err((op, err)) => Err(format!(
                "gomodplay: {}\n",
                path_error(op, &shown(name), &err)
            )),
        }
    };
    let gowork = required("go.work")?;
    let gomod = required("go.mod")?;
    let supplied_graph = required(MOD_GRAPH_FILE)?.map(|g| (shown(MOD_GRAPH_FILE), g));
    if gowork.is_none() && gomod.is_none() && supplied_graph.is_none() {
        return Err(format!(
            "gomodplay: {}: no go.mod, go.work or {MOD_GRAPH_FILE} in this directory\n",
            dir.display()
        ));
    }
    Ok(Loaded {
        source: FsSource {
            bundle: None,
            root: Some(PathBuf::from(&settings.root_dir)),
            proxy,
            read_errors: RefCell::default(),
            top_folders: RefCell::default(),
        },
        gomod: gomod.unwrap_or_default(),
        gowork,
        supplied_graph,
        settings,
        warnings: Vec::new(),
    })
}

fn load_bundle(
    file: &Path,
    given: &str,
    proxy: Option<PathBuf>,
    settings: Settings,
) -> Result<Loaded, String> {
    let data = read_file(file)
        .map_err(|(op, err)| format!("gomodplay: {}\n", path_error(op, given, &err)))?;
    let bundle = Bundle::from_txtar(&data);
    let warnings = bundle
        .problems()
        .iter()
        .map(|p| format!("{given}: {p}"))
        .collect();
    let gowork = bundle
        .workspace_file("", WorkspaceFile::GoWork)
        .map(<[u8]>::to_vec);
    let gomod = bundle
        .workspace_file("", WorkspaceFile::GoMod)
        .map(<[u8]>::to_vec);
    let supplied_graph = bundle
        .mod_graph()
        .map(|g| (format!("{given}: {MOD_GRAPH_FILE}"), g.to_vec()));
    if gowork.is_none() && gomod.is_none() && supplied_graph.is_none() {
        return Err(format!(
            "gomodplay: {given}: the bundle has no go.mod, go.work or {MOD_GRAPH_FILE} (is it a txtar archive with \"-- go.mod --\" sections?)\n"
        ));
    }
    Ok(Loaded {
        source: FsSource {
            bundle: Some(bundle),
            root: None,
            proxy,
            read_errors: RefCell::default(),
            top_folders: RefCell::default(),
        },
        gomod: gomod.unwrap_or_default(),
        gowork,
        supplied_graph,
        settings,
        warnings,
    })
}

/// Where a bundle came from.
pub enum BundleSource {
    /// A directory, read as [`load_bundle_files`] describes.
    Dir(PathBuf),
    /// A txtar bundle, or a single go.mod / go.sum / go.work file.
    File(PathBuf),
}

pub struct LoadedBundle {
    pub bundle: Bundle,
    pub source: BundleSource,
}

/// The workspace file names the checks read.
const WORKSPACE_NAMES: &[&str] = &["go.mod", "go.sum", "go.work", "go.work.sum"];

/// `check` and `fix`: reads a whole txtar file, a single go.mod / go.sum / go.work file (a bundle
/// of that file under its own name), or a directory's workspace files into a bundle; the error
/// is the complete stderr text.
pub fn load_bundle_files(input: &Path) -> Result<LoadedBundle, String> {
    let shown = input.display();
    let meta =
        std::fs::metadata(input).map_err(|e| format!("gomodplay: {shown}: {}\n", reason(&e)))?;
    if meta.is_dir() {
        let mut files = Vec::new();
        walk_workspace(input, input, &mut files)
            .map_err(|e| format!("gomodplay: {shown}: {e}\n"))?;
        files.sort();
        return Ok(LoadedBundle {
            bundle: Bundle::from_files(files),
            source: BundleSource::Dir(input.to_path_buf()),
        });
    }
    let data =
        read_file(input).map_err(|(_, e)| format!("gomodplay: {shown}: {}\n", reason(&e)))?;
    let bundle = if input.extension().is_some_and(|x| x == "txtar") {
        Bundle::from_txtar(&data)
    } else {
        // A single go.mod, go.sum or go.work file: a bundle of that file under its own name.
        let name = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Bundle::from_files([(name, data)])
    };
    Ok(LoadedBundle {
        bundle,
        source: BundleSource::File(input.to_path_buf()),
    })
}

/// Whether `rel` is a dependency file in GOPROXY layout (`<escaped path>/@v/<version>.mod` or
/// `<escaped path>/@v/list`), which a directory may hold beside the workspace files exactly as a
/// bundle does; with them the graph rules can run on a directory too.
fn is_proxy_file(rel: &str) -> bool {
    match rel.rsplit_once("/@v/") {
        Some((module, file)) => {
            !module.is_empty() && !file.contains('/') && (file == "list" || file.ends_with(".mod"))
        }
        None => false,
    }
}

/// Collects the workspace files under `dir` (and a `go-mod-graph.txt` at its root, and dependency
/// go.mod files in GOPROXY layout), skipping what
/// the go command ignores in a module tree (`testdata`, names starting with `.` or `_`) and
/// vendored code except modules.txt.
fn walk_workspace(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| reason(&e))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let rel = path
            .strip_prefix(root)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if name.starts_with('.') || name.starts_with('_') || name == "testdata" {
                continue;
            }
            if name == "vendor" {
                let modules = path.join("modules.txt");
                if let Ok(data) = std::fs::read(&modules) {
                    out.push((format!("{rel}/modules.txt"), data));
                }
                continue;
            }
            walk_workspace(root, &path, out)?;
        } else if WORKSPACE_NAMES.contains(&name.as_str())
            || rel == gomod::bundle::MOD_GRAPH_FILE
            || is_proxy_file(&rel)
        {
            let data = read_file(&path).map_err(|(_, e)| format!("{rel}: {}", reason(&e)))?;
            out.push((rel, data));
        }
    }
    Ok(())
}
