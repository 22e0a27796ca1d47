//! Pasted terminal and CI output, reduced to the lines the go command printed.
//!
//! Users paste what their terminal or CI log shows: Windows line endings, ANSI colour codes,
//! CI timestamps (`2024-05-01T10:00:00.1234567Z `) and annotations (`##[error]`), the command
//! they ran (`$ go build ./...`), and go's own progress lines (`go: downloading M V`). Each input
//! line becomes one [`Line`]: its cleaned text and what kind of line it is. Every step looks at
//! each byte a bounded number of times, so cleaning is linear in the input.

/// What a cleaned line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Nothing left after cleaning.
    Blank,
    /// A command the user ran, echoed by a shell prompt, `set -x` or a CI runner.
    Command,
    /// go's progress output (`go: downloading`, `go: finding module for package`...) and CI
    /// runners' own status lines: not errors.
    Noise,
    /// Everything else: candidate error text.
    Text,
}

/// One input line after cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based line number in the pasted text.
    pub number: u32,
    pub text: String,
    pub kind: LineKind,
}

impl Line {
    /// Whether the line continues the previous one (go indents details with a tab; some CI logs
    /// turn the tab into spaces).
    pub fn is_indented(&self) -> bool {
        self.text.starts_with('\t') || self.text.starts_with(' ')
    }
}

/// Splits pasted text into cleaned lines.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for (index, raw) in text.split('\n').enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let text = clean_line(raw);
        let kind = classify(&text);
        out.push(Line { number, text, kind });
    }
    out
}

/// Removes colour codes, carriage returns (a terminal line redrawn after `\r` shows only its
/// last part) and CI prefixes.
fn clean_line(raw: &str) -> String {
    let without_ansi = strip_ansi(raw);
    let trimmed_end = without_ansi.trim_end_matches(['\r', '\n']);
    let last_redraw = match trimmed_end.rfind('\r') {
        Some(at) => trimmed_end.get(at + 1..).unwrap_or_default(),
        None => trimmed_end,
    };
    let mut line = last_redraw.trim_end_matches([' ', '\t']);
    // Prefixes can stack (a timestamp, then an annotation); each pass removes one.
    for _ in 0..4 {
        let before = line.len();
        line = strip_timestamp(line);
        line = strip_annotation(line);
        if line.len() == before {
            break;
        }
    }
    line.to_owned()
}

/// Removes ANSI escape sequences: CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL` or `ESC \`)
/// and two-byte escapes.
fn strip_ansi(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            // A lone CSI introducer (0x9b) is as much a colour code as ESC [.
            if c != '\u{9b}' {
                out.push(c);
            }
            continue;
        }
        match chars.next() {
            Some('[') => {
                // Parameters and intermediates, up to the final byte @..~.
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' {
                        break;
                    }
                    if c == '\u{1b}' && chars.peek() == Some(&'\\') {
                        chars.next();
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Removes a leading ISO 8601 timestamp as GitHub Actions, Azure Pipelines and GitLab write them
/// (`2024-05-01T10:00:00.1234567Z `), and GitLab's stream marker after it (`00O `, `01E+ `).
fn strip_timestamp(line: &str) -> &str {
    let bytes = line.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    let at = |i: usize, c: u8| bytes.get(i) == Some(&c);
    let date_time = digits(0..4)
        && at(4, b'-')
        && digits(5..7)
        && at(7, b'-')
        && digits(8..10)
        && (at(10, b'T') || at(10, b' '))
        && digits(11..13)
        && at(13, b':')
        && digits(14..16)
        && at(16, b':')
        && digits(17..19);
    if !date_time {
        return line;
    }
    let mut i = 19;
    if at(i, b'.') || at(i, b',') {
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if at(i, b'Z') {
        i += 1;
    } else if (at(i, b'+') || at(i, b'-')) && digits(i + 1..i + 3) {
        i += 3;
        if at(i, b':') {
            i += 1;
        }
        if digits(i..i + 2) {
            i += 2;
        }
    }
    if i == bytes.len() {
        // A blank line of the log: the trailing space went with the line's trailing blanks.
        return "";
    }
    if !at(i, b' ') {
        return line;
    }
    i += 1;
    let rest = line.get(i..).unwrap_or_default();
    let stream = rest.as_bytes();
    let gitlab_stream = stream.len() >= 4
        && stream.first().is_some_and(u8::is_ascii_digit)
        && stream.get(1).is_some_and(u8::is_ascii_digit)
        && matches!(stream.get(2), Some(b'O' | b'E'));
    if gitlab_stream_only(stream)
        || (stream.len() == 4
            && stream.get(3) == Some(&b'+')
            && gitlab_stream_only(stream.get(..3).unwrap_or_default()))
    {
        return "";
    }
    if gitlab_stream {
        let after = if stream.get(3) == Some(&b'+') { 4 } else { 3 };
        if let Some(stripped) = rest.get(after..).and_then(|r| r.strip_prefix(' ')) {
            return stripped;
        }
    }
    rest
}

/// GitLab's stream marker alone (`01E`), on a blank line of the log.
fn gitlab_stream_only(stream: &[u8]) -> bool {
    stream.len() == 3
        && stream.first().is_some_and(u8::is_ascii_digit)
        && stream.get(1).is_some_and(u8::is_ascii_digit)
        && matches!(stream.get(2), Some(b'O' | b'E'))
}

/// Removes a CI annotation prefix: GitHub's `##[error]`, `##[warning]`..., and workflow commands
/// `::error::` / `::warning::` (with or without parameters).
fn strip_annotation(line: &str) -> &str {
    if let Some(rest) = line.strip_prefix("##[") {
        if let Some(close) = rest.find(']') {
            let name = rest.get(..close).unwrap_or_default();
            if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic()) {
                return rest.get(close + 1..).unwrap_or_default();
            }
        }
    }
    for command in ["::error", "::warning", "::notice"] {
        if let Some(rest) = line.strip_prefix(command) {
            if let Some(end) = rest.find("::") {
                let params = rest.get(..end).unwrap_or_default();
                if params.is_empty() || params.starts_with(' ') {
                    return rest.get(end + 2..).unwrap_or_default();
                }
            }
        }
    }
    line
}

/// go's progress lines: what it downloads, looks for and changes. They explain nothing by
/// themselves.
const GO_PROGRESS: &[&str] = &[
    "go: downloading ",
    "go: finding module for package ",
    "go: finding ",
    "go: found ",
    "go: extracting ",
    "go: added ",
    "go: upgraded ",
    "go: downgraded ",
    "go: removed ",
];

/// CI runners' own status lines.
const CI_STATUS: &[&str] = &[
    "Error: Process completed with exit code ",
    "##[endgroup]",
    "Cleaning up orphan processes",
];

/// The go subcommands, to recognise a pasted command line (`go build ./...`).
const GO_SUBCOMMANDS: &[&str] = &[
    "build", "clean", "doc", "env", "fix", "fmt", "generate", "get", "install", "list", "mod",
    "work", "run", "test", "tool", "version", "vet",
];

fn classify(text: &str) -> LineKind {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return LineKind::Blank;
    }
    // go indents the details of a message, and a detail is often a command to run
    // (`\tgo mod tidy`): an indented line is never an echo or progress.
    if text.starts_with('\t') || text.starts_with(' ') {
        return LineKind::Text;
    }
    if GO_PROGRESS.iter().any(|p| trimmed.starts_with(p))
        || CI_STATUS.iter().any(|p| trimmed.starts_with(p))
        || is_exit_status(trimmed)
    {
        return LineKind::Noise;
    }
    if is_command(trimmed) {
        return LineKind::Command;
    }
    LineKind::Text
}

/// `exit status 1`, which `go run` and `go test` print after a failed program.
fn is_exit_status(text: &str) -> bool {
    text.strip_prefix("exit status ")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the line is a command the user ran: a go command line, alone or after a shell
/// prompt (`$ `, `% `, `> `, `PS C:\src> `), `set -x`'s `+ `, or GitHub Actions' `Run `.
fn is_command(text: &str) -> bool {
    let go_command = |s: &str| {
        s.strip_prefix("go ").is_some_and(|rest| {
            let word = rest.split_whitespace().next().unwrap_or_default();
            GO_SUBCOMMANDS.contains(&word)
        })
    };
    if go_command(text) {
        return true;
    }
    for prompt in ["$ ", "% ", "> ", "# ", "+ ", "Run "] {
        if let Some(rest) = text.strip_prefix(prompt) {
            return !rest.trim().is_empty();
        }
    }
    // A prompt with a user, host or directory before it: `user@host:~/src$ go build`.
    for marker in ["$ go ", "> go ", "% go "] {
        if let Some(at) = text.find(marker) {
            return go_command(text.get(at + 2..).unwrap_or_default());
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, LineKind) {
        let line = lines(text).into_iter().next().unwrap_or(Line {
            number: 0,
            text: String::new(),
            kind: LineKind::Blank,
        });
        (line.text, line.kind)
    }

    #[test]
    fn ci_prefixes_colours_and_carriage_returns_go() {
        assert_eq!(
            one("2024-05-01T10:00:00.1234567Z \u{1b}[31mgo: go.mod requires go >= 1.24.1\u{1b}[0m\r"),
            ("go: go.mod requires go >= 1.24.1".to_owned(), LineKind::Text)
        );
        assert_eq!(
            one("2024-05-01T10:00:00.123Z 00O+ ##[error]go: x"),
            ("go: x".to_owned(), LineKind::Text)
        );
        assert_eq!(one("::error::go: x"), ("go: x".to_owned(), LineKind::Text));
        assert_eq!(one("50%\rgo: x"), ("go: x".to_owned(), LineKind::Text));
        assert_eq!(
            one("\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{1b}\\"),
            ("link".to_owned(), LineKind::Text)
        );
    }

    #[test]
    fn commands_and_progress_are_told_apart_from_errors() {
        assert_eq!(one("$ go build ./...").1, LineKind::Command);
        assert_eq!(one("go mod tidy").1, LineKind::Command);
        assert_eq!(one("me@box:~/src$ go test ./...").1, LineKind::Command);
        assert_eq!(one("PS C:\\src> go build").1, LineKind::Command);
        assert_eq!(
            one("go: downloading example.com/x v1.0.0").1,
            LineKind::Noise
        );
        assert_eq!(one("exit status 1").1, LineKind::Noise);
        assert_eq!(one("go: example.com/x@v1.0.0: x").1, LineKind::Text);
        assert_eq!(one("go mod-ish text").1, LineKind::Text);
        assert_eq!(one("\tgo mod tidy").1, LineKind::Text);
    }

    #[test]
    fn indentation_survives_cleaning() {
        let got = lines("2024-05-01T10:00:00Z \tgo mod download example.com/x");
        assert!(got.first().is_some_and(Line::is_indented));
    }
}
