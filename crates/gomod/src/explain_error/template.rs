//! Message templates: go's format strings written with named holes, and the matcher that fills
//! the holes from one line of text.
//!
//! A template such as `{module}@{version}: missing go.sum entry for go.mod file; to add it:` is
//! literal text with holes `{name}`. Matching is anchored at both ends and never backtracks: a
//! hole takes the text up to the first occurrence of the literal that follows it (or the rest of
//! the line when it ends the template), and the value must then satisfy the hole's kind (see
//! [`accepts`]). So one match costs time linear in the line's length.

/// One piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Literal(&'static str),
    Hole(&'static str),
}

/// The pieces of a template, read as they are needed (matching runs for every line of a paste,
/// so it allocates nothing). A `{` without a closing `}` is literal text.
#[derive(Clone)]
struct Pieces {
    rest: &'static str,
}

impl Iterator for Pieces {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        if self.rest.is_empty() {
            return None;
        }
        let hole = self.rest.find('{').and_then(|open| {
            let after = self.rest.get(open + 1..)?;
            after.find('}').map(|close| (open, close))
        });
        match hole {
            Some((0, close)) => {
                let name = self.rest.get(1..close + 1).unwrap_or_default();
                self.rest = self.rest.get(close + 2..).unwrap_or_default();
                Some(Piece::Hole(name))
            }
            Some((open, _)) => {
                let literal = self.rest.get(..open).unwrap_or_default();
                self.rest = self.rest.get(open..).unwrap_or_default();
                Some(Piece::Literal(literal))
            }
            None => {
                let literal = self.rest;
                self.rest = "";
                Some(Piece::Literal(literal))
            }
        }
    }
}

fn pieces(template: &'static str) -> Pieces {
    Pieces { rest: template }
}

/// Whether the longest literal of `template` occurs in `text`: a quick test, once per line, that
/// rules out most templates before they are tried at each position of the line.
pub(crate) fn could_match(template: &'static str, text: &str) -> bool {
    let longest = pieces(template)
        .filter_map(|piece| match piece {
            Piece::Literal(literal) => Some(literal),
            Piece::Hole(_) => None,
        })
        .fold("", |a, b| if b.len() > a.len() { b } else { a });
    text.contains(longest)
}

/// The names of a template's holes, in order (the catalogue tests check texts against them).
#[cfg(test)]
pub(crate) fn hole_names(template: &'static str) -> Vec<&'static str> {
    pieces(template)
        .filter_map(|p| match p {
            Piece::Hole(name) => Some(name),
            Piece::Literal(_) => None,
        })
        .collect()
}

/// The holes whose value is one token of go's output (no white space).
fn is_token(name: &str) -> bool {
    let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
    matches!(
        base,
        "module"
            | "package"
            | "importer"
            | "target"
            | "version"
            | "line"
            | "go"
            | "running"
            | "toolchain"
            | "url"
            | "hash"
            | "file"
            | "platform"
            | "query"
            | "directive"
    )
}

/// Whether `value` is acceptable for the hole `name`. Names that denote one token of go's output
/// (a module path, a version, a package, a URL) exclude white space, so that a hole never
/// swallows a prefix such as `go: ` or a file position; free text (`message`, `detail`, `dir`)
/// takes anything but the empty string.
fn accepts(name: &str, value: &str) -> bool {
    if value.is_empty() {
        return false;
    }
    let token = !value.chars().any(char::is_whitespace);
    if is_token(name) && !token {
        return false;
    }
    let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
    match base {
        "module" | "package" | "importer" | "target" => token && !value.contains('@'),
        "version" => token && !value.contains('@') && !value.contains('/'),
        "line" => value.bytes().all(|b| b.is_ascii_digit()),
        "go" | "running" | "toolchain" => {
            token
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        }
        "url" | "hash" | "file" | "platform" | "query" | "directive" => token,
        // Free text: messages, rationales, directories (which may hold spaces on Windows).
        _ => true,
    }
}

/// At most this many holes are read from one template (the catalogue's have at most six).
const MAX_HOLES: usize = 8;

/// The holes' values when `text` matches `template` in full, in the template's order.
pub(crate) fn match_template(
    template: &'static str,
    text: &str,
) -> Option<Vec<(&'static str, String)>> {
    // The values are byte ranges of `text` until the whole template has matched.
    let mut holes: [(&'static str, usize, usize); MAX_HOLES] = [("", 0, 0); MAX_HOLES];
    let mut hole_count = 0usize;
    let mut pos = 0usize;
    let mut pieces = pieces(template).peekable();
    while let Some(piece) = pieces.next() {
        let rest = text.get(pos..)?;
        match piece {
            Piece::Literal(literal) => {
                if !rest.starts_with(literal) {
                    return None;
                }
                pos += literal.len();
            }
            Piece::Hole(name) => {
                let value = match pieces.peek().copied() {
                    Some(Piece::Literal(next)) => {
                        // A one-token hole ends at the first white space, so the literal after
                        // it is only looked for up to there: a long line is not scanned once per
                        // template.
                        let region = if is_token(name) {
                            let limit = rest.find(char::is_whitespace).unwrap_or(rest.len());
                            rest.get(..(limit + next.len()).min(rest.len()))?
                        } else {
                            rest
                        };
                        let end = region.find(next)?;
                        rest.get(..end)?
                    }
                    // Two holes in a row are not written in templates; a hole at the end takes
                    // the rest of the line.
                    _ => rest,
                };
                if !accepts(name, value) {
                    return None;
                }
                if let Some(slot) = holes.get_mut(hole_count) {
                    *slot = (name, pos, pos + value.len());
                    hole_count += 1;
                }
                pos += value.len();
            }
        }
    }
    if pos != text.len() {
        return None;
    }
    Some(
        holes
            .get(..hole_count)
            .unwrap_or_default()
            .iter()
            .map(|&(name, start, end)| (name, text.get(start..end).unwrap_or_default().to_owned()))
            .collect(),
    )
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_take_the_text_up_to_the_next_literal() {
        let got = match_template(
            "{module}@{version}: missing go.sum entry for go.mod file; to add it:",
            "example.com/x@v1.0.0: missing go.sum entry for go.mod file; to add it:",
        );
        assert_eq!(
            got,
            Some(vec![
                ("module", "example.com/x".to_owned()),
                ("version", "v1.0.0".to_owned())
            ])
        );
    }

    #[test]
    fn a_token_hole_refuses_white_space_and_the_match_is_anchored() {
        let template = "{module}@{version}: missing go.sum entry for go.mod file; to add it:";
        assert_eq!(
            match_template(
                template,
                "go: example.com/x@v1.0.0: missing go.sum entry for go.mod file; to add it:"
            ),
            None
        );
        assert_eq!(
            match_template(
                template,
                "example.com/x@v1.0.0: missing go.sum entry for go.mod file; to add it: more"
            ),
            None
        );
    }

    #[test]
    fn a_final_hole_takes_the_rest_and_an_empty_value_fails() {
        assert_eq!(
            match_template(
                "module {module} is deprecated: {message}",
                "module a is deprecated: x: y"
            ),
            Some(vec![
                ("module", "a".to_owned()),
                ("message", "x: y".to_owned())
            ])
        );
        assert_eq!(
            match_template(
                "module {module} is deprecated: {message}",
                "module a is deprecated: "
            ),
            None
        );
    }

    #[test]
    fn every_catalogue_template_fits_the_hole_limit() {
        for kind in super::super::CATALOGUE {
            for t in kind.heads.iter().chain(kind.required).chain(kind.details) {
                assert!(hole_names(t).len() <= MAX_HOLES, "{t}");
            }
        }
    }

    #[test]
    fn could_match_needs_the_longest_literal() {
        let t = "{module}@{version}: missing go.sum entry for go.mod file";
        assert!(could_match(
            t,
            "go: a@v1: missing go.sum entry for go.mod file"
        ));
        assert!(!could_match(t, "go: a@v1: missing go.sum entry"));
    }

    #[test]
    fn an_unclosed_brace_is_literal() {
        assert_eq!(match_template("a {b", "a {b"), Some(vec![]));
        assert_eq!(hole_names("{a} and {b2} {"), vec!["a", "b2"]);
    }
}
