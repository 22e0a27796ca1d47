//! `gomodplay share [--base URL] [--no-sums] DIR|BUNDLE`: prints a playground link that opens
//! the input (for CI logs and bug reports). A txtar bundle is read as a share payload, so its
//! header's `go-version:`, `gotoolchain:`, `view:` and `focus:` lines come along; a directory's
//! workspace and GOPROXY-layout files are taken as they are.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use gomod::share::{self, EncodeOptions, SharedState};

/// Where `make serve` serves the playground.
pub const DEFAULT_BASE: &str = "http://127.0.0.1:8080/";

pub const HELP: &str = "\
usage: gomodplay share [--base URL] [--no-sums] DIR|BUNDLE

Share prints a link that opens DIR (its go.mod, go.sum, go.work, vendor/modules.txt and
dependency go.mod files in GOPROXY layout) or BUNDLE (a .txtar file, whose go-version:,
gotoolchain:, view: and focus: header lines are kept) in the playground, state in the link's
fragment. --base is the playground's address (default http://127.0.0.1:8080/, where make serve
serves it). --no-sums leaves out the go.sum hashes of go.mod files that the input holds (the page
computes them again); module zip hashes always stay. The link's length goes to stderr.
";

#[derive(Debug, PartialEq, Eq)]
pub struct Invocation {
    pub input: Option<PathBuf>,
    pub base: String,
    pub no_sums: bool,
    pub help: bool,
}

/// Parses the arguments after `share`; the error is the complete usage message.
pub fn parse(rest: &[OsString]) -> Result<Invocation, String> {
    let usage = |problem: &str| {
        format!(
            "gomodplay: {problem}\nusage: gomodplay share [--base URL] [--no-sums] DIR|BUNDLE\n"
        )
    };
    let mut invocation = Invocation {
        input: None,
        base: DEFAULT_BASE.to_owned(),
        no_sums: false,
        help: false,
    };
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        match text.as_ref() {
            "-h" | "-help" | "--help" => invocation.help = true,
            "--no-sums" | "-no-sums" => invocation.no_sums = true,
            "--base" | "-base" => {
                invocation.base = args
                    .next()
                    .ok_or_else(|| usage("--base needs a URL"))?
                    .to_string_lossy()
                    .into_owned()
            }
            flag if flag.starts_with('-') && flag != "-" => {
                if let Some(url) = flag.strip_prefix("--base=") {
                    invocation.base = url.to_owned();
                } else {
                    return Err(usage(&format!("unknown flag {flag}")));
                }
            }
            _ if invocation.input.is_some() => return Err(usage("too many inputs given")),
            _ => invocation.input = Some(PathBuf::from(arg)),
        }
    }
    if invocation.input.is_none() && !invocation.help {
        return Err(usage("no input given"));
    }
    Ok(invocation)
}

fn state_of(input: &Path) -> Result<SharedState, String> {
    let shown = input.display();
    if input.is_file() && input.extension().is_some_and(|x| x == "txtar") {
        let data = std::fs::read(input).map_err(|e| format!("gomodplay: {shown}: {e}\n"))?;
        let text =
            String::from_utf8(data).map_err(|_| format!("gomodplay: {shown}: not UTF-8 text\n"))?;
        return share::from_txtar(&text).map_err(|e| format!("gomodplay: {shown}: {e}\n"));
    }
    let loaded = crate::load::load_bundle_files(input)?;
    let mut state = SharedState::default();
    for file in loaded.bundle.files() {
        let text = String::from_utf8(file.data.clone()).map_err(|_| {
            format!(
                "gomodplay: {}: not UTF-8 text; a link holds text files only\n",
                file.name
            )
        })?;
        state.files.push((file.name.clone(), text));
    }
    if state.files.is_empty() {
        return Err(format!(
            "gomodplay: {shown}: no go.mod, go.sum or go.work files\n"
        ));
    }
    Ok(state)
}

pub fn run(invocation: Invocation, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    if invocation.help {
        let _ = stdout.write_all(HELP.as_bytes());
        return 0;
    }
    let Some(input) = invocation.input else {
        return 2;
    };
    let result = state_of(&input).and_then(|state| {
        share::encode(
            &state,
            &EncodeOptions {
                derive_sums: invocation.no_sums,
            },
        )
        .map_err(|e| format!("gomodplay: {}: {e}\n", input.display()))
    });
    match result {
        Ok(encoded) => {
            let link = format!("{}#{}", invocation.base, encoded.fragment);
            let _ = writeln!(stdout, "{link}");
            let mut note = format!("gomodplay: the link is {} characters long", link.len());
            if invocation.no_sums {
                note.push_str(&format!(
                    "; {} go.sum hashes left out (the page re-derives them), {} kept (module zip hashes cannot be re-derived)",
                    encoded.derived_sums, encoded.kept_sums
                ));
            }
            let _ = writeln!(stderr, "{note}");
            0
        }
        Err(message) => {
            let _ = stderr.write_all(message.as_bytes());
            1
        }
    }
}
