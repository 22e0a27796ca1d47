//! Conflicts in one place: version skew (several versions of one path in the graph), module
//! paths that differ only in case, paths used for two modules, conflicting replacements and
//! go.sum hashes. Each links to the graph focus and, when a check reported it, to its
//! diagnostic (where the fix is). The list comes from [`conflicts`], a pure function.

use std::rc::Rc;

use gomod::check::Report;
use gomod::resolve::{version_skew, Resolution};
use yew::prelude::*;

/// The kinds of conflict, in the order the view lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub message: String,
    /// The module path to focus in the graph, when there is one.
    pub module: Option<String>,
    /// The index in `Report::diagnostics` of the diagnostic reporting it.
    pub diagnostic: Option<usize>,
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
            });
        }
    }
    // The go command stops on this one; a check may not have reported it, so say it here.
    if let Some(e) = &res.error {
        if e.contains("used for two different module paths")
            && !out
                .iter()
                .any(|c| c.kind == ConflictKind::Path && c.message.contains(e.as_str()))
        {
            out.push(Conflict {
                kind: ConflictKind::Path,
                message: e.clone(),
                module: None,
                diagnostic: None,
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
                gomod::path::case_fold_key(&e.module.path),
                e.module.path.as_str(),
            )
        })
        .collect();
    gomod::sort::sort_by(&mut by_fold, |a, b| a.0.cmp(&b.0));
    let groups = by_fold.chunk_by(|a, b| a.0 == b.0).map(|group| {
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
        });
    }
    gomod::sort::sort_by_key(&mut out, |c| c.kind);
    out
}

#[derive(Properties, PartialEq)]
pub struct ConflictsProps {
    pub resolution: Rc<Resolution>,
    pub report: Rc<Report>,
    /// Called with a module path to focus it in the graph.
    pub on_focus: Callback<String>,
    /// Called with an index into `report.diagnostics` to show that diagnostic and its fixes.
    pub on_diagnostic: Callback<usize>,
}

#[function_component]
pub fn Conflicts(props: &ConflictsProps) -> Html {
    let list = use_memo(
        (props.resolution.clone(), props.report.clone()),
        |(res, report)| conflicts(res, report),
    );
    html! {
        <section class="view conflicts" role="region" aria-label="Conflicts">
            <div class="view-toolbar">
                <h2 class="view-title">{ "Conflicts" }</h2>
                <span class="view-count" role="status">{ format!("{} found", list.len()) }</span>
            </div>
            if list.is_empty() {
                <p class="view-note">{ "No conflicts: every module path has one version and one spelling." }</p>
            } else {
                <ul class="conflict-list">
                    { for list.iter().map(|c| conflict_html(c, props)) }
                </ul>
            }
        </section>
    }
}

fn conflict_html(c: &Conflict, props: &ConflictsProps) -> Html {
    let focus = c.module.clone().map(|path| {
        let onclick = props.on_focus.reform(move |_: MouseEvent| path.clone());
        html! { <button type="button" class="button button-small" {onclick}>{ "Show in graph" }</button> }
    });
    let diagnostic = c.diagnostic.map(|i| {
        let onclick = props.on_diagnostic.reform(move |_: MouseEvent| i);
        html! { <button type="button" class="button button-small" {onclick}>{ "Show diagnostic and fix" }</button> }
    });
    html! {
        <li class={format!("conflict conflict-{}", c.kind.label().replace([' ', '.'], "-"))}>
            <span class="conflict-kind">{ c.kind.label() }</span>
            <span class="conflict-message">{ c.message.clone() }</span>
            <span class="conflict-actions">{ for focus }{ for diagnostic }</span>
        </li>
    }
}
