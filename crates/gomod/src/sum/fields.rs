//! Go's `strings.Fields` on raw bytes, returning byte ranges so callers can keep positions.
//!
//! The go command splits go.sum and vendor/modules.txt lines with `strings.Fields`, which breaks a
//! string at runs of Unicode white space (`unicode.IsSpace`). Bytes that are not valid UTF-8 are
//! decoded by Go as U+FFFD, which is not a space, so they simply stay inside their field.

use std::ops::Range;

/// Whether `c` is white space for Go's `unicode.IsSpace`: the Latin-1 spaces
/// (`\t \n \v \f \r`, space, U+0085, U+00A0) and the other characters with the Unicode
/// White_Space property.
pub(crate) fn is_go_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\u{0B}'
            | '\u{0C}'
            | '\r'
            | ' '
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// The byte ranges of the white-space separated fields of `line`, in order.
pub(crate) fn fields(line: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut field_start: Option<usize> = None;
    let mut offset = 0usize;
    for chunk in line.utf8_chunks() {
        for (index, c) in chunk.valid().char_indices() {
            let at = offset + index;
            if is_go_space(c) {
                if let Some(start) = field_start.take() {
                    out.push(start..at);
                }
            } else if field_start.is_none() {
                field_start = Some(at);
            }
        }
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() && field_start.is_none() {
            field_start = Some(offset);
        }
        offset += chunk.invalid().len();
    }
    if let Some(start) = field_start {
        out.push(start..line.len());
    }
    out
}

/// Go's `strings.TrimSpace` on a string: removes leading and trailing `unicode.IsSpace` runes.
pub(crate) fn trim_go_space(s: &str) -> &str {
    s.trim_matches(is_go_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &[u8]) -> Vec<Vec<u8>> {
        fields(line)
            .into_iter()
            .map(|r| line.get(r).unwrap_or_default().to_vec())
            .collect()
    }

    #[test]
    fn splits_on_unicode_space_and_keeps_invalid_bytes() {
        assert_eq!(texts(b""), Vec::<Vec<u8>>::new());
        assert_eq!(texts(b" \t\r "), Vec::<Vec<u8>>::new());
        assert_eq!(
            texts(b" a  b\tc\r"),
            vec![b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]
        );
        assert_eq!(
            texts("a\u{A0}b\u{3000}c".as_bytes()),
            vec![b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]
        );
        assert_eq!(
            texts(b"\xffa \xfe"),
            vec![b"\xffa".to_vec(), b"\xfe".to_vec()]
        );
        // U+200B (zero width space) is not White_Space in Go's tables.
        assert_eq!(texts("a\u{200B}b".as_bytes()).len(), 1);
    }
}
