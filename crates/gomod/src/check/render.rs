//! Reports as text (compiler style), JSON and SARIF 2.1.0.

use std::fmt::Write;

use super::{rule, Diagnostic, Report, RULES};

/// `file:line:col: severity[code]: message`, one diagnostic per entry (continuation lines of
/// multi-line messages indented by a tab), then each fix as `\tfix: title` with its commands,
/// then the skipped checks.
pub fn to_text(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            d.file,
            d.span.line,
            d.span.column,
            d.severity.as_str(),
            d.code,
            d.message.replace('\n', "\n\t")
        );
        for fix in &d.fixes {
            let _ = writeln!(out, "\tfix: {}", fix.title);
            for command in &fix.commands {
                let _ = writeln!(out, "\t\t$ {command}");
            }
        }
    }
    for s in &report.skipped {
        let file = if s.file.is_empty() {
            String::new()
        } else {
            format!("{}: ", s.file)
        };
        let _ = writeln!(
            out,
            "skipped[{}]: {file}{}; to enable: {}",
            s.code, s.reason, s.to_enable
        );
    }
    out
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
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
