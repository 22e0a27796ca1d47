//! Turning go.mod bytes into the summaries the resolver uses.
//!
//! This reads directives straight from the syntax tree (`crate::syntax`): module, go,
//! toolchain, require, exclude, replace, retract. Directive-level validation (error texts for
//! malformed require lines and the like) belongs to `crate::modfile`; until it is merged here only
//! syntax errors are reported, and the semantic reading below is what both layers agree on.

use super::mvs::Mod;
use super::summary::{DepSummary, MainSummary, Replacement, Requirement, Retraction};
use crate::syntax::{self, Line, Stmt};
use crate::version::module::canonical_version;

/// Why the main go.mod could not be read: go's error list, and the go line a lax reading found
/// (which turns the failure into a "requires go >=" error when it is too new).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MainFileError {
    pub errors: String,
    pub lax_go: Option<String>,
}

/// One directive occurrence: its verb and arguments (tokens as text, quotes removed).
struct Directive<'l> {
    verb: String,
    args: Vec<String>,
    line: &'l Line,
}

fn token_text(tok: &[u8]) -> String {
    if tok.first() == Some(&b'"') {
        if let Ok(u) = syntax::unquote(tok) {
            return String::from_utf8_lossy(&u).into_owned();
        }
    }
    String::from_utf8_lossy(tok).into_owned()
}

fn directives(file: &syntax::FileSyntax) -> Vec<Directive<'_>> {
    let mut out = Vec::new();
    for stmt in &file.stmts {
        match stmt {
            Stmt::Line(l) => {
                let mut toks = l.tokens.iter().map(|t| token_text(t));
                if let Some(verb) = toks.next() {
                    out.push(Directive {
                        verb,
                        args: toks.collect(),
                        line: l,
                    });
                }
            }
            Stmt::Block(b) => {
                let verb = b.tokens.first().map(|t| token_text(t)).unwrap_or_default();
                for l in &b.lines {
                    out.push(Directive {
                        verb: verb.clone(),
                        args: l.tokens.iter().map(|t| token_text(t)).collect(),
                        line: l,
                    });
                }
            }
            Stmt::Comments(_) => {}
        }
    }
    out
}

fn is_indirect(line: &Line) -> bool {
    line.comments.suffix.iter().any(|c| {
        let t = String::from_utf8_lossy(&c.token);
        let body = t.trim_start_matches("//").trim();
        body == "indirect" || body.starts_with("indirect;")
    })
}

fn version(v: &str) -> String {
    let c = canonical_version(v);
    if c.is_empty() {
        v.to_owned()
    } else {
        c
    }
}

fn rationale(line: &Line) -> String {
    let mut parts = Vec::new();
    for c in line
        .comments
        .before
        .iter()
        .chain(line.comments.suffix.iter())
    {
        let t = String::from_utf8_lossy(&c.token);
        parts.push(t.trim_start_matches("//").trim().to_owned());
    }
    parts.join("\n")
}

fn read(file_name: &str, data: &[u8]) -> Result<MainSummary, String> {
    let file = syntax::parse(file_name, data).map_err(|e| e.to_string())?;
    let mut s = MainSummary::default();
    for d in directives(&file) {
        let a = |i: usize| d.args.get(i).cloned().unwrap_or_default();
        match d.verb.as_str() {
            "module" => s.module = a(0),
            "go" => s.go = a(0),
            "toolchain" => s.toolchain = a(0),
            "require" => s.require.push(Requirement {
                module: Mod::new(a(0), version(&a(1))),
                indirect: is_indirect(d.line),
            }),
            "exclude" => s.exclude.push(Mod::new(a(0), version(&a(1)))),
            "replace" => {
                let arrow = d
                    .args
                    .iter()
                    .position(|t| t == "=>")
                    .unwrap_or(d.args.len());
                let old = Mod::new(
                    a(0),
                    if arrow > 1 {
                        version(&a(1))
                    } else {
                        String::new()
                    },
                );
                let new_path = a(arrow + 1);
                let new_version = d
                    .args
                    .get(arrow + 2)
                    .map(|v| version(v))
                    .unwrap_or_default();
                s.replace.push(Replacement {
                    old,
                    new: Mod::new(new_path, new_version),
                });
            }
            "retract" => {
                if a(0) == "[" {
                    s.retract.push(Retraction {
                        low: version(&a(1)),
                        high: version(&a(3)),
                        rationale: rationale(d.line),
                    });
                } else if !a(0).is_empty() {
                    s.retract.push(Retraction {
                        low: version(&a(0)),
                        high: version(&a(0)),
                        rationale: rationale(d.line),
                    });
                }
            }
            _ => {}
        }
    }
    Ok(s)
}

/// Reads a main module's go.mod.
pub fn parse_main(file_name: &str, data: &[u8]) -> Result<MainSummary, MainFileError> {
    read(file_name, data).map_err(|errors| MainFileError {
        errors,
        lax_go: None,
    })
}

/// Reads a dependency's go.mod laxly; the error is go's error list text.
pub fn parse_dep(file_name: &str, data: &[u8]) -> Result<DepSummary, String> {
    let m = read(file_name, data)?;
    Ok(DepSummary {
        module: m.module,
        go: m.go,
        require: m.require.into_iter().map(|r| r.module).collect(),
        retract: m.retract,
        deprecated: m.deprecated,
    })
}
