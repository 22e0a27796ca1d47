//! Graph rules, on top of the resolver: sum-missing, sum-unused, retracted-version,
//! deprecated-module and module-path-mismatch. They need the dependencies' go.mod files (the
//! bundle's GOPROXY-layout files); without them they are skipped, never guessed.

use std::collections::BTreeSet;

use super::{text, Fix, Sink, TextEdit};
use crate::bundle::{Bundle, WorkspaceFile};
use crate::modfile::{self, ModFile};
use crate::resolve::resolution::{from_session, Origin, Resolution};
use crate::resolve::{command, retract, Cmd, Input, Mod, Settings};
use crate::sum::{write_sums, GoSum};

/// What the go command says about a retraction without rationale.
const UNEXPLAINED: &str = "retracted by module author";

/// The codes of the rules here, for skipped entries.
const GRAPH_CODES: &[&str] = &[
    "sum-missing",
    "sum-unused",
    "retracted-version",
    "deprecated-module",
    "module-path-mismatch",
];

fn skip_all(sink: &mut Sink, file: &str, reason: &str, to_enable: &str) {
    for code in GRAPH_CODES {
        sink.skip(code, file, reason.to_owned(), to_enable.to_owned());
    }
}

/// Runs the graph rules for the bundle's root go.mod (single-module mode).
pub(crate) fn check(sink: &mut Sink, bundle: &Bundle, local_go: Option<&str>) {
    let Some(gomod) = bundle.workspace_file("", WorkspaceFile::GoMod) else {
        return;
    };
    if bundle.workspace_file("", WorkspaceFile::GoWork).is_some() {
        skip_all(
            sink,
            "go.work",
            "workspace graphs are not checked yet",
            "check each module's directory on its own",
        );
        return;
    }
    let Ok(main) = modfile::parse("go.mod", gomod) else {
        return;
    };
    if !main.require.is_empty() && bundle.dependency_paths().is_empty() {
        skip_all(
            sink,
            "go.mod",
            "the dependencies' go.mod files are not in the bundle",
            "add them in GOPROXY layout (PATH/@v/VERSION.mod, as in the module cache's cache/download directory)",
        );
        return;
    }
    let settings = Settings {
        go_version: local_go.map_or_else(|| Settings::default().go_version, str::to_owned),
        ..Settings::default()
    };
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
    let ctx = Main {
        data: gomod,
        m: &main,
    };
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
    sums(sink, bundle, &ctx, &res);
    notes(sink, &ctx, &session.loader);
}

struct Main<'a> {
    data: &'a [u8],
    m: &'a ModFile,
}

impl Main<'_> {
    /// The go.mod line requiring `path`, or the module line.
    fn location(&self, path: &str) -> std::ops::Range<usize> {
        let id = self
            .m
            .require
            .iter()
            .find(|r| r.module.path == path)
            .map(|r| r.line)
            .or(self.m.module.as_ref().map(|m| m.line));
        id.and_then(|id| self.m.syntax.line(id))
            .map_or(0..0, |l| l.byte_span())
    }
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
        for n in missing {
            sink.report(
                "sum-missing",
                "go.mod",
                ctx.data,
                ctx.location(&n.module.path),
                format!(
                    "go: {}@{}: missing go.sum entry for go.mod file; to add it:\n\tgo mod download {}",
                    n.module.path, n.module.version, n.module.path
                ),
                vec![fix.clone()],
            );
        }
    }
    // Which lines go mod tidy would drop is only predictable for pruned graphs, where the
    // needs above are complete for go.mod hashes and zip hashes belong to build-list modules.
    if res.pruning != "pruned" {
        return;
    }
    let gomod_needed: BTreeSet<(&str, &str)> = needs
        .iter()
        .copied()
        .chain(res.sums.tidy_compat.iter())
        .map(|n| (n.module.path.as_str(), n.module.version.as_str()))
        .collect();
    let zip_needed: BTreeSet<(&str, &str)> = res
        .sums
        .zip_if_imported
        .iter()
        .map(|m: &Mod| (m.path.as_str(), m.version.as_str()))
        .collect();
    for (line, entry) in sum.entries() {
        let key = (entry.path.as_str(), entry.module_version());
        let needed = if entry.is_go_mod() {
            gomod_needed.contains(&key)
        } else {
            zip_needed.contains(&key)
        };
        if needed {
            continue;
        }
        let Some(range) = text::line_number_range(sum_data, line.number) else {
            continue;
        };
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
