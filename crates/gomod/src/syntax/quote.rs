//! Go string literals: `strconv.Unquote`, `strconv.Quote` (which the go command also uses in
//! almost every error text that names a path or a version), `QuoteRune`, and the go.mod rules
//! `MustQuote` / `AutoQuote` that decide when a path has to be written quoted.

use super::unicode::is_print;
use super::utf8::{decode_rune, RUNE_ERROR};

/// The only error `strconv.Unquote` reports; it displays as Go's `strconv.ErrSyntax`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnquoteError;

impl std::fmt::Display for UnquoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("invalid syntax")
    }
}

impl std::error::Error for UnquoteError {}

fn unhex(b: u8) -> Option<u32> {
    char::from(b).to_digit(16)
}

/// Decodes one character or escape sequence at the start of `s` inside a literal delimited by
/// `quote` (Go's `strconv.UnquoteChar`). Returns the value, whether it must be written as a
/// UTF-8 sequence (as opposed to a single raw byte, as `\xFF` is), and the rest of the input.
fn unquote_char(s: &[u8], quote: u8) -> Result<(u32, bool, &[u8]), UnquoteError> {
    let &c = s.first().ok_or(UnquoteError)?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return Err(UnquoteError);
    }
    if c >= 0x80 {
        let (r, width) = decode_rune(s);
        return Ok((u32::from(r), true, s.get(width..).unwrap_or_default()));
    }
    if c != b'\\' {
        return Ok((u32::from(c), false, s.get(1..).unwrap_or_default()));
    }
    let &esc = s.get(1).ok_or(UnquoteError)?;
    let rest = s.get(2..).unwrap_or_default();
    let simple = |v: u8| Ok((u32::from(v), false, rest));
    match esc {
        b'a' => simple(0x07),
        b'b' => simple(0x08),
        b'f' => simple(0x0C),
        b'n' => simple(b'\n'),
        b'r' => simple(b'\r'),
        b't' => simple(b'\t'),
        b'v' => simple(0x0B),
        b'\\' => simple(b'\\'),
        b'\'' | b'"' if esc == quote => simple(esc),
        b'x' | b'u' | b'U' => {
            let digits = match esc {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let hex = rest.get(..digits).ok_or(UnquoteError)?;
            let mut v: u32 = 0;
            for &h in hex {
                v = (v << 4) | unhex(h).ok_or(UnquoteError)?;
            }
            let rest = rest.get(digits..).unwrap_or_default();
            if esc == b'x' {
                return Ok((v, false, rest));
            }
            // Surrogates and values beyond U+10FFFF are not valid runes.
            if char::from_u32(v).is_none() {
                return Err(UnquoteError);
            }
            Ok((v, true, rest))
        }
        b'0'..=b'7' => {
            let more = rest.get(..2).ok_or(UnquoteError)?;
            let mut v = u32::from(esc - b'0');
            for &d in more {
                if !(b'0'..=b'7').contains(&d) {
                    return Err(UnquoteError);
                }
                v = (v << 3) | u32::from(d - b'0');
            }
            if v > 255 {
                return Err(UnquoteError);
            }
            Ok((v, false, rest.get(2..).unwrap_or_default()))
        }
        _ => Err(UnquoteError),
    }
}

fn push_rune(out: &mut Vec<u8>, r: u32) {
    let c = char::from_u32(r).unwrap_or(RUNE_ERROR);
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// Go's `strconv.Unquote`: interprets `s` as a double-quoted, single-quoted or back-quoted Go
/// literal and returns its value. The value is a byte string: `\xFF` yields a raw byte, while an
/// invalid byte written literally inside double quotes becomes U+FFFD, as in Go.
pub fn unquote(s: &[u8]) -> Result<Vec<u8>, UnquoteError> {
    let (&quote, body) = s.split_first().ok_or(UnquoteError)?;
    if s.len() < 2 || s.last() != Some(&quote) {
        return Err(UnquoteError);
    }
    let inner = body.get(..body.len().saturating_sub(1)).unwrap_or_default();
    match quote {
        b'`' => {
            if inner.contains(&b'`') {
                return Err(UnquoteError);
            }
            // Carriage returns inside raw literals are discarded from the value.
            Ok(inner.iter().copied().filter(|&b| b != b'\r').collect())
        }
        b'"' | b'\'' => {
            let mut out = Vec::with_capacity(inner.len());
            let mut rest = inner;
            let mut count = 0;
            while !rest.is_empty() {
                if rest.first() == Some(&b'\n') {
                    return Err(UnquoteError);
                }
                let (value, multibyte, tail) = unquote_char(rest, quote)?;
                if value < 0x80 || !multibyte {
                    out.push(u8::try_from(value).unwrap_or(0xFF));
                } else {
                    push_rune(&mut out, value);
                }
                rest = tail;
                count += 1;
            }
            if quote == b'\'' && count > 1 {
                return Err(UnquoteError);
            }
            Ok(out)
        }
        _ => Err(UnquoteError),
    }
}

const LOWER_HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut String, value: u32, digits: u32) {
    for shift in (0..digits).rev() {
        let nibble = (value >> (shift * 4)) & 0xF;
        out.push(char::from(
            LOWER_HEX.get(nibble as usize).copied().unwrap_or(b'0'),
        ));
    }
}

/// Go's `appendEscapedRune` for a valid rune `r` inside a literal delimited by `quote`.
fn push_escaped_rune(out: &mut String, r: char, quote: char) {
    if r == quote || r == '\\' {
        out.push('\\');
        out.push(r);
        return;
    }
    if is_print(r) {
        out.push(r);
        return;
    }
    match r {
        '\u{07}' => out.push_str("\\a"),
        '\u{08}' => out.push_str("\\b"),
        '\u{0C}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{0B}' => out.push_str("\\v"),
        _ => {
            let c = u32::from(r);
            if c < 0x20 || c == 0x7F {
                out.push_str("\\x");
                push_hex(out, c, 2);
            } else if c < 0x10000 {
                out.push_str("\\u");
                push_hex(out, c, 4);
            } else {
                out.push_str("\\U");
                push_hex(out, c, 8);
            }
        }
    }
}

/// Go's `strconv.Quote`: a double-quoted literal for the byte string `s`. Printable runes (Go's
/// `unicode.IsPrint`) are kept, others are escaped, and each invalid UTF-8 byte becomes `\xNN`.
/// Takes `&str` as well as bytes, since most callers quote paths and versions.
pub fn quote(s: impl AsRef<[u8]>) -> String {
    quote_bytes(s.as_ref())
}

fn quote_bytes(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut rest = s;
    while let Some(&b0) = rest.first() {
        let (r, width) = decode_rune(rest);
        if width == 1 && r == RUNE_ERROR {
            out.push_str("\\x");
            push_hex(&mut out, u32::from(b0), 2);
        } else {
            push_escaped_rune(&mut out, r, '"');
        }
        rest = rest.get(width.max(1)..).unwrap_or_default();
    }
    out.push('"');
    out
}

/// Go's `strconv.QuoteRune` (also what `%q` and `%#q` print for a rune).
pub fn quote_rune(r: char) -> String {
    let mut out = String::from("'");
    push_escaped_rune(&mut out, r, '\'');
    out.push('\'');
    out
}

/// Reports whether `s` has to be quoted to be read back as one go.mod token: it is empty,
/// contains a space, a quote character, a non-printable rune, `//` or `/*`, or it is longer than
/// one byte and contains one of the punctuation characters `( ) [ ] { } ,`.
pub fn must_quote(s: &[u8]) -> bool {
    // One pass over printable ASCII without spaces, the form of nearly every path and version;
    // anything else goes to the rune-by-rune rules.
    let mut punct = false;
    let mut prev = 0u8;
    for &b in s {
        match QUOTE_CLASS.get(usize::from(b)).copied().unwrap_or(OTHER) {
            PLAIN => {}
            SLASH_OR_STAR if prev == b'/' => return true,
            SLASH_OR_STAR => {}
            PUNCT => punct = true,
            QUOTE => return true,
            _ => return must_quote_runes(s),
        }
        prev = b;
    }
    s.is_empty() || (punct && s.len() > 1)
}

const PLAIN: u8 = 0;
const SLASH_OR_STAR: u8 = 1;
const PUNCT: u8 = 2;
const QUOTE: u8 = 3;
const OTHER: u8 = 4;

/// What each byte means to [`must_quote`]'s ASCII pass (`OTHER`: space, control or non-ASCII).
#[allow(
    clippy::indexing_slicing,
    reason = "a static table of 256 entries indexed by byte values, evaluated while compiling"
)]
static QUOTE_CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut b = b'!';
    while b <= b'~' {
        class[b as usize] = match b {
            b'/' | b'*' => SLASH_OR_STAR,
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' => PUNCT,
            b'"' | b'\'' | b'`' => QUOTE,
            _ => PLAIN,
        };
        b += 1;
    }
    class
};

/// [`must_quote`] for text with spaces, control characters or non-ASCII runes.
fn must_quote_runes(s: &[u8]) -> bool {
    for (_, r, _) in super::utf8::runes(s) {
        match r {
            ' ' | '"' | '\'' | '`' => return true,
            '(' | ')' | '[' | ']' | '{' | '}' | ',' => {
                if s.len() > 1 {
                    return true;
                }
            }
            _ => {
                if !is_print(r) {
                    return true;
                }
            }
        }
    }
    super::text::contains(s, b"//") || super::text::contains(s, b"/*")
}

/// `s` itself, or its Go quotation when [`must_quote`] says so.
pub fn auto_quote(s: &[u8]) -> Vec<u8> {
    if must_quote(s) {
        quote(s).into_bytes()
    } else {
        s.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquote_handles_escapes_and_errors() {
        assert_eq!(
            unquote(br#""a\tb\u0041\x41\101\"\\""#).unwrap(),
            b"a\tbAAA\"\\"
        );
        assert_eq!(unquote(br#""\xff""#).unwrap(), b"\xff");
        assert_eq!(unquote(b"\"\xff\"").unwrap(), "\u{FFFD}".as_bytes());
        assert_eq!(unquote(b"`a\rb`").unwrap(), b"ab");
        assert_eq!(unquote(b"'x'").unwrap(), b"x");
        for bad in [
            &b"\"\\q\""[..],
            b"\"",
            b"\"abc",
            b"\"\\ud800\"",
            b"\"\\400\"",
            b"\"\\'\"",
            b"'ab'",
            b"x",
            b"\"a\"b\"",
        ] {
            assert_eq!(
                unquote(bad),
                Err(UnquoteError),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn quote_matches_go() {
        assert_eq!(quote(b"a b"), "\"a b\"");
        assert_eq!(quote(b"\x07\x00\x7f\"\\"), r#""\a\x00\x7f\"\\""#);
        assert_eq!(
            quote("\u{a0}\u{feff}é\u{e0000}".as_bytes()),
            r#""\u00a0\ufeffé\U000e0000""#
        );
        assert_eq!(quote(b"\xa0"), r#""\xa0""#);
        assert_eq!(quote_rune('\u{0B}'), r"'\v'");
        assert_eq!(quote_rune('\''), r"'\''");
        assert_eq!(quote_rune('\u{feff}'), r"'\ufeff'");
    }

    #[test]
    fn must_quote_rules() {
        assert!(must_quote(b"") && must_quote(b"a b") && must_quote(b"a//b") && must_quote(b"a/*"));
        assert!(must_quote(b"(x") && !must_quote(b"(") && !must_quote(b"example.com/a"));
        assert!(must_quote("\u{a0}".as_bytes()) && !must_quote(b"\xa0"));
    }
}
