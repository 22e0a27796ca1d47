//! Graph rules, on top of the resolver: updates-needed, sum-missing, sum-unused,
//! retracted-version, deprecated-module and module-path-mismatch here, and the rules on the
//! graph's shape in `graph_shape`. They run as deep as the input allows: when the dependencies'
//! go.mod files are missing (or the graph stops at one), `requirements` still checks the go.sum
//! lines of the listed requirements and `named` the module paths go.mod and go.sum name, and
//! the other rules are skipped naming the missing files (`module@version`), never guessed. With
//! a go.work the shape rules run on the workspace's resolution and the per-module rules are
//! skipped.

use super::code::Code;
use super::requirements::{self, Requirer};
use super::{named, text, Fix, Sink, TextEdit};
use crate::bundle::{Bundle, WorkspaceFile};
use crate::modfile::ModuleVersion;
use crate::modfile::{self, ModFile, Replacements};
use crate::resolve::fxhash::{FxHashMap, FxHashSet};
use crate::resolve::resolution::{from_session, Origin, Resolution};
use crate::resolve::{command, retract, Cmd, ErrorKind, Input, Pruning, Settings};
use crate::sum::{write_sums, GoSum};

/// What the go command says about a retraction without rationale.
const UNEXPLAINED: &str = "retracted by module author";

/// The codes of the rules here, for skipped entries.
const GRAPH_CODES: &[Code] = &[
    rule_code!("updates-needed"),
    rule_code!("sum-missing"),
    rule_code!("sum-unused"),
    rule_code!("retracted-version"),
    rule_code!("deprecated-module"),
    rule_code!("module-path-mismatch"),
    rule_code!("version-skew"),
    rule_code!("major-version-split"),
    rule_code!("case-collision"),
    rule_code!("ambiguous-import-risk"),
    rule_code!("replace-two-paths"),
    rule_code!("replace-unused"),
    rule_code!("replace-in-dependency"),
    rule_code!("go-below-dependency"),
];

fn skip_all(sink: &mut Sink, file: &str, reason: &str, to_enable: &str) {
    skip_codes(sink, GRAPH_CODES, file, reason, to_enable);
}

fn skip_codes(sink: &mut Sink, codes: &[Code], file: &str, reason: &str, to_enable: &str) {
    for &code in codes {
        sink.skip(code, file, reason.to_owned(), to_enable.to_owned());
    }
}

/// The rules that run on the modules go.mod and go.sum name when the graph does not load
/// (`named`), and sum-missing, which `requirements` runs on the listed requirements.
const RUN_WITHOUT_GRAPH: &[Code] = &[
    rule_code!("sum-missing"),
    rule_code!("major-version-split"),
    rule_code!("case-collision"),
    rule_code!("ambiguous-import-risk"),
];

/// How many missing go.mod files a reason names before "and N more".
const MISSING_NAMED: usize = 5;

/// Skips the graph rules that need the dependencies' go.mod files, naming the missing ones
/// (`module@version`), when `graph_rules`; `also` are further rules the input could not decide.
fn skip_for_missing(
    sink: &mut Sink,
    file: &str,
    missing: &[String],
    also: &[Code],
    graph_rules: bool,
) {
    let mut named: Vec<&str> = missing
        .iter()
        .map(String::as_str)
        .take(MISSING_NAMED)
        .collect();
    let more = missing.len().saturating_sub(MISSING_NAMED);
    let more_text = format!("{more} more");
    if more > 0 {
        named.push(&more_text);
    }
    let list = match named.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_owned(),
        None => "your dependencies".to_owned(),
    };
    let reason = format!("{NEEDS_DEPENDENCY_FILES}{list}");
    let to_enable = "add the go.mod file of each (the module cache holds it as $(go env GOMODCACHE)/cache/download/MODULE/@v/VERSION.mod), or the output of `go mod graph`";
    let codes: Vec<Code> = GRAPH_CODES
        .iter()
        .copied()
        .filter(|c| graph_rules && !RUN_WITHOUT_GRAPH.contains(c))
        .chain(also.iter().copied())
        .collect();
    skip_codes(sink, &codes, file, &reason, to_enable);
}

/// How the reasons of checks skipped for want of dependency go.mod files begin (the web app
/// counts them by it).
pub const NEEDS_DEPENDENCY_FILES: &str = "needs the go.mod files of ";

/// The go.sum files of the root module, parsed, with the one a fix edits.
fn root_sums(bundle: &Bundle) -> requirements::Sums<'_> {
    let file = bundle.workspace_file("", WorkspaceFile::GoSum);
    let data = file.unwrap_or_default();
    requirements::Sums {
        files: vec![GoSum::parse("go.sum", data)],
        edit: Some(("go.sum", data)),
        absent: if file.is_none() {
            vec!["go.sum".to_owned()]
        } else {
            Vec::new()
        },
    }
}

/// The go.mod files the main modules' requirements need that the bundle does not hold, as
/// `module@version` (after replacement; directories need none).
fn missing_requirement_files(
    bundle: &Bundle,
    mains: &[Requirer<'_>],
    work_replace: &Replacements<'_>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: FxHashSet<(&str, &str)> = FxHashSet::default();
    for (path, version) in requirements::downloads(mains, work_replace) {
        if bundle.dependency_gomod(path, version).is_none() && seen.insert((path, version)) {
            out.push(format!("{path}@{version}"));
        }
    }
    out
}

/// The rules that need only go.mod and go.sum, for a graph that cannot be loaded; the others
/// are skipped naming `missing` (plus what the name rules could not decide).
fn without_graph(
    sink: &mut Sink,
    bundle: &Bundle,
    mains: &[Requirer<'_>],
    work_replace: &Replacements<'_>,
    sums: &requirements::Sums<'_>,
    file: &str,
    mut missing: Vec<String>,
) {
    requirements::check(sink, bundle, mains, work_replace, sums, true);
    let undecided = named::check(sink, bundle, mains, &sums.files);
    let also: &[Code] = if undecided.is_empty() {
        &[]
    } else {
        &[rule_code!("ambiguous-import-risk")]
    };
    for m in undecided {
        if !missing.contains(&m) {
            missing.push(m);
        }
    }
    skip_for_missing(sink, file, &missing, also, true);
}

/// The resolver's settings for the user's go version (the default one when it is not known).
fn settings_for(local_go: Option<&str>) -> Settings {
    Settings {
        go_version: local_go.map_or_else(|| Settings::default().go_version, str::to_owned),
        // As deep as the web app's: go names sibling directories relative to it (`../x`).
        root_dir: crate::analyze::PLAYGROUND_DIR.to_owned(),
        ..Settings::default()
    }
}

/// Runs the graph rules for the bundle's root go.mod (single-module mode).
/// The fix of module-path-mismatch on a requirement of the main go.mod: require the module
/// under the path its go.mod declares, at the same version, as
/// `go mod edit -droprequire=OLD -require=NEW@VERSION` writes go.mod; the code then imports the
/// declared path. go.sum trades the old path's lines for the go.mod hash of the declared one
/// when its go.mod is in the input (`go mod download NEW` records it otherwise). `None` when
/// the main go.mod does not require the mismatched path itself (a dependency does), or
/// requires the declared path already.
fn require_declared_path(
    bundle: &Bundle,
    gomod: &[u8],
    main: &ModFile,
    error: &str,
) -> Option<Fix> {
    let after = |label: &str| {
        error
            .split_once(label)
            .and_then(|(_, rest)| rest.split_whitespace().next())
    };
    let declared = after("module declares its path as:")?;
    let required = after("but was required as:")?;
    let old = main.require.iter().find(|r| r.module.path == required)?;
    if main.require.iter().any(|r| r.module.path == declared) {
        return None;
    }
    let version = old.module.version.clone();
    let mut edited = main.clone();
    edited.drop_require(required);
    edited.add_require(declared, &version);
    edited.cleanup();
    let new_text = String::from_utf8(edited.format()).ok()?;
    let mut edits = vec![TextEdit {
        file: "go.mod".to_owned(),
        range: 0..gomod.len(),
        new_text,
    }];
    if let Some(declared_gomod) = bundle.dependency_gomod(declared, &version) {
        let sum_data = bundle.file("go.sum").unwrap_or_default();
        let sum = GoSum::parse("go.sum", sum_data);
        let hash = crate::sum::gomod_hash(declared_gomod);
        let go_mod_version = format!("{version}/go.mod");
        let entries = sum
            .entries()
            .map(|(_, e)| (e.path.as_str(), e.version.as_str(), e.hash.as_str()))
            .filter(|(path, _, _)| *path != required)
            .chain([(declared, go_mod_version.as_str(), hash.as_str())]);
        edits.push(TextEdit {
            file: "go.sum".to_owned(),
            range: 0..sum_data.len(),
            new_text: String::from_utf8(write_sums(entries)).ok()?,
        });
    }
    Some(Fix {
        title: format!(
            "Require {declared} {version}, the path its go.mod declares, and import it under that path"
        ),
        edits,
        commands: vec![format!(
            "go mod edit -droprequire={required} -require={declared}@{version}"
        )],
    })
}

/// The module graph the graph rules loaded for a single main module, with the settings it was
/// loaded with: `analyze` shows this same resolution instead of loading the graph a second
/// time (on a go.mod of 177,000 requirements the load is seconds).
pub(crate) struct LoadedGraph {
    pub settings: Settings,
    pub resolution: Resolution,
}

/// Runs the graph rules; returns the graph it loaded for a single main module, if it did.
pub(crate) fn check(
    sink: &mut Sink,
    bundle: &Bundle,
    local_go: Option<&str>,
) -> Option<LoadedGraph> {
    if let Some(gowork) = bundle.workspace_file("", WorkspaceFile::GoWork) {
        workspace(sink, bundle, gowork, local_go);
        return None;
    }
    let gomod = bundle.workspace_file("", WorkspaceFile::GoMod)?;
    let main = modfile::parse("go.mod", gomod).ok()?;
    let requirer = [Requirer {
        file: "go.mod",
        data: gomod,
        m: &main,
    }];
    let root_sum_files = root_sums(bundle);
    // A single module has no go.work, so no go.work replacements.
    let no_work_replace = Replacements::default();
    if !main.require.is_empty() && bundle.dependency_paths().is_empty() {
        if let Some(graph) = bundle.mod_graph() {
            supplied_graph(sink, bundle, &main, gomod, graph);
            requirements::check(
                sink,
                bundle,
                &requirer,
                &no_work_replace,
                &root_sum_files,
                false,
            );
            return None;
        }
        let missing = missing_requirement_files(bundle, &requirer, &no_work_replace);
        // Requirements all replaced by directories need no dependency file: the graph loads
        // (and says what is wrong with the directories).
        if !missing.is_empty() {
            without_graph(
                sink,
                bundle,
                &requirer,
                &no_work_replace,
                &root_sum_files,
                "go.mod",
                missing,
            );
            return None;
        }
    }
    let settings = settings_for(local_go);
    let input = Input {
        gomod,
        gomod_name: "go.mod",
        workspace: None,
        source: bundle,
        settings,
    };
    let Ok(file) = command::read_main(&input) else {
        // The file-level rules already report why the main go.mod is refused.
        return None;
    };
    let mut session = command::load_single(&input, file, Cmd::ListAll);
    let res = from_session(&mut session, Origin::Source);
    let loaded = Loaded {
        session: &session,
        res: &res,
        settings: &input.settings,
    };
    single_module(
        sink,
        bundle,
        &main,
        gomod,
        &requirer,
        &root_sum_files,
        loaded,
    );
    drop(session);
    Some(LoadedGraph {
        settings: input.settings,
        resolution: res,
    })
}

/// A single main module's graph as the go command loaded it, and the settings it ran with.
struct Loaded<'a> {
    session: &'a command::Session<'a>,
    res: &'a Resolution,
    settings: &'a Settings,
}

/// The graph rules of a single main module on its loaded graph.
fn single_module(
    sink: &mut Sink,
    bundle: &Bundle,
    main: &ModFile,
    gomod: &[u8],
    requirer: &[Requirer<'_>],
    root_sum_files: &requirements::Sums<'_>,
    loaded: Loaded<'_>,
) {
    let Loaded {
        session,
        res,
        settings,
    } = loaded;
    // A single module has no go.work, so no go.work replacements.
    let no_work_replace = Replacements::default();
    let ctx = Main::new(gomod, main);
    if let Some(resolve_error) = &res.error {
        let error = resolve_error.text();
        if resolve_error.kind() == ErrorKind::ModulePathMismatch {
            let path = error.split(['@', ' ', ':']).next().unwrap_or_default();
            sink.report(
                rule_code!("module-path-mismatch"),
                "go.mod",
                gomod,
                ctx.location(path),
                format!("go: {error}"),
                require_declared_path(bundle, gomod, main, error)
                    .into_iter()
                    .collect(),
            );
        } else if resolve_error.kind() == ErrorKind::GoVersionTooNew {
            // A dependency needs a newer Go than the one the user runs.
            let path = error.split(['@', ' ', ':']).next().unwrap_or_default();
            sink.report(
                rule_code!("go-version-too-new"),
                "go.mod",
                gomod,
                ctx.location(path),
                format!("go: {error}"),
                vec![Fix {
                    title: format!("Require an older version of {path}, or run a newer Go"),
                    edits: Vec::new(),
                    commands: vec![format!("go list -m -versions {path}")],
                }],
            );
        } else if session.loader.fatal.is_some() {
            // sum-hash-mismatch reports the go.sum line; go stops there.
            requirements::check(
                sink,
                bundle,
                requirer,
                &no_work_replace,
                root_sum_files,
                true,
            );
            skip_all(
                sink,
                "go.mod",
                "the go command stops at the checksum mismatch of a dependency's go.mod (sum-hash-mismatch)",
                "correct the go.sum line or the go.mod file it is about",
            );
        } else if !session.loader.absent.is_empty() {
            let missing = session
                .loader
                .absent
                .iter()
                .map(|m| format!("{}@{}", m.path, m.version))
                .collect();
            without_graph(
                sink,
                bundle,
                requirer,
                &no_work_replace,
                root_sum_files,
                "go.mod",
                missing,
            );
        } else {
            requirements::check(
                sink,
                bundle,
                requirer,
                &no_work_replace,
                root_sum_files,
                true,
            );
            let undecided = named::check(sink, bundle, requirer, &root_sum_files.files);
            if !undecided.is_empty() {
                skip_for_missing(
                    sink,
                    "go.mod",
                    &undecided,
                    &[rule_code!("ambiguous-import-risk")],
                    false,
                );
            }
            let codes: Vec<Code> = GRAPH_CODES
                .iter()
                .copied()
                .filter(|c| !RUN_WITHOUT_GRAPH.contains(c))
                .collect();
            skip_codes(
                sink,
                &codes,
                "go.mod",
                &format!(
                    "the module graph does not load: {}",
                    crate::resolve::user_error_text(error, settings)
                ),
                "correct what the message names",
            );
        }
        return;
    }
    updates(sink, &ctx, res);
    sums(sink, bundle, &ctx, res);
    requirements::check(
        sink,
        bundle,
        requirer,
        &no_work_replace,
        root_sum_files,
        false,
    );
    notes(sink, bundle, &ctx, &session.loader);
    let mains = super::graph_shape::Mains {
        files: vec![super::graph_shape::MainFile {
            file: "go.mod",
            data: gomod,
            m: main,
        }],
        workspace: false,
    };
    super::graph_shape::check(sink, bundle, &mains, res);
}

/// The rules that need one main module's go.mod and go.sum, skipped in workspace mode.
const SINGLE_MODULE_CODES: &[Code] = &[
    rule_code!("updates-needed"),
    rule_code!("sum-missing"),
    rule_code!("sum-unused"),
    rule_code!("retracted-version"),
    rule_code!("deprecated-module"),
    rule_code!("module-path-mismatch"),
    rule_code!("go-below-dependency"),
];

/// Workspace mode: the graph-shape rules on the workspace's resolution, reported on the used
/// modules' go.mod files. The go.sum and go.mod consistency rules are per module and skipped.
fn workspace(sink: &mut Sink, bundle: &Bundle, gowork: &[u8], local_go: Option<&str>) {
    let Ok(work) = crate::workfile::parse("go.work", gowork) else {
        return;
    };
    let mut parsed: Vec<(String, &[u8], ModFile)> = Vec::new();
    for u in &work.use_ {
        let Some(dir) = super::gowork::join("", &u.path) else {
            continue;
        };
        let Some(data) = bundle.workspace_file(&dir, WorkspaceFile::GoMod) else {
            continue;
        };
        let name = if dir.is_empty() {
            "go.mod".to_owned()
        } else {
            format!("{dir}/go.mod")
        };
        if let Ok(m) = modfile::parse(&name, data) {
            parsed.push((name, data, m));
        }
    }
    let requirers: Vec<Requirer> = parsed
        .iter()
        .map(|(name, data, m)| Requirer {
            file: name,
            data,
            m,
        })
        .collect();
    let work_replace = Replacements::new(&work.replace);
    // go looks a hash up in go.work.sum and in every workspace module's go.sum; without one of
    // them in the input, the lines it would hold are unknown.
    let work_sum = bundle.workspace_file("", WorkspaceFile::GoWorkSum);
    let mut absent: Vec<String> = Vec::new();
    if work_sum.is_none() {
        absent.push("go.work.sum".to_owned());
    }
    let mut sum_files = vec![GoSum::parse("go.work.sum", work_sum.unwrap_or_default())];
    for r in &requirers {
        let name = match r.file.strip_suffix("go.mod") {
            Some(dir) => format!("{dir}go.sum"),
            None => continue,
        };
        match bundle.file(&name) {
            Some(data) => sum_files.push(GoSum::parse(&name, data)),
            None => absent.push(name),
        }
    }
    let sums = requirements::Sums {
        files: sum_files,
        edit: None,
        absent,
    };
    let requires = parsed.iter().any(|(_, _, m)| !m.require.is_empty());
    // Without the requirements' go.mod files only the go.mod and go.sum rules run; the others
    // are skipped naming the missing files. Whether any is missing.
    let without_files = |sink: &mut Sink| {
        let missing = missing_requirement_files(bundle, &requirers, &work_replace);
        let any = !missing.is_empty();
        if any {
            without_graph(
                sink,
                bundle,
                &requirers,
                &work_replace,
                &sums,
                "go.work",
                missing,
            );
        }
        any
    };
    if requires && bundle.dependency_paths().is_empty() && without_files(sink) {
        return;
    }
    let settings = settings_for(local_go);
    let Some(input) = crate::resolve::bundle_input(bundle, settings.clone()) else {
        return;
    };
    let res = crate::resolve::resolve(&input, Cmd::ListAll);
    if let Some(error) = &res.error {
        if without_files(sink) {
            return;
        }
        requirements::check(sink, bundle, &requirers, &work_replace, &sums, true);
        skip_all(
            sink,
            "go.work",
            &format!(
                "the workspace's module graph does not load: {}",
                crate::resolve::user_error_text(error.text(), &settings)
            ),
            "fix the errors reported for go.work and its modules, or add the missing files",
        );
        return;
    }
    requirements::check(sink, bundle, &requirers, &work_replace, &sums, false);
    for &code in SINGLE_MODULE_CODES
        .iter()
        .filter(|c| **c != rule_code!("sum-missing"))
    {
        sink.skip(
            code,
            "go.work",
            "in workspace mode only the graph's shape is checked".to_owned(),
            "check each module's directory on its own, with its go.sum".to_owned(),
        );
    }
    let mains = super::graph_shape::Mains {
        files: parsed
            .iter()
            .map(|(name, data, m)| super::graph_shape::MainFile {
                file: name,
                data,
                m,
            })
            .collect(),
        workspace: true,
    };
    super::graph_shape::check(sink, bundle, &mains, &res);
}

/// updates-needed: the requirements the go command would write (the roots after its
/// `-mod=mod` fix-up) differ from go.mod's. Paths that a file-level rule explains already
/// (duplicates, excluded versions) are left to that rule.
fn updates(sink: &mut Sink, ctx: &Main<'_>, res: &Resolution) {
    let main = ctx.m;
    // The highest version go.mod requires of each path, sorted by path for bisection (a sorted
    // vector rather than a B-tree map, whose code every key and value type would copy).
    let mut required: Vec<(&str, &str)> = main
        .require
        .iter()
        .map(|r| (r.module.path.as_str(), r.module.version.as_str()))
        .collect();
    crate::sort::sort_by(&mut required, |a, b| a.0.cmp(b.0));
    let written: Vec<(&str, &str)> = required
        .chunk_by(|a, b| a.0 == b.0)
        .filter_map(|group| {
            let (path, _) = *group.first()?;
            let highest = group.iter().fold("", |v, &(_, version)| {
                if crate::version::semver::compare(version, v).is_gt() || v.is_empty() {
                    version
                } else {
                    v
                }
            });
            Some((path, highest))
        })
        .collect();
    // Paths whose change other rules explain: required more than once (the groups above), or
    // required at an excluded version. Sets, so that each root costs a lookup, not a scan.
    let required_twice: FxHashSet<&str> = required
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|group| group.len() > 1)
        .filter_map(|group| group.first().map(|&(path, _)| path))
        .collect();
    let required_versions: FxHashSet<&crate::modfile::ModuleVersion> =
        main.require.iter().map(|r| &r.module).collect();
    let excluded_and_required: FxHashSet<&str> = main
        .exclude
        .iter()
        .filter(|e| required_versions.contains(&e.module))
        .map(|e| e.module.path.as_str())
        .collect();
    let explained =
        |path: &str| required_twice.contains(path) || excluded_and_required.contains(path);
    let mut changes: Vec<(&ModuleVersion, Option<&str>)> = Vec::new();
    for root in &res.roots {
        if root.path == "go" || root.path == "toolchain" || res.main_modules.contains(&root.path) {
            continue;
        }
        let current = written
            .binary_search_by(|(path, _)| (*path).cmp(root.path.as_str()))
            .ok()
            .and_then(|i| written.get(i))
            .map(|&(_, version)| version);
        if current == Some(root.version.as_str()) || explained(&root.path) {
            continue;
        }
        changes.push((root, current));
    }
    if changes.is_empty() {
        return;
    }
    let fix = updated_gomod(ctx, &changes);
    // The first requirer of each module that is not a main module, in edge order.
    let mut first_requirer: FxHashMap<&ModuleVersion, &ModuleVersion> = FxHashMap::default();
    for (from, to) in &res.edges {
        if !res.main_modules.contains(&from.path) {
            first_requirer.entry(to).or_insert(from);
        }
    }
    let pointer = shared_fix_pointer(&fix, "updates-needed", changes.len());
    let carrier = first_in_file(changes.iter().map(|(root, _)| ctx.location(&root.path)));
    for (i, (root, current)) in changes.iter().enumerate() {
        let fix = match &pointer {
            Some(pointer) if i != carrier => pointer.clone(),
            _ => fix.clone(),
        };
        let needed_by = first_requirer
            .get(root)
            .map(|from| format!(" because {}@{} requires it", from.path, from.version))
            .unwrap_or_default();
        let what = match current {
            Some(v) => format!(
                "{} {v} must be raised to {}{needed_by}",
                root.path, root.version
            ),
            None => format!("{} {} must be listed{needed_by}", root.path, root.version),
        };
        sink.report(
            rule_code!("updates-needed"),
            "go.mod",
            ctx.data,
            ctx.location(&root.path),
            format!("{what}; under -mod=readonly the go command stops with: go: updates to go.mod needed; to update it:\n\tgo mod tidy"),
            vec![fix],
        );
    }
}

/// The fix for updates-needed: go.mod with the changed requirements, formatted.
fn updated_gomod(ctx: &Main<'_>, changes: &[(&ModuleVersion, Option<&str>)]) -> Fix {
    let mut m = ctx.m.clone();
    // The requirement indices of each path, found once: setting versions keeps the list as it
    // is, and new requirements are only added for paths that had none.
    let mut indices_of: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, r) in ctx.m.require.iter().enumerate() {
        indices_of
            .entry(r.module.path.as_str())
            .or_default()
            .push(i);
    }
    for (root, current) in changes {
        match current {
            Some(_) => {
                for &i in indices_of.get(root.path.as_str()).into_iter().flatten() {
                    m.set_require_version(i, &root.version);
                }
            }
            None => m.add_new_require(&root.path, &root.version, true),
        }
    }
    m.sort_blocks();
    m.cleanup();
    let edits = match String::from_utf8(m.format()) {
        Ok(new_text) => vec![TextEdit {
            file: "go.mod".to_owned(),
            range: 0..ctx.data.len(),
            new_text,
        }],
        Err(_) => Vec::new(),
    };
    Fix {
        title: "Write the requirements the go command selects".to_owned(),
        edits,
        commands: vec!["go mod tidy".to_owned()],
    }
}

/// With a pasted `go mod graph` output instead of go.mod files: the build list is MVS over the
/// pasted edges, and every build-list module that is not replaced needs its go.mod hash (the go
/// command reads each selected module's go.mod). Hashes, retractions, deprecations and path
/// checks need the go.mod files themselves, so those rules are skipped.
fn supplied_graph(sink: &mut Sink, bundle: &Bundle, main: &ModFile, gomod: &[u8], graph: &[u8]) {
    let mut res = crate::resolve::resolve_graph_text(&String::from_utf8_lossy(graph));
    crate::resolve::with_main_gomod(&mut res, gomod);
    let ctx = Main::new(gomod, main);
    // The rules on names see the modules go.mod and go.sum name (the graph's paths are the
    // same once go.sum is complete); the others need the go.mod files themselves.
    let requirer = [Requirer {
        file: "go.mod",
        data: gomod,
        m: main,
    }];
    let undecided = named::check(sink, bundle, &requirer, &root_sums(bundle).files);
    for &code in GRAPH_CODES.iter().filter(|c| {
        !RUN_WITHOUT_GRAPH.contains(c)
            || (**c == rule_code!("ambiguous-import-risk") && !undecided.is_empty())
    }) {
        sink.skip(
            code,
            "go.mod",
            format!("{NEEDS_DEPENDENCY_FILES}the modules of the pasted go mod graph output"),
            "add the dependencies' go.mod files (module@version)".to_owned(),
        );
    }
    if let Some(error) = &res.error {
        sink.skip(
            rule_code!("sum-missing"),
            crate::bundle::MOD_GRAPH_FILE,
            format!("the pasted graph does not parse: {error}"),
            "paste the output of go mod graph unchanged".to_owned(),
        );
        return;
    }
    let sum = GoSum::parse(
        "go.sum",
        bundle
            .workspace_file("", WorkspaceFile::GoSum)
            .unwrap_or_default(),
    );
    // The module each replacement stands for, the first in the build list: looked up once per
    // missing hash, a scan of the build list each time would be quadratic.
    let mut replaced: FxHashMap<&ModuleVersion, &ModuleVersion> = FxHashMap::default();
    for e in &res.build_list {
        if let Some(r) = &e.replacement {
            replaced.entry(r).or_insert(&e.module);
        }
    }
    // The same needs the go.sum view counts (`with_main_gomod`).
    for need in &res.sums.graph {
        let m = &need.module;
        if !sum.gomod_hashes(&m.path, &m.version).is_empty() {
            continue;
        }
        let original = replaced.get(m).copied();
        let (path, message) = match original {
            Some(o) => (
                o.path.as_str(),
                requirements::missing_gomod_message(
                    &o.path,
                    &o.version,
                    Some((&m.path, &m.version)),
                ),
            ),
            None => (
                m.path.as_str(),
                requirements::missing_gomod_message(&m.path, &m.version, None),
            ),
        };
        sink.report(
            rule_code!("sum-missing"),
            "go.mod",
            gomod,
            ctx.location(path),
            message,
            vec![Fix {
                title: "Record the missing hashes".to_owned(),
                edits: Vec::new(),
                commands: vec!["go mod download".to_owned()],
            }],
        );
    }
}

struct Main<'a> {
    data: &'a [u8],
    m: &'a ModFile,
    /// The first requirement line of each path: a finding per module of a large graph looked
    /// it up by a scan of the requirements, quadratic in the size of go.mod.
    first_require: FxHashMap<&'a str, crate::syntax::LineId>,
}

impl<'a> Main<'a> {
    fn new(data: &'a [u8], m: &'a ModFile) -> Main<'a> {
        let mut first_require = FxHashMap::default();
        for r in &m.require {
            first_require
                .entry(r.module.path.as_str())
                .or_insert(r.line);
        }
        Main {
            data,
            m,
            first_require,
        }
    }

    /// The go.mod line requiring `path`, or the module line.
    fn location(&self, path: &str) -> std::ops::Range<usize> {
        let id = self
            .first_require
            .get(path)
            .copied()
            .or(self.m.module.as_ref().map(|m| m.line));
        id.and_then(|id| self.m.syntax.line(id))
            .map_or(0..0, |l| l.byte_span())
    }
}

/// How many bytes of one whole-file fix the findings that share it may carry together.
const MAX_COPIED_FIX_BYTES: usize = 1 << 20;

/// The index of the finding the report lists first among findings at `ranges` of one file
/// (the report sorts by position, keeping the order of findings at the same one).
pub(super) fn first_in_file(ranges: impl Iterator<Item = std::ops::Range<usize>>) -> usize {
    ranges
        .enumerate()
        .min_by_key(|(_, r)| (r.start, r.end))
        .map_or(0, |(i, _)| i)
}

/// One fix that rewrites a whole file serves all `findings` findings of `code` (applying it
/// fixes them all), so a copy on every finding is quadratic: with 10,000 missing go.sum hashes
/// it was gigabytes. Every finding carries it while the copies stay small; beyond that only the
/// first one does, and this fix, for the others, gives the commands and points at it.
pub(super) fn shared_fix_pointer(fix: &Fix, code: &str, findings: usize) -> Option<Fix> {
    let bytes: usize = fix.edits.iter().map(|e| e.new_text.len()).sum();
    if bytes.saturating_mul(findings) <= MAX_COPIED_FIX_BYTES {
        return None;
    }
    Some(Fix {
        title: format!(
            "{} (one fix for all {code} findings: the first of them offers it)",
            fix.title
        ),
        edits: Vec::new(),
        commands: fix.commands.clone(),
    })
}

fn sums(sink: &mut Sink, bundle: &Bundle, ctx: &Main<'_>, res: &Resolution) {
    let sum_data = bundle
        .workspace_file("", WorkspaceFile::GoSum)
        .unwrap_or_default();
    let sum = GoSum::parse("go.sum", sum_data);
    let needs: Vec<_> = res
        .sums
        .graph
        .iter()
        .chain(res.sums.build_list.iter())
        .collect();
    let missing: Vec<_> = needs
        .iter()
        .filter(|n| {
            sum.gomod_hashes(&n.module.path, &n.module.version)
                .is_empty()
        })
        .collect();
    if !missing.is_empty() {
        let added: Vec<String> = missing
            .iter()
            .filter_map(|n| {
                n.hash
                    .clone()
                    .map(|h| format!("{}/go.mod {h}", n.module.version))
            })
            .collect();
        let mut entries: Vec<(String, String, String)> = sum
            .entries()
            .map(|(_, e)| (e.path.clone(), e.version.clone(), e.hash.clone()))
            .collect();
        for n in &missing {
            if let Some(h) = &n.hash {
                entries.push((
                    n.module.path.clone(),
                    format!("{}/go.mod", n.module.version),
                    h.clone(),
                ));
            }
        }
        let rewritten = write_sums(
            entries
                .iter()
                .map(|(p, v, h)| (p.as_str(), v.as_str(), h.as_str())),
        );
        let fix = Fix {
            title: format!(
                "Add the missing go.mod hash{} to go.sum",
                if added.len() == 1 { "" } else { "es" }
            ),
            edits: match String::from_utf8(rewritten) {
                Ok(new_text) if !added.is_empty() => vec![TextEdit {
                    file: "go.sum".to_owned(),
                    range: 0..sum_data.len(),
                    new_text,
                }],
                _ => Vec::new(),
            },
            commands: vec!["go mod download".to_owned()],
        };
        // The needs name what go downloads; go's message names the module it replaces. The
        // first node replaced by each module, found once rather than by a scan per finding.
        let mut replaced_by: FxHashMap<&ModuleVersion, &ModuleVersion> = FxHashMap::default();
        for node in &res.nodes {
            if let Some(replacement) = &node.replacement {
                replaced_by.entry(replacement).or_insert(&node.module);
            }
        }
        let original_path = |m: &'_ ModuleVersion| -> String {
            replaced_by.get(m).map_or(&m.path, |o| &o.path).clone()
        };
        let pointer = shared_fix_pointer(&fix, "sum-missing", missing.len());
        let carrier = first_in_file(
            missing
                .iter()
                .map(|n| ctx.location(&original_path(&n.module))),
        );
        for (i, n) in missing.into_iter().enumerate() {
            let fix = match &pointer {
                Some(pointer) if i != carrier => pointer.clone(),
                _ => fix.clone(),
            };
            let original = replaced_by.get(&n.module).copied();
            let message = match original {
                Some(o) => requirements::missing_gomod_message(
                    &o.path,
                    &o.version,
                    Some((&n.module.path, &n.module.version)),
                ),
                None => {
                    requirements::missing_gomod_message(&n.module.path, &n.module.version, None)
                }
            };
            let path = original_path(&n.module);
            let path = path.as_str();
            sink.report(
                rule_code!("sum-missing"),
                "go.mod",
                ctx.data,
                ctx.location(path),
                message,
                vec![fix],
            );
        }
    }
    // Which lines go mod tidy would drop is only predictable for pruned graphs, where the
    // needs above are complete for go.mod hashes and zip hashes belong to build-list modules.
    if res.pruning != Some(Pruning::Pruned) {
        return;
    }
    // Sorted vectors searched by bisection, rather than B-tree sets: every B-tree key type adds
    // its own copy of the B-tree code to the web app.
    let mut gomod_needed: Vec<(&str, &str)> = needs
        .iter()
        .copied()
        .chain(res.sums.tidy_compat.iter())
        .map(|n| (n.module.path.as_str(), n.module.version.as_str()))
        .collect();
    crate::sort::sort(&mut gomod_needed);
    let mut zip_needed: Vec<(&str, &str)> = res
        .sums
        .zip_if_imported
        .iter()
        .map(|m: &ModuleVersion| (m.path.as_str(), m.version.as_str()))
        .collect();
    crate::sort::sort(&mut zip_needed);
    for (line, entry) in sum.entries() {
        let key = (entry.path.as_str(), entry.module_version());
        let needed = if entry.is_go_mod() {
            gomod_needed.binary_search(&key).is_ok()
        } else {
            zip_needed.binary_search(&key).is_ok()
        };
        if needed {
            continue;
        }
        // The line's own span: finding it by number scanned the file once per unused line.
        let range = line.span.clone();
        sink.report(
            rule_code!("sum-unused"),
            "go.sum",
            sum_data,
            range.clone(),
            format!(
                "{} {} is not used by the module graph; go mod tidy removes this line",
                entry.path, entry.version
            ),
            vec![Fix {
                title: format!("Delete line {}", line.number),
                edits: vec![TextEdit {
                    file: "go.sum".to_owned(),
                    range: text::whole_line(sum_data, range.start),
                    new_text: String::new(),
                }],
                commands: vec!["go mod tidy".to_owned()],
            }],
        );
    }
}

fn notes(
    sink: &mut Sink,
    bundle: &Bundle,
    ctx: &Main<'_>,
    loader: &crate::resolve::loader::Loader<'_>,
) {
    for r in &ctx.m.require {
        let m = ModuleVersion::new(r.module.path.as_str(), r.module.version.as_str());
        let notes = retract::notes(loader, &m);
        let range = ctx.m.syntax.line(r.line).map_or(0..0, |l| l.byte_span());
        let upgrade = Fix {
            title: format!("Move {} to its latest version", m.path),
            edits: Vec::new(),
            commands: vec![format!("go get {}@latest", m.path)],
        };
        // A retracted version moves to the version `go get M@latest` picks, when the input
        // holds its go.mod (so the edit can record its hash too).
        let retracted_fix = match &notes.retracted {
            Some(_) => newer_unretracted(bundle, loader, &m)
                .and_then(|v| move_requirement(bundle, ctx, r, &v))
                .unwrap_or_else(|| upgrade.clone()),
            None => upgrade.clone(),
        };
        if let Some(rationales) = &notes.retracted {
            // Like the go command's ModuleRetractedError: only the first rationale is shown.
            let why = match rationales.first().map(String::as_str) {
                None | Some(UNEXPLAINED) => UNEXPLAINED.to_owned(),
                Some(first) => format!("{UNEXPLAINED}: {}", short_message(first, UNEXPLAINED)),
            };
            sink.report(
                rule_code!("retracted-version"),
                "go.mod",
                ctx.data,
                range.clone(),
                format!("go: warning: {}@{}: {why}", m.path, m.version),
                vec![retracted_fix],
            );
        }
        if !notes.deprecated.is_empty() {
            sink.report(
                rule_code!("deprecated-module"),
                "go.mod",
                ctx.data,
                range,
                format!(
                    "go: module {} is deprecated: {}",
                    m.path,
                    short_message(&notes.deprecated, "")
                ),
                vec![upgrade],
            );
        }
    }
}

/// The version `go get PATH@latest` would move a retracted `m` to, among the versions the
/// input lists (`@v/list`) and holds a go.mod for: the highest release that is not retracted,
/// else the highest such pre-release; only versions above `m`.
fn newer_unretracted(
    bundle: &Bundle,
    loader: &crate::resolve::loader::Loader<'_>,
    m: &ModuleVersion,
) -> Option<String> {
    let mut candidates: Vec<String> = bundle
        .versions(&m.path)
        .into_iter()
        .filter(|v| {
            crate::version::semver::is_valid(v)
                && crate::version::semver::compare(v, &m.version).is_gt()
                && bundle.dependency_gomod(&m.path, v).is_some()
        })
        .collect();
    crate::version::semver::sort(&mut candidates);
    let usable = |v: &&String| {
        retract::notes(loader, &ModuleVersion::new(m.path.as_str(), v.as_str()))
            .retracted
            .is_none()
    };
    let release = candidates
        .iter()
        .rev()
        .filter(|v| crate::version::semver::prerelease(v).is_empty())
        .find(usable);
    release
        .or_else(|| candidates.iter().rev().find(usable))
        .cloned()
}

/// The fix moving requirement `r` to `version`: the version token of its go.mod line, and the
/// go.mod hash of that version added to go.sum when missing.
fn move_requirement(
    bundle: &Bundle,
    ctx: &Main<'_>,
    r: &crate::modfile::Require,
    version: &str,
) -> Option<Fix> {
    let line = ctx.m.syntax.line(r.line)?.byte_span();
    let in_block = ctx.m.syntax.block_of(r.line).is_some();
    let token = text::token_in(ctx.data, line, if in_block { 1 } else { 2 })?;
    let mut edits = vec![TextEdit {
        file: "go.mod".to_owned(),
        range: token,
        new_text: version.to_owned(),
    }];
    let sum_data = bundle
        .workspace_file("", WorkspaceFile::GoSum)
        .unwrap_or_default();
    let sum = GoSum::parse("go.sum", sum_data);
    let path = r.module.path.as_str();
    if sum.gomod_hashes(path, version).is_empty() {
        let gomod = bundle.dependency_gomod(path, version)?;
        let entries: Vec<(String, String, String)> = sum
            .entries()
            .map(|(_, e)| (e.path.clone(), e.version.clone(), e.hash.clone()))
            .chain(std::iter::once((
                path.to_owned(),
                format!("{version}/go.mod"),
                crate::sum::gomod_hash(gomod),
            )))
            .collect();
        let rewritten = write_sums(
            entries
                .iter()
                .map(|(p, v, h)| (p.as_str(), v.as_str(), h.as_str())),
        );
        edits.push(TextEdit {
            file: "go.sum".to_owned(),
            range: 0..sum_data.len(),
            new_text: String::from_utf8(rewritten).ok()?,
        });
    }
    Some(Fix {
        title: format!("Move {path} to {version}, its latest version that is not retracted"),
        edits,
        commands: vec![format!("go get {path}@latest")],
    })
}

/// The go command's `ShortMessage`: the first line, trimmed, unless it is empty (then
/// `empty_default`), longer than 500 bytes, or holds non-printable characters (control
/// characters here; Go's `unicode.IsGraphic` also rejects a few format characters).
fn short_message(message: &str, empty_default: &str) -> String {
    let first = message.split('\n').next().unwrap_or_default().trim();
    if first.is_empty() {
        empty_default.to_owned()
    } else if first.len() > 500 {
        "(message omitted: too long)".to_owned()
    } else if first.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        "(message omitted: contains non-printable characters)".to_owned()
    } else {
        first.to_owned()
    }
}
