//! The go.mod printer (Go's `modfile.Format`): one blank line between top-level statements,
//! one tab of indentation per block level, comments trimmed and re-placed, output ending in
//! exactly one newline.

use super::text::trim_space;
use super::tree::{Comment, Comments, FileSyntax, Line, LineBlock, Paren, Stmt};

/// Formats a syntax tree. It prints what is in the tree: it neither sorts nor removes anything.
pub fn format(file: &FileSyntax) -> Vec<u8> {
    let mut p = Printer::default();
    p.file(file);
    let mut out = p.out;
    // Drop trailing blank lines: keep at most one final newline.
    while out.last() == Some(&b'\n') && (out.len() == 1 || out.get(out.len() - 2) == Some(&b'\n')) {
        out.pop();
    }
    out
}

#[derive(Default)]
struct Printer {
    out: Vec<u8>,
    /// End-of-line comments waiting for the end of the current line.
    pending: Vec<Comment>,
    /// Indentation, in tabs.
    margin: usize,
}

impl Printer {
    fn write(&mut self, s: &[u8]) {
        self.out.extend_from_slice(s);
    }

    fn write_comment(&mut self, c: &Comment) {
        let text = trim_space(&c.token).to_vec();
        self.write(&text);
    }

    fn indent_to_margin(&mut self) {
        for _ in 0..self.margin {
            self.out.push(b'\t');
        }
    }

    /// Bytes already written on the current line.
    fn column(&self) -> usize {
        self.out.iter().rev().take_while(|&&b| b != b'\n').count()
    }

    /// Removes spaces and tabs at the end of the current line.
    fn trim(&mut self) {
        while matches!(self.out.last(), Some(b' ' | b'\t')) {
            self.out.pop();
        }
    }

    /// Ends the current line, flushing pending end-of-line comments, and indents the next one.
    /// Never writes a blank line at the top of the output or a second blank line in a row.
    fn newline(&mut self) {
        if !self.pending.is_empty() {
            self.write(b" ");
            let pending = std::mem::take(&mut self.pending);
            for (i, c) in pending.iter().enumerate() {
                if i > 0 {
                    self.trim();
                    self.write(b"\n");
                    self.indent_to_margin();
                }
                self.write_comment(c);
            }
        }
        self.trim();
        let n = self.out.len();
        let at_top = n == 0;
        let after_blank =
            n >= 2 && self.out.get(n - 1) == Some(&b'\n') && self.out.get(n - 2) == Some(&b'\n');
        if !at_top && !after_blank {
            self.write(b"\n");
        }
        self.indent_to_margin();
    }

    fn file(&mut self, f: &FileSyntax) {
        for c in &f.comments.before {
            self.write_comment(c);
            self.newline();
        }
        for (i, stmt) in f.stmts.iter().enumerate() {
            match stmt {
                Stmt::Comments(cb) => {
                    self.before_comments(&cb.comments);
                    self.queue_suffix(&cb.comments);
                }
                Stmt::Line(l) => {
                    self.line(l);
                    self.newline();
                }
                Stmt::Block(b) => {
                    self.block(b);
                    self.newline();
                }
            }
            for c in &stmt.comments().after {
                self.write_comment(c);
                self.newline();
            }
            if i + 1 < f.stmts.len() {
                self.newline();
            }
        }
    }

    /// Prints whole-line comments at the current margin, each on its own line.
    fn before_comments(&mut self, comments: &Comments) {
        if comments.before.is_empty() {
            return;
        }
        self.trim();
        if self.column() > 0 {
            self.write(b"\n");
        }
        self.indent_to_margin();
        for c in &comments.before {
            self.write_comment(c);
            self.newline();
        }
    }

    fn queue_suffix(&mut self, comments: &Comments) {
        self.pending.extend(comments.suffix.iter().cloned());
    }

    fn line(&mut self, l: &Line) {
        self.before_comments(&l.comments);
        self.tokens(&l.tokens);
        self.queue_suffix(&l.comments);
    }

    fn paren(&mut self, paren: &Paren, text: &[u8]) {
        self.before_comments(&paren.comments);
        self.write(text);
        self.queue_suffix(&paren.comments);
    }

    fn block(&mut self, b: &LineBlock) {
        self.before_comments(&b.comments);
        self.tokens(&b.tokens);
        self.write(b" ");
        self.paren(&b.lparen, b"(");
        self.margin += 1;
        for l in &b.lines {
            self.newline();
            self.line(l);
        }
        self.margin -= 1;
        self.newline();
        self.paren(&b.rparen, b")");
        self.queue_suffix(&b.comments);
    }

    /// Tokens joined by single spaces, without a space after `( [ {` or before `, ) ] }`.
    fn tokens(&mut self, tokens: &[Vec<u8>]) {
        let mut sep: &[u8] = b"";
        for t in tokens {
            if matches!(t.as_slice(), b"," | b")" | b"]" | b"}") {
                sep = b"";
            }
            self.write(sep);
            self.write(t);
            sep = if matches!(t.as_slice(), b"(" | b"[" | b"{") {
                b""
            } else {
                b" "
            };
        }
    }
}
