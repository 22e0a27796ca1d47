//! Interpreting the statements of a go.mod syntax tree (Go's `parseToFile` and `File.add`).

use crate::path::check_path_major;
use crate::syntax::quote::quote;
use crate::syntax::{Comments, Error, ErrorKind, ErrorList, Line, Stmt};

use super::args::{
    cat, directive_prefix, into_lossy, lossy, parse_replace, parse_string, parse_version,
    path_major, VersionCheck,
};
use super::comments::{deprecation, directive_comment, is_indirect};
use super::{is_go_version, is_toolchain_name, lax_go_version};
use super::{
    Exclude, Go, Godebug, Ignore, ModFile, Module, ModuleVersion, Replace, Require, Retract, Tool,
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
    let report_unknown_blocks = mode == Mode::Strict;
    for_each_directive(
        &mut stmts,
        file_name,
        BLOCK_VERBS,
        report_unknown_blocks,
        &mut errs,
        |errs, block, line, verb, first_arg| {
            let mut ctx = Ctx {
                file: file_name,
                mode,
                errs,
            };
            ctx.add(&mut f, block, line, verb, first_arg);
        },
    );
    f.syntax.stmts = stmts;
    if errs.is_empty() {
        Ok(f)
    } else {
        Err(ErrorList(errs))
    }
}

/// Go's `parseToFile` loop, shared by go.mod and go.work: calls `add(errs, block comments, line,
/// verb, first_arg)` for every directive line (`first_arg` is 1 for a top-level line, whose first
/// token is the verb, and 0 inside a block). A block whose header is not one of `block_verbs`
/// is skipped, and reported when `report_unknown_blocks`.
pub(crate) fn for_each_directive(
    stmts: &mut [Stmt],
    file_name: &str,
    block_verbs: &[&[u8]],
    report_unknown_blocks: bool,
    errs: &mut Vec<Error>,
    mut add: impl FnMut(&mut Vec<Error>, Option<&Comments>, &mut Line, &[u8], usize),
) {
    for stmt in stmts {
        match stmt {
            Stmt::Line(line) => {
                let verb = line.tokens.first().cloned().unwrap_or_default();
                add(errs, None, line, &verb, 1);
            }
            Stmt::Block(block) => {
                let header_ok = block.tokens.len() == 1
                    && block
                        .tokens
                        .first()
                        .is_some_and(|v| block_verbs.contains(&v.as_slice()));
                if !header_ok {
                    if report_unknown_blocks {
                        let message = cat(&[b"unknown block type: ", &block.tokens.join(&b' ')]);
                        errs.push(Error::from_bytes(file_name, block.start, message));
                    }
                    continue;
                }
                let verb = block.tokens.first().cloned().unwrap_or_default();
                for line in &mut block.lines {
                    add(errs, Some(&block.comments), line, &verb, 0);
                }
            }
            Stmt::Comments(_) => {}
        }
    }
}

/// The argument of a `go` line (Go's checks, shared by go.mod and go.work), after the caller's
/// "repeated" check. In lax mode an invalid version is reduced to what the lax rule salvages,
/// rewriting the token.
pub(crate) fn read_go_line(
    line: &mut Line,
    first_arg: usize,
    mode: Mode,
) -> Result<String, Vec<u8>> {
    let nargs = line.tokens.len().saturating_sub(first_arg);
    if nargs != 1 {
        return Err(b"go directive expects exactly one argument".to_vec());
    }
    let Some(tok) = line.tokens.get_mut(first_arg) else {
        return Err(b"go directive expects exactly one argument".to_vec());
    };
    if !is_go_version(tok.as_slice()) {
        let fixed = match mode {
            Mode::Lax => lax_go_version(tok).map(<[u8]>::to_vec),
            Mode::Strict => None,
        };
        match fixed {
            Some(v) => *tok = v,
            None => {
                return Err(cat(&[
                    b"invalid go version '",
                    tok,
                    b"': must match format 1.23.0",
                ]))
            }
        }
    }
    Ok(lossy(tok))
}

/// The argument of a `toolchain` line, after the caller's "repeated" check.
pub(crate) fn read_toolchain_line(line: &Line, first_arg: usize) -> Result<String, Vec<u8>> {
    let nargs = line.tokens.len().saturating_sub(first_arg);
    let tok = match line.tokens.get(first_arg) {
        Some(t) if nargs == 1 => t,
        _ => return Err(b"toolchain directive expects exactly one argument".to_vec()),
    };
    if !is_toolchain_name(tok) {
        return Err(cat(&[
            b"invalid toolchain version '",
            tok,
            b"': must match format go1.23.0 or default",
        ]));
    }
    Ok(lossy(tok))
}

/// The key and value of a `godebug key=value` line.
pub(crate) fn read_godebug_line(line: &Line, first_arg: usize) -> Result<Godebug, &'static str> {
    let nargs = line.tokens.len().saturating_sub(first_arg);
    let tok = match line.tokens.get(first_arg) {
        Some(t) if nargs == 1 && !t.iter().any(|b| matches!(b, b'"' | b'`' | b'\'' | b',')) => t,
        _ => return Err("usage: godebug key=value"),
    };
    let Some(eq) = tok.iter().position(|&b| b == b'=') else {
        return Err("usage: godebug key=value");
    };
    Ok(Godebug {
        key: lossy(tok.get(..eq).unwrap_or_default()),
        value: lossy(tok.get(eq + 1..).unwrap_or_default()),
        line: line.id,
    })
}

/// A `replace` line. Its arguments are moved out and back, not copied, since `parse_replace`
/// rewrites them into normal form; after an error the tree is discarded, so its state is moot.
pub(crate) fn read_replace_line(
    file: &str,
    line: &mut Line,
    verb: &str,
    first_arg: usize,
) -> Result<Replace, Error> {
    let mut args = line.tokens.split_off(first_arg.min(line.tokens.len()));
    let parsed = parse_replace(file, line, verb, &mut args);
    line.tokens.append(&mut args);
    parsed
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
                match read_go_line(line, first_arg, self.mode) {
                    Ok(version) => {
                        f.go = Some(Go {
                            version,
                            line: line.id,
                        })
                    }
                    Err(msg) => self.error(line, msg),
                }
            }
            b"toolchain" => {
                if f.toolchain.is_some() {
                    return self.error(line, "repeated toolchain statement");
                }
                match read_toolchain_line(line, first_arg) {
                    Ok(name) => {
                        f.toolchain = Some(Toolchain {
                            name,
                            line: line.id,
                        })
                    }
                    Err(msg) => self.error(line, msg),
                }
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
            b"godebug" => match read_godebug_line(line, first_arg) {
                Ok(godebug) => f.godebug.push(godebug),
                Err(msg) => self.error(line, msg),
            },
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
                    self.errs.push(
                        Error::from_bytes(self.file, line.start, msg)
                            .with_kind(ErrorKind::PathMajorMismatch),
                    );
                    return;
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
            b"replace" => match read_replace_line(self.file, line, &verb, first_arg) {
                Ok(r) => f.replace.push(r),
                Err(e) => self.errs.push(e),
            },
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
