//! Turning go.mod bytes into the summaries the resolver uses, through `crate::modfile`: strict
//! parsing for main modules, lax parsing for dependencies (golang.org/x/mod/modfile's `Parse` and
//! `ParseLax`, cmd/go/internal/modload/init.go's `loadModFile`).

use super::summary::{DepSummary, GodebugLine, MainSummary, Replacement, Requirement, Retraction};
use crate::modfile::{self, ModFile, ModuleVersion};
use crate::path::{check_path_major, split_path_version};
use crate::syntax::{Error, ErrorKind, ErrorList, Position};
use crate::version::{canonical_version, InvalidVersionError};

/// Why the main go.mod could not be read: go's error list, and the go line a lax reading found
/// (which turns the failure into a "requires go >=" error when it is too new).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MainFileError {
    pub errors: String,
    pub lax_go: Option<String>,
}

fn m(v: &ModuleVersion) -> ModuleVersion {
    ModuleVersion::new(v.path.clone(), v.version.clone())
}

fn retractions(f: &ModFile) -> Vec<Retraction> {
    f.retract
        .iter()
        .map(|r| Retraction {
            low: r.interval.low.clone(),
            high: r.interval.high.clone(),
            rationale: r.rationale.clone(),
        })
        .collect()
}

/// The resolver's view of a parsed main go.mod.
pub fn main_summary(f: &ModFile) -> MainSummary {
    MainSummary {
        module: f.module_path().to_owned(),
        go: f.go_version().unwrap_or("").to_owned(),
        toolchain: f
            .toolchain
            .as_ref()
            .map(|t| t.name.clone())
            .unwrap_or_default(),
        require: f
            .require
            .iter()
            .map(|r| Requirement {
                module: m(&r.module),
                indirect: r.indirect,
            })
            .collect(),
        exclude: f.exclude.iter().map(|e| m(&e.module)).collect(),
        replace: f
            .replace
            .iter()
            .map(|r| Replacement {
                old: m(&r.old),
                new: m(&r.new),
            })
            .collect(),
        retract: retractions(f),
        deprecated: f
            .module
            .as_ref()
            .map(|x| x.deprecated.clone())
            .unwrap_or_default(),
        godebug: f
            .godebug
            .iter()
            .map(|g| GodebugLine {
                key: g.key.clone(),
                value: g.value.clone(),
                line: f.syntax.line(g.line).map_or(0, |l| l.start.line),
            })
            .collect(),
    }
}

/// Reads a main module's go.mod strictly; on failure also reads it laxly for its go line.
///
/// The go command parses the file under its absolute name and then shortens the file name at
/// the start of each error, so positions quoted inside a message keep the absolute name.
pub fn parse_main(
    abs_name: &str,
    short_name: &str,
    data: &[u8],
) -> Result<MainSummary, MainFileError> {
    let (mut errors, retractions_checked) = match modfile::parse(abs_name, data) {
        Ok(f) => {
            let errs = retract_errors(&f, abs_name);
            if errs.is_empty() {
                return Ok(main_summary(&f));
            }
            (ErrorList(errs), true)
        }
        Err(errors) => (errors, false),
    };
    let lax = modfile::parse_lax(abs_name, data).ok();
    if !retractions_checked {
        // Go checks the retractions after the other directives, whatever those reported.
        if let Some(lax) = &lax {
            errors.0.extend(retract_errors(lax, abs_name));
        }
    }
    for e in errors.0.iter_mut() {
        if e.file == abs_name {
            e.file = short_name.to_owned();
        }
    }
    Err(MainFileError {
        errors: errors.to_string(),
        lax_go: lax.and_then(|f| f.go_version().map(str::to_owned)),
    })
}

/// What the go command adds to `modfile.Parse` for a main module's retractions (modfile's
/// `fixRetract` with modload's `fixVersion`): they need a module line, and a retracted version
/// must agree with the module path's major version suffix. Only the first retraction without a
/// module line is reported, and only the first bad version of each directive.
///
/// A version that is not canonical (`v1.2`, a branch) would be resolved by a proxy query; that
/// is not simulated, so such a version passes.
pub fn retract_errors(f: &ModFile, file_name: &str) -> Vec<Error> {
    let path = f.module_path();
    let mut errs = Vec::new();
    for r in &f.retract {
        let pos = f.syntax.line(r.line).map_or(Position::START, |l| l.start);
        if path.is_empty() {
            let message = "no module directive found, so retract cannot be used";
            errs.push(Error::new(file_name, pos, message));
            break;
        }
        let versions = [&r.interval.low, &r.interval.high];
        let checked = if r.interval.low == r.interval.high {
            &versions[..1]
        } else {
            &versions[..]
        };
        if let Some((e, kind)) = checked.iter().find_map(|v| fixed_version_error(path, v)) {
            errs.push(Error::new(file_name, pos, format!("retract {path}: {e}")).with_kind(kind));
        }
    }
    errs
}

/// modload's `fixVersion` for a version the go command does not need to look up, with the
/// kind of parse error it makes.
fn fixed_version_error(path: &str, version: &str) -> Option<(InvalidVersionError, ErrorKind)> {
    let Some((_, path_major)) = split_path_version(path) else {
        let reason = format!("malformed module path {}", crate::syntax::quote(path));
        return Some((InvalidVersionError::new(version, reason), ErrorKind::Other));
    };
    if !version.is_empty() && canonical_version(version) == version {
        return check_path_major(version, path_major)
            .err()
            .map(|e| (e, ErrorKind::PathMajorMismatch));
    }
    None
}

/// Reads a dependency's go.mod laxly; the error is go's error list text. Simple files take the
/// fast path of [`super::fastmod`].
pub fn parse_dep(file_name: &str, data: &[u8]) -> Result<DepSummary, String> {
    match super::fastmod::read(data) {
        Some(d) => Ok(d),
        None => parse_dep_full(file_name, data),
    }
}

/// Reads a dependency's go.mod with the full lax parser.
pub fn parse_dep_full(file_name: &str, data: &[u8]) -> Result<DepSummary, String> {
    let f = modfile::parse_lax(file_name, data).map_err(|e| e.to_string())?;
    Ok(DepSummary {
        module: f.module_path().to_owned(),
        go: f.go_version().unwrap_or("").to_owned(),
        require: f.require.iter().map(|r| m(&r.module)).collect(),
        retract: retractions(&f),
        deprecated: f
            .module
            .as_ref()
            .map(|x| x.deprecated.clone())
            .unwrap_or_default(),
    })
}
