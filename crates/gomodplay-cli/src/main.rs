//! `gomodplay`: the command-line face of the gomod core.
//!
//! The binary only reads arguments and files, calls the core, and prints. Where a command mirrors
//! the go command (`fmt` is `go mod edit -fmt -print` / `go work edit -fmt -print`, `json` is
//! `go mod edit -json` / `go work edit -json`), its output, its error text and its exit status are
//! byte-identical to go's, **including the `go: ` prefix** of go's messages: that keeps the CLI
//! differentially testable against the real go binary, and lets users diff the two. Messages
//! about gomodplay's own usage start with `gomodplay: ` instead.

mod args;
mod bundle;
mod check;
mod commands;
mod explain;
mod explain_error;
mod fix;
mod gopath;
mod json;
mod list;
mod load;
mod oserror;
mod query_args;
mod resolution_json;
mod rules;
mod share;
mod why;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let code = match args::parse(&argv) {
        Ok(command) => commands::run(command, &mut stdout, &mut stderr),
        Err(usage) => {
            let _ = stderr.write_all(usage.message.as_bytes());
            usage.exit_code
        }
    };
    let _ = stdout.flush();
    ExitCode::from(code)
}
