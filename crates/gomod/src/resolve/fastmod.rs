//! A fast reader for the common shape of dependency go.mod files.
//!
//! Large graphs read thousands of go.mod files, and the full lax parser (`modfile::parse_lax`)
//! builds a complete syntax tree with comments for each. Almost every real dependency go.mod is
//! plain ASCII with `module`, `go`, `toolchain` and `require` lines or blocks, which need none of
//! that. This reader accepts exactly such files and returns `None` for anything else — quotes,
//! other directives, unusual tokens, non-canonical versions, anything the full parser might
//! reject or read differently — so the caller falls back to `modfile::parse_lax`. On the files
//! it accepts, its result is the full parser's (checked by tests over generated universes and
//! the real-world corpus).
//!
//! Why a second reader is worth keeping: on typical dependency go.mod files (a module line, a
//! go line, a dozen requirements) it costs about a fifth of the full lax parser's instructions
//! (callgrind over `bench_parse_only` in tests/oracle_resolve_bench.rs: about 10k against 59k
//! per file), and reading go.mod files is about a quarter of a 10,000-module `go list -m all`;
//! with the full parser alone that command would take more than twice as long.

use super::summary::DepSummary;
use crate::modfile::is_go_version;
use crate::modfile::ModuleVersion;
use crate::path::{check_path_major, split_path_version};
use crate::version::module::canonical_version;

/// Reads `data` if it has the simple shape; `None` means "use the full parser".
pub fn read(data: &[u8]) -> Option<DepSummary> {
    // Printable ASCII, tabs and newlines only; no quoting or block comments.
    for (i, &b) in data.iter().enumerate() {
        match BYTE_CLASS.get(usize::from(b)) {
            Some(Class::Plain) => {}
            Some(Class::Star) if i == 0 || data.get(i - 1) != Some(&b'/') => {}
            _ => return None,
        }
    }
    let text = std::str::from_utf8(data).ok()?;
    let mut out = DepSummary::default();
    let (mut have_module, mut have_go, mut in_block) = (false, false, false);
    for line in lines(text) {
        let mut toks = [""; 3];
        let toks = tokens(line, &mut toks)?;
        if in_block {
            match toks {
                [] => {}
                [")"] => in_block = false,
                [path, version] => out.require.push(requirement(path, version)?),
                _ => return None,
            }
            continue;
        }
        match toks {
            [] => {}
            ["module", path] if !have_module => {
                have_module = true;
                out.module = (*path).to_owned();
            }
            ["go", version] if !have_go && is_go_version(version.as_bytes()) => {
                have_go = true;
                out.go = (*version).to_owned();
            }
            ["toolchain", _] => {}
            ["require", "("] => in_block = true,
            ["require", path, version] => out.require.push(requirement(path, version)?),
            _ => return None,
        }
    }
    if in_block {
        return None;
    }
    Some(out)
}

/// The lines of `text` (split at `\n`, as `str::split` would, including a last empty line).
/// Lines of go.mod files are short, so a plain byte loop beats the `memchr`-based searcher.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.bytes().position(|b| b == b'\n') {
            Some(end) => {
                rest = current.get(end + 1..);
                current.get(..end)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// Bytes the full lexer reads as separate tokens (or as the start of one) inside a word.
fn is_punctuation(b: u8) -> bool {
    matches!(b, b'(' | b')' | b',' | b'[' | b']' | b'=' | b'>' | b';')
}

/// How the pre-scan sees a byte: fine, fine unless it follows `/`, or a reason to fall back.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Plain,
    Star,
    Other,
}

/// Printable ASCII, tab and newline are plain, except the quotes `"` and `` ` ``; `*` is plain
/// unless it opens a `/*`.
#[allow(
    clippy::indexing_slicing,
    reason = "a const table of 256 entries indexed by byte values, evaluated while compiling"
)]
const BYTE_CLASS: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0x20;
    while b < 0x7f {
        table[b] = Class::Plain;
        b += 1;
    }
    table[b'\t' as usize] = Class::Plain;
    table[b'\n' as usize] = Class::Plain;
    table[b'"' as usize] = Class::Other;
    table[b'`' as usize] = Class::Other;
    table[b'*' as usize] = Class::Star;
    table
};

/// Whether `v` is a plain release version `vX.Y.Z` (decimal, no leading zeros), the common
/// case, which is canonical without parsing it as a semantic version.
fn is_plain_release(v: &str) -> bool {
    let Some(rest) = v.strip_prefix('v') else {
        return false;
    };
    let (mut parts, mut len, mut leading_zero) = (1, 0, false);
    for b in rest.bytes() {
        match b {
            b'.' => {
                if len == 0 {
                    return false;
                }
                parts += 1;
                len = 0;
                leading_zero = false;
            }
            b'0'..=b'9' => {
                if leading_zero {
                    return false;
                }
                leading_zero = len == 0 && b == b'0';
                len += 1;
            }
            _ => return false,
        }
    }
    parts == 3 && len > 0
}

/// One requirement, if the version is canonical and fits the path's major version.
fn requirement(path: &str, version: &str) -> Option<ModuleVersion> {
    if !is_plain_release(version) && canonical_version(version) != version {
        return None;
    }
    let (_, major) = split_path_version(path)?;
    // A canonical v0 or v1 version fits every path without a major-version suffix.
    let fits_plainly =
        major.is_empty() && (version.starts_with("v0.") || version.starts_with("v1."));
    if !fits_plainly {
        check_path_major(version, major).ok()?;
    }
    Some(ModuleVersion::new(path, version))
}

/// Splits a line into its tokens (at most three, stored in `out`) without its `//` comment.
/// `None` when the line has more tokens, punctuation the full lexer reads differently (anything
/// of `(),[]=>;` inside a word), or a `//` inside a token.
fn tokens<'l, 'o>(line: &'l str, out: &'o mut [&'l str; 3]) -> Option<&'o [&'l str]> {
    let bytes = line.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b' ' || b == b'\t' {
            i += 1;
            continue;
        }
        if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            break;
        }
        let start = i;
        let mut punctuation = false;
        while let Some(&c) = bytes.get(i) {
            if c == b' ' || c == b'\t' {
                break;
            }
            if c == b'/' && bytes.get(i + 1) == Some(&b'/') {
                return None;
            }
            punctuation |= is_punctuation(c);
            i += 1;
        }
        // The bytes are ASCII (checked by the caller), so every index is a char boundary.
        let token = line.get(start..i)?;
        if punctuation && token != "(" && token != ")" {
            return None;
        }
        *out.get_mut(n)? = token;
        n += 1;
    }
    out.get(..n)
}

#[cfg(test)]
mod tests {
    use super::read;
    use crate::resolve::files::parse_dep_full as parse_dep;

    /// Every accepted file reads exactly as the full lax parser reads it.
    fn agrees(data: &[u8]) -> bool {
        match read(data) {
            None => true,
            Some(fast) => match parse_dep("go.mod", data) {
                Ok(mut full) => {
                    full.retract.clear();
                    full.deprecated.clear();
                    full == fast
                }
                Err(_) => false,
            },
        }
    }

    #[test]
    fn simple_files_are_read() {
        let f = b"module example.com/a\n\ngo 1.21 // x\n\ntoolchain go1.22.0\n\nrequire (\n\texample.com/b v1.0.0 // indirect\n\texample.com/c/v2 v2.1.0\n)\nrequire example.com/d v0.0.0-20200101000000-abcdefabcdef\n";
        let s = read(f).expect("simple file");
        assert_eq!(s.module, "example.com/a");
        assert_eq!(s.go, "1.21");
        assert_eq!(s.require.len(), 3);
        assert!(agrees(f));
    }

    #[test]
    fn unusual_files_fall_back() {
        for f in [
            &b"module \"example.com/a\"\n"[..],
            b"module example.com/a\nexclude example.com/b v1.0.0\n",
            b"module example.com/a\nrequire example.com/b v1.0\n",
            b"module example.com/a\nrequire example.com/b/v2 v1.0.0\n",
            b"module example.com/a\ngo 1.21.4-foo\n",
            b"module example.com/a\nrequire (\n",
            b"module example.com/a\nmodule example.com/b\n",
            b"module example.com/a//x\n",
            b"module example.com/a\r\n",
            b"module example.com/a\nretract v1.0.0\n",
        ] {
            assert!(read(f).is_none(), "{}", String::from_utf8_lossy(f));
        }
    }

    #[test]
    fn lines_split_like_str_split() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "\n\na\n\nb\n\n",
            "module x\r\n",
        ] {
            let ours: Vec<&str> = super::lines(text).collect();
            let std: Vec<&str> = text.split('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    /// Version shapes near the plain-release shortcut read as the full parser reads them.
    #[test]
    fn version_shapes_agree() {
        for v in [
            "v1.0.0",
            "v0.10.20",
            "v01.0.0",
            "v1.00.0",
            "v1.0.0-pre",
            "v1.0.0+meta",
            "v1.0.0+incompatible",
            "v2.0.0+incompatible",
            "v2.0.0",
            "v1.0",
            "v1.0.0.0",
            "v1..0",
            "v0.0.0-20200101000000-abcdefabcdef",
            "1.0.0",
            "v",
            "v1.0.0-",
        ] {
            for path in [
                "example.com/b",
                "example.com/b/v2",
                "gopkg.in/b.v1",
                "gopkg.in/b.v2",
            ] {
                let f = format!("module example.com/a\nrequire {path} {v}\n");
                assert!(agrees(f.as_bytes()), "{f}");
            }
        }
        assert!(read(b"module example.com/a\nrequire example.com/b v01.0.0\n").is_none());
        for v in ["v1.2.3", "v0.0.0", "v10.20.30"] {
            assert!(super::is_plain_release(v), "{v}");
        }
        for v in [
            "v1.2", "v1.2.3.4", "v1..3", "v1.2.", "v.1.2", "v01.2.3", "v1.02.3", "v1.2.03",
            "1.2.3", "v1.2.3-x",
        ] {
            assert!(!super::is_plain_release(v), "{v}");
        }
        assert!(read(b"module example.com/a /* x */\n").is_none());
        assert!(read(b"*module example.com/a\n").is_none());
        assert!(read(b"module example.com/a\nrequire example.com/b v1.0.0 x\n").is_none());
        for f in [
            &b"module example.com/a\nrequire example.com/b v1.0.0// c\n"[..],
            b"module example.com/a //c\n\t// only a comment\nrequire example.com/b v1.0.0 //c\n",
            b"module example.com/a\nrequire ( // c\n example.com/b v1.0.0\n) // d\n",
            b"module example.com/a\nrequire example.com/b/ v1.0.0\n",
            b"module example.com/a\nrequire example.com/b v1.0.0;\n",
            b"module example.com/a\nrequire (example.com/b v1.0.0)\n",
            b"module example.com/a\n/ /\n",
        ] {
            assert!(agrees(f), "{}", String::from_utf8_lossy(f));
        }
    }

    /// Real go.mod files from the shared corpus (`../shared/corpus` beside the workspace: its
    /// directories and the go.mod sections of its `real/*.txtar` bundles): whatever the fast
    /// reader accepts, it reads like the full parser. Fails when the corpus is missing.
    #[test]
    fn corpus_files_agree() {
        let root = gomod_test_support::corpus::corpus_dir();
        let mut stack = vec![root.clone()];
        let (mut files, mut bundled) = (0, 0);
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                if p.is_dir() {
                    stack.push(p);
                } else if name.as_deref() == Some("go.mod") {
                    let data = std::fs::read(&p).unwrap_or_default();
                    assert!(agrees(&data), "{}", p.display());
                    files += 1;
                } else if name.as_deref().is_some_and(|n| n.ends_with(".txtar")) {
                    let data = std::fs::read(&p).unwrap_or_default();
                    for f in crate::bundle::txtar::parse(&data).files {
                        if f.name == "go.mod" || f.name.ends_with("/go.mod") {
                            assert!(agrees(&f.data), "{}: {}", p.display(), f.name);
                            bundled += 1;
                        }
                    }
                }
            }
        }
        assert!(
            files >= 30 && bundled >= 300,
            "{files} go.mod files, {bundled} in bundles"
        );
    }
}
