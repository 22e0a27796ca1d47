//! Validity of module, import and file paths (golang.org/x/mod/module `CheckPath`,
//! `CheckImportPath`, `CheckFilePath`), with the go command's exact reasons, checked in its order.

use std::fmt;

use super::major::split_path_version;
use crate::syntax::quote::{quote, quote_rune};
use crate::syntax::unicode::is_letter;

/// Which rule set a path is checked against; also the word in the error text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    Module,
    Import,
    File,
}

impl PathKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PathKind::Module => "module",
            PathKind::Import => "import",
            PathKind::File => "file",
        }
    }
}

/// A malformed path; Go's `*module.InvalidPathError`, displayed as
/// `malformed module path "P": reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidPathError {
    pub kind: PathKind,
    pub path: String,
    pub reason: String,
}

impl fmt::Display for InvalidPathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "malformed {} path {}: {}",
            self.kind.as_str(),
            quote(&self.path),
            self.reason
        )
    }
}

impl std::error::Error for InvalidPathError {}

/// Device names that Windows reserves in every directory, whatever the extension.
const WINDOWS_RESERVED_NAMES: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

fn module_char_ok(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')
}

fn import_char_ok(c: char) -> bool {
    module_char_ok(c) || c == '+'
}

fn file_char_ok(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || "!#$%&()+,-.=@[]^_{}~ ".contains(c)
    } else {
        is_letter(c)
    }
}

fn first_element_char_ok(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'
}

/// Checks one `/`-separated element (Go's `checkElem`). Also used on versions by the escaping
/// functions, with the file rules.
pub(crate) fn check_element(elem: &str, kind: PathKind) -> Result<(), String> {
    if elem.is_empty() {
        return Err("empty path element".to_owned());
    }
    if elem.bytes().all(|b| b == b'.') {
        return Err(format!("invalid path element {}", quote(elem)));
    }
    if elem.starts_with('.') && kind == PathKind::Module {
        return Err("leading dot in path element".to_owned());
    }
    if elem.ends_with('.') {
        return Err("trailing dot in path element".to_owned());
    }
    let char_ok = match kind {
        PathKind::Module => module_char_ok,
        PathKind::Import => import_char_ok,
        PathKind::File => file_char_ok,
    };
    if let Some(bad) = elem.chars().find(|&c| !char_ok(c)) {
        return Err(format!("invalid char {}", quote_rune(bad)));
    }
    let short = elem.split('.').next().unwrap_or(elem);
    // Go compares with Unicode case folding (`strings.EqualFold`), but no letter of the reserved
    // names has a non-ASCII fold partner (only `k` and `s` do), so ASCII folding is exact.
    if WINDOWS_RESERVED_NAMES
        .iter()
        .any(|name| name.eq_ignore_ascii_case(short))
    {
        return Err(format!(
            "{} disallowed as path element component on Windows",
            quote(short)
        ));
    }
    if kind == PathKind::File {
        return Ok(());
    }
    // Windows 8.3 short names look like `EXAMPL~1`; such an element could alias another file.
    if let Some(tilde) = short.rfind('~') {
        let suffix = &short[tilde + 1..];
        if !suffix.is_empty() && suffix.bytes().all(|b| b.is_ascii_digit()) {
            return Err("trailing tilde and digits in path element".to_owned());
        }
    }
    Ok(())
}

/// The rules shared by all kinds (Go's `checkPath`); returns the bare reason.
fn check_common(path: &str, kind: PathKind) -> Result<(), String> {
    if path.is_empty() {
        return Err("empty string".to_owned());
    }
    if path.starts_with('-') && kind != PathKind::File {
        return Err("leading dash".to_owned());
    }
    if path.contains("//") {
        return Err("double slash".to_owned());
    }
    if path.ends_with('/') {
        return Err("trailing slash".to_owned());
    }
    for elem in path.split('/') {
        check_element(elem, kind)?;
    }
    Ok(())
}

fn check_module_reason(path: &str) -> Result<(), String> {
    check_common(path, PathKind::Module)?;
    let first = path.split('/').next().unwrap_or(path);
    if first.is_empty() {
        return Err("leading slash".to_owned());
    }
    if !first.contains('.') {
        return Err("missing dot in first path element".to_owned());
    }
    if path.starts_with('-') {
        return Err("leading dash in first path element".to_owned());
    }
    if let Some(bad) = first.chars().find(|&c| !first_element_char_ok(c)) {
        return Err(format!(
            "invalid char {} in first path element",
            quote_rune(bad)
        ));
    }
    if split_path_version(path).is_none() {
        return Err("invalid version".to_owned());
    }
    Ok(())
}

fn wrap(kind: PathKind, path: &str, result: Result<(), String>) -> Result<(), InvalidPathError> {
    result.map_err(|reason| InvalidPathError {
        kind,
        path: path.to_owned(),
        reason,
    })
}

/// Checks a module path: the import-path rules restricted to module characters, plus a dotted,
/// lower-case first element and a well-formed major-version suffix (Go's `module.CheckPath`).
pub fn check_path(path: &str) -> Result<(), InvalidPathError> {
    wrap(PathKind::Module, path, check_module_reason(path))
}

/// Checks an import path (Go's `module.CheckImportPath`).
pub fn check_import_path(path: &str) -> Result<(), InvalidPathError> {
    wrap(PathKind::Import, path, check_common(path, PathKind::Import))
}

/// Checks a file path inside a module zip (Go's `module.CheckFilePath`).
pub fn check_file_path(path: &str) -> Result<(), InvalidPathError> {
    wrap(PathKind::File, path, check_common(path, PathKind::File))
}
