//! go.work files: `go`, `toolchain`, `godebug`, `use` and `replace`, parsed like the go command
//! (there is no lax mode: any other directive is an error), printed like `go work edit -fmt`
//! and rendered like `go work edit -json`.

mod edit;

use crate::modfile::{
    is_go_version, is_toolchain_name, lossy, parse_replace, parse_string, replace_json,
    sort_stable_by, Go, Godebug, JsonWriter, Replace, Toolchain,
};
use crate::syntax::{Error, ErrorList, FileSyntax, Line, LineId, Stmt};

/// One `use` directory. `module_path` is only ever set by tools; parsing leaves it empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub path: String,
    pub module_path: String,
    pub line: LineId,
}

/// A parsed go.work file (Go's `modfile.WorkFile`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WorkFile {
    pub go: Option<Go>,
    pub toolchain: Option<Toolchain>,
    pub godebug: Vec<Godebug>,
    pub use_: Vec<Use>,
    pub replace: Vec<Replace>,
    pub syntax: FileSyntax,
}

/// Verbs that may head a block in go.work.
const BLOCK_VERBS: &[&[u8]] = &[b"godebug", b"use", b"replace"];

/// Parses a go.work file (Go's `modfile.ParseWork` with no version fixer).
pub fn parse(file_name: &str, data: &[u8]) -> Result<WorkFile, ErrorList> {
    let syntax = crate::syntax::parse(file_name, data)?;
    let mut f = WorkFile {
        syntax,
        ..WorkFile::default()
    };
    let mut stmts = std::mem::take(&mut f.syntax.stmts);
    let mut errs = Vec::new();
    for stmt in &mut stmts {
        match stmt {
            Stmt::Line(line) => {
                let verb = line.tokens.first().cloned().unwrap_or_default();
                add(&mut f, &mut errs, file_name, line, &verb, 1);
            }
            Stmt::Block(block) => {
                let header_ok = block.tokens.len() == 1
                    && block
                        .tokens
                        .first()
                        .is_some_and(|v| BLOCK_VERBS.contains(&v.as_slice()));
                if !header_ok {
                    let message =
                        [&b"unknown block type: "[..], &block.tokens.join(&b' ')].concat();
                    errs.push(Error::from_bytes(file_name, block.start, message));
                    continue;
                }
                let verb = block.tokens.first().cloned().unwrap_or_default();
                for line in &mut block.lines {
                    add(&mut f, &mut errs, file_name, line, &verb, 0);
                }
            }
            Stmt::Comments(_) => {}
        }
    }
    f.syntax.stmts = stmts;
    if errs.is_empty() {
        Ok(f)
    } else {
        Err(ErrorList(errs))
    }
}

/// Interprets one go.work directive line (`first_arg` is 1 for a top-level line, 0 in a block).
fn add(
    f: &mut WorkFile,
    errs: &mut Vec<Error>,
    file: &str,
    line: &mut Line,
    verb_bytes: &[u8],
    first_arg: usize,
) {
    let mut error =
        |line: &Line, message: Vec<u8>| errs.push(Error::from_bytes(file, line.start, message));
    let verb = lossy(verb_bytes);
    let nargs = line.tokens.len().saturating_sub(first_arg);
    let arg = line.tokens.get(first_arg).cloned().unwrap_or_default();
    match verb_bytes {
        b"go" => {
            if f.go.is_some() {
                error(line, "repeated go statement".into());
            } else if nargs != 1 {
                error(line, "go directive expects exactly one argument".into());
            } else if !is_go_version(&arg) {
                error(
                    line,
                    [
                        &b"invalid go version '"[..],
                        &arg,
                        b"': must match format 1.23.0",
                    ]
                    .concat(),
                );
            } else {
                f.go = Some(Go {
                    version: lossy(&arg),
                    line: line.id,
                });
            }
        }
        b"toolchain" => {
            if f.toolchain.is_some() {
                error(line, "repeated toolchain statement".into());
            } else if nargs != 1 {
                error(
                    line,
                    "toolchain directive expects exactly one argument".into(),
                );
            } else if !is_toolchain_name(&arg) {
                error(
                    line,
                    [
                        &b"invalid toolchain version '"[..],
                        &arg,
                        b"': must match format go1.23.0 or default",
                    ]
                    .concat(),
                );
            } else {
                f.toolchain = Some(Toolchain {
                    name: lossy(&arg),
                    line: line.id,
                });
            }
        }
        b"godebug" => {
            let bad = nargs != 1 || arg.iter().any(|b| matches!(b, b'"' | b'`' | b'\'' | b','));
            match arg.iter().position(|&b| b == b'=') {
                Some(eq) if !bad => f.godebug.push(Godebug {
                    key: lossy(arg.get(..eq).unwrap_or_default()),
                    value: lossy(arg.get(eq + 1..).unwrap_or_default()),
                    line: line.id,
                }),
                _ => error(line, "usage: godebug key=value".into()),
            }
        }
        b"use" => {
            if nargs != 1 {
                return error(line, format!("usage: {verb} local/dir").into_bytes());
            }
            let Some(tok) = line.tokens.get_mut(first_arg) else {
                return;
            };
            match parse_string(tok) {
                Ok(s) => f.use_.push(Use {
                    path: lossy(&s),
                    module_path: String::new(),
                    line: line.id,
                }),
                Err(e) => error(line, format!("invalid quoted string: {e}").into_bytes()),
            }
        }
        b"replace" => {
            let mut args: Vec<Vec<u8>> = line.tokens.get(first_arg..).unwrap_or_default().to_vec();
            match parse_replace(file, line, &verb, &mut args) {
                Ok(r) => {
                    for (i, a) in args.into_iter().enumerate() {
                        if let Some(t) = line.tokens.get_mut(first_arg + i) {
                            *t = a;
                        }
                    }
                    f.replace.push(r);
                }
                Err(e) => errs.push(e),
            }
        }
        _ => error(line, [&b"unknown directive: "[..], verb_bytes].concat()),
    }
}

/// Formats go.work bytes exactly like `go work edit -fmt -print`.
pub fn format(file_name: &str, data: &[u8]) -> Result<Vec<u8>, ErrorList> {
    let mut f = parse(file_name, data)?;
    f.sort_blocks();
    f.cleanup();
    Ok(f.format())
}

/// `go work edit -json` for go.work bytes.
pub fn edit_json(file_name: &str, data: &[u8]) -> Result<String, ErrorList> {
    let mut f = parse(file_name, data)?;
    f.sort_blocks();
    f.cleanup();
    Ok(f.to_edit_json())
}

impl WorkFile {
    /// Prints the syntax tree as it is.
    pub fn format(&self) -> Vec<u8> {
        crate::syntax::format(&self.syntax)
    }

    /// Go's `WorkFile.SortBlocks`: drops all but the last replacement of each left side, then
    /// sorts every block (`use` included) by its tokens.
    pub fn sort_blocks(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let mut kill = std::collections::HashSet::new();
        for r in self.replace.iter().rev() {
            if !seen.insert(r.old.clone()) {
                kill.insert(r.line);
            }
        }
        self.replace.retain(|r| !kill.contains(&r.line));
        crate::modfile::remove_lines(&mut self.syntax.stmts, &kill);
        for stmt in &mut self.syntax.stmts {
            if let Stmt::Block(block) = stmt {
                sort_stable_by(&mut block.lines, crate::modfile::compare_line);
            }
        }
    }

    /// Go's `WorkFile.Cleanup`.
    pub fn cleanup(&mut self) {
        self.use_.retain(|u| !u.path.is_empty());
        self.replace.retain(|r| !r.old.path.is_empty());
        self.syntax.cleanup();
    }

    /// `go work edit -json` output for this file as it is now.
    pub fn to_edit_json(&self) -> String {
        let mut w = JsonWriter::new();
        w.begin_object(None);
        w.string_omitempty("Go", self.go.as_ref().map_or("", |g| g.version.as_str()));
        w.string_omitempty(
            "Toolchain",
            self.toolchain.as_ref().map_or("", |t| t.name.as_str()),
        );
        if !self.godebug.is_empty() {
            w.begin_array(Some("Godebug"));
            for d in &self.godebug {
                w.begin_object(None);
                w.string("Key", &d.key);
                w.string("Value", &d.value);
                w.end_object();
            }
            w.end_array();
        }
        if !self.use_.is_empty() {
            w.begin_array(Some("Use"));
            for u in &self.use_ {
                w.begin_object(None);
                w.string("DiskPath", &u.path);
                w.string_omitempty("ModPath", &u.module_path);
                w.end_object();
            }
            w.end_array();
        }
        replace_json(&mut w, &self.replace);
        w.end_object();
        w.finish()
    }
}

#[cfg(test)]
pub(crate) mod tests;
