//! `gomod-js`: the JavaScript API of gomodplay, for pages that want the analysis without the UI.
//!
//! A thin wasm-bindgen layer over the `gomod` core, built into `dist/pkg/` by
//! `scripts/build-dist.sh`:
//!
//! - `analyze(files, options?)`: diagnostics, explanations, build list and module graph;
//! - `format(text, fileName?)`: the canonical text `go mod edit -fmt` writes;
//! - `applyFixes(files, codes?, options?)`: the files after the fixes `gomodplay fix` applies;
//! - `why(files, path, options?, chainLimit?)`: why a module is in the graph at its version;
//! - `rules()`: the rule catalogue;
//! - `explainError(text, files?)`: the go command's error output explained, with located fixes.
//!
//! Arguments are converted in [`api`], which holds all the logic and is tested natively; this
//! file only moves values across the boundary. Results are plain objects (serde-wasm-bindgen's
//! JSON-compatible serialiser: objects rather than `Map`s, `null` for absent values), errors are
//! JavaScript `Error`s carrying go's wording. The TypeScript shapes of the results are in
//! [`typescript`].

pub mod api;
mod typescript;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use api::{Files, Input, JsOptions};

/// A plain JavaScript value of `value`, or an `Error`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `value` read as `T`; `undefined` and `null` read as `T::default()`.
fn from_js<T: DeserializeOwned + Default>(value: JsValue, what: &str) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// The `files` argument: a txtar string or an object of file names to texts.
fn input(files: JsValue) -> Result<Input, JsError> {
    if let Some(text) = files.as_string() {
        return Ok(Input::Txtar(text));
    }
    if !files.is_object() {
        return Err(JsError::new(
            "files: expected an object of file names to file texts, or a txtar string",
        ));
    }
    Ok(Input::Files(from_js::<Files>(files, "files")?))
}

/// Analyses the files as the playground does: every rule's diagnostics with their fixes and
/// explanations, and the build list and module graph when the files allow them.
#[wasm_bindgen(unchecked_return_type = "AnalyzeResult")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "Files | string")] files: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let input = input(files)?;
    let options: JsOptions = from_js(options.unwrap_or(JsValue::UNDEFINED), "options")?;
    to_js(&api::analyze(&input, &options).map_err(|e| JsError::new(&e))?)
}

/// The canonical form of a go.mod file (a go.work file when `fileName` is `go.work` or ends in
/// `.work`), byte for byte what `go mod edit -fmt` writes. Throws an `Error` whose message is
/// go's parse error list when the file does not parse.
#[wasm_bindgen]
pub fn format(
    text: &str,
    #[wasm_bindgen(js_name = "fileName")] file_name: Option<String>,
) -> Result<String, JsError> {
    api::format(text, file_name.as_deref()).map_err(|e| JsError::new(&e))
}

/// Applies the preferred fix of every finding (only those of the given rule codes, when some are
/// given) until nothing more can be fixed, and returns the new files and what was applied.
#[wasm_bindgen(js_name = "applyFixes", unchecked_return_type = "ApplyFixesResult")]
pub fn apply_fixes(
    #[wasm_bindgen(unchecked_param_type = "Files | string")] files: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string[]")] codes: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let input = input(files)?;
    let codes: Vec<String> = from_js(codes.unwrap_or(JsValue::UNDEFINED), "codes")?;
    let options: JsOptions = from_js(options.unwrap_or(JsValue::UNDEFINED), "options")?;
    to_js(&api::apply_fixes(&input, Some(&codes), &options).map_err(|e| JsError::new(&e))?)
}

/// Why the module `path` is in the graph at its version: the selected version (null when it is
/// not in the build list), every requirement on it, and chains from a main module (at most
/// `chainLimit`, default 8). Null when the files do not allow resolving the graph (see
/// `analyze(...).notRun`).
#[wasm_bindgen(unchecked_return_type = "ModuleExplanation | null")]
pub fn why(
    #[wasm_bindgen(unchecked_param_type = "Files | string")] files: JsValue,
    path: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions")] options: Option<JsValue>,
    #[wasm_bindgen(js_name = "chainLimit", unchecked_optional_param_type = "number")]
    chain_limit: Option<u32>,
) -> Result<JsValue, JsError> {
    let input = input(files)?;
    let options: JsOptions = from_js(options.unwrap_or(JsValue::UNDEFINED), "options")?;
    let limit = chain_limit.map(|n| n as usize);
    to_js(&api::why(&input, path, &options, limit).map_err(|e| JsError::new(&e))?)
}

/// Every rule of the catalogue, in the order of the documentation.
#[wasm_bindgen(unchecked_return_type = "Rule[]")]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&api::rules())
}

/// The go command's output (pasted as it is: several errors, colours, CI prefixes) explained:
/// each recognised module error with its variable parts, meaning, cause, rule codes, commands
/// and, when `files` are given, the findings whose fixes are exact edits; the rest is returned as
/// unrecognised.
#[wasm_bindgen(js_name = "explainError", unchecked_return_type = "ErrorExplanation")]
pub fn explain_error(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Files | string")] files: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let files = match files {
        Some(value) if !value.is_undefined() && !value.is_null() => Some(input(value)?),
        _ => None,
    };
    to_js(&api::explain_error(text, files.as_ref()))
}
