//! The commands: read a file, hand its bytes to the core, print what the core returns.
//!
//! The message layouts below are the go command's, checked against go 1.27.3:
//!
//! * `go mod edit -fmt -print F` on a parse error prints `go: errors parsing SHORT(F):` and then the
//!   error list, whose entries name the file exactly as given (`F`); on an unreadable file it prints
//!   `go: open F: REASON` (or `go: read F: REASON` for a directory).
//! * `go work edit -fmt -print F` shortens the name first and wraps the error once more:
//!   `go: errors parsing SHORT(F):` / `errors parsing go.work:` / the list (entries name `SHORT(F)`),
//!   and for an unreadable file `go: errors parsing SHORT(F):` / `reading go.work: open SHORT(F): REASON`.
//!
//! `SHORT` is go's `base.ShortPath` (see [`crate::gopath`]). Every message ends with a newline and
//! the exit status is 1, as with go's `base.Fatalf`.

use std::io::{Read, Write};
use std::path::Path;

use gomod::syntax::ErrorList;

use crate::args::{Command, OVERVIEW};
use crate::gopath::{is_work_file, short_path};
use crate::oserror::{path_error, reason};
use crate::query_args::Verb;

/// Exit status for a file that cannot be read, parsed or written.
const FAILURE: u8 = 1;

pub fn run(command: Command, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let result = match command {
        Command::Help(None) => emit(stdout, OVERVIEW.as_bytes()),
        Command::Help(Some(topic)) => emit(stdout, topic.help().as_bytes()),
        Command::Fmt { file, write } => fmt(&file, write, stdout),
        Command::Json { file } => json(&file, stdout),
        Command::Sum { file } => sum(&file, stdout),
        Command::QueryHelp(verb) => emit(stdout, verb.help().as_bytes()),
        Command::Query(query) => {
            return match query.verb {
                Verb::List | Verb::Graph => crate::list::run(&query, stdout, stderr),
                Verb::Why => crate::why::run(&query, stdout, stderr),
            }
        }
        Command::Diagnostics(invocation) => return crate::check::run(invocation, stdout, stderr),
        Command::Share(invocation) => return crate::share::run(invocation, stdout, stderr),
        Command::Rules(invocation) => return crate::rules::run(invocation, stdout, stderr),
        Command::ExplainError(invocation) => {
            return crate::explain_error::run(invocation, stdout, stderr)
        }
        Command::Bundle(invocation) => return crate::bundle::run(invocation, stdout, stderr),
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            let _ = stderr.write_all(&message);
            let _ = stderr.flush();
            FAILURE
        }
    }
}

/// A failure: the complete bytes for stderr (go's error texts can hold invalid UTF-8 copied from
/// the input, and are printed as they are).
type Failure = Vec<u8>;

fn emit(out: &mut dyn Write, bytes: &[u8]) -> Result<(), Failure> {
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|err| format!("gomodplay: writing output: {}\n", reason(&err)).into_bytes())
}

/// A file as the user named it, with the names go would print for it.
struct Named<'a> {
    path: &'a Path,
    /// The name exactly as given on the command line.
    given: String,
    /// go's short form of it, used in headers (and everywhere for go.work files).
    short: String,
    work: bool,
}

impl<'a> Named<'a> {
    fn new(path: &'a Path) -> Named<'a> {
        let given = path.to_string_lossy().into_owned();
        let short = short_path(&given);
        Named {
            path,
            given,
            short,
            work: is_work_file(path),
        }
    }

    /// The name the parser is given, which its error entries repeat.
    fn parser_name(&self) -> &str {
        if self.work {
            &self.short
        } else {
            &self.given
        }
    }

    /// Reads the file, failing with go's message for an unreadable go.mod / go.work.
    fn read_like_go(&self) -> Result<Vec<u8>, Failure> {
        read(self.path).map_err(|(op, err)| {
            let text = if self.work {
                format!(
                    "go: errors parsing {}:\nreading go.work: {}\n",
                    self.short,
                    path_error(op, &self.short, &err)
                )
            } else {
                format!("go: {}\n", path_error(op, &self.given, &err))
            };
            text.into_bytes()
        })
    }

    /// go's report of a parse error list, byte for byte.
    fn parse_failure(&self, errors: &ErrorList) -> Failure {
        let mut out = if self.work {
            format!(
                "go: errors parsing {}:\nerrors parsing go.work:\n",
                self.short
            )
        } else {
            format!("go: errors parsing {}:\n", self.short)
        }
        .into_bytes();
        out.extend_from_slice(&errors.to_bytes());
        out.push(b'\n');
        out
    }
}

/// Reads a whole file; the error names the failing operation (`open` or `read`) as Go does.
fn read(path: &Path) -> Result<Vec<u8>, (&'static str, std::io::Error)> {
    let mut file = std::fs::File::open(path).map_err(|err| ("open", err))?;
    let mut data = Vec::new();
    file.read_to_end(&mut data).map_err(|err| ("read", err))?;
    Ok(data)
}

fn fmt(path: &Path, write: bool, stdout: &mut dyn Write) -> Result<(), Failure> {
    let named = Named::new(path);
    let data = named.read_like_go()?;
    let formatted = if named.work {
        gomod::workfile::format(named.parser_name(), &data)
    } else {
        gomod::modfile::format(named.parser_name(), &data)
    }
    .map_err(|errors| named.parse_failure(&errors))?;
    if !write {
        return emit(stdout, &formatted);
    }
    if formatted == data {
        return Ok(());
    }
    std::fs::write(path, &formatted).map_err(|err| {
        format!("gomodplay: {}\n", path_error("write", &named.given, &err)).into_bytes()
    })
}

fn json(path: &Path, stdout: &mut dyn Write) -> Result<(), Failure> {
    let named = Named::new(path);
    let data = named.read_like_go()?;
    let text = if named.work {
        gomod::workfile::edit_json(named.parser_name(), &data)
    } else {
        gomod::modfile::edit_json(named.parser_name(), &data)
    }
    .map_err(|errors| named.parse_failure(&errors))?;
    emit(stdout, text.as_bytes())
}

fn sum(path: &Path, stdout: &mut dyn Write) -> Result<(), Failure> {
    let given = path.to_string_lossy();
    let data =
        read(path).map_err(|(op, err)| format!("gomodplay: {}\n", path_error(op, &given, &err)))?;
    let hash = gomod::sum::gomod_hash(&data);
    emit(stdout, format!("{hash}\n").as_bytes())
}
