//! The go.mod lexer: bytes in, tokens out, with one token of look-ahead exactly like Go's
//! `modfile` reader (the position of some parser errors depends on that look-ahead).

use super::position::{Error, Position};
use super::quote::quote_rune;
use super::text::trim_space;
use super::tree::Comment;
use super::unicode::{is_print, is_space};
use super::utf8::decode_rune;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Eof,
    /// An end-of-line comment; it ends the line it is on (its newline is part of it).
    EolComment,
    Ident,
    String,
    /// A comment alone on its line (its newline is part of it).
    Comment,
    Newline,
    /// One of `( ) [ ] { } ,`.
    Punct(u8),
}

impl TokenKind {
    pub(crate) fn is_eol(self) -> bool {
        matches!(
            self,
            TokenKind::Eof | TokenKind::EolComment | TokenKind::Newline
        )
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub pos: Position,
    pub end_pos: Position,
    /// Where the token's text is in the input (comments without their final newline).
    pub text: std::ops::Range<usize>,
}

impl Token {
    fn eof() -> Token {
        Token {
            kind: TokenKind::Eof,
            pos: Position::START,
            end_pos: Position::START,
            text: 0..0,
        }
    }
}

const SLASH_COMMENT_ERROR: &str = "mod files must use // comments (not /* */ comments)";

/// For each ASCII byte, whether it is an identifier character: printable, not a space, not one
/// of the punctuation tokens.
#[allow(
    clippy::indexing_slicing,
    reason = "a const table of 128 entries indexed by ASCII bytes, evaluated while compiling"
)]
const ASCII_IDENT: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = b'!';
    while b <= b'~' {
        table[b as usize] = !matches!(b, b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',');
        b += 1;
    }
    table
};

/// Go's `isIdent`: printable, non-space runes other than ` ( ) [ ] { } ,`.
#[inline]
fn is_ident(r: char) -> bool {
    if r.is_ascii() {
        return ASCII_IDENT.get(r as usize).copied().unwrap_or(false);
    }
    !is_space(r) && is_print(r)
}

pub(crate) struct Lexer<'a> {
    file: &'a str,
    data: &'a [u8],
    /// The current input position (just after the look-ahead token once it is read).
    pub(crate) pos: Position,
    token_start: usize,
    /// The look-ahead token.
    token: Token,
    /// Every end-of-line comment, in source order, for later attachment.
    pub(crate) suffix_comments: Vec<Comment>,
}

impl<'a> Lexer<'a> {
    /// A lexer over `data` with the first token already read.
    pub(crate) fn new(file: &'a str, data: &'a [u8]) -> Result<Lexer<'a>, Error> {
        let mut lx = Lexer {
            file,
            data,
            pos: Position::START,
            token_start: 0,
            token: Token::eof(),
            suffix_comments: Vec::new(),
        };
        lx.read_token()?;
        Ok(lx)
    }

    /// The text of a token read by this lexer.
    pub(crate) fn text(&self, tok: &Token) -> Vec<u8> {
        self.data.get(tok.text.clone()).unwrap_or_default().to_vec()
    }

    pub(crate) fn file(&self) -> &'a str {
        self.file
    }

    /// An error at the current input position.
    pub(crate) fn error(&self, message: impl Into<String>) -> Error {
        Error::new(self.file, self.pos, message)
    }

    /// The kind of the next token.
    pub(crate) fn peek(&self) -> TokenKind {
        self.token.kind
    }

    /// Returns the next token and reads the one after it.
    pub(crate) fn lex(&mut self) -> Result<Token, Error> {
        let tok = std::mem::replace(&mut self.token, Token::eof());
        self.read_token()?;
        Ok(tok)
    }

    /// Moves past `n` ASCII bytes that contain no newline.
    #[inline]
    fn advance_ascii(&mut self, n: usize) {
        self.pos.byte += n;
        self.pos.line_rune = self
            .pos
            .line_rune
            .saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
    }

    #[inline]
    fn remaining(&self) -> &'a [u8] {
        self.data.get(self.pos.byte..).unwrap_or_default()
    }

    fn eof(&self) -> bool {
        self.remaining().is_empty()
    }

    /// The next rune without consuming it (NUL at end of input, as in Go).
    #[inline]
    fn peek_rune(&self) -> char {
        let rest = self.remaining();
        if rest.is_empty() {
            return '\0';
        }
        decode_rune(rest).0
    }

    /// Whether the remaining input starts with `/` followed by `second` (`//` or `/*`).
    fn peek_slash(&self, second: u8) -> bool {
        let rest = self.remaining();
        rest.first() == Some(&b'/') && rest.get(1) == Some(&second)
    }

    #[inline]
    fn read_rune(&mut self) -> char {
        let (r, width) = decode_rune(self.remaining());
        if width == 0 {
            return '\0';
        }
        if r == '\n' {
            self.pos.line = self.pos.line.saturating_add(1);
            self.pos.line_rune = 1;
        } else {
            self.pos.line_rune = self.pos.line_rune.saturating_add(1);
        }
        self.pos.byte += width;
        r
    }

    /// Consumes the rest of the line including its newline (or the rest of the input).
    fn skip_past_newline(&mut self) {
        match self.remaining().iter().position(|&b| b == b'\n') {
            // Whatever the runes before it, the position after a newline is column 1 of the
            // next line.
            Some(i) => {
                self.pos.byte += i + 1;
                self.pos.line = self.pos.line.saturating_add(1);
                self.pos.line_rune = 1;
            }
            None => {
                while !self.eof() {
                    self.read_rune();
                }
            }
        }
    }

    fn start_token(&mut self) {
        self.token_start = self.pos.byte;
        self.token.pos = self.pos;
    }

    fn end_token(&mut self, kind: TokenKind) {
        let start = self.token_start;
        let mut end = self.pos.byte;
        if matches!(kind, TokenKind::Comment | TokenKind::EolComment) {
            // Only one trailing newline goes: "\r\n" or "\n".
            let text = self.data.get(start..end).unwrap_or_default();
            if text.ends_with(b"\r\n") {
                end -= 2;
            } else if text.ends_with(b"\n") {
                end -= 1;
            }
        }
        self.token.kind = kind;
        self.token.text = start..end.max(start);
        self.token.end_pos = self.pos;
    }

    fn read_token(&mut self) -> Result<(), Error> {
        // Skip spaces, tabs and carriage returns; hand comments over as tokens.
        while let Some(&b) = self.remaining().first() {
            if matches!(b, b' ' | b'\t' | b'\r') {
                self.advance_ascii(1);
                continue;
            }
            if self.peek_slash(b'/') {
                self.start_token();
                // A comment is a whole-line comment when only white space precedes it on its line.
                let before = self.data.get(..self.pos.byte).unwrap_or_default();
                let line_start = before
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let is_suffix =
                    !trim_space(before.get(line_start..).unwrap_or_default()).is_empty();
                self.advance_ascii(2);
                self.skip_past_newline();
                if !is_suffix {
                    self.end_token(TokenKind::Comment);
                    return Ok(());
                }
                self.end_token(TokenKind::EolComment);
                self.suffix_comments.push(Comment {
                    start: self.token.pos,
                    token: self.text(&self.token),
                    suffix: true,
                });
                return Ok(());
            }
            if self.peek_slash(b'*') {
                return Err(self.error(SLASH_COMMENT_ERROR));
            }
            break;
        }

        self.start_token();
        if self.eof() {
            self.end_token(TokenKind::Eof);
            return Ok(());
        }

        let c = self.peek_rune();
        match c {
            '\n' | '(' | ')' | '[' | ']' | '{' | '}' | ',' => {
                self.read_rune();
                let kind = if c == '\n' {
                    TokenKind::Newline
                } else {
                    TokenKind::Punct(c as u8)
                };
                self.end_token(kind);
                return Ok(());
            }
            '"' | '`' => {
                let quote = c;
                self.read_rune();
                loop {
                    if self.eof() {
                        self.pos = self.token.pos;
                        return Err(self.error("unexpected EOF in string"));
                    }
                    if self.peek_rune() == '\n' {
                        return Err(self.error("unexpected newline in string"));
                    }
                    let r = self.read_rune();
                    if r == quote {
                        break;
                    }
                    if r == '\\' && quote != '`' {
                        if self.eof() {
                            self.pos = self.token.pos;
                            return Err(self.error("unexpected EOF in string"));
                        }
                        self.read_rune();
                    }
                }
                self.end_token(TokenKind::String);
                return Ok(());
            }
            _ => {}
        }

        if !is_ident(c) {
            return Err(self.error(format!("unexpected input character {}", quote_rune(c))));
        }
        loop {
            let rest = self.remaining();
            // ASCII fast path: a run of identifier bytes other than `/` needs no decoding and
            // holds no newline.
            let n = rest
                .iter()
                .position(|&b| {
                    b == b'/' || !ASCII_IDENT.get(usize::from(b)).copied().unwrap_or(false)
                })
                .unwrap_or(rest.len());
            self.advance_ascii(n);
            match rest.get(n) {
                None => break,
                Some(b'/') => match rest.get(n + 1) {
                    Some(b'/') => break,
                    Some(b'*') => return Err(self.error(SLASH_COMMENT_ERROR)),
                    _ => self.advance_ascii(1),
                },
                // Not an identifier byte.
                Some(&b) if b < 0x80 => break,
                Some(_) => {
                    let (r, width) = decode_rune(rest.get(n..).unwrap_or_default());
                    if !is_ident(r) {
                        break;
                    }
                    self.pos.byte += width;
                    self.pos.line_rune = self.pos.line_rune.saturating_add(1);
                }
            }
        }
        self.end_token(TokenKind::Ident);
        Ok(())
    }
}
