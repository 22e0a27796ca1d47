//! Graph rules, on top of the resolver: updates-needed, sum-missing, sum-unused,
//! retracted-version, deprecated-module and module-path-mismatch here, and the rules on the
//! graph's shape in `graph_shape`. They need the dependencies' go.mod files (the bundle's
//! GOPROXY-layout files); without them they are skipped, never guessed. With a go.work the
//! shape rules run on the workspace's resolution and the per-module rules are skipped.

use super::{text, Fix, Sink, TextEdit};
use crate::bundle::{Bundle, WorkspaceFile};
use crate::modfile::{self, ModFile};
use crate::resolve::fxhash::{FxHashMap, FxHashSet};
use crate::resolve::resolution::{from_session, Origin, Resolution};
use crate::resolve::{command, retract, Cmd, Input, Mod, Settings};
use crate::sum::{write_sums, GoSum};

/// What the go command says about a retraction without rationale.
const UNEXPLAINED: &str = "retracted by module author";

/// The codes of the rules here, for skipped entries.
const GRAPH_CODES: &[&str] = &[
    "updates-needed",
    "sum-missing",
    "sum-unused",
    "retracted-version",
    "deprecated-module",
    "module-path-mismatch",
    "version-skew",
    "major-version-split",
    "case-collision",
    "ambiguous-import-risk",
    "replace-two-paths",
    "replace-unused",
    "replace-in-dependency",
    "go-below-dependency",
];

fn skip_all(sink: &mut Sink, file: &str, reason: &str, to_enable: &str) {
    for code in GRAPH_CODES {
        sink.skip(code, file, reason.to_owned(), to_enable.to_owned());
    }
}

/// Skips the graph rules of `file` because the bundle holds no dependency go.mod file.
fn skip_without_dependencies(sink: &mut Sink, file: &str) {
    skip_all(
        sink,
        file,
        "the dependencies' go.mod files are not in the bundle",
        "add them in GOPROXY layout (PATH/@v/VERSION.mod, as in the module cache's cache/download directory)",
    );
}

/// The resolver's settings for the user's go version (the default one when it is not known).
fn settings_for(local_go: Option<&str>) -> Settings {
    Settings {
        go_version: local_go.map_or_else(|| Settings::default().go_version, str::to_owned),
        ..Settings::default()
    }
}

/// Runs the graph rules for the bundle's root go.mod (single-module mode).
pub(crate) fn check(sink: &mut Sink, bundle: &Bundle, local_go: Option<&str>) {
    if let Some(gowork) = bundle.workspace_file("", WorkspaceFile::GoWork) {
        workspace(sink, bundle, gowork, local_go);
        return;
    }
    let Some(gomod) = bundle.workspace_file("", WorkspaceFile::GoMod) else {
        return;
    };
    let Ok(main) = modfile::parse("go.mod", gomod) else {
        return;
    };
    if !main.require.is_empty() && bundle.dependency_paths().is_empty() {
        if let Some(graph) = bundle.mod_graph() {
            supplied_graph(sink, bundle, &main, gomod, graph);
            return;
        }
        skip_without_dependencies(sink, "go.mod");
        return;
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
        return;
    };
    let mut session = command::load_single(&input, file, Cmd::ListAll);
    let res = from_session(&mut session, Origin::Source);
    let ctx = Main::new(gomod, &main);
    if let Some(error) = &res.error {
        if error.contains("module declares its path as:") {
            let path = error.split(['@', ' ', ':']).next().unwrap_or_default();
            sink.report(
                "module-path-mismatch",
                "go.mod",
                gomod,
                ctx.location(path),
                format!("go: {error}"),
                Vec::new(),
            );
        } else if error.contains(" requires go >= ") && error.contains("GOTOOLCHAIN=") {
            // A dependency needs a newer Go than the one the user runs.
            let path = error.split(['@', ' ', ':']).next().unwrap_or_default();
            sink.report(
                "go-version-too-new",
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
        } else {
            skip_all(
                sink,
                "go.mod",
                &format!("the module graph does not load: {error}"),
                "add the missing files to the bundle",
            );
        }
        return;
    }
    updates(sink, &ctx, &res);
    sums(sink, bundle, &ctx, &res);
    notes(sink, &ctx, &session.loader);
    let mains = super::graph_shape::Mains {
        files: vec![super::graph_shape::MainFile {
            file: "go.mod",
            data: gomod,
            m: &main,
        }],
        workspace: false,
    };
    super::graph_shape::check(sink, bundle, &mains, &res);
}

/// The rules that need one main module's go.mod and go.sum, skipped in workspace mode.
const SINGLE_MODULE_CODES: &[&str] = &[
    "updates-needed",
    "sum-missing",
    "sum-unused",
    "retracted-version",
    "deprecated-module",
    "module-path-mismatch",
    "go-below-dependency",
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
    let requires = parsed.iter().any(|(_, _, m)| !m.require.is_empty());
    if requires && bundle.dependency_paths().is_empty() {
        skip_without_dependencies(sink, "go.work");
        return;
    }
    let settings = settings_for(local_go);
    let Some(input) = crate::resolve::bundle_input(bundle, settings) else {
        return;
    };
    let res = crate::resolve::resolve(&input, Cmd::ListAll);
    if let Some(error) = &res.error {
        skip_all(
            sink,
            "go.work",
            &format!("the workspace's module graph does not load: {error}"),
            "fix the errors reported for go.work and its modules, or add the missing files",
        );
        return;
    }
    for code in SINGLE_MODULE_CODES {
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
    let mut changes: Vec<(&Mod, Option<&str>)> = Vec::new();
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
    let mut first_requirer: FxHashMap<&Mod, &Mod> = FxHashMap::default();
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
            "updates-needed",
            "go.mod",
            ctx.data,
            ctx.location(&root.path),
            format!("{what}; under -mod=readonly the go command stops with: go: updates to go.mod needed; to update it:\n\tgo mod tidy"),
            vec![fix],
        );
    }
}

/// The fix for updates-needed: go.mod with the changed requirements, formatted.
fn updated_gomod(ctx: &Main<'_>, changes: &[(&Mod, Option<&str>)]) -> Fix {
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
    let res = crate::resolve::resolve_graph_text(&String::from_utf8_lossy(graph));
    let ctx = Main::new(gomod, main);
    for code in GRAPH_CODES.iter().filter(|c| **c != "sum-missing") {
        sink.skip(
            code,
            "go.mod",
            "only the go mod graph output is in the bundle".to_owned(),
            "add the dependencies' go.mod files in GOPROXY layout (PATH/@v/VERSION.mod)".to_owned(),
        );
    }
    if let Some(error) = &res.error {
        sink.skip(
            "sum-missing",
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
    // Replaced module versions, and paths replaced at every version, as sets: one lookup per
    // build-list module instead of a scan of the replacements.
    let mut replaced_versions: FxHashSet<(&str, &str)> = FxHashSet::default();
    let mut replaced_paths: FxHashSet<&str> = FxHashSet::default();
    for r in &main.replace {
        if r.old.version.is_empty() {
            replaced_paths.insert(r.old.path.as_str());
        } else {
            replaced_versions.insert((r.old.path.as_str(), r.old.version.as_str()));
        }
    }
    for entry in &res.build_list {
        let m = &entry.module;
        let replaced = replaced_paths.contains(m.path.as_str())
            || replaced_versions.contains(&(m.path.as_str(), m.version.as_str()));
        if m.version.is_empty()
            || res.main_modules.contains(&m.path)
            || replaced
            || !sum.gomod_hashes(&m.path, &m.version).is_empty()
        {
            continue;
        }
        sink.report(
            "sum-missing",
            "go.mod",
            gomod,
            ctx.location(&m.path),
            format!(
                "go: {}@{}: missing go.sum entry for go.mod file; to add it:\n\tgo mod download {}",
                m.path, m.version, m.path
            ),
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
fn first_in_file(ranges: impl Iterator<Item = std::ops::Range<usize>>) -> usize {
    ranges
        .enumerate()
        .min_by_key(|(_, r)| (r.start, r.end))
        .map_or(0, |(i, _)| i)
}

/// One fix that rewrites a whole file serves all `findings` findings of `code` (applying it
/// fixes them all), so a copy on every finding is quadratic: with 10,000 missing go.sum hashes
/// it was gigabytes. Every finding carries it while the copies stay small; beyond that only the
/// first one does, and this fix, for the others, gives the commands and points at it.
fn shared_fix_pointer(fix: &Fix, code: &str, findings: usize) -> Option<Fix> {
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
        let pointer = shared_fix_pointer(&fix, "sum-missing", missing.len());
        let carrier = first_in_file(missing.iter().map(|n| ctx.location(&n.module.path)));
        for (i, n) in missing.into_iter().enumerate() {
            let fix = match &pointer {
                Some(pointer) if i != carrier => pointer.clone(),
                _ => fix.clone(),
            };
            sink.report(
                "sum-missing",
                "go.mod",
                ctx.data,
                ctx.location(&n.module.path),
                format!(
                    "go: {}@{}: missing go.sum entry for go.mod file; to add it:\n\tgo mod download {}",
                    n.module.path, n.module.version, n.module.path
                ),
                vec![fix],
            );
        }
    }
    // Which lines go mod tidy would drop is only predictable for pruned graphs, where the
    // needs above are complete for go.mod hashes and zip hashes belong to build-list modules.
    if res.pruning != "pruned" {
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
        .map(|m: &Mod| (m.path.as_str(), m.version.as_str()))
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
            "sum-unused",
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

fn notes(sink: &mut Sink, ctx: &Main<'_>, loader: &crate::resolve::loader::Loader<'_>) {
    for r in &ctx.m.require {
        let m = Mod::new(r.module.path.as_str(), r.module.version.as_str());
        let notes = retract::notes(loader, &m);
        let range = ctx.m.syntax.line(r.line).map_or(0..0, |l| l.byte_span());
        let upgrade = Fix {
            title: format!("Move {} to its latest version", m.path),
            edits: Vec::new(),
            commands: vec![format!("go get {}@latest", m.path)],
        };
        if let Some(rationales) = &notes.retracted {
            // Like the go command's ModuleRetractedError: only the first rationale is shown.
            let why = match rationales.first().map(String::as_str) {
                None | Some(UNEXPLAINED) => UNEXPLAINED.to_owned(),
                Some(first) => format!("{UNEXPLAINED}: {}", short_message(first, UNEXPLAINED)),
            };
            sink.report(
                "retracted-version",
                "go.mod",
                ctx.data,
                range.clone(),
                format!("go: warning: {}@{}: {why}", m.path, m.version),
                vec![upgrade.clone()],
            );
        }
        if !notes.deprecated.is_empty() {
            sink.report(
                "deprecated-module",
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
