//! go.mod files: a typed model of every directive on top of the syntax tree, parsed strictly
//! (the main module, as `go mod edit` does) or laxly (dependencies), normalised and printed like
//! `go mod edit -fmt`, and rendered as `go mod edit -json`.
//!
//! Each model element names the syntax line it came from by [`LineId`], a stable identity that
//! survives sorting and the collapsing of one-line blocks, so edits can update both sides and
//! byte spans of the source stay reachable (`ModFile::syntax.line(id)`, `Line::byte_span`).
//!
//! Edits mirror Go's `modfile.File` methods and the go command's use of them:
//! `add_require` / `drop_require` / `set_require_indirect` / `set_require_version`,
//! `add_exclude`, `add_replace`, `add_retract`, `add_go_stmt`, `add_toolchain_stmt`,
//! `add_godebug`, `add_tool`, `add_ignore` (and their `drop_` forms), plus the whole-list
//! rewrites `set_require` (go < 1.17), `set_require_separate_indirect` (1.17–1.26) and
//! `set_require_at_most_two` (1.27+) that `go get` / `go mod tidy` apply. As in the go command,
//! follow edits with [`ModFile::sort_blocks`] and [`ModFile::cleanup`] before printing.
//!
//! Known limitation: the model's paths and versions (`ModFile::module`, `Require::module`, ...)
//! are `String`s decoded lossily, so a message built from a path with invalid UTF-8 shows U+FFFD
//! where go prints the raw bytes. The parse errors themselves are exact (see
//! `syntax::Error::raw_message`), and the syntax tree keeps every token's raw bytes.
//!
//! Error texts, positions and every output are checked against the go binary: see
//! `testdata/modfile` (and its `json`, `edit`, `lax`, `get` subdirectories) and
//! `tools/regen_golden.sh`.

mod args;
mod comments;
mod directives;
mod edit;
mod json;
mod replacements;
mod set_require;
mod sort;
mod stable_sort;

pub(crate) use args::{lossy, parse_string};
pub(crate) use directives::{
    for_each_directive, read_go_line, read_godebug_line, read_replace_line, read_toolchain_line,
    Mode,
};
pub use edit::EditError;
pub(crate) use edit::{
    add_godebug, add_replace, drop_godebug, drop_replace, keep_first_line, set_go_line,
    set_toolchain_line,
};
// The go.mod names of the go-line and toolchain-line grammar, which lives in `version::gover`.
pub use crate::version::gover::{
    is_go_line_version as is_go_version, is_toolchain_line_name as is_toolchain_name,
    lax_go_line_version as lax_go_version,
};
pub(crate) use json::{push_json_string_as, replace_json, JsonEscape, JsonWriter};
pub use replacements::Replacements;
pub use set_require::RequireSpec;
pub(crate) use sort::{compare_line, remove_lines};
pub(crate) use stable_sort::sort_stable_by;

use crate::syntax::{ErrorList, FileSyntax, LineId};

/// A module path with an optional version (Go's `module.Version`): the one such type of the
/// crate, for the file formats and the resolver alike. In a replacement target the version is
/// empty for a directory path; the resolver gives the main module the empty version, which the
/// go command treats as greater than every other version.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ModuleVersion {
    pub path: String,
    pub version: String,
}

impl ModuleVersion {
    pub fn new(path: impl Into<String>, version: impl Into<String>) -> ModuleVersion {
        ModuleVersion {
            path: path.into(),
            version: version.into(),
        }
    }
}

impl std::fmt::Display for ModuleVersion {
    /// `path@version`, or just `path` for an empty version, as `module.Version.String` prints.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.version.is_empty() {
            f.write_str(&self.path)
        } else {
            write!(f, "{}@{}", self.path, self.version)
        }
    }
}

/// The `module` line, with the `Deprecated:` paragraph of its comments (empty if none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub path: String,
    pub deprecated: String,
    pub line: LineId,
}

/// The `go` line (`1.21`, `1.21.3`, `1.22rc1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Go {
    pub version: String,
    pub line: LineId,
}

/// The `toolchain` line (`go1.21.3`, `default`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toolchain {
    pub name: String,
    pub line: LineId,
}

/// One `godebug key=value` setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Godebug {
    pub key: String,
    pub value: String,
    pub line: LineId,
}

/// One requirement; `indirect` reflects a `// indirect` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Require {
    pub module: ModuleVersion,
    pub indirect: bool,
    pub line: LineId,
}

/// One excluded module version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclude {
    pub module: ModuleVersion,
    pub line: LineId,
}

/// One replacement. An empty `old.version` replaces every version of `old.path`; an empty
/// `new.version` means `new.path` is a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replace {
    pub old: ModuleVersion,
    pub new: ModuleVersion,
    pub line: LineId,
}

impl Replace {
    /// Whether this replacement applies to one version only (`old v1.2.3 => ...`).
    pub fn is_version_specific(&self) -> bool {
        !self.old.version.is_empty()
    }

    /// Whether the replacement target is a directory on disk.
    pub fn is_directory(&self) -> bool {
        self.new.version.is_empty()
    }
}

/// A closed interval of versions; a single retracted version has `low == high`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VersionInterval {
    pub low: String,
    pub high: String,
}

/// One retraction, with the text of its comments as rationale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retract {
    pub interval: VersionInterval,
    pub rationale: String,
    pub line: LineId,
}

/// One `tool` package path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tool {
    pub path: String,
    pub line: LineId,
}

/// One `ignore` directory pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    pub path: String,
    pub line: LineId,
}

/// A parsed go.mod file (Go's `modfile.File`). The lists keep source order; the syntax tree is
/// what gets printed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ModFile {
    pub module: Option<Module>,
    pub go: Option<Go>,
    pub toolchain: Option<Toolchain>,
    pub godebug: Vec<Godebug>,
    pub require: Vec<Require>,
    pub exclude: Vec<Exclude>,
    pub replace: Vec<Replace>,
    pub retract: Vec<Retract>,
    pub tool: Vec<Tool>,
    pub ignore: Vec<Ignore>,
    pub syntax: FileSyntax,
}

/// Parses a main module's go.mod like `go mod edit` (Go's `modfile.Parse` with no version fixer):
/// every directive is checked, versions must be valid semver and are canonicalised, and all
/// directive errors are reported together. Syntax errors stop at the first one.
pub fn parse(file_name: &str, data: &[u8]) -> Result<ModFile, ErrorList> {
    directives::parse_mod(file_name, data, directives::Mode::Strict)
}

/// Parses a dependency's go.mod like the go command does (Go's `modfile.ParseLax` with no fixer):
/// only `module`, `go`, `require`, `retract` and `ignore` are interpreted; everything else,
/// including unknown directives and blocks, is skipped unchecked, and malformed retractions are
/// dropped. A go line such as `1.21.4-foo` is reduced to `1.21`.
pub fn parse_lax(file_name: &str, data: &[u8]) -> Result<ModFile, ErrorList> {
    directives::parse_mod(file_name, data, directives::Mode::Lax)
}

/// Formats go.mod bytes exactly like `go mod edit -fmt -print`: strict parse, then
/// [`ModFile::sort_blocks`], [`ModFile::cleanup`] and the printer. Like go's, the result is not
/// always a fixed point: a blank line before the line that sorts first in a block ends up right
/// after `(`, and formatting again drops it.
pub fn format(file_name: &str, data: &[u8]) -> Result<Vec<u8>, ErrorList> {
    let mut f = parse(file_name, data)?;
    f.sort_blocks();
    f.cleanup();
    Ok(f.format())
}

/// `go mod edit -json` for go.mod bytes: strict parse, sort, cleanup, then the JSON rendering.
pub fn edit_json(file_name: &str, data: &[u8]) -> Result<String, ErrorList> {
    let mut f = parse(file_name, data)?;
    f.sort_blocks();
    f.cleanup();
    Ok(f.to_edit_json())
}

impl ModFile {
    /// Prints the syntax tree (Go's `File.Format`); it does not sort or clean up by itself.
    pub fn format(&self) -> Vec<u8> {
        crate::syntax::format(&self.syntax)
    }

    /// The module path, or "" when there is no module line.
    pub fn module_path(&self) -> &str {
        self.module.as_ref().map_or("", |m| m.path.as_str())
    }

    /// The go line's version, if any.
    pub fn go_version(&self) -> Option<&str> {
        self.go.as_ref().map(|g| g.version.as_str())
    }

    /// `go mod edit -json` output for this file as it is now (tab-indented, `omitempty` fields
    /// left out as Go does, trailing newline included).
    pub fn to_edit_json(&self) -> String {
        json::mod_file_json(self)
    }
}

#[cfg(test)]
pub(crate) mod tests;
