//! An [`Explanation`] as text: what `gomodplay explain-error` prints and the fixtures' golden
//! output. (JSON is the serde form of the same value.)

use std::fmt::Write;

use super::Explanation;
use crate::syntax::quote::quote;

/// Each recognised message with its variables, meaning, cause, rules, located fixes, commands
/// and files to paste; then the unrecognised text.
pub fn to_text(explanation: &Explanation) -> String {
    let mut out = String::new();
    for e in &explanation.errors {
        let lines = if e.line == e.end_line {
            format!("line {}", e.line)
        } else {
            format!("lines {}-{}", e.line, e.end_line)
        };
        let _ = writeln!(
            out,
            "{}[{}] at {lines}: {}",
            e.severity.as_str(),
            e.id,
            e.title
        );
        for line in e.text.lines() {
            let _ = writeln!(out, "  | {line}");
        }
        if !e.variables.is_empty() {
            let vars: Vec<String> = e
                .variables
                .iter()
                .map(|(name, value)| format!("{name}={}", quote(value)))
                .collect();
            let _ = writeln!(out, "  variables: {}", vars.join(" "));
        }
        let _ = writeln!(out, "  meaning: {}", e.meaning);
        let _ = writeln!(out, "  why: {}", e.why);
        if !e.rules.is_empty() {
            let _ = writeln!(out, "  rules: {}", e.rules.join(", "));
        }
        if explanation.files_given {
            if e.findings.is_empty() {
                let _ = writeln!(out, "  in your files: no finding of these rules");
            }
            for d in &e.findings {
                let _ = writeln!(out, "  in your files: {}", crate::check::headline(d));
                for fix in &d.fixes {
                    let _ = writeln!(out, "    fix: {}", fix.title);
                    for edit in &fix.edits {
                        let _ = writeln!(
                            out,
                            "      edit {} bytes {}..{}: {}",
                            edit.file,
                            edit.range.start,
                            edit.range.end,
                            quote(&edit.new_text)
                        );
                    }
                }
            }
        }
        for command in &e.suggested {
            let _ = writeln!(out, "  go suggests: $ {command}");
        }
        for command in &e.commands {
            let _ = writeln!(out, "  run: $ {command}");
        }
        for paste in &e.paste {
            let _ = writeln!(out, "  paste to see more: {paste}");
        }
    }
    for u in &explanation.unrecognised {
        let lines = if u.line == u.end_line {
            format!("line {}", u.line)
        } else {
            format!("lines {}-{}", u.line, u.end_line)
        };
        let _ = writeln!(out, "unrecognised at {lines}:");
        for line in u.text.lines() {
            let _ = writeln!(out, "  | {line}");
        }
    }
    if explanation.errors.is_empty() && explanation.unrecognised.is_empty() {
        out.push_str("no go error output found\n");
    }
    out
}
