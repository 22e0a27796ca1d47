//! Go's `%q` quoting (`strconv.Quote` and `strconv.QuoteRune`), which the go command uses in
//! almost every error text that names a path or a version. Which characters are escaped depends
//! on Go's `unicode.IsPrint`, so the table comes from Go (see `unicode_tables`).

use super::unicode_tables::{LETTER, PRINT};

fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
pub fn is_print(c: char) -> bool {
    in_ranges(PRINT, c as u32)
}

/// Go's `unicode.IsLetter` (general category L).
pub fn is_letter(c: char) -> bool {
    in_ranges(LETTER, c as u32)
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut String, value: u32, digits: u32) {
    for shift in (0..digits).rev() {
        let nibble = (value >> (4 * shift)) & 0xF;
        out.push(char::from(
            HEX.get(nibble as usize).copied().unwrap_or(b'0'),
        ));
    }
}

fn push_escaped(out: &mut String, c: char, quote_char: char) {
    if c == quote_char || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if is_print(c) {
        out.push(c);
        return;
    }
    match c {
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        c if (c as u32) < 0x20 || c == '\u{7f}' => {
            out.push_str("\\x");
            push_hex(out, c as u32, 2);
        }
        c if (c as u32) < 0x10000 => {
            out.push_str("\\u");
            push_hex(out, c as u32, 4);
        }
        c => {
            out.push_str("\\U");
            push_hex(out, c as u32, 8);
        }
    }
}

/// `strconv.Quote(s)`: `s` in double quotes with Go escapes.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c, '"');
    }
    out.push('"');
    out
}

/// `strconv.Quote` of bytes that may not be UTF-8: each byte of an invalid sequence is written as
/// `\xNN`, exactly as Go does for a string holding those bytes.
pub fn quote_bytes(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 2);
    out.push('"');
    for chunk in b.utf8_chunks() {
        for c in chunk.valid().chars() {
            push_escaped(&mut out, c, '"');
        }
        for &byte in chunk.invalid() {
            out.push_str("\\x");
            push_hex(&mut out, u32::from(byte), 2);
        }
    }
    out.push('"');
    out
}

/// `strconv.QuoteRune(c)` (what `%q` prints for a rune): `c` in single quotes with Go escapes.
pub fn quote_rune(c: char) -> String {
    let mut out = String::with_capacity(6);
    out.push('\'');
    push_escaped(&mut out, c, '\'');
    out.push('\'');
    out
}
