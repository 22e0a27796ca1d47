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

/// `CheckGodebug("godebug", key, value)` for a toolchain running Go `local`: the reason go
/// rejects the setting, worded as go words it, or None when it is accepted.
pub fn check(key: &str, value: &str, local: &str) -> Option<String> {
    let has_space = |s: &str| s.contains([' ', '\t']);
    if has_space(key) {
        return Some("key contains space".to_owned());
    }
    if has_space(value) {
        return Some("value contains space".to_owned());
    }
    if key.contains(',') {
        return Some("key contains comma".to_owned());
    }
    if value.contains(',') {
        return Some("value contains comma".to_owned());
    }
    if key == "default" {
        let Some(version) = value.strip_prefix("go").filter(|v| gover::is_valid(v)) else {
            return Some("value for default= must be goVERSION".to_owned());
        };
        if gover::compare(version, local).is_gt() {
            return Some(format!("default={value} too new (toolchain is go{local})"));
        }
        return None;
    }
    if is_known(key) {
        return None;
    }
    if let Some(r) = removed_setting(key) {
        if r.old_values.contains(&value) {
            return Some(format!(
                "removed GODEBUG {} set to old value {} (https://go.dev/doc/godebug#go-1{})",
                crate::syntax::quote(key),
                crate::syntax::quote(value),
                r.removed_minor
            ));
        }
        return None;
    }
    Some(format!("unknown godebug {}", crate::syntax::quote(key)))
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
