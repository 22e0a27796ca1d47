//! Source positions and the error values every go.mod / go.work reader reports.

use std::fmt;

/// A position in a file: 1-based line, 1-based column counted in runes (a tab is one column, an
/// invalid UTF-8 byte is one rune), and 0-based byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    pub line: u32,
    pub line_rune: u32,
    pub byte: usize,
}

impl Position {
    /// The start of a file.
    pub const START: Position = Position {
        line: 1,
        line_rune: 1,
        byte: 0,
    };

    /// The position just after `text`, if `text` starts at `self` (Go's `Position.add`).
    pub fn advance(self, text: &[u8]) -> Position {
        let mut p = self;
        p.byte = p.byte.saturating_add(text.len());
        let mut last_line = text;
        if let Some(nl) = text.iter().rposition(|&b| b == b'\n') {
            let newlines = text.iter().filter(|&&b| b == b'\n').count();
            p.line = p
                .line
                .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
            p.line_rune = 1;
            last_line = text.get(nl + 1..).unwrap_or_default();
        }
        let runes = super::utf8::runes(last_line).count();
        p.line_rune = p
            .line_rune
            .saturating_add(u32::try_from(runes).unwrap_or(u32::MAX));
        p
    }
}

/// The parse errors that rules tell apart from the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A version whose major version does not fit its module path's suffix: Go's
    /// `*module.InvalidVersionError` from `module.CheckPathMajor`
    /// (`version "v2.0.0" invalid: should be v0 or v1, not v2`).
    PathMajorMismatch,
    /// Any other error: its message says what it is.
    Other,
}

/// One diagnostic about a file, displayed exactly as Go's `modfile.Error`:
/// `file:line:col: message` when the column is past the first one, else `file:line: message`,
/// else `file: message` (line 0), else just the message (no file name either).
///
/// `message` already carries Go's directive prefix where Go adds one
/// (`require example.com/a: version "x" invalid: ...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub file: String,
    pub pos: Position,
    /// What the error is about where a rule treats it apart, as Go's `modfile.Error` wraps a
    /// typed cause; the message is only the wording.
    pub kind: ErrorKind,
    pub message: String,
    /// The message byte for byte as Go prints it, when that differs from `message`: Go copies
    /// token text into some messages (`unknown directive: foo\xe5`), invalid UTF-8 included,
    /// while `message` shows each invalid byte as U+FFFD. `None` when `message` is exact.
    pub raw_message: Option<Vec<u8>>,
}

impl Error {
    pub fn new(file: &str, pos: Position, message: impl Into<String>) -> Error {
        Error {
            file: file.to_owned(),
            pos,
            kind: ErrorKind::Other,
            message: message.into(),
            raw_message: None,
        }
    }

    /// An error whose message is a byte string that may hold invalid UTF-8.
    pub fn from_bytes(file: &str, pos: Position, message: Vec<u8>) -> Error {
        match String::from_utf8(message) {
            Ok(text) => Error::new(file, pos, text),
            Err(e) => {
                let raw = e.into_bytes();
                let text = super::utf8::to_string_lossy(&raw);
                Error {
                    file: file.to_owned(),
                    pos,
                    kind: ErrorKind::Other,
                    message: text,
                    raw_message: Some(raw),
                }
            }
        }
    }

    /// The same error, of kind `kind`.
    pub fn with_kind(self, kind: ErrorKind) -> Error {
        Error { kind, ..self }
    }

    /// The error exactly as Go prints it, as bytes (see `raw_message`).
    pub fn to_bytes(&self) -> Vec<u8> {
        let shown = self.to_string();
        let Some(raw) = &self.raw_message else {
            return shown.into_bytes();
        };
        let prefix_len = shown.len().saturating_sub(self.message.len());
        let mut out = shown
            .as_bytes()
            .get(..prefix_len)
            .unwrap_or_default()
            .to_vec();
        out.extend_from_slice(raw);
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pos.line_rune > 1 {
            write!(
                f,
                "{}:{}:{}: ",
                self.file, self.pos.line, self.pos.line_rune
            )?;
        } else if self.pos.line > 0 {
            write!(f, "{}:{}: ", self.file, self.pos.line)?;
        } else if !self.file.is_empty() {
            write!(f, "{}: ", self.file)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Several errors, displayed one per line (Go's `modfile.ErrorList`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorList(pub Vec<Error>);

impl fmt::Display for ErrorList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ErrorList {}

impl ErrorList {
    /// The list exactly as Go prints it, as bytes (invalid UTF-8 from the input kept).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(b'\n');
            }
            out.extend_from_slice(&e.to_bytes());
        }
        out
    }
}

impl From<Error> for ErrorList {
    fn from(e: Error) -> ErrorList {
        ErrorList(vec![e])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_display_follows_go() {
        let at = |line, line_rune| Position {
            line,
            line_rune,
            byte: 0,
        };
        assert_eq!(
            Error::new("go.mod", at(3, 2), "m").to_string(),
            "go.mod:3:2: m"
        );
        assert_eq!(
            Error::new("go.mod", at(3, 1), "m").to_string(),
            "go.mod:3: m"
        );
        assert_eq!(Error::new("go.mod", at(0, 0), "m").to_string(), "go.mod: m");
        assert_eq!(Error::new("", at(0, 0), "m").to_string(), "m");
        let list = ErrorList(vec![
            Error::new("a", at(1, 1), "x"),
            Error::new("a", at(2, 1), "y"),
        ]);
        assert_eq!(list.to_string(), "a:1: x\na:2: y");
        let raw = Error::from_bytes("go.mod", at(2, 1), b"unknown directive: foo\xe5".to_vec());
        assert_eq!(raw.to_string(), "go.mod:2: unknown directive: foo\u{FFFD}");
        assert_eq!(raw.to_bytes(), b"go.mod:2: unknown directive: foo\xe5");
        assert_eq!(
            ErrorList(vec![raw.clone(), raw]).to_bytes(),
            b"go.mod:2: unknown directive: foo\xe5\ngo.mod:2: unknown directive: foo\xe5"
        );
    }

    #[test]
    fn advance_counts_runes_and_lines() {
        let p = Position::START.advance("ab\ncé".as_bytes());
        assert_eq!(
            p,
            Position {
                line: 2,
                line_rune: 3,
                byte: 6
            }
        );
    }
}
