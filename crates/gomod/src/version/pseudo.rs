//! Pseudo-versions (golang.org/x/mod/module pseudo.go): versions that name an untagged commit by
//! time and revision, in three forms:
//!
//! * `vX.0.0-yyyymmddhhmmss-abcdefabcdef` when no earlier version with major X is known;
//! * `vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdefabcdef` after the release `vX.Y.Z`;
//! * `vX.Y.Z-pre.0.yyyymmddhhmmss-abcdefabcdef` after the pre-release `vX.Y.Z-pre`;
//!
//! the last two optionally followed by `+incompatible` (or other build metadata of the base).

use std::fmt;

use super::module::InvalidVersionError;
use super::semver;

/// The layout of the timestamp inside a pseudo-version (Go's reference-time notation).
pub const PSEUDO_VERSION_TIMESTAMP_FORMAT: &str = "20060102150405";

/// A UTC instant with one-second resolution, as recorded in a pseudo-version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PseudoTime {
    pub year: u32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

fn is_leap_year(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(month: u8, year: u32) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PseudoTime {
    /// Go's zero `time.Time`: January 1 of year 1, 00:00:00 UTC.
    pub const ZERO: PseudoTime = PseudoTime {
        year: 1,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
    };

    /// Parses a 14-digit `yyyymmddhhmmss` timestamp with the range checks of Go's `time.Parse`
    /// (month 1–12, day within the month, hour < 24, minute and second < 60).
    pub fn parse(timestamp: &str) -> Option<PseudoTime> {
        let b = timestamp.as_bytes();
        if b.len() != 14 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let num = |from: usize, to: usize| -> u32 {
            b.get(from..to)
                .unwrap_or_default()
                .iter()
                .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
        };
        let (year, month, day) = (num(0, 4), num(4, 6), num(6, 8));
        let (hour, minute, second) = (num(8, 10), num(10, 12), num(12, 14));
        // All fields have at most four digits, so the narrowing below cannot truncate.
        let month = u8::try_from(month).ok()?;
        if !(1..=12).contains(&month) || day < 1 || day > u32::from(days_in_month(month, year)) {
            return None;
        }
        if hour >= 24 || minute >= 60 || second >= 60 {
            return None;
        }
        Some(PseudoTime {
            year,
            month,
            day: u8::try_from(day).ok()?,
            hour: u8::try_from(hour).ok()?,
            minute: u8::try_from(minute).ok()?,
            second: u8::try_from(second).ok()?,
        })
    }

    /// The UTC time `secs` seconds after the Unix epoch (how commit times arrive from VCS tools).
    /// `None` before year 0 or past year `u32::MAX`, which no pseudo-version can name.
    pub fn from_unix_seconds(secs: i64) -> Option<PseudoTime> {
        let days = secs.div_euclid(86_400);
        let in_day = secs.rem_euclid(86_400);
        // Howard Hinnant's days-to-civil algorithm, on 400-year eras of 146097 days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = era
            .checked_mul(400)?
            .checked_add(year_of_era)?
            .checked_add(i64::from(month <= 2))?;
        Some(PseudoTime {
            year: u32::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
            hour: u8::try_from(in_day / 3600).ok()?,
            minute: u8::try_from(in_day % 3600 / 60).ok()?,
            second: u8::try_from(in_day % 60).ok()?,
        })
    }

    /// RFC 3339 text (`2019-11-09T02:19:31Z`), as Go's `time.RFC3339` layout prints a UTC time.
    pub fn to_rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// The `yyyymmddhhmmss` form used inside pseudo-versions (the year has at least four digits).
impl fmt::Display for PseudoTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}{:02}{:02}{:02}{:02}{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// Adds one to a decimal string of any length (`"9"` → `"10"`); `""` gives `"1"`, and text that
/// is not decimal gives `""`.
#[allow(
    clippy::indexing_slicing,
    reason = "`i` is checked to be positive and at most the length first"
)]
pub fn inc_decimal(decimal: &str) -> String {
    if !decimal.bytes().all(|b| b.is_ascii_digit()) {
        return String::new();
    }
    let mut digits = decimal.as_bytes().to_vec();
    let mut i = digits.len();
    while i > 0 && digits[i - 1] == b'9' {
        digits[i - 1] = b'0';
        i -= 1;
    }
    if i > 0 {
        digits[i - 1] += 1;
    } else {
        digits.insert(0, b'1');
    }
    String::from_utf8(digits).unwrap_or_default()
}

/// Subtracts one from a decimal string of any length (`"10"` → `"9"`); `"0"`, `""` and text that
/// is not decimal give `""`.
#[allow(
    clippy::indexing_slicing,
    reason = "`i` is checked to be positive and at most the length first"
)]
pub fn dec_decimal(decimal: &str) -> String {
    if !decimal.bytes().all(|b| b.is_ascii_digit()) {
        return String::new();
    }
    let mut digits = decimal.as_bytes().to_vec();
    let mut i = digits.len();
    while i > 0 && digits[i - 1] == b'0' {
        digits[i - 1] = b'9';
        i -= 1;
    }
    if i == 0 {
        return String::new();
    }
    if i == 1 && digits[0] == b'1' && digits.len() > 1 {
        digits.remove(0);
    } else {
        digits[i - 1] -= 1;
    }
    String::from_utf8(digits).unwrap_or_default()
}

/// Builds a pseudo-version for the commit `rev` made at `time`, following the newest earlier
/// version `older` (`""` when there is none) of major version `major` (`""` means `v0`).
pub fn pseudo_version(major: &str, older: &str, time: &PseudoTime, rev: &str) -> String {
    let major = if major.is_empty() { "v0" } else { major };
    let segment = format!("{time}-{rev}");
    let build = semver::build(older);
    let older = semver::canonical(older);
    if older.is_empty() {
        return format!("{major}.0.0-{segment}");
    }
    if !semver::prerelease(&older).is_empty() {
        return format!("{older}.0.{segment}{build}");
    }
    let dot = older.rfind('.').map_or(0, |i| i + 1);
    let (head, patch) = older.split_at(dot);
    format!("{head}{}-0.{segment}{build}", inc_decimal(patch))
}

/// The pseudo-version that sorts before every other one of major version `major`.
pub fn zero_pseudo_version(major: &str) -> String {
    pseudo_version(major, "", &PseudoTime::ZERO, "000000000000")
}

/// Reports whether `v` is the zero pseudo-version of its major version.
pub fn is_zero_pseudo_version(v: &str) -> bool {
    v == zero_pseudo_version(semver::major(v))
}

fn is_alnum_run(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Matches `\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?` against all of `s`.
fn matches_tail(s: &str) -> bool {
    let Some((timestamp, rest)) = s.split_at_checked(14) else {
        return false;
    };
    if !is_digits(timestamp) {
        return false;
    }
    let Some(rest) = rest.strip_prefix('-') else {
        return false;
    };
    let (rev, build) = match rest.find('+') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    is_alnum_run(rev)
        && build.is_none_or(|b| {
            b.split('.').all(|id| {
                !id.is_empty() && id.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
            })
        })
}

/// Go's `pseudoVersionRE`:
/// `^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`.
fn matches_pseudo_syntax(v: &str) -> bool {
    let Some(rest) = v.strip_prefix('v') else {
        return false;
    };
    let major_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let Some(rest) = rest
        .get(major_len..)
        .filter(|_| major_len > 0)
        .and_then(|r| r.strip_prefix('.'))
    else {
        return false;
    };
    // First alternative: `0.0-` directly followed by the timestamp.
    if rest.strip_prefix("0.0-").is_some_and(matches_tail) {
        return true;
    }
    // Second alternative: `Y.Z-`, an optional `anything-but-plus.`, then `0.` and the timestamp.
    let minor_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let Some(rest) = rest
        .get(minor_len..)
        .filter(|_| minor_len > 0)
        .and_then(|r| r.strip_prefix('.'))
    else {
        return false;
    };
    let patch_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let Some(rest) = rest
        .get(patch_len..)
        .filter(|_| patch_len > 0)
        .and_then(|r| r.strip_prefix('-'))
    else {
        return false;
    };
    rest.char_indices().any(|(i, _)| {
        let (before, after) = rest.split_at(i);
        let prefix_ok = before.is_empty() || (before.ends_with('.') && !before.contains('+'));
        prefix_ok && after.strip_prefix("0.").is_some_and(matches_tail)
    })
}

/// Reports whether `v` has the syntax of a pseudo-version.
pub fn is_pseudo_version(v: &str) -> bool {
    v.matches('-').count() >= 2 && semver::is_valid(v) && matches_pseudo_syntax(v)
}

struct PseudoParts<'a> {
    base: &'a str,
    timestamp: &'a str,
    rev: &'a str,
    build: &'a str,
}

fn syntax_error(v: &str) -> InvalidVersionError {
    InvalidVersionError::pseudo(v, "syntax error")
}

fn parse_pseudo_version(v: &str) -> Result<PseudoParts<'_>, InvalidVersionError> {
    if !is_pseudo_version(v) {
        return Err(syntax_error(v));
    }
    let build = semver::build(v);
    let without_build = &v[..v.len() - build.len()];
    let (rest, rev) = without_build
        .rsplit_once('-')
        .ok_or_else(|| syntax_error(v))?;
    let last_dash = rest.rfind('-');
    let (base, timestamp) = match (rest.rfind('.'), last_dash) {
        (Some(dot), Some(dash)) if dot > dash => (&rest[..dot], &rest[dot + 1..]),
        (_, Some(dash)) => (&rest[..dash], &rest[dash + 1..]),
        (_, None) => return Err(syntax_error(v)),
    };
    Ok(PseudoParts {
        base,
        timestamp,
        rev,
        build,
    })
}

/// The commit time recorded in a pseudo-version.
pub fn pseudo_version_time(v: &str) -> Result<PseudoTime, InvalidVersionError> {
    let parts = parse_pseudo_version(v)?;
    PseudoTime::parse(parts.timestamp).ok_or_else(|| {
        InvalidVersionError::pseudo(
            v,
            format!("malformed time {}", crate::syntax::quote(parts.timestamp)),
        )
    })
}

/// The revision identifier recorded in a pseudo-version (usually a 12-character commit prefix).
pub fn pseudo_version_rev(v: &str) -> Result<&str, InvalidVersionError> {
    parse_pseudo_version(v).map(|parts| parts.rev)
}

/// The version a pseudo-version builds on: `""` for the first form, the release before
/// `vX.Y.(Z+1)-0…` (i.e. `vX.Y.Z`), or the pre-release `vX.Y.Z-pre`; build metadata is kept.
pub fn pseudo_version_base(v: &str) -> Result<String, InvalidVersionError> {
    let parts = parse_pseudo_version(v)?;
    let base = parts.base;
    let build = parts.build;
    match semver::prerelease(base) {
        "" => {
            if !build.is_empty() {
                let msg = format!(
                    "lacks base version, but has build metadata {}",
                    crate::syntax::quote(build)
                );
                return Err(InvalidVersionError::pseudo(v, msg));
            }
            Ok(String::new())
        }
        "-0" => {
            let base = &base[..base.len() - 2];
            let Some(dot) = base.rfind('.') else {
                return Err(syntax_error(v));
            };
            let patch = dec_decimal(&base[dot + 1..]);
            if patch.is_empty() {
                let msg = format!("version before {base} would have negative patch number");
                return Err(InvalidVersionError::pseudo(v, msg));
            }
            Ok(format!("{}{patch}{build}", &base[..=dot]))
        }
        _ => match base.strip_suffix(".0") {
            Some(stripped) => Ok(format!("{stripped}{build}")),
            None => Err(syntax_error(v)),
        },
    }
}
