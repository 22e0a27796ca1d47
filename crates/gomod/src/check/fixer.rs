//! Applying fixes to a whole bundle until no more apply.

use super::{apply_edits, bundle_files, check, EditFiles, Fix, Options, Report};
use crate::bundle::{Bundle, FileKind, WorkspaceFile};
use crate::{modfile, workfile};

/// Rounds of check-and-fix before giving up; each round applies every fix that does not clash
/// with another, so real bundles settle in two or three.
const MAX_ROUNDS: usize = 8;

/// A fix that [`fix_bundle`] applied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedFix {
    pub code: &'static str,
    pub file: String,
    pub title: String,
}

/// The result of [`fix_bundle`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixOutcome {
    /// The fixed bundle (files in the original order, created files at the end).
    pub bundle: Bundle,
    /// The names of the files that changed or were created, sorted.
    pub changed: Vec<String>,
    pub applied: Vec<AppliedFix>,
    /// The check of the fixed bundle.
    pub report: Report,
}

/// Applies the preferred fix (the first one with edits) of every diagnostic whose code is in
/// `only` (every code when `only` is empty), checks again, and repeats while fixes apply.
/// Changed go.mod and go.work files are then formatted canonically, as the go command writes
/// them.
pub fn fix_bundle(bundle: &Bundle, options: &Options, only: &[&str]) -> FixOutcome {
    let mut order: Vec<String> = bundle.files().iter().map(|f| f.name.clone()).collect();
    let mut files = bundle_files(bundle);
    let mut current = bundle.clone();
    // Kept sorted and free of duplicates at the end (a vector rather than a B-tree set, whose
    // code the String key would copy into the web app).
    let mut changed: Vec<String> = Vec::new();
    let mut applied = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let report = check(&current, options);
        let mut candidates: Vec<(&'static str, &str, &Fix)> = report
            .diagnostics
            .iter()
            .filter(|d| only.is_empty() || only.contains(&d.code))
            .filter_map(|d| {
                d.fixes
                    .iter()
                    .find(|f| !f.edits.is_empty())
                    .map(|f| (d.code, d.file.as_str(), f))
            })
            .collect();
        // Whole-file reformatting clashes with every other edit, so it goes last (and is
        // usually made unnecessary by the final formatting).
        crate::sort::sort_by_key(&mut candidates, |(code, _, _)| *code == "not-formatted");
        let fixes: Vec<&Fix> = candidates.iter().map(|c| c.2).collect();
        let outcome = apply_edits(&files, &fixes);
        if outcome.applied.is_empty() {
            break;
        }
        for &i in &outcome.applied {
            if let Some((code, file, fix)) = candidates.get(i) {
                applied.push(AppliedFix {
                    code,
                    file: (*file).to_owned(),
                    title: fix.title.clone(),
                });
                changed.extend(fix.edits.iter().map(|e| e.file.clone()));
            }
        }
        files = outcome.files;
        for name in files.keys() {
            if !order.contains(name) {
                order.push(name.clone());
            }
        }
        current = rebuild(&order, &files);
    }
    crate::sort::sort(&mut changed);
    changed.dedup();
    for name in &changed {
        let Some(data) = files.get(name) else {
            continue;
        };
        let kind = current
            .files()
            .iter()
            .find(|f| &f.name == name)
            .map(|f| f.kind.clone());
        let formatted = match kind {
            Some(FileKind::Workspace {
                file: WorkspaceFile::GoMod,
                ..
            }) => modfile::format(name, data).ok(),
            Some(FileKind::Workspace {
                file: WorkspaceFile::GoWork,
                ..
            }) => workfile::format(name, data).ok(),
            _ => None,
        };
        if let Some(formatted) = formatted {
            files.insert(name.clone(), formatted);
        }
    }
    let bundle = rebuild(&order, &files);
    let report = check(&bundle, options);
    FixOutcome {
        bundle,
        changed,
        applied,
        report,
    }
}

fn rebuild(order: &[String], files: &EditFiles) -> Bundle {
    Bundle::from_files(
        order
            .iter()
            .filter_map(|name| files.get(name).map(|data| (name.clone(), data.clone()))),
    )
}
