//! `gomodplay explain-error [--dir DIR|BUNDLE] [--format text|json] [FILE|-]`: the go command's
//! output (pasted into FILE, or on stdin) explained by the core's error catalogue, with the fixes
//! located in the user's files when `--dir` names them (a directory or a txtar bundle, read as
//! `check` reads its input).

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;

use gomod::explain_error::{explain_error, to_text};

/// Exit status when the input cannot be read.
const FAILURE: u8 = 1;

pub const USAGE: &str =
    "usage: gomodplay explain-error [--dir DIR | --dir BUNDLE.txtar] [--format text|json] [FILE | -]\n";

const HELP: &str = "\
usage: gomodplay explain-error [--dir DIR | --dir BUNDLE.txtar] [--format text|json] [FILE | -]

Explain-error reads the go command's output as it was pasted (FILE, or stdin when FILE is - or
absent): several errors, command echoes, colour codes, Windows line endings, CI timestamps and
`go: downloading` lines are fine. Each module error it recognises is printed with its variable
parts, what it means, why go says it, the rule codes that explain it, the commands that fix it and
the files to paste to see more. Text it does not recognise is printed as unrecognised.

With --dir (a module directory, or a txtar bundle as check takes), the rules run on those files
and each error lists their findings, whose fixes are exact text edits.

--format json prints the same as a JSON document (the JavaScript API's explainError result).
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Invocation {
    Explain {
        /// `None` reads stdin.
        input: Option<PathBuf>,
        files: Option<PathBuf>,
        format: Format,
    },
    Help,
}

/// Parses the arguments after `explain-error`; the error is the complete stderr text.
pub fn parse(rest: &[OsString]) -> Result<Invocation, String> {
    let fail = |problem: String| {
        format!("gomodplay: {problem}\n{USAGE}Run 'gomodplay help explain-error' for details.\n")
    };
    let mut input = None;
    let mut files = None;
    let mut format = Format::Text;
    let mut positional = 0;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        let (flag, inline) = crate::args::split_flag(&text);
        let mut value = |name: &str| -> Result<String, String> {
            crate::args::flag_value(&inline, &mut args)
                .ok_or_else(|| fail(format!("flag {name} needs a value")))
        };
        match flag.as_str() {
            "-h" | "-help" | "--help" => return Ok(Invocation::Help),
            "-dir" | "--dir" => files = Some(PathBuf::from(value("--dir")?)),
            "-format" | "--format" => {
                format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(fail(format!("unknown format {other:?}"))),
                }
            }
            "-" => positional += 1,
            f if f.starts_with('-') => return Err(fail(format!("unknown flag {f}"))),
            _ => {
                positional += 1;
                input = Some(PathBuf::from(arg));
            }
        }
    }
    if positional > 1 {
        return Err(fail("too many arguments".to_owned()));
    }
    Ok(Invocation::Explain {
        input,
        files,
        format,
    })
}

pub fn run(invocation: Invocation, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let (input, files, format) = match invocation {
        Invocation::Help => {
            let _ = stdout.write_all(HELP.as_bytes());
            return 0;
        }
        Invocation::Explain {
            input,
            files,
            format,
        } => (input, files, format),
    };
    let data = match &input {
        Some(path) => crate::load::read_file(path).map_err(|(_, e)| {
            format!(
                "gomodplay: {}: {}\n",
                path.display(),
                crate::oserror::reason(&e)
            )
        }),
        None => {
            let mut data = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut data)
                .map(|_| data)
                .map_err(|e| format!("gomodplay: reading stdin: {}\n", crate::oserror::reason(&e)))
        }
    };
    let data = match data {
        Ok(data) => data,
        Err(message) => {
            let _ = stderr.write_all(message.as_bytes());
            return FAILURE;
        }
    };
    let bundle = match &files {
        Some(path) => match crate::load::load_bundle_files(path) {
            Ok(loaded) => Some(loaded.bundle),
            Err(message) => {
                let _ = stderr.write_all(message.as_bytes());
                return FAILURE;
            }
        },
        None => None,
    };
    let text = String::from_utf8_lossy(&data);
    let explanation = explain_error(&text, bundle.as_ref());
    let out = match format {
        Format::Text => to_text(&explanation),
        Format::Json => crate::json::render(&explanation),
    };
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_args(list: &[&str]) -> Result<Invocation, String> {
        let args: Vec<OsString> = list.iter().map(OsString::from).collect();
        parse(&args)
    }

    #[test]
    fn input_files_and_format() {
        assert_eq!(
            parse_args(&["--dir", "proj", "--format=json", "err.txt"]),
            Ok(Invocation::Explain {
                input: Some(PathBuf::from("err.txt")),
                files: Some(PathBuf::from("proj")),
                format: Format::Json,
            })
        );
        assert_eq!(
            parse_args(&["-"]),
            Ok(Invocation::Explain {
                input: None,
                files: None,
                format: Format::Text,
            })
        );
        assert_eq!(parse_args(&["-h"]), Ok(Invocation::Help));
        for (args, problem) in [
            (&["--format", "xml"][..], "unknown format \"xml\""),
            (&["--dir"][..], "flag --dir needs a value"),
            (&["a", "b"][..], "too many arguments"),
            (&["-w"][..], "unknown flag -w"),
        ] {
            let err = parse_args(args).expect_err("must be rejected");
            assert!(err.contains(problem), "{args:?}: {err}");
        }
    }
}
