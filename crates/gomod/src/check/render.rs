//! Reports as text (compiler style), JSON and SARIF 2.1.0.

use std::fmt::Write;

use super::{rule, Diagnostic, Report, RULES};
use crate::modfile::{push_json_string_as, JsonEscape};

/// `file:line:col: severity[code]: message`, one diagnostic per entry (continuation lines of
/// multi-line messages indented by a tab), then each fix as `\tfix: title` with its commands,
/// then the skipped checks.
///
/// A fix of several commands that were already printed for an earlier finding (one go.work move
/// shared by every local replacement of a go.mod, say) is printed once: later findings name the
/// fix and point back to where its commands are.
/// A finding's first line in the text report, `file:line:col: severity[code]: message`, with the
/// message's further lines indented by a tab.
pub(crate) fn headline(d: &Diagnostic) -> String {
    format!(
        "{}:{}:{}: {}[{}]: {}",
        d.file,
        d.span.line,
        d.span.column,
        d.severity.as_str(),
        d.code,
        d.message.replace('\n', "\n\t")
    )
}

pub fn to_text(report: &Report) -> String {
    let mut out = String::new();
    // The command blocks printed so far, with the finding they were printed under.
    let mut printed: Vec<(&[String], String)> = Vec::new();
    for d in &report.diagnostics {
        let _ = writeln!(out, "{}", headline(d));
        for fix in &d.fixes {
            let shared = fix.commands.len() > 1;
            if let Some((_, first)) = printed
                .iter()
                .find(|(commands, _)| shared && *commands == fix.commands.as_slice())
            {
                let _ = writeln!(out, "\tfix: {} (the commands shown for {first})", fix.title);
                continue;
            }
            let _ = writeln!(out, "\tfix: {}", fix.title);
            for command in &fix.commands {
                let _ = writeln!(out, "\t\t$ {command}");
            }
            if shared {
                printed.push((&fix.commands, format!("{}:{}", d.file, d.span.line)));
            }
        }
    }
    // Checks skipped for the same reason are listed on one line.
    let mut groups: Vec<(&str, &str, &str, Vec<&str>)> = Vec::new();
    for s in &report.skipped {
        match groups
            .iter_mut()
            .find(|g| g.0 == s.file && g.1 == s.reason && g.2 == s.to_enable)
        {
            Some(group) => group.3.push(s.code),
            None => groups.push((&s.file, &s.reason, &s.to_enable, vec![s.code])),
        }
    }
    for (file, reason, to_enable, codes) in groups {
        let file = if file.is_empty() {
            String::new()
        } else {
            format!("{file}: ")
        };
        let _ = writeln!(
            out,
            "skipped[{}]: {file}{reason}; to enable: {to_enable}",
            codes.join(",")
        );
    }
    out
}

/// A JSON string literal, escaped only as JSON requires (the document is ours, not go's).
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_json_string_as(&mut out, s, JsonEscape::Minimal);
    out
}

fn fixes_json(d: &Diagnostic) -> String {
    let fixes: Vec<String> = d
        .fixes
        .iter()
        .map(|f| {
            let edits: Vec<String> = f
                .edits
                .iter()
                .map(|e| {
                    format!(
                        "{{\"file\":{},\"start\":{},\"end\":{},\"new_text\":{}}}",
                        json_string(&e.file),
                        e.range.start,
                        e.range.end,
                        json_string(&e.new_text)
                    )
                })
                .collect();
            let commands: Vec<String> = f.commands.iter().map(|c| json_string(c)).collect();
            format!(
                "{{\"title\":{},\"edits\":[{}],\"commands\":[{}]}}",
                json_string(&f.title),
                edits.join(","),
                commands.join(",")
            )
        })
        .collect();
    format!("[{}]", fixes.join(","))
}

/// The JSON document described in README.md (one object; diagnostics and skipped checks).
pub fn to_json(report: &Report) -> String {
    let mut out = String::from("{\"diagnostics\":[");
    for (i, d) in report.diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "\n{{\"code\":{},\"severity\":{},\"file\":{},\"line\":{},\"column\":{},\"end_line\":{},\"end_column\":{},\"start\":{},\"end\":{},\"message\":{},\"fixes\":{}}}",
            json_string(d.code),
            json_string(d.severity.as_str()),
            json_string(&d.file),
            d.span.line,
            d.span.column,
            d.span.end_line,
            d.span.end_column,
            d.span.bytes.start,
            d.span.bytes.end,
            json_string(&d.message),
            fixes_json(d)
        );
    }
    out.push_str("],\n\"skipped\":[");
    for (i, s) in report.skipped.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "\n{{\"code\":{},\"file\":{},\"reason\":{},\"to_enable\":{}}}",
            json_string(s.code),
            json_string(&s.file),
            json_string(&s.reason),
            json_string(&s.to_enable)
        );
    }
    out.push_str("]}\n");
    out
}

/// A SARIF 2.1.0 log with one run of the tool `gomodplay`, its rules, and one result per
/// diagnostic (fixes as SARIF fixes with byte-offset replacements).
pub fn to_sarif(report: &Report) -> String {
    let level = |s: super::Severity| match s {
        super::Severity::Error => "error",
        super::Severity::Warning => "warning",
        super::Severity::Info => "note",
    };
    let rules: Vec<String> = RULES
        .iter()
        .map(|r| {
            format!(
                "{{\"id\":{},\"shortDescription\":{{\"text\":{}}},\"fullDescription\":{{\"text\":{}}},\"defaultConfiguration\":{{\"level\":{}}}}}",
                json_string(r.code),
                json_string(r.summary),
                json_string(r.explanation),
                json_string(level(r.severity))
            )
        })
        .collect();
    let results: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| {
            let index = RULES.iter().position(|r| Some(r) == rule(d.code)).unwrap_or(0);
            let fixes: Vec<String> = d
                .fixes
                .iter()
                .filter(|f| !f.edits.is_empty())
                .map(|f| {
                    let changes: Vec<String> = f
                        .edits
                        .iter()
                        .map(|e| {
                            format!(
                                "{{\"artifactLocation\":{{\"uri\":{}}},\"replacements\":[{{\"deletedRegion\":{{\"byteOffset\":{},\"byteLength\":{}}},\"insertedContent\":{{\"text\":{}}}}}]}}",
                                json_string(&e.file),
                                e.range.start,
                                e.range.end.saturating_sub(e.range.start),
                                json_string(&e.new_text)
                            )
                        })
                        .collect();
                    format!(
                        "{{\"description\":{{\"text\":{}}},\"artifactChanges\":[{}]}}",
                        json_string(&f.title),
                        changes.join(",")
                    )
                })
                .collect();
            format!(
                "{{\"ruleId\":{},\"ruleIndex\":{index},\"level\":{},\"message\":{{\"text\":{}}},\"locations\":[{{\"physicalLocation\":{{\"artifactLocation\":{{\"uri\":{}}},\"region\":{{\"startLine\":{},\"startColumn\":{},\"endLine\":{},\"endColumn\":{},\"byteOffset\":{},\"byteLength\":{}}}}}}}],\"fixes\":[{}]}}",
                json_string(d.code),
                json_string(level(d.severity)),
                json_string(&d.message),
                json_string(&d.file),
                d.span.line,
                d.span.column,
                d.span.end_line,
                d.span.end_column,
                d.span.bytes.start,
                d.span.bytes.end.saturating_sub(d.span.bytes.start),
                fixes.join(",")
            )
        })
        .collect();
    format!(
        "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":{{\"name\":\"gomodplay\",\"informationUri\":\"https://github.com/gomodplay\",\"rules\":[{}]}}}},\"results\":[{}]}}]}}\n",
        rules.join(","),
        results.join(",\n")
    )
}

#[cfg(test)]
mod tests {
    use super::json_string;

    /// Our JSON escapes only what JSON requires: `=>` in a replace message stays readable, and
    /// control characters take the `\u00XX` form (unlike go's `json.Marshal`, see modfile's JSON).
    #[test]
    fn json_strings_escape_only_what_json_requires() {
        assert_eq!(
            json_string("replace a => ../b <x> & \"q\" \\ \n\r\t\u{8}\u{c}\u{1}\u{2028}"),
            "\"replace a => ../b <x> & \\\"q\\\" \\\\ \\n\\r\\t\\u0008\\u000c\\u0001\u{2028}\""
        );
    }
}
