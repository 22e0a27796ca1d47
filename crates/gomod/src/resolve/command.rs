//! `go list -m all` and `go mod graph` in single-module mode with `-mod=mod`
//! (cmd/go/internal/modcmd/graph.go, cmd/go/internal/modload/list.go).

use std::fmt::Write as _;

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::error::{Error, ErrorKind};
use super::files::{self, MainFileError};
use super::graph::{
    convert_to_pruned, expand_graph, read_mod_graph, render_build_list_error, update_roots,
    LoadFailure, Loaded, Requirements,
};
use super::input::{CommandOutput, Input};
use super::loader::{Loader, MainModule, Pruning};
use super::order::{compare_go, is_strict_go, mod_sort};
use super::paths;
use super::retract;
use super::summary::{MainSummary, Replacement};
use crate::modfile::ModuleVersion;

/// Which command is simulated; they differ in small ways (cmd/go/internal/modcmd/graph.go).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmd {
    ListAll,
    ModGraph,
}

/// The go.mod version a main module without a go line is treated as.
pub const DEFAULT_GO_MOD_VERSION: &str = "1.16";

/// The result of loading for one command, plus everything printed so far.
pub struct Session<'a> {
    pub loader: Loader<'a>,
    pub outcome: Result<Loaded, LoadFailure>,
}

/// Reads and checks the main go.mod (`loadModFile` in cmd/go/internal/modload/init.go); the error is the complete stderr text.
pub fn read_main(input: &Input<'_>) -> Result<MainSummary, Error> {
    let local = &input.settings.go_version;
    let abs_name = paths::join(&input.settings.root_dir, input.gomod_name);
    let file = match files::parse_main(&abs_name, input.gomod_name, input.gomod) {
        Ok(f) => f,
        Err(MainFileError { errors, lax_go }) => {
            if let Some(go) = lax_go {
                if compare_go(&go, local).is_gt() {
                    return Err(too_new(input, "go.mod", &go));
                }
            }
            return Err(Error::other(format!(
                "go: errors parsing {}:\n{errors}\n",
                input.gomod_name
            )));
        }
    };
    if !file.go.is_empty() && compare_go(&file.go, local).is_gt() {
        return Err(too_new(input, "go.mod", &file.go));
    }
    if file.module.is_empty() {
        return Err(Error::other(format!(
            "go: error reading {}: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod\n",
            input.gomod_name
        )));
    }
    if file.module == "go" || file.module == "toolchain" {
        return Err(Error::other(format!(
            "go: error reading {}: invalid module path: \"{}\"\n",
            input.gomod_name, file.module
        )));
    }
    let godebug_errors = godebug_errors(&file, input.gomod_name, local);
    if !godebug_errors.is_empty() {
        return Err(Error::other(godebug_errors));
    }
    if let Some(conflict) = check_replacement_conflicts(&file.replace) {
        return Err(Error::other(conflict));
    }
    if let Err(e) = crate::path::check_import_path(&file.module) {
        return Err(Error::other(format!(
            "go: {}\n",
            e.to_string()
                .replacen("malformed import path", "malformed module path", 1)
        )));
    }
    Ok(file)
}

/// The main go.mod's godebug lines that go rejects when it loads the module outside a
/// workspace (`loadModFile`), each reported as an error of its own.
fn godebug_errors(file: &MainSummary, short_name: &str, local: &str) -> String {
    let mut out = String::new();
    for g in &file.godebug {
        if let Some(reason) = super::godebug::check(&g.key, &g.value, local) {
            out.push_str(&format!(
                "go: error loading {short_name}:\n{short_name}:{}: {reason}\n",
                g.line
            ));
        }
    }
    out
}

/// `toReplaceMap`: one go.mod replacing the same module (version) by two different targets is
/// fatal; returns the complete stderr text.
pub fn check_replacement_conflicts(replace: &[Replacement]) -> Option<String> {
    let mut seen: HashMap<&ModuleVersion, &ModuleVersion> = HashMap::default();
    for r in replace {
        if let Some(prev) = seen.get(&r.old) {
            if **prev != r.new {
                return Some(format!(
                    "go: conflicting replacements for {}:\n\t{prev}\n\t{}\n",
                    r.old, r.new
                ));
            }
        }
        seen.insert(&r.old, &r.new);
    }
    None
}

fn too_new(input: &Input<'_>, what: &str, go: &str) -> Error {
    Error::new(
        ErrorKind::GoVersionTooNew,
        format!(
            "go: {what} requires go >= {go} (running go {}; GOTOOLCHAIN={})\n",
            input.settings.go_version, input.settings.toolchain
        ),
    )
}

/// `rootsFromModFile`: the main module's requirements minus excluded versions, plus `go@` and
/// `toolchain@`, sorted; and the direct paths.
pub fn roots_from_main(
    loader: &mut Loader<'_>,
    file: &MainSummary,
) -> (Vec<ModuleVersion>, HashSet<String>) {
    let mut roots = Vec::new();
    let mut direct = HashSet::default();
    for r in &file.require {
        if loader.exclude.contains(&r.module) {
            loader.stderr.push_str(&format!(
                "go: dropping requirement on excluded version {} {}\n",
                r.module.path, r.module.version
            ));
            continue;
        }
        roots.push(r.module.clone());
        if !r.indirect {
            direct.insert(r.module.path.clone());
        }
    }
    let go = if file.go.is_empty() {
        DEFAULT_GO_MOD_VERSION
    } else {
        file.go.as_str()
    };
    roots.push(ModuleVersion::new("go", go));
    direct.insert("go".to_owned());
    if !file.toolchain.is_empty() {
        roots.push(ModuleVersion::new("toolchain", file.toolchain.clone()));
    }
    mod_sort(&mut roots);
    (roots, direct)
}

/// Loads the module graph of a single main module as `cmd` does with `-mod=mod`
/// (`loadModFile` followed by `expandGraph`).
pub fn load_single<'a>(input: &'a Input<'a>, file: MainSummary, cmd: Cmd) -> Session<'a> {
    load_single_with(input, file, cmd, None)
}

/// [`load_single`], optionally as `go mod graph -go=<graph_go>` loads it: the graph of the
/// unmodified roots, unpruned when that Go version did not prune, with no root fix-up.
pub fn load_single_with<'a>(
    input: &'a Input<'a>,
    file: MainSummary,
    cmd: Cmd,
    graph_go: Option<&str>,
) -> Session<'a> {
    let main = MainModule {
        path: file.module.clone(),
        file: file.clone(),
        dir: String::new(),
    };
    let mut loader = Loader::new(
        &input.settings,
        input.source,
        vec![main],
        false,
        files::parse_dep,
    );
    let (roots, direct) = roots_from_main(&mut loader, &file);
    let go = if file.go.is_empty() {
        DEFAULT_GO_MOD_VERSION
    } else {
        file.go.as_str()
    };
    let mut rs = Requirements::new(Pruning::for_go(go), roots, direct);
    let outcome = (|| {
        if rs.has_redundant_root(&loader) {
            rs = update_roots(&mut loader, &rs, None).map_err(|error| LoadFailure {
                error,
                partial: None,
            })?;
        }
        if file.go.is_empty() && cmd == Cmd::ListAll {
            // `-mod=mod` writes the running toolchain's version as the go line, which also
            // switches the module to a pruned graph.
            let v = input.settings.go_version.clone();
            let mut roots: Vec<ModuleVersion> = rs
                .roots
                .iter()
                .filter(|m| m.path != "go")
                .cloned()
                .collect();
            roots.push(ModuleVersion::new("go", v.clone()));
            mod_sort(&mut roots);
            rs = Requirements::new(rs.pruning, roots, rs.direct.clone());
            if Pruning::for_go(&v) == Pruning::Pruned {
                rs = convert_to_pruned(&mut loader, &rs).map_err(|error| LoadFailure {
                    error,
                    partial: None,
                })?;
            }
        }
        if let Some(v) = graph_go {
            let root_go = rs.root_selected(&loader, "go").unwrap_or_default();
            if is_strict_go(&root_go) && compare_go(v, &root_go).is_lt() {
                return Err(LoadFailure {
                    error: Error::other(format!("requested Go version {v} cannot load module graph (requires Go >= {root_go})")),
                    partial: None,
                });
            }
            if Pruning::for_go(v) == Pruning::Unpruned {
                rs.pruning = Pruning::Unpruned;
            }
            let mg = read_mod_graph(&mut loader, rs.pruning, &rs.roots);
            if let Some(e) = &mg.error {
                return Err(LoadFailure {
                    error: render_build_list_error(e),
                    partial: None,
                });
            }
            return Ok(Loaded { rs, mg });
        }
        expand_graph(&mut loader, rs)
    })();
    Session { loader, outcome }
}

/// The `ModulePublic.String()` line of a build-list module in `go list -m` (with `-retracted`
/// when `retracted` is set).
pub fn list_line(loader: &Loader<'_>, m: &ModuleVersion, retracted: bool) -> String {
    if m.version.is_empty() {
        return m.path.clone();
    }
    let mark = |x: &ModuleVersion| {
        if retracted && retract::notes(loader, x).retracted.is_some() {
            " (retracted)"
        } else {
            ""
        }
    };
    // A module replaced by another module version shows the replacement's retraction.
    let replacement = loader.replacement(m);
    let own = match &replacement {
        Some(r) if !r.version.is_empty() && !mark(r).is_empty() => " (retracted)",
        _ => mark(m),
    };
    let mut s = format!("{} {}{own}", m.path, m.version);
    if let Some(r) = replacement {
        s.push_str(" => ");
        s.push_str(&r.path);
        if !r.version.is_empty() {
            s.push(' ');
            s.push_str(&r.version);
            s.push_str(mark(&r));
        }
    }
    s
}

/// The per-module errors `go list -m` reports, in build-list order: a module that is not
/// replaced is looked up in the proxy (`@v/<version>.info`); with `-retracted`, failing to load
/// its retractions is an error too.
fn module_info_errors(loader: &Loader<'_>, list: &[ModuleVersion], retracted: bool) -> String {
    let mut out = String::new();
    for m in list {
        if m.version.is_empty() || m.path == "go" || m.path == "toolchain" {
            continue;
        }
        let unreplaced = loader.replacement(m).is_none();
        if unreplaced {
            // The proxy lookup escapes the path first and fails on a malformed one; go reports
            // that error on its own, without the module version.
            if let Err(e) = crate::path::check_path(&m.path) {
                let _ = writeln!(out, "go: {e}");
                continue;
            }
        }
        // Written in place: a graph of 200,000 modules without their files has as many lines.
        if unreplaced && !loader.source.has_info(&m.path, &m.version) {
            let _ = writeln!(
                out,
                "go: {m}: reading {}/{}: no such file or directory",
                loader.settings.proxy_url,
                paths::proxy_file(&m.path, &m.version, "info")
            );
        } else if retracted {
            if let Some(e) = retract::notes(loader, m).error {
                let _ = writeln!(out, "go: {e}");
            }
        }
    }
    out
}

/// What a command prints when loading met a go.sum checksum mismatch: go's `base.Fatalf`
/// exits at once, so nothing but the messages before it and its own text.
pub fn fatal_output(session: &Session<'_>) -> Option<CommandOutput> {
    let fatal = session.loader.fatal.as_ref()?;
    Some(CommandOutput {
        stdout: String::new(),
        stderr: format!("{}{fatal}", session.loader.stderr),
        exit_code: 1,
    })
}

/// Prints `go list -m all` (or `go list -m -retracted all`) from a loaded session.
pub fn print_list(session: &Session<'_>, retracted: bool) -> CommandOutput {
    let loader = &session.loader;
    let mut stderr = loader.stderr.clone();
    if let Some(fatal) = fatal_output(session) {
        return fatal;
    }
    match &session.outcome {
        Ok(loaded) => {
            let list = loaded.mg.build_list();
            let errs = module_info_errors(loader, &list, retracted);
            // go list exits before printing once any error was reported, including the
            // non-fatal ones of workspace loading.
            if !errs.is_empty() || loader.failed {
                stderr.push_str(&errs);
                return CommandOutput {
                    stdout: String::new(),
                    stderr,
                    exit_code: 1,
                };
            }
            let mut stdout = String::new();
            for m in list
                .iter()
                .filter(|m| m.path != "go" && m.path != "toolchain")
            {
                stdout.push_str(&list_line(loader, m, retracted));
                stdout.push('\n');
            }
            CommandOutput {
                stdout,
                stderr,
                exit_code: i32::from(session.loader.failed),
            }
        }
        Err(f) => {
            if let Some(partial) = &f.partial {
                stderr.push_str(&module_info_errors(
                    loader,
                    &partial.mg.build_list(),
                    retracted,
                ));
            }
            stderr.push_str(&format!("go: {}\n", f.error));
            CommandOutput {
                stdout: String::new(),
                stderr,
                exit_code: 1,
            }
        }
    }
}

/// Prints `go mod graph` from a loaded session.
pub fn print_graph(session: &Session<'_>) -> CommandOutput {
    let mut stderr = session.loader.stderr.clone();
    if let Some(fatal) = fatal_output(session) {
        return fatal;
    }
    match &session.outcome {
        Ok(loaded) => {
            let mut stdout = String::new();
            let g = &loaded.mg.g;
            g.walk_breadth_first(|m| {
                for r in g.required_by(m).unwrap_or_default() {
                    let _ = writeln!(stdout, "{m} {r}");
                }
            });
            CommandOutput {
                stdout,
                stderr,
                exit_code: i32::from(session.loader.failed),
            }
        }
        Err(f) => {
            stderr.push_str(&format!("go: {}\n", f.error));
            CommandOutput {
                stdout: String::new(),
                stderr,
                exit_code: 1,
            }
        }
    }
}
