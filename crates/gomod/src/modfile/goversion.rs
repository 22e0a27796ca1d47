//! The textual checks of `go` and `toolchain` lines (Go's `GoVersionRE`, the lax go-version
//! pattern and `ToolchainRE`), written as small matchers instead of regular expressions.

/// Length of a run of ASCII digits at the start of `s` that forms a number without a leading
/// zero (`0` alone is allowed when `zero_ok`), or `None`.
fn number(s: &[u8], zero_ok: bool) -> Option<usize> {
    match s.first()? {
        b'0' if zero_ok => Some(1),
        b'1'..=b'9' => Some(s.iter().take_while(|b| b.is_ascii_digit()).count()),
        _ => None,
    }
}

/// `^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$`: `1.21`, `1.21.3`,
/// `1.21rc1`; not `1`, `v1.21`, `1.21.0-rc1`, `01.2`.
pub fn is_go_version(v: &[u8]) -> bool {
    let Some(n) = number(v, false) else {
        return false;
    };
    let Some(rest) = v.get(n..).and_then(|r| r.strip_prefix(b".")) else {
        return false;
    };
    let Some(n) = number(rest, true) else {
        return false;
    };
    let mut rest = rest.get(n..).unwrap_or_default();
    if let Some(after_dot) = rest.strip_prefix(b".") {
        let Some(n) = number(after_dot, true) else {
            return false;
        };
        rest = after_dot.get(n..).unwrap_or_default();
    }
    if rest.is_empty() {
        return true;
    }
    let letters = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
    let digits = rest.get(letters..).unwrap_or_default();
    letters > 0 && !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
}

/// The lax rule applied to dependencies' go lines: `^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)$`.
/// Returns the `MAJOR.MINOR` part the line is reduced to (`v1.21.4` → `1.21`).
pub fn lax_go_version(v: &[u8]) -> Option<&[u8]> {
    let body = v.strip_prefix(b"v").unwrap_or(v);
    let major = number(body, false)?;
    let after_dot = body.get(major..)?.strip_prefix(b".")?;
    let minor = number(after_dot, true)?;
    let kept = major + 1 + minor;
    // The next character must exist and not be a digit (a leading `0` minor cannot continue).
    match body.get(kept)? {
        b'0'..=b'9' => None,
        // `.` matches any character except a newline, which a token never contains.
        _ => body.get(..kept),
    }
}

/// `^default$|^go1($|\.)`.
pub fn is_toolchain_name(v: &[u8]) -> bool {
    v == b"default" || v == b"go1" || v.starts_with(b"go1.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_go_versions() {
        for ok in ["1.21", "1.21.0", "1.21rc1", "1.2beta1", "10.0.10", "1.0"] {
            assert!(is_go_version(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "1",
            "v1.21",
            "1.21.0-rc1",
            "1.2.beta1",
            "01.2",
            "1.02",
            "1.2.03",
            "1.2rc",
            "1.2RC1",
            "1.2.",
            "",
        ] {
            assert!(!is_go_version(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn lax_go_versions() {
        assert_eq!(lax_go_version(b"v1.21.4"), Some(&b"1.21"[..]));
        assert_eq!(lax_go_version(b"1.21.0-foo"), Some(&b"1.21"[..]));
        assert_eq!(lax_go_version(b"1.0x"), Some(&b"1.0"[..]));
        assert_eq!(lax_go_version(b"1.01"), None);
        assert_eq!(lax_go_version(b"1.21"), None);
        assert_eq!(lax_go_version(b"v1"), None);
    }

    #[test]
    fn toolchain_names() {
        assert!(
            is_toolchain_name(b"default")
                && is_toolchain_name(b"go1")
                && is_toolchain_name(b"go1.21.0-x")
        );
        assert!(
            !is_toolchain_name(b"go1x")
                && !is_toolchain_name(b"go2")
                && !is_toolchain_name(b"defaults")
        );
    }
}
