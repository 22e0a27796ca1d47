//! `gomodplay why MODULE[@VERSION]`: why a module path is in the module graph and at which
//! version, in plain text (or JSON).
//!
//! The facts come from the core's [`explain`] over the resolution `go list -m all` computes:
//! the selected version, every requirement on the path, the shortest requirement chain from a
//! main module to the selected version, bounded lists of chains, and the versions of the path
//! in the graph with their status:
//!
//! * `selected`: the version MVS chose (it is in the build list);
//! * `unselected`: in the graph, but a higher version of the path was chosen;
//! * `pruned`: in the graph as a requirement, but its own go.mod requirements are not part of
//!   the graph (graph pruning, go 1.17 and later), and not chosen.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use gomod::modfile::ModuleVersion;
use gomod::resolve::{self, explain, CommandOutput, Resolution};
use gomod::resolve::{Explanation, Node, Origin};

use crate::json;
use crate::list::{emit, supplied_note};
use crate::load;
use crate::query_args::Query;

/// Runs `why`; returns the exit status.
pub fn run(query: &Query, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let loaded = match load::load(query) {
        Ok(l) => l,
        Err(message) => {
            let _ = stderr.write_all(message.as_bytes());
            return 1;
        }
    };
    let mut out = CommandOutput::default();
    let res = match &loaded.supplied_graph {
        Some((name, text)) => {
            out.stderr = supplied_note(name);
            let res = resolve::resolve_graph_text(&String::from_utf8_lossy(text));
            if let Some(e) = &res.error {
                out.stderr.push_str(&format!("gomodplay: {name}: {e}\n"));
            }
            res
        }
        None => {
            let res = resolve::resolve(&loaded.input(), resolve::Cmd::ListAll);
            out.stderr.push_str(&res.warnings);
            if let Some(e) = &res.error {
                out.stderr.push_str(&format!("go: {e}\n"));
            }
            res
        }
    };
    if res.error.is_some() {
        out.exit_code = 1;
        return emit(&loaded, out, stdout, stderr);
    }
    let (path, version) = match query.module.split_once('@') {
        Some((p, v)) => (p, Some(v)),
        None => (query.module.as_str(), None),
    };
    let report = Report::new(&res, path, version, query.chain_limit);
    if !report.in_graph() {
        out.stderr
            .push_str(&format!("gomodplay: {path} is not in the module graph\n"));
        out.exit_code = 1;
        return emit(&loaded, out, stdout, stderr);
    }
    out.stdout = if query.json {
        json::render(&report.json())
    } else {
        report.text()
    };
    emit(&loaded, out, stdout, stderr)
}

/// Everything `why` prints about one path.
struct Report<'r> {
    explanation: Explanation,
    /// The nodes of the path, in ascending version order.
    versions: Vec<&'r Node>,
    /// The version asked about with `MODULE@VERSION`.
    asked: Option<String>,
    main_module: bool,
    replacement: Option<ModuleVersion>,
    limit: usize,
    supplied: bool,
}

impl<'r> Report<'r> {
    fn new(res: &'r Resolution, path: &str, asked: Option<&str>, limit: usize) -> Report<'r> {
        // A limit of 1 tells whether a second chain exists, for the hint to use --all.
        let explanation = explain(res, path, limit.max(1));
        let skew = resolve::version_skew(res);
        let order: Vec<String> = match skew.iter().find(|s| s.path == path) {
            Some(s) => s.versions.clone(),
            None => Vec::new(),
        };
        let mut versions: Vec<&Node> = res
            .nodes
            .iter()
            .filter(|n| n.module.path == path && !n.module.version.is_empty())
            .collect();
        versions.sort_by_key(|n| order.iter().position(|v| *v == n.module.version));
        let replacement = res
            .build_list
            .iter()
            .find(|e| e.module.path == path)
            .and_then(|e| e.replacement.clone());
        Report {
            explanation,
            versions,
            asked: asked.map(str::to_owned),
            main_module: res.main_modules.iter().any(|m| m == path),
            replacement,
            limit,
            supplied: res.origin == Origin::SuppliedGraph,
        }
    }

    fn in_graph(&self) -> bool {
        self.main_module || !self.versions.is_empty()
    }

    fn node_status(n: &Node) -> &'static str {
        match (n.selected, n.requirements_loaded) {
            (true, _) => "selected",
            (false, true) => "unselected",
            (false, false) => "pruned",
        }
    }

    /// The status of the asked version, or of the path.
    fn status(&self) -> String {
        if self.main_module {
            return "main module".to_owned();
        }
        match &self.asked {
            Some(v) => match self.versions.iter().find(|n| n.module.version == *v) {
                Some(n) => Self::node_status(n).to_owned(),
                None => format!(
                    "absent ({}@{v} is not in the module graph)",
                    self.explanation.path
                ),
            },
            None => match &self.explanation.selected {
                Some(_) => "selected".to_owned(),
                None => "unselected".to_owned(),
            },
        }
    }

    fn chain_text(chain: &[ModuleVersion]) -> String {
        chain
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" -> ")
    }

    fn text(&self) -> String {
        let e = &self.explanation;
        let mut out = String::new();
        let _ = writeln!(out, "module: {}", e.path);
        if let Some(v) = &self.asked {
            let _ = writeln!(out, "asked: {v}");
        }
        match (&e.selected, self.main_module) {
            (_, true) => out.push_str("selected: (main module)\n"),
            (Some(v), false) => {
                let _ = writeln!(out, "selected: {v}");
            }
            (None, false) => out.push_str("selected: (none)\n"),
        }
        if let Some(r) = &self.replacement {
            let _ = writeln!(out, "replaced by: {}", r.to_string().replacen('@', " ", 1));
        }
        let _ = writeln!(out, "status: {}", self.status());
        if self.supplied {
            out.push_str("source: supplied go mod graph (MVS over its edges)\n");
        }
        let _ = writeln!(out, "required by ({}):", e.required_by.len());
        for (who, version) in &e.required_by {
            let _ = writeln!(out, "\t{who} requires {version}");
        }
        // A main module's chain would be itself alone.
        if e.shortest_chain.len() > 1 {
            out.push_str("shortest chain:\n");
            let _ = writeln!(out, "\t{}", Self::chain_text(&e.shortest_chain));
        }
        if self.limit > 0 {
            let more = if e.chains_truncated {
                ", more exist"
            } else {
                ""
            };
            let _ = writeln!(out, "chains ({} listed{more}):", e.chains.len());
            for chain in &e.chains {
                let _ = writeln!(out, "\t{}", Self::chain_text(chain));
            }
        } else if e.chains_truncated {
            out.push_str("more chains exist: --all lists them\n");
        }
        if !self.versions.is_empty() {
            let skew = if self.versions.len() > 1 {
                " (version skew)"
            } else {
                ""
            };
            let _ = writeln!(out, "versions in the graph{skew}:");
            for n in &self.versions {
                let _ = write!(out, "\t{} {}", n.module.version, Self::node_status(n));
                if n.selected && !n.requirements_loaded {
                    out.push_str(", requirements pruned");
                }
                out.push('\n');
                if let Some(err) = &n.error {
                    let _ = writeln!(out, "\t\terror: {}", err.replace('\n', "\n\t\t"));
                }
            }
        }
        out
    }

    fn json(&self) -> WhyJson<'_> {
        let e = &self.explanation;
        let listed = self.limit > 0;
        WhyJson {
            path: &e.path,
            asked: self.asked.as_deref(),
            selected: e.selected.as_deref(),
            main_module: self.main_module,
            replacement: self.replacement.as_ref(),
            status: self.status(),
            required_by: e
                .required_by
                .iter()
                .map(|(module, version)| Requirement { module, version })
                .collect(),
            shortest_chain: &e.shortest_chain,
            chains: if listed { &e.chains } else { &[] },
            chains_truncated: listed && e.chains_truncated,
            versions: self
                .versions
                .iter()
                .map(|n| VersionJson {
                    version: &n.module.version,
                    status: Self::node_status(n),
                    requirements_loaded: n.requirements_loaded,
                    error: n.error.as_deref(),
                })
                .collect(),
        }
    }
}

/// `why --json`, in the schema README.md documents ("JSON output").
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WhyJson<'a> {
    path: &'a str,
    asked: Option<&'a str>,
    selected: Option<&'a str>,
    main_module: bool,
    replacement: Option<&'a ModuleVersion>,
    status: String,
    required_by: Vec<Requirement<'a>>,
    shortest_chain: &'a [ModuleVersion],
    chains: &'a [Vec<ModuleVersion>],
    chains_truncated: bool,
    versions: Vec<VersionJson<'a>>,
}

#[derive(Serialize)]
struct Requirement<'a> {
    module: &'a ModuleVersion,
    version: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct VersionJson<'a> {
    version: &'a str,
    status: &'static str,
    requirements_loaded: bool,
    error: Option<&'a str>,
}
