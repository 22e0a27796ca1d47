//! The binding's logic on plain Rust values, so that it is tested natively: turning the
//! JavaScript arguments (already deserialised) into core calls, and the core's results into the
//! serialisable shapes the JavaScript API returns. No Go-modules knowledge lives here; every
//! answer comes from `gomod`.

use std::fmt;

use gomod::analyze::{self, NotRun, Toolchain};
use gomod::bundle::Bundle;
use gomod::check::{self, AppliedFix, Diagnostic, Rule, Skipped};
pub use gomod::explain_error::Explanation as ErrorExplanation;
use gomod::resolve::{self, Explanation, Resolution};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Files by name, in the order given. JavaScript objects keep their keys in insertion order, and
/// the bundle keeps its files in that order too (a fixed bundle lists created files last), so
/// this is a list of pairs rather than a sorted map. It reads from and writes to a plain object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Files(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for Files {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Files, D::Error> {
        struct FilesVisitor;
        impl<'de> Visitor<'de> for FilesVisitor {
            type Value = Files;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of file names to file texts")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Files, A::Error> {
                let mut files = Vec::new();
                while let Some((name, text)) = map.next_entry::<String, String>()? {
                    files.push((name, text));
                }
                Ok(Files(files))
            }
        }
        deserializer.deserialize_map(FilesVisitor)
    }
}

impl Serialize for Files {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, text) in &self.0 {
            map.serialize_entry(name, text)?;
        }
        map.end()
    }
}

/// What `files` may be: an object of files, or a txtar archive holding them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Files(Files),
    Txtar(String),
}

impl Input {
    pub fn bundle(&self) -> Bundle {
        match self {
            Input::Files(files) => Bundle::from_files(
                files
                    .0
                    .iter()
                    .map(|(name, text)| (name.clone(), text.as_bytes().to_vec())),
            ),
            Input::Txtar(text) => Bundle::from_txtar(text.as_bytes()),
        }
    }
}

/// The `options` argument: the go command the user runs, like the page's selectors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsOptions {
    /// `go env GOVERSION`, with or without the `go` prefix.
    pub go_version: Option<String>,
    /// `"local"` (the default) or `"auto"`: GOTOOLCHAIN.
    pub toolchain: Option<String>,
}

/// The option names, as JavaScript spells them.
const OPTION_NAMES: &[&str] = &["goVersion", "toolchain"];

/// Read from the object's own entries, so that a misspelt option is an error rather than
/// silently ignored (serde-wasm-bindgen reads a derived struct by its known field names only).
impl<'de> Deserialize<'de> for JsOptions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsOptions, D::Error> {
        struct OptionsVisitor;
        impl<'de> Visitor<'de> for OptionsVisitor {
            type Value = JsOptions;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object with goVersion and toolchain")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsOptions, A::Error> {
                let mut options = JsOptions::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "goVersion" => options.go_version = map.next_value()?,
                        "toolchain" => options.toolchain = map.next_value()?,
                        other => return Err(serde::de::Error::unknown_field(other, OPTION_NAMES)),
                    }
                }
                Ok(options)
            }
        }
        deserializer.deserialize_map(OptionsVisitor)
    }
}

impl JsOptions {
    pub fn to_core(&self) -> Result<analyze::Options, String> {
        let toolchain = match self.toolchain.as_deref() {
            None | Some("local") => Toolchain::Local,
            Some("auto") => Toolchain::Auto,
            Some(other) => {
                return Err(format!(
                    "unknown toolchain {other:?}: expected \"local\" or \"auto\""
                ))
            }
        };
        Ok(analyze::Options {
            go_version: self.go_version.clone().filter(|v| !v.trim().is_empty()),
            toolchain,
        })
    }
}

/// A file of the input that the analysis ignored, and why (the core's wording).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleProblem {
    pub file: String,
    pub message: String,
}

/// What `analyze` returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnalyzeResult {
    /// Every rule's findings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Checks that could not run, and what to supply to enable them.
    pub skipped: Vec<Skipped>,
    /// The catalogue entry of every rule that has a finding, in catalogue order.
    pub explanations: Vec<&'static Rule>,
    /// The build list and module graph, when the files allow computing them.
    pub resolution: Option<Resolution>,
    /// What could not be computed, and what to supply.
    pub not_run: Vec<NotRun>,
    /// Remarks about the options.
    pub notes: Vec<String>,
    /// Files that were ignored.
    pub problems: Vec<BundleProblem>,
    /// The go commands equivalent to every offered fix, each once.
    pub go_commands: Vec<String>,
}

pub fn analyze(input: &Input, options: &JsOptions) -> Result<AnalyzeResult, String> {
    let options = options.to_core()?;
    let mut analysis = analyze::analyze(&input.bundle(), &options);
    let go_commands = analysis.go_commands();
    let explanations = check::RULES
        .iter()
        .filter(|rule| {
            analysis
                .report
                .diagnostics
                .iter()
                .any(|d| d.code == rule.code)
        })
        .collect();
    let resolution = analysis.take_resolution();
    Ok(AnalyzeResult {
        explanations,
        go_commands,
        problems: analysis
            .problems
            .iter()
            .map(|p| BundleProblem {
                file: p.file.clone(),
                message: p.to_string(),
            })
            .collect(),
        diagnostics: analysis.report.diagnostics,
        skipped: analysis.report.skipped,
        resolution,
        not_run: analysis.not_run,
        notes: analysis.notes,
    })
}

/// Whether a file name is read as go.work: `go.work` or any name ending in `.work`, as the
/// command line decides.
fn is_work_file(name: &str) -> bool {
    name.rsplit('/').next().unwrap_or(name).ends_with(".work")
}

/// The canonical text of a go.mod (or go.work) file, byte for byte what `go mod edit -fmt`
/// (`go work edit -fmt`) writes, or go's parse error list (one `file:line:col: message` per line).
pub fn format(text: &str, file_name: Option<&str>) -> Result<String, String> {
    let name = file_name.filter(|n| !n.is_empty()).unwrap_or("go.mod");
    let formatted = if is_work_file(name) {
        gomod::workfile::format(name, text.as_bytes())
    } else {
        gomod::modfile::format(name, text.as_bytes())
    };
    match formatted {
        Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Err(errors) => Err(errors.to_string()),
    }
}

/// What `applyFixes` returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplyFixesResult {
    /// Every file after fixing, in the input's order, created files last.
    pub files: Files,
    /// The same files as a txtar archive.
    pub txtar: String,
    /// The names of the files that changed or were created, sorted.
    pub changed: Vec<String>,
    /// The fixes applied, in order.
    pub applied: Vec<AppliedFix>,
    /// The findings left after fixing.
    pub diagnostics: Vec<Diagnostic>,
}

/// Applies the preferred fix of every finding whose code is in `codes` (all codes when `None`
/// or empty), repeatedly, as `gomodplay fix` does.
pub fn apply_fixes(
    input: &Input,
    codes: Option<&[String]>,
    options: &JsOptions,
) -> Result<ApplyFixesResult, String> {
    let codes = codes.unwrap_or_default();
    if let Some(unknown) = codes.iter().find(|c| check::rule(c).is_none()) {
        return Err(format!("unknown rule {unknown:?}"));
    }
    let only: Vec<&str> = codes.iter().map(String::as_str).collect();
    let outcome = check::fix_bundle(&input.bundle(), &options.to_core()?, &only);
    Ok(ApplyFixesResult {
        files: Files(
            outcome
                .bundle
                .files()
                .iter()
                .map(|f| {
                    (
                        f.name.clone(),
                        String::from_utf8_lossy(&f.data).into_owned(),
                    )
                })
                .collect(),
        ),
        txtar: String::from_utf8_lossy(&outcome.bundle.to_txtar()).into_owned(),
        changed: outcome.changed,
        applied: outcome.applied,
        diagnostics: outcome.report.diagnostics,
    })
}

/// Chains listed by [`why`] when the caller does not say: as many as the graph view shows.
pub const DEFAULT_CHAIN_LIMIT: usize = 8;

/// Why `path` is in the module graph at its version (as `gomodplay why PATH` prints it): the
/// selected version, who requires which version, and chains from the main module, at most
/// `chain_limit` of them. `None` when the files do not allow a resolution.
pub fn why(
    input: &Input,
    path: &str,
    options: &JsOptions,
    chain_limit: Option<usize>,
) -> Result<Option<Explanation>, String> {
    let options = options.to_core()?;
    let analysis = analyze::analyze(&input.bundle(), &options);
    let limit = chain_limit.unwrap_or(DEFAULT_CHAIN_LIMIT).max(1);
    Ok(analysis
        .resolution
        .map(|res| resolve::explain(&res, path, limit)))
}

/// The rule catalogue, in the order of the documentation.
pub fn rules() -> &'static [Rule] {
    check::RULES
}

/// The go command's output explained (as `gomodplay explain-error` and the page's "Error
/// explained" region show it), with the fixes located in the user's files when they are given.
pub fn explain_error(text: &str, files: Option<&Input>) -> ErrorExplanation {
    let bundle = files.map(Input::bundle);
    gomod::explain_error::explain_error(text, bundle.as_ref())
}

#[cfg(test)]
mod tests;
