//! The build list as the Build list view shows it: one row per `go list -m all` module with the
//! versions required by whom, its replacement, direct or indirect, its go line, and retracted or
//! deprecated marks read back from the check report; filtering and sorting. Pure functions over
//! the resolution, so the web app's table only renders them.

use crate::bundle::Bundle;
use crate::check::Report;
use crate::modfile::ModuleVersion;
use crate::resolve::fxhash::FxHashMap;
use crate::resolve::{ModSource, Resolution};

/// A retraction or deprecation notice for one module version, as the checks report them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub path: String,
    pub version: String,
    /// The retraction message (`retracted by module author: ...`), if retracted.
    pub retracted: Option<String>,
    /// The deprecation message, if the module is deprecated.
    pub deprecated: Option<String>,
}

/// The marks in a check report. The checks word these diagnostics exactly as the go command
/// does (`go: warning: PATH@VERSION: retracted by module author...` and
/// `go: module PATH is deprecated: MESSAGE`), which is what this reads back.
pub fn marks_from_report(report: &Report) -> Vec<Marks> {
    let mut out: Vec<Marks> = Vec::new();
    for d in &report.diagnostics {
        match d.code {
            "retracted-version" => {
                let Some(rest) = d.message.strip_prefix("go: warning: ") else {
                    continue;
                };
                let Some((module, why)) = rest.split_once(": ") else {
                    continue;
                };
                let Some((path, version)) = module.rsplit_once('@') else {
                    continue;
                };
                entry(&mut out, path, version).retracted = Some(why.to_owned());
            }
            "deprecated-module" => {
                let Some(rest) = d.message.strip_prefix("go: module ") else {
                    continue;
                };
                let Some((path, why)) = rest.split_once(" is deprecated: ") else {
                    continue;
                };
                entry(&mut out, path, "").deprecated = Some(why.to_owned());
            }
            _ => {}
        }
    }
    out
}

#[allow(
    clippy::indexing_slicing,
    reason = "`at` is an index of `marks` found or just pushed"
)]
fn entry<'a>(marks: &'a mut Vec<Marks>, path: &str, version: &str) -> &'a mut Marks {
    let found = marks
        .iter()
        .position(|m| m.path == path && (m.version == version || version.is_empty()));
    let at = found.unwrap_or_else(|| {
        marks.push(Marks {
            path: path.to_owned(),
            version: version.to_owned(),
            ..Marks::default()
        });
        marks.len() - 1
    });
    &mut marks[at]
}

/// The go line of every build-list module by path, as `go list -m` reports it (`GoVersion`):
/// read from the module's go.mod (its replacement's, after replacement) in the bundle, even
/// when graph pruning kept the resolver from reading it. Main modules read the bundle's go.mod.
pub fn go_versions(bundle: &Bundle, res: &Resolution) -> GoLines {
    let go_line = |data: &[u8]| {
        crate::modfile::parse_lax("go.mod", data)
            .ok()
            .and_then(|f| f.go)
            .map(|g| g.version)
    };
    // The resolver already read the go line of every go.mod it loaded (after replacement, as
    // here); only the go.mod files it skipped (pruned) or read without a go line are parsed.
    let loaded = sorted_keep_last(
        res.nodes
            .iter()
            .filter(|n| n.requirements_loaded)
            .map(|n| {
                (
                    (n.module.path.as_str(), n.module.version.as_str()),
                    n.go.as_str(),
                )
            })
            .collect(),
    );
    let mut out = Vec::new();
    for e in &res.build_list {
        let key = (e.module.path.as_str(), e.module.version.as_str());
        let found = loaded
            .binary_search_by(|(k, _)| k.cmp(&key))
            .ok()
            .and_then(|i| loaded.get(i));
        if let Some((_, go)) = found.filter(|(_, go)| !go.is_empty()) {
            out.push((e.module.path.clone(), (*go).to_owned()));
            continue;
        }
        let actual = e.replacement.as_ref().unwrap_or(&e.module);
        let data = if e.module.version.is_empty() {
            bundle.file("go.mod").map(std::borrow::Cow::Borrowed)
        } else if actual.version.is_empty() {
            bundle.dir_gomod(&actual.path)
        } else {
            bundle.gomod(&actual.path, &actual.version)
        };
        if let Some(go) = data.and_then(|d| go_line(&d)) {
            out.push((e.module.path.clone(), go));
        }
    }
    GoLines(sorted_keep_last(out))
}

/// The pairs sorted by key, keeping the last of several pairs with one key, as collecting them
/// into a map would. A sorted vector rather than a `BTreeMap`, whose code these key and value
/// types would be alone in bringing into the web app.
fn sorted_keep_last<K: Ord, V>(mut pairs: Vec<(K, V)>) -> Vec<(K, V)> {
    crate::sort::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
    pairs.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            std::mem::swap(later, kept);
        }
        same
    });
    pairs
}

/// The go line of each build-list module, by module path ([`go_versions`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GoLines(Vec<(String, String)>);

impl GoLines {
    /// The go line of the module `path`, if it was read.
    pub fn get(&self, path: &str) -> Option<&String> {
        let i = self
            .0
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()?;
        self.0.get(i).map(|(_, go)| go)
    }
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub path: String,
    /// The selected version; empty for a main module.
    pub version: String,
    /// Who requires which version of this path: (`requirer`, version), in graph order.
    pub required: Vec<(String, String)>,
    /// `path version` or a directory; empty when not replaced.
    pub replacement: String,
    pub main: bool,
    pub direct: bool,
    /// The go line of the module's go.mod, when it was read.
    pub go: String,
    pub retracted: Option<String>,
    pub deprecated: Option<String>,
}

/// The table rows in `go list -m all` order; `go_lines` from [`go_versions`] (a module missing
/// there shows the go line the resolver read, if any).
pub fn rows(res: &Resolution, marks: &[Marks], go_lines: &GoLines) -> Vec<Row> {
    // Each row looks up its requirers, node and marks by path: maps built once keep the table
    // linear in the graph (a scan per row made 200,000 requirements take minutes).
    let mut requirers: FxHashMap<&str, Vec<(String, String)>> = FxHashMap::default();
    for (from, to) in &res.edges {
        requirers
            .entry(to.path.as_str())
            .or_default()
            .push((from.to_string(), to.version.clone()));
    }
    let mut node_go: FxHashMap<&ModuleVersion, &String> = FxHashMap::default();
    for n in &res.nodes {
        node_go.entry(&n.module).or_insert(&n.go);
    }
    let mut retracted: FxHashMap<(&str, &str), &String> = FxHashMap::default();
    let mut deprecated: FxHashMap<&str, &String> = FxHashMap::default();
    for m in marks {
        if let Some(r) = &m.retracted {
            retracted
                .entry((m.path.as_str(), m.version.as_str()))
                .or_insert(r);
        }
        if let Some(d) = &m.deprecated {
            deprecated.entry(m.path.as_str()).or_insert(d);
        }
    }
    res.build_list
        .iter()
        .map(|e| {
            let path = e.module.path.clone();
            let required = requirers.get(path.as_str()).cloned().unwrap_or_default();
            let go = go_lines.get(&path).cloned().unwrap_or_else(|| {
                node_go
                    .get(&e.module)
                    .map(|go| (*go).clone())
                    .unwrap_or_default()
            });
            let retracted = retracted
                .get(&(path.as_str(), e.module.version.as_str()))
                .map(|r| (*r).clone());
            let deprecated = deprecated.get(path.as_str()).map(|d| (*d).clone());
            Row {
                main: e.module.version.is_empty() && res.main_modules.contains(&path),
                version: e.module.version.clone(),
                required,
                replacement: e
                    .replacement
                    .as_ref()
                    .map(|r| {
                        if r.version.is_empty() {
                            r.path.clone()
                        } else {
                            format!("{} {}", r.path, r.version)
                        }
                    })
                    .unwrap_or_default(),
                direct: e.direct,
                go,
                retracted,
                deprecated,
                path,
            }
        })
        .collect()
}

/// Which rows to keep: a case-insensitive substring of the module path, version or
/// replacement; `direct_only` keeps main modules and direct requirements.
pub fn filter_rows<'a>(rows: &'a [Row], query: &str, direct_only: bool) -> Vec<&'a Row> {
    let q = query.trim().to_lowercase();
    rows.iter()
        .filter(|r| !direct_only || r.direct || r.main)
        .filter(|r| {
            q.is_empty()
                || r.path.to_lowercase().contains(&q)
                || r.version.to_lowercase().contains(&q)
                || r.replacement.to_lowercase().contains(&q)
        })
        .collect()
}

/// The columns a table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// `go list -m all` order: main modules first, then by path.
    ListOrder,
    Path,
    /// The number of requirements on the path, most first when descending.
    Requirers,
    Go,
}

/// Sorts rows in place; ties keep the list order (the sort is stable).
pub fn sort_rows(rows: &mut [&Row], key: SortKey, descending: bool) {
    match key {
        SortKey::ListOrder => {}
        SortKey::Path => crate::sort::sort_by(rows, |a, b| a.path.cmp(&b.path)),
        SortKey::Requirers => crate::sort::sort_by_key(rows, |r| r.required.len()),
        SortKey::Go => {
            crate::sort::sort_by(rows, |a, b| crate::version::gover::compare(&a.go, &b.go))
        }
    }
    if descending {
        rows.reverse();
    }
}
