//! Turning go.mod bytes into the summaries the resolver uses, through `crate::modfile`: strict
//! parsing for main modules, lax parsing for dependencies (spec 2.13, 2.14).

use super::mvs::Mod;
use super::summary::{DepSummary, MainSummary, Replacement, Requirement, Retraction};
use crate::modfile::{self, ModFile, ModuleVersion};

/// Why the main go.mod could not be read: go's error list, and the go line a lax reading found
/// (which turns the failure into a "requires go >=" error when it is too new).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MainFileError {
    pub errors: String,
    pub lax_go: Option<String>,
}

fn m(v: &ModuleVersion) -> Mod {
    Mod::new(v.path.clone(), v.version.clone())
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
    match modfile::parse(abs_name, data) {
        Ok(f) => Ok(main_summary(&f)),
        Err(mut errors) => {
            for e in errors.0.iter_mut() {
                if e.file == abs_name {
                    e.file = short_name.to_owned();
                }
            }
            let lax_go = modfile::parse_lax(abs_name, data)
                .ok()
                .and_then(|f| f.go_version().map(str::to_owned));
            Err(MainFileError {
                errors: errors.to_string(),
                lax_go,
            })
        }
    }
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
