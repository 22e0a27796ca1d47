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

/// Splits a template into literals and holes. A `{` without a closing `}` is literal text.
fn pieces(template: &'static str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        match rest.find('{') {
            Some(open) => {
                let after = rest.get(open + 1..).unwrap_or_default();
                match after.find('}') {
                    Some(close) => {
                        if open > 0 {
                            out.push(Piece::Literal(rest.get(..open).unwrap_or_default()));
                        }
                        out.push(Piece::Hole(after.get(..close).unwrap_or_default()));
                        rest = after.get(close + 1..).unwrap_or_default();
                    }
                    None => {
                        out.push(Piece::Literal(rest));
                        rest = "";
                    }
                }
            }
            None => {
                out.push(Piece::Literal(rest));
                rest = "";
            }
        }
    }
    out
}

/// The names of a template's holes, in order (the catalogue tests check texts against them).
#[cfg(test)]
pub(crate) fn hole_names(template: &'static str) -> Vec<&'static str> {
    pieces(template)
        .into_iter()
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

/// The holes' values when `text` matches `template` in full, in the template's order.
pub(crate) fn match_template(
    template: &'static str,
    text: &str,
) -> Option<Vec<(&'static str, String)>> {
    let pieces = pieces(template);
    let mut values = Vec::new();
    let mut pos = 0usize;
    let mut index = 0usize;
    while index < pieces.len() {
        let rest = text.get(pos..)?;
        match pieces.get(index).copied()? {
            Piece::Literal(literal) => {
                if !rest.starts_with(literal) {
                    return None;
                }
                pos += literal.len();
                index += 1;
            }
            Piece::Hole(name) => {
                let value = match pieces.get(index + 1).copied() {
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
                values.push((name, value.to_owned()));
                pos += value.len();
                index += 1;
            }
        }
    }
    (pos == text.len()).then_some(values)
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
    fn an_unclosed_brace_is_literal() {
        assert_eq!(match_template("a {b", "a {b"), Some(vec![]));
        assert_eq!(hole_names("{a} and {b2} {"), vec!["a", "b2"]);
    }
}
