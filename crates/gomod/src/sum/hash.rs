//! The `h1:` hash that go.sum records (golang.org/x/mod/sumdb/dirhash `Hash1`), written from its
//! definition in spec section 6.2.
//!
//! A hash covers a list of named files: the names are sorted by byte order, each file contributes
//! the line `<lowercase hex SHA-256 of its content>  <name>\n`, and the result is `h1:` followed by
//! the standard, padded base64 of the SHA-256 of all those lines.

use std::fmt;

use sha2::{Digest, Sha256};

/// The prefix of every hash produced by this module's algorithm.
pub const H1_PREFIX: &str = "h1:";

/// The name under which a go.mod file is hashed for a `/go.mod` line of go.sum: the file alone,
/// called literally `go.mod`, whatever module it belongs to.
const GO_MOD_FILE_NAME: &str = "go.mod";

/// Why a set of files cannot be hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HashError {
    /// A file name contains a newline, which would make the summary lines ambiguous; the go
    /// command refuses such names with the same text.
    NewlineInFileName(String),
}

impl fmt::Display for HashError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HashError::NewlineInFileName(_) => {
                f.write_str("dirhash: filenames with newlines are not supported")
            }
        }
    }
}

impl std::error::Error for HashError {}

/// Computes the `h1:` hash of a list of `(name, content)` files.
///
/// The order of `files` does not matter. Duplicate names are hashed once per occurrence, as the
/// go command does with the names it is given.
pub fn hash1<N: AsRef<str>, C: AsRef<[u8]>>(files: &[(N, C)]) -> Result<String, HashError> {
    let mut order: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, content)| (name.as_ref(), content.as_ref()))
        .collect();
    if let Some((name, _)) = order.iter().find(|(name, _)| name.contains('\n')) {
        return Err(HashError::NewlineInFileName((*name).to_owned()));
    }
    // A stable sort keeps equal names in their given order; their lines are identical anyway
    // only if their contents are, so the order among duplicates is the caller's.
    crate::sort::sort_by(&mut order, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));

    let mut summary = Sha256::new();
    for (name, content) in order {
        summary.update(hex_lower(&Sha256::digest(content)).as_bytes());
        summary.update(b"  ");
        summary.update(name.as_bytes());
        summary.update(b"\n");
    }
    Ok(format!("{H1_PREFIX}{}", base64_std(&summary.finalize())))
}

/// The hash that go.sum records on a `<path> <version>/go.mod` line for a go.mod file with exactly
/// these bytes (no normalisation of line endings, spacing or anything else).
pub fn gomod_hash(data: &[u8]) -> String {
    // The single name "go.mod" has no newline, so the general function cannot fail here; the
    // summary is built directly to keep this function infallible without an unwrap.
    let mut summary = Sha256::new();
    summary.update(hex_lower(&Sha256::digest(data)).as_bytes());
    summary.update(b"  ");
    summary.update(GO_MOD_FILE_NAME.as_bytes());
    summary.update(b"\n");
    format!("{H1_PREFIX}{}", base64_std(&summary.finalize()))
}

/// The hash that go.sum records on a `<path> <version>` line: the hash of the module's file tree,
/// every file named `<path>@<version>/<relative name>` (as inside a module zip, with the unescaped
/// path and version). `files` holds the relative names (`go.mod`, `sub/x.go`) and their contents;
/// directories are not listed.
pub fn module_tree_hash<N: AsRef<str>, C: AsRef<[u8]>>(
    path: &str,
    version: &str,
    files: &[(N, C)],
) -> Result<String, HashError> {
    let prefixed: Vec<(String, &[u8])> = files
        .iter()
        .map(|(name, content)| {
            (
                format!("{path}@{version}/{}", name.as_ref()),
                content.as_ref(),
            )
        })
        .collect();
    hash1(&prefixed)
}

#[allow(
    clippy::indexing_slicing,
    reason = "indices are masked to 4 or 6 bits, within the 16- and 64-entry tables"
)]
fn hex_lower(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

/// Standard base64 (RFC 4648 alphabet with `+` and `/`) with `=` padding, as Go's
/// `base64.StdEncoding`.
#[allow(
    clippy::indexing_slicing,
    reason = "indices are masked to 4 or 6 bits, within the 16- and 64-entry tables"
)]
pub(crate) fn base64_std(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let symbol = |six_bits: u32| char::from(ALPHABET[(six_bits & 0x3f) as usize]);
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b0 = u32::from(chunk.first().copied().unwrap_or(0));
        let b1 = u32::from(chunk.get(1).copied().unwrap_or(0));
        let b2 = u32::from(chunk.get(2).copied().unwrap_or(0));
        let group = (b0 << 16) | (b1 << 8) | b2;
        out.push(symbol(group >> 18));
        out.push(symbol(group >> 12));
        out.push(if chunk.len() > 1 {
            symbol(group >> 6)
        } else {
            '='
        });
        out.push(if chunk.len() > 2 { symbol(group) } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vectors from spec section 6.2, each verified there against the go command.
    #[test]
    fn spec_vectors() {
        assert_eq!(
            gomod_hash(b"module example.com/x\n"),
            "h1:cq1Wlc5Q/3TKMd9Nt+I/D/H5kAJrHbzSCzH20/f7O0w="
        );
        assert_eq!(
            gomod_hash(b"module example.com/b\n\ngo 1.16\n\nrequire example.com/d v1.3.0\n"),
            "h1:yq/z1m1nMbDr7AHFZn80Dw4p4n7AImi394O69tF2pWM="
        );
        assert_eq!(
            gomod_hash(b""),
            "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY="
        );
        let files: [(&str, &[u8]); 2] = [
            ("x.go", b"package x\n"),
            ("go.mod", b"module example.com/x\n"),
        ];
        assert_eq!(
            module_tree_hash("example.com/x", "v1.0.0", &files),
            Ok("h1:qJrjBvpmTIjFOnccJzfS0BWSJ30lAoz1bRTew5w0RNY=".to_owned())
        );
    }

    #[test]
    fn newline_in_name_is_refused() {
        let files: [(&str, &[u8]); 1] = [("a\nb", b"")];
        let err = hash1(&files).unwrap_err();
        assert_eq!(
            err.to_string(),
            "dirhash: filenames with newlines are not supported"
        );
    }

    /// RFC 4648 section 10 test vectors cover every padding case.
    #[test]
    fn base64_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64_std(input.as_bytes()), want, "input {input:?}");
        }
        assert_eq!(base64_std(&[0xfb, 0xff, 0xbf]), "+/+/");
    }
}
