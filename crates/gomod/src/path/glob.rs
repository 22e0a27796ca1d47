//! Glob patterns over module paths: Go's `path.Match` and golang.org/x/mod/module's
//! `MatchPrefixPatterns`, which the go command uses for GOPRIVATE, GONOPROXY, GONOSUMDB and
//! GOINSECURE (`*.corp.example.com,github.com/org/*`).
//!
//! `path.Match` works on bytes and decodes a rune only for `?` and `[...]`, so it is written over
//! `&[u8]` here as well; a malformed pattern (`[`, `[a-]`, a trailing `\`) is an error even when
//! the mismatch is already certain, which is why the remaining chunks are still scanned.

/// Go's `path.ErrBadPattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadPattern;

impl std::fmt::Display for BadPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("syntax error in pattern")
    }
}

impl std::error::Error for BadPattern {}

const RUNE_ERROR: u32 = 0xFFFD;

/// Go's `utf8.DecodeRune`: the first rune and its length; `(U+FFFD, 1)` for an invalid
/// sequence and `(U+FFFD, 0)` for empty input.
fn decode_rune(s: &[u8]) -> (u32, usize) {
    let head = s.get(..s.len().min(4)).unwrap_or_default();
    match head.utf8_chunks().next() {
        Some(chunk) if !chunk.valid().is_empty() => {
            let c = chunk.valid().chars().next().unwrap_or('\u{fffd}');
            (c as u32, c.len_utf8())
        }
        Some(_) => (RUNE_ERROR, 1),
        None => (RUNE_ERROR, 0),
    }
}

fn rest(s: &[u8], n: usize) -> &[u8] {
    s.get(n..).unwrap_or_default()
}

/// Splits off the next chunk: leading stars, then everything up to the next star outside `[...]`.
#[allow(
    clippy::indexing_slicing,
    reason = "every index is checked against the length in the loop condition first"
)]
fn scan_chunk(mut pattern: &[u8]) -> (bool, &[u8], &[u8]) {
    let mut star = false;
    while pattern.first() == Some(&b'*') {
        pattern = rest(pattern, 1);
        star = true;
    }
    let mut in_range = false;
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            b'\\' if i + 1 < pattern.len() => i += 1,
            b'[' => in_range = true,
            b']' => in_range = false,
            b'*' if !in_range => return (star, &pattern[..i], &pattern[i..]),
            _ => {}
        }
        i += 1;
    }
    (star, pattern, b"")
}

/// One character of a `[...]` class, possibly escaped.
fn get_esc(chunk: &[u8]) -> Result<(u32, &[u8]), BadPattern> {
    let mut chunk = chunk;
    match chunk.first() {
        None | Some(b'-') | Some(b']') => return Err(BadPattern),
        Some(b'\\') => {
            chunk = rest(chunk, 1);
            if chunk.is_empty() {
                return Err(BadPattern);
            }
        }
        Some(_) => {}
    }
    let (r, n) = decode_rune(chunk);
    let next = rest(chunk, n);
    if (r == RUNE_ERROR && n == 1) || next.is_empty() {
        return Err(BadPattern);
    }
    Ok((r, next))
}

/// Matches a star-free chunk against the start of `s`; the unmatched rest on success.
fn match_chunk<'a>(chunk: &[u8], s: &'a [u8]) -> Result<Option<&'a [u8]>, BadPattern> {
    let mut chunk = chunk;
    let mut s = s;
    // Once the match has failed, the rest of the chunk is still parsed to report bad syntax.
    let mut failed = false;
    while let Some(&c) = chunk.first() {
        failed = failed || s.is_empty();
        match c {
            b'[' => {
                let mut r = 0;
                if !failed {
                    let (decoded, n) = decode_rune(s);
                    r = decoded;
                    s = rest(s, n);
                }
                chunk = rest(chunk, 1);
                let negated = chunk.first() == Some(&b'^');
                if negated {
                    chunk = rest(chunk, 1);
                }
                let mut matched = false;
                let mut ranges = 0;
                loop {
                    if chunk.first() == Some(&b']') && ranges > 0 {
                        chunk = rest(chunk, 1);
                        break;
                    }
                    let (lo, after) = get_esc(chunk)?;
                    chunk = after;
                    let mut hi = lo;
                    if chunk.first() == Some(&b'-') {
                        let (h, after) = get_esc(rest(chunk, 1))?;
                        hi = h;
                        chunk = after;
                    }
                    matched = matched || (lo <= r && r <= hi);
                    ranges += 1;
                }
                failed = failed || matched == negated;
            }
            b'?' => {
                if !failed {
                    failed = s.first() == Some(&b'/');
                    let (_, n) = decode_rune(s);
                    s = rest(s, n);
                }
                chunk = rest(chunk, 1);
            }
            _ => {
                if c == b'\\' {
                    chunk = rest(chunk, 1);
                    if chunk.is_empty() {
                        return Err(BadPattern);
                    }
                }
                if !failed {
                    failed = chunk.first() != s.first();
                    s = rest(s, 1);
                }
                chunk = rest(chunk, 1);
            }
        }
    }
    Ok(if failed { None } else { Some(s) })
}

/// Go's `path.Match`: whether `name` matches the shell pattern (`*` and `?` do not match `/`).
#[allow(
    clippy::indexing_slicing,
    reason = "every index is checked against the length in the loop condition first"
)]
pub fn match_pattern(pattern: &str, name: &str) -> Result<bool, BadPattern> {
    let mut pattern = pattern.as_bytes();
    let mut name = name.as_bytes();
    'pattern: while !pattern.is_empty() {
        let (star, chunk, after) = scan_chunk(pattern);
        pattern = after;
        if star && chunk.is_empty() {
            // A trailing star matches the rest of the name unless it holds a slash.
            return Ok(!name.contains(&b'/'));
        }
        let first = match_chunk(chunk, name);
        if let Ok(Some(t)) = first {
            if t.is_empty() || !pattern.is_empty() {
                name = t;
                continue;
            }
        }
        first?;
        if star {
            // Let the star absorb one more byte at a time, never crossing a slash.
            let mut i = 0;
            while i < name.len() && name[i] != b'/' {
                if let Some(t) = match_chunk(chunk, rest(name, i + 1))? {
                    if !pattern.is_empty() || t.is_empty() {
                        name = t;
                        continue 'pattern;
                    }
                }
                i += 1;
            }
        }
        // No match; still report a syntax error in the rest of the pattern.
        while !pattern.is_empty() {
            let (_, chunk, after) = scan_chunk(pattern);
            pattern = after;
            match_chunk(chunk, b"")?;
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

/// Go's `module.MatchPrefixPatterns`: whether any comma-separated glob matches a prefix of
/// `target` with as many path elements as the glob has. Empty globs and trailing slashes are
/// ignored; malformed globs never match.
pub fn match_prefix_patterns(globs: &str, target: &str) -> bool {
    for glob in globs.split(',') {
        let glob = glob.strip_suffix('/').unwrap_or(glob);
        if glob.is_empty() {
            continue;
        }
        let mut slashes = glob.matches('/').count();
        let mut prefix = target;
        for (i, b) in target.bytes().enumerate() {
            if b == b'/' {
                if slashes == 0 {
                    prefix = &target[..i];
                    break;
                }
                slashes -= 1;
            }
        }
        if slashes > 0 {
            continue;
        }
        if match_pattern(glob, prefix) == Ok(true) {
            return true;
        }
    }
    false
}
