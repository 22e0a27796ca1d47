//! Structural edits of the syntax tree used by the typed models' edit operations (Go's
//! `FileSyntax.addLine` and `updateLine`). New lines get fresh identities and zero positions.

use super::position::Position;
use super::tree::{Comments, FileSyntax, Line, LineBlock, LineId, Paren, Stmt};

/// Where a new line goes, as resolved from a hint.
enum Anchor {
    /// A top-level line (statement index).
    Line(usize),
    /// A block (statement index).
    Block(usize),
    /// Line `.1` of block `.0`.
    BlockLine(usize, usize),
}

impl FileSyntax {
    fn anchor_of(&self, id: LineId) -> Option<Anchor> {
        let loc = self.locate(id)?;
        Some(match loc.in_block {
            None => Anchor::Line(loc.stmt),
            Some(j) => Anchor::BlockLine(loc.stmt, j),
        })
    }

    /// The last statement (line or block) whose verb is `verb`.
    fn last_stmt_with_verb(&self, verb: &[u8]) -> Option<Anchor> {
        self.stmts
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, stmt)| match stmt {
                Stmt::Line(l) if l.tokens.first().is_some_and(|t| t == verb) => {
                    Some(Anchor::Line(i))
                }
                Stmt::Block(b) if b.tokens.first().is_some_and(|t| t == verb) => {
                    Some(Anchor::Block(i))
                }
                _ => None,
            })
    }

    /// A line with `tokens` and a fresh identity, not yet placed in the tree.
    pub fn new_line(&mut self, tokens: Vec<Vec<u8>>) -> Line {
        Line {
            id: self.new_line_id(),
            comments: Comments::default(),
            start: Position::default(),
            tokens,
            end: Position::default(),
        }
    }

    fn insert_line_after(&mut self, i: usize, tokens: Vec<Vec<u8>>) -> LineId {
        self.insert_line_at(i.saturating_add(1), tokens)
    }

    /// Adds a line with `tokens` (verb first), like Go's `addLine`:
    ///
    /// * with a `hint` line whose verb matches, the new line goes right after it, inside its
    ///   block (a hint that is a single line is first turned into a block holding both);
    /// * with a hint of another verb, the new line goes right after the hint's statement;
    /// * without a hint, it goes at the end of the last statement with the same verb (turning a
    ///   single line into a block), or at the end of the file.
    pub fn add_line(&mut self, hint: Option<LineId>, tokens: Vec<Vec<u8>>) -> LineId {
        let verb = tokens.first().cloned().unwrap_or_default();
        let anchor = match hint {
            Some(id) => self.anchor_of(id),
            None => self.last_stmt_with_verb(&verb),
        };
        let rest: Vec<Vec<u8>> = tokens.get(1..).unwrap_or_default().to_vec();
        match anchor {
            None => {
                let line = self.new_line(tokens);
                let id = line.id;
                self.stmts.push(Stmt::Line(line));
                id
            }
            Some(Anchor::Line(i)) => {
                let same_verb = matches!(self.stmts.get(i), Some(Stmt::Line(l)) if l.tokens.first() == Some(&verb));
                if !same_verb {
                    return self.insert_line_after(i, tokens);
                }
                let new_line = self.new_line(rest);
                let id = new_line.id;
                if let Some(stmt) = self.stmts.get_mut(i) {
                    let placeholder = Stmt::Comments(Default::default());
                    if let Stmt::Line(mut old) = std::mem::replace(stmt, placeholder) {
                        let header: Vec<Vec<u8>> = old.tokens.drain(..1).collect();
                        *stmt = Stmt::Block(LineBlock {
                            comments: Comments::default(),
                            start: Position::default(),
                            lparen: Paren::default(),
                            tokens: header,
                            lines: vec![old, new_line],
                            rparen: Paren::default(),
                        });
                    }
                }
                id
            }
            Some(Anchor::Block(i)) | Some(Anchor::BlockLine(i, _)) => {
                let after = match anchor {
                    Some(Anchor::BlockLine(_, j)) => Some(j),
                    _ => None,
                };
                let same_verb = matches!(self.stmts.get(i), Some(Stmt::Block(b)) if b.tokens.first() == Some(&verb));
                if !same_verb {
                    return self.insert_line_after(i, tokens);
                }
                let new_line = self.new_line(rest);
                let id = new_line.id;
                if let Some(Stmt::Block(b)) = self.stmts.get_mut(i) {
                    let at = after.map_or(b.lines.len(), |j| (j + 1).min(b.lines.len()));
                    b.lines.insert(at, new_line);
                }
                id
            }
        }
    }

    /// Appends a new top-level line with `tokens` at the end of the file.
    pub fn append_line(&mut self, tokens: Vec<Vec<u8>>) -> LineId {
        let line = self.new_line(tokens);
        let id = line.id;
        self.stmts.push(Stmt::Line(line));
        id
    }

    /// Replaces the tokens of line `id` (Go's `updateLine`): `tokens` starts with the verb,
    /// which is dropped for a line inside a block.
    pub fn update_line(&mut self, id: LineId, tokens: Vec<Vec<u8>>) {
        let in_block = self.locate(id).is_some_and(|loc| loc.in_block.is_some());
        if let Some(line) = self.line_mut(id) {
            line.tokens = if in_block {
                tokens.get(1..).unwrap_or_default().to_vec()
            } else {
                tokens
            };
        }
    }

    /// Inserts a new top-level line with `tokens` at statement index `at` (clamped to the end).
    pub fn insert_line_at(&mut self, at: usize, tokens: Vec<Vec<u8>>) -> LineId {
        let line = self.new_line(tokens);
        let id = line.id;
        self.stmts
            .insert(at.min(self.stmts.len()), Stmt::Line(line));
        id
    }

    /// Marks line `id` as removed; [`FileSyntax::cleanup`] drops it.
    pub fn remove_line(&mut self, id: LineId) {
        if let Some(line) = self.line_mut(id) {
            line.mark_removed();
        }
    }

    /// Whether line `id` sits inside a block.
    pub fn in_block(&self, id: LineId) -> bool {
        self.locate(id).is_some_and(|loc| loc.in_block.is_some())
    }
}
