//! Positions and byte ranges in file contents: line/column spans for diagnostics, whole-line
//! ranges for deleting a line, and the bytes of one token on a line.

use std::ops::Range;

use super::Span;
use crate::syntax::utf8;

/// The span of `bytes` in `data` (clamped to the data; columns count UTF-8 characters, with an
/// invalid byte counting as one, as Go's decoder does).
pub(crate) fn span(data: &[u8], bytes: Range<usize>) -> Span {
    span_with(data, bytes, |at| {
        let before = data.get(..at).unwrap_or(data);
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i.saturating_add(1));
        let newlines = before.iter().filter(|&&b| b == b'\n').count();
        (newlines, line_start)
    })
}

/// A span, given a function that finds the 0-based line and the start of the line of an offset.
fn span_with(
    data: &[u8],
    bytes: Range<usize>,
    mut line_of: impl FnMut(usize) -> (usize, usize),
) -> Span {
    let end = bytes.end.min(data.len());
    let start = bytes.start.min(end);
    let mut line_column = |at: usize| {
        let (line, line_start) = line_of(at);
        let column = chars_in(data.get(line_start..at).unwrap_or_default());
        (
            to_u32(line.saturating_add(1)),
            to_u32(column.saturating_add(1)),
        )
    };
    let (line, column) = line_column(start);
    let (end_line, end_column) = line_column(end);
    Span {
        line,
        column,
        end_line,
        end_column,
        bytes: start..end,
    }
}

/// The number of UTF-8 characters in `text` (an invalid byte counts as one).
fn chars_in(text: &[u8]) -> usize {
    let mut chars = 0usize;
    let mut rest = text;
    while !rest.is_empty() {
        let (_, size) = utf8::decode_rune(rest);
        rest = rest.get(size.max(1)..).unwrap_or_default();
        chars = chars.saturating_add(1);
    }
    chars
}

/// The line starts of the bundle's files, each built the first time a finding in that file needs
/// a span: a kubernetes-scale bundle has hundreds of findings in a few large files, and
/// counting the lines before each one from the start of its file was a third of the analysis.
///
/// A file is recognised by its bytes' address and length. That is sound because the index
/// borrows every file it knows for as long as it lives, so no other data can occupy those bytes
/// meanwhile; data that is not one of them gets its span the slow way.
pub(crate) struct LineIndexes<'b> {
    files: Vec<(&'b [u8], Option<Vec<usize>>)>,
}

impl<'b> LineIndexes<'b> {
    pub(crate) fn new(files: impl IntoIterator<Item = &'b [u8]>) -> LineIndexes<'b> {
        LineIndexes {
            files: files.into_iter().map(|data| (data, None)).collect(),
        }
    }

    /// The same as [`span`], through the file's line index when `data` is one of the files.
    pub(crate) fn span(&mut self, data: &[u8], bytes: Range<usize>) -> Span {
        let known = self.files.iter_mut().find(|(file, _)| {
            std::ptr::eq(file.as_ptr(), data.as_ptr()) && file.len() == data.len()
        });
        let Some((file, starts)) = known else {
            return span(data, bytes);
        };
        let starts = starts.get_or_insert_with(|| line_starts(file));
        span_with(data, bytes, |at| {
            // The last line start at or before `at` (there is always one: 0).
            let line = starts.partition_point(|&s| s <= at).saturating_sub(1);
            (line, starts.get(line).copied().unwrap_or(0))
        })
    }
}

/// The offsets where lines start: 0, and after every `\n`.
fn line_starts(data: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            data.iter()
                .enumerate()
                .filter(|(_, &b)| b == b'\n')
                .map(|(i, _)| i.saturating_add(1)),
        )
        .collect()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The byte range of the whole line containing offset `at`, including its terminating `\n`
/// (deleting it removes the line without leaving a blank one).
pub(crate) fn whole_line(data: &[u8], at: usize) -> Range<usize> {
    let at = at.min(data.len());
    let start = data
        .get(..at)
        .and_then(|b| b.iter().rposition(|&c| c == b'\n'))
        .map_or(0, |i| i.saturating_add(1));
    let end = data
        .get(at..)
        .and_then(|b| b.iter().position(|&c| c == b'\n'))
        .map_or(data.len(), |i| at.saturating_add(i).saturating_add(1));
    start..end
}

/// The byte range of the line containing offset `at`, without its `\n` (for spans).
pub(crate) fn line_content(data: &[u8], at: usize) -> Range<usize> {
    let range = whole_line(data, at);
    let end = if data.get(range.end.saturating_sub(1)) == Some(&b'\n') && range.end > range.start {
        range.end.saturating_sub(1)
    } else {
        range.end
    };
    range.start..end
}

/// The byte range of the `index`-th whitespace-separated token within `range` of `data`
/// (quoted strings count as one token; `//` starts a comment that ends the tokens).
pub(crate) fn token_in(data: &[u8], range: Range<usize>, index: usize) -> Option<Range<usize>> {
    let text = data.get(range.clone())?;
    let mut i = 0usize;
    let mut found = 0usize;
    while i < text.len() {
        let c = *text.get(i)?;
        if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
            continue;
        }
        if text.get(i..i.saturating_add(2)) == Some(b"//") {
            return None;
        }
        let start = i;
        if c == b'"' || c == b'`' {
            i += 1;
            while i < text.len() && text.get(i) != Some(&c) {
                if c == b'"' && text.get(i) == Some(&b'\\') {
                    i += 1;
                }
                i += 1;
            }
            i = i.saturating_add(1).min(text.len());
        } else {
            while i < text.len() && !matches!(text.get(i), Some(b' ' | b'\t' | b'\r')) {
                i += 1;
            }
        }
        if found == index {
            return Some(range.start.saturating_add(start)..range.start.saturating_add(i));
        }
        found += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_characters_and_lines() {
        let data = "ab\ncé d\n".as_bytes();
        let s = span(data, 3..data.len());
        assert_eq!((s.line, s.column, s.end_line, s.end_column), (2, 1, 3, 1));
        let s = span(data, 7..8);
        assert_eq!((s.line, s.column, s.end_line, s.end_column), (2, 4, 2, 5));
        assert_eq!(whole_line(data, 4), 3..data.len());
        assert_eq!(line_content(data, 4), 3..data.len() - 1);
    }

    #[test]
    fn indexed_spans_agree_with_scanned_ones() {
        let data: &[u8] = b"ab\nc\xc3\xa9 d\n\n\xffx\nlast";
        let other = data.to_vec();
        let mut index = LineIndexes::new([data]);
        for start in 0..=data.len() + 1 {
            for end in start..=data.len() + 1 {
                assert_eq!(index.span(data, start..end), span(data, start..end));
                // A copy of the bytes at another address is not the indexed file.
                assert_eq!(index.span(&other, start..end), span(&other, start..end));
            }
        }
    }

    #[test]
    fn tokens_skip_space_and_stop_at_comments() {
        let data = b"\trequire \"a b\" v1 // c\n";
        assert_eq!(token_in(data, 0..data.len(), 1), Some(9..14));
        assert_eq!(token_in(data, 0..data.len(), 2), Some(15..17));
        assert_eq!(token_in(data, 0..data.len(), 3), None);
    }
}
