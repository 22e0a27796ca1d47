//! The syntax tree of a go.mod / go.work file, with every comment kept, as Go's `modfile`
//! builds it. Token and comment texts are byte strings because the input need not be valid
//! UTF-8 and Go keeps invalid bytes as they are.

use super::position::Position;

/// One `//` comment. `token` is its text from `//` to the end of the line (without the newline).
/// A blank-line marker inside a block is a comment with an empty token.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comment {
    pub start: Position,
    pub token: Vec<u8>,
    /// True for an end-of-line comment, false for a comment on a line of its own.
    pub suffix: bool,
}

impl Comment {
    /// A blank-line marker, as the parser records inside blocks.
    pub fn is_blank_marker(&self) -> bool {
        self.token.is_empty()
    }
}

/// The comments attached to a node.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comments {
    /// Whole-line comments (and blank markers) right above the node.
    pub before: Vec<Comment>,
    /// End-of-line comments after the node.
    pub suffix: Vec<Comment>,
    /// Whole-line comments after the node (top-level nodes only; parsing never produces them,
    /// collapsing a block can).
    pub after: Vec<Comment>,
}

impl Comments {
    pub fn is_empty(&self) -> bool {
        self.before.is_empty() && self.suffix.is_empty() && self.after.is_empty()
    }
}

/// A stable identity of a [`Line`]: it survives sorting, de-duplication and the collapsing of
/// one-line blocks, so the typed models (`modfile`, `workfile`) refer to lines by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineId(pub u32);

/// A single line of tokens: a top-level directive (`require x v1.0.0`, tokens include the verb)
/// or a line inside a block (`x v1.0.0`, without the verb). A line with no tokens is one that an
/// edit removed; `Cleanup` drops it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub id: LineId,
    pub comments: Comments,
    pub start: Position,
    pub tokens: Vec<Vec<u8>>,
    pub end: Position,
}

impl Line {
    /// Token `i` as text (invalid UTF-8 bytes shown as U+FFFD), or "" if absent.
    pub fn token_str(&self, i: usize) -> String {
        self.tokens
            .get(i)
            .map(|t| super::utf8::to_string_lossy(t))
            .unwrap_or_default()
    }

    /// Marks the line as deleted (Go's `markRemoved`): `Cleanup` will drop it and its
    /// end-of-line comment.
    pub fn mark_removed(&mut self) {
        self.tokens.clear();
        self.comments.suffix.clear();
    }

    pub fn is_removed(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The bytes of the source this line was parsed from, from its first token to the end of
    /// its last one (comments excluded). Lines created by edits have an empty span at 0.
    pub fn byte_span(&self) -> std::ops::Range<usize> {
        self.start.byte..self.end.byte.max(self.start.byte)
    }
}

/// The `(` or `)` of a block; a place for the comments on those lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paren {
    pub comments: Comments,
    pub pos: Position,
}

/// A factored block `verb (` … `)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineBlock {
    pub comments: Comments,
    pub start: Position,
    pub lparen: Paren,
    /// The tokens before `(`, usually just the verb.
    pub tokens: Vec<Vec<u8>>,
    pub lines: Vec<Line>,
    /// `rparen.comments.before` holds the comments between the last line and `)`.
    pub rparen: Paren,
}

impl LineBlock {
    /// The bytes of the source from the block's first token to just after its `)`.
    pub fn byte_span(&self) -> std::ops::Range<usize> {
        self.start.byte..self.rparen.pos.byte.saturating_add(1).max(self.start.byte)
    }
}

/// Whole-line comments that belong to no directive (separated from the next one by a blank line).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommentBlock {
    pub comments: Comments,
    pub start: Position,
}

/// A top-level statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stmt {
    Line(Line),
    Block(LineBlock),
    Comments(CommentBlock),
}

impl Stmt {
    pub fn comments(&self) -> &Comments {
        match self {
            Stmt::Line(l) => &l.comments,
            Stmt::Block(b) => &b.comments,
            Stmt::Comments(c) => &c.comments,
        }
    }

    pub fn comments_mut(&mut self) -> &mut Comments {
        match self {
            Stmt::Line(l) => &mut l.comments,
            Stmt::Block(b) => &mut b.comments,
            Stmt::Comments(c) => &mut c.comments,
        }
    }
}

/// Where a line lives in the tree: a top-level statement, or line `line` of block `stmt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineLocation {
    pub stmt: usize,
    pub in_block: Option<usize>,
}

/// A whole file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileSyntax {
    /// The file name, as given to the parser (used in error messages).
    pub name: String,
    /// `before`: suffix comments that no node took (rare); `after`: leftover line comments.
    pub comments: Comments,
    pub stmts: Vec<Stmt>,
    next_line_id: u32,
}

impl FileSyntax {
    pub fn new(name: &str) -> FileSyntax {
        FileSyntax {
            name: name.to_owned(),
            ..FileSyntax::default()
        }
    }

    /// A fresh identity for a new line of this file.
    pub fn new_line_id(&mut self) -> LineId {
        let id = LineId(self.next_line_id);
        self.next_line_id = self.next_line_id.saturating_add(1);
        id
    }

    /// Every line of the file in order, top-level lines and block lines alike.
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.stmts
            .iter()
            .flat_map(|stmt| -> Box<dyn Iterator<Item = &Line> + '_> {
                match stmt {
                    Stmt::Line(l) => Box::new(std::iter::once(l)),
                    Stmt::Block(b) => Box::new(b.lines.iter()),
                    Stmt::Comments(_) => Box::new(std::iter::empty()),
                }
            })
    }

    /// Finds the line with identity `id`.
    ///
    /// The parser numbers lines in file order and most trees are never reordered, so a binary
    /// search finds the line first; only when edits have reordered lines and the search misses
    /// does a scan of the whole file decide. Every directive check looks its line up, so a
    /// scan per lookup made the rules quadratic in the number of lines.
    pub fn locate(&self, id: LineId) -> Option<LineLocation> {
        self.locate_in_order(id).or_else(|| self.locate_by_scan(id))
    }

    /// [`FileSyntax::locate`] by binary search, assuming line identities grow in file order.
    /// The result is checked, so a tree in another order gives `None`, never a wrong line.
    fn locate_in_order(&self, id: LineId) -> Option<LineLocation> {
        // The first statement whose lines (or those before it) reach `id`.
        let (mut low, mut high) = (0usize, self.stmts.len());
        while low < high {
            let middle = low + (high - low) / 2;
            // Statements before the first line (comments only) come before every line.
            if self.last_id_up_to(middle).is_none_or(|last| last < id) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        let stmt = low;
        match self.stmts.get(stmt)? {
            Stmt::Line(l) if l.id == id => Some(LineLocation {
                stmt,
                in_block: None,
            }),
            Stmt::Block(b) => {
                let j = b.lines.partition_point(|l| l.id < id);
                (b.lines.get(j)?.id == id).then_some(LineLocation {
                    stmt,
                    in_block: Some(j),
                })
            }
            _ => None,
        }
    }

    /// The identity of the last line of statement `index` or, for a statement without lines,
    /// of the nearest statement before it that has lines (`None` if there is none).
    fn last_id_up_to(&self, index: usize) -> Option<LineId> {
        let upto = self.stmts.get(..=index)?;
        upto.iter().rev().find_map(|stmt| match stmt {
            Stmt::Line(l) => Some(l.id),
            Stmt::Block(b) => b.lines.last().map(|l| l.id),
            Stmt::Comments(_) => None,
        })
    }

    fn locate_by_scan(&self, id: LineId) -> Option<LineLocation> {
        self.stmts
            .iter()
            .enumerate()
            .find_map(|(i, stmt)| match stmt {
                Stmt::Line(l) if l.id == id => Some(LineLocation {
                    stmt: i,
                    in_block: None,
                }),
                Stmt::Block(b) => b
                    .lines
                    .iter()
                    .position(|l| l.id == id)
                    .map(|j| LineLocation {
                        stmt: i,
                        in_block: Some(j),
                    }),
                _ => None,
            })
    }

    pub fn line(&self, id: LineId) -> Option<&Line> {
        let loc = self.locate(id)?;
        match (self.stmts.get(loc.stmt)?, loc.in_block) {
            (Stmt::Line(l), None) => Some(l),
            (Stmt::Block(b), Some(j)) => b.lines.get(j),
            _ => None,
        }
    }

    pub fn line_mut(&mut self, id: LineId) -> Option<&mut Line> {
        let loc = self.locate(id)?;
        match (self.stmts.get_mut(loc.stmt)?, loc.in_block) {
            (Stmt::Line(l), None) => Some(l),
            (Stmt::Block(b), Some(j)) => b.lines.get_mut(j),
            _ => None,
        }
    }

    /// The block that contains line `id`, if it is inside one.
    pub fn block_of(&self, id: LineId) -> Option<&LineBlock> {
        let loc = self.locate(id)?;
        loc.in_block?;
        match self.stmts.get(loc.stmt)? {
            Stmt::Block(b) => Some(b),
            _ => None,
        }
    }

    /// Removes lines marked removed, deletes blocks left empty and turns blocks with a single
    /// line (and no comments before their `)`) into a plain line, as Go's `FileSyntax.Cleanup`.
    /// The collapsed line keeps its identity and source span; the block's `(`/`)` suffix comments are dropped.
    pub fn cleanup(&mut self) {
        let stmts = std::mem::take(&mut self.stmts);
        for stmt in stmts {
            match stmt {
                Stmt::Line(l) if l.is_removed() => {}
                Stmt::Block(mut block) => {
                    block.lines.retain(|l| !l.is_removed());
                    if block.lines.is_empty() {
                        continue;
                    }
                    if block.lines.len() == 1 && block.rparen.comments.before.is_empty() {
                        let Some(mut line) = block.lines.pop() else {
                            continue;
                        };
                        let mut before = block.comments.before;
                        before.append(&mut line.comments.before);
                        let mut suffix = line.comments.suffix;
                        suffix.append(&mut block.comments.suffix);
                        let mut after = line.comments.after;
                        after.append(&mut block.comments.after);
                        let mut tokens = block.tokens;
                        tokens.append(&mut line.tokens);
                        // Go zeroes the positions of the rebuilt line; keeping the original
                        // ones changes no output and keeps the line's source span known.
                        self.stmts.push(Stmt::Line(Line {
                            id: line.id,
                            comments: Comments {
                                before,
                                suffix,
                                after,
                            },
                            start: line.start,
                            tokens,
                            end: line.end,
                        }));
                        continue;
                    }
                    self.stmts.push(Stmt::Block(block));
                }
                other => self.stmts.push(other),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of a parsed file is found by the binary search, never by the scan: a rule
    /// that looks up each of 200,000 lines must not scan the file each time. (A guard on the
    /// algorithm rather than on a time, which a loaded machine would make flaky.)
    #[test]
    fn parsed_lines_are_found_without_a_scan() {
        let mut src = String::from("// head\n\nmodule example.com/m\n\ngo 1.21\n\n");
        for block in 0..20 {
            src.push_str("require (\n");
            for n in 0..50 {
                src.push_str(&format!(
                    "\t// note {n}\n\texample.com/b{block}m{n} v1.0.0\n"
                ));
            }
            src.push_str(")\n\n// a comment block of its own\n\n");
            src.push_str(&format!("exclude example.com/x{block} v1.0.0\n\n"));
        }
        src.push_str("require ()\n");
        let f = super::super::parse("go.mod", src.as_bytes()).expect("parses");
        let ids: Vec<LineId> = f.lines().map(|l| l.id).collect();
        assert_eq!(ids.len(), 2 + 20 * 51);
        for id in ids {
            let fast = f.locate_in_order(id);
            assert!(fast.is_some(), "{id:?} needed a scan");
            assert_eq!(fast, f.locate_by_scan(id));
            assert_eq!(f.line(id).map(|l| l.id), Some(id));
        }
        assert_eq!(f.locate(LineId(u32::MAX)), None);
    }

    /// Lines reordered by an edit are still found (by the scan), and never mistaken.
    #[test]
    fn reordered_lines_are_found_by_the_scan() {
        let src = "module m\n\nrequire (\n\ta v1.0.0\n\tb v1.0.0\n\tc v1.0.0\n)\n\ngo 1.21\n";
        let mut f = super::super::parse("go.mod", src.as_bytes()).expect("parses");
        f.stmts.reverse();
        if let Some(Stmt::Block(b)) = f.stmts.get_mut(1) {
            b.lines.reverse();
        }
        let ids: Vec<LineId> = f.lines().map(|l| l.id).collect();
        assert_eq!(ids.len(), 5);
        for id in ids {
            assert_eq!(f.locate(id), f.locate_by_scan(id));
            assert!(f.locate(id).is_some());
            assert_eq!(f.line(id).map(|l| l.id), Some(id));
        }
    }
}
