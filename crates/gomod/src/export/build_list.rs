//! The build list as text (the lines `go list -m all` prints) and as CSV (RFC 4180).

use crate::resolve::resolution::BuildListEntry;
use crate::resolve::Resolution;

/// The build list as `go list -m all` prints it: `path version`, `path version => replacement`,
/// or a main module's bare path. Retraction marks are not part of the resolution, and go prints
/// them only with `-retracted`.
pub fn text(res: &Resolution) -> String {
    let mut out = String::new();
    for e in &res.build_list {
        out.push_str(&e.module.path);
        if !e.module.version.is_empty() {
            out.push(' ');
            out.push_str(&e.module.version);
            if let Some(r) = &e.replacement {
                out.push_str(" => ");
                out.push_str(&r.path);
                if !r.version.is_empty() {
                    out.push(' ');
                    out.push_str(&r.version);
                }
            }
        }
        out.push('\n');
    }
    out
}

/// The header row of [`csv`].
pub const CSV_HEADER: [&str; 6] = [
    "path",
    "version",
    "replacement_path",
    "replacement_version",
    "main",
    "direct",
];

/// The build list as CSV: a header row, then one row per module in `go list -m all` order,
/// lines ended by CRLF as RFC 4180 says. `main` and `direct` are `true` or `false`; a main
/// module has an empty version.
pub fn csv(res: &Resolution) -> String {
    let mut out = String::new();
    push_row(&mut out, &CSV_HEADER);
    for e in &res.build_list {
        let (rpath, rversion) = replacement(e);
        let main = e.module.version.is_empty() && res.main_modules.contains(&e.module.path);
        push_row(
            &mut out,
            &[
                &e.module.path,
                &e.module.version,
                rpath,
                rversion,
                if main { "true" } else { "false" },
                if e.direct { "true" } else { "false" },
            ],
        );
    }
    out
}

fn replacement(e: &BuildListEntry) -> (&str, &str) {
    match &e.replacement {
        Some(r) => (r.path.as_str(), r.version.as_str()),
        None => ("", ""),
    }
}

fn push_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(f));
    }
    out.push_str("\r\n");
}

/// One CSV field: quoted when it holds a comma, a double quote or a line break, with inner
/// double quotes doubled (RFC 4180, section 2). A replacement directory such as `./my, lib`
/// is the realistic case.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}
