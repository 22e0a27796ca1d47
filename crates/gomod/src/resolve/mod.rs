//! Module resolution: Go's requirement graph and Minimal Version Selection, exactly as
//! `go list -m all` and `go mod graph` compute them (spec section 7).
//!
//! Layers, bottom up: `mvs.rs` is the generic algorithm (build list, `Req`, upgrade, downgrade);
//! `order.rs` compares versions the way the go command does; `loader.rs` reads one module's
//! requirements (replace, exclude, module-path and go-version checks); `graph.rs` builds the
//! pruned, unpruned or workspace graph and performs the `-mod=mod` root fix-up; [`command`] and
//! `work.rs` load a main module or a workspace; the printers reproduce the go command's output.
//! Nothing here does I/O: go.mod files come from a [`ModSource`].
//!
//! Entry points for a front end (CLI, web app):
//! * [`list_all`], [`list_all_retracted`], [`mod_graph`], [`mod_graph_go`]: byte-exact
//!   stdout, stderr and exit status of `go list -m all`, `go list -m -retracted all`,
//!   `go mod graph` and `go mod graph -go=V` (with `GOFLAGS=-mod=mod`, `GOTOOLCHAIN=local`;
//!   [`Settings`] names the running Go version, the absolute module directory and the proxy URL
//!   as they appear in messages).
//! * Inputs: [`bundle_input`] for a [`crate::bundle::Bundle`] (a txtar, or a directory the CLI
//!   read with `Bundle::from_files`, which also covers `--proxy DIR`), or an [`Input`] over any
//!   [`ModSource`] ([`MapSource`] in memory).
//! * [`resolve`]: the structured [`Resolution`] (build list, nodes with selected / pruned
//!   status and go lines, edges, errors, go.sum needs with hashes; use [`Cmd::ModGraph`] for
//!   the graph as `go mod graph` sees it, [`Cmd::ListAll`] as `go list -m all` does); [`explain()`], [`version_skew`] and
//!   [`what_if`] on top of it; [`resolve_graph_text`] for a pasted `go mod graph` output;
//!   [`retract::notes`] for retractions and deprecations.
//!
//! Known limits: a main go.mod whose versions need a query to be fixed (`v1.2`, branch names)
//! is read as `go mod edit` reads it (such a retracted version is accepted unchecked); godebug
//! lines and canonical retracted versions are checked as go checks them; vendor mode is not
//! simulated; when two workspace modules replace the same module version differently, go
//! prints a warning once per internal lookup, which is not reproduced.

pub(crate) mod bundle_source;
#[doc(hidden)] // Not part of the API: public only for the tests that compare it with go.
pub mod command;
pub(crate) mod error;
pub(crate) mod explain;
#[doc(hidden)] // Not part of the API: public only for the tests that compare it with go.
pub mod fastmod;
#[doc(hidden)] // Not part of the API: public only for the tests that compare it with go.
pub mod files;
pub(crate) mod fxhash;
pub(crate) mod get;
#[doc(hidden)] // Not part of the API: public only for the tests that compare it with go.
pub mod godebug;
pub(crate) mod graph;
pub(crate) mod input;
pub(crate) mod loader;
pub(crate) mod mvs;
pub(crate) mod order;
pub mod paths;
pub(crate) mod resolution;
#[doc(hidden)] // Not part of the API: public only for the tests that compare it with go.
pub mod retract;
#[doc(hidden)] // Not part of the API: public only for the tests that compare it with go.
pub mod summary;
pub(crate) mod supplied;
pub(crate) mod wording;
pub(crate) mod work;

#[cfg(test)]
mod mvs_dsl;

pub use bundle_source::bundle_input;
pub use command::Cmd;
pub use error::{Error, ErrorKind};
pub use explain::{difference, explain, what_if, Change, Explanation, WhatIf};
pub use input::{
    CommandOutput, Input, MapSource, ModSource, Settings, Toolchain, Workspace, DEFAULT_GO_VERSION,
};
pub use loader::Pruning;
pub use resolution::{
    resolve, version_skew, BuildListEntry, Node, Origin, Resolution, Skew, SumNeed, SumNeeds,
};
pub use supplied::{resolve_graph_text, with_main_gomod};
pub use wording::user_error_text;

/// Runs a command on the input: go.mod / go.work checks, graph loading, printing.
fn run(input: &Input<'_>, cmd: Cmd) -> CommandOutput {
    let session = match &input.workspace {
        Some(ws) => work::load_workspace(input, ws),
        None => command::read_main(input).map(|file| command::load_single(input, file, cmd)),
    };
    let session = match session {
        Ok(s) => s,
        Err(stderr) => {
            return CommandOutput {
                stdout: String::new(),
                stderr: stderr.into_text(),
                exit_code: 1,
            }
        }
    };
    match cmd {
        Cmd::ListAll => command::print_list(&session, false),
        Cmd::ModGraph => command::print_graph(&session),
    }
}

/// Exactly what `go list -m all` prints (with `-mod=mod`).
pub fn list_all(input: &Input<'_>) -> CommandOutput {
    run(input, Cmd::ListAll)
}

/// Exactly what `go list -m -retracted all` prints (with `-mod=mod`): the build list with
/// retracted versions marked.
pub fn list_all_retracted(input: &Input<'_>) -> CommandOutput {
    let session = match &input.workspace {
        Some(ws) => work::load_workspace(input, ws),
        None => {
            command::read_main(input).map(|file| command::load_single(input, file, Cmd::ListAll))
        }
    };
    match session {
        Ok(s) => command::print_list(&s, true),
        Err(stderr) => CommandOutput {
            stdout: String::new(),
            stderr: stderr.into_text(),
            exit_code: 1,
        },
    }
}

/// Exactly what `go mod graph -go=<version>` prints (single-module mode), including the flag's
/// own checks.
pub fn mod_graph_go(input: &Input<'_>, version: &str) -> CommandOutput {
    let flag_error = |why: String| {
        CommandOutput {
        stdout: String::new(),
        stderr: format!(
            "invalid value {version:?} for flag -go: {why}\nusage: go mod graph [-go=version] [-x]\nRun 'go help mod graph' for details.\n"
        ),
        exit_code: 2,
    }
    };
    let local = &input.settings.go_version;
    if !version.is_empty() && !crate::modfile::is_go_version(version.as_bytes()) {
        return flag_error(format!("expecting a Go version like {local:?}"));
    }
    if order::compare_go(version, local).is_gt() {
        return flag_error(format!("maximum supported Go version is {local}"));
    }
    match command::read_main(input) {
        Ok(file) => command::print_graph(&command::load_single_with(
            input,
            file,
            Cmd::ModGraph,
            Some(version).filter(|v| !v.is_empty()),
        )),
        Err(stderr) => CommandOutput {
            stdout: String::new(),
            stderr: stderr.into_text(),
            exit_code: 1,
        },
    }
}

/// Exactly what `go mod graph` prints.
pub fn mod_graph(input: &Input<'_>) -> CommandOutput {
    run(input, Cmd::ModGraph)
}
