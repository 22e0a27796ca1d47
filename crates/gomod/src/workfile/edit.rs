//! Edit operations on a go.work model (Go's `modfile.WorkFile` methods). Call
//! [`WorkFile::sort_blocks`] and [`WorkFile::cleanup`] before printing, as `go work edit` does.

use crate::modfile::{
    add_godebug, add_replace, drop_godebug, drop_replace, keep_first_line, set_go_line,
    set_toolchain_line, EditError,
};
use crate::syntax::quote::auto_quote;
use crate::syntax::{FileSyntax, LineId, Stmt};

use super::{Use, WorkFile};

fn tok(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

impl WorkFile {
    /// The index of the first statement that is not a comment block (the file's leading
    /// comments stay on top).
    fn first_non_comment(syntax: &FileSyntax) -> usize {
        syntax
            .stmts
            .iter()
            .position(|s| !matches!(s, Stmt::Comments(_)))
            .unwrap_or(syntax.stmts.len())
    }

    /// Sets the go line, adding it before the first statement that is not a comment block.
    pub fn add_go_stmt(&mut self, version: &str) -> Result<(), EditError> {
        set_go_line(&mut self.syntax, &mut self.go, version, |syntax, tokens| {
            let at = Self::first_non_comment(syntax);
            syntax.insert_line_at(at, tokens)
        })
    }

    /// Removes the go line.
    pub fn drop_go_stmt(&mut self) {
        if let Some(g) = self.go.take() {
            self.syntax.remove_line(g.line);
        }
    }

    /// Sets the toolchain line, adding it after the first top-level `go` line, else before the
    /// first statement that is not a comment block.
    pub fn add_toolchain_stmt(&mut self, name: &str) -> Result<(), EditError> {
        set_toolchain_line(
            &mut self.syntax,
            &mut self.toolchain,
            name,
            |syntax, tokens| {
                // A removed go line has no tokens and does not count.
                let after_go = syntax.stmts.iter().position(
                    |s| matches!(s, Stmt::Line(l) if l.tokens.first().is_some_and(|t| t == b"go")),
                );
                let at = after_go.map_or_else(|| Self::first_non_comment(syntax), |i| i + 1);
                syntax.insert_line_at(at, tokens)
            },
        )
    }

    /// Removes the toolchain line.
    pub fn drop_toolchain_stmt(&mut self) {
        if let Some(t) = self.toolchain.take() {
            self.syntax.remove_line(t.line);
        }
    }

    /// Sets `key` to `value` on the first godebug line for `key` and removes the others.
    /// As in Go, entries removed this way stay in [`WorkFile::godebug`] with an empty key.
    pub fn add_godebug(&mut self, key: &str, value: &str) {
        add_godebug(&mut self.syntax, &mut self.godebug, key, value);
    }

    /// Removes every godebug line for `key` (the model keeps emptied entries, as Go does).
    pub fn drop_godebug(&mut self, key: &str) {
        drop_godebug(&mut self.syntax, &mut self.godebug, key);
    }

    /// Uses `disk_path`: the first existing `use` of it is kept (others removed), else a line is
    /// added at the end of the last use block.
    pub fn add_use(&mut self, disk_path: &str, module_path: &str) {
        let tokens = vec![tok("use"), auto_quote(disk_path.as_bytes())];
        let mut found = false;
        let mut updates = Vec::new();
        for u in self.use_.iter_mut().filter(|u| u.path == disk_path) {
            if !found {
                u.module_path = module_path.to_owned();
                updates.push((u.line, true));
                found = true;
            } else {
                updates.push((u.line, false));
                u.path.clear();
                u.module_path.clear();
            }
        }
        keep_first_line(&mut self.syntax, updates, &tokens);
        if !found {
            self.add_new_use(disk_path, module_path);
        }
    }

    /// Adds a `use` line at the end of the last use block, whatever is already there.
    pub fn add_new_use(&mut self, disk_path: &str, module_path: &str) {
        let line = self
            .syntax
            .add_line(None, vec![tok("use"), auto_quote(disk_path.as_bytes())]);
        self.use_.push(Use {
            path: disk_path.to_owned(),
            module_path: module_path.to_owned(),
            line,
        });
    }

    /// Removes every `use` of `disk_path`.
    pub fn drop_use(&mut self, disk_path: &str) {
        let ids: Vec<LineId> = self
            .use_
            .iter()
            .filter(|u| u.path == disk_path)
            .map(|u| u.line)
            .collect();
        for u in self.use_.iter_mut().filter(|u| u.path == disk_path) {
            u.path.clear();
            u.module_path.clear();
        }
        for id in ids {
            self.syntax.remove_line(id);
        }
    }

    /// Replaces `old_path[@old_vers]` with `new_path[@new_vers]` (see `ModFile::add_replace`).
    pub fn add_replace(&mut self, old_path: &str, old_vers: &str, new_path: &str, new_vers: &str) {
        add_replace(
            &mut self.syntax,
            &mut self.replace,
            old_path,
            old_vers,
            new_path,
            new_vers,
        );
    }

    /// Removes the replacement of exactly `old_path[@old_vers]`.
    pub fn drop_replace(&mut self, old_path: &str, old_vers: &str) {
        drop_replace(&mut self.syntax, &mut self.replace, old_path, old_vers);
    }
}
