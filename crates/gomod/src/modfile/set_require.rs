//! Rewriting the whole requirement list as the go command does after `go get` / `go mod tidy`
//! (Go's `SetRequire`, `SetRequireSeparateIndirect` and `SetRequireAtMostTwo`), keeping comments
//! and block structure the way those functions do.

use std::collections::{HashMap, HashSet};

use crate::syntax::quote::auto_quote;
use crate::syntax::text::{trim_prefix, trim_space};
use crate::syntax::{Comment, Comments, Line, LineBlock, LineId, Paren, Position, Stmt};

use super::comments::is_indirect;
use super::{ModFile, ModuleVersion, Require};

/// One wanted requirement: `path@version`, direct or indirect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequireSpec {
    pub path: String,
    pub version: String,
    pub indirect: bool,
}

/// Whether a node carries comments other than a lone `// indirect`.
fn has_comments(c: &Comments) -> bool {
    if !c.before.is_empty() || !c.after.is_empty() || c.suffix.len() > 1 {
        return true;
    }
    c.suffix
        .first()
        .is_some_and(|s| trim_space(trim_prefix(&s.token, b"//")) != b"indirect")
}

fn require_block() -> LineBlock {
    LineBlock {
        comments: Comments::default(),
        start: Position::default(),
        lparen: Paren::default(),
        tokens: vec![b"require".to_vec()],
        lines: Vec::new(),
        rparen: Paren::default(),
    }
}

impl ModFile {
    fn remove_require(&mut self, index: usize) {
        let Some(r) = self.require.get_mut(index) else {
            return;
        };
        let id = r.line;
        r.module = ModuleVersion::default();
        r.indirect = false;
        if let Some(line) = self.syntax.line_mut(id) {
            line.mark_removed();
        }
    }

    /// Go's `SetRequire` (used for go lines before 1.17): keeps the first line of each wanted
    /// path (new version, `// indirect` updated), deletes the rest, appends new paths to the
    /// last require statement, then sorts blocks. Call [`ModFile::cleanup`] afterwards.
    pub fn set_require(&mut self, req: &[RequireSpec]) {
        let mut need: HashMap<&str, &RequireSpec> =
            req.iter().map(|r| (r.path.as_str(), r)).collect();
        for i in 0..self.require.len() {
            let path = self
                .require
                .get(i)
                .map(|r| r.module.path.clone())
                .unwrap_or_default();
            match need.remove(path.as_str()) {
                Some(want) => {
                    self.set_require_version(i, &want.version);
                    self.set_require_indirect(i, want.indirect);
                }
                None => self.remove_require(i),
            }
        }
        // Go walks a map here; the blocks are sorted afterwards, so request order is as good.
        for r in req {
            if need.remove(r.path.as_str()).is_some() {
                self.add_new_require(&r.path, &r.version, r.indirect);
            }
        }
        self.sort_blocks();
    }

    /// Go's `SetRequireSeparateIndirect` (go lines 1.17 to 1.26): direct and indirect
    /// requirements go to separate blocks, existing uncommented blocks are reused, requirements
    /// in other (commented) blocks stay where they are. Call [`ModFile::cleanup`] afterwards.
    pub fn set_require_separate_indirect(&mut self, req: &[RequireSpec]) {
        self.set_require_two_blocks(req, false);
    }

    /// Go's `SetRequireAtMostTwo` (go 1.27 and later): like
    /// [`ModFile::set_require_separate_indirect`] but every requirement moves into one direct
    /// and one indirect block, and the comments above other require blocks move along.
    pub fn set_require_at_most_two(&mut self, req: &[RequireSpec]) {
        self.set_require_two_blocks(req, true);
    }

    fn set_require_two_blocks(&mut self, req: &[RequireSpec], simplify: bool) {
        let need: HashMap<&str, &RequireSpec> = req.iter().map(|r| (r.path.as_str(), r)).collect();
        let line_indirect: HashMap<LineId, bool> = self
            .require
            .iter()
            .filter_map(|r| {
                need.get(r.module.path.as_str())
                    .map(|n| (r.line, n.indirect))
            })
            .collect();

        // Survey the require statements, by index before any insertion.
        let mut last_direct: Option<usize> = None;
        let mut last_indirect: Option<usize> = None;
        let mut last_require: Option<usize> = None;
        let mut count = 0;
        let mut line_block: HashMap<LineId, usize> = HashMap::new();
        let mut direct_comments: Vec<Comment> = Vec::new();
        let mut indirect_comments: Vec<Comment> = Vec::new();
        for (i, stmt) in self.syntax.stmts.iter_mut().enumerate() {
            match stmt {
                Stmt::Line(line) => {
                    if line.tokens.first().map(Vec::as_slice) != Some(b"require") {
                        continue;
                    }
                    last_require = Some(i);
                    count += 1;
                    if !has_comments(&line.comments) {
                        if is_indirect(line) {
                            last_indirect = Some(i);
                        } else {
                            last_direct = Some(i);
                        }
                    }
                }
                Stmt::Block(block) => {
                    if block.tokens.first().map(Vec::as_slice) != Some(b"require") {
                        continue;
                    }
                    last_require = Some(i);
                    count += 1;
                    let uncommented = !block.lines.is_empty() && !has_comments(&block.comments);
                    let (mut all_direct, mut all_indirect) = (uncommented, uncommented);
                    for line in &block.lines {
                        line_block.insert(line.id, i);
                        if has_comments(&line.comments) {
                            all_direct = false;
                            all_indirect = false;
                        } else if is_indirect(line) {
                            all_direct = false;
                        } else {
                            all_indirect = false;
                        }
                    }
                    if all_direct {
                        last_direct = Some(i);
                    }
                    if all_indirect {
                        last_indirect = Some(i);
                    }
                    if simplify {
                        let any_direct = block
                            .lines
                            .iter()
                            .any(|l| line_indirect.get(&l.id) == Some(&false));
                        let target = if !any_direct && !block.lines.is_empty() {
                            &mut indirect_comments
                        } else {
                            &mut direct_comments
                        };
                        if !target.is_empty() && !block.comments.before.is_empty() {
                            target.push(Comment {
                                token: b"//".to_vec(),
                                ..Comment::default()
                            });
                        }
                        target.append(&mut block.comments.before);
                    }
                }
                Stmt::Comments(_) => {}
            }
        }
        let one_flat_uncommented = count == 1
            && last_require
                .and_then(|i| self.syntax.stmts.get(i))
                .is_some_and(|s| !has_comments(s.comments()));

        // The existing blocks chosen as targets, by their survey index: lines found in them at
        // survey time count as "in the target block". Lines turned into blocks and new blocks
        // hold no surveyed lines.
        let is_block = |i: Option<usize>, stmts: &[Stmt]| {
            i.filter(|&i| matches!(stmts.get(i), Some(Stmt::Block(_))))
        };
        let direct_key = is_block(last_direct, &self.syntax.stmts);
        let indirect_key = is_block(last_indirect, &self.syntax.stmts);

        // Create or convert the two target blocks, as Go does (its index arithmetic included).
        let direct_at = match last_direct {
            Some(i) => {
                self.ensure_require_block(i);
                i
            }
            None => {
                let at = match (last_indirect, last_require) {
                    (Some(ind), _) => {
                        last_indirect = Some(ind + 1);
                        ind
                    }
                    (None, Some(r)) => r + 1,
                    (None, None) => self.syntax.stmts.len(),
                };
                let at = at.min(self.syntax.stmts.len());
                self.syntax.stmts.insert(at, Stmt::Block(require_block()));
                at
            }
        };
        let indirect_at = match last_indirect {
            Some(i) => {
                self.ensure_require_block(i);
                i
            }
            None => {
                let at = (direct_at + 1).min(self.syntax.stmts.len());
                self.syntax.stmts.insert(at, Stmt::Block(require_block()));
                at
            }
        };
        if simplify {
            if let Some(Stmt::Block(b)) = self.syntax.stmts.get_mut(direct_at) {
                b.comments.before.append(&mut direct_comments);
            }
            if let Some(Stmt::Block(b)) = self.syntax.stmts.get_mut(indirect_at) {
                b.comments.before.append(&mut indirect_comments);
            }
        }

        // Update, delete or move the existing requirements.
        let mut have: HashSet<String> = HashSet::new();
        for i in 0..self.require.len() {
            let Some(r) = self.require.get(i) else {
                continue;
            };
            let (path, line) = (r.module.path.clone(), r.line);
            let Some(want) = need.get(path.as_str()) else {
                self.remove_require(i);
                continue;
            };
            if !have.insert(path) {
                self.remove_require(i);
                continue;
            }
            self.set_require_version(i, &want.version);
            self.set_require_indirect(i, want.indirect);
            let surveyed_in = line_block.get(&line).copied();
            let in_direct = surveyed_in.is_some() && surveyed_in == direct_key;
            let in_indirect = surveyed_in.is_some() && surveyed_in == indirect_key;
            if want.indirect && (simplify || one_flat_uncommented || in_direct) {
                self.move_require(i, indirect_at);
            } else if !want.indirect && (simplify || one_flat_uncommented || in_indirect) {
                self.move_require(i, direct_at);
            }
        }

        // Add the new ones (Go walks a map; blocks are sorted below).
        for r in req {
            if have.insert(r.path.clone()) {
                let tokens = vec![auto_quote(r.path.as_bytes()), r.version.as_bytes().to_vec()];
                let line = self.syntax.new_line(tokens);
                let id = line.id;
                let target = if r.indirect { indirect_at } else { direct_at };
                if let Some(Stmt::Block(b)) = self.syntax.stmts.get_mut(target) {
                    b.lines.push(line);
                }
                self.require.push(Require {
                    module: ModuleVersion {
                        path: r.path.clone(),
                        version: r.version.clone(),
                    },
                    indirect: false,
                    line: id,
                });
                let index = self.require.len() - 1;
                self.set_require_indirect(index, r.indirect);
            }
        }
        self.sort_blocks();
    }

    /// Turns the require line at statement `i` into a block holding it (Go's `ensureBlock`).
    fn ensure_require_block(&mut self, i: usize) {
        let Some(stmt) = self.syntax.stmts.get_mut(i) else {
            return;
        };
        if !matches!(stmt, Stmt::Line(_)) {
            return;
        }
        if let Stmt::Line(mut line) = std::mem::replace(stmt, Stmt::Comments(Default::default())) {
            if !line.tokens.is_empty() {
                line.tokens.remove(0);
            }
            let mut block = require_block();
            block.lines.push(line);
            *stmt = Stmt::Block(block);
        }
    }

    /// Moves requirement `index` to the end of the block at statement `target` (Go's
    /// `moveReq`): the line is copied there, comments included, and the old one removed.
    fn move_require(&mut self, index: usize, target: usize) {
        let Some(old_id) = self.require.get(index).map(|r| r.line) else {
            return;
        };
        let in_block = self.syntax.in_block(old_id);
        let Some(old) = self.syntax.line_mut(old_id) else {
            return;
        };
        let mut tokens = old.tokens.clone();
        if !in_block && tokens.first().map(Vec::as_slice) == Some(b"require") {
            tokens.remove(0);
        }
        let copy = Line {
            id: LineId(0),
            comments: old.comments.clone(),
            start: old.start,
            tokens,
            end: old.end,
        };
        old.tokens.clear();
        let id = self.syntax.new_line_id();
        if let Some(Stmt::Block(b)) = self.syntax.stmts.get_mut(target) {
            b.lines.push(Line { id, ..copy });
        }
        if let Some(r) = self.require.get_mut(index) {
            r.line = id;
        }
    }
}
