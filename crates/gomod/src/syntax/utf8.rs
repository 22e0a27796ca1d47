//! UTF-8 decoding with Go's rules: input is a byte string, and every byte that does not start a
//! valid encoding decodes as U+FFFD with a width of one byte. Rust's `str` cannot hold such
//! input, so the go.mod reader works on bytes and decodes rune by rune through these helpers.

/// The rune Go substitutes for an invalid encoding (`utf8.RuneError`).
pub const RUNE_ERROR: char = '\u{FFFD}';

/// Decodes the first rune of `s` like Go's `utf8.DecodeRune`: returns the rune and its width in
/// bytes, `(U+FFFD, 1)` for an invalid or truncated encoding and `(U+FFFD, 0)` for empty input.
pub fn decode_rune(s: &[u8]) -> (char, usize) {
    let Some(&b0) = s.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (char::from(b0), 1);
    }
    // The accepted range of the second byte depends on the first one; this rules out overlong
    // forms, surrogates and code points above U+10FFFF exactly as Go's acceptance table does.
    let (width, second_lo, second_hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return (RUNE_ERROR, 1),
    };
    let Some(encoded) = s.get(..width) else {
        return (RUNE_ERROR, 1);
    };
    let second_ok = encoded
        .get(1)
        .is_some_and(|&b| (second_lo..=second_hi).contains(&b));
    let rest_ok = encoded.iter().skip(2).all(|&b| (0x80..=0xBF).contains(&b));
    if !second_ok || !rest_ok {
        return (RUNE_ERROR, 1);
    }
    match std::str::from_utf8(encoded)
        .ok()
        .and_then(|t| t.chars().next())
    {
        Some(c) => (c, width),
        None => (RUNE_ERROR, 1),
    }
}

/// Decodes the last rune of `s` like Go's `utf8.DecodeLastRune`.
pub fn decode_last_rune(s: &[u8]) -> (char, usize) {
    let n = s.len();
    if n == 0 {
        return (RUNE_ERROR, 0);
    }
    // A rune is at most four bytes long: look back for the byte that starts it.
    let lower = n.saturating_sub(4);
    let mut start = n - 1;
    while start > lower && s.get(start).is_some_and(|&b| b & 0xC0 == 0x80) {
        start -= 1;
    }
    let tail = s.get(start..).unwrap_or_default();
    let (r, width) = decode_rune(tail);
    if start + width != n {
        return (RUNE_ERROR, 1);
    }
    (r, width)
}

/// Iterates over `s` as Go's `for _, r := range s` does: `(byte offset, rune, width)`.
pub fn runes(s: &[u8]) -> impl Iterator<Item = (usize, char, usize)> + '_ {
    let mut offset = 0;
    std::iter::from_fn(move || {
        let rest = s.get(offset..)?;
        if rest.is_empty() {
            return None;
        }
        let (r, width) = decode_rune(rest);
        let at = offset;
        offset += width;
        Some((at, r, width))
    })
}

/// Converts a Go byte string to a Rust string the way Go's `for range` sees it: each byte of an
/// invalid encoding becomes one U+FFFD. (Rust's `from_utf8_lossy` would merge some invalid
/// sequences into a single replacement character, which Go never does.)
pub fn to_string_lossy(s: &[u8]) -> String {
    if let Ok(valid) = std::str::from_utf8(s) {
        return valid.to_owned();
    }
    runes(s).map(|(_, r, _)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_go() {
        assert_eq!(decode_rune(b"a"), ('a', 1));
        assert_eq!(decode_rune("é".as_bytes()), ('é', 2));
        assert_eq!(decode_rune("😀x".as_bytes()), ('😀', 4));
        assert_eq!(decode_rune(b"\xa0b"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xe2\x82"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xed\xa0\x80"), (RUNE_ERROR, 1)); // surrogate
        assert_eq!(decode_rune(b"\xc0\x80"), (RUNE_ERROR, 1)); // overlong
        assert_eq!(decode_rune(b"\xf4\x90\x80\x80"), (RUNE_ERROR, 1)); // > U+10FFFF
        assert_eq!(decode_rune(b""), (RUNE_ERROR, 0));
        assert_eq!(decode_last_rune("aé".as_bytes()), ('é', 2));
        assert_eq!(decode_last_rune(b"a\xa9"), (RUNE_ERROR, 1));
        assert_eq!(decode_last_rune(b"\x80\x80\x80\x80\x80"), (RUNE_ERROR, 1));
        assert_eq!(to_string_lossy(b"a\xe2\x82b"), "a\u{FFFD}\u{FFFD}b");
    }
}
