//! An analysis as bytes: the web app analyses in a Web Worker (another instance of the same
//! wasm) and hands the result to the page, which cannot share memory with it. Only what the
//! analysis computed travels ([`Results`]); the files it was computed from are the page's own, so
//! the page rebuilds the [`Bundle`] from them instead of receiving a second copy.

use std::rc::Rc;

use serde::{Deserialize, Deserializer};

use super::{Analysis, NotRun};
use crate::bundle::Bundle;
use crate::check::Report;
use crate::resolve::Resolution;

/// What [`super::analyze`] computed from a bundle.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Results {
    pub report: Report,
    pub resolution: Option<Resolution>,
    pub not_run: Vec<NotRun>,
    pub notes: Vec<String>,
    pub omitted: Vec<super::omitted::OmittedFindings>,
}

impl Analysis {
    /// The computed parts, without the bundle (the receiver has the files).
    pub fn into_results(mut self) -> Results {
        Results {
            resolution: self.take_resolution(),
            report: self.report,
            not_run: self.not_run,
            notes: self.notes,
            omitted: self.omitted,
        }
    }

    /// Takes the resolution out, for a front end that hands it on whole. An analysis just made
    /// holds the only reference to it, so nothing is copied.
    pub fn take_resolution(&mut self) -> Option<Resolution> {
        self.resolution
            .take()
            .map(|r| Rc::try_unwrap(r).unwrap_or_else(|shared| (*shared).clone()))
    }

    /// The analysis of `bundle` whose computed parts are `results`.
    pub fn from_results(bundle: Bundle, results: Results) -> Analysis {
        Analysis {
            problems: bundle.problems().to_vec(),
            bundle,
            report: results.report,
            resolution: results.resolution.map(Rc::new),
            not_run: results.not_run,
            notes: results.notes,
            omitted: results.omitted,
        }
    }
}

/// `&'static str`, for the fields that read one back through a function of this module: serde
/// derives would otherwise borrow a field spelled `&str` from the input, which bytes a worker
/// posted cannot lend for `'static`.
pub type StaticStr = &'static str;

/// Reads a rule code back as the catalogue's own `&'static str` (or `*`, the code of a skip
/// that stopped every check of a file); a code the catalogue does not know is an error.
pub(crate) fn rule_code<'de, D: Deserializer<'de>>(d: D) -> Result<StaticStr, D::Error> {
    let code = String::deserialize(d)?;
    if code == ALL_CHECKS {
        return Ok(ALL_CHECKS);
    }
    crate::check::rule(&code)
        .map(|rule| rule.code)
        .ok_or_else(|| serde::de::Error::custom("unknown rule code"))
}

/// The code of a skipped entry that concerns every check of a file (it does not parse).
const ALL_CHECKS: &str = "*";

/// Reads [`Resolution::pruning`] back from its name (`""`: no graph was loaded).
pub(crate) fn pruning_name<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<crate::resolve::Pruning>, D::Error> {
    use crate::resolve::Pruning;
    match String::deserialize(d)?.as_str() {
        "pruned" => Ok(Some(Pruning::Pruned)),
        "unpruned" => Ok(Some(Pruning::Unpruned)),
        "workspace" => Ok(Some(Pruning::Workspace)),
        "" => Ok(None),
        _ => Err(serde::de::Error::custom("unknown pruning")),
    }
}
