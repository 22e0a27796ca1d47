//! `gomodplay bundle [--modcache DIR] [DIR]`: prints the whole graph of the module (or
//! workspace) in DIR as one txtar bundle, from the go command's module cache, for bug reports,
//! for the playground's "Paste bundle" and for `gomodplay share`. It reads the same files as the
//! shell commands the playground offers (`gomod::gather`), selected by the same core
//! functions, and prints the same bytes.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use gomod::bundle::Bundle;
use gomod::gather::{cache_files, project_file_names, CACHE_DOWNLOAD_DIR};

pub const HELP: &str = "\
usage: gomodplay bundle [--modcache DIR] [DIR]

Bundle prints, as one txtar archive, what the playground needs for the whole module graph of the
module or workspace in DIR (default: the current directory): its go.mod, go.sum, go.work,
go.work.sum and vendor/modules.txt, the go.mod and go.sum of the modules go.work uses, and for
every \"/go.mod\" line of those go.sum files the module cache's copy of that go.mod, named as in
GOPROXY layout (PATH/@v/VERSION.mod). Run the go command in DIR first (go mod download, or any
build) so the cache holds them; the ones it lacks are named on stderr.

--modcache is the module cache (GOMODCACHE); by default `go env GOMODCACHE` when go is installed,
else $GOPATH/pkg/mod, else $HOME/go/pkg/mod. The output is what the playground's \"Get the whole
graph\" shell command prints.
";

#[derive(Debug, PartialEq, Eq)]
pub struct Invocation {
    pub dir: PathBuf,
    pub modcache: Option<PathBuf>,
    pub help: bool,
}

/// Parses the arguments after `bundle`; the error is the complete usage message.
pub fn parse(rest: &[OsString]) -> Result<Invocation, String> {
    let usage = |problem: &str| {
        format!("gomodplay: {problem}\nusage: gomodplay bundle [--modcache DIR] [DIR]\n")
    };
    let mut invocation = Invocation {
        dir: PathBuf::from("."),
        modcache: None,
        help: false,
    };
    let mut dir_given = false;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        match text.as_ref() {
            "-h" | "-help" | "--help" => invocation.help = true,
            "--modcache" | "-modcache" => {
                let dir = args
                    .next()
                    .ok_or_else(|| usage("--modcache needs a directory"))?;
                invocation.modcache = Some(PathBuf::from(dir));
            }
            flag if flag.starts_with('-') => match flag.strip_prefix("--modcache=") {
                Some(dir) => invocation.modcache = Some(PathBuf::from(dir)),
                None => return Err(usage(&format!("unknown flag {flag}"))),
            },
            _ if dir_given => return Err(usage("too many directories given")),
            _ => {
                invocation.dir = PathBuf::from(arg);
                dir_given = true;
            }
        }
    }
    Ok(invocation)
}

/// The module cache: `go env GOMODCACHE` when go runs, else `$GOPATH/pkg/mod` (the first
/// entry of GOPATH), else `$HOME/go/pkg/mod`.
fn default_modcache() -> Option<PathBuf> {
    let from_go = Command::new("go")
        .args(["env", "GOMODCACHE"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .filter(|dir| !dir.is_empty());
    if let Some(dir) = from_go {
        return Some(PathBuf::from(dir));
    }
    let gopath = std::env::var_os("GOPATH")
        .and_then(|list| std::env::split_paths(&list).find(|p| !p.as_os_str().is_empty()));
    if let Some(gopath) = gopath {
        return Some(gopath.join("pkg").join("mod"));
    }
    std::env::var_os("HOME").map(|home| Path::new(&home).join("go").join("pkg").join("mod"))
}

/// Reads a file that may be absent; other read errors are failures.
fn read_optional(path: &Path) -> Result<Option<Vec<u8>>, String> {
    if !path.is_file() {
        return Ok(None);
    }
    std::fs::read(path)
        .map(Some)
        .map_err(|e| format!("gomodplay: {}: {e}\n", path.display()))
}

/// The bundle of `dir` with the module cache's go.mod files from `download` (its
/// `cache/download` directory), and the cache files that were not there.
fn gather(dir: &Path, download: &Path) -> Result<(Bundle, Vec<String>), String> {
    let gowork = read_optional(&dir.join("go.work"))?;
    let mut bundle = Bundle::default();
    for name in project_file_names(gowork.as_deref()) {
        if let Some(data) = read_optional(&dir.join(&name))? {
            bundle.insert(name, data);
        }
    }
    let mut missing = Vec::new();
    for name in cache_files(&bundle) {
        match read_optional(&download.join(&name))? {
            Some(data) => bundle.insert(name, data),
            None => missing.push(name),
        }
    }
    Ok((bundle, missing))
}

/// `PATH@VERSION` of a module-cache name `ESCAPED_PATH/@v/ESCAPED_VERSION.mod` (the name itself
/// if it is not one).
fn module_at_version(name: &str) -> String {
    let unescaped = name
        .strip_suffix(".mod")
        .and_then(|rest| rest.split_once("/@v/"))
        .and_then(|(path, version)| {
            Some((
                gomod::path::unescape_path(path).ok()?,
                gomod::path::unescape_version(version).ok()?,
            ))
        });
    match unescaped {
        Some((path, version)) => format!("{path}@{version}"),
        None => name.to_owned(),
    }
}

pub fn run(invocation: Invocation, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    if invocation.help {
        let _ = stdout.write_all(HELP.as_bytes());
        return 0;
    }
    let Some(modcache) = invocation.modcache.or_else(default_modcache) else {
        let _ = stderr.write_all(
            b"gomodplay: no module cache found (go not installed, GOPATH and HOME unset); give --modcache DIR\n",
        );
        return 1;
    };
    let dir = &invocation.dir;
    if !dir.is_dir() {
        let _ = writeln!(stderr, "gomodplay: {}: not a directory", dir.display());
        return 1;
    }
    let (bundle, missing) = match gather(dir, &modcache.join(CACHE_DOWNLOAD_DIR)) {
        Ok(gathered) => gathered,
        Err(message) => {
            let _ = stderr.write_all(message.as_bytes());
            return 1;
        }
    };
    if bundle.files().is_empty() {
        let _ = writeln!(
            stderr,
            "gomodplay: {}: no go.mod, go.sum or go.work",
            dir.display()
        );
        return 1;
    }
    if stdout
        .write_all(&bundle.to_txtar())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return 1;
    }
    if !missing.is_empty() {
        let _ = writeln!(
            stderr,
            "gomodplay: {} go.mod files that go.sum names are not in the module cache {} (run go mod download):",
            missing.len(),
            modcache.display()
        );
        for name in &missing {
            let _ = writeln!(stderr, "\t{}", module_at_version(name));
        }
    }
    0
}
