//! Workspace mode (cmd/go/internal/modload/init.go, `ReadWorkFile` and `loadModFile`): the go.work file, its main modules, their go lines and
//! replacements, and the workspace-pruned module graph.

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::command::{check_replacement_conflicts, Session};
use super::error::{Error, ErrorKind};
use super::files;
use super::graph::{expand_graph, Requirements};
use super::input::{Input, Workspace};
use super::loader::{Loader, MainModule, Pruning};
use super::order::{compare_go, is_strict_go, mod_sort};
use super::paths;
use crate::modfile::ModuleVersion;
use crate::workfile;

/// The go version a go.work file without a go line is treated as.
pub const DEFAULT_GO_WORK_VERSION: &str = "1.18";

/// Loads a workspace; the error is the complete stderr text of a fatal failure.
pub fn load_workspace<'a>(input: &'a Input<'a>, ws: &Workspace<'_>) -> Result<Session<'a>, Error> {
    let local = &input.settings.go_version;
    let toolchain = input.settings.toolchain;
    let wf = workfile::parse("go.work", ws.gowork)
        .map_err(|e| Error::other(format!("go: errors parsing go.work:\n{e}\n")))?;
    if let Some(go) = &wf.go {
        if compare_go(&go.version, local).is_gt() {
            return Err(Error::new(
                ErrorKind::GoVersionTooNew,
                format!(
                    "go: go.work requires go >= {} (running go {local}; GOTOOLCHAIN={toolchain})\n",
                    go.version
                ),
            ));
        }
    }
    let work_go = wf
        .go
        .as_ref()
        .map(|g| g.version.clone())
        .unwrap_or_else(|| DEFAULT_GO_WORK_VERSION.to_owned());
    let root = &input.settings.root_dir;

    let mut seen: HashSet<String> = HashSet::default();
    let mut dirs: Vec<String> = Vec::new();
    for u in &wf.use_ {
        let abs = if paths::is_abs(&u.path) {
            paths::clean(&u.path)
        } else {
            paths::join(root, &u.path)
        };
        if !seen.insert(abs.clone()) {
            let line = wf.syntax.line(u.line).map(|l| l.start.line).unwrap_or(0);
            return Err(Error::other(format!("go: error loading go.work:\ngo.work:{line}: path {abs} appears multiple times in workspace\n")));
        }
        dirs.push(abs);
    }
    // `LoadWorkFile` stops at the first godebug line go rejects.
    for g in &wf.godebug {
        if let Some(reason) = super::godebug::check(&g.key, &g.value, local) {
            let line = wf.syntax.line(g.line).map(|l| l.start.line).unwrap_or(0);
            return Err(Error::other(format!(
                "go: error loading go.work:\ngo.work:{line}: {reason}\n"
            )));
        }
    }

    let mut errs: Vec<String> = Vec::new();
    let mut mains: Vec<MainModule> = Vec::new();
    for abs in &dirs {
        let short_dir = paths::short_path(abs, root);
        let rel_dir = paths::rel(root, abs);
        let source_dir = if paths::is_abs(&rel_dir) || rel_dir.starts_with("../") {
            abs.clone()
        } else {
            rel_dir.clone()
        };
        let data = input.source.dir_gomod(&source_dir);
        let too_old = |go: &str| -> String {
            let verb = if wf.go.is_some() {
                "lists"
            } else {
                "implicitly requires"
            };
            format!(
                "module {short_dir} listed in go.work file requires go >= {go}, but go.work {verb} go {work_go}; to download and use go {go}:\n\tgo work use"
            )
        };
        let Some(data) = data else {
            errs.push(format!(
                "cannot load module {short_dir} listed in go.work file: open {}: no such file or directory",
                paths::short_path(&paths::join(abs, "go.mod"), root)
            ));
            continue;
        };
        let abs_name = paths::join(abs, "go.mod");
        let short_name = paths::short_path(&abs_name, root);
        let file = match files::parse_main(&abs_name, &short_name, &data) {
            Ok(f) => f,
            Err(e) => {
                match e.lax_go {
                    Some(go) if compare_go(&go, local).is_gt() => errs.push(too_old(&go)),
                    _ => errs.push(format!("cannot load module {short_dir} listed in go.work file: errors parsing {short_name}:\n{}", e.errors)),
                }
                continue;
            }
        };
        if !file.go.is_empty() && compare_go(&file.go, local).is_gt() {
            errs.push(too_old(&file.go));
            continue;
        }
        if file.module.is_empty() {
            errs.push(format!(
                "cannot load module {short_dir} listed in go.work file: error reading {short_name}: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod"
            ));
            continue;
        }
        if file.module == "go" || file.module == "toolchain" {
            errs.push(format!("cannot load module {short_dir} listed in go.work file: error reading {short_name}: invalid module path: \"{}\"", file.module));
            continue;
        }
        let mod_go = if file.go.is_empty() {
            super::command::DEFAULT_GO_MOD_VERSION
        } else {
            file.go.as_str()
        };
        if compare_go(mod_go, &work_go).is_gt() && is_strict_go(mod_go) {
            errs.push(too_old(mod_go));
            continue;
        }
        if let Some(conflict) = check_replacement_conflicts(&file.replace) {
            return Err(Error::other(conflict));
        }
        if let Err(e) = crate::path::check_import_path(&file.module) {
            errs.push(
                e.to_string()
                    .replacen("malformed import path", "malformed module path", 1),
            );
        }
        mains.push(MainModule {
            path: file.module.clone(),
            file,
            dir: rel_dir,
        });
    }
    if !errs.is_empty() {
        return Err(Error::other(
            errs.iter()
                .map(|e| format!("go: {e}\n"))
                .collect::<String>(),
        ));
    }

    let mut stderr = String::new();
    let mut work_replace: HashMap<ModuleVersion, ModuleVersion> = HashMap::default();
    let main_paths: HashSet<String> = mains.iter().map(|m| m.path.clone()).collect();
    let mut seen_paths: HashSet<&str> = HashSet::default();
    for m in &mains {
        if !seen_paths.insert(&m.path) {
            stderr.push_str(&format!(
                "go: module {} appears multiple times in workspace\n",
                m.path
            ));
        }
    }
    let work_replacements: Vec<super::summary::Replacement> = wf
        .replace
        .iter()
        .map(|r| super::summary::Replacement {
            old: ModuleVersion::new(r.old.path.clone(), r.old.version.clone()),
            new: ModuleVersion::new(r.new.path.clone(), r.new.version.clone()),
        })
        .collect();
    if let Some(conflict) = check_replacement_conflicts(&work_replacements) {
        return Err(Error::other(conflict));
    }
    let mut replaced_by_work: HashSet<String> = HashSet::default();
    for r in &work_replacements {
        if main_paths.contains(&r.old.path) && r.old.version.is_empty() {
            stderr.push_str(&format!(
                "go: workspace module {} is replaced at all versions in the go.work file. To fix, remove the replacement from the go.work file or specify the version at which to replace the module.\n",
                r.old.path
            ));
        }
        replaced_by_work.insert(r.old.path.clone());
        work_replace.insert(r.old.clone(), r.new.clone());
    }
    // Two workspace modules replacing the same module version differently is fatal.
    let mut replacements: HashMap<ModuleVersion, ModuleVersion> = work_replace.clone();
    for (i, m) in mains.iter().enumerate() {
        let mut current: HashSet<ModuleVersion> = HashSet::default();
        for r in &m.file.replace {
            if replaced_by_work.contains(&r.old.path) {
                continue;
            }
            let mut new = r.new.clone();
            if new.version.is_empty() && !paths::is_abs(&new.path) {
                new.path = paths::join(&dirs.get(i).cloned().unwrap_or_default(), &new.path);
            }
            if let Some(prev) = replacements.get(&r.old) {
                if !current.contains(&r.old) && *prev != new {
                    return Err(Error::other(format!(
                        "{stderr}go: conflicting replacements for {}:\n\t{prev}\n\t{new}\nuse \"go work edit -replace {}=[override]\" to resolve\n",
                        r.old, r.old
                    )));
                }
            }
            current.insert(r.old.clone());
            replacements.insert(r.old.clone(), new);
        }
    }

    let mut roots: Vec<ModuleVersion> = mains
        .iter()
        .map(|m| ModuleVersion::new(m.path.clone(), ""))
        .collect();
    roots.push(ModuleVersion::new("go", work_go.clone()));
    if let Some(t) = &wf.toolchain {
        roots.push(ModuleVersion::new("toolchain", t.name.clone()));
    }
    mod_sort(&mut roots);
    let mut direct: HashSet<String> = HashSet::default();
    for m in &mains {
        for r in m.file.require.iter().filter(|r| !r.indirect) {
            direct.insert(r.module.path.clone());
        }
    }

    let mut loader = Loader::new(&input.settings, input.source, mains, true, files::parse_dep);
    loader.work_replace = work_replace;
    loader.stderr = stderr;
    let rs = Requirements::new(Pruning::Workspace, roots, direct);
    loader.failed = !loader.stderr.is_empty();
    let outcome = expand_graph(&mut loader, rs);
    Ok(Session { loader, outcome })
}
