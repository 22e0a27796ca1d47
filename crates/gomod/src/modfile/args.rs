//! Interpreting directive arguments: quoted strings, versions, module paths and replacements.
//! Shared by `modfile` and `workfile`. Like Go, these functions rewrite the syntax tokens they
//! read into normal form (paths re-quoted only when needed, versions canonicalised), which is
//! why `go mod edit -fmt` normalises them.

use crate::path::{check_path_major, is_directory_path, split_path_version};
use crate::syntax::quote::{auto_quote, must_quote, quote, unquote};
use crate::syntax::utf8::to_string_lossy;
use crate::syntax::{Error, ErrorKind, Line};
use crate::version::module::{canonical_version, is_canonical};

use super::{ModuleVersion, Replace};

/// Go's `%s` of a byte string in an error message.
pub(crate) fn lossy(b: &[u8]) -> String {
    to_string_lossy(b)
}

/// [`lossy`] of a byte string the caller no longer needs: valid UTF-8 keeps its buffer.
pub(crate) fn into_lossy(b: Vec<u8>) -> String {
    String::from_utf8(b).unwrap_or_else(|err| to_string_lossy(err.as_bytes()))
}

/// Concatenates the pieces of an error message; messages are byte strings because Go copies
/// token text (invalid UTF-8 included) into them.
pub(crate) fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

/// `VERB PATH: ` or `VERB: ` (Go's `modfile.Error` directive prefix), as bytes.
pub(crate) fn directive_prefix(verb: &[u8], mod_path: &[u8]) -> Vec<u8> {
    if !mod_path.is_empty() {
        cat(&[verb, b" ", mod_path, b": "])
    } else if !verb.is_empty() {
        cat(&[verb, b": "])
    } else {
        Vec::new()
    }
}

/// Go's `parseString`: unquotes a `"..."` token, rejects other quote characters, and rewrites
/// the token as `AutoQuote(value)`. The error is the text after `invalid quoted string: `.
pub(crate) fn parse_string(token: &mut Vec<u8>) -> Result<Vec<u8>, &'static str> {
    if token.starts_with(b"\"") {
        let value = unquote(token).map_err(|_| "invalid syntax")?;
        *token = auto_quote(&value);
        return Ok(value);
    }
    // An unquoted token that needs no quoting stays as it is; it holds no quote character,
    // since those always need quoting.
    if !must_quote(token) {
        return Ok(token.clone());
    }
    if token.iter().any(|b| matches!(b, b'"' | b'\'' | b'`')) {
        return Err("unquoted string cannot contain quote");
    }
    let value = std::mem::take(token);
    *token = quote(&value).into_bytes();
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
) -> Result<Vec<u8>, Vec<u8>> {
    let prefix = || directive_prefix(verb.as_bytes(), path);
    // parse_string leaves the token alone when it fails, so the error can quote it as written.
    let text = match parse_string(token) {
        Ok(t) => t,
        Err(e) => {
            let detail = format!("version {} invalid: {e}", quote(token));
            return Err(cat(&[&prefix(), detail.as_bytes()]));
        }
    };
    let fixed = match check {
        VersionCheck::Keep => text,
        // Nearly every version is written canonically already: nothing to build or rewrite.
        VersionCheck::Canonical if std::str::from_utf8(&text).is_ok_and(is_canonical) => {
            return Ok(text);
        }
        VersionCheck::Canonical => {
            let canonical = std::str::from_utf8(&text)
                .map(canonical_version)
                .unwrap_or_default();
            if canonical.is_empty() {
                let detail = format!(
                    "version {} invalid: must be of the form v1.2.3",
                    quote(&text)
                );
                return Err(cat(&[&prefix(), detail.as_bytes()]));
            }
            canonical.into_bytes()
        }
    };
    token.clone_from(&fixed);
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
    let err = |message: Vec<u8>| Error::from_bytes(file, line.start, message);
    let text = |message: &str| err(message.as_bytes().to_vec());
    let arrow = if args.get(1).is_some_and(|a| a == b"=>") {
        1
    } else {
        2
    };
    if args.len() < arrow + 2
        || args.len() > arrow + 3
        || args.get(arrow).is_none_or(|a| a != b"=>")
    {
        return Err(text(&format!(
            "usage: {verb} module/path [v1.2.3] => other/module v1.4\n\t or {verb} module/path [v1.2.3] => ../local/directory"
        )));
    }
    // Arity was checked above; these fallbacks only keep the indexing panic-free.
    let missing = || text("internal error: missing replace argument");
    let old_tok = args.get_mut(0).ok_or_else(missing)?;
    let s = parse_string(old_tok).map_err(|e| text(&format!("invalid quoted string: {e}")))?;
    let old_path = lossy(&s);
    let Some(major) = path_major(&old_path) else {
        return Err(err(cat(&[
            &directive_prefix(verb.as_bytes(), &s),
            b"invalid module path",
        ])));
    };
    let major = major.to_owned();
    let old_version = if arrow == 2 {
        let tok = args.get_mut(1).ok_or_else(missing)?;
        let v = into_lossy(parse_version(verb, &s, tok, VersionCheck::Canonical).map_err(err)?);
        if let Err(e) = check_path_major(&v, &major) {
            return Err(err(cat(&[
                &directive_prefix(verb.as_bytes(), &s),
                e.to_string().as_bytes(),
            ]))
            .with_kind(ErrorKind::PathMajorMismatch));
        }
        v
    } else {
        String::new()
    };
    let new_tok = args.get_mut(arrow + 1).ok_or_else(missing)?;
    let ns = parse_string(new_tok).map_err(|e| text(&format!("invalid quoted string: {e}")))?;
    let new_path = lossy(&ns);
    let new_version = if args.len() == arrow + 2 {
        if !is_directory_path(&new_path) {
            if ns.contains(&b'@') {
                return Err(text(
                    "replacement module must match format 'path version', not 'path@version'",
                ));
            }
            return Err(text(
                "replacement module without version must be directory path (rooted or starting with . or ..)",
            ));
        }
        // Go checks this only on hosts whose path separator is '/', which is every host the
        // playground mirrors.
        if ns.contains(&b'\\') {
            return Err(text(
                "replacement directory appears to be Windows path (on a non-windows system)",
            ));
        }
        String::new()
    } else {
        let tok = args.get_mut(arrow + 2).ok_or_else(missing)?;
        let v = into_lossy(parse_version(verb, &ns, tok, VersionCheck::Canonical).map_err(err)?);
        if is_directory_path(&new_path) {
            return Err(text(&format!(
                "replacement module directory path {} cannot have version",
                quote(&ns)
            )));
        }
        v
    };
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
