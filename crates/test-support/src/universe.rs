//! Random module universes for the differential tests against the go command.
//!
//! A universe is a main module (its go.mod, maybe a go.work with more modules), the go.mod files
//! a GOPROXY serves for a set of module versions, and local directories used as replacement
//! targets. Everything comes from a seeded generator so a failing case can be replayed from its
//! seed and printed as a txtar archive.

use std::fmt::Write as _;

use crate::rng::Rng;

/// One module version served by the proxy.
#[derive(Clone, Debug)]
pub struct ProxyModule {
    pub path: String,
    pub version: String,
    pub gomod: String,
    /// Whether the version appears in `@v/list` (pseudo-versions do not).
    pub listed: bool,
}

/// A directory (relative to the directory holding the main go.mod or go.work) with a go.mod.
#[derive(Clone, Debug)]
pub struct LocalDir {
    pub dir: String,
    pub gomod: String,
}

#[derive(Clone, Debug)]
pub struct Universe {
    pub seed: u64,
    /// The main module's go.mod (in single-module mode), or the go.work file's directory's
    /// modules are in `locals` and `work` holds the go.work text.
    pub main_gomod: String,
    pub work: Option<String>,
    pub proxy: Vec<ProxyModule>,
    pub locals: Vec<LocalDir>,
}

impl Universe {
    /// The universe as a txtar archive, for failure reports and for replaying by hand.
    pub fn to_txtar(&self) -> String {
        let mut out = format!("seed {}\n", self.seed);
        if let Some(w) = &self.work {
            let _ = write!(out, "-- go.work --\n{w}");
        } else {
            let _ = write!(out, "-- go.mod --\n{}", self.main_gomod);
        }
        for l in &self.locals {
            let _ = write!(out, "-- {}/go.mod --\n{}", l.dir, l.gomod);
        }
        for m in &self.proxy {
            let unlisted = if m.listed { "" } else { " unlisted" };
            let _ = write!(
                out,
                "-- proxy {}@{}{unlisted} --\n{}",
                m.path, m.version, m.gomod
            );
        }
        out
    }
}

/// Go versions used in generated go lines: below and above the pruning boundary (1.17), below
/// and above the go@/toolchain boundary (1.21), and newer than the running toolchain.
const DEP_GO_LINES: &[Option<&str>] = &[
    None,
    None,
    Some("1.16"),
    Some("1.17"),
    Some("1.17"),
    Some("1.20"),
    Some("1.21"),
    Some("1.21"),
    Some("1.22.3"),
    Some("1.23"),
    Some("1.21rc1"),
    Some("1.25.0"),
];
const MAIN_GO_LINES: &[Option<&str>] = &[
    None,
    Some("1.16"),
    Some("1.17"),
    Some("1.18"),
    Some("1.21"),
    Some("1.22"),
    Some("1.23.4"),
    Some("1.21"),
    Some("1.22rc1"),
    Some("1.20"),
];

/// Lines that make a go.mod unreadable (or, for `go 1.21.4-foo`, readable only laxly).
/// (The first two need a version query in a main go.mod, which is not simulated.)
const BROKEN_LINES: &[&str] = &[
    "require example.com/p0 vbad\n",
    "require example.com/p0 v1.0\n",
    "require example.com/p0\n",
    "module example.com/again\n",
    "go 1.21.4-foo\n",
    "require (\n",
    "require \"example.com/p0 v1.0.0\n",
    "go 1.99\n",
    "require example.com/p0/v2 v1.0.0\n",
];

struct PathPlan {
    path: String,
    versions: Vec<(String, bool)>,
}

fn version_pool(major: u64, incompatible: bool) -> Vec<(String, bool)> {
    let suffix = if incompatible { "+incompatible" } else { "" };
    let mut v: Vec<(String, bool)> = vec![
        (format!("v{major}.0.0{suffix}"), true),
        (format!("v{major}.1.0{suffix}"), true),
        (format!("v{major}.2.0-pre{suffix}"), true),
        (format!("v{major}.2.0{suffix}"), true),
        (format!("v{major}.10.0{suffix}"), true),
        (
            format!("v{major}.2.1-0.20200101000000-abcdefabcdef{suffix}"),
            false,
        ),
    ];
    if major <= 1 && !incompatible {
        v.push(("v0.0.0-20200101000000-abcdefabcdef".to_owned(), false));
        v.push(("v0.1.0".to_owned(), true));
    }
    v
}

/// Generates the universe for `seed`. `work` asks for a go.work universe.
pub fn generate(seed: u64, work: bool) -> Universe {
    let mut rng = Rng::new(seed);
    // Now and then a bigger universe, for deeper graphs.
    let n_paths = if rng.chance(10) {
        10 + rng.below(15)
    } else {
        3 + rng.below(7)
    };
    let mut plans: Vec<PathPlan> = Vec::new();
    for i in 0..n_paths {
        let kind = rng.below(10);
        let (path, major, incompatible) = match kind {
            0 => (format!("example.com/p{i}/v2"), 2, false),
            1 => (format!("example.com/p{i}/v3"), 3, false),
            2 => (format!("example.com/Up{i}"), 1, false),
            3 => (format!("example.com/p{i}"), 2, true),
            _ => (format!("example.com/p{i}"), 1, false),
        };
        let pool = version_pool(major, incompatible);
        let n_versions = 1 + rng.below(4);
        let mut versions: Vec<(String, bool)> = Vec::new();
        for _ in 0..n_versions {
            let v = rng.choose(&pool).clone();
            if !versions.contains(&v) {
                versions.push(v);
            }
        }
        plans.push(PathPlan { path, versions });
    }

    // Rare features are switched on per universe so that most universes still resolve.
    let wrong_path = rng.chance(6);
    let missing_module_line = rng.chance(5);
    let too_new = rng.chance(6);
    let missing_version = rng.chance(6);
    let broken_dep_file = rng.chance(4);
    let requires_main = rng.chance(4);
    let broken_main = rng.chance(6);
    let all_targets: Vec<(String, String)> = plans
        .iter()
        .flat_map(|p| {
            p.versions
                .iter()
                .map(move |(v, _)| (p.path.clone(), v.clone()))
        })
        .collect();

    let pick_req = |rng: &mut Rng| -> (String, String) {
        if missing_version && rng.chance(5) {
            let p = rng.choose(&plans);
            return (p.path.clone(), missing_version_for(&p.path));
        }
        rng.choose(&all_targets).clone()
    };

    let mut proxy: Vec<ProxyModule> = Vec::new();
    for p in &plans {
        for (v, listed) in &p.versions {
            let mut go = *rng.choose(DEP_GO_LINES);
            if too_new && rng.chance(10) {
                go = Some("1.99");
            }
            let module_line = if missing_module_line && rng.chance(15) {
                None
            } else if wrong_path && rng.chance(15) {
                Some(format!("{}x", p.path))
            } else {
                Some(p.path.clone())
            };
            let n_req = rng.below(4);
            let mut reqs = Vec::new();
            for _ in 0..n_req {
                let (rp, rv) = pick_req(&mut rng);
                if rp == p.path && rng.chance(70) {
                    continue;
                }
                reqs.push((rp, rv, rng.chance(30)));
            }
            if requires_main && rng.chance(20) {
                reqs.push(("example.com/main".to_owned(), "v1.0.0".to_owned(), false));
            }
            let mut text = String::new();
            if broken_dep_file && rng.chance(15) {
                let line: &&str = rng.choose(BROKEN_LINES);
                text.push_str(line);
            }
            if let Some(m) = &module_line {
                let _ = writeln!(text, "module {m}");
            }
            if let Some(g) = go {
                let _ = writeln!(text, "\ngo {g}");
            }
            if rng.chance(10) {
                let _ = writeln!(text, "\ntoolchain go1.23.1");
            }
            if !reqs.is_empty() {
                text.push_str("\nrequire (\n");
                for (rp, rv, ind) in &reqs {
                    let c = if *ind { " // indirect" } else { "" };
                    let _ = writeln!(text, "\t{rp} {rv}{c}");
                }
                text.push_str(")\n");
            }
            if rng.chance(10) {
                // Exclude and replace in a dependency are ignored by the go command.
                let (ep, ev) = rng.choose(&all_targets).clone();
                let _ = writeln!(text, "\nexclude {ep} {ev}\nreplace {ep} => {ep} {ev}");
            }
            if rng.chance(12) {
                let _ = writeln!(text, "\nretract {v} // broken");
            }
            if rng.chance(15) {
                // Retractions of other versions; they count only in the latest version's go.mod.
                let (lo, hi) = (
                    rng.choose(&p.versions).0.clone(),
                    rng.choose(&p.versions).0.clone(),
                );
                match rng.below(3) {
                    0 => {
                        let _ = writeln!(text, "\nretract [{lo}, {hi}] // range\n");
                    }
                    1 => {
                        let _ = writeln!(
                            text,
                            "\n// Security problem.\n// Second line.\nretract {lo}\n"
                        );
                    }
                    _ => {
                        let _ = writeln!(text, "\nretract (\n\t{lo}\n\t{hi} // why\n)\n");
                    }
                }
            }
            if rng.chance(8) {
                text = format!("// Deprecated: use something else.\n{text}");
            }
            proxy.push(ProxyModule {
                path: p.path.clone(),
                version: v.clone(),
                gomod: text,
                listed: *listed,
            });
        }
    }

    let mut locals: Vec<LocalDir> = Vec::new();
    let gen_main = |rng: &mut Rng,
                    locals: &mut Vec<LocalDir>,
                    name: &str,
                    dir_prefix: &str,
                    may_replace: bool|
     -> String {
        let mut text = format!("module {name}\n");
        let go = *rng.choose(MAIN_GO_LINES);
        if let Some(g) = go {
            let _ = writeln!(text, "\ngo {g}");
        }
        if rng.chance(15) {
            let _ = writeln!(
                text,
                "\ntoolchain {}",
                rng.choose(&[
                    "go1.21.0",
                    "go1.22.1",
                    "go1.25.0",
                    "default",
                    "go1.21",
                    "go1.23.0-custom"
                ])
            );
        }
        let n_req = 1 + rng.below(5);
        let mut reqs = Vec::new();
        for _ in 0..n_req {
            let (rp, rv) = pick_req(rng);
            reqs.push((rp, rv, rng.chance(30)));
        }
        text.push_str("\nrequire (\n");
        for (rp, rv, ind) in &reqs {
            let c = if *ind { " // indirect" } else { "" };
            let _ = writeln!(text, "\t{rp} {rv}{c}");
        }
        text.push_str(")\n");
        if rng.chance(25) {
            let n = 1 + rng.below(2);
            for _ in 0..n {
                // Mostly exclude versions that are actually required, so that it matters.
                let (ep, ev) = if rng.chance(60) {
                    let (p, v, _) = rng.choose(&reqs).clone();
                    (p, v)
                } else {
                    rng.choose(&all_targets).clone()
                };
                let _ = writeln!(text, "exclude {ep} {ev}");
            }
        }
        if may_replace && rng.chance(35) {
            let n = 1 + rng.below(3);
            let mut olds: Vec<String> = Vec::new();
            for k in 0..n {
                let (op, ov) = rng.choose(&all_targets).clone();
                let specific = rng.chance(50);
                let old = if specific {
                    format!("{op} {ov}")
                } else {
                    op.clone()
                };
                if olds.contains(&old) {
                    continue;
                }
                olds.push(old.clone());
                let target = match rng.below(4) {
                    0 | 1 => {
                        let (np, nv) = rng.choose(&all_targets).clone();
                        format!("{np} {nv}")
                    }
                    2 => {
                        let p = plans
                            .iter()
                            .find(|p| p.path == op)
                            .map(|p| p.versions.clone())
                            .unwrap_or_default();
                        let v = p
                            .first()
                            .map(|(v, _)| v.clone())
                            .unwrap_or_else(|| ov.clone());
                        format!("{op} {v}")
                    }
                    _ => {
                        let dir = format!("{dir_prefix}local{}x{k}", locals.len());
                        if !rng.chance(10) {
                            let mut g = String::new();
                            if rng.chance(80) {
                                let _ = writeln!(g, "module {op}");
                            }
                            if let Some(gl) = rng.choose(DEP_GO_LINES) {
                                let _ = writeln!(g, "\ngo {gl}");
                            }
                            let (rp, rv) = pick_req(rng);
                            let _ = writeln!(g, "\nrequire {rp} {rv}");
                            let rel = dir
                                .trim_start_matches("../")
                                .trim_start_matches("./")
                                .to_owned();
                            locals.push(LocalDir { dir: rel, gomod: g });
                        }
                        dir
                    }
                };
                let _ = writeln!(text, "replace {old} => {target}");
            }
        }
        text
    };

    if work {
        // Only the first module replaces anything: two workspace modules replacing the same
        // module version differently make go print a warning once per internal lookup, a count
        // that is an artefact of its implementation and not simulated.
        let n_mods = 1 + rng.below(3);
        let mut work_text = String::new();
        if let Some(g) = rng.choose(&[
            None,
            Some("1.18"),
            Some("1.21"),
            Some("1.23.4"),
            Some("1.25.0"),
            Some("1.25.0"),
        ]) {
            let _ = writeln!(work_text, "go {g}\n");
        }
        if rng.chance(15) {
            let _ = writeln!(
                work_text,
                "toolchain {}\n",
                rng.choose(&["go1.25.0", "go1.21.3", "default"])
            );
        }
        work_text.push_str("use (\n");
        for i in 0..n_mods {
            let dir = format!("w{i}");
            let gomod = gen_main(
                &mut rng,
                &mut locals,
                &format!("example.com/w{i}"),
                "../",
                i == 0,
            );
            let _ = writeln!(work_text, "\t./{dir}");
            locals.push(LocalDir { dir, gomod });
        }
        if rng.chance(3) {
            // A use directory without a go.mod.
            work_text.push_str("\t./nomodule\n");
        }
        work_text.push_str(")\n");
        if rng.chance(30) {
            let (op, ov) = rng.choose(&all_targets).clone();
            let (np, nv) = rng.choose(&all_targets).clone();
            match rng.below(3) {
                0 => {
                    let _ = writeln!(work_text, "\nreplace {op} => {np} {nv}");
                }
                1 => {
                    let _ = writeln!(work_text, "\nreplace {op} {ov} => {np} {nv}");
                }
                _ => {
                    // A directory replacement in go.work, relative to the go.work directory.
                    let dir = format!("worklocal{}", locals.len());
                    let _ = writeln!(work_text, "\nreplace {op} => ./{dir}");
                    let (rp, rv) = rng.choose(&all_targets).clone();
                    let gomod = format!("module {op}\n\ngo 1.21\n\nrequire {rp} {rv}\n");
                    locals.push(LocalDir { dir, gomod });
                }
            }
        }
        Universe {
            seed,
            main_gomod: String::new(),
            work: Some(work_text),
            proxy,
            locals,
        }
    } else {
        let mut main = gen_main(&mut rng, &mut locals, "example.com/main", "./", true);
        if broken_main {
            main = match rng.below(5) {
                0 => main.replacen("module example.com/main\n", "", 1),
                1 => main.replacen(
                    "module example.com/main\n",
                    "module example.com/main\n\ngo 1.99\n",
                    1,
                ),
                2 => format!("{main}{}", *rng.choose(&BROKEN_LINES[2..])),
                3 => main.replacen("module example.com/main", "module toolchain", 1),
                _ => format!("{main}require example.com/p0/v2 v1.0.0\n"),
            };
        }
        Universe {
            seed,
            main_gomod: main,
            work: None,
            proxy,
            locals,
        }
    }
}

/// A version of `path` that no proxy serves (same major version as the path asks for).
fn missing_version_for(path: &str) -> String {
    match path.rsplit_once("/v") {
        Some((_, n)) if n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty() => {
            format!("v{n}.9.9")
        }
        _ => "v1.9.9".to_owned(),
    }
}

/// The case-encoding of module paths and versions used by the proxy protocol: every upper-case
/// letter becomes `!` and its lower-case form. Written independently of the crate under test, so
/// that the proxies the tests build do not depend on the code they test.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads a universe written as txtar: `go.mod` or `go.work`, `DIR/go.mod` for local
/// directories, `proxy PATH@VERSION [unlisted]` for proxy go.mod files. Sections whose names
/// start with `want` are returned separately.
pub fn from_txtar(text: &str) -> (Universe, String, Vec<(String, String)>) {
    let (comment, sections) = crate::txtar::sections(text);
    let mut u = Universe {
        seed: 0,
        main_gomod: String::new(),
        work: None,
        proxy: Vec::new(),
        locals: Vec::new(),
    };
    let mut wants = Vec::new();
    for (name, body) in sections {
        if name.starts_with("want") {
            wants.push((name, body));
        } else if name == "go.mod" {
            u.main_gomod = body;
        } else if name == "go.work" {
            u.work = Some(body);
        } else if let Some(rest) = name.strip_prefix("proxy ") {
            let (mv, listed) = match rest.strip_suffix(" unlisted") {
                Some(mv) => (mv, false),
                None => (rest, true),
            };
            let (path, version) = mv.split_once('@').unwrap_or((mv, ""));
            u.proxy.push(ProxyModule {
                path: path.to_owned(),
                version: version.to_owned(),
                gomod: body,
                listed,
            });
        } else if let Some(dir) = name.strip_suffix("/go.mod") {
            u.locals.push(LocalDir {
                dir: dir.to_owned(),
                gomod: body,
            });
        }
    }
    (u, comment, wants)
}
