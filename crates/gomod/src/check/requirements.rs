//! The go.sum rules that need only the main modules' go.mod files and their go.sum files (and
//! go.work), so they run before any dependency go.mod file is known:
//!
//! - sum-missing for the `PATH VERSION/go.mod` line of every listed requirement: the go command
//!   reads the go.mod of every requirement a main module lists, pruned or not (of the
//!   replacement, when a module version replaces it; none for a directory);
//! - sum-missing-zip for the zip line (`PATH VERSION h1:`) of a direct requirement:
//!   a build importing one of its packages stops without it;
//! - sum-hash-mismatch for a dependency go.mod in the input whose hash is not the one go.sum
//!   records first.

use super::{Fix, Sink, TextEdit};
use crate::bundle::{Bundle, WorkspaceFile};
use crate::modfile::{ModFile, Replacements};
use crate::resolve::fxhash::FxHashSet;
use crate::resolve::loader::checksum_mismatch;
use crate::sum::{gomod_hash, write_sums, GoSum, Verification};

/// A main module's go.mod, as the rules here report on it.
pub(crate) struct Requirer<'a> {
    pub file: &'a str,
    pub data: &'a [u8],
    pub m: &'a ModFile,
}

/// The go.sum files a main module's requirements are looked up in: its own go.sum, or in a
/// workspace go.work.sum and every module's go.sum. `edit` is the file a fix adds lines to
/// (none in a workspace, where `go mod download` decides).
pub(crate) struct Sums<'a> {
    pub files: Vec<GoSum>,
    pub edit: Option<(&'a str, &'a [u8])>,
    /// The go.sum files go would read that the input lacks: then nothing here can be told
    /// (the user pasted go.mod alone), and the rules are skipped rather than report every line.
    pub absent: Vec<String>,
}

impl Sums<'_> {
    fn has_gomod(&self, path: &str, version: &str) -> bool {
        self.files
            .iter()
            .any(|s| s.has_sum(path, &format!("{version}/go.mod")))
    }

    fn has_zip(&self, path: &str, version: &str) -> bool {
        self.files.iter().any(|s| s.has_sum(path, version))
    }
}

/// go's text for a missing `/go.mod` line of `path@version`, replaced by `replacement` (a
/// module version) if it is.
pub(crate) fn missing_gomod_message(
    path: &str,
    version: &str,
    replacement: Option<(&str, &str)>,
) -> String {
    let replaced = replacement.map_or_else(String::new, |(p, v)| format!(" (replaced by {p}@{v})"));
    format!(
        "go: {path}@{version}{replaced}: missing go.sum entry for go.mod file; to add it:\n\tgo mod download {path}"
    )
}

/// What a requirement needs from go.sum: the module version whose files go downloads, or
/// `None` when a directory replaces it.
fn downloaded<'a>(
    path: &'a str,
    version: &'a str,
    mains: &[Requirer<'a>],
    work_replace: &Replacements<'a>,
    own_replace: &Replacements<'a>,
) -> Option<(&'a str, &'a str, bool)> {
    if mains
        .iter()
        .any(|r| r.m.module.as_ref().is_some_and(|m| m.path == path))
    {
        return None;
    }
    // go.work's replacement wins over the module's.
    match work_replace
        .pick(path, version)
        .or_else(|| own_replace.pick(path, version))
    {
        Some(r) if r.is_directory() => None,
        Some(r) => Some((r.new.path.as_str(), r.new.version.as_str(), true)),
        None => Some((path, version, false)),
    }
}

/// The replace directives of a go.mod.
pub(crate) fn replacements(m: &ModFile) -> Replacements<'_> {
    Replacements::new(&m.replace)
}

/// The module versions whose go.mod files the main modules' requirements make go download
/// (after replacement; none for directories), in requirement order.
pub(crate) fn downloads<'a>(
    mains: &[Requirer<'a>],
    work_replace: &Replacements<'a>,
) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    for main in mains {
        let own = replacements(main.m);
        for r in &main.m.require {
            if let Some((path, version, _)) =
                downloaded(&r.module.path, &r.module.version, mains, work_replace, &own)
            {
                out.push((path, version));
            }
        }
    }
    out
}

/// Runs sum-missing on the requirements' go.mod lines (when `gomod_lines`: the graph rules
/// cover them when the graph loads) and on the direct requirements' zip lines.
pub(crate) fn check(
    sink: &mut Sink,
    bundle: &Bundle,
    mains: &[Requirer<'_>],
    work_replace: &Replacements<'_>,
    sums: &Sums<'_>,
    gomod_lines: bool,
) {
    if !sums.absent.is_empty() {
        let reason = format!("{} is not in the input", sums.absent.join(" and "));
        let to_enable = format!("add {}", sums.absent.join(" and "));
        let file = sums.absent.first().map_or("go.sum", String::as_str);
        if gomod_lines {
            sink.skip(
                rule_code!("sum-missing"),
                file,
                reason.clone(),
                to_enable.clone(),
            );
        }
        sink.skip(rule_code!("sum-missing-zip"), file, reason, to_enable);
        return;
    }
    // The lines a fix can add: those whose go.mod is in the input.
    let mut addable: Vec<(String, String, String)> = Vec::new();
    // (main index, require line, required path, message).
    let mut missing: Vec<(usize, std::ops::Range<usize>, &str, String)> = Vec::new();
    // Each module version once (sets: a go.mod can list 200,000 requirements); a requirement
    // listed twice is duplicate-require's finding, not a second missing line.
    let mut seen: FxHashSet<(&str, &str)> = FxHashSet::default();
    let mut zip_seen: FxHashSet<(usize, &str, &str)> = FxHashSet::default();
    for (index, main) in mains.iter().enumerate() {
        let own = replacements(main.m);
        for r in &main.m.require {
            let (path, version) = (r.module.path.as_str(), r.module.version.as_str());
            let Some((target, target_version, replaced)) =
                downloaded(path, version, mains, work_replace, &own)
            else {
                continue;
            };
            let range = main.m.syntax.line(r.line).map_or(0..0, |l| l.byte_span());
            let replacement = replaced.then_some((target, target_version));
            if gomod_lines
                && seen.insert((path, version))
                && !sums.has_gomod(target, target_version)
            {
                if let Some(data) = bundle.dependency_gomod(target, target_version) {
                    addable.push((
                        target.to_owned(),
                        format!("{target_version}/go.mod"),
                        gomod_hash(data),
                    ));
                }
                missing.push((
                    index,
                    range.clone(),
                    path,
                    missing_gomod_message(path, version, replacement),
                ));
            }
            if !r.indirect
                && !sums.has_zip(target, target_version)
                && zip_seen.insert((index, path, version))
            {
                let importer = main
                    .m
                    .module
                    .as_ref()
                    .map_or("example.com/m", |m| m.path.as_str());
                sink.report(
                    rule_code!("sum-missing-zip"),
                    main.file,
                    main.data,
                    range,
                    format!(
                        "go.sum has no hash of the content of {target} {target_version} (the line `{target} {target_version} h1:...`), a direct requirement: a build importing one of its packages stops with go's message for that package, for example: missing go.sum entry for module providing package {target} (imported by {importer}); to add:\n\tgo get {importer}"
                    ),
                    vec![Fix {
                        title: format!("Download {path} to record its hashes"),
                        edits: Vec::new(),
                        commands: vec![format!("go mod download {path}")],
                    }],
                );
            }
        }
    }
    if missing.is_empty() {
        return;
    }
    let fix = add_lines_fix(sums, &addable, missing.len());
    // A whole-file rewrite of go.sum fixes every finding: past a size, only the first carries it.
    let pointer = super::graph::shared_fix_pointer(&fix, "sum-missing", missing.len());
    let carrier = super::graph::first_in_file(missing.iter().map(|(_, range, _, _)| range.clone()));
    for (i, (index, range, path, message)) in missing.into_iter().enumerate() {
        let Some(main) = mains.get(index) else {
            continue;
        };
        let mut fix = match &pointer {
            Some(pointer) if i != carrier => pointer.clone(),
            _ => fix.clone(),
        };
        if fix.edits.is_empty() && pointer.is_none() {
            fix.title = format!("Download {path} to record the hash");
            fix.commands = vec![format!("go mod download {path}")];
        }
        sink.report(
            rule_code!("sum-missing"),
            main.file,
            main.data,
            range,
            message,
            vec![fix],
        );
    }
}

/// The fix for the missing go.mod lines: go.sum rewritten with every line whose go.mod the
/// input holds, when it holds them all; otherwise the command alone.
fn add_lines_fix(sums: &Sums<'_>, addable: &[(String, String, String)], missing: usize) -> Fix {
    let title = format!(
        "Add the missing go.mod hash{} to go.sum",
        if missing == 1 { "" } else { "es" }
    );
    let mut edits = Vec::new();
    if let (Some((name, data)), true) = (sums.edit, addable.len() == missing) {
        let sum = GoSum::parse(name, data);
        let entries: Vec<(&str, &str, &str)> = sum
            .entries()
            .map(|(_, e)| (e.path.as_str(), e.version.as_str(), e.hash.as_str()))
            .chain(
                addable
                    .iter()
                    .map(|(p, v, h)| (p.as_str(), v.as_str(), h.as_str())),
            )
            .collect();
        if let Ok(new_text) = String::from_utf8(write_sums(entries)) {
            edits.push(TextEdit {
                file: name.to_owned(),
                range: 0..data.len(),
                new_text,
            });
        }
    }
    Fix {
        title,
        edits,
        commands: vec!["go mod download".to_owned()],
    }
}

/// sum-hash-mismatch: every `/go.mod` line of a go.sum (or go.work.sum) file whose module's
/// go.mod is in the input with another hash, the first `h1:` line deciding as it does for go.
pub(crate) fn hash_mismatches(sink: &mut Sink, bundle: &Bundle) {
    for (_, which, file) in bundle.workspace_files() {
        if !matches!(which, WorkspaceFile::GoSum | WorkspaceFile::GoWorkSum) {
            continue;
        }
        let shown = file.name.rsplit('/').next().unwrap_or(&file.name);
        let sum = GoSum::parse(&file.name, &file.data);
        let mut checked: Vec<(&str, &str)> = Vec::new();
        for (_, entry) in sum.entries() {
            let Some(version) = entry.version.strip_suffix("/go.mod") else {
                continue;
            };
            // Most inputs hold few dependency go.mod files: ask for the file first.
            let Some(data) = bundle.dependency_gomod(&entry.path, version) else {
                continue;
            };
            if checked.contains(&(entry.path.as_str(), version)) {
                continue;
            }
            checked.push((entry.path.as_str(), version));
            let computed = gomod_hash(data);
            let Verification::Mismatch { line, recorded } =
                sum.verify(&entry.path, &entry.version, &computed)
            else {
                continue;
            };
            let Some(range) = super::gosum::line_on(&sum, line).map(|l| l.span.clone()) else {
                continue;
            };
            sink.report(
                rule_code!("sum-hash-mismatch"),
                &file.name,
                &file.data,
                range,
                checksum_mismatch(&entry.path, &entry.version, &computed, shown, recorded)
                    .trim_end()
                    .to_owned(),
                vec![Fix {
                    title: format!(
                        "Find out which is right: delete this line and download {} {version} again, which checks it against the checksum database",
                        entry.path
                    ),
                    edits: Vec::new(),
                    commands: vec![format!("go mod download {}@{version}", entry.path)],
                }],
            );
        }
    }
}

/// The go.sum lines the root go.mod's listed requirements need, as the rules here check them
/// when the graph does not load: each requirement's `/go.mod` line (after replacement; its hash
/// when the input holds the file), and the content hash of the direct ones; none without a
/// go.sum in the input. `None` without a root go.mod that parses, or in workspace mode.
pub(crate) fn root_sum_needs(bundle: &Bundle) -> Option<crate::resolve::resolution::SumNeeds> {
    use crate::modfile::ModuleVersion;
    use crate::resolve::resolution::{SumNeed, SumNeeds};
    if bundle.workspace_file("", WorkspaceFile::GoWork).is_some() {
        return None;
    }
    let data = bundle.workspace_file("", WorkspaceFile::GoMod)?;
    let m = crate::modfile::parse("go.mod", data).ok()?;
    // Without go.sum the rules are skipped, and nothing is known to be needed from it.
    if bundle.workspace_file("", WorkspaceFile::GoSum).is_none() {
        return Some(SumNeeds::default());
    }
    let mains = [Requirer {
        file: "go.mod",
        data,
        m: &m,
    }];
    let own = replacements(&m);
    let mut graph: Vec<SumNeed> = Vec::new();
    let mut zip: Vec<ModuleVersion> = Vec::new();
    // Sets of what each list holds: a go.mod may require hundreds of thousands of modules, and a
    // scan of the list per requirement would be quadratic.
    let mut in_graph: FxHashSet<ModuleVersion> = Default::default();
    let mut in_zip: FxHashSet<ModuleVersion> = Default::default();
    for r in &m.require {
        let Some((path, version, _)) = downloaded(
            &r.module.path,
            &r.module.version,
            &mains,
            &Replacements::default(),
            &own,
        ) else {
            continue;
        };
        let module = ModuleVersion::new(path, version);
        if !r.indirect && in_zip.insert(module.clone()) {
            zip.push(module.clone());
        }
        if !in_graph.insert(module.clone()) {
            continue;
        }
        graph.push(SumNeed {
            hash: bundle.dependency_gomod(path, version).map(gomod_hash),
            module,
        });
    }
    crate::sort::sort_by(&mut graph, |a, b| {
        crate::resolve::order::compare_mods(&a.module, &b.module)
    });
    Some(SumNeeds {
        graph,
        zip_if_imported: zip,
        ..SumNeeds::default()
    })
}
