//! Hand-written argument parsing for `gomodplay`.
//!
//! The grammar is small: `gomodplay COMMAND [FLAGS] FILE`, with `-h`/`--help`/`help [COMMAND]`.
//! Flags may come before or after the file; `--` ends the flags so that a file named `-w` can be
//! formatted. Every mistake yields a message naming the problem and an exit status of 2.

use std::ffi::OsString;
use std::path::PathBuf;

/// A parsed command line.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Print help (for one command, or the overview) to stdout.
    Help(Option<Topic>),
    /// Print the canonical form of a go.mod or go.work file, or rewrite it in place.
    Fmt { file: PathBuf, write: bool },
    /// Print the file as `go mod edit -json` / `go work edit -json` would.
    Json { file: PathBuf },
    /// Print the `h1:` hash that go.sum records for a go.mod file.
    Sum { file: PathBuf },
    /// Resolve a module graph: `list`, `graph` or `why` (see [`crate::query_args`]).
    Query(crate::query_args::Query),
    /// Print the help of a resolving command.
    QueryHelp(crate::query_args::Verb),
    /// `check`, `fix` or `explain` (parsed in check.rs).
    Diagnostics(crate::check::Invocation),
    /// `share`: print a playground link (parsed in share.rs).
    Share(crate::share::Invocation),
    /// `rules`: the rule catalogue (parsed in rules.rs).
    Rules(crate::rules::Invocation),
    /// `explain-error`: pasted go output explained (parsed in explain_error.rs).
    ExplainError(crate::explain_error::Invocation),
    /// `bundle`: print the whole graph from the module cache (parsed in bundle.rs).
    Bundle(crate::bundle::Invocation),
}

/// The commands that have their own help text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Fmt,
    Json,
    Sum,
}

impl Topic {
    fn from_name(name: &str) -> Option<Topic> {
        match name {
            "fmt" => Some(Topic::Fmt),
            "json" => Some(Topic::Json),
            "sum" => Some(Topic::Sum),
            _ => None,
        }
    }

    pub fn usage_line(self) -> &'static str {
        match self {
            Topic::Fmt => "usage: gomodplay fmt [-w] FILE\n",
            Topic::Json => "usage: gomodplay json FILE\n",
            Topic::Sum => "usage: gomodplay sum FILE\n",
        }
    }

    pub fn help(self) -> &'static str {
        match self {
            Topic::Fmt => FMT_HELP,
            Topic::Json => JSON_HELP,
            Topic::Sum => SUM_HELP,
        }
    }
}

/// Why the command line was rejected: the text for stderr and the exit status.
#[derive(Debug, PartialEq, Eq)]
pub struct Usage {
    pub message: String,
    pub exit_code: u8,
}

/// The exit status for a usage mistake (as Go's flag package and the go command use).
pub const USAGE_EXIT: u8 = 2;

pub const OVERVIEW: &str = "\
gomodplay reads go.mod, go.work and go.sum files exactly as the go command does.

Usage:

\tgomodplay <command> [arguments]

The commands are:

\tfmt [-w] FILE            print FILE in canonical form (go mod edit -fmt / go work edit -fmt)
\tjson FILE                print FILE as JSON (go mod edit -json / go work edit -json)
\tsum FILE                 print the h1: hash go.sum records for the go.mod FILE
\tlist [DIR|BUNDLE]        print the build list, as go list -m all does
\tgraph [DIR|BUNDLE]       print the module graph, as go mod graph does
\twhy MODULE [DIR|BUNDLE]  explain why MODULE is in the graph at its version
\tcheck [DIR|BUNDLE]       report what is wrong or risky, with fixes
\tfix [DIR|BUNDLE]         apply the fixes check proposes
\texplain [CODE]           explain a rule of check, or list the rules
\texplain-error [FILE|-]   explain the go command's error output, pasted or piped in
\tshare [DIR|BUNDLE]       print a playground link that opens the input
\trules [--format F]       print every rule with its explanation (text, json, markdown, html)
\tbundle [DIR]             print the files of DIR's module graph, from the module cache, as one txtar
\thelp [COMMAND]           print this help, or help for one command

A file named go.work or ending in .work is read as a go.work file; any other file as a go.mod file.
Messages that mirror the go command (parse errors, unreadable files under fmt and json) are printed
byte-for-byte as go prints them, including their \"go: \" prefix, so the two can be compared directly.

Exit status: 0 on success, 1 when a file cannot be read or parsed, 2 on a usage mistake.
";

const FMT_HELP: &str = "\
usage: gomodplay fmt [-w] FILE

Fmt prints FILE in the canonical form that 'go mod edit -fmt -print FILE' (or, for a go.work file,
'go work edit -fmt -print FILE') prints: versions canonicalised, quoting normalised, duplicates
removed, block lines sorted, empty blocks dropped, one-line blocks collapsed, one blank line between
statements.

The -w flag rewrites FILE in place instead of printing it, and only when its content changes.

If FILE does not parse, fmt prints go's error list (\"go: errors parsing FILE:\" and one line per
error) to stderr, changes nothing, and exits with status 1.
";

const JSON_HELP: &str = "\
usage: gomodplay json FILE

Json prints FILE as the JSON document that 'go mod edit -json FILE' (or 'go work edit -json FILE'
for a go.work file) prints. Parse errors are reported as by fmt.
";

const SUM_HELP: &str = "\
usage: gomodplay sum FILE

Sum prints the hash (\"h1:\" and 44 base64 characters) that go.sum records for FILE as a
module's go.mod, on the module's \"/go.mod\" line. The hash covers the bytes exactly as they are;
the file does not need to parse.
";

/// Splits one argument into a flag and its inline value (`--format=json` is `--format` and
/// `json`); anything else is returned whole, without a value.
pub fn split_flag(text: &str) -> (String, Option<String>) {
    match text.split_once('=') {
        Some((f, v)) if f.starts_with('-') => (f.to_owned(), Some(v.to_owned())),
        _ => (text.to_owned(), None),
    }
}

/// A flag's value: the inline one, or else the next argument (`None` when there is none).
pub fn flag_value<'a>(
    inline: &Option<String>,
    args: &mut impl Iterator<Item = &'a OsString>,
) -> Option<String> {
    inline
        .clone()
        .or_else(|| args.next().map(|v| v.to_string_lossy().into_owned()))
}

fn usage_error(message: String) -> Usage {
    Usage {
        message,
        exit_code: USAGE_EXIT,
    }
}

fn command_usage(topic: Topic, problem: &str) -> Usage {
    usage_error(format!(
        "gomodplay: {problem}\n{}Run 'gomodplay help' for details.\n",
        topic.usage_line()
    ))
}

/// Parses the arguments after the program name.
pub fn parse(argv: &[OsString]) -> Result<Command, Usage> {
    let Some((first, rest)) = argv.split_first() else {
        return Err(usage_error(format!(
            "gomodplay: no command given\n\n{OVERVIEW}"
        )));
    };
    let name = first.to_string_lossy();
    match name.as_ref() {
        "help" | "-h" | "-help" | "--help" => parse_help(rest),
        "check" | "fix" | "explain" => crate::check::parse(&name, rest)
            .map(Command::Diagnostics)
            .map_err(|e| usage_error(e.0)),
        "share" => crate::share::parse(rest)
            .map(Command::Share)
            .map_err(usage_error),
        "rules" => crate::rules::parse(rest)
            .map(Command::Rules)
            .map_err(usage_error),
        "explain-error" => crate::explain_error::parse(rest)
            .map(Command::ExplainError)
            .map_err(usage_error),
        "bundle" => crate::bundle::parse(rest)
            .map(Command::Bundle)
            .map_err(usage_error),
        "fmt" | "json" | "sum" => {
            let topic = Topic::from_name(&name).unwrap_or(Topic::Fmt);
            parse_file_command(topic, rest)
        }
        "list" | "graph" | "why" => {
            let verb =
                crate::query_args::Verb::from_name(&name).unwrap_or(crate::query_args::Verb::List);
            crate::query_args::parse(verb, rest).map(|parsed| match parsed {
                crate::query_args::Parsed::Query(q) => Command::Query(q),
                crate::query_args::Parsed::Help(v) => Command::QueryHelp(v),
            })
        }
        other => Err(usage_error(format!(
            "gomodplay: unknown command {other:?}\nRun 'gomodplay help' for usage.\n"
        ))),
    }
}

fn parse_help(rest: &[OsString]) -> Result<Command, Usage> {
    match rest {
        [] => Ok(Command::Help(None)),
        [topic] => {
            let topic = topic.to_string_lossy();
            if let Some(verb) = crate::query_args::Verb::from_name(&topic) {
                return Ok(Command::QueryHelp(verb));
            }
            if topic == "rules" {
                return Ok(Command::Rules(crate::rules::Invocation::Help));
            }
            if topic == "explain-error" {
                return Ok(Command::ExplainError(
                    crate::explain_error::Invocation::Help,
                ));
            }
            if topic == "bundle" {
                return crate::bundle::parse(&[OsString::from("-h")])
                    .map(Command::Bundle)
                    .map_err(usage_error);
            }
            if topic == "share" {
                return crate::share::parse(&[OsString::from("-h")])
                    .map(Command::Share)
                    .map_err(usage_error);
            }
            if topic == "help" {
                return Ok(Command::Help(None));
            }
            if matches!(topic.as_ref(), "check" | "fix" | "explain") {
                // These commands print their own help for -h; `help CMD` means the same.
                return crate::check::parse(&topic, &[OsString::from("-h")])
                    .map(Command::Diagnostics)
                    .map_err(|e| usage_error(e.0));
            }
            match Topic::from_name(&topic) {
                Some(topic) => Ok(Command::Help(Some(topic))),
                None => Err(usage_error(format!(
                    "gomodplay help: unknown command {topic:?}\nRun 'gomodplay help' for usage.\n"
                ))),
            }
        }
        _ => Err(usage_error(
            "usage: gomodplay help [COMMAND]\nToo many arguments given.\n".to_string(),
        )),
    }
}

fn parse_file_command(topic: Topic, rest: &[OsString]) -> Result<Command, Usage> {
    let mut write = false;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut flags_done = false;
    for arg in rest {
        let text = arg.to_string_lossy();
        if flags_done || !text.starts_with('-') || text == "-" {
            files.push(PathBuf::from(arg));
            continue;
        }
        match text.as_ref() {
            "--" => flags_done = true,
            "-h" | "-help" | "--help" => return Ok(Command::Help(Some(topic))),
            "-w" if topic == Topic::Fmt => write = true,
            flag => return Err(command_usage(topic, &format!("unknown flag {flag}"))),
        }
    }
    let file = match files.len() {
        1 => files.remove(0),
        0 => return Err(command_usage(topic, "no file given")),
        _ => {
            return Err(command_usage(
                topic,
                "too many files given (exactly one expected)",
            ))
        }
    };
    Ok(match topic {
        Topic::Fmt => Command::Fmt { file, write },
        Topic::Json => Command::Json { file },
        Topic::Sum => Command::Sum { file },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn fmt_takes_w_anywhere_and_double_dash() {
        assert_eq!(
            parse(&args(&["fmt", "go.mod", "-w"])),
            Ok(Command::Fmt {
                file: "go.mod".into(),
                write: true
            })
        );
        assert_eq!(
            parse(&args(&["fmt", "--", "-w"])),
            Ok(Command::Fmt {
                file: "-w".into(),
                write: false
            })
        );
    }

    #[test]
    fn mistakes_exit_2_with_a_reason() {
        for (argv, reason) in [
            (vec![], "no command given"),
            (vec!["frob"], "unknown command \"frob\""),
            (vec!["fmt"], "no file given"),
            (vec!["fmt", "a", "b"], "too many files given"),
            (vec!["fmt", "-x", "a"], "unknown flag -x"),
            (vec!["sum", "-w", "a"], "unknown flag -w"),
            (vec!["help", "frob"], "unknown command \"frob\""),
        ] {
            let err = parse(&args(&argv)).expect_err("must be rejected");
            assert_eq!(err.exit_code, USAGE_EXIT);
            assert!(err.message.contains(reason), "{argv:?}: {}", err.message);
        }
    }

    #[test]
    fn help_forms() {
        assert_eq!(parse(&args(&["help"])), Ok(Command::Help(None)));
        assert_eq!(parse(&args(&["--help"])), Ok(Command::Help(None)));
        assert_eq!(
            parse(&args(&["help", "sum"])),
            Ok(Command::Help(Some(Topic::Sum)))
        );
        assert_eq!(
            parse(&args(&["fmt", "-h"])),
            Ok(Command::Help(Some(Topic::Fmt)))
        );
    }
}
