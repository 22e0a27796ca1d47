//! The go.mod parser: statements, blocks and comment placement, following Go's `modfile` reader
//! rule for rule (including which errors are fatal and where they are reported).

use super::lexer::{Lexer, Token, TokenKind};
use super::position::{Error, Position};
use super::tree::{Comment, CommentBlock, Comments, FileSyntax, Line, LineBlock, Paren, Stmt};

/// Parses `data` into a syntax tree. Lexical and syntax errors are fatal: the first one is
/// returned. `file` names the file in error messages.
pub fn parse(file: &str, data: &[u8]) -> Result<FileSyntax, Error> {
    let mut parser = Parser {
        lx: Lexer::new(file, data)?,
        out: FileSyntax::new(file),
    };
    parser.parse_file()?;
    let suffix_comments = std::mem::take(&mut parser.lx.suffix_comments);
    let mut out = parser.out;
    super::comments::assign_suffix_comments(&mut out, suffix_comments);
    Ok(out)
}

struct Parser<'a> {
    lx: Lexer<'a>,
    out: FileSyntax,
}

impl Parser<'_> {
    fn parse_file(&mut self) -> Result<(), Error> {
        // Whole-line comments seen since the last blank line, not yet given to anything.
        let mut pending: Option<CommentBlock> = None;
        loop {
            match self.lx.peek() {
                TokenKind::Newline => {
                    self.lx.lex()?;
                    if let Some(cb) = pending.take() {
                        self.out.stmts.push(Stmt::Comments(cb));
                    }
                }
                TokenKind::Comment => {
                    let tok = self.lx.lex()?;
                    let cb = pending.get_or_insert_with(|| CommentBlock {
                        comments: Comments::default(),
                        start: tok.pos,
                    });
                    cb.comments.before.push(Comment {
                        start: tok.pos,
                        token: self.lx.text(&tok),
                        suffix: false,
                    });
                }
                TokenKind::Eof => {
                    if let Some(cb) = pending.take() {
                        self.out.stmts.push(Stmt::Comments(cb));
                    }
                    return Ok(());
                }
                _ => {
                    self.parse_stmt()?;
                    // Comments directly above a statement (no blank line) belong to it.
                    if let Some(cb) = pending.take() {
                        if let Some(stmt) = self.out.stmts.last_mut() {
                            stmt.comments_mut().before = cb.comments.before;
                        }
                    }
                }
            }
        }
    }

    fn new_line(&mut self, start: Position, tokens: Vec<Vec<u8>>, end: Position) -> Line {
        Line {
            id: self.out.new_line_id(),
            comments: Comments::default(),
            start,
            tokens,
            end,
        }
    }

    fn parse_stmt(&mut self) -> Result<(), Error> {
        let first = self.lx.lex()?;
        let start = first.pos;
        let mut end = first.end_pos;
        let mut tokens = Vec::with_capacity(4);
        tokens.push(self.lx.text(&first));
        loop {
            let tok = self.lx.lex()?;
            if tok.kind.is_eol() {
                let line = self.new_line(start, tokens, end);
                self.out.stmts.push(Stmt::Line(line));
                return Ok(());
            }
            if tok.kind == TokenKind::Punct(b'(') {
                let next = self.lx.peek();
                if next.is_eol() {
                    // `verb (` at the end of a line opens a block.
                    let block = self.parse_line_block(start, tokens, &tok)?;
                    self.out.stmts.push(Stmt::Block(block));
                    return Ok(());
                }
                if next == TokenKind::Punct(b')') {
                    let rparen = self.lx.lex()?;
                    if self.lx.peek().is_eol() {
                        // `verb ()`: an empty block.
                        self.lx.lex()?;
                        self.out.stmts.push(Stmt::Block(LineBlock {
                            comments: Comments::default(),
                            start,
                            lparen: Paren {
                                comments: Comments::default(),
                                pos: tok.pos,
                            },
                            tokens,
                            lines: Vec::new(),
                            rparen: Paren {
                                comments: Comments::default(),
                                pos: rparen.pos,
                            },
                        }));
                        return Ok(());
                    }
                    // `( )` in the middle of a line: ordinary tokens (the line's end is not moved).
                    tokens.push(self.lx.text(&tok));
                    tokens.push(self.lx.text(&rparen));
                } else {
                    tokens.push(self.lx.text(&tok));
                }
                continue;
            }
            tokens.push(self.lx.text(&tok));
            end = tok.end_pos;
        }
    }

    fn parse_line_block(
        &mut self,
        start: Position,
        tokens: Vec<Vec<u8>>,
        lparen: &Token,
    ) -> Result<LineBlock, Error> {
        let mut block = LineBlock {
            comments: Comments::default(),
            start,
            lparen: Paren {
                comments: Comments::default(),
                pos: lparen.pos,
            },
            tokens,
            lines: Vec::new(),
            rparen: Paren::default(),
        };
        let mut pending: Vec<Comment> = Vec::new();
        loop {
            match self.lx.peek() {
                TokenKind::EolComment => {
                    // Attached later, with the other end-of-line comments.
                    self.lx.lex()?;
                }
                TokenKind::Newline => {
                    // A blank line: remember it with an empty comment, at most one in a row and
                    // none right after the `(`.
                    self.lx.lex()?;
                    let record = match pending.last() {
                        None => !block.lines.is_empty(),
                        Some(last) => !last.is_blank_marker(),
                    };
                    if record {
                        pending.push(Comment::default());
                    }
                }
                TokenKind::Comment => {
                    let tok = self.lx.lex()?;
                    pending.push(Comment {
                        start: tok.pos,
                        token: self.lx.text(&tok),
                        suffix: false,
                    });
                }
                TokenKind::Eof => {
                    return Err(self.lx.error(format!(
                        "syntax error (unterminated block started at {}:{}:{})",
                        self.lx.file(),
                        block.start.line,
                        block.start.line_rune
                    )));
                }
                TokenKind::Punct(b')') => {
                    let rparen = self.lx.lex()?;
                    // A lone blank line before the `)` is not kept.
                    if pending.len() == 1 && pending.first() == Some(&Comment::default()) {
                        pending.clear();
                    }
                    block.rparen.comments.before = pending;
                    block.rparen.pos = rparen.pos;
                    if !self.lx.peek().is_eol() {
                        return Err(self
                            .lx
                            .error("syntax error (expected newline after closing paren)"));
                    }
                    self.lx.lex()?;
                    return Ok(block);
                }
                _ => {
                    let mut line = self.parse_block_line()?;
                    line.comments.before = std::mem::take(&mut pending);
                    block.lines.push(line);
                }
            }
        }
    }

    fn parse_block_line(&mut self) -> Result<Line, Error> {
        let first = self.lx.lex()?;
        if first.kind.is_eol() {
            return Err(self
                .lx
                .error("internal parse error: parseLine at end of line"));
        }
        let start = first.pos;
        let mut end = first.end_pos;
        let mut tokens = Vec::with_capacity(4);
        tokens.push(self.lx.text(&first));
        loop {
            let tok = self.lx.lex()?;
            if tok.kind.is_eol() {
                return Ok(self.new_line(start, tokens, end));
            }
            tokens.push(self.lx.text(&tok));
            end = tok.end_pos;
        }
    }
}
