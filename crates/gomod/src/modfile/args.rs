//! Interpreting directive arguments: quoted strings, versions, module paths and replacements.
//! Shared by `modfile` and `workfile`. Like Go, these functions rewrite the syntax tokens they
//! read into normal form (paths re-quoted only when needed, versions canonicalised), which is
//! why `go mod edit -fmt` normalises them.

use crate::path::{check_path_major, is_directory_path, split_path_version};
use crate::syntax::quote::{auto_quote, quote, unquote};
use crate::syntax::utf8::to_string_lossy;
use crate::syntax::{Error, Line};
use crate::version::module::canonical_version;

use super::{ModuleVersion, Replace};

/// Go's `%s` of a byte string in an error message.
pub(crate) fn lossy(b: &[u8]) -> String {
    to_string_lossy(b)
}

/// `VERB PATH: ` or `VERB: ` (Go's `modfile.Error` directive prefix).
pub(crate) fn directive_prefix(verb: &str, mod_path: &str) -> String {
    if !mod_path.is_empty() {
        format!("{verb} {mod_path}: ")
    } else if !verb.is_empty() {
        format!("{verb}: ")
    } else {
        String::new()
    }
}

/// Go's `parseString`: unquotes a `"..."` token, rejects other quote characters, and rewrites
/// the token as `AutoQuote(value)`. The error is the text after `invalid quoted string: `.
pub(crate) fn parse_string(token: &mut Vec<u8>) -> Result<Vec<u8>, &'static str> {
    let value = if token.starts_with(b"\"") {
        unquote(token).map_err(|_| "invalid syntax")?
    } else if token.iter().any(|b| matches!(b, b'"' | b'\'' | b'`')) {
        return Err("unquoted string cannot contain quote");
    } else {
        token.clone()
    };
    *token = auto_quote(&value);
    Ok(value)
}

/// How versions are checked, Go's `fix` argument: `None` requires canonical semver and rewrites
/// the token to the canonical form; retract lines are read first with a fixer that keeps them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum VersionCheck {
    Canonical,
    Keep,
}

/// Go's `parseVersion`. On success the token holds the (possibly canonicalised) version.
/// The error message carries the `VERB PATH: ` prefix as Go prints it.
pub(crate) fn parse_version(
    verb: &str,
    path: &[u8],
    token: &mut Vec<u8>,
    check: VersionCheck,
) -> Result<Vec<u8>, String> {
    let prefix = directive_prefix(verb, &lossy(path));
    let raw = token.clone();
    let text = match parse_string(token) {
        Ok(t) => t,
        Err(e) => return Err(format!("{prefix}version {} invalid: {e}", quote(&raw))),
    };
    let fixed = match check {
        VersionCheck::Keep => text,
        VersionCheck::Canonical => {
            let canonical = std::str::from_utf8(&text)
                .map(canonical_version)
                .unwrap_or_default();
            if canonical.is_empty() {
                return Err(format!(
                    "{prefix}version {} invalid: must be of the form v1.2.3",
                    quote(&text)
                ));
            }
            canonical.into_bytes()
        }
    };
    *token = fixed.clone();
    Ok(fixed)
}

/// The major-version suffix of a module path (`/v2`, `.v1`, or ""), or `None` if malformed.
pub(crate) fn path_major(path: &str) -> Option<&str> {
    split_path_version(path).map(|(_, major)| major)
}

/// Go's `parseReplace` over the arguments of a replace line (after the verb).
pub(crate) fn parse_replace(
    file: &str,
    line: &Line,
    verb: &str,
    args: &mut [Vec<u8>],
) -> Result<Replace, Error> {
    let err = |message: String| Error::new(file, line.start, message);
    let arrow = if args.get(1).is_some_and(|a| a == b"=>") {
        1
    } else {
        2
    };
    if args.len() < arrow + 2
        || args.len() > arrow + 3
        || args.get(arrow).is_none_or(|a| a != b"=>")
    {
        return Err(err(format!(
            "usage: {verb} module/path [v1.2.3] => other/module v1.4\n\t or {verb} module/path [v1.2.3] => ../local/directory"
        )));
    }
    let (old_path, old_version, new_path, new_version);
    {
        let Some(tok) = args.get_mut(0) else {
            return Err(err(String::new()));
        };
        let s = parse_string(tok).map_err(|e| err(format!("invalid quoted string: {e}")))?;
        old_path = lossy(&s);
        let Some(major) = path_major(&old_path) else {
            return Err(err(format!(
                "{}invalid module path",
                directive_prefix(verb, &old_path)
            )));
        };
        let major = major.to_owned();
        old_version = if arrow == 2 {
            let Some(tok) = args.get_mut(1) else {
                return Err(err(String::new()));
            };
            let v = lossy(&parse_version(verb, &s, tok, VersionCheck::Canonical).map_err(err)?);
            if let Err(e) = check_path_major(&v, &major) {
                return Err(err(format!("{}{e}", directive_prefix(verb, &old_path))));
            }
            v
        } else {
            String::new()
        };
    }
    let Some(tok) = args.get_mut(arrow + 1) else {
        return Err(err(String::new()));
    };
    let ns = parse_string(tok).map_err(|e| err(format!("invalid quoted string: {e}")))?;
    new_path = lossy(&ns);
    if args.len() == arrow + 2 {
        if !is_directory_path(&new_path) {
            if ns.contains(&b'@') {
                return Err(err(
                    "replacement module must match format 'path version', not 'path@version'"
                        .to_owned(),
                ));
            }
            return Err(err(
                "replacement module without version must be directory path (rooted or starting with . or ..)".to_owned(),
            ));
        }
        // Go checks this only on hosts whose path separator is '/', which is every host the
        // playground mirrors.
        if ns.contains(&b'\\') {
            return Err(err(
                "replacement directory appears to be Windows path (on a non-windows system)"
                    .to_owned(),
            ));
        }
        new_version = String::new();
    } else {
        let Some(tok) = args.get_mut(arrow + 2) else {
            return Err(err(String::new()));
        };
        new_version = lossy(&parse_version(verb, &ns, tok, VersionCheck::Canonical).map_err(err)?);
        if is_directory_path(&new_path) {
            return Err(err(format!(
                "replacement module directory path {} cannot have version",
                quote(&ns)
            )));
        }
    }
    Ok(Replace {
        old: ModuleVersion {
            path: old_path,
            version: old_version,
        },
        new: ModuleVersion {
            path: new_path,
            version: new_version,
        },
        line: line.id,
    })
}
