//! go.work files: `go`, `toolchain`, `godebug`, `use` and `replace`, parsed like the go command
//! (there is no lax mode: any other directive is an error), printed like `go work edit -fmt`
//! and rendered like `go work edit -json`.

mod edit;

use crate::modfile::{
    for_each_directive, lossy, parse_string, read_go_line, read_godebug_line, read_replace_line,
    read_toolchain_line, replace_json, sort_stable_by, Go, Godebug, JsonWriter, Mode, Replace,
    Toolchain,
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
    for_each_directive(
        &mut stmts,
        file_name,
        BLOCK_VERBS,
        true,
        &mut errs,
        |errs, _, line, verb, first_arg| add(&mut f, errs, file_name, line, verb, first_arg),
    );
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
    let verb = String::from_utf8_lossy(verb_bytes);
    match verb_bytes {
        b"go" if f.go.is_some() => error(line, b"repeated go statement".to_vec()),
        b"go" => match read_go_line(line, first_arg, Mode::Strict) {
            Ok(version) => {
                f.go = Some(Go {
                    version,
                    line: line.id,
                })
            }
            Err(msg) => error(line, msg),
        },
        b"toolchain" if f.toolchain.is_some() => {
            error(line, b"repeated toolchain statement".to_vec())
        }
        b"toolchain" => match read_toolchain_line(line, first_arg) {
            Ok(name) => {
                f.toolchain = Some(Toolchain {
                    name,
                    line: line.id,
                })
            }
            Err(msg) => error(line, msg),
        },
        b"godebug" => match read_godebug_line(line, first_arg) {
            Ok(godebug) => f.godebug.push(godebug),
            Err(msg) => error(line, msg.as_bytes().to_vec()),
        },
        b"use" => {
            if line.tokens.len().saturating_sub(first_arg) != 1 {
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
        b"replace" => match read_replace_line(file, line, &verb, first_arg) {
            Ok(r) => f.replace.push(r),
            Err(e) => errs.push(e),
        },
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
