//! Rules on the shape of a resolved module graph: version-skew, major-version-split,
//! case-collision, ambiguous-import-risk, replace-two-paths, replace-unused,
//! replace-in-dependency and go-below-dependency. They read the resolver's [`Resolution`]
//! (through [`crate::resolve::version_skew`] and [`crate::resolve::explain()`]) and the go.mod
//! files of the bundle; they run only when the graph loaded without error.

use std::ops::Range;

use super::{text, Fix, Sink, TextEdit};
use crate::bundle::Bundle;
use crate::modfile::ModuleVersion;
use crate::modfile::{self, ModFile};
use crate::path::escape::escape_path;
use crate::path::{case_fold_key, split_path_version};
use crate::resolve::fxhash::{FxHashMap, FxHashSet};
use crate::resolve::resolution::Resolution;
use crate::resolve::{explain, version_skew};
use crate::sum::{write_sums, GoSum};
// go prints the collision with %q, which is strconv.Quote; Rust's {:?} would agree on every
// valid module path but would link core's Unicode printability tables into the web app.
use crate::syntax::quote::quote;
use crate::version::{gover, semver};

/// How many requirers of one version a version-skew message names.
const REQUIRERS_SHOWN: usize = 3;

/// The main go.mod a graph rule reports on.
pub(crate) struct MainFile<'a> {
    pub file: &'a str,
    pub data: &'a [u8],
    pub m: &'a ModFile,
}

impl MainFile<'_> {
    fn line(&self, id: crate::syntax::LineId) -> Range<usize> {
        self.m.syntax.line(id).map_or(0..0, |l| l.byte_span())
    }

    fn requirement(&self, path: &str) -> Option<&crate::modfile::Require> {
        self.m.require.iter().find(|r| r.module.path == path)
    }

    /// The replace line that applies to `m`, if any (a versioned one wins).
    fn replace_line(&self, m: &ModuleVersion) -> Option<Range<usize>> {
        let matching = |versioned: bool| {
            self.m.replace.iter().find(|r| {
                r.old.path == m.path
                    && if versioned {
                        r.old.version == m.version
                    } else {
                        r.old.version.is_empty()
                    }
            })
        };
        matching(true)
            .or_else(|| matching(false))
            .map(|r| self.line(r.line))
    }
}

/// The main modules' go.mod files: one, or a workspace's.
pub(crate) struct Mains<'a> {
    pub files: Vec<MainFile<'a>>,
    /// Workspace mode: go.sum lines live in go.work.sum and the go.work go line rules.
    pub workspace: bool,
}

/// A place to report: file, its content, the byte range.
type Place<'a> = (&'a str, &'a [u8], Range<usize>);

impl<'a> Mains<'a> {
    /// The go.mod line that brings `path` into the graph: a main module's require line for
    /// it, else the require line of the first module on the shortest chain to it, else the
    /// first main module's module line.
    fn line_for(&self, res: &Resolution, path: &str) -> Place<'a> {
        let find = |p: &str| {
            self.files
                .iter()
                .find_map(|f| f.requirement(p).map(|r| (f.file, f.data, f.line(r.line))))
        };
        if let Some(place) = find(path) {
            return place;
        }
        let chain = explain(res, path, 0).shortest_chain;
        if let Some(place) = chain.get(1).and_then(|m| find(&m.path)) {
            return place;
        }
        match self.files.first() {
            Some(f) => (
                f.file,
                f.data,
                f.m.module
                    .as_ref()
                    .map_or(0..0, |module| f.line(module.line)),
            ),
            None => ("go.mod", &[], 0..0),
        }
    }

    fn replace_line(&self, m: &ModuleVersion) -> Option<Place<'a>> {
        self.files
            .iter()
            .find_map(|f| f.replace_line(m).map(|r| (f.file, f.data, r)))
    }
}

/// Runs every rule of this module. `bundle` supplies dependency go.mod files and go.sum.
pub(crate) fn check(sink: &mut Sink, bundle: &Bundle, main: &Mains<'_>, res: &Resolution) {
    skew(sink, main, res);
    major_split(sink, main, res);
    case_collision(sink, main, res);
    ambiguous_prefix(sink, bundle, main, res);
    two_paths(sink, main, res);
    // A graph without any dependency go.mod file is only known when nothing is required; a
    // replacement there is more likely a file pasted without its dependencies than unused.
    if bundle.dependency_paths().is_empty() {
        if let Some(f) = main.files.iter().find(|f| !f.m.replace.is_empty()) {
            sink.skip(
                rule_code!("replace-unused"),
                f.file,
                "the dependencies' go.mod files are not in the bundle".to_owned(),
                "add them in GOPROXY layout (PATH/@v/VERSION.mod)".to_owned(),
            );
        }
    } else {
        for f in &main.files {
            unused_replacements(sink, f, res);
        }
    }
    hidden_replacements(sink, bundle, main, res);
    // In a workspace the go.work go line is the one that must cover every module
    // (workspace-go-too-low); the modules' own go lines are not raised.
    if !main.workspace {
        for f in &main.files {
            go_below_dependency(sink, f, res);
        }
    }
}

fn is_main(res: &Resolution, path: &str) -> bool {
    res.main_modules.iter().any(|p| p == path)
}

fn build_list(res: &Resolution) -> impl Iterator<Item = &ModuleVersion> {
    res.build_list
        .iter()
        .map(|e| &e.module)
        .filter(|m| !is_main(res, &m.path))
}

/// version-skew: one path required at several versions; who asks for which, which one wins.
fn skew(sink: &mut Sink, main: &Mains<'_>, res: &Resolution) {
    for s in version_skew(res) {
        if is_main(res, &s.path) {
            continue;
        }
        let why = explain(res, &s.path, 0);
        let parts: Vec<String> = s
            .versions
            .iter()
            .map(|v| {
                // Who asks for `v`, in the order of the explanation.
                let who: Vec<String> = why
                    .required_by
                    .iter()
                    .filter(|(_, version)| version == v)
                    .map(|(from, _)| from.to_string())
                    .collect();
                let mut named = who
                    .iter()
                    .take(REQUIRERS_SHOWN)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                if who.len() > REQUIRERS_SHOWN {
                    named.push_str(&format!(" and {} more", who.len() - REQUIRERS_SHOWN));
                }
                if named.is_empty() {
                    v.clone()
                } else {
                    format!("{v} by {named}")
                }
            })
            .collect();
        let place = main.line_for(res, &s.path);
        sink.report(
            rule_code!("version-skew"),
            place.0,
            place.1,
            place.2,
            format!(
                "{} is required at {} versions: {}; minimal version selection uses {}",
                s.path,
                s.versions.len(),
                parts.join("; "),
                s.selected
            ),
            Vec::new(),
        );
    }
}

/// major-version-split: `P` and `P/vN` (or gopkg.in's `P.vN` and `P.vM`) both selected.
fn major_split(sink: &mut Sink, main: &Mains<'_>, res: &Resolution) {
    // Grouped by prefix in prefix order, each group in build-list order (a stable sort of a
    // vector rather than a B-tree map: every B-tree key and value type copies its code).
    let mut by_prefix: Vec<(&str, &ModuleVersion)> = build_list(res)
        .filter_map(|m| split_path_version(&m.path).map(|(prefix, _)| (prefix, m)))
        .collect();
    for list in crate::sort::groups_by(&mut by_prefix, |a, b| a.0.cmp(b.0)).filter(|l| l.len() > 1)
    {
        let Some((_, newest)) = list.last() else {
            continue;
        };
        let named: Vec<String> = list
            .iter()
            .map(|(_, m)| format!("{} {}", m.path, m.version))
            .collect();
        let place = main.line_for(res, &newest.path);
        sink.report(
            rule_code!("major-version-split"),
            place.0,
            place.1,
            place.2,
            format!(
                "{} are all in the build list: the go command treats each major version as a separate module, so a program can link several copies (each with its own global state)",
                named.join(" and ")
            ),
            Vec::new(),
        );
    }
}

/// case-collision: two paths of the graph equal under Unicode case folding. The quoted go text
/// names the paths as go does for a gofmt-sorted import block: the later import first.
fn case_collision(sink: &mut Sink, main: &Mains<'_>, res: &Resolution) {
    // The distinct paths grouped by folded key, keys and paths in order (a sorted vector rather
    // than B-tree maps and sets, whose code every key and value type would copy).
    let mut by_key: Vec<(String, &str)> = res
        .nodes
        .iter()
        .map(|n| n.module.path.as_str())
        .filter(|path| *path != "go" && *path != "toolchain")
        .map(|path| (case_fold_key(path), path))
        .collect();
    crate::sort::sort(&mut by_key);
    by_key.dedup();
    for paths in by_key.chunk_by(|a, b| a.0 == b.0).filter(|p| p.len() > 1) {
        let list: Vec<&str> = paths.iter().map(|(_, path)| *path).collect();
        let (Some(first), Some(second)) = (list.first(), list.get(1)) else {
            continue;
        };
        let requirers = |p: &str| -> String {
            let who: Vec<String> = explain(res, p, 0)
                .required_by
                .iter()
                .map(|(from, v)| format!("{from} ({v})"))
                .take(REQUIRERS_SHOWN)
                .collect();
            who.join(", ")
        };
        for p in &list {
            let place = main.line_for(res, p);
            sink.report(
                rule_code!("case-collision"),
                place.0,
                place.1,
                place.2,
                format!(
                    "{} and {} differ only in letter case (required by {} and by {}): a build importing both stops with: case-insensitive import collision: {} and {}",
                    first,
                    second,
                    requirers(first),
                    requirers(second),
                    quote(second),
                    quote(first)
                ),
                Vec::new(),
            );
        }
    }
}

/// ambiguous-import-risk: a selected module whose path is a prefix of another selected module
/// (not a major-version suffix): a package directory in the overlap can come from either, and
/// the go command stops with `ambiguous import`. The fix raises the parent to the lowest known
/// version whose go.mod requires the nested module, the sign that it was carved out.
fn ambiguous_prefix(sink: &mut Sink, bundle: &Bundle, main: &Mains<'_>, res: &Resolution) {
    let selected: Vec<&ModuleVersion> = build_list(res).collect();
    // The modules below a path are the ones whose paths start with it and a slash: a run of the
    // paths in sorted order, found by bisection instead of a scan of the build list per module
    // (quadratic on a large graph).
    let mut by_path: Vec<(usize, &ModuleVersion)> = selected.iter().copied().enumerate().collect();
    crate::sort::sort_by(&mut by_path, |a, b| a.1.path.cmp(&b.1.path));
    for parent in &selected {
        let below = format!("{}/", parent.path);
        let first = by_path.partition_point(|(_, m)| m.path.as_str() < below.as_str());
        let mut nested: Vec<(usize, &ModuleVersion)> = by_path
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|(_, m)| m.path.starts_with(below.as_str()))
            .filter(|(_, m)| {
                split_path_version(&m.path).is_some_and(|(prefix, _)| prefix != parent.path)
            })
            .copied()
            .collect();
        // Reported in build-list order, as before.
        crate::sort::sort_by(&mut nested, |a, b| a.0.cmp(&b.0));
        let nested: Vec<&ModuleVersion> = nested.into_iter().map(|(_, m)| m).collect();
        // A parent whose go.mod requires the nested module is a version after the split: the
        // carved-out directory is gone from it.
        let parent_requires = |child: &str| {
            let source = res
                .build_list
                .iter()
                .find(|e| &e.module == *parent)
                .and_then(|e| e.replacement.clone())
                .unwrap_or_else(|| (*parent).clone());
            res.edges
                .iter()
                .any(|(from, to)| (*from == **parent || *from == source) && to.path == child)
        };
        for child in nested.into_iter().filter(|c| !parent_requires(&c.path)) {
            let fixes = split_version(bundle, parent, &child.path)
                .and_then(|v| raise_parent(bundle, main, parent, &v))
                .into_iter()
                .collect();
            let place = main.line_for(res, &parent.path);
            sink.report(
                rule_code!("ambiguous-import-risk"),
                place.0,
                place.1,
                place.2,
                ambiguous_import_message(
                    &parent.path,
                    &parent.version,
                    &child.path,
                    &child.version,
                ),
                fixes,
            );
        }
    }
}

/// ambiguous-import-risk's message: the risk, then the error go prints when a build imports a
/// package of the nested module (`go build`, go 1.27.3), each of its lines indented by a tab,
/// with `...` for the rest of the package's path and `$GOMODCACHE` for the module cache, since
/// both are unknown here.
pub(super) fn ambiguous_import_message(
    parent: &str,
    parent_version: &str,
    child: &str,
    child_version: &str,
) -> String {
    let escaped = |path: &str| escape_path(path).unwrap_or_else(|_| path.to_owned());
    let inside_parent = child
        .strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or(child);
    format!(
        "{parent} {parent_version} contains the path of module {child} {child_version} and does not require it, so it may still hold that module's packages; a build importing one of them stops with:\n\
         \tambiguous import: found package {child}/... in multiple modules:\n\
         \t\t{parent} {parent_version} ($GOMODCACHE/{}@{parent_version}/{inside_parent}/...)\n\
         \t\t{child} {child_version} ($GOMODCACHE/{}@{child_version}/...)",
        escaped(parent),
        escaped(child)
    )
}

/// The lowest version of `parent` above its selected one whose go.mod, in the bundle, requires
/// `child`. Pseudo-versions count: a module that was never tagged (google.golang.org/genproto)
/// has no other.
fn split_version(bundle: &Bundle, parent: &ModuleVersion, child: &str) -> Option<String> {
    bundle
        .gomod_file_versions(&parent.path)
        .into_iter()
        .filter(|v| semver::compare(v, &parent.version).is_gt())
        .find(|v| {
            bundle
                .dependency_gomod(&parent.path, v)
                .and_then(|data| modfile::parse_lax("go.mod", data).ok())
                .is_some_and(|m| m.require.iter().any(|r| r.module.path == child))
        })
}

/// The fix raising a directly required `parent` to `version`, adding its go.mod hash to go.sum.
fn raise_parent(
    bundle: &Bundle,
    mains: &Mains<'_>,
    parent: &ModuleVersion,
    version: &str,
) -> Option<Fix> {
    let (main, require) = mains
        .files
        .iter()
        .find_map(|f| f.requirement(&parent.path).map(|r| (f, r)))?;
    let line = main.line(require.line);
    let in_block = main.m.syntax.block_of(require.line).is_some();
    let token = text::token_in(main.data, line, if in_block { 1 } else { 2 })?;
    let mut edits = vec![TextEdit {
        file: main.file.to_owned(),
        range: token,
        new_text: version.to_owned(),
    }];
    // In a workspace the hash belongs in go.work.sum, which the sum rules do not check yet;
    // `go get` records it.
    let sum_name = if mains.workspace {
        String::new()
    } else {
        sum_file_name(main.file)
    };
    let sum_data = bundle.file(&sum_name).unwrap_or_default();
    let sum = GoSum::parse(&sum_name, sum_data);
    if let (false, true, Some(gomod)) = (
        sum_name.is_empty(),
        sum.gomod_hashes(&parent.path, version).is_empty(),
        bundle.dependency_gomod(&parent.path, version),
    ) {
        let mut entries: Vec<(String, String, String)> = sum
            .entries()
            .map(|(_, e)| (e.path.clone(), e.version.clone(), e.hash.clone()))
            .collect();
        entries.push((
            parent.path.clone(),
            format!("{version}/go.mod"),
            crate::sum::gomod_hash(gomod),
        ));
        let rewritten = write_sums(
            entries
                .iter()
                .map(|(p, v, h)| (p.as_str(), v.as_str(), h.as_str())),
        );
        edits.push(TextEdit {
            file: sum_name,
            range: 0..sum_data.len(),
            new_text: String::from_utf8(rewritten).ok()?,
        });
    }
    Some(Fix {
        title: format!(
            "Raise {} to {version}, which leaves the nested module's packages to it",
            parent.path
        ),
        edits,
        commands: vec![format!("go get {}@{version}", parent.path)],
    })
}

fn sum_file_name(gomod: &str) -> String {
    match gomod.strip_suffix("go.mod") {
        Some(dir) => format!("{dir}go.sum"),
        None => "go.sum".to_owned(),
    }
}

/// replace-two-paths: two build-list modules resolve to the same module version (or
/// directory), which the go command refuses when it loads packages.
fn two_paths(sink: &mut Sink, main: &Mains<'_>, res: &Resolution) {
    // The first module path each source (a replacement, or the module itself) serves, by hash:
    // a scan per module was quadratic on a large build list.
    let mut first_path: FxHashMap<ModuleVersion, &str> = FxHashMap::default();
    for e in &res.build_list {
        let source = e.replacement.clone().unwrap_or_else(|| e.module.clone());
        match first_path.get(&source).copied() {
            None => {
                first_path.insert(source, e.module.path.as_str());
            }
            Some(prev) if *prev != e.module.path => {
                let place = main
                    .replace_line(&e.module)
                    .unwrap_or_else(|| main.line_for(res, &e.module.path));
                sink.report(
                    rule_code!("replace-two-paths"),
                    place.0,
                    place.1,
                    place.2,
                    format!(
                        "go: {}@{} used for two different module paths ({prev} and {})",
                        source.path, source.version, e.module.path
                    ),
                    drop_alias(main, res, &source, prev, &e.module.path)
                        .into_iter()
                        .collect(),
                );
            }
            Some(_) => {}
        }
    }
}

/// The fix of replace-two-paths: of the two paths one module version serves, the one the main
/// go.mod replaces by it (the later one when both are, the module's own path never) stops being
/// used: its requirement and its replacement go, as `go mod edit -droprequire -dropreplace`
/// writes go.mod, and the code imports the other path's packages instead. `None` when neither
/// path is replaced in a main go.mod (a dependency's requirements brought them in).
fn drop_alias(
    main: &Mains<'_>,
    res: &Resolution,
    source: &ModuleVersion,
    first: &str,
    second: &str,
) -> Option<Fix> {
    let replaced_here = |path: &str| {
        let selected = res.build_list.iter().find(|e| e.module.path == path)?;
        if path == source.path {
            return None;
        }
        main.files.iter().find_map(|f| {
            f.m.replace
                .iter()
                .find(|r| {
                    r.old.path == path
                        && (r.old.version.is_empty() || r.old.version == selected.module.version)
                })
                .map(|r| (f, r.old.version.clone()))
        })
    };
    let (alias, keep, (file, old_version)) = match replaced_here(second) {
        Some(found) => (second, first, found),
        None => (first, second, replaced_here(first)?),
    };
    let mut edited = file.m.clone();
    let required = file.requirement(alias).is_some();
    edited.drop_require(alias);
    edited.drop_replace(alias, &old_version);
    edited.cleanup();
    let new_text = String::from_utf8(edited.format()).ok()?;
    let dropped = if old_version.is_empty() {
        alias.to_owned()
    } else {
        format!("{alias}@{old_version}")
    };
    let command = if required {
        format!("go mod edit -droprequire={alias} -dropreplace={dropped}")
    } else {
        format!("go mod edit -dropreplace={dropped}")
    };
    Some(Fix {
        title: format!(
            "Stop using {alias}: drop its requirement and replacement, and import {keep} in its place"
        ),
        edits: vec![TextEdit {
            file: file.file.to_owned(),
            range: 0..file.data.len(),
            new_text,
        }],
        commands: vec![command],
    })
}

/// replace-unused: a replacement of a module (version) that is nowhere in the graph.
fn unused_replacements(sink: &mut Sink, main: &MainFile<'_>, res: &Resolution) {
    // The graph's module paths and versions as sets: one lookup per replacement, not a scan.
    let node_paths: FxHashSet<&str> = res.nodes.iter().map(|n| n.module.path.as_str()).collect();
    let node_versions: FxHashSet<(&str, &str)> = res
        .nodes
        .iter()
        .map(|n| (n.module.path.as_str(), n.module.version.as_str()))
        .collect();
    for r in &main.m.replace {
        let used = is_main(res, &r.old.path)
            || if r.old.version.is_empty() {
                node_paths.contains(r.old.path.as_str())
            } else {
                node_versions.contains(&(r.old.path.as_str(), r.old.version.as_str()))
            };
        if used {
            continue;
        }
        let line = main.line(r.line);
        let old = if r.old.version.is_empty() {
            r.old.path.clone()
        } else {
            format!("{}@{}", r.old.path, r.old.version)
        };
        sink.report(
            rule_code!("replace-unused"),
            main.file,
            main.data,
            line.clone(),
            format!("replace {old} has no effect: {old} is not in the module graph"),
            vec![Fix {
                title: format!("Delete the replacement of {old}"),
                edits: vec![TextEdit {
                    file: main.file.to_owned(),
                    range: text::whole_line(main.data, line.start),
                    new_text: String::new(),
                }],
                commands: vec![format!("go mod edit -dropreplace={old}")],
            }],
        );
    }
}

/// replace-in-dependency: replace and exclude directives in the go.mod of a selected
/// dependency, which the go command ignores outside that module.
fn hidden_replacements(sink: &mut Sink, bundle: &Bundle, main: &Mains<'_>, res: &Resolution) {
    for n in &res.nodes {
        if !n.selected || !n.requirements_loaded || n.module.version.is_empty() {
            continue;
        }
        let source = n.replacement.clone().unwrap_or_else(|| n.module.clone());
        if source.version.is_empty() || is_main(res, &n.module.path) {
            continue;
        }
        let Some(dep) = bundle
            .dependency_gomod(&source.path, &source.version)
            // The strict parser: the lax one, like the go command reading a dependency,
            // skips exactly the directives this rule is about.
            .and_then(|d| modfile::parse("go.mod", d).ok())
        else {
            continue;
        };
        if dep.replace.is_empty() && dep.exclude.is_empty() {
            continue;
        }
        let mut directives = Vec::new();
        let mut commands = Vec::new();
        for r in &dep.replace {
            let old = at(&r.old.path, &r.old.version);
            let new = at(&r.new.path, &r.new.version);
            if r.is_directory() {
                directives.push(format!(
                    "replace {} => {} (a directory of that module's repository, which cannot be copied)",
                    spaced(&r.old.path, &r.old.version),
                    r.new.path
                ));
            } else {
                directives.push(format!(
                    "replace {} => {}",
                    spaced(&r.old.path, &r.old.version),
                    spaced(&r.new.path, &r.new.version)
                ));
                commands.push(format!("go mod edit -replace={old}={new}"));
            }
        }
        for e in &dep.exclude {
            directives.push(format!("exclude {} {}", e.module.path, e.module.version));
            commands.push(format!(
                "go mod edit -exclude={}@{}",
                e.module.path, e.module.version
            ));
        }
        let fixes = if commands.is_empty() {
            Vec::new()
        } else {
            vec![Fix {
                title: format!("Copy {}'s directives into go.mod", n.module.path),
                edits: Vec::new(),
                commands,
            }]
        };
        let place = main.line_for(res, &n.module.path);
        sink.report(
            rule_code!("replace-in-dependency"),
            place.0,
            place.1,
            place.2,
            format!(
                "the go.mod of {}@{} has {}, which the go command ignores when {} is a dependency; the main module has to repeat them to build as {} does",
                source.path,
                source.version,
                directives.join("; "),
                n.module.path,
                n.module.path
            ),
            fixes,
        );
    }
}

fn at(path: &str, version: &str) -> String {
    if version.is_empty() {
        path.to_owned()
    } else {
        format!("{path}@{version}")
    }
}

fn spaced(path: &str, version: &str) -> String {
    if version.is_empty() {
        path.to_owned()
    } else {
        format!("{path} {version}")
    }
}

/// go-below-dependency: the main go line is below the go line the graph selects (the highest
/// go line of the selected dependencies); the go command raises it whenever it writes go.mod.
fn go_below_dependency(sink: &mut Sink, main: &MainFile<'_>, res: &Resolution) {
    let Some(go) = &main.m.go else {
        return;
    };
    if res.go.is_empty() || !gover::compare(&go.version, &res.go).is_lt() {
        return;
    }
    let Some(dep) = res
        .nodes
        .iter()
        .find(|n| n.selected && n.go == res.go && !is_main(res, &n.module.path))
    else {
        return;
    };
    let line = main.line(go.line);
    let in_block = main.m.syntax.block_of(go.line).is_some();
    let token = text::token_in(main.data, line.clone(), if in_block { 0 } else { 1 })
        .unwrap_or(line.clone());
    let needed = &res.go;
    sink.report(
        rule_code!("go-below-dependency"),
        main.file,
        main.data,
        line,
        format!(
            "go.mod declares go {}, but {} requires go {needed}; go mod tidy raises the go line to {needed}, and under -mod=readonly the go command stops with: go: updates to go.mod needed; to update it:\n\tgo mod tidy",
            go.version, dep.module
        ),
        vec![Fix {
            title: format!("Raise the go line to {needed}"),
            edits: vec![TextEdit {
                file: main.file.to_owned(),
                range: token,
                new_text: needed.clone(),
            }],
            commands: vec![format!("go get go@{needed}")],
        }],
    );
}
