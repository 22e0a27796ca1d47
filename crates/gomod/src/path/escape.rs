//! The case-encoding of module paths and versions used by the proxy protocol and the module
//! cache (golang.org/x/mod/module `EscapePath`, `EscapeVersion`, `UnescapePath`,
//! `UnescapeVersion`): every upper-case ASCII letter `X` becomes `!x`, so that the result is safe
//! on case-insensitive file systems.

use std::fmt;

use super::check::{check_element, check_path, InvalidPathError, PathKind};
use crate::syntax::quote::quote;
use crate::version::module::InvalidVersionError;

/// Why a path or version cannot be escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EscapeError {
    /// The module path fails [`check_path`].
    Path(InvalidPathError),
    /// The version is not usable as a file name, or contains `!`.
    Version(InvalidVersionError),
    /// The version passed the file-name check but holds non-ASCII letters, which the encoding
    /// cannot represent. Go reports this with a generic internal-error text.
    NonAscii,
}

impl fmt::Display for EscapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EscapeError::Path(e) => e.fmt(f),
            EscapeError::Version(e) => e.fmt(f),
            EscapeError::NonAscii => f.write_str("internal error: inconsistency in EscapePath"),
        }
    }
}

impl std::error::Error for EscapeError {}

/// Why an escaped path or version cannot be decoded; the message is Go's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnescapeError {
    pub message: String,
}

impl fmt::Display for UnescapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UnescapeError {}

fn escape_string(s: &str) -> Result<String, EscapeError> {
    if s.chars().any(|c| c == '!' || !c.is_ascii()) {
        return Err(EscapeError::NonAscii);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// The case-encoded form of a module path, which must pass [`check_path`]
/// (`github.com/Azure/x` → `github.com/!azure/x`).
pub fn escape_path(path: &str) -> Result<String, EscapeError> {
    check_path(path).map_err(EscapeError::Path)?;
    escape_string(path)
}

/// The case-encoded form of a version (`v1.0.0-RC1` → `v1.0.0-!r!c1`). The version must be a
/// valid file name element without `!`; it need not be a semantic version.
pub fn escape_version(v: &str) -> Result<String, EscapeError> {
    if check_element(v, PathKind::File).is_err() || v.contains('!') {
        return Err(EscapeError::Version(InvalidVersionError::new(
            v,
            "disallowed version string",
        )));
    }
    escape_string(v)
}

/// Decodes `!x` back to `X`; `None` for non-ASCII text, a bare upper-case letter, `!` before
/// anything but a lower-case letter, or a trailing `!`.
fn unescape_string(escaped: &str) -> Option<String> {
    let mut out = String::with_capacity(escaped.len());
    let mut bang = false;
    for c in escaped.chars() {
        if !c.is_ascii() {
            return None;
        }
        if bang {
            bang = false;
            if !c.is_ascii_lowercase() {
                return None;
            }
            out.push(c.to_ascii_uppercase());
            continue;
        }
        if c == '!' {
            bang = true;
            continue;
        }
        if c.is_ascii_uppercase() {
            return None;
        }
        out.push(c);
    }
    if bang {
        return None;
    }
    Some(out)
}

/// Decodes a case-encoded module path and checks the result with [`check_path`].
pub fn unescape_path(escaped: &str) -> Result<String, UnescapeError> {
    let Some(path) = unescape_string(escaped) else {
        return Err(UnescapeError {
            message: format!("invalid escaped module path {}", quote(escaped)),
        });
    };
    if let Err(e) = check_path(&path) {
        return Err(UnescapeError {
            message: format!("invalid escaped module path {}: {e}", quote(escaped)),
        });
    }
    Ok(path)
}

/// Decodes a case-encoded version and checks that it is a valid file name element. As in Go, the
/// second kind of error quotes the *decoded* version.
pub fn unescape_version(escaped: &str) -> Result<String, UnescapeError> {
    let Some(v) = unescape_string(escaped) else {
        return Err(UnescapeError {
            message: format!("invalid escaped version {}", quote(escaped)),
        });
    };
    if let Err(reason) = check_element(&v, PathKind::File) {
        return Err(UnescapeError {
            message: format!("invalid escaped version {}: {reason}", quote(&v)),
        });
    }
    Ok(v)
}
