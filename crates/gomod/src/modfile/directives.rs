//! Interpreting the statements of a go.mod syntax tree (Go's `parseToFile` and `File.add`).

use crate::path::check_path_major;
use crate::syntax::quote::quote;
use crate::syntax::{Comments, Error, ErrorList, Line, Stmt};

use super::args::{
    cat, directive_prefix, into_lossy, lossy, parse_replace, parse_string, parse_version,
    path_major, VersionCheck,
};
use super::comments::{deprecation, directive_comment, is_indirect};
use super::goversion::{is_go_version, is_toolchain_name, lax_go_version};
use super::{
    Exclude, Go, Godebug, Ignore, ModFile, Module, ModuleVersion, Require, Retract, Tool,
    Toolchain, VersionInterval,
};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The main module (`modfile.Parse`): everything is checked.
    Strict,
    /// A dependency (`modfile.ParseLax`): only what matters to other modules is read.
    Lax,
}

/// Verbs that may head a block.
const BLOCK_VERBS: &[&[u8]] = &[
    b"module", b"godebug", b"require", b"exclude", b"replace", b"retract", b"tool", b"ignore",
];

/// Verbs that lax parsing reads; all others are skipped without a look.
const LAX_VERBS: &[&[u8]] = &[b"go", b"module", b"retract", b"require", b"ignore"];

pub(crate) fn parse_mod(file_name: &str, data: &[u8], mode: Mode) -> Result<ModFile, ErrorList> {
    let syntax = crate::syntax::parse(file_name, data)?;
    let mut f = ModFile {
        syntax,
        ..ModFile::default()
    };
    let mut stmts = std::mem::take(&mut f.syntax.stmts);
    let mut errs = Vec::new();
    let mut ctx = Ctx {
        file: file_name,
        mode,
        errs: &mut errs,
    };
    for stmt in &mut stmts {
        match stmt {
            Stmt::Line(line) => {
                let verb = line.tokens.first().cloned().unwrap_or_default();
                ctx.add(&mut f, None, line, &verb, 1);
            }
            Stmt::Block(block) => {
                let header_ok = block.tokens.len() == 1
                    && block
                        .tokens
                        .first()
                        .is_some_and(|v| BLOCK_VERBS.contains(&v.as_slice()));
                if !header_ok {
                    if mode == Mode::Strict {
                        let message = cat(&[b"unknown block type: ", &block.tokens.join(&b' ')]);
                        ctx.errs
                            .push(Error::from_bytes(file_name, block.start, message));
                    }
                    continue;
                }
                let verb = block.tokens.first().cloned().unwrap_or_default();
                let block_comments = block.comments.clone();
                for line in &mut block.lines {
                    ctx.add(&mut f, Some(&block_comments), line, &verb, 0);
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

struct Ctx<'a> {
    file: &'a str,
    mode: Mode,
    errs: &'a mut Vec<Error>,
}

impl Ctx<'_> {
    fn error(&mut self, line: &Line, message: impl Into<Vec<u8>>) {
        self.errs
            .push(Error::from_bytes(self.file, line.start, message.into()));
    }

    /// Interprets one directive line. `first_arg` is 1 for a top-level line (whose first token is
    /// the verb) and 0 for a line inside a block.
    fn add(
        &mut self,
        f: &mut ModFile,
        block: Option<&Comments>,
        line: &mut Line,
        verb_bytes: &[u8],
        first_arg: usize,
    ) {
        if self.mode == Mode::Lax && !LAX_VERBS.contains(&verb_bytes) {
            return;
        }
        let verb = String::from_utf8_lossy(verb_bytes);
        let nargs = line.tokens.len().saturating_sub(first_arg);
        match verb_bytes {
            b"go" => {
                if f.go.is_some() {
                    return self.error(line, "repeated go statement");
                }
                if nargs != 1 {
                    return self.error(line, "go directive expects exactly one argument");
                }
                let Some(tok) = line.tokens.get_mut(first_arg) else {
                    return;
                };
                if !is_go_version(tok) {
                    let fixed = match self.mode {
                        Mode::Lax => lax_go_version(tok).map(<[u8]>::to_vec),
                        Mode::Strict => None,
                    };
                    match fixed {
                        Some(v) => *tok = v,
                        None => {
                            let msg = cat(&[
                                b"invalid go version '",
                                tok,
                                b"': must match format 1.23.0",
                            ]);
                            return self.error(line, msg);
                        }
                    }
                }
                let version = lossy(tok);
                f.go = Some(Go {
                    version,
                    line: line.id,
                });
            }
            b"toolchain" => {
                if f.toolchain.is_some() {
                    return self.error(line, "repeated toolchain statement");
                }
                let tok = match line.tokens.get(first_arg) {
                    Some(t) if nargs == 1 => t,
                    _ => {
                        return self.error(line, "toolchain directive expects exactly one argument")
                    }
                };
                if !is_toolchain_name(tok) {
                    let msg = cat(&[
                        b"invalid toolchain version '",
                        tok,
                        b"': must match format go1.23.0 or default",
                    ]);
                    return self.error(line, msg);
                }
                let name = lossy(tok);
                f.toolchain = Some(Toolchain {
                    name,
                    line: line.id,
                });
            }
            b"module" => {
                if f.module.is_some() {
                    return self.error(line, "repeated module statement");
                }
                let text = directive_comment(block, line);
                let deprecated = deprecation(&text).map(lossy).unwrap_or_default();
                // Go records the module before checking its argument, so a malformed first
                // module line still makes a second one "repeated".
                f.module = Some(Module {
                    path: String::new(),
                    deprecated,
                    line: line.id,
                });
                if nargs != 1 {
                    return self.error(line, "usage: module module/path");
                }
                let Some(tok) = line.tokens.get_mut(first_arg) else {
                    return;
                };
                match parse_string(tok) {
                    Ok(s) => {
                        if let Some(m) = f.module.as_mut() {
                            m.path = lossy(&s);
                        }
                    }
                    Err(e) => self.error(line, format!("invalid quoted string: {e}")),
                }
            }
            b"godebug" => {
                let tok = match line.tokens.get(first_arg) {
                    Some(t)
                        if nargs == 1
                            && !t.iter().any(|b| matches!(b, b'"' | b'`' | b'\'' | b',')) =>
                    {
                        t
                    }
                    _ => return self.error(line, "usage: godebug key=value"),
                };
                let Some(eq) = tok.iter().position(|&b| b == b'=') else {
                    return self.error(line, "usage: godebug key=value");
                };
                let key = lossy(tok.get(..eq).unwrap_or_default());
                let value = lossy(tok.get(eq + 1..).unwrap_or_default());
                f.godebug.push(Godebug {
                    key,
                    value,
                    line: line.id,
                });
            }
            b"require" | b"exclude" => {
                if nargs != 2 {
                    return self.error(line, format!("usage: {verb} module/path v1.2.3"));
                }
                let Some(path_tok) = line.tokens.get_mut(first_arg) else {
                    return;
                };
                let s = match parse_string(path_tok) {
                    Ok(s) => s,
                    Err(e) => return self.error(line, format!("invalid quoted string: {e}")),
                };
                let Some(version_tok) = line.tokens.get_mut(first_arg + 1) else {
                    return;
                };
                let v = match parse_version(&verb, &s, version_tok, VersionCheck::Canonical) {
                    Ok(v) => into_lossy(v),
                    Err(msg) => return self.error(line, msg),
                };
                let path = lossy(&s);
                let Some(major) = path_major(&path) else {
                    return self.error(line, "invalid module path");
                };
                if let Err(e) = check_path_major(&v, major) {
                    let msg = cat(&[&directive_prefix(verb_bytes, &s), e.to_string().as_bytes()]);
                    return self.error(line, msg);
                }
                let module = ModuleVersion { path, version: v };
                if verb_bytes == b"require" {
                    let indirect = is_indirect(line);
                    f.require.push(Require {
                        module,
                        indirect,
                        line: line.id,
                    });
                } else {
                    f.exclude.push(Exclude {
                        module,
                        line: line.id,
                    });
                }
            }
            b"replace" => {
                // The arguments are moved out and back, not copied: parse_replace rewrites them
                // into normal form. After an error the tree is discarded, so its state is moot.
                let mut args = line.tokens.split_off(first_arg.min(line.tokens.len()));
                let parsed = parse_replace(self.file, line, &verb, &mut args);
                line.tokens.append(&mut args);
                match parsed {
                    Ok(r) => f.replace.push(r),
                    Err(e) => self.errs.push(e),
                }
            }
            b"retract" => self.add_retract(f, block, line, first_arg),
            b"tool" | b"ignore" => {
                if nargs != 1 {
                    return self.error(
                        line,
                        format!("{verb} directive expects exactly one argument"),
                    );
                }
                let Some(tok) = line.tokens.get_mut(first_arg) else {
                    return;
                };
                let path = match parse_string(tok) {
                    Ok(s) => lossy(&s),
                    Err(e) => return self.error(line, format!("invalid quoted string: {e}")),
                };
                if verb_bytes == b"tool" {
                    f.tool.push(Tool {
                        path,
                        line: line.id,
                    });
                } else {
                    f.ignore.push(Ignore {
                        path,
                        line: line.id,
                    });
                }
            }
            _ => self.error(line, cat(&[b"unknown directive: ", verb_bytes])),
        }
    }

    /// `retract v` or `retract [low, high]` (Go's `parseVersionInterval` with the no-op fixer:
    /// versions are only unquoted, not validated, when there is no go-command fixer).
    fn add_retract(
        &mut self,
        f: &mut ModFile,
        block: Option<&Comments>,
        line: &mut Line,
        first_arg: usize,
    ) {
        let rationale = lossy(&directive_comment(block, line));
        let mut args: Vec<Vec<u8>> = line.tokens.get(first_arg..).unwrap_or_default().to_vec();
        let parsed = version_interval(&mut args);
        write_back(line, first_arg, args.clone());
        let (interval, rest) = match parsed {
            Ok(ok) => ok,
            Err(msg) => {
                if self.mode == Mode::Strict {
                    self.error(line, msg);
                }
                return;
            }
        };
        if let Some(extra) = args.get(rest) {
            if self.mode == Mode::Strict {
                let msg = format!("unexpected token after version: {}", quote(extra));
                return self.error(line, msg);
            }
        }
        f.retract.push(Retract {
            interval,
            rationale,
            line: line.id,
        });
    }
}

/// Stores rewritten argument tokens back into the line.
fn write_back(line: &mut Line, first_arg: usize, args: Vec<Vec<u8>>) {
    for (i, a) in args.into_iter().enumerate() {
        if let Some(t) = line.tokens.get_mut(first_arg + i) {
            *t = a;
        }
    }
}

/// Parses a version or `[ low , high ]` at the start of `args`, unquoting the version tokens in
/// place. Returns the interval and the index of the first unread argument.
fn version_interval(args: &mut [Vec<u8>]) -> Result<(VersionInterval, usize), Vec<u8>> {
    let verb = "retract";
    let version_at = |args: &mut [Vec<u8>], i: usize| -> Result<String, Vec<u8>> {
        match args.get_mut(i) {
            Some(tok) => parse_version(verb, b"", tok, VersionCheck::Keep).map(into_lossy),
            None => Err(Vec::new()),
        }
    };
    match args.first().map(Vec::as_slice) {
        None | Some(b"(") => return Err(b"expected '[' or version".to_vec()),
        Some(b"[") => {}
        Some(_) => {
            let v = version_at(args, 0)?;
            return Ok((
                VersionInterval {
                    low: v.clone(),
                    high: v,
                },
                1,
            ));
        }
    }
    if args.len() < 2 {
        return Err(b"expected version after '['".to_vec());
    }
    let low = version_at(args, 1)?;
    if args.get(2).map(Vec::as_slice) != Some(b",") {
        return Err(b"expected ',' after version".to_vec());
    }
    if args.len() < 4 {
        return Err(b"expected version after ','".to_vec());
    }
    let high = version_at(args, 3)?;
    if args.get(4).map(Vec::as_slice) != Some(b"]") {
        return Err(b"expected ']' after version".to_vec());
    }
    Ok((VersionInterval { low, high }, 5))
}
