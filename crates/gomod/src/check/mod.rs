//! Diagnostics: rules that look at a bundle (go.mod, go.sum, go.work, vendor/modules.txt, and
//! whatever else was pasted) and report what is wrong or risky, where, why, and how to fix it.
//!
//! Every finding is a [`Diagnostic`] pointing at the exact bytes that cause it, with a message
//! naming modules and versions and, when a mechanical fix exists, [`Fix`]es made of
//! [`TextEdit`]s plus the equivalent go commands. Fixes are applied by one function,
//! [`apply_edits`], so the CLI, the web app and the tests agree on the result; [`fix_bundle`]
//! applies fixes repeatedly until nothing more can be fixed.
//!
//! Rules degrade with their input: a rule that needs a file or a setting that is not there adds
//! a [`Skipped`] entry to the [`Report`] saying what to paste, instead of guessing. The rule
//! catalogue (stable codes, default severities, explanations) is [`RULES`].
//!
//! Where a rule mirrors a go command failure, the message is the go command's own text (checked
//! against go 1.27.3; see `testdata/check`).

#[macro_use]
mod code;
mod edits;
mod fixer;
mod gomod;
mod gosum;
mod gowork;
mod graph;
mod graph_shape;
mod local_replace;
mod markers;
mod named;
mod render;
mod requirement_notes;
pub(crate) mod requirements;
mod rules;
mod text;
mod vendor;

pub use edits::{apply_edits, bundle_files, EditFiles, EditOutcome};
pub use fixer::{fix_bundle, AppliedFix, FixOutcome};
pub(crate) use graph::LoadedGraph;
pub use graph::NEEDS_DEPENDENCY_FILES;
pub(crate) use render::headline;
pub use render::{to_json, to_sarif, to_text};
pub use rules::{rule, Rule, RULES};

use std::ops::Range;

use crate::analyze::Options;
use crate::bundle::{Bundle, WorkspaceFile};
use code::Code;

/// How serious a finding is. Serialised as `"error"`, `"warning"` or `"info"`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The go command fails (or will fail in CI, under `-mod=readonly`).
    Error,
    /// It works today but breaks for someone else, later, or silently.
    Warning,
    /// Worth knowing; nothing is broken.
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The severity named `error`, `warning` or `info`.
    pub fn from_name(name: &str) -> Option<Severity> {
        match name {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// Where a finding is: 1-based line and column (columns count characters, as go's error
/// positions do) of the first and last character, end exclusive, plus the byte range.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub bytes: Range<usize>,
}

/// One replacement of a byte range of a file. A range `n..n` inserts; a file that does not exist
/// yet is created by an edit at `0..0`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TextEdit {
    pub file: String,
    pub range: Range<usize>,
    pub new_text: String,
}

/// One way to fix a finding: the edits (all applied or none) and the go commands that have the
/// same effect. A fix without edits is advice to run the commands.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
    pub commands: Vec<String>,
}

/// One finding. `file` is relative to the bundle root; `fixes` are in order of preference.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    #[serde(deserialize_with = "crate::analyze::wire::rule_code")]
    pub code: crate::analyze::wire::StaticStr,
    pub severity: Severity,
    pub file: String,
    pub span: Span,
    pub message: String,
    pub fixes: Vec<Fix>,
}

/// A check that could not run, and what to supply to enable it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    #[serde(deserialize_with = "crate::analyze::wire::rule_code")]
    pub code: crate::analyze::wire::StaticStr,
    /// The file the check would have looked at ("" when it concerns the whole bundle).
    pub file: String,
    pub reason: String,
    pub to_enable: String,
}

/// The result of [`check`]: diagnostics sorted by file and position, and the skipped checks.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub skipped: Vec<Skipped>,
}

impl Report {
    /// The report without the diagnostics less serious than `threshold` (`Warning` keeps errors
    /// and warnings). The skipped checks are kept: they say what input is missing, whatever
    /// the severity of what they would find.
    pub fn at_least(mut self, threshold: Severity) -> Report {
        // Severity orders from the most serious (Error) to the least (Info).
        self.diagnostics.retain(|d| d.severity <= threshold);
        self
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Collects diagnostics and skipped checks while the rules run.
pub(crate) struct Sink<'b> {
    diagnostics: Vec<Diagnostic>,
    skipped: Vec<Skipped>,
    /// The line starts of the bundle's files, for the findings' spans.
    lines: text::LineIndexes<'b>,
}

impl<'b> Sink<'b> {
    fn new(bundle: &'b Bundle) -> Sink<'b> {
        Sink {
            diagnostics: Vec::new(),
            skipped: Vec::new(),
            lines: text::LineIndexes::new(bundle.files().iter().map(|f| f.data.as_slice())),
        }
    }

    /// Adds a finding of `code` at `bytes` of `data` (the file's content), with the rule's
    /// default severity.
    pub(crate) fn report(
        &mut self,
        code: Code,
        file: &str,
        data: &[u8],
        bytes: Range<usize>,
        message: String,
        fixes: Vec<Fix>,
    ) {
        let severity = rule(code.as_str()).map_or(Severity::Warning, |r| r.severity);
        self.report_as(code, severity, file, data, bytes, message, fixes);
    }

    /// Like [`Sink::report`] with an explicit severity (for rules whose seriousness depends on
    /// the context).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn report_as(
        &mut self,
        code: Code,
        severity: Severity,
        file: &str,
        data: &[u8],
        bytes: Range<usize>,
        message: String,
        fixes: Vec<Fix>,
    ) {
        self.diagnostics.push(Diagnostic {
            code: code.as_str(),
            severity,
            file: file.to_owned(),
            span: self.lines.span(data, bytes),
            message,
            fixes,
        });
    }

    pub(crate) fn skip(&mut self, code: Code, file: &str, reason: String, to_enable: String) {
        self.skipped.push(Skipped {
            code: code.as_str(),
            file: file.to_owned(),
            reason,
            to_enable,
        });
    }
}

/// Runs every rule on the bundle's workspace files.
pub fn check(bundle: &Bundle, options: &Options) -> Report {
    check_loading_graph(bundle, options).0
}

/// [`check`], and the module graph its graph rules loaded for a single main module, which
/// `analyze` shows rather than loading it again.
pub(crate) fn check_loading_graph(
    bundle: &Bundle,
    options: &Options,
) -> (Report, Option<graph::LoadedGraph>) {
    let mut sink = Sink::new(bundle);
    // The rules judge against the Go version the user runs as with GOTOOLCHAIN=local: under
    // auto the go command switches toolchains instead, which `analyze` says (it reads the
    // toolchain setting; the rules do not).
    let given = options.given_go_version();
    let local_go = options.local_go();
    if given.is_some() && local_go.is_none() {
        sink.skip(
            rule_code!("go-version-too-new"),
            "",
            // Quoted as go quotes (strconv.Quote), not with Rust's {:?}: the same text for
            // anything that looks like a version, and no Unicode printability tables in the
            // web app.
            format!(
                "{} is not a Go version",
                crate::syntax::quote::quote(given.unwrap_or_default())
            ),
            "pass the output of `go env GOVERSION`, for example go1.23.8".to_owned(),
        );
    }
    let mut modules = Vec::new();
    for (dir, which, file) in bundle.workspace_files() {
        markers::check(&mut sink, &file.name, &file.data);
        match which {
            WorkspaceFile::GoMod => {
                if let Some(module) =
                    gomod::check(&mut sink, bundle, dir, &file.name, &file.data, local_go)
                {
                    modules.push(module);
                }
            }
            WorkspaceFile::GoSum | WorkspaceFile::GoWorkSum => {
                gosum::check(&mut sink, &file.name, &file.data)
            }
            WorkspaceFile::GoWork => {}
            WorkspaceFile::ModulesTxt => {}
        }
    }
    gowork::check(&mut sink, bundle, &modules, local_go);
    requirements::hash_mismatches(&mut sink, bundle);
    let loaded = graph::check(&mut sink, bundle, local_go);
    vendor::check(&mut sink, bundle);
    if given.is_none() {
        let has_main = bundle
            .workspace_files()
            .any(|(_, w, _)| matches!(w, WorkspaceFile::GoMod | WorkspaceFile::GoWork));
        if has_main {
            sink.skip(
                rule_code!("go-version-too-new"),
                "",
                "the Go version you run is not known".to_owned(),
                "pass --go-version with the output of `go env GOVERSION` (GOTOOLCHAIN=local)"
                    .to_owned(),
            );
        }
    }
    let mut diagnostics = sink.diagnostics;
    let order = |a: &Diagnostic, b: &Diagnostic| {
        (
            a.file.as_str(),
            a.span.bytes.start,
            a.span.bytes.end,
            a.code,
        )
            .cmp(&(
                b.file.as_str(),
                b.span.bytes.start,
                b.span.bytes.end,
                b.code,
            ))
    };
    // The rules mostly report in file order: a single pass then finds nothing to sort, where
    // the merge sort's n log n comparisons were a tenth of checking a million-line go.sum.
    if !diagnostics.is_sorted_by(|a, b| order(a, b).is_le()) {
        crate::sort::sort_by(&mut diagnostics, order);
    }
    let mut skipped = sink.skipped;
    crate::sort::sort(&mut skipped);
    skipped.dedup();
    (
        Report {
            diagnostics,
            skipped,
        },
        loaded,
    )
}

/// What the go.mod rules learned about one module, for the rules that compare modules.
#[derive(Debug, Clone)]
pub(crate) struct ModuleSummary {
    /// The directory of the go.mod in the bundle (`""` at the root).
    pub dir: String,
    pub file: String,
    pub path: String,
    /// Byte range of the module line.
    pub module_line: Range<usize>,
    /// The go line's version, if any.
    pub go: Option<String>,
    /// Byte range of the go line, if any.
    pub go_line: Option<Range<usize>>,
}
