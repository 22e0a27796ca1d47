//! `SortBlocks` and `Cleanup` for go.mod files: what `go mod edit` does to every file it writes.

use std::cmp::Ordering;
use std::collections::HashSet;

use crate::syntax::{Line, LineId, Stmt};
use crate::version::semver;

use super::stable_sort::sort_stable_by;
use super::ModFile;

/// From this go version on, exclude blocks sort versions semantically (go.dev/issue/60028).
const SEMANTIC_EXCLUDE_SORT_V: &str = "v1.21";

/// Go's `compareLine`: token lists compared element by element as byte strings, shorter first.
pub(crate) fn compare_line(a: &Line, b: &Line) -> Ordering {
    a.tokens.cmp(&b.tokens)
}

/// Lines of an exclude block: `path version` pairs compare by path, then by semver; anything
/// else falls back to [`compare_line`].
fn compare_line_exclude(a: &Line, b: &Line) -> Ordering {
    match (a.tokens.as_slice(), b.tokens.as_slice()) {
        ([pa, va], [pb, vb]) => {
            if pa != pb {
                return pa.cmp(pb);
            }
            semver::compare(&String::from_utf8_lossy(va), &String::from_utf8_lossy(vb))
        }
        _ => compare_line(a, b),
    }
}

/// Lines of a retract block, as intervals, newest first (descending low, then descending high).
/// A line that is neither `v` nor `[ low , high ]` counts as an interval of invalid versions.
fn compare_line_retract(a: &Line, b: &Line) -> Ordering {
    fn interval(l: &Line) -> (String, String) {
        let s = |t: &Vec<u8>| String::from_utf8_lossy(t).into_owned();
        match l.tokens.as_slice() {
            [v] => (s(v), s(v)),
            [open, low, comma, high, close] if open == b"[" && comma == b"," && close == b"]" => {
                (s(low), s(high))
            }
            _ => (String::new(), String::new()),
        }
    }
    let (al, ah) = interval(a);
    let (bl, bh) = interval(b);
    semver::compare(&al, &bl)
        .reverse()
        .then_with(|| semver::compare(&ah, &bh).reverse())
}

impl ModFile {
    /// Go's `File.SortBlocks`: removes duplicate exclude, replace, tool and ignore lines, then
    /// sorts the lines inside every block (single lines and the order of blocks are left alone).
    pub fn sort_blocks(&mut self) {
        self.remove_dups();
        let semantic_exclude = self.go.as_ref().is_some_and(|g| {
            semver::compare(&format!("v{}", g.version), SEMANTIC_EXCLUDE_SORT_V) != Ordering::Less
        });
        for stmt in &mut self.syntax.stmts {
            let Stmt::Block(block) = stmt else { continue };
            let verb = block.tokens.first().map(Vec::as_slice);
            if verb == Some(b"exclude") && semantic_exclude {
                sort_stable_by(&mut block.lines, compare_line_exclude);
            } else if verb == Some(b"retract") {
                sort_stable_by(&mut block.lines, compare_line_retract);
            } else {
                sort_stable_by(&mut block.lines, compare_line);
            }
        }
    }

    /// Removes duplicates: the first of identical excludes, tools and ignores is kept, the last of
    /// replacements with the same left side. Requirements and retractions are never de-duplicated.
    fn remove_dups(&mut self) {
        let mut kill: HashSet<LineId> = HashSet::new();

        let mut seen = HashSet::new();
        for x in &self.exclude {
            if !seen.insert(&x.module) {
                kill.insert(x.line);
            }
        }
        self.exclude.retain(|x| !kill.contains(&x.line));

        let mut seen = HashSet::new();
        for r in self.replace.iter().rev() {
            if !seen.insert(&r.old) {
                kill.insert(r.line);
            }
        }
        self.replace.retain(|r| !kill.contains(&r.line));

        let mut seen = HashSet::new();
        for t in &self.tool {
            if !seen.insert(t.path.as_str()) {
                kill.insert(t.line);
            }
        }
        self.tool.retain(|t| !kill.contains(&t.line));

        let mut seen = HashSet::new();
        for i in &self.ignore {
            if !seen.insert(i.path.as_str()) {
                kill.insert(i.line);
            }
        }
        self.ignore.retain(|i| !kill.contains(&i.line));

        remove_lines(&mut self.syntax.stmts, &kill);
    }

    /// Go's `File.Cleanup`: forgets model entries cleared by edits, then cleans the syntax tree
    /// (removed lines dropped, empty blocks deleted, one-line blocks collapsed).
    pub fn cleanup(&mut self) {
        self.godebug.retain(|g| !g.key.is_empty());
        self.require.retain(|r| !r.module.path.is_empty());
        self.exclude.retain(|x| !x.module.path.is_empty());
        self.replace.retain(|r| !r.old.path.is_empty());
        self.retract
            .retain(|r| !r.interval.low.is_empty() || !r.interval.high.is_empty());
        self.syntax.cleanup();
    }
}

/// Deletes the lines in `kill` from the tree. Every block without lines goes too, including
/// one that was empty to begin with (`require ()`), as in Go.
pub(crate) fn remove_lines(stmts: &mut Vec<Stmt>, kill: &HashSet<LineId>) {
    stmts.retain_mut(|stmt| match stmt {
        Stmt::Line(l) => !kill.contains(&l.id),
        Stmt::Block(b) => {
            b.lines.retain(|l| !kill.contains(&l.id));
            !b.lines.is_empty()
        }
        Stmt::Comments(_) => true,
    });
}
