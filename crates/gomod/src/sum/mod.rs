//! go.sum: the `h1:` hashes it records, reading it with positions and the go command's handling
//! of malformed lines, looking entries up, and writing it back exactly as the go command does.

mod fields;
mod gosum;
mod hash;
mod write;

pub(crate) use fields::{fields as go_fields, trim_go_space};
pub use gosum::{
    Entry, GoSum, LineKind, Problem, ProblemKind, Severity, SumLine, Verification,
    EMPTY_GO_MOD_HASH, GO_MOD_SUFFIX,
};
pub use hash::{gomod_hash, hash1, module_tree_hash, HashError, H1_PREFIX};
pub use write::write_sums;

#[cfg(test)]
mod golden_tests;
