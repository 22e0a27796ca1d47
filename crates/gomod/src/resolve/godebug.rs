//! The check the go command applies to a main module's (or go.work's) `godebug` lines when it
//! loads them (modload's `CheckGodebug`): the key must name a GODEBUG setting the toolchain
//! knows, a removed setting must not be set to a value that asks for its old behaviour, and
//! `default=` must name a Go release no newer than the running one.
//!
//! The two tables are our own, written from the `All` and `Removed` tables of Go 1.27.3's
//! `internal/godebugs` package (`GOROOT/src/internal/godebugs/table.go`). The test
//! `tests/godebug_table.rs` reads the installed go's table.go at test time and fails when they
//! no longer agree, so that a new Go release is noticed.

use crate::version::gover;

/// The GODEBUG settings the go command knows (`godebugs.All`), sorted by name.
pub const KNOWN: &[&str] = &[
    "allowmultiplevcs",
    "containermaxprocs",
    "cryptocustomrand",
    "dataindependenttiming",
    "decoratemappings",
    "embedfollowsymlinks",
    "execerrdot",
    "fips140",
    "fips140ems",
    "gocachehash",
    "gocachetest",
    "gocacheverify",
    "gotestjsonbuildtext",
    "htmlmetacontenturlescape",
    "http2client",
    "http2debug",
    "http2server",
    "httpcookiemaxnum",
    "httplaxcontentlength",
    "httpmuxgo121",
    "httpservecontentkeepheaders",
    "httpservecontentmaxranges",
    "installgoroot",
    "jstmpllitinterp",
    "multipartfiles",
    "multipartmaxheaders",
    "multipartmaxparts",
    "multipathtcp",
    "netdns",
    "netedns0",
    "panicnil",
    "randautoseed",
    "randseednop",
    "rsa1024min",
    "tarinsecurepath",
    "tlsmaxrsasize",
    "tlsmlkem",
    "tlssecpmlkem",
    "tlssha1",
    "tracebacklabels",
    "updatemaxprocs",
    "urlmaxqueryparams",
    "urlstrictcolons",
    "winreadlinkvolume",
    "winsymlink",
    "x509negativeserial",
    "x509rsacrt",
    "x509sha256skid",
    "x509sslcertoverrideplatform",
    "x509usefallbackroots",
    "x509usepolicies",
    "zipinsecurepath",
];

/// A GODEBUG setting Go has removed (`godebugs.RemovedInfo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    pub name: &'static str,
    /// The Go 1.N release that removed it.
    pub removed_minor: u32,
    /// The values that asked for the behaviour before the change; setting one is an error,
    /// any other value is accepted (go.dev/issue/76163).
    pub old_values: &'static [&'static str],
}

/// The removed settings (`godebugs.Removed`), in that table's order.
pub const REMOVED: &[Removed] = &[
    removed("x509sha1", 24, &["1"]),
    removed("tlskyber", 24, &["0"]),
    removed("gotypesalias", 27, &["0"]),
    removed("tlsunsafeekm", 27, &["1"]),
    removed("tlsrsakex", 27, &["1"]),
    removed("tls3des", 27, &["1"]),
    removed("tls10server", 27, &["1"]),
    removed("x509keypairleaf", 27, &["0"]),
    removed("asynctimerchan", 27, &["1", "2"]),
];

const fn removed(
    name: &'static str,
    removed_minor: u32,
    old_values: &'static [&'static str],
) -> Removed {
    Removed {
        name,
        removed_minor,
        old_values,
    }
}

/// Whether the go command knows `key` as a current GODEBUG setting.
pub fn is_known(key: &str) -> bool {
    KNOWN.binary_search(&key).is_ok()
}

/// The removed setting named `key`, if any.
pub fn removed_setting(key: &str) -> Option<&'static Removed> {
    REMOVED.iter().find(|r| r.name == key)
}

/// Why the go command rejects a godebug line; its `Display` is go's wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    KeyContainsSpace,
    ValueContainsSpace,
    KeyContainsComma,
    ValueContainsComma,
    /// `default=` with a value that is not `goVERSION`.
    DefaultNotVersion,
    /// `default=goVERSION` newer than the running toolchain, Go `local`; the one rejection that
    /// depends on which Go the user runs, so the rules treat it apart.
    DefaultTooNew {
        value: String,
        local: String,
    },
    /// A removed setting set to a value that asks for its old behaviour, removed in Go 1.`minor`.
    RemovedOldValue {
        key: String,
        value: String,
        minor: u32,
    },
    UnknownKey {
        key: String,
    },
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::KeyContainsSpace => f.write_str("key contains space"),
            Rejection::ValueContainsSpace => f.write_str("value contains space"),
            Rejection::KeyContainsComma => f.write_str("key contains comma"),
            Rejection::ValueContainsComma => f.write_str("value contains comma"),
            Rejection::DefaultNotVersion => f.write_str("value for default= must be goVERSION"),
            Rejection::DefaultTooNew { value, local } => {
                write!(f, "default={value} too new (toolchain is go{local})")
            }
            Rejection::RemovedOldValue { key, value, minor } => write!(
                f,
                "removed GODEBUG {} set to old value {} (https://go.dev/doc/godebug#go-1{minor})",
                crate::syntax::quote(key),
                crate::syntax::quote(value),
            ),
            Rejection::UnknownKey { key } => {
                write!(f, "unknown godebug {}", crate::syntax::quote(key))
            }
        }
    }
}

/// `CheckGodebug("godebug", key, value)` for a toolchain running Go `local`: why go rejects
/// the setting, or None when it is accepted.
pub fn check(key: &str, value: &str, local: &str) -> Option<Rejection> {
    let has_space = |s: &str| s.contains([' ', '\t']);
    if has_space(key) {
        return Some(Rejection::KeyContainsSpace);
    }
    if has_space(value) {
        return Some(Rejection::ValueContainsSpace);
    }
    if key.contains(',') {
        return Some(Rejection::KeyContainsComma);
    }
    if value.contains(',') {
        return Some(Rejection::ValueContainsComma);
    }
    if key == "default" {
        let Some(version) = value.strip_prefix("go").filter(|v| gover::is_valid(v)) else {
            return Some(Rejection::DefaultNotVersion);
        };
        if gover::compare(version, local).is_gt() {
            return Some(Rejection::DefaultTooNew {
                value: value.to_owned(),
                local: local.to_owned(),
            });
        }
        return None;
    }
    if is_known(key) {
        return None;
    }
    if let Some(r) = removed_setting(key) {
        if r.old_values.contains(&value) {
            return Some(Rejection::RemovedOldValue {
                key: key.to_owned(),
                value: value.to_owned(),
                minor: r.removed_minor,
            });
        }
        return None;
    }
    Some(Rejection::UnknownKey {
        key: key.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_is_sorted_for_binary_search() {
        assert!(KNOWN.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn reasons_are_worded_as_go_words_them() {
        let local = "1.27.3";
        assert_eq!(check("panicnil", "1", local), None);
        let check =
            |key: &str, value: &str, local: &str| check(key, value, local).map(|r| r.to_string());
        assert_eq!(
            check("foo", "1", local).as_deref(),
            Some("unknown godebug \"foo\"")
        );
        assert_eq!(
            check("x509sha1", "1", local).as_deref(),
            Some("removed GODEBUG \"x509sha1\" set to old value \"1\" (https://go.dev/doc/godebug#go-124)")
        );
        assert_eq!(check("x509sha1", "0", local), None);
        assert_eq!(
            check("asynctimerchan", "2", local).as_deref(),
            Some("removed GODEBUG \"asynctimerchan\" set to old value \"2\" (https://go.dev/doc/godebug#go-127)")
        );
        assert_eq!(check("default", "go1.21", local), None);
        assert_eq!(
            check("default", "go1.99", local).as_deref(),
            Some("default=go1.99 too new (toolchain is go1.27.3)")
        );
        assert_eq!(
            check("default", "1.21", local).as_deref(),
            Some("value for default= must be goVERSION")
        );
    }
}
