//! `gomodplay explain [CODE]`: a rule's explanation, or the list of rules.

use std::io::Write;

use gomod::check::{rule, Rule, RULES};

pub fn run(code: Option<&str>, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let Some(code) = code else {
        for r in RULES {
            let _ = writeln!(
                stdout,
                "{:<26} {:<8} {}",
                r.code,
                r.severity.as_str(),
                r.summary
            );
        }
        return 0;
    };
    match rule(code) {
        Some(r) => {
            let _ = stdout.write_all(explanation(r).as_bytes());
            0
        }
        None => {
            let _ = writeln!(
                stderr,
                "gomodplay explain: unknown rule {code:?}; 'gomodplay explain' lists them"
            );
            crate::check::usage_status()
        }
    }
}

/// `explain CODE`'s text: code and severity, the summary, the explanation's paragraphs (`rules`
/// prints each rule so, too).
pub fn explanation(r: &Rule) -> String {
    format!(
        "{} ({})\n\n{}\n\n{}\n",
        r.code,
        r.severity.as_str(),
        r.summary,
        r.explanation
    )
}
