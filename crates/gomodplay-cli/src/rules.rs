//! `gomodplay rules`: the whole rule catalogue (`gomod::check::RULES`) as text, JSON, Markdown or
//! an HTML fragment, optionally with an example per rule. The documentation page
//! (`dist/docs/index.html`, see scripts/build-docs.sh) is built from the HTML form, so the page
//! says exactly what the core knows.
//!
//! An example is a txtar bundle `DIR/CODE.txtar` (the rule cases in crates/gomod/testdata/check
//! are written so): its comment describes the situation (a `go-version: V` line sets the Go
//! version the user runs), its files are the input, and the findings shown are what the core
//! reports on them now. A `want` section, if any, is left out.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use gomod::analyze::Options;
use gomod::bundle::{txtar, Bundle};
use gomod::check::{check, to_text, Report, Rule, RULES};

use crate::json;

pub const RULES_USAGE: &str =
    "usage: gomodplay rules [--format text|json|markdown|html] [--examples DIR] [--error-examples DIR]\n";

/// The test-expectation section of a rule case, which is not part of the example.
const WANT_SECTION: &str = "want";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
    Html,
}

/// A parsed `rules` command line.
#[derive(Debug, PartialEq, Eq)]
pub enum Invocation {
    Print {
        format: Format,
        examples: Option<PathBuf>,
        /// The go error cases (`crates/gomod/testdata/explain_error`): their go output is shown
        /// under the rules that explain them (HTML only).
        error_examples: Option<PathBuf>,
    },
    /// `-h`: the usage line, printed to stdout.
    Help,
}

/// Parses the arguments after `rules`; the error is the text for stderr.
pub fn parse(rest: &[OsString]) -> Result<Invocation, String> {
    let fail = |problem: String| {
        format!("gomodplay: {problem}\n{RULES_USAGE}Run 'gomodplay help' for details.\n")
    };
    let mut format = Format::Text;
    let mut examples = None;
    let mut error_examples = None;
    let mut args = rest.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_owned(), Some(v.to_owned())),
            None => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| fail(format!("flag {name} needs a value")))
        };
        match flag.as_str() {
            "-h" | "-help" | "--help" => return Ok(Invocation::Help),
            "-format" | "--format" => {
                format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "markdown" => Format::Markdown,
                    "html" => Format::Html,
                    other => return Err(fail(format!("unknown format {other:?}"))),
                }
            }
            "-examples" | "--examples" => examples = Some(PathBuf::from(value("--examples")?)),
            "-error-examples" | "--error-examples" => {
                error_examples = Some(PathBuf::from(value("--error-examples")?))
            }
            _ if arg.starts_with('-') => return Err(fail(format!("unknown flag {arg}"))),
            _ => return Err(fail("too many arguments".to_owned())),
        }
    }
    Ok(Invocation::Print {
        format,
        examples,
        error_examples,
    })
}

/// A rule's example: the case as txtar (its comment describes it), and the core's findings.
#[derive(Serialize)]
pub struct Example {
    pub txtar: String,
    pub findings: String,
}

/// The example of `code` in `dir`, if there is one; an unreadable file is an error.
fn example(dir: &Path, code: &str) -> Result<Option<Example>, String> {
    let path = dir.join(format!("{code}.txtar"));
    let data = match std::fs::read(&path) {
        Ok(data) => data,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("gomodplay rules: read {}: {e}\n", path.display())),
    };
    let mut archive = txtar::parse(&data);
    archive.files.retain(|f| f.name != WANT_SECTION);
    let go_version = String::from_utf8_lossy(&archive.comment)
        .lines()
        .find_map(|l| l.strip_prefix("go-version: "))
        .map(|v| v.trim().to_owned());
    let bundle = Bundle::from_files(
        archive
            .files
            .iter()
            .map(|f| (f.name.clone(), f.data.clone())),
    );
    let report = check(
        &bundle,
        &Options {
            go_version,
            ..Options::default()
        },
    );
    // Skipped checks say what else could be pasted; next to one rule's example they are noise.
    let findings = to_text(&Report {
        diagnostics: report.diagnostics,
        skipped: Vec::new(),
    });
    Ok(Some(Example {
        txtar: String::from_utf8_lossy(&txtar::format(&archive)).into_owned(),
        findings,
    }))
}

/// The go output of each error case in `dir` (`ID.txtar`, its `stderr` section), by id; a
/// variant (`ID.VARIANT.txtar`) only when the id has no plain case.
fn go_error_examples(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("gomodplay rules: read {}: {e}\n", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
        .collect();
    paths.sort();
    let mut out: Vec<(String, String)> = Vec::new();
    for path in paths {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = stem.split('.').next().unwrap_or_default().to_owned();
        if out.iter().any(|(known, _)| *known == id) {
            continue;
        }
        let data = std::fs::read(&path)
            .map_err(|e| format!("gomodplay rules: read {}: {e}\n", path.display()))?;
        if let Some(stderr) = txtar::parse(&data)
            .files
            .into_iter()
            .find(|f| f.name == "stderr")
        {
            out.push((id, String::from_utf8_lossy(&stderr.data).into_owned()));
        }
    }
    Ok(out)
}

pub fn run(invocation: Invocation, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let (format, examples_dir, error_examples) = match invocation {
        Invocation::Help => {
            let _ = stdout.write_all(RULES_USAGE.as_bytes());
            return 0;
        }
        Invocation::Print {
            format,
            examples,
            error_examples,
        } => (format, examples, error_examples),
    };
    let go_errors = match &error_examples {
        Some(dir) => match go_error_examples(dir) {
            Ok(found) => found,
            Err(message) => {
                let _ = stderr.write_all(message.as_bytes());
                return 1;
            }
        },
        None => Vec::new(),
    };
    let mut entries = Vec::new();
    for rule in RULES {
        let example = match &examples_dir {
            Some(dir) => match example(dir, rule.code) {
                Ok(example) => example,
                Err(message) => {
                    let _ = stderr.write_all(message.as_bytes());
                    return 1;
                }
            },
            None => None,
        };
        entries.push((rule, example));
    }
    let text = match format {
        Format::Text => text(&entries),
        Format::Json => json(&entries),
        Format::Markdown => markdown(&entries),
        Format::Html => html(&entries, &go_errors),
    };
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    0
}

type Entry<'a> = (&'a Rule, Option<Example>);

/// Each rule as `gomodplay explain CODE` prints it, then its example, separated by blank lines.
fn text(entries: &[Entry<'_>]) -> String {
    let mut out = String::new();
    for (i, (rule, example)) in entries.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&crate::explain::explanation(rule));
        if let Some(e) = example {
            let _ = write!(out, "\nExample:\n{}\nFindings:\n{}", e.txtar, e.findings);
        }
    }
    out
}

/// A rule as the core serialises it (the JavaScript API's `rules()` returns the same objects),
/// with its example when there is one.
#[derive(Serialize)]
struct RuleJson<'a> {
    #[serde(flatten)]
    rule: &'a Rule,
    #[serde(skip_serializing_if = "Option::is_none")]
    example: Option<&'a Example>,
}

fn json(entries: &[Entry<'_>]) -> String {
    let rules: Vec<RuleJson<'_>> = entries
        .iter()
        .map(|(rule, example)| RuleJson {
            rule,
            example: example.as_ref(),
        })
        .collect();
    json::render(&rules)
}

/// A fenced code block long enough not to be closed by backticks inside `text`.
fn fenced(text: &str, info: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat((longest + 1).max(3));
    let body = if text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    };
    format!("{fence}{info}\n{body}{fence}\n")
}

fn markdown(entries: &[Entry<'_>]) -> String {
    let mut out = String::from("# gomodplay rules\n");
    for (rule, example) in entries {
        let _ = write!(
            out,
            "\n## `{}`\n\nSeverity: {}. {}\n\n{}\n",
            rule.code,
            rule.severity.as_str(),
            rule.summary,
            rule.explanation
        );
        if let Some(e) = example {
            let _ = write!(
                out,
                "\nExample:\n\n{}\nFindings:\n\n{}",
                fenced(&e.txtar, "txtar"),
                fenced(&e.findings, "text")
            );
        }
    }
    out
}

/// Text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A paragraph of an explanation: text between backticks is code (as the web app shows it).
fn inline_html(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", escape(part))
            } else {
                escape(part)
            }
        })
        .collect()
}

/// An HTML fragment: a table of contents, then one `<section class="rule">` per rule with its
/// code (the section's id is `rule-CODE`), severity, summary, explanation paragraphs and example.
/// The example's files are a `<pre class="gomodplay" data-view="diagnostics">` block, which
/// embed.js turns into a live playground and which reads as plain text without it.
fn html(entries: &[Entry<'_>], go_errors: &[(String, String)]) -> String {
    let mut out = String::from("<nav class=\"rule-index\" aria-label=\"Rules\"><ul>\n");
    for (rule, _) in entries {
        let _ = writeln!(
            out,
            "<li><a href=\"#rule-{code}\"><code>{code}</code></a> <span class=\"severity severity-{severity}\">{severity}</span></li>",
            code = escape(rule.code),
            severity = rule.severity.as_str()
        );
    }
    out.push_str("</ul></nav>\n");
    for (rule, example) in entries {
        let code = escape(rule.code);
        let severity = rule.severity.as_str();
        let _ = writeln!(
            out,
            "<section class=\"rule\" id=\"rule-{code}\" data-code=\"{code}\">\n<h3><code>{code}</code> <span class=\"severity severity-{severity}\">{severity}</span></h3>\n<p class=\"rule-summary\">{}</p>",
            inline_html(rule.summary)
        );
        for paragraph in rule.explanation.split("\n\n") {
            let _ = writeln!(out, "<p>{}</p>", inline_html(paragraph));
        }
        // The go command's messages that this rule explains (`gomodplay explain-error`), each
        // with the output the real go printed for its case when the cases are given.
        let messages: Vec<_> = gomod::explain_error::CATALOGUE
            .iter()
            .filter(|kind| kind.rules.contains(&rule.code))
            .collect();
        if !messages.is_empty() {
            out.push_str("<h4>go errors it explains</h4>\n<ul class=\"go-errors\">\n");
            for kind in messages {
                let _ = write!(
                    out,
                    "<li id=\"go-error-{id}-{code}\"><code>{}</code> ({id}): {}",
                    escape(kind.title),
                    inline_html(kind.why),
                    id = escape(kind.id),
                );
                if let Some((_, text)) = go_errors.iter().find(|(id, _)| id == kind.id) {
                    let _ = write!(out, "\n<pre class=\"go-error\">{}</pre>", escape(text));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        if let Some(e) = example {
            let _ = writeln!(
                out,
                "<h4>Example</h4>\n<pre class=\"gomodplay\" data-view=\"diagnostics\">{}</pre>\n<p class=\"findings-label\">What gomodplay reports:</p>\n<pre class=\"findings\">{}</pre>",
                escape(&e.txtar),
                escape(&e.findings)
            );
        }
        out.push_str("</section>\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn parses_format_and_examples() {
        assert_eq!(
            parse(&args(&["--format=html", "--examples", "cases"])),
            Ok(Invocation::Print {
                format: Format::Html,
                examples: Some(PathBuf::from("cases")),
                error_examples: None,
            })
        );
        assert_eq!(
            parse(&args(&[])),
            Ok(Invocation::Print {
                format: Format::Text,
                examples: None,
                error_examples: None,
            })
        );
        assert_eq!(parse(&args(&["-h"])), Ok(Invocation::Help));
        for (list, problem) in [
            (&["--format", "xml"][..], "unknown format \"xml\""),
            (&["--format"][..], "flag --format needs a value"),
            (&["-w"][..], "unknown flag -w"),
            (&["extra"][..], "too many arguments"),
        ] {
            let err = parse(&args(list)).expect_err("rejected");
            assert!(err.starts_with(&format!("gomodplay: {problem}\n")), "{err}");
        }
    }

    #[test]
    fn html_escapes_and_marks_code() {
        assert_eq!(
            inline_html("use `a<b>` & \"c\""),
            "use <code>a&lt;b&gt;</code> &amp; &quot;c&quot;"
        );
    }

    #[test]
    fn fences_outgrow_backticks_inside() {
        assert_eq!(fenced("a ``` b", "text"), "````text\na ``` b\n````\n");
        assert_eq!(fenced("x\n", ""), "```\nx\n```\n");
    }
}
