//! The parts of go.mod files the resolver uses.

use crate::modfile::ModuleVersion;

/// A retraction: the closed interval `[low, high]` and the rationale comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retraction {
    pub low: String,
    pub high: String,
    pub rationale: String,
}

/// What the module graph needs from a dependency's go.mod (`modFileSummary`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DepSummary {
    /// The module line's path; empty when there is none.
    pub module: String,
    /// The go line; empty when there is none.
    pub go: String,
    /// Requirements in file order, duplicates kept.
    pub require: Vec<ModuleVersion>,
    pub retract: Vec<Retraction>,
    /// The `// Deprecated:` message of the module line; empty when there is none.
    pub deprecated: String,
}

/// One require line of a main go.mod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    pub module: ModuleVersion,
    pub indirect: bool,
}

/// One replace line: `old` (version empty for all versions) => `new` (version empty for a
/// directory).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    pub old: ModuleVersion,
    pub new: ModuleVersion,
}

/// What the resolver needs from a main module's go.mod.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MainSummary {
    pub module: String,
    /// The go line; empty when there is none.
    pub go: String,
    /// The toolchain line; empty when there is none.
    pub toolchain: String,
    pub require: Vec<Requirement>,
    pub exclude: Vec<ModuleVersion>,
    pub replace: Vec<Replacement>,
    pub retract: Vec<Retraction>,
    pub deprecated: String,
    /// The godebug lines, checked when the module is loaded outside a workspace.
    pub godebug: Vec<GodebugLine>,
}

/// One `godebug key=value` setting and the line it is on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GodebugLine {
    pub key: String,
    pub value: String,
    pub line: u32,
}

impl MainSummary {
    /// The summary the graph uses when another main module (workspace mode) requires this one.
    pub fn as_dep(&self) -> DepSummary {
        DepSummary {
            module: self.module.clone(),
            go: self.go.clone(),
            require: self.require.iter().map(|r| r.module.clone()).collect(),
            retract: self.retract.clone(),
            deprecated: self.deprecated.clone(),
        }
    }
}
