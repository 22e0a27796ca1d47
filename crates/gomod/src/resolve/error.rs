//! The resolver's error: what kind of failure stopped the go command, and go's exact text.
//!
//! The text is what go prints (after its `go: ` prefix, except where noted), byte for byte, and
//! is the error's `Display`. Rules and views decide on the [`ErrorKind`] and never on the
//! wording, as golang.org/x/mod's `module.ModuleError` carries a typed cause beside its
//! `Error()` text: rewording a message cannot switch a rule off.

use std::fmt;

/// The failures that rules and views tell apart; every other failure is [`ErrorKind::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ErrorKind {
    /// A dependency's go.mod declares another module path than the one it was required as
    /// (go's `module declares its path as: ... but was required as: ...`).
    ModulePathMismatch,
    /// A go.mod or go.work needs a newer Go than the one running
    /// (`... requires go >= V (running go R; GOTOOLCHAIN=T)`).
    GoVersionTooNew,
    /// A downloaded go.mod differs from the hash go.sum records for it (go's
    /// checksum-mismatch stop, printed without the `go: ` prefix).
    ChecksumMismatch,
    /// One replacement serves two module paths (`... used for two different module paths`),
    /// which go reports while loading packages; the resolver here does not load packages, so
    /// only a resolution built elsewhere carries it.
    ReplacementForTwoPaths,
    /// Any other failure: its text says what it is, and no rule depends on it.
    Other,
}

/// A failure that stops the go command: its kind and go's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    text: String,
}

impl Error {
    pub fn new(kind: ErrorKind, text: impl Into<String>) -> Error {
        Error {
            kind,
            text: text.into(),
        }
    }

    /// A failure no rule tells apart from others.
    pub fn other(text: impl Into<String>) -> Error {
        Error::new(ErrorKind::Other, text)
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// go's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The same error with its text rewritten (go's complete stderr cut to the message, or
    /// worded for the page); the kind stays.
    pub fn map_text(self, f: impl FnOnce(&str) -> String) -> Error {
        Error {
            kind: self.kind,
            text: f(&self.text),
        }
    }

    /// The message of go's complete stderr text: without the trailing newline and the leading
    /// `go: `.
    pub fn without_go_prefix(self) -> Error {
        self.map_text(|t| t.trim_end().trim_start_matches("go: ").to_owned())
    }

    pub fn into_text(self) -> String {
        self.text
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for Error {}

/// Serialised as its text in human-readable formats, so that the JSON shapes of the CLI and the
/// JS API keep a plain string; in binary formats (the analysis worker's bincode answer to the
/// page) as its kind and text, since the page's views decide on the kind.
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&self.text)
        } else {
            serde::Serialize::serialize(&(self.kind, &self.text), serializer)
        }
    }
}

/// The inverse of `Serialize`: a plain string (human-readable formats) reads back as
/// [`ErrorKind::Other`], since its kind was not written.
impl<'de> serde::Deserialize<'de> for Error {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Error, D::Error> {
        if deserializer.is_human_readable() {
            let text: String = serde::Deserialize::deserialize(deserializer)?;
            Ok(Error::other(text))
        } else {
            let (kind, text): (ErrorKind, String) = serde::Deserialize::deserialize(deserializer)?;
            Ok(Error::new(kind, text))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_the_display_and_the_kind_survives_rewording() {
        let e = Error::new(
            ErrorKind::GoVersionTooNew,
            "go: go.mod requires go >= 1.99\n",
        );
        assert_eq!(e.to_string(), "go: go.mod requires go >= 1.99\n");
        let e = e.without_go_prefix();
        assert_eq!(e.text(), "go.mod requires go >= 1.99");
        assert_eq!(e.kind(), ErrorKind::GoVersionTooNew);
        assert_eq!(
            e.map_text(|_| "reworded".to_owned()).kind(),
            ErrorKind::GoVersionTooNew
        );
    }
}
