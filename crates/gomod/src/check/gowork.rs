//! go.work rules and the rules that compare modules: syntax-error, not-formatted,
//! godebug-invalid and go-version-too-new for go.work, workspace-go-too-low, go-version-drift, duplicate-module-path.

use super::{
    gomod::godebug_lines, gomod::not_formatted, text, Fix, ModuleSummary, Severity, Sink, TextEdit,
};
use crate::bundle::{Bundle, WorkspaceFile};
use crate::syntax::LineId;
use crate::version::gover;
use crate::workfile::{self, WorkFile};

/// The go line a go.work without one is read with.
const IMPLIED_WORK_GO: &str = "1.18";

pub(crate) fn check(
    sink: &mut Sink,
    bundle: &Bundle,
    modules: &[ModuleSummary],
    local_go: Option<&str>,
) {
    // Plain vectors rather than B-tree sets and maps: a workspace has a handful of modules, and
    // every B-tree key and value type adds its own copy of the B-tree code to the web app.
    let mut used: Vec<&str> = Vec::new();
    for (dir, which, bundle_file) in bundle.workspace_files() {
        if which != WorkspaceFile::GoWork {
            continue;
        }
        let (file, data) = (bundle_file.name.as_str(), bundle_file.data.as_slice());
        let w = match workfile::parse(file, data) {
            Ok(w) => w,
            Err(errors) => {
                for error in &errors.0 {
                    let range = if error.pos.line == 0 {
                        0..0
                    } else {
                        error.pos.byte..text::line_content(data, error.pos.byte).end
                    };
                    let message = match &error.raw_message {
                        Some(raw) => String::from_utf8_lossy(raw).into_owned(),
                        None => error.message.clone(),
                    };
                    sink.report(
                        rule_code!("syntax-error"),
                        file,
                        data,
                        range,
                        message,
                        Vec::new(),
                    );
                }
                continue;
            }
        };
        let ctx = WorkCtx { file, data, w: &w };
        godebug_lines(
            sink,
            file,
            data,
            &w.syntax,
            &w.godebug,
            local_go,
            "go work edit",
        );
        not_formatted(
            sink,
            file,
            data,
            "go work edit -fmt",
            workfile::format(file, data).ok(),
        );
        if let (Some(local), Some(go)) = (local_go, &w.go) {
            if gover::compare(&go.version, local).is_gt() {
                sink.report(
                    rule_code!("go-version-too-new"),
                    file,
                    data,
                    ctx.arg_range(go.line, 0),
                    format!(
                        "go: go.work requires go >= {} (running go {local}; GOTOOLCHAIN=local)",
                        go.version
                    ),
                    vec![Fix {
                        title: format!(
                            "Lower the go line to {local} (only if every module allows it)"
                        ),
                        edits: vec![ctx.set_go(local)],
                        commands: vec![format!("go work edit -go={local}")],
                    }],
                );
            }
        }
        let work_go =
            w.go.as_ref()
                .map_or(IMPLIED_WORK_GO, |g| g.version.as_str());
        let mut seen: Vec<&str> = Vec::new();
        for u in &w.use_ {
            let Some(module_dir) = join(dir, &u.path) else {
                sink.skip(
                    rule_code!("workspace-go-too-low"),
                    file,
                    format!("use {} is outside the bundle", u.path),
                    "paste the workspace from its root".to_owned(),
                );
                continue;
            };
            let Some(module) = modules.iter().find(|m| m.dir == module_dir) else {
                let gomod = if module_dir.is_empty() {
                    "go.mod".to_owned()
                } else {
                    format!("{module_dir}/go.mod")
                };
                if bundle.file(&gomod).is_none() {
                    sink.skip(
                        rule_code!("workspace-go-too-low"),
                        file,
                        format!("{gomod} (used by {file}) is not in the bundle"),
                        format!("paste {gomod}"),
                    );
                }
                continue;
            };
            used.push(module.file.as_str());
            let shown = u
                .path
                .strip_prefix("./")
                .filter(|p| !p.is_empty())
                .unwrap_or(&u.path);
            if let Some(module_go) = &module.go {
                if gover::compare(module_go, work_go).is_gt() {
                    let needed = modules
                        .iter()
                        .filter_map(|m| m.go.as_deref())
                        .fold(module_go.as_str(), |a, b| gover::max(a, b))
                        .to_owned();
                    let edits = if w.go.is_some() {
                        vec![ctx.set_go(&needed)]
                    } else {
                        Vec::new()
                    };
                    sink.report(
                        rule_code!("workspace-go-too-low"),
                        file,
                        data,
                        ctx.line_range(u.line),
                        format!(
                            "go: module {shown} listed in go.work file requires go >= {module_go}, but go.work lists go {work_go}; to download and use go {module_go}:\n\tgo work use"
                        ),
                        vec![Fix {
                            title: format!("Raise the go.work go line to {needed}"),
                            edits,
                            commands: vec!["go work use".to_owned()],
                        }],
                    );
                }
            }
            if seen.contains(&module.path.as_str()) {
                sink.report(
                    rule_code!("duplicate-module-path"),
                    file,
                    data,
                    ctx.line_range(u.line),
                    format!(
                        "go: module {} appears multiple times in workspace",
                        module.path
                    ),
                    Vec::new(),
                );
            } else {
                seen.push(module.path.as_str());
            }
        }
    }
    drift(sink, bundle, modules);
    // The modules not used by a go.work, grouped by path in path order (a stable sort keeps
    // each group in bundle order).
    let mut unused: Vec<&ModuleSummary> = modules
        .iter()
        .filter(|m| !used.contains(&m.file.as_str()))
        .collect();
    for list in crate::sort::groups_by(&mut unused, |a, b| a.path.cmp(&b.path)) {
        let Some((first, rest)) = list.split_first() else {
            continue;
        };
        for m in rest {
            let data = bundle.file(&m.file).unwrap_or_default();
            sink.report_as(
                rule_code!("duplicate-module-path"),
                Severity::Warning,
                &m.file,
                data,
                m.module_line.clone(),
                format!(
                    "{} declares module {}, as {} does: at most one of them can be published under that path",
                    m.file, m.path, first.file
                ),
                Vec::new(),
            );
        }
    }
}

/// go-version-drift: the modules of one bundle declare different go lines. The reference is
/// the root module (what build scripts at the repository root are written for), or the lowest
/// go line when there is no root module; every go line that asks for a newer Go than it is
/// reported. `go 1.21` and `go 1.21.0` ask for the same Go (the first release of a language
/// version is its `.0` since Go 1.21), so they do not drift. What happens with the reference Go
/// depends on it: Go 1.21 and later refuse the newer module under GOTOOLCHAIN=local; older Go
/// does not enforce go lines and builds it anyway, unless the line names a release (`1.22.0`),
/// which it cannot parse.
fn drift(sink: &mut Sink, bundle: &Bundle, modules: &[ModuleSummary]) {
    let with_go: Vec<(&ModuleSummary, &str)> = modules
        .iter()
        .filter_map(|m| m.go.as_deref().map(|g| (m, g)))
        .collect();
    let reference = with_go
        .iter()
        .find(|(m, _)| m.dir.is_empty())
        .or_else(|| {
            with_go
                .iter()
                .min_by(|a, b| compare_needed_go(a.1, b.1).then_with(|| a.0.file.cmp(&b.0.file)))
        })
        .copied();
    let Some((reference, reference_go)) = reference else {
        return;
    };
    for (m, go) in &with_go {
        if !compare_needed_go(go, reference_go).is_gt() {
            continue;
        }
        let (Some(range), Some(data)) = (m.go_line.clone(), bundle.file(&m.file)) else {
            continue;
        };
        let running = first_release(reference_go);
        let consequence = if gover::compare(reference_go, ENFORCED_GO_LINES).is_ge() {
            format!(
                "building {} with Go {running} and GOTOOLCHAIN=local fails with: go: go.mod requires go >= {go} (running go {running}; GOTOOLCHAIN=local)",
                m.path
            )
        } else if gover::is_lang(go) {
            format!(
                "Go {reference_go} does not enforce go lines (Go 1.21 was the first to), so it builds {} anyway, and code that needs Go {go} fails to compile with the note: module requires Go {go}",
                m.path
            )
        } else {
            // Before Go 1.21 a go line was a language version (`1.22`); Go 1.20 and older
            // refuse a release such as `1.22.0` when they parse the file.
            format!(
                "Go {reference_go} cannot even read that go line (release numbers in go lines came with Go 1.21), so building {} stops with: invalid go version '{go}': must match format 1.23",
                m.path
            )
        };
        sink.report(
            rule_code!("go-version-drift"),
            &m.file,
            data,
            range,
            format!(
                "{} declares go {go}, but {} declares go {reference_go}: {consequence}",
                m.file, reference.file
            ),
            Vec::new(),
        );
    }
}

/// The first Go release whose go command refuses a module whose go line is newer than itself.
const ENFORCED_GO_LINES: &str = "1.21";

/// The Go release a go line asks for at least: a language version from 1.21 on means its `.0`
/// release (`1.22` is `1.22.0`); before that the go line is itself the release's name.
fn first_release(v: &str) -> String {
    if gover::is_lang(v) && gover::compare(v, ENFORCED_GO_LINES).is_ge() {
        format!("{v}.0")
    } else {
        v.to_owned()
    }
}

/// Compares two go lines by the Go release they ask for.
fn compare_needed_go(a: &str, b: &str) -> std::cmp::Ordering {
    gover::compare(&first_release(a), &first_release(b))
}

struct WorkCtx<'a> {
    file: &'a str,
    data: &'a [u8],
    w: &'a WorkFile,
}

impl WorkCtx<'_> {
    fn line_range(&self, id: LineId) -> std::ops::Range<usize> {
        self.w.syntax.line(id).map_or(0..0, |l| l.byte_span())
    }

    fn arg_range(&self, id: LineId, n: usize) -> std::ops::Range<usize> {
        let in_block = self.w.syntax.block_of(id).is_some();
        let line = self.line_range(id);
        text::token_in(self.data, line.clone(), if in_block { n } else { n + 1 }).unwrap_or(line)
    }

    /// Sets the go line's version (the caller checks that there is one).
    fn set_go(&self, version: &str) -> TextEdit {
        let range = self
            .w
            .go
            .as_ref()
            .map_or(0..0, |g| self.arg_range(g.line, 0));
        TextEdit {
            file: self.file.to_owned(),
            range,
            new_text: version.to_owned(),
        }
    }
}

/// The bundle directory of `path` (a go.work `use` path) relative to `dir`, or `None` when it
/// is absolute or leaves the bundle.
pub(super) fn join(dir: &str, path: &str) -> Option<String> {
    if crate::path::is_directory_path(path) && (path.starts_with('/') || path.starts_with('\\')) {
        return None;
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for element in path.split(['/', '\\']) {
        match element {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn use_paths_join_inside_the_bundle() {
        assert_eq!(super::join("", "./a"), Some("a".to_owned()));
        assert_eq!(super::join("w", "../b/./c"), Some("b/c".to_owned()));
        assert_eq!(super::join("", "."), Some(String::new()));
        assert_eq!(super::join("", "../x"), None);
        assert_eq!(super::join("", "/abs"), None);
    }
}
