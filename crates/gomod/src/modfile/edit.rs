//! Edit operations on a go.mod model, each updating the model and its syntax tree together as
//! Go's `modfile.File` methods do (including their quirks, noted where they show). After a
//! series of edits call [`ModFile::sort_blocks`] and/or [`ModFile::cleanup`], as the go command
//! does, before printing.

use std::fmt;

use crate::path::{check_path_major, path_major_prefix, split_path_version};
use crate::syntax::quote::{auto_quote, quote};
use crate::syntax::text::{trim_prefix, trim_space};
use crate::syntax::{Comment, FileSyntax, LineId};
use crate::version::module::canonical_version;
use crate::version::semver;

use super::comments::is_indirect;
use super::{is_go_version, is_toolchain_name};
use super::{
    Exclude, Go, Godebug, Ignore, ModFile, Module, ModuleVersion, Replace, Require, Tool,
    Toolchain, VersionInterval,
};

/// Why an edit was refused; displays as the go command's error text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EditError {}

fn tok(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

fn quoted(s: &str) -> Vec<u8> {
    auto_quote(s.as_bytes())
}

/// Go's `checkCanonicalVersion`, used before adding excludes and retractions.
fn check_canonical_version(path: &str, vers: &str) -> Result<(), EditError> {
    let split = split_path_version(path);
    let path_major = split.map_or("", |(_, major)| major);
    let invalid =
        |msg: String| EditError(format!("version {} invalid: {msg}", quote(vers.as_bytes())));
    if vers.is_empty() || vers != canonical_version(vers) {
        if path_major.is_empty() {
            return Err(invalid("must be of the form v1.2.3".to_owned()));
        }
        let prefix = path_major_prefix(path_major).unwrap_or_default();
        return Err(invalid(format!("must be of the form {prefix}.2.3")));
    }
    if split.is_some() {
        if let Err(e) = check_path_major(vers, path_major) {
            if path_major.is_empty() {
                let major = semver::major(vers);
                return Err(invalid(format!(
                    "should be {vers}+incompatible (or module {path}/{major})"
                )));
            }
            return Err(EditError(e.to_string()));
        }
    }
    Ok(())
}

/// Sets the go line of a go.mod or go.work model: the existing line is rewritten, or a new one
/// is placed by `insert` (each file kind has its own placement rule).
pub(crate) fn set_go_line(
    syntax: &mut FileSyntax,
    go: &mut Option<Go>,
    version: &str,
    insert: impl FnOnce(&mut FileSyntax, Vec<Vec<u8>>) -> LineId,
) -> Result<(), EditError> {
    if !is_go_version(version.as_bytes()) {
        return Err(EditError(format!(
            "invalid language version {}",
            quote(version.as_bytes())
        )));
    }
    let tokens = vec![tok("go"), tok(version)];
    match go {
        Some(g) => {
            g.version = version.to_owned();
            syntax.update_line(g.line, tokens);
        }
        None => {
            let line = insert(syntax, tokens);
            *go = Some(Go {
                version: version.to_owned(),
                line,
            });
        }
    }
    Ok(())
}

/// Sets the toolchain line of a go.mod or go.work model, like [`set_go_line`].
pub(crate) fn set_toolchain_line(
    syntax: &mut FileSyntax,
    toolchain: &mut Option<Toolchain>,
    name: &str,
    insert: impl FnOnce(&mut FileSyntax, Vec<Vec<u8>>) -> LineId,
) -> Result<(), EditError> {
    if !is_toolchain_name(name.as_bytes()) {
        return Err(EditError(format!(
            "invalid toolchain name {}",
            quote(name.as_bytes())
        )));
    }
    let tokens = vec![tok("toolchain"), tok(name)];
    match toolchain {
        Some(t) => {
            t.name = name.to_owned();
            syntax.update_line(t.line, tokens);
        }
        None => {
            let line = insert(syntax, tokens);
            *toolchain = Some(Toolchain {
                name: name.to_owned(),
                line,
            });
        }
    }
    Ok(())
}

/// The second half of Go's "set the first, remove the others" edits (`AddRequire`, `AddUse`):
/// `updates` lists the matching lines in order with whether each is the one kept, which gets
/// `tokens`; the others are removed.
pub(crate) fn keep_first_line(
    syntax: &mut FileSyntax,
    updates: Vec<(LineId, bool)>,
    tokens: &[Vec<u8>],
) {
    for (id, keep) in updates {
        if keep {
            syntax.update_line(id, tokens.to_vec());
        } else {
            syntax.remove_line(id);
        }
    }
}

impl ModFile {
    /// Appends a top-level comment block holding `text` (a whole `// ...` comment line), as
    /// Go's `AddComment` does.
    pub fn add_comment(&mut self, text: &str) {
        let comment = Comment {
            token: tok(text),
            ..Comment::default()
        };
        let block = crate::syntax::CommentBlock {
            comments: crate::syntax::Comments {
                before: vec![comment],
                ..Default::default()
            },
            start: Default::default(),
        };
        self.syntax.stmts.push(crate::syntax::Stmt::Comments(block));
    }

    /// Sets the module path, adding a module line at the end if there is none.
    pub fn add_module_stmt(&mut self, path: &str) {
        let tokens = vec![tok("module"), quoted(path)];
        match self.module.as_mut() {
            Some(m) => {
                m.path = path.to_owned();
                let id = m.line;
                self.syntax.update_line(id, tokens);
            }
            None => {
                let line = self.syntax.add_line(None, tokens);
                self.module = Some(Module {
                    path: path.to_owned(),
                    deprecated: String::new(),
                    line,
                });
            }
        }
    }

    /// Sets the go line, adding it after the module line (or at the end) if there is none.
    pub fn add_go_stmt(&mut self, version: &str) -> Result<(), EditError> {
        let hint = self.module.as_ref().map(|m| m.line);
        set_go_line(&mut self.syntax, &mut self.go, version, |syntax, tokens| {
            syntax.add_line(hint, tokens)
        })
    }

    /// Removes the go line.
    pub fn drop_go_stmt(&mut self) {
        if let Some(g) = self.go.take() {
            self.syntax.remove_line(g.line);
        }
    }

    /// Sets the toolchain line, adding it after the go line (else the module line, else at the
    /// end) if there is none.
    pub fn add_toolchain_stmt(&mut self, name: &str) -> Result<(), EditError> {
        let hint = self
            .go
            .as_ref()
            .map(|g| g.line)
            .or_else(|| self.module.as_ref().map(|m| m.line));
        set_toolchain_line(
            &mut self.syntax,
            &mut self.toolchain,
            name,
            |syntax, tokens| syntax.add_line(hint, tokens),
        )
    }

    /// Removes the toolchain line.
    pub fn drop_toolchain_stmt(&mut self) {
        if let Some(t) = self.toolchain.take() {
            self.syntax.remove_line(t.line);
        }
    }

    /// Sets `key` to `value` on the first godebug line for `key` and removes the others; adds a
    /// line at the end of the last godebug block if there is none.
    pub fn add_godebug(&mut self, key: &str, value: &str) {
        add_godebug(&mut self.syntax, &mut self.godebug, key, value);
    }

    /// Removes every godebug line for `key`.
    pub fn drop_godebug(&mut self, key: &str) {
        drop_godebug(&mut self.syntax, &mut self.godebug, key);
    }

    /// Sets the version of the first requirement of `path` (keeping its comments) and removes
    /// the others; adds a requirement at the end of the last require block if there is none.
    pub fn add_require(&mut self, path: &str, vers: &str) {
        let tokens = vec![tok("require"), quoted(path), tok(vers)];
        let mut found = false;
        let mut updates = Vec::new();
        for r in self.require.iter_mut().filter(|r| r.module.path == path) {
            if !found {
                r.module.version = vers.to_owned();
                updates.push((r.line, true));
                found = true;
            } else {
                updates.push((r.line, false));
                r.module = ModuleVersion::default();
                r.indirect = false;
            }
        }
        keep_first_line(&mut self.syntax, updates, &tokens);
        if !found {
            self.add_new_require(path, vers, false);
        }
    }

    /// Adds a requirement at the end of the last require block, whatever is already there.
    pub fn add_new_require(&mut self, path: &str, vers: &str, indirect: bool) {
        let line = self
            .syntax
            .add_line(None, vec![tok("require"), quoted(path), tok(vers)]);
        self.require.push(Require {
            module: ModuleVersion {
                path: path.to_owned(),
                version: vers.to_owned(),
            },
            indirect: false,
            line,
        });
        let i = self.require.len() - 1;
        self.set_require_indirect(i, indirect);
    }

    /// Removes every requirement of `path`.
    pub fn drop_require(&mut self, path: &str) {
        let ids: Vec<LineId> = self
            .require
            .iter()
            .filter(|r| r.module.path == path)
            .map(|r| r.line)
            .collect();
        for r in self.require.iter_mut().filter(|r| r.module.path == path) {
            r.module = ModuleVersion::default();
            r.indirect = false;
        }
        for id in ids {
            self.syntax.remove_line(id);
        }
    }

    /// Marks requirement `index` as indirect or direct by editing its `// indirect` comment:
    /// `// indirect` is added (or prefixed as `// indirect; ` to an existing comment), or removed
    /// (the whole comment if it was only that).
    pub fn set_require_indirect(&mut self, index: usize, indirect: bool) {
        let Some(r) = self.require.get_mut(index) else {
            return;
        };
        r.indirect = indirect;
        let id = r.line;
        let Some(line) = self.syntax.line_mut(id) else {
            return;
        };
        if is_indirect(line) == indirect {
            return;
        }
        if indirect {
            let Some(first) = line.comments.suffix.first_mut() else {
                line.comments.suffix = vec![Comment {
                    token: tok("// indirect"),
                    suffix: true,
                    ..Comment::default()
                }];
                return;
            };
            let text = trim_space(trim_prefix(&first.token, b"//")).to_vec();
            first.token = if text.is_empty() {
                tok("// indirect")
            } else {
                [&b"// indirect; "[..], &text].concat()
            };
            return;
        }
        let Some(first) = line.comments.suffix.first_mut() else {
            return;
        };
        if trim_space(trim_prefix(&first.token, b"//")) == b"indirect" {
            line.comments.suffix.clear();
            return;
        }
        if let Some(at) = crate::syntax::text::find(&first.token, b"indirect;") {
            let rest = first
                .token
                .get(at + b"indirect;".len()..)
                .unwrap_or_default()
                .to_vec();
            first.token = [&b"//"[..], &rest].concat();
        }
    }

    /// Sets the version of requirement `index` in place (Go's `Require.setVersion`); a lone
    /// blank line above a block line is dropped at the same time.
    pub fn set_require_version(&mut self, index: usize, vers: &str) {
        let Some(r) = self.require.get_mut(index) else {
            return;
        };
        r.module.version = vers.to_owned();
        let id = r.line;
        let in_block = self.syntax.in_block(id);
        let Some(line) = self.syntax.line_mut(id) else {
            return;
        };
        if line.tokens.is_empty() {
            return;
        }
        let slot = if in_block {
            if line.comments.before.len() == 1
                && line
                    .comments
                    .before
                    .first()
                    .is_some_and(|c| c.token.is_empty())
            {
                line.comments.before.clear();
            }
            1
        } else {
            2
        };
        if let Some(t) = line.tokens.get_mut(slot) {
            *t = tok(vers);
        }
    }

    /// Adds an exclusion after the last one for the same path (else as a new line at the end of
    /// the file); the version must be canonical and fit the path's major version.
    pub fn add_exclude(&mut self, path: &str, vers: &str) -> Result<(), EditError> {
        check_canonical_version(path, vers)?;
        let mut hint = None;
        for x in &self.exclude {
            if x.module.path == path && x.module.version == vers {
                return Ok(());
            }
            if x.module.path == path {
                hint = Some(x.line);
            }
        }
        // Go passes a nil *Line as the hint here, which is not a nil interface: without an
        // exclusion of the same path the line goes to the end of the file, not into a block.
        let tokens = vec![tok("exclude"), quoted(path), tok(vers)];
        let line = match hint {
            Some(_) => self.syntax.add_line(hint, tokens),
            None => self.syntax.append_line(tokens),
        };
        self.exclude.push(Exclude {
            module: ModuleVersion {
                path: path.to_owned(),
                version: vers.to_owned(),
            },
            line,
        });
        Ok(())
    }

    /// Removes the exclusion of `path@vers`.
    pub fn drop_exclude(&mut self, path: &str, vers: &str) {
        let hit = |x: &Exclude| x.module.path == path && x.module.version == vers;
        let ids: Vec<LineId> = self
            .exclude
            .iter()
            .filter(|x| hit(x))
            .map(|x| x.line)
            .collect();
        for x in self.exclude.iter_mut().filter(|x| hit(x)) {
            x.module = ModuleVersion::default();
        }
        for id in ids {
            self.syntax.remove_line(id);
        }
    }

    /// Replaces `old_path[@old_vers]` with `new_path[@new_vers]`: the first matching replacement
    /// is rewritten and the other matches removed (an empty `old_vers` matches every version);
    /// otherwise a new line goes after the last replacement of `old_path`, or at the end of the
    /// file.
    pub fn add_replace(&mut self, old_path: &str, old_vers: &str, new_path: &str, new_vers: &str) {
        let (syntax, replace) = (&mut self.syntax, &mut self.replace);
        add_replace(syntax, replace, old_path, old_vers, new_path, new_vers);
    }

    /// Removes the replacement of exactly `old_path[@old_vers]`.
    pub fn drop_replace(&mut self, old_path: &str, old_vers: &str) {
        let (syntax, replace) = (&mut self.syntax, &mut self.replace);
        drop_replace(syntax, replace, old_path, old_vers);
    }

    /// Adds a retraction at the end of the last retract block, with `rationale` as comment lines
    /// above it. As in Go, the new line is added to the syntax only, not to [`ModFile::retract`].
    pub fn add_retract(
        &mut self,
        interval: &VersionInterval,
        rationale: &str,
    ) -> Result<(), EditError> {
        let path = self.module_path().to_owned();
        check_canonical_version(&path, &interval.high)?;
        check_canonical_version(&path, &interval.low)?;
        let tokens = if interval.low == interval.high {
            vec![tok("retract"), quoted(&interval.low)]
        } else {
            vec![
                tok("retract"),
                tok("["),
                quoted(&interval.low),
                tok(","),
                quoted(&interval.high),
                tok("]"),
            ]
        };
        let id = self.syntax.add_line(None, tokens);
        if !rationale.is_empty() {
            if let Some(line) = self.syntax.line_mut(id) {
                for text in rationale.split('\n') {
                    line.comments.before.push(Comment {
                        token: tok(&format!("// {text}")),
                        ..Comment::default()
                    });
                }
            }
        }
        Ok(())
    }

    /// Removes the retractions of exactly `interval`.
    pub fn drop_retract(&mut self, interval: &VersionInterval) {
        let ids: Vec<LineId> = self
            .retract
            .iter()
            .filter(|r| &r.interval == interval)
            .map(|r| r.line)
            .collect();
        for r in self.retract.iter_mut().filter(|r| &r.interval == interval) {
            r.interval = VersionInterval::default();
            r.rationale.clear();
        }
        for id in ids {
            self.syntax.remove_line(id);
        }
    }

    /// Adds a tool line unless `path` is already a tool, then sorts blocks (as Go does).
    /// The path is written as given, without quoting.
    pub fn add_tool(&mut self, path: &str) {
        if self.tool.iter().any(|t| t.path == path) {
            return;
        }
        let line = self.syntax.add_line(None, vec![tok("tool"), tok(path)]);
        self.tool.push(Tool {
            path: path.to_owned(),
            line,
        });
        self.sort_blocks();
    }

    /// Removes the tool lines for `path`. As in Go, the model keeps an entry with an empty path.
    pub fn drop_tool(&mut self, path: &str) {
        let ids: Vec<LineId> = self
            .tool
            .iter()
            .filter(|t| t.path == path)
            .map(|t| t.line)
            .collect();
        for t in self.tool.iter_mut().filter(|t| t.path == path) {
            t.path.clear();
        }
        for id in ids {
            self.syntax.remove_line(id);
        }
    }

    /// Adds an ignore line unless `path` is already ignored, then sorts blocks (as Go does).
    pub fn add_ignore(&mut self, path: &str) {
        if self.ignore.iter().any(|i| i.path == path) {
            return;
        }
        let line = self.syntax.add_line(None, vec![tok("ignore"), tok(path)]);
        self.ignore.push(Ignore {
            path: path.to_owned(),
            line,
        });
        self.sort_blocks();
    }

    /// Removes the ignore lines for `path`. As in Go, the model keeps an entry with an empty path.
    pub fn drop_ignore(&mut self, path: &str) {
        let ids: Vec<LineId> = self
            .ignore
            .iter()
            .filter(|i| i.path == path)
            .map(|i| i.line)
            .collect();
        for i in self.ignore.iter_mut().filter(|i| i.path == path) {
            i.path.clear();
        }
        for id in ids {
            self.syntax.remove_line(id);
        }
    }
}

/// Go's `addReplace`, shared with go.work.
pub(crate) fn add_replace(
    syntax: &mut crate::syntax::FileSyntax,
    replace: &mut Vec<Replace>,
    old_path: &str,
    old_vers: &str,
    new_path: &str,
    new_vers: &str,
) {
    let mut tokens = vec![tok("replace"), quoted(old_path)];
    if !old_vers.is_empty() {
        tokens.push(tok(old_vers));
    }
    tokens.push(tok("=>"));
    tokens.push(quoted(new_path));
    if !new_vers.is_empty() {
        tokens.push(tok(new_vers));
    }
    let new = ModuleVersion {
        path: new_path.to_owned(),
        version: new_vers.to_owned(),
    };
    let mut need = true;
    let mut hint = None;
    for r in replace.iter_mut() {
        if r.old.path == old_path && (old_vers.is_empty() || r.old.version == old_vers) {
            if need {
                r.new = new.clone();
                syntax.update_line(r.line, tokens.clone());
                need = false;
                continue;
            }
            if let Some(line) = syntax.line_mut(r.line) {
                line.mark_removed();
            }
            r.old = ModuleVersion::default();
            r.new = ModuleVersion::default();
        }
        if r.old.path == old_path {
            hint = Some(r.line);
        }
    }
    if need {
        // As for excludes, Go's nil *Line hint sends a replacement of a new path to the end of
        // the file rather than into the last replace block.
        let line = match hint {
            Some(_) => syntax.add_line(hint, tokens),
            None => syntax.append_line(tokens),
        };
        replace.push(Replace {
            old: ModuleVersion {
                path: old_path.to_owned(),
                version: old_vers.to_owned(),
            },
            new,
            line,
        });
    }
}

/// Go's `DropReplace`, shared with go.work.
pub(crate) fn drop_replace(
    syntax: &mut crate::syntax::FileSyntax,
    replace: &mut [Replace],
    old_path: &str,
    old_vers: &str,
) {
    for r in replace
        .iter_mut()
        .filter(|r| r.old.path == old_path && r.old.version == old_vers)
    {
        if let Some(line) = syntax.line_mut(r.line) {
            line.mark_removed();
        }
        r.old = ModuleVersion::default();
        r.new = ModuleVersion::default();
    }
}

/// Go's `AddGodebug`, shared with go.work.
pub(crate) fn add_godebug(
    syntax: &mut crate::syntax::FileSyntax,
    godebug: &mut Vec<Godebug>,
    key: &str,
    value: &str,
) {
    let tokens = vec![tok("godebug"), tok(&format!("{key}={value}"))];
    let mut found = false;
    for g in godebug.iter_mut().filter(|g| g.key == key) {
        if !found {
            g.value = value.to_owned();
            syntax.update_line(g.line, tokens.clone());
            found = true;
        } else {
            if let Some(line) = syntax.line_mut(g.line) {
                line.mark_removed();
            }
            g.key.clear();
            g.value.clear();
        }
    }
    if !found {
        let line = syntax.add_line(None, tokens);
        godebug.push(Godebug {
            key: key.to_owned(),
            value: value.to_owned(),
            line,
        });
    }
}

/// Go's `DropGodebug`, shared with go.work.
pub(crate) fn drop_godebug(
    syntax: &mut crate::syntax::FileSyntax,
    godebug: &mut [Godebug],
    key: &str,
) {
    for g in godebug.iter_mut().filter(|g| g.key == key) {
        if let Some(line) = syntax.line_mut(g.line) {
            line.mark_removed();
        }
        g.key.clear();
        g.value.clear();
    }
}
