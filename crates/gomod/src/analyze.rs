//! One call for front ends: everything the playground shows about a bundle.
//!
//! The web app and the JS API hand [`analyze`] the files the user pasted and the settings
//! of the go command they run, and get back one [`Analysis`]: the diagnostics of every rule
//! ([`check::Report`]), the resolved module graph when it can be computed
//! ([`resolve::Resolution`]), and what could not be run and what to paste to enable it. Front ends
//! hold no Go-modules logic: they render this value and apply the fixes it carries with
//! [`preview_fix`] and [`check::fix_bundle`]. Nothing here measures time; callers do.

use std::fmt::Write;

use crate::bundle::{Bundle, FileKind, Problem, WorkspaceFile};
use crate::check::{self, apply_edits, Fix, Report};
use crate::resolve::{self, bundle_input, resolve_graph_text, Cmd, Resolution, Settings};
use crate::version::gover;

pub mod build_list;
pub mod findings;
pub(crate) mod omitted;
pub mod views;
pub mod what_if;
pub mod wire;

/// How the go command picks its toolchain: the resolver's, which names it in its messages.
pub use crate::resolve::Toolchain;

/// The settings of the go command the user runs: the one type for them, which the rules
/// ([`check::check`], [`check::fix_bundle`]), the analysis, the web app and the JS API all take.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `go env GOVERSION` (`1.23.8` or `go1.23.8`); `None` (or blank) when unknown. The rules
    /// judge against it as with `GOTOOLCHAIN=local`.
    pub go_version: Option<String>,
    /// GOTOOLCHAIN: under `auto` the analysis does not report a go line newer than the running
    /// Go as a failure (the go command downloads that toolchain) and resolves as the newest
    /// release would. The rules alone do not read it.
    pub toolchain: Toolchain,
}

impl Options {
    /// The Go version as given, unless it is blank.
    pub(crate) fn given_go_version(&self) -> Option<&str> {
        self.go_version.as_deref().filter(|v| !v.trim().is_empty())
    }

    /// The running Go version without a `go` prefix, if it is a valid Go version.
    pub(crate) fn local_go(&self) -> Option<&str> {
        let v = self.given_go_version()?.trim();
        let v = v.strip_prefix("go").unwrap_or(v);
        gover::is_valid(v).then_some(v)
    }
}

/// Something the playground could not compute, why, and what to supply to get it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotRun {
    pub what: String,
    pub reason: String,
    pub to_enable: String,
}

/// Everything the playground shows about one bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The files as they were analysed.
    pub bundle: Bundle,
    /// Every rule's findings and the checks that were skipped.
    pub report: Report,
    /// The module graph and build list (`go list -m all`), when the bundle has what it needs.
    pub resolution: Option<std::rc::Rc<Resolution>>,
    /// Views that could not be computed.
    pub not_run: Vec<NotRun>,
    /// Remarks about the settings (for example what GOTOOLCHAIN=auto does instead of failing).
    pub notes: Vec<String>,
    /// Files of the bundle that were ignored, and why.
    pub problems: Vec<Problem>,
    /// Findings counted but not held in `report` (only the web page drops any:
    /// [`Analysis::keep_first_findings`]).
    pub omitted: Vec<omitted::OmittedFindings>,
}

/// Analyses files given by relative path (`go.mod`, `go.sum`, `example.com/x/@v/v1.0.0.mod`...).
pub fn analyze_files(files: &[(String, Vec<u8>)], options: &Options) -> Analysis {
    let bundle = Bundle::from_files(files.iter().map(|(n, d)| (n.clone(), d.clone())));
    analyze(&bundle, options)
}

/// Analyses a bundle.
pub fn analyze(bundle: &Bundle, options: &Options) -> Analysis {
    let local_go = options.local_go();
    let mut notes = Vec::new();
    let (mut report, loaded) = check::check_loading_graph(bundle, options);
    if options.toolchain == Toolchain::Auto {
        // With GOTOOLCHAIN=auto an older go command switches to the release the go line names
        // instead of failing, so "needs a newer Go" is not a finding but a download.
        let before = report.diagnostics.len();
        report
            .diagnostics
            .retain(|d| d.code != "go-version-too-new");
        if report.diagnostics.len() != before {
            notes.push(format!(
                "GOTOOLCHAIN=auto: go {} downloads and runs the newer toolchain the go line asks for (with GOTOOLCHAIN=local it would stop)",
                local_go.unwrap_or(resolve::DEFAULT_GO_VERSION)
            ));
        }
    }
    let mut not_run = Vec::new();
    let resolution = resolution_of(bundle, options, &report, loaded, &mut not_run);
    Analysis {
        bundle: bundle.clone(),
        report,
        resolution: resolution.map(std::rc::Rc::new),
        not_run,
        notes,
        problems: bundle.problems().to_vec(),
        omitted: Vec::new(),
    }
}

/// The resolver's settings for the user's go command (for what-if previews too).
pub fn resolve_settings(options: &Options) -> Settings {
    let local_go = options.local_go().map(str::to_owned);
    // GOTOOLCHAIN=auto runs at least the newest release we know, so the go line never stops it.
    let go_version = match (options.toolchain, local_go) {
        (Toolchain::Local, Some(v)) => v,
        (Toolchain::Auto, Some(v)) if gover::compare(&v, resolve::DEFAULT_GO_VERSION).is_gt() => v,
        _ => resolve::DEFAULT_GO_VERSION.to_owned(),
    };
    Settings {
        go_version,
        toolchain: options.toolchain,
        root_dir: PLAYGROUND_DIR.to_owned(),
        ..Settings::default()
    }
}

/// Where the playground pretends the pasted main module is checked out. go prints a file path
/// relative to its working directory when that is shorter, so a directory this deep makes the
/// messages about sibling directories (`replace => ../logging`) read `../logging/go.mod`, as they
/// do on a developer's machine, instead of an absolute path near the file system's root.
pub const PLAYGROUND_DIR: &str = "/home/user/project";

/// The resolution the bundle allows: from go.mod (or go.work) and the dependencies' go.mod
/// files, else from a pasted `go mod graph` output, else none (saying why).
fn resolution_of(
    bundle: &Bundle,
    options: &Options,
    report: &Report,
    loaded: Option<check::LoadedGraph>,
    not_run: &mut Vec<NotRun>,
) -> Option<Resolution> {
    let graph_text = bundle
        .mod_graph()
        .map(|d| String::from_utf8_lossy(d).into_owned());
    let root_gomod = bundle.workspace_file("", WorkspaceFile::GoMod);
    let has_gowork = bundle.workspace_file("", WorkspaceFile::GoWork).is_some();
    // Requirements replaced by a local directory need no proxy files: resolving them shows what
    // go says about the directory (usually that it is missing). Only asked when the bundle has
    // no dependency files: it parses the main go.mod once more.
    let needs_dependencies = || {
        root_gomod.is_some_and(|data| {
            // Strict parsing: the lax parser of dependency go.mod files drops replace directives.
            crate::modfile::parse("go.mod", data).is_ok_and(|m| {
                m.require.iter().any(|r| {
                    !m.replace.iter().any(|rep| {
                        rep.is_directory()
                            && rep.old.path == r.module.path
                            && (rep.old.version.is_empty() || rep.old.version == r.module.version)
                    })
                })
            })
        })
    };
    let dependencies_missing =
        !has_gowork && bundle.dependency_paths().is_empty() && needs_dependencies();
    let supplied = |text: &str| {
        let mut res = resolve_graph_text(text);
        if let Some(gomod) = root_gomod {
            resolve::with_main_gomod(&mut res, gomod);
        }
        res
    };
    if dependencies_missing {
        if let Some(text) = graph_text {
            return Some(supplied(&text));
        }
        // The check report names the missing files (module@version).
        let reason = report
            .skipped
            .iter()
            .find(|s| s.reason.starts_with(check::NEEDS_DEPENDENCY_FILES))
            .map_or_else(
                || "the dependencies' go.mod files are not in the input".to_owned(),
                |s| s.reason.clone(),
            );
        not_run.push(NotRun {
            what: "module graph and build list".to_owned(),
            reason,
            to_enable:
                "add those go.mod files (\"Add file\", module@version), or paste the output of `go mod graph`"
                    .to_owned(),
        });
        return None;
    }
    let settings = resolve_settings(options);
    // The graph rules loaded the single main module's graph as `go list -m all` does; with the
    // same settings it is the resolution this would load again.
    let loaded = loaded
        .filter(|l| !has_gowork && l.settings == settings)
        .map(|l| l.resolution);
    let input = bundle_input(bundle, settings.clone());
    match loaded.or_else(|| input.map(|input| resolve::resolve(&input, Cmd::ListAll))) {
        Some(mut res) => {
            word_errors_for_user(&mut res, &settings);
            // A graph that does not load needs, as far as the input shows, what the checks
            // then check: the listed requirements' lines (the go.sum view says the same).
            if res.error.is_some() {
                if let Some(needs) = check::requirements::root_sum_needs(bundle) {
                    res.sums = needs;
                }
            }
            Some(res)
        }
        None => match graph_text {
            Some(text) => Some(supplied(&text)),
            None => {
                not_run.push(NotRun {
                    what: "module graph and build list".to_owned(),
                    reason: "the bundle has no go.mod or go.work at its root".to_owned(),
                    to_enable: "paste the main module's go.mod".to_owned(),
                });
                None
            }
        },
    }
}

/// The resolver's error texts as the page shows them: no proxy URL or playground directory
/// (see [`resolve::user_error_text`]); the CLI prints go's own.
fn word_errors_for_user(res: &mut Resolution, settings: &Settings) {
    res.error = res
        .error
        .take()
        .map(|e| e.map_text(|text| resolve::user_error_text(text, settings)));
    for node in &mut res.nodes {
        if let Some(e) = &mut node.error {
            *e = resolve::user_error_text(e, settings);
        }
    }
}

/// How many of the catalogue's checks ran on an input, and what the others need.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Checks that ran (found something or not).
    pub ran: usize,
    /// Every check of the catalogue.
    pub total: usize,
    /// Skipped checks that need the dependencies' go.mod files.
    pub need_dependency_files: usize,
    /// Skipped checks that need something else (a setting, a file that parses).
    pub need_other: usize,
}

impl Coverage {
    /// The report's coverage: a rule skipped anywhere counts as not run, and as needing the
    /// dependency files when that is one of its reasons.
    pub fn of(report: &Report) -> Coverage {
        let total = check::RULES.len();
        let mut needs_files = 0;
        let mut needs_other = 0;
        for rule in check::RULES {
            let reasons: Vec<&check::Skipped> = report
                .skipped
                .iter()
                .filter(|s| s.code == rule.code || s.code == "*")
                .collect();
            if reasons.is_empty() {
                continue;
            }
            if reasons
                .iter()
                .any(|s| s.reason.starts_with(check::NEEDS_DEPENDENCY_FILES))
            {
                needs_files += 1;
            } else {
                needs_other += 1;
            }
        }
        Coverage {
            ran: total - needs_files - needs_other,
            total,
            need_dependency_files: needs_files,
            need_other: needs_other,
        }
    }

    /// The header line, when checks were skipped: `12 of 38 checks ran; 26 need your
    /// dependencies' go.mod files — see below`.
    pub fn summary(&self) -> Option<String> {
        if self.ran == self.total {
            return None;
        }
        let mut parts = Vec::new();
        if self.need_dependency_files > 0 {
            parts.push(format!(
                "{} need your dependencies' go.mod files",
                self.need_dependency_files
            ));
        }
        if self.need_other > 0 {
            parts.push(format!("{} need other input", self.need_other));
        }
        Some(format!(
            "{} of {} checks ran; {} — see below",
            self.ran,
            self.total,
            parts.join(", ")
        ))
    }
}

impl Analysis {
    /// How many checks ran; see [`Coverage`].
    pub fn coverage(&self) -> Coverage {
        Coverage::of(&self.report)
    }

    /// The go commands that resolve every finding, each once, in order: of a finding's fixes,
    /// which are alternatives, the first that has commands (the preferred one, as "Apply all
    /// fixes" prefers it), since running all of them is not what resolves it.
    pub fn go_commands(&self) -> Vec<String> {
        // A set remembers what is listed: a report of a large input has thousands of distinct
        // commands, and a scan of the list per command would be quadratic.
        let mut seen: crate::resolve::fxhash::FxHashSet<&str> = Default::default();
        let mut out: Vec<String> = Vec::new();
        for command in self.report.diagnostics.iter().flat_map(|d| {
            d.fixes
                .iter()
                .find(|f| !f.commands.is_empty())
                .map_or(&[][..], |f| f.commands.as_slice())
        }) {
            if seen.insert(command.as_str()) {
                out.push(command.clone());
            }
        }
        out
    }

    /// A plain-text summary for tests and logs: the check report, how many checks ran, then the
    /// resolution's
    /// headline (main modules, build-list size, error), the views not run and the notes.
    pub fn summary(&self) -> String {
        let mut out = check::to_text(&self.report);
        if let Some(coverage) = self.coverage().summary() {
            let _ = writeln!(out, "checks: {coverage}");
        }
        match &self.resolution {
            Some(r) => {
                let _ = writeln!(
                    out,
                    "resolution: main {}; {} modules in the build list; {} nodes, {} edges",
                    r.main_modules.join(", "),
                    r.build_list.len(),
                    r.nodes.len(),
                    r.edges.len()
                );
                if let Some(e) = &r.error {
                    let _ = writeln!(out, "resolution error: {}", e.text().replace('\n', "\n\t"));
                }
            }
            None => out.push_str("resolution: none\n"),
        }
        for n in &self.not_run {
            let _ = writeln!(
                out,
                "not run: {}: {}; to enable: {}",
                n.what, n.reason, n.to_enable
            );
        }
        for n in &self.notes {
            let _ = writeln!(out, "note: {n}");
        }
        for p in &self.problems {
            let _ = writeln!(out, "ignored: {p}");
        }
        out
    }
}

/// One line of a change preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    Removed(String),
    Added(String),
}

/// What a fix does to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    pub file: String,
    pub after: Vec<u8>,
    pub lines: Vec<DiffLine>,
}

/// What applying `fix` to the bundle's files would change, file by file (files it creates
/// included), or `None` when the fix cannot apply (its edits do not fit the files). A changed
/// go.mod or go.work that still parses is written in canonical form, as the go command writes
/// the files it edits (and as [`check::fix_bundle`] does).
pub fn preview_fix(bundle: &Bundle, fix: &Fix) -> Option<Vec<FileChange>> {
    let files = check::bundle_files(bundle);
    let outcome = apply_edits(&files, &[fix]);
    if outcome.applied.is_empty() {
        return None;
    }
    let mut names: Vec<&String> = fix.edits.iter().map(|e| &e.file).collect();
    names.dedup();
    let mut changes = Vec::new();
    for name in names {
        if changes.iter().any(|c: &FileChange| &c.file == name) {
            continue;
        }
        let before = files.get(name).map_or(&[][..], Vec::as_slice);
        let after = canonical(name, outcome.files.get(name).cloned().unwrap_or_default());
        changes.push(FileChange {
            file: name.clone(),
            lines: diff_lines(
                &String::from_utf8_lossy(before),
                &String::from_utf8_lossy(&after),
            ),
            after,
        });
    }
    Some(changes)
}

/// What "Apply all fixes" would do, shown before it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllFixesPreview {
    /// The fixes [`check::fix_bundle`] applies, in the order it applies them.
    pub applied: Vec<check::AppliedFix>,
    /// Every file it changes or creates, with the lines that change.
    pub changes: Vec<FileChange>,
}

/// What applying every fix (as [`check::fix_bundle`] does, until none applies) would change,
/// file by file, or `None` when no fix applies.
pub fn preview_all_fixes(bundle: &Bundle, options: &Options) -> Option<AllFixesPreview> {
    let outcome = check::fix_bundle(bundle, options, &[]);
    if outcome.applied.is_empty() {
        return None;
    }
    let changes = outcome
        .changed
        .iter()
        .filter_map(|name| {
            let after = outcome.bundle.file(name)?.to_vec();
            let before = bundle.file(name).unwrap_or_default();
            (before != after.as_slice()).then(|| FileChange {
                file: name.clone(),
                lines: diff_lines(
                    &String::from_utf8_lossy(before),
                    &String::from_utf8_lossy(&after),
                ),
                after,
            })
        })
        .collect();
    Some(AllFixesPreview {
        applied: outcome.applied,
        changes,
    })
}

/// The canonical form of an edited go.mod or go.work, or the data unchanged when it is another
/// file or does not parse.
fn canonical(name: &str, data: Vec<u8>) -> Vec<u8> {
    let probe = Bundle::from_files([(name, &data[..])]);
    let formatted = match probe.files().first().map(|f| &f.kind) {
        Some(FileKind::Workspace {
            file: WorkspaceFile::GoMod,
            ..
        }) => crate::modfile::format(name, &data).ok(),
        Some(FileKind::Workspace {
            file: WorkspaceFile::GoWork,
            ..
        }) => crate::workfile::format(name, &data).ok(),
        _ => None,
    };
    formatted.unwrap_or(data)
}

/// Lines further than this from a change are left out of a preview.
const CONTEXT: usize = 2;
/// Above this many lines × lines in the changed middle, the preview shows the middle as removed
/// and added whole instead of searching for common lines (keeps previews instant).
const MAX_DIFF_CELLS: usize = 4_000_000;

/// A line diff of two texts with a little context around each change: the common prefix and
/// suffix are trimmed, the middle is aligned on its longest common subsequence.
pub fn diff_lines(before: &str, after: &str) -> Vec<DiffLine> {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let prefix = old
        .iter()
        .zip(new.iter())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old
        .iter()
        .skip(prefix)
        .rev()
        .zip(new.iter().skip(prefix).rev())
        .take_while(|(a, b)| a == b)
        .count();
    let old_mid = old.get(prefix..old.len() - suffix).unwrap_or_default();
    let new_mid = new.get(prefix..new.len() - suffix).unwrap_or_default();
    let mut out: Vec<DiffLine> = Vec::new();
    let context_start = prefix.saturating_sub(CONTEXT);
    for line in old.get(context_start..prefix).unwrap_or_default() {
        out.push(DiffLine::Same((*line).to_owned()));
    }
    out.extend(diff_middle(old_mid, new_mid));
    for line in old
        .get(old.len() - suffix..)
        .unwrap_or_default()
        .iter()
        .take(CONTEXT)
    {
        out.push(DiffLine::Same((*line).to_owned()));
    }
    out
}

fn diff_middle(old: &[&str], new: &[&str]) -> Vec<DiffLine> {
    let removed_then_added = || {
        old.iter()
            .map(|l| DiffLine::Removed((*l).to_owned()))
            .chain(new.iter().map(|l| DiffLine::Added((*l).to_owned())))
            .collect()
    };
    if old.len().saturating_mul(new.len()) > MAX_DIFF_CELLS {
        return removed_then_added();
    }
    // lcs[i][j]: the longest common subsequence of old[i..] and new[j..].
    let width = new.len() + 1;
    let mut lcs = vec![0usize; (old.len() + 1) * width];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            let value = if old.get(i) == new.get(j) {
                lcs.get((i + 1) * width + j + 1).copied().unwrap_or(0) + 1
            } else {
                let down = lcs.get((i + 1) * width + j).copied().unwrap_or(0);
                let right = lcs.get(i * width + j + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = lcs.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    let at = |i: usize, j: usize| lcs.get(i * width + j).copied().unwrap_or(0);
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < old.len() || j < new.len() {
        match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) if a == b => {
                out.push(DiffLine::Same((*a).to_owned()));
                i += 1;
                j += 1;
            }
            (Some(a), Some(_)) if at(i + 1, j) >= at(i, j + 1) => {
                out.push(DiffLine::Removed((*a).to_owned()));
                i += 1;
            }
            (_, Some(b)) => {
                out.push(DiffLine::Added((*b).to_owned()));
                j += 1;
            }
            (Some(a), None) => {
                out.push(DiffLine::Removed((*a).to_owned()));
                i += 1;
            }
            (None, None) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests;
