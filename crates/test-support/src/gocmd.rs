//! Running the real go command (located by `go.rs`) as the oracle for the go.mod/go.work
//! differential tests. Every call runs inside a scratch directory that holds only the file under
//! test, so the answer depends on nothing but the file's bytes and its name.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::go;
use crate::scratch;

pub use scratch::{write, Scratch};

pub use go::{go_command, workspace_root};

/// What one go (or gomodplay) process printed and how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The exit code, or -1 when the process was killed by a signal.
    pub status: i32,
}

/// One go invocation: `file_name` with `data` is written into a scratch directory, then
/// `go <args>` runs with that directory as its working directory.
#[derive(Clone, Debug)]
pub struct Job {
    pub file_name: String,
    pub data: Vec<u8>,
    pub args: Vec<String>,
}

/// The go version line (`go version go1.27.3 linux/amd64`), for test logs.
pub fn go_version() -> String {
    match go_command().arg("version").output() {
        Ok(out) => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Err(err) => format!("(go version failed: {err})"),
    }
}

/// Captures a finished process.
pub fn capture(cmd: &mut Command) -> Output {
    match cmd.output() {
        Ok(out) => Output {
            stdout: out.stdout,
            stderr: out.stderr,
            status: out.status.code().unwrap_or(-1),
        },
        Err(err) => panic!("cannot run {cmd:?}: {err}"),
    }
}

/// Runs one job in `dir` with the go command.
pub fn run_job_in(dir: &Path, job: &Job) -> Output {
    run_program_in(dir, job, go_command)
}

/// Runs one job in `dir` with the program `command` makes (go, or the gomodplay binary); the job's
/// file is written first and removed afterwards.
pub fn run_program_in(dir: &Path, job: &Job, command: fn() -> Command) -> Output {
    let file = dir.join(&job.file_name);
    if let Some(parent) = file.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    std::fs::write(&file, &job.data)
        .unwrap_or_else(|err| panic!("cannot write {}: {err}", file.display()));
    // A shell sets PWD; Go's os.Getwd (and so go's error headers) looks at it.
    let out = capture(command().args(&job.args).current_dir(dir).env("PWD", dir));
    let _ = std::fs::remove_file(&file);
    out
}

/// How many go processes to run at once: two by default (the machine's budget), or
/// `GOMODPLAY_JOBS`.
pub fn parallelism() -> usize {
    std::env::var("GOMODPLAY_JOBS")
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or(2)
}

/// Runs every job with go on a few worker threads (each with its own scratch directory) and
/// returns the outputs in job order.
pub fn run_jobs(jobs: &[Job]) -> Vec<Output> {
    run_jobs_with(jobs, go_command)
}

/// Like [`run_jobs`], with the program `command` makes.
pub fn run_jobs_with(jobs: &[Job], command: fn() -> Command) -> Vec<Output> {
    run_parallel(jobs, |dir, job| run_program_in(dir, job, command))
}

/// Runs `work` on every item on [`parallelism`] worker threads, each with its own scratch
/// directory, and returns the results in item order.
pub fn run_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&Path, &T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..parallelism().min(items.len().max(1)) {
            scope.spawn(|| {
                let dir = Scratch::new("go");
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(item) = items.get(i) else { break };
                    let out = work(&dir.root, item);
                    results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(out);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(|out| out.unwrap_or_else(|| panic!("a parallel job produced no result")))
        .collect()
}

/// Shows bytes the way Go's %q would, so that control characters and invalid UTF-8 are visible.
pub fn escape(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() || c == '\u{feff}' => {
                    out.push_str(&format!("\\u{{{:x}}}", c as u32))
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out.push('"');
    out
}

/// Which of the two formats a file is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Mod,
    Work,
}

impl Kind {
    /// The go subcommand that edits this kind of file (`mod` / `work`).
    pub fn subcommand(self) -> &'static str {
        match self {
            Kind::Mod => "mod",
            Kind::Work => "work",
        }
    }

    pub fn default_name(self) -> &'static str {
        match self {
            Kind::Mod => "go.mod",
            Kind::Work => "go.work",
        }
    }
}

/// `go {mod|work} edit -fmt -print NAME` with the file written as `name` in a scratch directory.
pub fn fmt_job(kind: Kind, name: &str, data: &[u8]) -> Job {
    Job {
        file_name: name.to_string(),
        data: data.to_vec(),
        args: vec![
            kind.subcommand().into(),
            "edit".into(),
            "-fmt".into(),
            "-print".into(),
            name.into(),
        ],
    }
}

/// `go {mod|work} edit -json NAME`.
pub fn json_job(kind: Kind, name: &str, data: &[u8]) -> Job {
    Job {
        file_name: name.to_string(),
        data: data.to_vec(),
        args: vec![
            kind.subcommand().into(),
            "edit".into(),
            "-json".into(),
            name.into(),
        ],
    }
}

/// What go prints for a file that does not parse, given a relative file name (which go's
/// `ShortPath` leaves alone): the header, go.work's extra line, and the error list, byte for byte
/// (`ErrorList::to_bytes` keeps invalid UTF-8 copied from the input, as go does).
pub fn parse_failure(kind: Kind, name: &str, errors: &gomod::syntax::ErrorList) -> Output {
    let mut stderr = match kind {
        Kind::Mod => format!("go: errors parsing {name}:\n").into_bytes(),
        Kind::Work => format!("go: errors parsing {name}:\nerrors parsing go.work:\n").into_bytes(),
    };
    stderr.extend_from_slice(&errors.to_bytes());
    stderr.push(b'\n');
    Output {
        stdout: Vec::new(),
        stderr,
        status: 1,
    }
}

fn success(stdout: Vec<u8>) -> Output {
    Output {
        stdout,
        stderr: Vec::new(),
        status: 0,
    }
}

/// The library's answer to `fmt_job(kind, name, data)`.
pub fn library_fmt(kind: Kind, name: &str, data: &[u8]) -> Output {
    let result = match kind {
        Kind::Mod => gomod::modfile::format(name, data),
        Kind::Work => gomod::workfile::format(name, data),
    };
    match result {
        Ok(out) => success(out),
        Err(errors) => parse_failure(kind, name, &errors),
    }
}

/// The library's answer to `json_job(kind, name, data)`: `edit_json` is parse, SortBlocks, Cleanup
/// and `to_edit_json`, the same steps as `go mod edit -json`.
pub fn library_json(kind: Kind, name: &str, data: &[u8]) -> Output {
    let result = match kind {
        Kind::Mod => gomod::modfile::edit_json(name, data),
        Kind::Work => gomod::workfile::edit_json(name, data),
    };
    match result {
        Ok(text) => success(text.into_bytes()),
        Err(errors) => parse_failure(kind, name, &errors),
    }
}

/// Recognises differences with a known cause, so that the report can group them.
pub fn known_cause(go: &Output, ours: &Output) -> Option<&'static str> {
    let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let same_when_lossy = go.status == ours.status
        && go.stdout == ours.stdout
        && lossy(&go.stderr) == lossy(&ours.stderr);
    same_when_lossy.then_some("invalid UTF-8 shown as U+FFFD in an error message")
}

/// A readable side-by-side account of two outputs that should have been equal.
pub fn describe_difference(go: &Output, ours: &Output) -> String {
    let mut text = String::new();
    if go.status != ours.status {
        text.push_str(&format!(
            "  exit status: go {} / ours {}\n",
            go.status, ours.status
        ));
    }
    for (what, a, b) in [
        ("stdout", &go.stdout, &ours.stdout),
        ("stderr", &go.stderr, &ours.stderr),
    ] {
        if a != b {
            text.push_str(&format!(
                "  {what} differs:\n    go:   {}\n    ours: {}\n",
                escape(a),
                escape(b)
            ));
            if let Some(line) = first_differing_line(a, b) {
                text.push_str(&format!("    first difference on line {line}\n"));
            }
        }
    }
    text
}

fn first_differing_line(a: &[u8], b: &[u8]) -> Option<usize> {
    let mut la = a.split(|&c| c == b'\n');
    let mut lb = b.split(|&c| c == b'\n');
    let mut n = 1;
    loop {
        match (la.next(), lb.next()) {
            (None, None) => return None,
            (x, y) if x != y => return Some(n),
            _ => n += 1,
        }
    }
}

/// Saves a failing case where a person can pick it up, and returns the path.
pub fn save_case(label: &str, seed: u64, index: usize, name: &str, data: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gomodplay-mismatch-{label}-{seed:#x}-{index}"));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    let _ = std::fs::write(&path, data);
    path
}

/// The `h1:` hash go records in go.sum for each of `files` used as a module's go.mod.
///
/// Each file is served from a file-system GOPROXY as `example.com/oracle/m<i>@v1.0.0`'s go.mod and
/// one `go mod download -json` asks for all of them. go hashes the .mod file before it looks at
/// it (and before it fails on the missing zip), so `GoModSum` is reported for any bytes, even a file
/// that does not parse or declares another module path.
pub fn go_mod_sums(files: &[Vec<u8>]) -> Vec<String> {
    let dir = Scratch::new("sum");
    let proxy = dir.root.join("proxy");
    let mut args: Vec<String> = vec!["mod".into(), "download".into(), "-json".into()];
    for (i, data) in files.iter().enumerate() {
        let at = proxy.join(format!("example.com/oracle/m{i}/@v"));
        let written = std::fs::create_dir_all(&at)
            .and_then(|()| std::fs::write(at.join("v1.0.0.info"), b"{\"Version\":\"v1.0.0\"}\n"))
            .and_then(|()| std::fs::write(at.join("v1.0.0.mod"), data));
        if let Err(err) = written {
            panic!("cannot build the test proxy in {}: {err}", at.display());
        }
        args.push(format!("example.com/oracle/m{i}@v1.0.0"));
    }
    let out = capture(
        go_command()
            .args(&args)
            .current_dir(&dir.root)
            .env("GOPROXY", format!("file://{}", proxy.display()))
            .env("GOMODCACHE", dir.root.join("modcache"))
            .env("GOPATH", dir.root.join("gopath"))
            .env("GOFLAGS", "-modcacherw"),
    );
    // The JSON stream has one object per module, in request order, each with a `"Path"` line and
    // (for every module here) a `"GoModSum"` line.
    let text = String::from_utf8_lossy(&out.stdout);
    let mut sums = vec![String::new(); files.len()];
    let mut current: Option<usize> = None;
    for line in text.lines() {
        let line = line.trim();
        if let Some(path) = json_string_field(line, "Path") {
            current = path
                .strip_prefix("example.com/oracle/m")
                .and_then(|n| n.parse().ok());
        } else if let (Some(sum), Some(i)) = (json_string_field(line, "GoModSum"), current) {
            if let Some(slot) = sums.get_mut(i) {
                *slot = sum.to_string();
            }
        }
    }
    if let Some(i) = sums.iter().position(String::is_empty) {
        panic!(
            "go reported no GoModSum for case {i}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    sums
}

/// The value of a one-line JSON string field `"name": "value",` (no escapes needed here).
fn json_string_field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let rest = line
        .strip_prefix('"')?
        .strip_prefix(name)?
        .strip_prefix("\": \"")?;
    rest.trim_end_matches(',').strip_suffix('"')
}
