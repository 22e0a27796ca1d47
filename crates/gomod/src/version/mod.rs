//! Versions: Go's semantic versions (`semver`), module versions and their errors (`module`),
//! pseudo-versions (`pseudo`) and Go language/toolchain versions (`gover`).

pub mod gover;
pub mod module;
pub mod pseudo;
pub mod semver;

pub use module::{canonical_version, is_canonical, InvalidVersionError, ModuleError};
pub use pseudo::{is_pseudo_version, pseudo_version_base, pseudo_version_rev, pseudo_version_time};
#[cfg(test)]
mod cases;
