//! Hostile inputs for the no-panic tests: random bytes, soups of go.mod tokens, version-like and
//! path-like strings, and mutations of real files (truncation, bit flips, inserted tokens, deleted
//! and duplicated ranges, very long lines, deep bracket nesting).

use crate::rng::Rng;

/// Bytes with no structure at all; half the time limited to printable ASCII plus line breaks, so
/// that the lexer gets past its first character more often.
pub fn random_bytes(rng: &mut Rng, max_len: usize) -> Vec<u8> {
    let len = rng.below(max_len + 1);
    let ascii = rng.chance(50);
    (0..len)
        .map(|_| {
            if ascii {
                rng.pick(b" \t\r\n()[]{},\"`\\/=>.-+abcvx019:@~")
            } else {
                rng.next_u64() as u8
            }
        })
        .collect()
}

const TOKENS: &[&str] = &[
    "module",
    "go",
    "toolchain",
    "godebug",
    "require",
    "exclude",
    "replace",
    "retract",
    "tool",
    "ignore",
    "use",
    "(",
    ")",
    "[",
    "]",
    ",",
    "=>",
    "//",
    "// indirect",
    "/*",
    "\"",
    "`",
    "\n",
    "\r\n",
    " ",
    "\t",
    "example.com/a",
    "example.com/a/v2",
    "gopkg.in/yaml.v2",
    "./dir",
    "../x",
    "C:\\x",
    "v1.0.0",
    "v1.2",
    "v2.0.0+incompatible",
    "v0.0.0-20200101000000-abcdefabcdef",
    "1.21",
    "1.21rc1",
    "go1.22.0",
    "default=go1.21",
    "\"quoted\"",
    "\"\\x41\"",
    "\"\\q\"",
    "# example.com/a v1.0.0",
    "## explicit; go 1.21",
    "## workspace",
    "-- file --",
    "h1:",
    "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "/go.mod",
    "\u{feff}",
    "\u{a0}",
    "é",
    "\u{0}",
    "\u{7f}",
    "v99999999999999999999999.0.0",
    "=",
    "@",
    "!",
    "~",
];

/// A random sequence of go.mod / go.sum / modules.txt / txtar tokens.
pub fn token_soup(rng: &mut Rng, max_tokens: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(max_tokens + 1) {
        out.extend_from_slice(rng.pick(TOKENS).as_bytes());
        if rng.chance(60) {
            out.push(b' ');
        }
    }
    out
}

/// A string shaped like a version: `v` (usually), numbers (sometimes enormous), dots, a
/// pre-release and build part, pseudo-version timestamps, `+incompatible`.
pub fn version_like(rng: &mut Rng) -> String {
    let mut s = String::new();
    if !rng.chance(10) {
        s.push('v');
    }
    for i in 0..rng.range(1, 4) {
        if i > 0 {
            s.push('.');
        }
        s.push_str(&number(rng));
    }
    if rng.chance(30) {
        s.push('-');
        for i in 0..rng.range(1, 3) {
            if i > 0 {
                s.push('.');
            }
            match rng.below(4) {
                0 => s.push_str(&number(rng)),
                1 => s.push_str("rc"),
                2 => s.push_str("20200101000000"),
                _ => s.push_str("abcdefabcdef"),
            }
        }
    }
    if rng.chance(20) {
        s.push_str(rng.pick(&["+incompatible", "+meta", "+", "+a.b"]));
    }
    if rng.chance(10) {
        s.push_str(rng.pick(&["go", "rc1", "beta", "x", "é", "\u{0}"]));
    }
    s
}

fn number(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => "0".into(),
        1 => "01".into(),
        2 => "99999999999999999999999999999999".into(),
        3 => "".into(),
        _ => rng.below(30).to_string(),
    }
}

/// A string shaped like a module, import or file path.
pub fn path_like(rng: &mut Rng) -> String {
    let mut s = String::new();
    for i in 0..rng.range(1, 5) {
        if i > 0 {
            s.push('/');
        }
        let element = rng.pick(&[
            "example.com",
            "a",
            "A",
            "v2",
            "v0",
            "v1",
            "yaml.v2",
            ".",
            "..",
            "",
            "x~1",
            "-x",
            "con",
            "COM1",
            "a.",
            "é",
            "日本",
            "a b",
            "!a",
            "a@b",
            "a:b",
            "a\\b",
            "\u{0}",
            "gopkg.in",
        ]);
        s.push_str(element);
    }
    s
}

/// One random mutation of `data`.
pub fn mutate(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    let mut out = data.to_vec();
    for _ in 0..rng.range(1, 4) {
        let at = rng.below(out.len() + 1);
        match rng.below(16) {
            0 | 9 | 10 => out.truncate(at),
            1 | 11 | 12 => {
                if let Some(b) = out.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            2 | 13 | 14 => {
                let token = rng.pick(TOKENS).as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            3 => {
                let end = (at + rng.range(1, 64)).min(out.len());
                out.drain(at..end);
            }
            4 => {
                let end = (at + rng.range(1, 256)).min(out.len());
                let copy: Vec<u8> = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
            5 => {
                // A very long line.
                let filler: &[u8] = rng.pick(&[&b"a"[..], b" ", b"\t", b"v1.", b"//", b"\xff"]);
                let n = rng.range(1_000, 5_000) / filler.len();
                let long: Vec<u8> = filler
                    .iter()
                    .copied()
                    .cycle()
                    .take(n * filler.len())
                    .collect();
                out.splice(at..at, long);
            }
            6 => {
                // Deep nesting / many blocks.
                let unit: &[u8] =
                    rng.pick(&[&b"("[..], b"(\n", b"require (\n", b"[", b")\n", b"{"]);
                let n = rng.range(100, 600);
                let deep: Vec<u8> = unit.iter().copied().cycle().take(n * unit.len()).collect();
                out.splice(at..at, deep);
            }
            7 | 15 => {
                let b = rng.pick(&[0u8, b'\r', b'\n', 0xff, 0xc3, 0xef, b'"', b'`', b'\\']);
                out.insert(at.min(out.len()), b);
            }
            _ => out
                .splice(0..0, b"\xef\xbb\xbf".iter().copied())
                .for_each(drop),
        }
    }
    out
}
