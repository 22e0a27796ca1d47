//! Retractions and deprecations (`CheckRetractions` and `CheckDeprecation` in
//! cmd/go/internal/modload/modfile.go): read from the go.mod of a module's latest version
//! (the `latest` query ignoring retractions and exclusions), unless the module is replaced at
//! all versions.

use std::cmp::Ordering;

use super::loader::Loader;
use super::order::mod_compare;
use super::summary::DepSummary;
use crate::modfile::ModuleVersion;
use crate::version::{is_pseudo_version, semver};

/// What the latest version's go.mod says about a module version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    /// The latest version (after a version-specific replacement), when there is one.
    pub latest: Option<ModuleVersion>,
    /// Rationales of the retractions covering the version; `Some(vec![])` never occurs: an
    /// unexplained retraction reads "retracted by module author".
    pub retracted: Option<Vec<String>>,
    /// The `Deprecated:` message of the latest version's module line.
    pub deprecated: String,
    /// An error loading the retractions (the go command reports it with `-retracted`).
    pub error: Option<String>,
}

/// The `latest` query ignoring retractions and exclusions; None when the proxy has no version.
pub fn latest_ignoring_retractions(loader: &Loader<'_>, path: &str) -> Option<ModuleVersion> {
    if let Some(r) = loader
        .replacement(&ModuleVersion::new(path, ""))
        .filter(|_| has_path_wide(loader, path))
    {
        return Some(r);
    }
    // A path with replacements is queried through the go command's replacement repository:
    // the main modules' version-specific replacements count as versions, and when nothing is
    // listed the highest replaced version is the latest.
    let mut versions: Vec<String> = loader
        .source
        .versions(path)
        .into_iter()
        .filter(|v| !is_pseudo_version(v))
        .collect();
    let mut highest_replaced: Option<&str> = None;
    for old in loader
        .replace
        .iter()
        .flat_map(|r| r.keys())
        .chain(loader.work_replace.keys())
    {
        if old.path != path {
            continue;
        }
        if highest_replaced.is_none_or(|h| mod_compare(path, &old.version, h) == Ordering::Greater)
        {
            highest_replaced = Some(&old.version);
        }
    }
    for old in loader.replace.iter().flat_map(|r| r.keys()) {
        if old.path == path && !old.version.is_empty() && !is_pseudo_version(&old.version) {
            versions.push(old.version.clone());
        }
    }
    versions.retain(|v| semver::is_valid(v));
    crate::sort::sort_by(&mut versions, |a, b| mod_compare(path, a, b));
    versions.dedup();
    let mut releases: Vec<&str> = Vec::new();
    let mut prereleases: Vec<&str> = Vec::new();
    let mut last_compatible: Option<&str> = None;
    for v in &versions {
        if !v.ends_with("+incompatible") {
            last_compatible = Some(v);
        } else if let Some(lc) = last_compatible {
            // Incompatible versions only count when the latest compatible version has no go.mod
            // of its own (the proxy then serves the synthesised `module path` file).
            let synthetic = format!("module {path}\n");
            let has_go_mod = loader
                .source
                .gomod(path, lc)
                .is_some_and(|d| d != synthetic.as_bytes());
            if has_go_mod {
                break;
            }
            last_compatible = None;
        }
        if semver::prerelease(v).is_empty() {
            releases.push(v);
        } else {
            prereleases.push(v);
        }
    }
    let latest = match releases.last().or(prereleases.last()) {
        Some(v) => (*v).to_owned(),
        None => highest_replaced.filter(|v| !v.is_empty())?.to_owned(),
    };
    let m = ModuleVersion::new(path, latest);
    Some(loader.replacement(&m).unwrap_or(m))
}

fn has_path_wide(loader: &Loader<'_>, path: &str) -> bool {
    let key = ModuleVersion::new(path, "");
    loader.work_replace.contains_key(&key) || loader.replace.iter().any(|r| r.contains_key(&key))
}

/// Reads a go.mod for its retractions and deprecation, tolerating a go line that is too new.
fn latest_summary(
    loader: &Loader<'_>,
    latest: &ModuleVersion,
) -> Result<Option<DepSummary>, String> {
    let data = if latest.version.is_empty() {
        // A missing directory go.mod is reported (its error does not wrap "not found").
        let rel = super::paths::clean(&latest.path);
        let abs = if super::paths::is_abs(&rel) {
            rel.clone()
        } else {
            super::paths::join(&loader.settings.root_dir, &rel)
        };
        let abs_name = super::paths::join(&abs, "go.mod");
        match loader.source.dir_gomod(&rel) {
            Some(d) => d,
            None => {
                let short = super::paths::short_path(&abs_name, &loader.settings.root_dir);
                return Err(format!(
                    "reading {short}: open {abs_name}: no such file or directory"
                ));
            }
        }
    } else {
        // A missing proxy file is "not found", which the go command ignores here.
        match loader.source.gomod(&latest.path, &latest.version) {
            Some(d) => d,
            None => return Ok(None),
        }
    };
    super::files::parse_dep_full("go.mod", &data)
        .map(Some)
        .map_err(|e| format!("parsing go.mod: {e}"))
}

/// Retraction and deprecation notes for `m` (the version must not be empty).
pub fn notes(loader: &Loader<'_>, m: &ModuleVersion) -> Notes {
    let mut out = Notes::default();
    if m.version.is_empty() || has_path_wide(loader, &m.path) {
        return out;
    }
    let Some(latest) = latest_ignoring_retractions(loader, &m.path) else {
        return out;
    };
    out.latest = Some(latest.clone());
    let summary = match latest_summary(loader, &latest) {
        Ok(Some(s)) => s,
        Ok(None) => return out,
        Err(e) => {
            out.error = Some(format!("loading module retractions for {m}: {e}"));
            return out;
        }
    };
    let mut rationale = Vec::new();
    let mut retracted = false;
    for r in &summary.retract {
        if mod_compare(&m.path, &r.low, &m.version) != Ordering::Greater
            && mod_compare(&m.path, &m.version, &r.high) != Ordering::Greater
        {
            retracted = true;
            if !r.rationale.is_empty() {
                rationale.push(r.rationale.clone());
            }
        }
    }
    if retracted {
        if rationale.is_empty() {
            rationale.push("retracted by module author".to_owned());
        }
        out.retracted = Some(rationale);
    }
    out.deprecated = summary.deprecated;
    out
}

/// `ShortMessage`: the first line of a rationale or deprecation, trimmed; `empty_default` when
/// empty; placeholders for over-long or non-printable text.
pub fn short_message(message: &str, empty_default: &str) -> String {
    let first = message.split('\n').next().unwrap_or("").trim();
    if first.is_empty() {
        return empty_default.to_owned();
    }
    if first.len() > 500 {
        return "(message omitted: too long)".to_owned();
    }
    if first.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return "(message omitted: contains non-printable characters)".to_owned();
    }
    first.to_owned()
}
