//! Go's `strings`/`bytes` helpers that the go.mod code relies on, working on byte strings with
//! Go's decoding rules (an invalid byte is U+FFFD, which is not a space).

use super::unicode::is_space;
use super::utf8::{decode_last_rune, decode_rune};

/// Go's `strings.TrimSpace`: strips leading and trailing Unicode white space.
pub fn trim_space(s: &[u8]) -> &[u8] {
    let mut start = 0;
    while let Some(rest) = s.get(start..) {
        let (r, width) = decode_rune(rest);
        if width == 0 || !is_space(r) {
            break;
        }
        start += width;
    }
    let mut end = s.len();
    while end > start {
        let (r, width) = decode_last_rune(s.get(start..end).unwrap_or_default());
        if width == 0 || !is_space(r) {
            break;
        }
        end -= width;
    }
    s.get(start..end).unwrap_or_default()
}

/// Go's `strings.Fields`: the non-empty runs of non-space runes.
pub fn fields(s: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut field_start: Option<usize> = None;
    let mut offset = 0;
    while let Some(rest) = s.get(offset..) {
        let (r, width) = decode_rune(rest);
        if width == 0 {
            break;
        }
        if is_space(r) {
            if let Some(start) = field_start.take() {
                out.push(s.get(start..offset).unwrap_or_default());
            }
        } else if field_start.is_none() {
            field_start = Some(offset);
        }
        offset += width;
    }
    if let Some(start) = field_start {
        out.push(s.get(start..).unwrap_or_default());
    }
    out
}

/// Go's `strings.TrimPrefix`.
pub fn trim_prefix<'a>(s: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// Go's `strings.Contains` for byte strings.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

/// The offset of the first occurrence of `needle` in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    // Check the first byte before comparing slices: the needles here are two or three bytes
    // long, and a slice comparison per position would cost a memcmp call each.
    haystack.iter().enumerate().find_map(|(i, &b)| {
        let tail = haystack.get(i + 1..i + 1 + rest.len())?;
        (b == first && tail == rest).then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_splits_like_go() {
        assert_eq!(trim_space(b" \t// x \r"), b"// x");
        assert_eq!(trim_space("\u{a0}x\u{3000}".as_bytes()), b"x");
        assert_eq!(trim_space(b"\xa0x"), b"\xa0x");
        assert_eq!(trim_space(b"  "), b"");
        assert_eq!(
            fields(b" indirect;  foo\tbar "),
            vec![&b"indirect;"[..], b"foo", b"bar"]
        );
        assert!(fields(b"  ").is_empty());
    }
}
