//! `gomodplay check`, and the argument parsing shared with `fix` and `explain`: the input (read
//! by [`crate::load::load_bundle_files`]) is checked by the core, and the report is printed as
//! text, JSON or SARIF.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use gomod::analyze::Options;
use gomod::check::{check, to_json, to_sarif, to_text, Severity};

/// Exit status when the check finds an error.
const FOUND_ERRORS: u8 = 1;
/// Exit status for a usage mistake.
const USAGE: u8 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Sarif,
}

/// A parsed `check`, `fix` or `explain` command line.
#[derive(Debug, PartialEq, Eq)]
pub enum Invocation {
    Check {
        input: PathBuf,
        go_version: Option<String>,
        format: Format,
        /// The least serious findings shown (`--severity`; info, all of them, by default).
        severity: Severity,
    },
    Fix {
        input: PathBuf,
        go_version: Option<String>,
        only: Vec<String>,
        write: bool,
    },
    /// `None` lists every rule.
    Explain { code: Option<String> },
    /// `-h`: the command's usage line, printed to stdout.
    Help(&'static str),
}

pub const CHECK_USAGE: &str =
    "usage: gomodplay check [--go-version V] [--format text|json|sarif] [--severity error|warning|info] [DIR | BUNDLE.txtar]\n";
pub const FIX_USAGE: &str =
    "usage: gomodplay fix [--go-version V] [--only CODE]... [-w] [DIR | BUNDLE.txtar]\n";
pub const EXPLAIN_USAGE: &str = "usage: gomodplay explain [CODE]\n";

/// The message and exit status of a rejected command line.
pub struct UsageError(pub String);

/// Parses the arguments after `check`, `fix` or `explain`.
pub fn parse(command: &str, rest: &[OsString]) -> Result<Invocation, UsageError> {
    let usage_line = match command {
        "check" => CHECK_USAGE,
        "fix" => FIX_USAGE,
        _ => EXPLAIN_USAGE,
    };
    let fail = |problem: String| {
        UsageError(format!(
            "gomodplay: {problem}\n{usage_line}Run 'gomodplay help' for details.\n"
        ))
    };
    let mut positional: Vec<OsString> = Vec::new();
    let mut go_version = None;
    let mut format = Format::Text;
    let mut severity = Severity::Info;
    let mut only = Vec::new();
    let mut write = false;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        let (flag, inline) = crate::args::split_flag(&text);
        let mut value = |name: &str| -> Result<String, UsageError> {
            crate::args::flag_value(&inline, &mut args)
                .ok_or_else(|| fail(format!("flag {name} needs a value")))
        };
        match (command, flag.trim_start_matches('-')) {
            (_, "h" | "help") if flag.starts_with('-') => return Ok(Invocation::Help(usage_line)),
            ("check" | "fix", "go-version") if flag.starts_with('-') => {
                go_version = Some(value("--go-version")?)
            }
            ("check", "format") if flag.starts_with('-') => {
                format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "sarif" => Format::Sarif,
                    other => return Err(fail(format!("unknown format {other:?}"))),
                }
            }
            ("check", "severity") if flag.starts_with('-') => {
                let name = value("--severity")?;
                severity = Severity::from_name(&name).ok_or_else(|| {
                    fail(format!(
                        "unknown severity {name:?}: expected error, warning or info"
                    ))
                })?;
            }
            ("fix", "only") if flag.starts_with('-') => {
                let code = value("--only")?;
                if gomod::check::rule(&code).is_none() {
                    return Err(fail(format!("unknown rule {code:?}")));
                }
                only.push(code);
            }
            ("fix", "w") if flag.starts_with('-') => write = true,
            _ if flag.starts_with('-') && flag != "-" => {
                return Err(fail(format!("unknown flag {flag}")))
            }
            _ => positional.push(arg.clone()),
        }
    }
    if positional.len() > 1 {
        return Err(fail("too many arguments".to_owned()));
    }
    let first = positional.pop();
    Ok(match command {
        "check" => Invocation::Check {
            input: first.map_or_else(|| PathBuf::from("."), PathBuf::from),
            go_version,
            format,
            severity,
        },
        "fix" => Invocation::Fix {
            input: first.map_or_else(|| PathBuf::from("."), PathBuf::from),
            go_version,
            only,
            write,
        },
        _ => Invocation::Explain {
            code: first.map(|c| c.to_string_lossy().into_owned()),
        },
    })
}

/// Runs a parsed invocation; returns the exit status.
pub fn run(invocation: Invocation, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    match invocation {
        Invocation::Check {
            input,
            go_version,
            format,
            severity,
        } => run_check(&input, go_version, format, severity, stdout, stderr),
        Invocation::Fix {
            input,
            go_version,
            only,
            write,
        } => crate::fix::run(&input, go_version, &only, write, stdout, stderr),
        Invocation::Explain { code } => crate::explain::run(code.as_deref(), stdout, stderr),
        Invocation::Help(text) => {
            let _ = stdout.write_all(text.as_bytes());
            0
        }
    }
}

fn run_check(
    input: &Path,
    go_version: Option<String>,
    format: Format,
    severity: Severity,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let bundle = match crate::load::load_bundle_files(input) {
        Ok(loaded) => loaded.bundle,
        Err(message) => {
            let _ = stderr.write_all(message.as_bytes());
            return FOUND_ERRORS;
        }
    };
    let report = check(
        &bundle,
        &Options {
            go_version,
            ..Options::default()
        },
    )
    .at_least(severity);
    let text = match format {
        Format::Text => to_text(&report),
        Format::Json => to_json(&report),
        Format::Sarif => to_sarif(&report),
    };
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    if report.has_errors() {
        FOUND_ERRORS
    } else {
        0
    }
}

/// The usage status, for callers that report their own mistakes.
pub fn usage_status() -> u8 {
    USAGE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_args(command: &str, list: &[&str]) -> Result<Invocation, String> {
        let args: Vec<OsString> = list.iter().map(OsString::from).collect();
        parse(command, &args).map_err(|e| e.0)
    }

    #[test]
    fn flags_take_values_inline_or_separately() {
        assert_eq!(
            parse_args(
                "check",
                &["--go-version=1.23.8", "--format", "sarif", "b.txtar"]
            ),
            Ok(Invocation::Check {
                input: PathBuf::from("b.txtar"),
                go_version: Some("1.23.8".to_owned()),
                format: Format::Sarif,
                severity: Severity::Info,
            })
        );
        assert_eq!(
            parse_args("check", &["--severity", "warning"]),
            Ok(Invocation::Check {
                input: PathBuf::from("."),
                go_version: None,
                format: Format::Text,
                severity: Severity::Warning,
            })
        );
        assert_eq!(
            parse_args(
                "fix",
                &["-w", "--only", "duplicate-require", "--only=sum-missing"]
            ),
            Ok(Invocation::Fix {
                input: PathBuf::from("."),
                go_version: None,
                only: vec!["duplicate-require".to_owned(), "sum-missing".to_owned()],
                write: true,
            })
        );
        assert_eq!(
            parse_args("explain", &["sum-missing"]),
            Ok(Invocation::Explain {
                code: Some("sum-missing".to_owned())
            })
        );
        assert_eq!(
            parse_args("check", &["-h"]),
            Ok(Invocation::Help(CHECK_USAGE))
        );
    }

    #[test]
    fn mistakes_name_the_problem() {
        for (command, args, problem) in [
            ("check", &["--format", "xml"][..], "unknown format \"xml\""),
            ("check", &["-w"][..], "unknown flag -w"),
            ("check", &["a", "b"][..], "too many arguments"),
            (
                "check",
                &["--go-version"][..],
                "flag --go-version needs a value",
            ),
            ("fix", &["--only", "nope"][..], "unknown rule \"nope\""),
            (
                "check",
                &["--severity", "notice"][..],
                "unknown severity \"notice\": expected error, warning or info",
            ),
            (
                "fix",
                &["--severity", "warning"][..],
                "unknown flag --severity",
            ),
        ] {
            let err = parse_args(command, args).expect_err("must be rejected");
            assert!(err.contains(problem), "{args:?}: {err}");
        }
    }
}
