//! Attaching end-of-line comments to syntax nodes after parsing (Go's `assignComments`).
//!
//! Whole-line comments are placed by the parser itself. Each end-of-line comment goes to the
//! last node, in post-order (ordered by end position, outer nodes last), that lies on a single
//! line and ends at or before the comment. Multi-line blocks and the file never take one.

use super::position::Position;
use super::tree::{Comment, Comments, FileSyntax, Stmt};

/// A node of the tree in post-order, addressed by indices so it can be borrowed mutably later.
#[derive(Clone, Copy)]
enum Node {
    Line(usize),
    CommentBlock(usize),
    LParen(usize),
    BlockLine(usize, usize),
    RParen(usize),
    Block(usize),
}

fn after_paren(pos: Position) -> Position {
    pos.advance(b")")
}

fn span(file: &FileSyntax, node: Node) -> Option<(Position, Position)> {
    let stmt = |i: usize| file.stmts.get(i);
    match node {
        Node::Line(i) => match stmt(i)? {
            Stmt::Line(l) => Some((l.start, l.end)),
            _ => None,
        },
        Node::CommentBlock(i) => match stmt(i)? {
            Stmt::Comments(c) => Some((c.start, c.start)),
            _ => None,
        },
        Node::LParen(i) | Node::RParen(i) | Node::Block(i) | Node::BlockLine(i, _) => {
            let Stmt::Block(b) = stmt(i)? else {
                return None;
            };
            match node {
                Node::LParen(_) => Some((b.lparen.pos, after_paren(b.lparen.pos))),
                Node::RParen(_) => Some((b.rparen.pos, after_paren(b.rparen.pos))),
                Node::BlockLine(_, j) => b.lines.get(j).map(|l| (l.start, l.end)),
                _ => Some((b.start, after_paren(b.rparen.pos))),
            }
        }
    }
}

fn comments_mut(file: &mut FileSyntax, node: Node) -> Option<&mut Comments> {
    match node {
        Node::Line(i) | Node::CommentBlock(i) | Node::Block(i) => {
            Some(file.stmts.get_mut(i)?.comments_mut())
        }
        Node::LParen(i) | Node::RParen(i) | Node::BlockLine(i, _) => {
            let Stmt::Block(b) = file.stmts.get_mut(i)? else {
                return None;
            };
            match node {
                Node::LParen(_) => Some(&mut b.lparen.comments),
                Node::RParen(_) => Some(&mut b.rparen.comments),
                Node::BlockLine(_, j) => b.lines.get_mut(j).map(|l| &mut l.comments),
                _ => None,
            }
        }
    }
}

fn post_order(file: &FileSyntax) -> Vec<Node> {
    let mut nodes = Vec::new();
    for (i, stmt) in file.stmts.iter().enumerate() {
        match stmt {
            Stmt::Line(_) => nodes.push(Node::Line(i)),
            Stmt::Comments(_) => nodes.push(Node::CommentBlock(i)),
            Stmt::Block(b) => {
                nodes.push(Node::LParen(i));
                nodes.extend((0..b.lines.len()).map(|j| Node::BlockLine(i, j)));
                nodes.push(Node::RParen(i));
                nodes.push(Node::Block(i));
            }
        }
    }
    nodes
}

pub(crate) fn assign_suffix_comments(file: &mut FileSyntax, mut suffix: Vec<Comment>) {
    let nodes = post_order(file);
    for &node in nodes.iter().rev() {
        let Some((start, end)) = span(file, node) else {
            continue;
        };
        if start.line != end.line {
            continue;
        }
        let mut taken = Vec::new();
        while let Some(last) = suffix.last() {
            if end.byte > last.start.byte {
                break;
            }
            if let Some(c) = suffix.pop() {
                taken.push(c);
            }
        }
        if taken.is_empty() {
            continue;
        }
        // Taken last-first; keep source order.
        taken.reverse();
        if let Some(comments) = comments_mut(file, node) {
            let mut merged = taken;
            merged.append(&mut comments.suffix);
            comments.suffix = merged;
        }
    }
    // Whatever is left goes to the file, before everything.
    file.comments.before.extend(suffix);
}
