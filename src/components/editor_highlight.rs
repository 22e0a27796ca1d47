//! Syntax colouring and diagnostic underlines for the editor's overlay. Deliberately shallow: it
//! colours words by their shape (directive keywords, versions, hashes, comments, strings,
//! operators) in go.mod, go.sum, go.work, modules.txt and graph files alike; the core does the
//! real parsing.

use std::ops::Range;

use gomod::check::Severity;
use yew::prelude::*;

/// Above this size the editor shows plain text: colouring every character of a huge paste would
/// make typing slow.
pub const MAX_HIGHLIGHTED_BYTES: usize = 256 * 1024;

const KEYWORDS: &[&str] = &[
    "module",
    "go",
    "toolchain",
    "godebug",
    "require",
    "replace",
    "exclude",
    "retract",
    "tool",
    "ignore",
    "use",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Token {
    Plain,
    Keyword,
    Version,
    Hash,
    Comment,
    Str,
    Operator,
}

impl Token {
    fn class(self) -> &'static str {
        match self {
            Token::Plain => "",
            Token::Keyword => "tok-keyword",
            Token::Version => "tok-version",
            Token::Hash => "tok-hash",
            Token::Comment => "tok-comment",
            Token::Str => "tok-string",
            Token::Operator => "tok-operator",
        }
    }
}

/// The tokens of one line, as byte ranges within it.
fn tokens(line: &str) -> Vec<(Range<usize>, Token)> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut first_word = true;
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(b' ');
        if b == b' ' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        if line
            .get(i..)
            .is_some_and(|r| r.starts_with("//") || r.starts_with('#'))
        {
            out.push((i..bytes.len(), Token::Comment));
            break;
        }
        if b == b'"' || b == b'`' {
            let end = line
                .get(i + 1..)
                .and_then(|r| r.find(b as char))
                .map_or(bytes.len(), |e| i + 1 + e + 1);
            out.push((i..end, Token::Str));
            i = end;
            first_word = false;
            continue;
        }
        let end = line
            .get(i..)
            .and_then(|r| r.find([' ', '\t', '\r']))
            .map_or(bytes.len(), |e| i + e);
        let word = line.get(i..end).unwrap_or("");
        let kind = if word == "=>" || word == "(" || word == ")" {
            Token::Operator
        } else if first_word && KEYWORDS.contains(&word) {
            Token::Keyword
        } else if word.starts_with("h1:") {
            Token::Hash
        } else if is_version(word) {
            Token::Version
        } else {
            Token::Plain
        };
        out.push((i..end, kind));
        first_word = false;
        i = end;
    }
    out
}

fn is_version(word: &str) -> bool {
    let w = word.strip_prefix("go").unwrap_or(word);
    let w = w.strip_prefix('v').unwrap_or(w);
    w.starts_with(|c: char| c.is_ascii_digit()) && w.contains('.')
        || word.contains('@') && !word.starts_with('@')
}

/// A diagnostic's place in the file being shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub bytes: Range<usize>,
    pub severity: Severity,
    /// 1-based line of the mark's start.
    pub line: u32,
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "squiggle-error",
        Severity::Warning => "squiggle-warning",
        Severity::Info => "squiggle-info",
    }
}

/// The overlay's content. The lines in `window` (0-based line indexes) are [`Line`]s with the
/// diagnostic ranges that touch them (an empty range underlines the rest of its line, so every
/// finding is visible); the lines before and after it are one plain text node each, which take
/// exactly the same room in the `pre`. A 600-line go.mod is then a hundred small components
/// instead of thousands of spans, and the overlay still scrolls with the text area. Lines are
/// components with comparable props, so a keystroke re-renders only the line it changed.
pub fn render(text: &str, marks: &[Mark], window: Range<usize>) -> Html {
    let mut lines = Vec::new();
    let mut offset = 0usize;
    // Where the first line of the window starts and where the first line after it starts.
    let (mut first_byte, mut after_byte) = (None, None);
    for (index, line) in text.split('\n').enumerate() {
        let start = offset;
        offset += line.len() + 1;
        if index < window.start {
            continue;
        }
        if index >= window.end {
            after_byte = Some(start);
            break;
        }
        first_byte.get_or_insert(start);
        let end = start + line.len();
        let local: Vec<LineMark> = marks
            .iter()
            .filter_map(|m| {
                let (s, e) = if m.bytes.is_empty() {
                    (m.bytes.start, end.max(m.bytes.start + 1))
                } else {
                    (m.bytes.start, m.bytes.end)
                };
                (s <= end && e > start).then(|| LineMark {
                    range: s.saturating_sub(start).min(line.len())..(e - start).min(line.len()),
                    severity: m.severity,
                })
            })
            .collect();
        lines.push(html! {
            <Line key={index} text={AttrValue::from(line.to_owned())} marks={local} />
        });
    }
    // Every line ends in a newline in the overlay, the last one too, like [`Line`] draws them.
    let before = match first_byte {
        Some(b) => text.get(..b).unwrap_or("").to_owned(),
        None => format!("{text}\n"),
    };
    let after = after_byte
        .and_then(|b| text.get(b..))
        .map(|rest| format!("{rest}\n"))
        .unwrap_or_default();
    html! { <>{ before }<>{ for lines }</>{ after }</> }
}

/// A diagnostic's range within one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineMark {
    pub range: Range<usize>,
    pub severity: Severity,
}

#[derive(Properties, PartialEq)]
pub struct LineProps {
    pub text: AttrValue,
    pub marks: Vec<LineMark>,
}

/// One line as coloured runs, underlined where diagnostics point, ending in a newline.
#[function_component]
pub fn Line(props: &LineProps) -> Html {
    let line: &str = &props.text;
    let mut cuts: Vec<usize> = vec![0, line.len()];
    let toks = tokens(line);
    for (r, _) in &toks {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    for m in &props.marks {
        cuts.push(m.range.start);
        cuts.push(m.range.end);
    }
    cuts.retain(|&c| line.is_char_boundary(c));
    gomod::sort::sort(&mut cuts);
    cuts.dedup();
    let mut runs = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = match pair {
            [a, b] => (*a, *b),
            _ => continue,
        };
        let piece = line.get(a..b).unwrap_or("");
        let token = toks
            .iter()
            .find(|(r, _)| r.start <= a && b <= r.end)
            .map_or(Token::Plain, |(_, t)| *t);
        let squiggle = props
            .marks
            .iter()
            .filter(|m| m.range.start <= a && b <= m.range.end && m.range.start < m.range.end)
            .map(|m| m.severity)
            .min()
            .map(severity_class);
        let class = classes!(token.class(), squiggle);
        if class.is_empty() {
            runs.push(html! { { piece.to_owned() } });
        } else {
            runs.push(html! { <span {class}>{ piece.to_owned() }</span> });
        }
    }
    html! { <>{ for runs }{ "\n" }</> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_classified_by_shape() {
        let kinds: Vec<Token> = tokens("require example.com/x v1.2.3 // indirect")
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(
            kinds,
            vec![Token::Keyword, Token::Plain, Token::Version, Token::Comment]
        );
        let sum: Vec<Token> = tokens("example.com/x v1.2.3/go.mod h1:abc=")
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(sum, vec![Token::Plain, Token::Version, Token::Hash]);
    }
}
