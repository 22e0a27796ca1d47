//! Versions: Go's semantic versions (`semver`), module versions and their errors (`module`),
//! pseudo-versions (`pseudo`) and Go language/toolchain versions (`gover`).

pub mod module;
pub mod semver;

pub use module::{canonical_version, is_canonical, InvalidVersionError, ModuleError};
