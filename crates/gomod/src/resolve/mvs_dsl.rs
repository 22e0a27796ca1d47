//! Scenario tests for the generic MVS engine in a compact language of our own.
//!
//! A scenario file in `testdata/resolve/mvs/` describes a world and asks questions about it:
//!
//! ```text
//! # comment
//! A1: B1 C2          module A at version 1 requires B1 and C2 (a module mentioned only on the
//!                    right-hand side exists with no requirements)
//! broken D3          loading D3's requirements fails with the error "broken"
//! build A1: A1 B1 C2 D4              the build list of target A1
//! req A1 B C: B1 C2                  mvs.Req(A1, base=[B C])
//! upgrade* A1: ...                   upgrade every module to its latest version
//! upgrade A1 C3 E1: ...              upgrade C to 3 and E to 1
//! downgrade A1 D2: ...               downgrade D to 2 (`Dnone` removes D)
//! build A1: error A1 -> B1 -> D3: broken     a failure with its requirement chain
//! ```
//!
//! Paths are upper-case letters, versions decimal numbers compared numerically; `none` is lower
//! than any version. "Latest" and "previous" are over the versions that appear in the file. The
//! expected answers are worked out by hand from the algorithm of cmd/go/internal/mvs/mvs.go, never pasted from our
//! own output.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use super::mvs::{self, BuildListError, Reqs, NONE};
use crate::modfile::ModuleVersion;

fn cmp_dsl(_path: &str, a: &str, b: &str) -> Ordering {
    fn key(v: &str) -> (u8, u64) {
        match v {
            NONE => (0, 0),
            "" => (2, 0),
            n => (1, n.parse().unwrap_or(0)),
        }
    }
    key(a).cmp(&key(b))
}

fn parse_mod(tok: &str) -> Result<ModuleVersion, String> {
    let split = tok
        .find(|c: char| !c.is_ascii_uppercase())
        .ok_or_else(|| format!("bad module {tok:?}"))?;
    let (path, version) = tok.split_at(split);
    if path.is_empty() || !(version == NONE || version.bytes().all(|b| b.is_ascii_digit())) {
        return Err(format!("bad module {tok:?}"));
    }
    Ok(ModuleVersion::new(path, version))
}

fn show(m: &ModuleVersion) -> String {
    format!("{}{}", m.path, m.version)
}

#[derive(Default)]
struct World {
    reqs: BTreeMap<ModuleVersion, Vec<ModuleVersion>>,
    broken: BTreeMap<ModuleVersion, String>,
    versions: BTreeMap<String, BTreeSet<u64>>,
}

impl World {
    fn note(&mut self, m: &ModuleVersion) {
        if let Ok(n) = m.version.parse() {
            self.versions.entry(m.path.clone()).or_default().insert(n);
        }
    }
}

impl Reqs for World {
    type Error = String;
    fn compare(&self, path: &str, a: &str, b: &str) -> Ordering {
        cmp_dsl(path, a, b)
    }
    fn required(&mut self, m: &ModuleVersion) -> Result<Vec<ModuleVersion>, String> {
        if let Some(e) = self.broken.get(m) {
            return Err(e.clone());
        }
        Ok(self.reqs.get(m).cloned().unwrap_or_default())
    }
    fn upgrade(&mut self, m: &ModuleVersion) -> Result<ModuleVersion, String> {
        let latest = self
            .versions
            .get(&m.path)
            .and_then(|vs| vs.iter().next_back())
            .map(u64::to_string);
        Ok(ModuleVersion::new(
            m.path.clone(),
            latest.unwrap_or_else(|| m.version.clone()),
        ))
    }
    fn previous(&mut self, m: &ModuleVersion) -> Result<ModuleVersion, String> {
        let cur: u64 = m.version.parse().unwrap_or(0);
        let prev = self
            .versions
            .get(&m.path)
            .and_then(|vs| vs.range(..cur).next_back())
            .map(u64::to_string);
        Ok(ModuleVersion::new(
            m.path.clone(),
            prev.unwrap_or_else(|| NONE.to_owned()),
        ))
    }
}

fn render(result: Result<Vec<ModuleVersion>, BuildListError<String>>) -> String {
    match result {
        Ok(list) => list.iter().map(show).collect::<Vec<_>>().join(" "),
        Err(e) => {
            let chain: Vec<String> = e.stack.iter().map(|s| show(&s.module)).collect();
            format!("error {}: {}", chain.join(" -> "), e.err)
        }
    }
}

/// Runs one scenario file; returns the list of mismatches.
fn run(text: &str) -> Result<Vec<String>, String> {
    let mut world = World::default();
    let mut failures = Vec::new();
    let mut questions = 0;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let lineno = n + 1;
        let (head, want) = line
            .split_once(':')
            .ok_or_else(|| format!("line {lineno}: missing ':'"))?;
        let words: Vec<&str> = head.split_whitespace().collect();
        let want = want.trim();
        let got = match words.as_slice() {
            ["broken", m] => {
                world.broken.insert(parse_mod(m)?, want.to_owned());
                continue;
            }
            [m] => {
                let m = parse_mod(m)?;
                world.note(&m);
                let list: Vec<ModuleVersion> = want
                    .split_whitespace()
                    .map(parse_mod)
                    .collect::<Result<_, _>>()?;
                for r in &list {
                    world.note(r);
                }
                world.reqs.insert(m, list);
                continue;
            }
            ["build", t] => render(mvs::build_list_cmp(&[parse_mod(t)?], &mut world, cmp_dsl)),
            ["req", t, base @ ..] => {
                let base: Vec<String> = base.iter().map(|s| (*s).to_owned()).collect();
                render(mvs::req(&parse_mod(t)?, &base, &mut world, cmp_dsl))
            }
            ["upgrade*", t] => render(mvs::upgrade_all(&parse_mod(t)?, &mut world, cmp_dsl)),
            ["upgrade", t, ups @ ..] => {
                let ups: Vec<ModuleVersion> =
                    ups.iter().map(|s| parse_mod(s)).collect::<Result<_, _>>()?;
                render(mvs::upgrade(&parse_mod(t)?, &mut world, &ups, cmp_dsl))
            }
            ["downgrade", t, downs @ ..] => {
                let downs: Vec<ModuleVersion> = downs
                    .iter()
                    .map(|s| parse_mod(s))
                    .collect::<Result<_, _>>()?;
                render(mvs::downgrade(&parse_mod(t)?, &mut world, &downs, cmp_dsl))
            }
            _ => return Err(format!("line {lineno}: cannot read {line:?}")),
        };
        questions += 1;
        if got != want {
            failures.push(format!(
                "line {lineno}: {head}\n  want: {want}\n  got:  {got}"
            ));
        }
    }
    if questions == 0 {
        return Err("scenario asks no question".to_owned());
    }
    Ok(failures)
}

#[test]
fn mvs_scenarios() {
    let dir = gomod_test_support::golden::testdata("resolve/mvs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no scenarios in {}", dir.display());
    let mut report = Vec::new();
    for f in &files {
        let text =
            std::fs::read_to_string(f).unwrap_or_else(|e| panic!("reading {}: {e}", f.display()));
        match run(&text) {
            Ok(fails) => report.extend(fails.into_iter().map(|m| format!("{}: {m}", f.display()))),
            Err(e) => report.push(format!("{}: {e}", f.display())),
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
