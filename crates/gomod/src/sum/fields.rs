//! Go's `strings.Fields` on raw bytes, returning byte ranges so callers can keep positions.
//!
//! The go command splits go.sum and vendor/modules.txt lines with `strings.Fields`, which breaks a
//! string at runs of Unicode white space (`unicode.IsSpace`). Bytes that are not valid UTF-8 are
//! decoded by Go as U+FFFD, which is not a space, so they simply stay inside their field.

use std::ops::Range;

use crate::syntax::utf8::decode_rune;

/// Whether `c` is white space for Go's `unicode.IsSpace`.
pub(crate) use crate::syntax::unicode::is_space as is_go_space;

/// The byte ranges of the white-space separated fields of `line`, in order.
pub(crate) fn fields(line: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(4);
    out.extend(FieldRanges { line, at: 0 });
    out
}

/// The byte ranges of the fields of `line`, one by one (see [`fields`]).
pub(crate) fn field_ranges(line: &[u8]) -> FieldRanges<'_> {
    FieldRanges { line, at: 0 }
}

pub(crate) struct FieldRanges<'a> {
    line: &'a [u8],
    /// Where the search for the next field starts.
    at: usize,
}

impl Iterator for FieldRanges<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let mut field_start: Option<usize> = None;
        while let Some(rest) = self.line.get(self.at..) {
            // Printable ASCII (and DEL) is never a space: skip such a run in one go.
            let plain = rest
                .iter()
                .position(|&b| !matches!(b, b'!'..=0x7F))
                .unwrap_or(rest.len());
            if plain > 0 {
                field_start.get_or_insert(self.at);
                self.at += plain;
                continue;
            }
            let Some(&b) = rest.first() else { break };
            // An invalid byte decodes to U+FFFD, which is not a space.
            let (space, width) = if b.is_ascii() {
                (matches!(b, b'\t'..=b'\r' | b' '), 1)
            } else {
                let (r, width) = decode_rune(rest);
                (is_go_space(r), width.max(1))
            };
            if space {
                if let Some(start) = field_start {
                    let field = start..self.at;
                    self.at += width;
                    return Some(field);
                }
            } else {
                field_start.get_or_insert(self.at);
            }
            self.at += width;
        }
        let start = field_start?;
        self.at = self.line.len();
        Some(start..self.line.len())
    }
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
