//! Direct comparisons with the go binary (ignored by default: they need `go` and take a while):
//! the shared corpus, and randomly generated go.mod / go.work files.

use super::visible;
use crate::modfile;
use gomod_test_support::rng::Rng;

/// Runs `go <args>` on `data` saved as `file_name` alone in a fresh directory, offline.
/// Returns stdout on success, and on failure stderr without its `go: errors parsing ...` header
/// lines (one for go.mod, two for go.work) if it has them, shown like the golden files.
pub(crate) fn run_go(file_name: &str, data: &[u8], args: &[&str]) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    // The workspace's go oracle, unless GOMODPLAY_GO names another (as in the integration tests).
    let go = std::env::var("GOMODPLAY_GO")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../.venv/bin/go").to_owned());
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("gomod-run-go-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join(file_name), data).expect("write input");
    let out = std::process::Command::new(go)
        .args(args)
        .arg(file_name)
        .current_dir(&dir)
        .env("GOTOOLCHAIN", "local")
        .env("GOWORK", "off")
        .env("GOPROXY", "off")
        .env("GOFLAGS", "")
        .env("GOSUMDB", "off")
        .output()
        .expect("running go");
    let _ = std::fs::remove_dir_all(&dir);
    if out.status.success() {
        return visible(&out.stdout);
    }
    let err = visible(&out.stderr);
    if !err.starts_with("go: errors parsing") {
        // Not a parse error (an edit the go command refused): its whole message.
        return err;
    }
    let header = if file_name == "go.work" { 2 } else { 1 };
    err.split_inclusive('\n').skip(header).collect()
}

/// A small deterministic generator of go.mod-like text: directives, blocks, comments, blank
/// lines and a sprinkling of malformed pieces, to compare this crate with the go binary on
/// inputs nobody wrote by hand.
/// It draws from the tests' one seeded generator (`gomod_test_support::rng`).
pub(super) struct Fuzz(Rng);

impl Fuzz {
    pub(super) fn new(seed: u64) -> Fuzz {
        Fuzz(Rng::new(seed))
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }

    fn path(&mut self) -> String {
        if self.below(8) != 0 {
            return self
                .pick(&[
                    "example.com/a",
                    "example.com/b",
                    "example.com/c",
                    "golang.org/x/text",
                    "\"example.com/q\"",
                    "rsc.io/z",
                ])
                .to_owned();
        }
        self.pick(&[
            "example.com/a/v2",
            "example.com/a/v1",
            "gopkg.in/yaml.v2",
            "\"example.com/a b\"",
            "\"\"",
            "x",
            "example.com/é",
            "a'b",
            "\"bad\\q\"",
            "./dir",
            "../up",
            "/abs",
            "C:/w",
            "example.com/d@v1.0.0",
        ])
        .to_owned()
    }

    fn version(&mut self) -> String {
        if self.below(8) != 0 {
            return self
                .pick(&[
                    "v1.0.0",
                    "v1.2",
                    "v1",
                    "v2.0.0+incompatible",
                    "v1.10.0",
                    "v1.9.0",
                    "v0.0.0-20200101000000-abcdefabcdef",
                    "v1.2.3-pre",
                    "v1.2.3+meta",
                    "\"v1.0.0\"",
                    "v0.1.0",
                ])
                .to_owned();
        }
        self.pick(&["v2.0.0", "master", "1.2.3", "v3.1.0", "latest"])
            .to_owned()
    }

    fn dir(&mut self) -> String {
        self.pick(&["./a", "./b", "../c", "/abs/d", "\"./e f\"", "."])
            .to_owned()
    }

    fn comment(&mut self) -> &'static str {
        [
            "",
            "",
            "",
            " // indirect",
            " //indirect",
            " // indirect; why",
            " // c",
            " // Deprecated: no",
            "// glued",
        ][self.below(9)]
    }

    fn directive_args(&mut self, verb: &str) -> String {
        match verb {
            "module" | "tool" => self.path(),
            "ignore" | "use" => {
                if self.below(6) == 0 {
                    self.path()
                } else {
                    self.dir()
                }
            }
            "go" => self
                .pick(&[
                    "1.21", "1.20", "1.21.0", "1.22rc1", "1.17", "1.21", "v1.21", "1",
                ])
                .to_owned(),
            "toolchain" => self
                .pick(&["go1.21.0", "default", "go1", "1.21", "go1.22.1"])
                .to_owned(),
            "godebug" => self
                .pick(&["a=1", "default=go1.21", "x", "a=b,c", "=v"])
                .to_owned(),
            "require" | "exclude" => {
                if self.below(12) == 0 {
                    self.path()
                } else {
                    format!("{} {}", self.path(), self.version())
                }
            }
            "replace" => match self.below(6) {
                0 => format!("{} => {}", self.path(), self.path()),
                1 => format!("{} {} => {}", self.path(), self.version(), self.dir()),
                5 => format!("{} => {}", self.path(), self.dir()),
                2 => format!("{} => {} {}", self.path(), self.path(), self.version()),
                3 => format!(
                    "{} {} => {} {}",
                    self.path(),
                    self.version(),
                    self.path(),
                    self.version()
                ),
                _ => format!("{} {}", self.path(), self.path()),
            },
            "retract" => match self.below(4) {
                0 => format!("[{}, {}]", self.version(), self.version()),
                1 => format!("[ {} ,{} ]", self.version(), self.version()),
                2 => format!("{} extra", self.version()),
                _ => self.version(),
            },
            _ => self.path(),
        }
    }

    fn file(&mut self, work: bool) -> Vec<u8> {
        let verbs: &[&str] = if work {
            &[
                "go",
                "toolchain",
                "godebug",
                "use",
                "use",
                "replace",
                "replace",
                "require",
            ]
        } else {
            &[
                "module",
                "go",
                "toolchain",
                "godebug",
                "require",
                "require",
                "require",
                "exclude",
                "exclude",
                "replace",
                "replace",
                "retract",
                "retract",
                "tool",
                "ignore",
                "foo",
            ]
        };
        let mut out = String::new();
        let mut used: Vec<&str> = Vec::new();
        for _ in 0..1 + self.below(7) {
            if self.below(4) == 0 {
                out.push_str("// note\n");
            }
            if self.below(3) == 0 {
                out.push('\n');
            }
            let mut verb = self.pick(verbs);
            // Mostly avoid what is certainly an error: a repeated singleton or an unknown verb.
            while (used.contains(&verb) && matches!(verb, "module" | "go" | "toolchain")
                || verb == "foo"
                || verb == "require" && work)
                && self.below(10) != 0
            {
                verb = self.pick(verbs);
            }
            used.push(verb);
            if self.below(3) == 0 && !matches!(verb, "go" | "toolchain") {
                out.push_str(verb);
                out.push_str(if self.below(6) == 0 {
                    " ( // open\n"
                } else {
                    " (\n"
                });
                for _ in 0..self.below(6) {
                    if self.below(5) == 0 {
                        out.push('\n');
                    }
                    if self.below(6) == 0 {
                        out.push_str("\t// line note\n");
                    }
                    let args = self.directive_args(verb);
                    let indent = if self.below(5) == 0 { "    " } else { "\t" };
                    out.push_str(&format!("{indent}{args}{}\n", self.comment()));
                }
                if self.below(6) == 0 {
                    out.push_str("\t// before paren\n");
                }
                out.push_str(if self.below(6) == 0 {
                    ") // close\n"
                } else {
                    ")\n"
                });
            } else {
                let args = self.directive_args(verb);
                out.push_str(&format!("{verb} {args}{}\n", self.comment()));
            }
        }
        let mut bytes = out.into_bytes();
        if self.below(8) == 0 {
            // CRLF line endings.
            bytes = bytes
                .iter()
                .flat_map(|&b| {
                    if b == b'\n' {
                        vec![b'\r', b'\n']
                    } else {
                        vec![b]
                    }
                })
                .collect();
        }
        if self.below(16) == 0 {
            let at = self.below(bytes.len() + 1);
            let junk: &[u8] =
                [&b"\x0b"[..], b"\xff", b"/*", b"\"", b"(", b")", b"\n)"][self.below(7)];
            bytes.splice(at..at, junk.iter().copied());
        }
        bytes
    }
}

/// Compares `-fmt` and `-json` of generated go.mod and go.work files with the go binary.
/// `GOMOD_FUZZ_CASES` sets the number of files of each kind (default 200), `GOMOD_FUZZ_SEED`
/// the first seed (default 1).
#[test]
#[ignore = "needs the go binary: cargo test -p gomod -- --ignored random_differential"]
fn random_differential() {
    let n: u64 = std::env::var("GOMOD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let mut failures = Vec::new();
    let mut parsed = 0;
    let first: u64 = std::env::var("GOMOD_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    for seed in first..first.saturating_add(n) {
        for work in [false, true] {
            let mut fuzz = Fuzz::new(seed);
            let data = fuzz.file(work);
            let (name, verb) = if work {
                ("go.work", "work")
            } else {
                ("go.mod", "mod")
            };
            let (fmt, json) = if work {
                (
                    crate::workfile::format(name, &data),
                    crate::workfile::edit_json(name, &data),
                )
            } else {
                (
                    modfile::format(name, &data),
                    modfile::edit_json(name, &data),
                )
            };
            parsed += usize::from(fmt.is_ok());
            let fmt = fmt
                .map(|b| visible(&b))
                .unwrap_or_else(|e| format!("{}\n", visible(&e.to_bytes())));
            let json = json.unwrap_or_else(|e| format!("{}\n", visible(&e.to_bytes())));
            let want_fmt = run_go(name, &data, &[verb, "edit", "-fmt", "-print"]);
            if fmt != want_fmt {
                failures.push(format!(
                    "seed {seed} {name} -fmt\n--- input\n{}--- want\n{want_fmt}--- got\n{fmt}",
                    visible(&data)
                ));
            }
            let want_json = run_go(name, &data, &[verb, "edit", "-json"]);
            if json != want_json {
                failures.push(format!(
                    "seed {seed} {name} -json\n--- input\n{}--- want\n{want_json}--- got\n{json}",
                    visible(&data)
                ));
            }
        }
    }
    eprintln!("{} generated files, {parsed} without errors", 2 * n);
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Random `go mod edit` flags (always well-formed as flags, so that the command gets as far as
/// editing) for [`random_edit_differential`].
fn edit_flags(fuzz: &mut Fuzz) -> String {
    let paths = [
        "example.com/a",
        "example.com/b",
        "example.com/c",
        "example.com/q",
        "rsc.io/z",
    ];
    let versions = [
        "v1.0.0",
        "v1.1.0",
        "v1.2.0",
        "v1.10.0",
        "v1.2",
        "v2.0.0+incompatible",
        "master",
    ];
    let dirs = ["./a", "../b", "/abs/c"];
    let mut flags = Vec::new();
    for _ in 0..1 + fuzz.below(5) {
        let p = paths[fuzz.below(paths.len())];
        let q = paths[fuzz.below(paths.len())];
        let v = versions[fuzz.below(versions.len())];
        let w = versions[fuzz.below(3)];
        let dir = dirs[fuzz.below(dirs.len())];
        let flag = match fuzz.below(20) {
            0 | 1 => format!("-require={p}@{w}"),
            2 => format!("-droprequire={p}"),
            3 => format!("-exclude={p}@{v}"),
            4 => format!("-dropexclude={p}@{w}"),
            5 => format!("-replace={p}={dir}"),
            6 => format!("-replace={p}@{w}={q}@{w}"),
            7 => format!("-dropreplace={p}"),
            8 => format!("-dropreplace={p}@{w}"),
            9 => format!("-retract={v}"),
            10 => format!("-retract=[{w},{}]", versions[fuzz.below(3)]),
            11 => format!("-dropretract={w}"),
            12 => format!("-godebug={}={}", ["a", "b"][fuzz.below(2)], fuzz.below(3)),
            13 => format!("-dropgodebug={}", ["a", "b"][fuzz.below(2)]),
            14 => format!("-tool={p}"),
            15 => format!("-droptool={p}"),
            16 => format!("-ignore={dir}"),
            17 => format!("-go={}", ["1.21", "1.22.0", "none", "1.20"][fuzz.below(4)]),
            18 => format!(
                "-toolchain={}",
                ["go1.22.0", "none", "default"][fuzz.below(3)]
            ),
            _ => format!("-module={q}"),
        };
        flags.push(flag);
    }
    flags.push(
        if fuzz.below(4) == 0 {
            "-json"
        } else {
            "-print"
        }
        .to_owned(),
    );
    flags.join(" ")
}

/// Replays random `go mod edit` flag sets on generated go.mod files and compares the printed
/// file (or JSON, or error) with the go binary. `GOMOD_FUZZ_CASES` / `GOMOD_FUZZ_SEED` as in
/// [`random_differential`].
#[test]
#[ignore = "needs the go binary: cargo test -p gomod -- --ignored random_edit_differential"]
fn random_edit_differential() {
    let n: u64 = std::env::var("GOMOD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let first: u64 = std::env::var("GOMOD_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let mut failures = Vec::new();
    let mut edited = 0;
    for seed in first..first.saturating_add(n) {
        let mut fuzz = Fuzz::new(seed);
        let data = fuzz.file(false);
        if modfile::parse("go.mod", &data).is_err() {
            continue;
        }
        edited += 1;
        let flags = edit_flags(&mut fuzz);
        let mut case = format!("# {flags}\n").into_bytes();
        case.extend_from_slice(&data);
        let got = super::edit_flags::render_mod_edit("random", &case);
        let mut args = vec!["mod", "edit"];
        args.extend(flags.split(' '));
        let want = run_go("go.mod", &data, &args);
        if got != want {
            failures.push(format!(
                "seed {seed}: go mod edit {flags}\n--- input\n{}--- want\n{want}--- got\n{got}",
                visible(&data)
            ));
        }
    }
    eprintln!("{edited} generated files edited");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Random `go work edit` flags for [`random_work_edit_differential`].
fn work_edit_flags(fuzz: &mut Fuzz) -> String {
    let paths = ["example.com/a", "example.com/b", "example.com/q"];
    let dirs = ["./a", "./b", "../c", "/abs/d", "."];
    let versions = ["v1.0.0", "v1.1.0"];
    let mut flags = Vec::new();
    for _ in 0..1 + fuzz.below(5) {
        let p = paths[fuzz.below(paths.len())];
        let dir = dirs[fuzz.below(dirs.len())];
        let v = versions[fuzz.below(versions.len())];
        let flag = match fuzz.below(10) {
            0 | 1 => format!("-use={dir}"),
            2 => format!("-dropuse={dir}"),
            3 => format!("-replace={p}={dir}"),
            4 => format!("-replace={p}@{v}={}@{v}", paths[fuzz.below(paths.len())]),
            5 => format!("-dropreplace={p}"),
            6 => format!("-godebug={}={}", ["a", "b"][fuzz.below(2)], fuzz.below(3)),
            7 => format!("-dropgodebug={}", ["a", "b"][fuzz.below(2)]),
            8 => format!("-go={}", ["1.22", "1.23.0", "none"][fuzz.below(3)]),
            _ => format!("-toolchain={}", ["go1.23.1", "none"][fuzz.below(2)]),
        };
        flags.push(flag);
    }
    flags.push(
        if fuzz.below(4) == 0 {
            "-json"
        } else {
            "-print"
        }
        .to_owned(),
    );
    flags.join(" ")
}

/// Like [`random_edit_differential`] for go.work files and `go work edit`.
#[test]
#[ignore = "needs the go binary: cargo test -p gomod -- --ignored random_work_edit_differential"]
fn random_work_edit_differential() {
    let n: u64 = std::env::var("GOMOD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let first: u64 = std::env::var("GOMOD_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let mut failures = Vec::new();
    let mut edited = 0;
    for seed in first..first.saturating_add(n) {
        let mut fuzz = Fuzz::new(seed);
        let data = fuzz.file(true);
        if crate::workfile::parse("go.work", &data).is_err() {
            continue;
        }
        edited += 1;
        let flags = work_edit_flags(&mut fuzz);
        let mut case = format!("# {flags}\n").into_bytes();
        case.extend_from_slice(&data);
        let got = crate::workfile::tests::render_work_edit("random", &case);
        let mut args = vec!["work", "edit"];
        args.extend(flags.split(' '));
        let want = run_go("go.work", &data, &args);
        if got != want {
            failures.push(format!(
                "seed {seed}: go work edit {flags}\n--- input\n{}--- want\n{want}--- got\n{got}",
                visible(&data)
            ));
        }
    }
    eprintln!("{edited} generated files edited");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
