//! replace-local-path: a go.mod replace directive whose target is a directory.
//!
//! What such a replacement costs depends on where the directory is:
//!
//! * a module of the same repository (its go.mod is in the bundle, a go.work of the bundle uses
//!   the directory, the directory is below the module's own, or it is inside the bundle and the
//!   replaced module's path is this module's path with the directory's relative path applied, as
//!   Go lays out nested modules): every checkout has it, which is how monorepos such as kubernetes'
//!   staging modules or opentelemetry's contrib modules build their modules together. Not
//!   reported.
//! * a directory of the repository without a go.mod (a module moved or deleted, the replace left
//!   behind): the go command cannot read the replacement's go.mod. An error when this go.mod
//!   requires the module (`go list -m all` fails), otherwise a note that the line does nothing.
//! * anywhere else (outside the bundle, or a directory that is not in it): a warning, since the
//!   module only builds in a checkout that has that directory beside it. The fix moves the
//!   replacements into a go.work: one beside the go.mod, or, when a go.work in a parent
//!   directory already governs the module, that go.work (a new one beside the go.mod would hide
//!   it).

use super::gomod::{display_module, replace_text, Ctx};
use super::gowork::join;
use super::{Fix, Severity, Sink, TextEdit};
use crate::bundle::{Bundle, WorkspaceFile};
use crate::modfile::Replace;
use crate::version::gover;
use crate::workfile;

/// Where a directory replacement points, relative to the bundle.
enum Target {
    /// A module of the same repository (see the module documentation for how that is known).
    Module,
    /// A directory with files in the bundle but no go.mod.
    DirectoryWithoutGoMod(String),
    /// Outside the bundle, or a directory the bundle has nothing of.
    Elsewhere,
}

pub(super) fn check(sink: &mut Sink, bundle: &Bundle, dir: &str, ctx: &Ctx<'_>) {
    // Reading the bundle's go.work files is only worth it for a go.mod with a directory
    // replacement: a workspace of thousands of modules would otherwise read its go.work once per
    // module.
    if !ctx.m.replace.iter().any(|r| r.is_directory()) {
        return;
    }
    let work_uses = used_directories(bundle);
    let mut elsewhere: Vec<&Replace> = Vec::new();
    for r in ctx.m.replace.iter().filter(|r| r.is_directory()) {
        match target(bundle, &work_uses, dir, r) {
            Target::Module => {}
            Target::DirectoryWithoutGoMod(target_dir) => {
                stale(sink, ctx, r, &target_dir);
            }
            Target::Elsewhere => elsewhere.push(r),
        }
    }
    if elsewhere.is_empty() {
        return;
    }
    let move_fix = move_to_go_work(bundle, dir, ctx, &elsewhere);
    for r in &elsewhere {
        sink.report(
            rule_code!("replace-local-path"),
            ctx.file,
            ctx.data,
            ctx.line_range(r.line),
            format!(
                "replace {} points at a local directory: it breaks go install {}@version, update bots and every checkout without {}",
                replace_text(r),
                ctx.m.module_path(),
                r.new.path
            ),
            vec![move_fix.clone()],
        );
    }
}

/// The bundle directories that the go.work files of the bundle use.
fn used_directories(bundle: &Bundle) -> Vec<String> {
    let mut used = Vec::new();
    for (dir, which, file) in bundle.workspace_files() {
        if which != WorkspaceFile::GoWork {
            continue;
        }
        if let Ok(w) = workfile::parse(&file.name, &file.data) {
            used.extend(w.use_.iter().filter_map(|u| join(dir, &u.path)));
        }
    }
    used
}

fn target(bundle: &Bundle, work_uses: &[String], dir: &str, r: &Replace) -> Target {
    let by_layout = |module_path: &str| {
        if laid_out_at(module_path, &r.new.path, &r.old.path) {
            Target::Module
        } else {
            Target::Elsewhere
        }
    };
    // Outside the bundle nothing says where the repository ends: `../lib` beside a module at
    // the bundle's root is as likely another repository checked out next to it.
    let Some(target_dir) = join(dir, &r.new.path) else {
        return Target::Elsewhere;
    };
    let is_module = bundle
        .workspace_file(&target_dir, WorkspaceFile::GoMod)
        .is_some()
        || work_uses.contains(&target_dir);
    if is_module {
        return Target::Module;
    }
    // The directory is in the input when a file lies in it or below it. (For the root that
    // means a file at the root itself: a bundle of one subdirectory says nothing about it.)
    let prefix = format!("{target_dir}/");
    let has_files = bundle
        .workspace_files()
        .any(|(d, _, _)| d == target_dir || (!target_dir.is_empty() && d.starts_with(&prefix)));
    if has_files {
        return Target::DirectoryWithoutGoMod(target_dir);
    }
    // A directory below the module's own is part of every checkout of the module's repository
    // (kubernetes' `./staging/src/k8s.io/api`), whether or not the input holds its files.
    let below_module = dir.is_empty() || target_dir.starts_with(&format!("{dir}/"));
    if below_module && target_dir != dir {
        return Target::Module;
    }
    by_layout(module_path_of(bundle, dir).as_deref().unwrap_or_default())
}

/// The module path declared by the go.mod of bundle directory `dir`.
fn module_path_of(bundle: &Bundle, dir: &str) -> Option<String> {
    let data = bundle.workspace_file(dir, WorkspaceFile::GoMod)?;
    let name = if dir.is_empty() {
        "go.mod".to_owned()
    } else {
        format!("{dir}/go.mod")
    };
    crate::modfile::parse_lax(&name, data)
        .ok()?
        .module
        .map(|m| m.path)
}

/// Whether module `replaced` is where Go's layout of a repository puts it: the path of module
/// `module` (without its /vN suffix, which names no directory) with the relative directory
/// `relative` applied, compared with `replaced` without its /vN suffix. So
/// `github.com/o/r/sub/v2 => ../other` from module `github.com/o/r/sub/v2` is the repository's
/// `other` module, whatever the bundle holds of it.
fn laid_out_at(module: &str, relative: &str, replaced: &str) -> bool {
    let without_major = |path: &str| -> String {
        match crate::path::split_path_version(path) {
            Some((prefix, _)) if !path.starts_with("gopkg.in/") => prefix.to_owned(),
            _ => path.to_owned(),
        }
    };
    if module.is_empty() || relative.starts_with('/') || relative.contains('\\') {
        return false;
    }
    let mut elements: Vec<String> = without_major(module)
        .split('/')
        .map(str::to_owned)
        .collect();
    for element in relative.split('/') {
        match element {
            "" | "." => {}
            ".." => {
                // The first element is the host: a directory above it is no module path.
                if elements.len() <= 1 {
                    return false;
                }
                elements.pop();
            }
            other => elements.push(other.to_owned()),
        }
    }
    elements.join("/") == without_major(replaced)
}

/// A replacement by a directory of the repository that has no go.mod.
fn stale(sink: &mut Sink, ctx: &Ctx<'_>, r: &Replace, target_dir: &str) {
    let gomod = if target_dir.is_empty() {
        "go.mod".to_owned()
    } else {
        format!("{target_dir}/go.mod")
    };
    let required = ctx.m.require.iter().find(|q| {
        q.module.path == r.old.path
            && (r.old.version.is_empty() || q.module.version == r.old.version)
    });
    let drop = Fix {
        title: format!("Delete the replacement of {}", display_module(&r.old)),
        edits: vec![ctx.delete_line(r.line)],
        commands: vec![format!(
            "go mod edit -dropreplace={}",
            display_module(&r.old)
        )],
    };
    // The go command's message names the replacement's go.mod relative to the working
    // directory, then its absolute path, which depends on the checkout: elided here.
    let shown = r.new.path.trim_end_matches('/');
    let reading = format!("{shown}/go.mod");
    let reading = reading.strip_prefix("./").unwrap_or(&reading);
    match required {
        Some(q) => sink.report_as(
            rule_code!("replace-local-path"),
            Severity::Error,
            ctx.file,
            ctx.data,
            ctx.line_range(r.line),
            format!(
                "replace {} names a directory of the repository without a go.mod ({gomod} is not in it): go list -m all stops with: go: {}@{} (replaced by {}): reading {reading}: open …/{gomod}: no such file or directory",
                replace_text(r),
                q.module.path,
                q.module.version,
                r.new.path
            ),
            Vec::new(),
        ),
        None => sink.report_as(
            rule_code!("replace-local-path"),
            Severity::Info,
            ctx.file,
            ctx.data,
            ctx.line_range(r.line),
            format!(
                "replace {} names a directory of the repository without a go.mod ({gomod} is not in it): nothing here requires {}, so the go command ignores the line, but it would fail reading {reading} as soon as something did",
                replace_text(r),
                r.old.path
            ),
            vec![drop],
        ),
    }
}

/// The go.work in a parent directory of `dir` that governs it (the nearest), if any.
fn parent_work(bundle: &Bundle, dir: &str) -> Option<String> {
    bundle
        .workspace_files()
        .filter(|(d, w, _)| {
            *w == WorkspaceFile::GoWork
                && *d != dir
                && (d.is_empty() || dir.starts_with(&format!("{d}/")))
        })
        .map(|(d, _, _)| d.to_owned())
        .max_by_key(|d| d.len())
}

/// `path` (relative to bundle directory `dir`) written relative to `ancestor`, a parent
/// directory of `dir`, as a go.work there must name it. `..` above the bundle root is kept.
#[allow(
    clippy::indexing_slicing,
    reason = "the slice starts at the length of a prefix that `starts_with` just matched"
)]
fn relative_to_ancestor(ancestor: &str, dir: &str, path: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let mut above = 0;
    for element in path.split(['/', '\\']) {
        match element {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    above += 1;
                }
            }
            other => parts.push(other),
        }
    }
    let ancestor_parts: Vec<&str> = ancestor.split('/').filter(|p| !p.is_empty()).collect();
    let inside = above == 0 && parts.starts_with(&ancestor_parts);
    let relative: Vec<&str> = if inside {
        parts[ancestor_parts.len()..].to_vec()
    } else {
        let ups = ancestor_parts.len() + above;
        std::iter::repeat_n("..", ups).chain(parts).collect()
    };
    match relative.first() {
        None => ".".to_owned(),
        Some(&"..") => relative.join("/"),
        Some(_) => format!("./{}", relative.join("/")),
    }
}

/// The fix that moves the given local replacements of a go.mod into a go.work.
fn move_to_go_work(bundle: &Bundle, dir: &str, ctx: &Ctx<'_>, local: &[&Replace]) -> Fix {
    let title_for = |work: &str| {
        format!(
            "Move the local replacement{} into {work}",
            if local.len() == 1 { "" } else { "s" }
        )
    };
    // A go.work in a parent directory governs this module already; one created here would hide
    // it. The replacements go into that go.work, by commands only: its paths are relative to
    // its own directory, which the commands below account for.
    if let Some(parent) = parent_work(bundle, dir) {
        let work_name = if parent.is_empty() {
            "go.work".to_owned()
        } else {
            format!("{parent}/go.work")
        };
        let mut commands = Vec::new();
        for r in local {
            commands.push(format!(
                "go work edit -replace={}={}",
                display_module(&r.old),
                relative_to_ancestor(&parent, dir, &r.new.path)
            ));
            commands.push(format!(
                "go mod edit -dropreplace={}",
                display_module(&r.old)
            ));
        }
        return Fix {
            title: title_for(&work_name),
            edits: Vec::new(),
            commands,
        };
    }
    let work_name = if dir.is_empty() {
        "go.work".to_owned()
    } else {
        format!("{dir}/go.work")
    };
    let existing = bundle.file(&work_name);
    let mut commands = Vec::new();
    if existing.is_none() {
        commands.push("go work init .".to_owned());
    }
    for r in local {
        commands.push(format!(
            "go work edit -replace={}={}",
            display_module(&r.old),
            r.new.path
        ));
        commands.push(format!(
            "go mod edit -dropreplace={}",
            display_module(&r.old)
        ));
    }
    // A vendor directory would stop being used (or be refused) in workspace mode: commands only.
    let vendored = bundle
        .workspace_file(dir, WorkspaceFile::ModulesTxt)
        .is_some();
    if vendored {
        return Fix {
            title: title_for(&work_name),
            edits: Vec::new(),
            commands,
        };
    }
    let lines: String = local
        .iter()
        .map(|r| format!("replace {}\n", replace_text(r)))
        .collect();
    let mut edits: Vec<TextEdit> = local.iter().map(|r| ctx.delete_line(r.line)).collect();
    match existing {
        Some(data) => {
            let separator = if data.is_empty() || data.ends_with(b"\n") {
                ""
            } else {
                "\n"
            };
            edits.push(TextEdit {
                file: work_name.clone(),
                range: data.len()..data.len(),
                new_text: format!("{separator}\n{lines}"),
            });
        }
        None => {
            let go = ctx
                .m
                .go_version()
                .filter(|g| gover::compare(g, "1.18").is_ge())
                .unwrap_or("1.18");
            edits.push(TextEdit {
                file: work_name.clone(),
                range: 0..0,
                new_text: format!("go {go}\n\nuse .\n\n{lines}"),
            });
        }
    }
    Fix {
        title: title_for(&work_name),
        edits,
        commands,
    }
}

#[cfg(test)]
mod tests {
    use super::{laid_out_at, relative_to_ancestor};

    #[test]
    fn nested_modules_are_recognised_by_their_paths() {
        assert!(laid_out_at("github.com/o/r", "./sub", "github.com/o/r/sub"));
        assert!(laid_out_at(
            "github.com/o/r/a/b/v2",
            "../..",
            "github.com/o/r/v2"
        ));
        assert!(laid_out_at(
            "github.com/o/r/a",
            "../b",
            "github.com/o/r/b/v3"
        ));
        assert!(!laid_out_at(
            "github.com/o/r",
            "../fork",
            "github.com/o/fork2"
        ));
        assert!(!laid_out_at("github.com/o/r", "../../../x", "x"));
        assert!(!laid_out_at("", "./sub", "sub"));
    }

    #[test]
    fn replacement_paths_are_rewritten_for_a_parent_go_work() {
        assert_eq!(relative_to_ancestor("", "a/b", "../c"), "./a/c");
        assert_eq!(relative_to_ancestor("", "a/b", "../../.."), "..");
        assert_eq!(relative_to_ancestor("", "a/b", "../../../x"), "../x");
        assert_eq!(relative_to_ancestor("a", "a/b", "../c"), "./c");
        assert_eq!(relative_to_ancestor("a", "a/b", "../../c"), "../c");
        assert_eq!(relative_to_ancestor("", "a", ".."), ".");
    }
}
