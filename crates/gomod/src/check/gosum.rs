//! go.sum rules: sum-malformed and sum-conflict.

use super::{text, Fix, Severity, Sink, TextEdit};
use crate::sum::{GoSum, LineKind, ProblemKind, SumLine, H1_PREFIX};

pub(crate) fn check(sink: &mut Sink, file: &str, data: &[u8]) {
    let sum = GoSum::parse(file, data);
    // Every line of go.sum is in `sum.lines()` under its 1-based number, so a line's bytes are
    // found by index: scanning the file from its start for each finding made a go.sum of
    // malformed lines quadratic.
    let line_range = |number: u32| line_on(&sum, number).map_or(0..0, |l| l.span.clone());
    let delete_lines = |numbers: &[u32]| -> Vec<TextEdit> {
        numbers
            .iter()
            .filter_map(|&n| line_on(&sum, n))
            .map(|line| TextEdit {
                file: file.to_owned(),
                range: text::whole_line(data, line.span.start),
                new_text: String::new(),
            })
            .collect()
    };
    for problem in sum.problems() {
        match &problem.kind {
            ProblemKind::WrongFieldCount { fields } => sink.report(
                rule_code!("sum-malformed"),
                file,
                data,
                line_range(problem.line),
                format!(
                    "malformed go.sum:\n{file}:{}: wrong number of fields {fields}",
                    problem.line
                ),
                vec![Fix {
                    title: format!("Delete line {}", problem.line),
                    edits: delete_lines(&[problem.line]),
                    commands: vec!["go mod tidy".to_owned()],
                }],
            ),
            ProblemKind::SeveralHashes { first_line } => {
                let Some(entry) = entry_on(&sum, problem.line) else {
                    continue;
                };
                sink.report(
                    rule_code!("sum-conflict"),
                    file,
                    data,
                    line_range(problem.line),
                    format!(
                        "{} {} has two different h1: hashes (lines {first_line} and {}); the go command checks downloads against the first, so at most one is right",
                        entry.0, entry.1, problem.line
                    ),
                    vec![Fix {
                        title: "Delete both lines and record the hash again".to_owned(),
                        edits: delete_lines(&[*first_line, problem.line]),
                        commands: vec!["go mod tidy".to_owned()],
                    }],
                );
            }
            _ => {}
        }
    }
    for (line, entry) in sum.entries() {
        if entry.is_h1() && !is_h1_hash(&entry.hash) {
            sink.report_as(
                rule_code!("sum-malformed"),
                Severity::Warning,
                file,
                data,
                entry.spans[2].clone(),
                format!(
                    "the hash {} of {} {} is not 44 base64 characters; it can never match, so verifying the module fails with a checksum mismatch",
                    entry.hash, entry.path, entry.version
                ),
                vec![Fix {
                    title: format!("Delete line {}", line.number),
                    edits: delete_lines(&[line.number]),
                    commands: vec!["go mod tidy".to_owned()],
                }],
            );
        }
    }
}

/// The line with the 1-based `number`.
pub(crate) fn line_on(sum: &GoSum, number: u32) -> Option<&SumLine> {
    let index = usize::try_from(number).ok()?.checked_sub(1)?;
    sum.lines().get(index).filter(|l| l.number == number)
}

/// The (path, version) of the entry on a line.
fn entry_on(sum: &GoSum, number: u32) -> Option<(String, String)> {
    line_on(sum, number).and_then(|l| match &l.kind {
        LineKind::Entry(e) => Some((e.path.clone(), e.version.clone())),
        _ => None,
    })
}

/// Whether `hash` is `h1:` followed by the base64 text of a SHA-256 sum (44 characters).
fn is_h1_hash(hash: &str) -> bool {
    let Some(b64) = hash.strip_prefix(H1_PREFIX) else {
        return false;
    };
    let bytes = b64.as_bytes();
    bytes.len() == 44
        && bytes.ends_with(b"=")
        && bytes
            .iter()
            .take(43)
            .all(|&c| c.is_ascii_alphanumeric() || c == b'+' || c == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line is found by its number directly (each finding used to count lines from the start
    /// of the file, quadratic on a go.sum of malformed lines): the index agrees with a search
    /// on every kind of line, and misses outside the file.
    #[test]
    fn lines_are_found_by_number_directly() {
        let data = b"a v1 h1:x\n\n  \r\nbad line\r\na v1 h1:y\nlast no newline";
        let sum = GoSum::parse("go.sum", data);
        let count = u32::try_from(sum.lines().len()).unwrap_or(0);
        assert_eq!(count, 6);
        for number in 1..=count {
            let searched = sum.lines().iter().find(|l| l.number == number);
            assert_eq!(line_on(&sum, number), searched);
        }
        assert_eq!(line_on(&sum, 0), None);
        assert_eq!(line_on(&sum, count + 1), None);
    }
}
