//! Module versions (golang.org/x/mod/module): canonical forms with `+incompatible`, and the error
//! values whose texts the go command prints.

use std::fmt;

use super::semver;
use crate::path::{check_path, check_path_major, split_path_version, InvalidPathError};
use crate::syntax::quote;

/// The build suffix that marks a major-version ≥ 2 release of a module without a go.mod.
pub const INCOMPATIBLE: &str = "+incompatible";

/// The canonical module version: [`semver::canonical`] plus `+incompatible` kept when that is
/// exactly the build suffix (`v2.0.0+incompatible` stays, `v2.0.0+meta` becomes `v2.0.0`).
/// Returns `""` for an invalid version, like Go.
pub fn canonical_version(v: &str) -> String {
    let Some(parsed) = semver::parse(v) else {
        return String::new();
    };
    let mut out = semver::canonical_of(v, &parsed);
    if parsed.build == INCOMPATIBLE {
        out.push_str(INCOMPATIBLE);
    }
    out
}

/// Reports whether `v` is already in canonical module-version form (required in go.sum, in
/// dependency go.mod files and in vendor/modules.txt).
pub fn is_canonical(v: &str) -> bool {
    // Canonical exactly when nothing is added (no shorthand) and no build suffix but
    // `+incompatible` is dropped; this avoids building the canonical string.
    semver::parse(v)
        .is_some_and(|p| p.short.is_empty() && (p.build.is_empty() || p.build == INCOMPATIBLE))
}

/// A version that cannot be used; Go's `*module.InvalidVersionError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidVersionError {
    /// The offending version, as written.
    pub version: String,
    /// Whether the problem concerns the pseudo-version syntax (changes the noun in the text).
    pub pseudo: bool,
    /// The reason, e.g. `should be v2, not v1`.
    pub message: String,
}

impl InvalidVersionError {
    pub fn new(version: &str, message: impl Into<String>) -> Self {
        InvalidVersionError {
            version: version.to_owned(),
            pseudo: false,
            message: message.into(),
        }
    }

    pub fn pseudo(version: &str, message: impl Into<String>) -> Self {
        InvalidVersionError {
            version: version.to_owned(),
            pseudo: true,
            message: message.into(),
        }
    }

    /// `version` or `pseudo-version`.
    pub fn noun(&self) -> &'static str {
        if self.pseudo {
            "pseudo-version"
        } else {
            "version"
        }
    }
}

impl fmt::Display for InvalidVersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} invalid: {}",
            self.noun(),
            quote(&self.version),
            self.message
        )
    }
}

impl std::error::Error for InvalidVersionError {}

/// What went wrong with a module (the `Err` field of Go's `*module.ModuleError`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleErrorCause {
    /// An invalid version: printed specially, with the version taken from this error.
    InvalidVersion(InvalidVersionError),
    /// Any other error, already rendered as text.
    Other(String),
}

/// An error concerning one module; Go's `*module.ModuleError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleError {
    pub path: String,
    /// The module version, or `""` when the error is about the module as a whole.
    pub version: String,
    pub cause: ModuleErrorCause,
}

impl ModuleError {
    pub fn invalid_version(path: &str, err: InvalidVersionError) -> Self {
        ModuleError {
            path: path.to_owned(),
            version: String::new(),
            cause: ModuleErrorCause::InvalidVersion(err),
        }
    }

    pub fn other(path: &str, version: &str, message: impl Into<String>) -> Self {
        ModuleError {
            path: path.to_owned(),
            version: version.to_owned(),
            cause: ModuleErrorCause::Other(message.into()),
        }
    }
}

impl fmt::Display for ModuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.cause {
            ModuleErrorCause::InvalidVersion(e) => {
                write!(
                    f,
                    "{}@{}: invalid {}: {}",
                    self.path,
                    e.version,
                    e.noun(),
                    e.message
                )
            }
            ModuleErrorCause::Other(msg) if !self.version.is_empty() => {
                write!(f, "{}@{}: {}", self.path, self.version, msg)
            }
            ModuleErrorCause::Other(msg) => write!(f, "module {}: {}", self.path, msg),
        }
    }
}

impl std::error::Error for ModuleError {}

/// Why [`check`] rejects a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckError {
    Path(InvalidPathError),
    Module(ModuleError),
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::Path(e) => e.fmt(f),
            CheckError::Module(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CheckError {}

/// Checks that `path@version` names a module that can be downloaded (Go's `module.Check`): a
/// valid module path, a semantic version, and a version whose major agrees with the path's suffix.
pub fn check(path: &str, version: &str) -> Result<(), CheckError> {
    check_path(path).map_err(CheckError::Path)?;
    if !semver::is_valid(version) {
        let err = InvalidVersionError::new(version, "not a semantic version");
        return Err(CheckError::Module(ModuleError::invalid_version(path, err)));
    }
    let path_major = split_path_version(path).map_or("", |(_, major)| major);
    check_path_major(version, path_major)
        .map_err(|err| CheckError::Module(ModuleError::invalid_version(path, err)))
}
