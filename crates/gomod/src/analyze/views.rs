//! The module views' models: the lists the web app's Conflicts and go.sum views render, computed
//! here so that the Go-modules knowledge in them (which diagnostics are conflicts, which go.sum
//! lines a graph needs) stays in the core and the components only draw rows.

mod requirement_tree;
mod why_chains;

pub use requirement_tree::{
    matches_query, requirement_tree, tree_key, RequirementTree, TreeMove, TreeNode, TreeRow,
    TreeStatus, SEARCH_LIMIT,
};
pub use why_chains::why_chain_edges;

use super::build_list::{go_versions, GoLines};
use super::what_if::{module_choices, ModuleChoice};
use crate::check::Report;
use crate::resolve::{version_skew, ErrorKind, Pruning, Resolution};
use crate::sum::GoSum;

/// The kinds of conflict, in the order the view lists them.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum ConflictKind {
    Path,
    Case,
    Replace,
    Sum,
    VersionSkew,
}

impl ConflictKind {
    pub fn label(self) -> &'static str {
        match self {
            ConflictKind::Path => "path conflict",
            ConflictKind::Case => "case conflict",
            ConflictKind::Replace => "replace conflict",
            ConflictKind::Sum => "go.sum conflict",
            ConflictKind::VersionSkew => "version skew",
        }
    }
}

/// One conflict.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub message: String,
    /// The module path to focus in the graph, when there is one.
    pub module: Option<String>,
    /// The index in `Report::diagnostics` of the diagnostic reporting it.
    pub diagnostic: Option<usize>,
    /// Whether that diagnostic offers a fix or a command that resolves it (the view then says
    /// "and fix"; a button must not promise a fix that is not there).
    pub resolvable: bool,
}

/// The diagnostic codes that are conflicts, and their kinds.
fn kind_of_code(code: &str) -> Option<ConflictKind> {
    match code {
        "replace-conflict" | "replace-duplicate" => Some(ConflictKind::Replace),
        "duplicate-module-path" | "module-path-mismatch" => Some(ConflictKind::Path),
        "sum-conflict" => Some(ConflictKind::Sum),
        _ => None,
    }
}

/// Every conflict of a resolution and a check report, grouped by kind.
pub fn conflicts(res: &Resolution, report: &Report) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (i, d) in report.diagnostics.iter().enumerate() {
        if let Some(kind) = kind_of_code(d.code) {
            out.push(Conflict {
                kind,
                message: d.message.clone(),
                module: None,
                diagnostic: Some(i),
                resolvable: d
                    .fixes
                    .iter()
                    .any(|f| !f.edits.is_empty() || !f.commands.is_empty()),
            });
        }
    }
    // The go command stops on this one; a check may not have reported it, so say it here.
    if let Some(e) = &res.error {
        if e.kind() == ErrorKind::ReplacementForTwoPaths
            && !out
                .iter()
                .any(|c| c.kind == ConflictKind::Path && c.message.contains(e.text()))
        {
            out.push(Conflict {
                kind: ConflictKind::Path,
                message: e.text().to_owned(),
                module: None,
                diagnostic: None,
                resolvable: false,
            });
        }
    }
    // Build-list paths grouped by their case-folded form, in key order and each group in
    // build-list order (a stable sort of a vector rather than a B-tree map, whose code every
    // key and value type would copy into the bundle).
    let mut by_fold: Vec<(String, &str)> = res
        .build_list
        .iter()
        .map(|e| {
            (
                crate::path::case_fold_key(&e.module.path),
                e.module.path.as_str(),
            )
        })
        .collect();
    let groups = crate::sort::groups_by(&mut by_fold, |a, b| a.0.cmp(&b.0)).map(|group| {
        let mut paths: Vec<&str> = Vec::with_capacity(group.len());
        for &(_, path) in group {
            if !paths.contains(&path) {
                paths.push(path);
            }
        }
        paths
    });
    for paths in groups.filter(|p| p.len() > 1) {
        out.push(Conflict {
            kind: ConflictKind::Case,
            message: format!(
                "{} differ only in case; go cannot hold them in one module cache",
                paths.join(" and ")
            ),
            module: paths.first().map(|p| (*p).to_owned()),
            diagnostic: None,
            resolvable: false,
        });
    }
    for skew in version_skew(res) {
        out.push(Conflict {
            kind: ConflictKind::VersionSkew,
            message: format!(
                "{}: {} required; {} selected",
                skew.path,
                skew.versions.join(", "),
                if skew.selected.is_empty() {
                    "none"
                } else {
                    skew.selected.as_str()
                }
            ),
            module: Some(skew.path),
            diagnostic: None,
            resolvable: false,
        });
    }
    crate::sort::sort_by_key(&mut out, |c| c.kind);
    out
}

/// What go.sum says about one needed (or recorded) hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SumStatus {
    /// Needed and recorded with the right hash (or a hash we cannot recompute).
    Needed,
    /// Needed to load the graph or list the build list, and not in go.sum.
    Missing,
    /// Recorded with a hash different from the one the go.mod bytes give.
    Conflicting,
    /// A module zip hash not in go.sum; needed only once a package of the module is imported.
    MissingIfImported,
    /// In go.sum, but nothing in this graph needs it (`go mod tidy` would remove it).
    Unused,
    /// In go.sum, not among the lines this graph is known to need, and not known to be unused
    /// either (the graph is unpruned, does not load, or was pasted as `go mod graph` output, as
    /// for sum-unused).
    NotChecked,
}

impl SumStatus {
    pub fn label(self) -> &'static str {
        match self {
            SumStatus::Needed => "needed",
            SumStatus::Missing => "missing",
            SumStatus::Conflicting => "conflicting",
            SumStatus::MissingIfImported => "missing if imported",
            SumStatus::Unused => "unused",
            SumStatus::NotChecked => "not checked",
        }
    }
}

/// One line of the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SumRow {
    pub path: String,
    /// The version as go.sum writes it (`v1.2.3` for the zip hash, `v1.2.3/go.mod`).
    pub version: String,
    pub status: SumStatus,
    /// The go.sum line number, when the line is in go.sum.
    pub line: Option<u32>,
    /// The hash the graph needs (the line to add), when it is known.
    pub want: Option<String>,
}

/// The rows: needed `/go.mod` lines (graph, build list, and those `go mod tidy` keeps for the
/// previous Go release), module zip lines, then unused lines in file order.
pub fn sum_rows(res: &Resolution, gosum: &GoSum) -> Vec<SumRow> {
    let mut out = Vec::new();
    // Sorted and searched by bisection below: a vector rather than a hash set, whose hashing
    // and table code this key type would be alone in needing (about 1 KB gzip of wasm).
    let mut used: Vec<(String, String)> = Vec::new();
    // Missing and conflicting as sum-missing and sum-hash-mismatch decide: a graph or
    // build-list line absent, the first h1: hash differing from the file's. The lines `go mod
    // tidy` keeps for the previous Go release are needed when present, never missing.
    let required = res.sums.graph.iter().chain(&res.sums.build_list);
    let needs = required
        .map(|n| (n, true))
        .chain(res.sums.tidy_compat.iter().map(|n| (n, false)));
    for (need, required) in needs {
        let version = format!("{}/go.mod", need.module.version);
        let found = gosum.lookup(&need.module.path, &version);
        if found.is_empty() && !required {
            continue;
        }
        let mismatch = need.hash.as_ref().is_some_and(|h| {
            matches!(
                gosum.verify(&need.module.path, &version, h),
                crate::sum::Verification::Mismatch { .. }
            )
        });
        let status = if found.is_empty() {
            SumStatus::Missing
        } else if mismatch {
            SumStatus::Conflicting
        } else {
            SumStatus::Needed
        };
        out.push(SumRow {
            path: need.module.path.clone(),
            line: found.first().map(|(l, _)| l.number),
            want: need.hash.clone(),
            status,
            version: version.clone(),
        });
        used.push((need.module.path.clone(), version));
    }
    for m in &res.sums.zip_if_imported {
        let found = gosum.lookup(&m.path, &m.version);
        out.push(SumRow {
            path: m.path.clone(),
            version: m.version.clone(),
            status: if found.is_empty() {
                SumStatus::MissingIfImported
            } else {
                SumStatus::Needed
            },
            line: found.first().map(|(l, _)| l.number),
            want: None,
        });
        used.push((m.path.clone(), m.version.clone()));
    }
    crate::sort::sort(&mut used);
    // As for sum-unused: only a pruned graph's needs are known exactly.
    let unused = if res.pruning == Some(Pruning::Pruned) && res.error.is_none() {
        SumStatus::Unused
    } else {
        SumStatus::NotChecked
    };
    for (line, e) in gosum.entries() {
        let key = (e.path.as_str(), e.version.as_str());
        if used
            .binary_search_by(|(p, v)| (p.as_str(), v.as_str()).cmp(&key))
            .is_err()
        {
            out.push(SumRow {
                path: e.path.clone(),
                version: e.version.clone(),
                status: unused,
                line: Some(line.number),
                want: None,
            });
        }
    }
    out
}

/// What the module views derive from an analysis that has a resolution, each a pass over the
/// whole build list or the files: the go line of each module (the main go.mod is parsed again
/// for its own), the What-if form's suggestions and the conflicts. The web app's worker computes
/// them with the analysis, off the page's main thread, and sends them with it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ViewInputs {
    pub go_versions: GoLines,
    pub choices: Vec<ModuleChoice>,
    pub conflicts: Vec<Conflict>,
}

impl ViewInputs {
    /// `None` when the analysis has no resolution (there are no module views).
    pub fn of(analysis: &super::Analysis) -> Option<ViewInputs> {
        let resolution = analysis.resolution.as_deref()?;
        Some(ViewInputs {
            go_versions: go_versions(&analysis.bundle, resolution),
            choices: module_choices(&analysis.bundle, Some(resolution)),
            conflicts: conflicts(resolution, &analysis.report),
        })
    }
}

#[cfg(test)]
mod tests;
