//! Explaining pasted go command output: which of go's module errors it holds, what each means,
//! why go says it, and how to fix it.
//!
//! Users arrive with a terminal (or CI log) full of go output before they think about which
//! files to paste. [`explain_error`] takes that text as it is — several errors, the commands that
//! were run, colour codes, Windows line endings, CI timestamps, `go: downloading` progress — and
//! recognises each message of the [`CATALOGUE`]: go's own format strings with named holes
//! (module, version, file, line, go version, toolchain...), whose values become the error's
//! variables. Every recognised error names the rule codes that explain it; when the user's files
//! are given, the findings of those rules ([`crate::check`]) that concern the error's modules
//! carry the exact fix as text edits, located in the files. Otherwise the entry's commands say
//! what to run, and its paste list which files would show more.
//!
//! Text that no entry matches is returned as unrecognised, never guessed at. The module is pure,
//! never panics, and runs in time linear in the input: each line is tried against a fixed number
//! of templates at a bounded number of positions, and each template match is linear.

mod catalogue;
mod clean;
mod recognise;
mod render;
mod template;

use std::collections::BTreeMap;

pub use catalogue::{error_kind, ErrorKind, CATALOGUE};
pub use recognise::is_go_error_output;
pub use render::to_text;

use crate::bundle::Bundle;
use crate::check::{self, Diagnostic, Severity};
use catalogue::PARSE_ERROR_ID;
use clean::{Line, LineKind};

/// Everything recognised in a pasted text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// The recognised errors and warnings, in the order of the text.
    pub errors: Vec<ExplainedError>,
    /// Text no catalogue entry explains, as it was pasted (cleaned of colours and prefixes).
    pub unrecognised: Vec<Unrecognised>,
    /// The commands the text shows being run (`go build ./...`).
    pub commands: Vec<String>,
    /// How many lines were go's progress output or CI status, and skipped.
    pub noise_lines: usize,
    /// Whether the user's files were given, so that `findings` could be computed.
    pub files_given: bool,
}

/// One recognised message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExplainedError {
    /// The catalogue id.
    pub id: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    /// 1-based lines of the pasted text where the message starts and ends.
    pub line: u32,
    pub end_line: u32,
    /// The message as go printed it (cleaned).
    pub text: String,
    /// The values of the message's holes (`module`, `version`, `go`, `running`...); a name that
    /// occurs again gets a number (`module2`).
    pub variables: BTreeMap<String, String>,
    pub meaning: String,
    pub why: &'static str,
    /// The rule codes that explain it (see `gomodplay explain CODE`).
    pub rules: Vec<&'static str>,
    /// Findings of those rules in the user's files that concern this error; their fixes are
    /// the exact edits. Empty without files.
    pub findings: Vec<Diagnostic>,
    /// The commands go suggests in the message itself (`go mod download M`).
    pub suggested: Vec<String>,
    /// Commands that fix it, for when the files are not at hand.
    pub commands: Vec<String>,
    /// What to paste to see more.
    pub paste: Vec<String>,
}

/// Text that is not a catalogued message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unrecognised {
    pub line: u32,
    pub end_line: u32,
    pub text: String,
}

/// Recognises go's module errors in `text`; with `files`, locates their fixes in them.
pub fn explain_error(text: &str, files: Option<&Bundle>) -> Explanation {
    let lines = clean::lines(text);
    let mut explanation = decode(&lines);
    if let Some(bundle) = files {
        explanation.files_given = true;
        attach_findings(&mut explanation, bundle);
    }
    explanation
}

/// A recognised message before its explanation is filled in.
struct Recognised {
    kind: &'static ErrorKind,
    variables: BTreeMap<String, String>,
    suggested: Vec<String>,
    /// Index of the line after the message.
    next: usize,
}

/// At most this many start positions are tried per line (the line start and after each `": "`),
/// which bounds the work per line whatever its content.
const MAX_STARTS: usize = 16;

fn decode(lines: &[Line]) -> Explanation {
    let mut out = Explanation::default();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        match line.kind {
            LineKind::Blank => {
                i += 1;
                continue;
            }
            LineKind::Command => {
                out.commands.push(line.text.trim().to_owned());
                i += 1;
                continue;
            }
            LineKind::Noise => {
                out.noise_lines += 1;
                i += 1;
                continue;
            }
            LineKind::Text => {}
        }
        if !line.is_indented() {
            if parse_wrapper(&line.text) {
                i = decode_parse_errors(lines, i, &mut out);
                continue;
            }
            if let Some(next) = decode_chain(lines, i, &mut out) {
                i = next;
                continue;
            }
            if let Some(found) = recognise(&line.text, lines, i + 1, false) {
                let next = found.next;
                push_error(&mut out, lines, i, next, found);
                i = next;
                continue;
            }
        }
        i = push_unrecognised(&mut out, lines, i);
    }
    out
}

/// Whether the line is go's `errors parsing FILE:` header, after which each line is one error
/// at a position of that file.
fn parse_wrapper(text: &str) -> bool {
    starts(text).into_iter().any(|s| {
        text.get(s..)
            .and_then(|rest| template::match_template("errors parsing {file}:", rest))
            .is_some()
    })
}

/// The positions where a message may start: the line start and after each `": "`.
fn starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut from = 0;
    while out.len() < MAX_STARTS {
        match text.get(from..).and_then(|rest| rest.find(": ")) {
            Some(at) => {
                from += at + 2;
                out.push(from);
            }
            None => break,
        }
    }
    out
}

/// Decodes `go: errors parsing go.mod:` and the position lines after it; returns the index of
/// the first line after the block.
fn decode_parse_errors(lines: &[Line], header: usize, out: &mut Explanation) -> usize {
    let mut i = header + 1;
    let mut any = false;
    while let Some(line) = lines.get(i) {
        if line.kind != LineKind::Text
            || line.is_indented()
            || position_prefix(&line.text).is_none()
        {
            break;
        }
        let first = if any { i } else { header };
        match recognise(&line.text, lines, i + 1, true) {
            Some(found) => {
                let next = found.next;
                push_error(out, lines, first, next, found);
                i = next;
            }
            None => break,
        }
        any = true;
    }
    if !any {
        return push_unrecognised(out, lines, header);
    }
    i
}

/// `FILE:LINE` or `FILE:LINE:COL` at the start of a message, as (file, line).
fn position_prefix(text: &str) -> Option<(String, String)> {
    let end = text.find(": ")?;
    let position = text.get(..end)?;
    let mut parts = position.rsplitn(3, ':');
    let last = parts.next()?;
    let middle = parts.next()?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(last) || position.contains(char::is_whitespace) {
        return None;
    }
    match parts.next() {
        Some(file) if digits(middle) && !file.is_empty() => {
            Some((file.to_owned(), middle.to_owned()))
        }
        _ if !middle.is_empty() => Some((
            position.get(..position.len() - last.len() - 1)?.to_owned(),
            last.to_owned(),
        )),
        _ => None,
    }
}

/// Decodes an import or requirement chain (`go: M imports` / `\tP: message`, or
/// `go: M@V requires` / `\tM2@V2: message`) when line `i` starts one.
fn decode_chain(lines: &[Line], i: usize, out: &mut Explanation) -> Option<usize> {
    let head = lines.get(i)?;
    let is_link = |t: &str| {
        let t = t.trim_end();
        t.ends_with(" imports") || t.ends_with(" requires")
    };
    if !is_link(&head.text) {
        return None;
    }
    let mut j = i + 1;
    while lines
        .get(j)
        .is_some_and(|l| l.kind == LineKind::Text && l.is_indented() && is_link(&l.text))
    {
        j += 1;
    }
    let message = lines
        .get(j)
        .filter(|l| l.kind == LineKind::Text && l.is_indented())?;
    let found = recognise(message.text.trim(), lines, j + 1, false)?;
    let next = found.next;
    push_error(out, lines, i, next, found);
    Some(next)
}

/// Tries every catalogue entry on `text` (the message line) with the indented lines from
/// `continuation` on as its details.
fn recognise(
    text: &str,
    lines: &[Line],
    continuation: usize,
    in_parse_block: bool,
) -> Option<Recognised> {
    // The templates whose literals all occur in the line (usually none or one), in catalogue
    // order; the generic parse error is only the fallback below.
    let candidates: Vec<(&'static ErrorKind, &'static str)> = CATALOGUE
        .iter()
        .filter(|k| k.id != PARSE_ERROR_ID)
        .flat_map(|k| k.heads.iter().map(move |h| (k, *h)))
        .filter(|(_, head)| template::could_match(head, text))
        .collect();
    if candidates.is_empty() && !in_parse_block {
        return None;
    }
    for start in starts(text) {
        let Some(rest) = text.get(start..) else {
            continue;
        };
        for &(kind, head) in &candidates {
            let Some(values) = template::match_template(head, rest) else {
                continue;
            };
            if let Some(mut found) = with_details(kind, values, lines, continuation) {
                let prefix = text.get(..start).unwrap_or_default();
                if let Some((file, line)) = position_prefix(prefix) {
                    found.variables.entry("file".to_owned()).or_insert(file);
                    found.variables.entry("line".to_owned()).or_insert(line);
                }
                return Some(found);
            }
        }
    }
    if !in_parse_block {
        return None;
    }
    // Inside `errors parsing`, a line no entry explains is the generic parse error at its
    // position.
    let kind = error_kind(PARSE_ERROR_ID)?;
    let values = kind
        .heads
        .iter()
        .find_map(|h| template::match_template(h, text))?;
    with_details(kind, values, lines, continuation)
}

/// Adds a value under `name`, or `name2`, `name3`... when the name is taken.
fn insert_numbered(variables: &mut BTreeMap<String, String>, name: &str, value: String) {
    if !variables.contains_key(name) {
        variables.insert(name.to_owned(), value);
        return;
    }
    // Details repeat a handful of times at most (two modules of an ambiguous import, the lines
    // of an inconsistent vendor directory); more are kept only in the error's text.
    for n in 2..64 {
        if let std::collections::btree_map::Entry::Vacant(slot) =
            variables.entry(format!("{name}{n}"))
        {
            slot.insert(value);
            return;
        }
    }
}

/// Collects the indented detail lines (and the unindented paragraph lines the entry follows
/// with) after a matched head; `None` when a required detail is missing.
fn with_details(
    kind: &'static ErrorKind,
    values: Vec<(&'static str, String)>,
    lines: &[Line],
    continuation: usize,
) -> Option<Recognised> {
    let mut variables = BTreeMap::new();
    for (name, value) in values {
        insert_numbered(&mut variables, name, value);
    }
    let mut suggested = Vec::new();
    let mut required_found = vec![false; kind.required.len()];
    let mut next = continuation;
    loop {
        // Indented details; go separates some paragraphs of them with a blank line.
        while let Some(line) = lines.get(next) {
            if line.kind == LineKind::Blank {
                let mut look = next;
                while lines.get(look).is_some_and(|l| l.kind == LineKind::Blank) {
                    look += 1;
                }
                if lines
                    .get(look)
                    .is_some_and(|l| l.kind == LineKind::Text && l.is_indented())
                {
                    next = look;
                    continue;
                }
                break;
            }
            if line.kind != LineKind::Text || !line.is_indented() {
                break;
            }
            let detail = line.text.trim();
            if detail.starts_with("go ") {
                suggested.push(detail.to_owned());
            }
            let mut matched = false;
            for (index, template) in kind.required.iter().enumerate() {
                if let Some(values) = template::match_template(template, detail) {
                    if let Some(flag) = required_found.get_mut(index) {
                        *flag = true;
                    }
                    for (name, value) in values {
                        insert_numbered(&mut variables, name, value);
                    }
                    matched = true;
                    break;
                }
            }
            if !matched {
                if let Some(values) = kind
                    .details
                    .iter()
                    .find_map(|t| template::match_template(t, detail))
                {
                    for (name, value) in values {
                        insert_numbered(&mut variables, name, value);
                    }
                }
            }
            next += 1;
        }
        // Paragraph lines that belong to the message, possibly after blank lines.
        let mut look = next;
        while lines.get(look).is_some_and(|l| l.kind == LineKind::Blank) {
            look += 1;
        }
        let follows = lines.get(look).is_some_and(|l| {
            l.kind == LineKind::Text
                && !l.is_indented()
                && kind
                    .follow
                    .iter()
                    .any(|t| template::match_template(t, l.text.trim()).is_some())
        });
        if !follows {
            break;
        }
        next = look + 1;
    }
    if required_found.iter().any(|found| !found) {
        return None;
    }
    Some(Recognised {
        kind,
        variables,
        suggested,
        next,
    })
}

/// Records a recognised message spanning lines `first..next`.
fn push_error(out: &mut Explanation, lines: &[Line], first: usize, next: usize, found: Recognised) {
    let block: Vec<&Line> = lines
        .get(first..next)
        .unwrap_or_default()
        .iter()
        .filter(|l| l.kind != LineKind::Blank)
        .collect();
    let text = block
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let line = block.first().map_or(0, |l| l.number);
    let end_line = block.last().map_or(line, |l| l.number);
    let kind = found.kind;
    let variables = found.variables;
    out.errors.push(ExplainedError {
        id: kind.id,
        severity: kind.severity,
        title: kind.title,
        line,
        end_line,
        text,
        meaning: fill(kind.meaning, &variables).unwrap_or_else(|partial| partial),
        why: kind.why,
        rules: kind.rules.to_vec(),
        findings: Vec::new(),
        suggested: found.suggested,
        commands: kind
            .commands
            .iter()
            .filter_map(|c| fill(c, &variables).ok())
            .collect(),
        paste: kind
            .paste
            .iter()
            .map(|p| {
                fill(p, &variables).unwrap_or_else(|_| {
                    "the dependencies' go.mod files (see \"Get the whole graph\")".to_owned()
                })
            })
            .collect(),
        variables,
    });
}

/// Records unrecognised text from line `i` (with its indented continuation lines); returns the
/// index after it.
fn push_unrecognised(out: &mut Explanation, lines: &[Line], i: usize) -> usize {
    let mut next = i + 1;
    while lines
        .get(next)
        .is_some_and(|l| l.kind == LineKind::Text && l.is_indented())
    {
        next += 1;
    }
    let block = lines.get(i..next).unwrap_or_default();
    let text = block
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let line = block.first().map_or(0, |l| l.number);
    let end_line = block.last().map_or(line, |l| l.number);
    // Consecutive unrecognised lines read as one block.
    match out.unrecognised.last_mut() {
        Some(last) if last.end_line + 1 == line => {
            last.text.push('\n');
            last.text.push_str(&text);
            last.end_line = end_line;
        }
        _ => out.unrecognised.push(Unrecognised {
            line,
            end_line,
            text,
        }),
    }
    next
}

/// Replaces the holes of `text` with the variables; `Err` with the partly filled text (the
/// missing holes shown as `<name>`) when a variable is missing.
fn fill(text: &str, variables: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut complete = true;
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else {
            break;
        };
        out.push_str(rest.get(..open).unwrap_or_default());
        let name = after.get(..close).unwrap_or_default();
        match variables.get(name) {
            Some(value) => out.push_str(value),
            None => {
                complete = false;
                out.push('<');
                out.push_str(name);
                out.push('>');
            }
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    if complete {
        Ok(out)
    } else {
        Err(out)
    }
}

/// The variables that name modules or packages: a finding concerns an error when its message
/// names one of them (or a module path that prefixes a package).
const PATH_VARIABLES: &[&str] = &[
    "module", "package", "target", "declared", "required", "importer",
];

fn paths_of(error: &ExplainedError) -> Vec<&str> {
    error
        .variables
        .iter()
        .filter(|(name, _)| {
            let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
            PATH_VARIABLES.contains(&base)
        })
        .map(|(_, value)| value.as_str())
        .collect()
}

/// Whether `message` names `path` or a module path that prefixes it (a package's module).
fn mentions(message: &str, path: &str) -> bool {
    let mut candidate = path;
    loop {
        if mentions_exactly(message, candidate) {
            return true;
        }
        match candidate.rfind('/') {
            Some(at) => candidate = candidate.get(..at).unwrap_or_default(),
            None => return false,
        }
    }
}

/// Whether `path` occurs in `message` as a whole path (not inside a longer one).
fn mentions_exactly(message: &str, path: &str) -> bool {
    if path.is_empty() {
        return false;
    }
    let is_path_byte =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'/' | b'-' | b'_' | b'~');
    let mut from = 0;
    while let Some(at) = message.get(from..).and_then(|m| m.find(path)) {
        let start = from + at;
        let end = start + path.len();
        let before = start
            .checked_sub(1)
            .and_then(|b| message.as_bytes().get(b))
            .copied();
        let after = message.as_bytes().get(end).copied();
        if !before.is_some_and(is_path_byte) && !after.is_some_and(|b| is_path_byte(b) && b != b'.')
        {
            return true;
        }
        from = end;
    }
    false
}

/// Runs the rules on the user's files once and gives each error the findings that explain it.
fn attach_findings(explanation: &mut Explanation, bundle: &Bundle) {
    // A "requires go >= V (running go R" message tells the Go version the user runs, which the
    // go-version-too-new rule needs.
    let running = explanation
        .errors
        .iter()
        .find_map(|e| e.variables.get("running").cloned());
    let report = check::check(
        bundle,
        &crate::analyze::Options {
            go_version: running,
            ..Default::default()
        },
    );
    for error in &mut explanation.errors {
        let paths = paths_of(error);
        let findings: Vec<Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| error.rules.contains(&d.code))
            .filter(|d| paths.is_empty() || paths.iter().any(|p| mentions(&d.message, p)))
            .cloned()
            .collect();
        error.findings = findings;
        // What the user already pasted need not be asked for again.
        let module = error.variables.get("module").cloned();
        let version = error.variables.get("version").cloned();
        let has_dependency = match (&module, &version) {
            (Some(m), Some(v)) => bundle.dependency_gomod(m, v).is_some(),
            _ => false,
        };
        error.paste.retain(|p| {
            if bundle.file(p).is_some() {
                return false;
            }
            !(has_dependency && p.starts_with("the go.mod of "))
        });
    }
}

#[cfg(test)]
mod tests;
