//! major-version-split, case-collision and ambiguous-import-risk on the modules named in the main
//! go.mod files and their go.sum files, for inputs whose module graph cannot be loaded (the
//! dependencies' go.mod files are missing). A module a main go.mod requires is in the build list
//! (since Go 1.17 go.mod lists every module that provides a package the build imports), so the
//! first two rules look at go.mod's requirements only: go.sum also holds `/go.mod` lines of
//! versions the graph merely passed through (an old major, an old spelling), which prove nothing
//! about the build. ambiguous-import-risk looks at go.sum's modules too, since it only asks for
//! the go.mod file that would decide. Once the graph loads, `graph_shape` runs the same rules on
//! it instead.

use std::ops::Range;

use super::requirements::Requirer;
use super::Sink;
use crate::bundle::Bundle;
use crate::modfile;
use crate::path::{case_fold_key, split_path_version};
use crate::resolve::fxhash::FxHashSet;
use crate::sum::GoSum;
use crate::syntax::quote::quote;
use crate::version::semver;

/// The modules named in go.mod requirements and go.sum lines, each path once at the highest
/// version named, sorted by path; main modules left out.
fn named_modules<'a>(mains: &[Requirer<'a>], sums: &'a [GoSum]) -> Vec<(&'a str, &'a str)> {
    let mut all: Vec<(&str, &str)> = Vec::new();
    for main in mains {
        for r in &main.m.require {
            all.push((r.module.path.as_str(), r.module.version.as_str()));
        }
    }
    for sum in sums {
        for (_, e) in sum.entries() {
            all.push((e.path.as_str(), e.module_version()));
        }
    }
    let is_main = |path: &str| {
        mains
            .iter()
            .any(|r| r.m.module.as_ref().is_some_and(|m| m.path == path))
    };
    crate::sort::sort_by(&mut all, |a, b| {
        a.0.cmp(b.0).then_with(|| semver::compare(a.1, b.1))
    });
    let mut out: Vec<(&str, &str)> = Vec::new();
    for (path, version) in all.into_iter().filter(|(p, _)| !is_main(p)) {
        match out.last_mut() {
            Some(last) if last.0 == path => last.1 = version,
            _ => out.push((path, version)),
        }
    }
    out
}

/// The main go.mod line requiring `path`, else the first main module's module line.
fn place<'a>(mains: &[Requirer<'a>], path: &str) -> (&'a str, &'a [u8], Range<usize>) {
    let line = |main: &Requirer<'a>, id| main.m.syntax.line(id).map_or(0..0, |l| l.byte_span());
    for main in mains {
        if let Some(r) = main.m.require.iter().find(|r| r.module.path == path) {
            return (main.file, main.data, line(main, r.line));
        }
    }
    match mains.first() {
        Some(main) => (
            main.file,
            main.data,
            main.m.module.as_ref().map_or(0..0, |m| line(main, m.line)),
        ),
        None => ("go.mod", &[], 0..0),
    }
}

/// Runs the three rules. Returns the module versions whose go.mod would decide an
/// ambiguous-import-risk that the input cannot (a parent module that may or may not still hold
/// a nested module's packages).
pub(crate) fn check(
    sink: &mut Sink,
    bundle: &Bundle,
    mains: &[Requirer<'_>],
    sums: &[GoSum],
) -> Vec<String> {
    let required = named_modules(mains, &[]);
    major_split(sink, mains, &required);
    case_collision(sink, mains, &required);
    let named = named_modules(mains, sums);
    ambiguous_prefix(sink, bundle, mains, &named)
}

fn major_split(sink: &mut Sink, mains: &[Requirer<'_>], named: &[(&str, &str)]) {
    let mut by_prefix: Vec<(&str, &str, &str)> = named
        .iter()
        .filter_map(|&(path, version)| {
            split_path_version(path).map(|(prefix, _)| (prefix, path, version))
        })
        .collect();
    for group in crate::sort::groups_by(&mut by_prefix, |a, b| a.0.cmp(b.0)).filter(|g| g.len() > 1)
    {
        let Some(&(_, newest, _)) = group.last() else {
            continue;
        };
        let listed: Vec<String> = group
            .iter()
            .map(|(_, path, version)| format!("{path} {version}"))
            .collect();
        let (file, data, range) = place(mains, newest);
        sink.report(
            rule_code!("major-version-split"),
            file,
            data,
            range,
            format!(
                "{} are all in the build list (go.mod requires them): the go command treats each major version as a separate module, so a program can link several copies (each with its own global state)",
                listed.join(" and ")
            ),
            Vec::new(),
        );
    }
}

fn case_collision(sink: &mut Sink, mains: &[Requirer<'_>], named: &[(&str, &str)]) {
    let mut by_key: Vec<(String, &str)> = named
        .iter()
        .map(|&(path, _)| (case_fold_key(path), path))
        .collect();
    crate::sort::sort(&mut by_key);
    for group in by_key.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        let (Some((_, first)), Some((_, second))) = (group.first(), group.get(1)) else {
            continue;
        };
        for (_, path) in group {
            let (file, data, range) = place(mains, path);
            sink.report(
                rule_code!("case-collision"),
                file,
                data,
                range,
                format!(
                    "{first} and {second} differ only in letter case (go.mod requires both): a build importing both stops with: case-insensitive import collision: {} and {}",
                    quote(second),
                    quote(first)
                ),
                Vec::new(),
            );
        }
    }
}

fn ambiguous_prefix(
    sink: &mut Sink,
    bundle: &Bundle,
    mains: &[Requirer<'_>],
    named: &[(&str, &str)],
) -> Vec<String> {
    // `named` is sorted by path, so the modules whose paths contain a module's path are found by
    // bisection on each prefix of it that ends before a slash, not by comparing every pair (a
    // go.mod can list 200,000 requirements).
    let version_of = |path: &str| {
        named
            .binary_search_by(|(p, _)| (*p).cmp(path))
            .ok()
            .and_then(|i| named.get(i))
            .map(|&(_, v)| v)
    };
    let mut undecided = Vec::new();
    let mut undecided_seen: FxHashSet<String> = FxHashSet::default();
    for &(child, child_version) in named {
        for (cut, _) in child.match_indices('/') {
            let Some(parent) = child.get(..cut) else {
                continue;
            };
            let Some(parent_version) = version_of(parent) else {
                continue;
            };
            // example.com/m/v2 is another major version of example.com/m, not nested in it.
            if split_path_version(child).is_some_and(|(prefix, _)| prefix == parent) {
                continue;
            }
            // A parent whose go.mod requires the nested module is a version after the split.
            let Some(gomod) = bundle.dependency_gomod(parent, parent_version) else {
                let file = format!("{parent}@{parent_version}");
                if undecided_seen.insert(file.clone()) {
                    undecided.push(file);
                }
                continue;
            };
            let requires_child = modfile::parse_lax("go.mod", gomod)
                .is_ok_and(|m| m.require.iter().any(|r| r.module.path == child));
            if requires_child {
                continue;
            }
            let (file, data, range) = place(mains, parent);
            sink.report(
                rule_code!("ambiguous-import-risk"),
                file,
                data,
                range,
                super::graph_shape::ambiguous_import_message(
                    parent,
                    parent_version,
                    child,
                    child_version,
                ),
                Vec::new(),
            );
        }
    }
    undecided
}
