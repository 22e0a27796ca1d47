//! A generated universe of dependency modules for the go.sum oracle: module paths with upper-case
//! letters (so the proxy's case escaping matters), several versions per path (pre-releases with
//! upper-case letters, pseudo-versions, major-version suffixes), random requirements between them,
//! and go.mod files whose bytes vary in every way the hash must not care about: comments, CRLF,
//! odd spacing, quoting, ignored directives, non-ASCII text and a missing final newline.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::rng::Rng;

/// One module version of the universe.
pub struct GenModule {
    pub path: String,
    pub version: String,
    pub requires: Vec<(String, String)>,
    pub gomod: Vec<u8>,
}

pub struct Universe {
    /// Module versions keyed by (path, version).
    pub modules: BTreeMap<(String, String), GenModule>,
    /// The main module's requirements: the highest version of every path.
    pub main_requires: Vec<(String, String)>,
}

impl Universe {
    pub fn generate(rng: &mut Rng, path_count: usize) -> Universe {
        let mut versions_by_path: Vec<(String, Vec<String>)> = Vec::new();
        for i in 0..path_count {
            let (path, major) = module_path(rng, i);
            let mut versions = BTreeSet::new();
            let wanted = 1 + rng.below(3);
            while versions.len() < wanted {
                versions.insert(version(rng, major));
            }
            versions_by_path.push((path, versions.into_iter().collect()));
        }

        let mut modules = BTreeMap::new();
        for (index, (path, versions)) in versions_by_path.iter().enumerate() {
            for version in versions {
                let mut requires = Vec::new();
                for _ in 0..rng.below(4) {
                    let other = rng.below(versions_by_path.len());
                    if other == index {
                        continue;
                    }
                    let (other_path, other_versions) = &versions_by_path[other];
                    requires.push((other_path.clone(), rng.choose(other_versions).clone()));
                }
                let gomod = render_gomod(rng, path, &requires);
                modules.insert(
                    (path.clone(), version.clone()),
                    GenModule {
                        path: path.clone(),
                        version: version.clone(),
                        requires,
                        gomod,
                    },
                );
            }
        }
        // The main module requires the highest version of every path, so the go command has no
        // reason to raise a requirement (which would rewrite go.mod and change the graph).
        let main_requires = versions_by_path
            .iter()
            .filter_map(|(path, versions)| {
                let highest = versions
                    .iter()
                    .max_by(|a, b| gomod::version::semver::compare(a, b))?;
                Some((path.clone(), highest.clone()))
            })
            .collect();
        Universe {
            modules,
            main_requires,
        }
    }

    /// Every module version reachable from the main module. With an unpruned main module (go 1.16)
    /// the go command reads the go.mod file of each of them, so each gets a `/go.mod` line.
    pub fn reachable(&self) -> BTreeSet<(String, String)> {
        let mut seen = BTreeSet::new();
        let mut queue: VecDeque<(String, String)> = self.main_requires.iter().cloned().collect();
        while let Some(key) = queue.pop_front() {
            if !seen.insert(key.clone()) {
                continue;
            }
            if let Some(module) = self.modules.get(&key) {
                queue.extend(module.requires.iter().cloned());
            }
        }
        seen
    }

    /// The main module's go.mod (go 1.16, so the module graph is not pruned).
    pub fn main_gomod(&self) -> String {
        let mut text = String::from("module example.com/main\n\ngo 1.16\n\nrequire (\n");
        for (path, version) in &self.main_requires {
            text.push_str(&format!("\t{path} {version}\n"));
        }
        text.push_str(")\n");
        text
    }
}

const HOSTS: &[&str] = &[
    "example.com",
    "github.com",
    "golang.example.org",
    "go.example.net",
];
const ELEMENTS: &[&str] = &[
    "Acme",
    "acme",
    "MixedCase",
    "lower",
    "Q",
    "x-y",
    "a.b",
    "under_score",
    "tilde~x",
    "ZZtop",
];

/// A module path `host/Element/m<i>` (upper case in places), sometimes with a `/vN` suffix; returns
/// the path and its major version.
fn module_path(rng: &mut Rng, index: usize) -> (String, u64) {
    let host = rng.choose(HOSTS);
    let element = rng.choose(ELEMENTS);
    let leaf = if rng.chance(30) {
        format!("M{index}")
    } else {
        format!("m{index}")
    };
    if rng.chance(15) {
        let major = 2 + rng.below(3) as u64;
        (format!("{host}/{element}/{leaf}/v{major}"), major)
    } else {
        (format!("{host}/{element}/{leaf}"), rng.below(2) as u64)
    }
}

fn version(rng: &mut Rng, major: u64) -> String {
    if rng.chance(10) {
        let hex: String = (0..12)
            .map(|_| char::from(b"0123456789abcdef"[rng.below(16)]))
            .collect();
        return format!(
            "v{major}.0.0-2020{:02}{:02}120000-{hex}",
            1 + rng.below(12),
            1 + rng.below(28)
        );
    }
    let pre = *rng.choose(&[
        "", "", "", "", "-rc.1", "-RC1", "-Beta.2", "-alpha", "-pre.10",
    ]);
    format!("v{major}.{}.{}{pre}", rng.below(12), rng.below(12))
}

/// go.mod text for a dependency: always a valid module line for `path` and its requirements, with
/// everything around them varied.
fn render_gomod(rng: &mut Rng, path: &str, requires: &[(String, String)]) -> Vec<u8> {
    let mut lines: Vec<String> = Vec::new();
    if rng.chance(25) {
        lines.push(
            (*rng.choose(&[
                "// Modulé généré ✓",
                "// コメント",
                "// plain comment",
                "//no space",
            ]))
            .to_owned(),
        );
    }
    let module_line = match rng.below(5) {
        0 => format!("module {path}"),
        1 => format!("module\t{path}   "),
        2 => format!("module \"{path}\""),
        3 => format!("module {path} // trailing comment ünï"),
        _ => format!("module    {path}\t"),
    };
    lines.push(module_line);
    if rng.chance(50) {
        lines.push(String::new());
    }
    let go_line = *rng.choose(&[
        "",
        "",
        "go 1.12",
        "go 1.16",
        "go 1.17",
        "go 1.21",
        "go 1.22.3",
        "go  1.20 // go",
    ]);
    if !go_line.is_empty() {
        lines.push(go_line.to_owned());
    }
    if rng.chance(15) {
        lines.push(
            (*rng.choose(&[
                "toolchain go1.22.1",
                "exclude example.com/never v1.0.0",
                "replace example.com/never => ./never",
                "godebug default=go1.21",
                "retract v0.0.1 // oops",
            ]))
            .to_owned(),
        );
    }
    if !requires.is_empty() {
        if rng.chance(50) {
            lines.push(String::new());
            lines.push(if rng.chance(50) {
                "require (".to_owned()
            } else {
                "require(".to_owned()
            });
            for (p, v) in requires {
                let comment = if rng.chance(30) { " // indirect" } else { "" };
                let quoted = if rng.chance(20) {
                    format!("\"{p}\"")
                } else {
                    p.clone()
                };
                lines.push(format!(
                    "{}{quoted}{}{v}{comment}",
                    rng.choose(&["\t", "  ", "", "\t\t"]),
                    rng.choose(&[" ", "\t", "   "])
                ));
            }
            lines.push(")".to_owned());
        } else {
            for (p, v) in requires {
                lines.push(format!("require{}{p} {v}", rng.choose(&[" ", "\t", "  "])));
            }
        }
    }
    if rng.chance(20) {
        lines.push("// trailing text — fin".to_owned());
    }
    let mut text = String::new();
    let newline = if rng.chance(30) { "\r\n" } else { "\n" };
    let count = lines.len();
    for (i, line) in lines.into_iter().enumerate() {
        text.push_str(&line);
        if rng.chance(10) {
            text.push_str(" \t");
        }
        let last = i + 1 == count;
        if !last || !rng.chance(25) {
            text.push_str(newline);
        }
    }
    text.into_bytes()
}
