//! Meaning carried by comments: `// indirect` on requirements, the rationale of retractions and
//! the `Deprecated:` paragraph of the module line.

use crate::syntax::text::{fields, trim_prefix, trim_space};
use crate::syntax::{Comments, Line};

/// Go's `isIndirect`: the first end-of-line comment, without `//`, is exactly the word
/// `indirect`, or starts with the word `indirect;` followed by more words.
pub(crate) fn is_indirect(line: &Line) -> bool {
    let Some(first) = line.comments.suffix.first() else {
        return false;
    };
    let words = fields(trim_prefix(&first.token, b"//"));
    match words.as_slice() {
        [only] => *only == b"indirect",
        [head, _, ..] => *head == b"indirect;",
        [] => false,
    }
}

/// Go's `parseDirectiveComment`: the text of the line's comments (before, then end-of-line), or
/// of its block's comments when the line has none; one line per comment, `//` and surrounding
/// space removed, blank markers skipped.
pub(crate) fn directive_comment(block: Option<&Comments>, line: &Line) -> Vec<u8> {
    let own = &line.comments;
    let comments = match block {
        Some(b) if own.before.is_empty() && own.suffix.is_empty() => b,
        _ => own,
    };
    let mut lines: Vec<&[u8]> = Vec::new();
    for c in comments.before.iter().chain(comments.suffix.iter()) {
        if let Some(text) = c.token.strip_prefix(b"//") {
            lines.push(trim_space(text));
        }
    }
    lines.join(&b'\n')
}

/// The deprecation message in a module line's comment text: the first paragraph that starts with
/// `Deprecated:` (Go's `(?s)(?:^|\n\n)Deprecated: *(.*?)(?:$|\n\n)`), without that prefix and the
/// spaces after it, up to the end of the paragraph.
#[allow(
    clippy::indexing_slicing,
    reason = "the count of leading spaces is at most the length of the slice it counted in"
)]
pub(crate) fn deprecation(text: &[u8]) -> Option<&[u8]> {
    const MARK: &[u8] = b"Deprecated:";
    let start = (0..=text.len()).find_map(|i| {
        let after = if i == 0 {
            0
        } else {
            let sep = text.get(i - 1..i + 1)?;
            if sep != b"\n\n" {
                return None;
            }
            i + 1
        };
        text.get(after..)?
            .starts_with(MARK)
            .then_some(after + MARK.len())
    })?;
    let rest = text.get(start..)?;
    let rest = &rest[rest.iter().take_while(|&&b| b == b' ').count()..];
    let end = crate::syntax::text::find(rest, b"\n\n").unwrap_or(rest.len());
    rest.get(..end)
}

#[cfg(test)]
mod tests {
    use super::deprecation;

    #[test]
    fn deprecation_paragraphs() {
        let d =
            |t: &str| deprecation(t.as_bytes()).map(|b| String::from_utf8_lossy(b).into_owned());
        assert_eq!(
            d("Deprecated: use v2.\nMore.\n\nOther."),
            Some("use v2.\nMore.".into())
        );
        assert_eq!(d("intro\n\nDeprecated:   x"), Some("x".into()));
        assert_eq!(d("intro\nDeprecated: x"), None);
        assert_eq!(d("deprecated: x"), None);
        assert_eq!(d("Deprecated:"), Some("".into()));
        assert_eq!(d("a\n\n\nDeprecated: y\n\n"), Some("y".into()));
    }
}
