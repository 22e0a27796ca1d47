//! The module version the resolver works with (Go's `module.Version`): one type, named
//! `resolve::Mod` everywhere.

use std::fmt;

/// A module version: a path and a version. The main module has the empty version, which the go
/// command treats as greater than every other version.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Mod {
    pub path: String,
    pub version: String,
}

impl Mod {
    pub fn new(path: impl Into<String>, version: impl Into<String>) -> Mod {
        Mod {
            path: path.into(),
            version: version.into(),
        }
    }
}

impl fmt::Display for Mod {
    /// `path@version`, or just `path` for an empty version, as `module.Version.String` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.version.is_empty() {
            f.write_str(&self.path)
        } else {
            write!(f, "{}@{}", self.path, self.version)
        }
    }
}
