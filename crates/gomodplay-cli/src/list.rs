//! `gomodplay list` and `gomodplay graph`: `go list -m all` and `go mod graph` for a directory or
//! bundle, byte for byte, or the build list from a supplied `go mod graph` output.

use std::io::Write;

use gomod::resolve::{self, CommandOutput, Resolution};

use crate::load::{self, Loaded};
use crate::query_args::{Format, Query, Verb};
use crate::resolution_json;

/// Runs `list` or `graph`; returns the exit status.
pub fn run(query: &Query, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let loaded = match load::load(query) {
        Ok(l) => l,
        Err(message) => return fail(stderr, &message),
    };
    let out = match (&loaded.supplied_graph, query.json) {
        (Some((name, text)), json) => from_supplied(query, name, text, json),
        (None, true) => {
            let res = resolve::resolve(&loaded.input(), resolve::Cmd::ListAll);
            json_output(&res)
        }
        (None, false) if query.verb == Verb::Graph => {
            let out = resolve::mod_graph(&loaded.input());
            in_format(query.format, out, || {
                resolve::resolve(&loaded.input(), resolve::Cmd::ModGraph)
            })
        }
        (None, false) => {
            let out = resolve::list_all(&loaded.input());
            in_format(query.format, out, || {
                resolve::resolve(&loaded.input(), resolve::Cmd::ListAll)
            })
        }
    };
    emit(&loaded, out, stdout, stderr)
}

/// go's output `out` with its stdout written as `format` instead, from the structured result
/// of the same command. When go would fail, its messages and status stay as they are, with
/// nothing on stdout, so a script sees the same failure in every format.
fn in_format(
    format: Format,
    mut out: CommandOutput,
    resolution: impl FnOnce() -> Resolution,
) -> CommandOutput {
    if format == Format::Text {
        return out;
    }
    if out.exit_code != 0 {
        out.stdout.clear();
        return out;
    }
    out.stdout = render(format, &resolution());
    out
}

/// A non-text document of `res` (`Format::Text` is go's own output, printed by the resolver).
fn render(format: Format, res: &Resolution) -> String {
    match format {
        Format::Dot => gomod::export::dot::render(res),
        Format::Mermaid => gomod::export::mermaid::render(res),
        Format::Csv => gomod::export::build_list::csv(res),
        Format::Json => crate::json::render(&gomod::export::graph_json::document(res)),
        Format::Text => gomod::export::graph_text(res),
    }
}

/// Prints a command's output followed by the warnings about the input; returns its status.
pub fn emit(
    loaded: &Loaded,
    out: CommandOutput,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let mut err_text = String::new();
    for w in &loaded.warnings {
        err_text.push_str(&format!("gomodplay: warning: {w}\n"));
    }
    err_text.push_str(&out.stderr);
    for e in loaded.source.read_errors() {
        err_text.push_str(&format!("gomodplay: warning: {e} (treated as missing)\n"));
    }
    let _ = stdout.write_all(out.stdout.as_bytes());
    let _ = stdout.flush();
    let _ = stderr.write_all(err_text.as_bytes());
    let _ = stderr.flush();
    u8::try_from(out.exit_code).unwrap_or(1)
}

fn fail(stderr: &mut dyn Write, message: &str) -> u8 {
    let _ = stderr.write_all(message.as_bytes());
    let _ = stderr.flush();
    1
}

/// The structured resolution as JSON; exit status 1 when it records an error.
pub fn json_output(res: &Resolution) -> CommandOutput {
    CommandOutput {
        stdout: resolution_json::render(res),
        stderr: String::new(),
        exit_code: i32::from(res.error.is_some()),
    }
}

/// The note that says where a supplied graph's results come from.
pub fn supplied_note(name: &str) -> String {
    format!(
        "gomodplay: computed by MVS over the edges of the supplied graph {name} (go.mod files and replacements were not read)\n"
    )
}

/// `list` / `graph` over a pasted `go mod graph` output: the build list in `go list -m all`
/// form (path and version; replacements are unknown), or the edges of the graph reachable from
/// the main modules in `go mod graph` form.
fn from_supplied(query: &Query, name: &str, text: &[u8], json: bool) -> CommandOutput {
    let verb = query.verb;
    let res = resolve::resolve_graph_text(&String::from_utf8_lossy(text));
    if json {
        let mut out = json_output(&res);
        out.stderr = supplied_note(name);
        return out;
    }
    let mut out = CommandOutput {
        stderr: supplied_note(name),
        ..CommandOutput::default()
    };
    for line in res.warnings.lines() {
        out.stderr.push_str(&format!("gomodplay: {name}: {line}\n"));
    }
    if let Some(e) = &res.error {
        out.stderr.push_str(&format!("gomodplay: {name}: {e}\n"));
        out.exit_code = 1;
        return out;
    }
    if query.format != Format::Text {
        out.stdout = render(query.format, &res);
        return out;
    }
    if verb == Verb::Graph {
        for (from, to) in &res.edges {
            out.stdout.push_str(&format!("{from} {to}\n"));
        }
    } else {
        for e in &res.build_list {
            out.stdout.push_str(&e.module.path);
            if !e.module.version.is_empty() {
                out.stdout.push(' ');
                out.stdout.push_str(&e.module.version);
            }
            out.stdout.push('\n');
        }
    }
    out
}
