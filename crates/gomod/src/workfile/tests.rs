//! Golden tests: `testdata/workfile/*.in` against `go work edit -fmt -print` and
//! `testdata/workfile/json/*.in` against `go work edit -json`, both produced by the go binary
//! with `tools/regen_golden.sh`.

use crate::modfile::tests::{split_flag_line, visible};
use gomod_test_support::golden::check_dir;

#[test]
fn workfile_fmt_golden() {
    check_dir("workfile", |_, data| match super::format("go.work", data) {
        Ok(out) => visible(&out),
        Err(errs) => format!("{}\n", visible(&errs.to_bytes())),
    });
}

#[test]
fn workfile_json_golden() {
    check_dir("workfile/json", |_, data| {
        match super::edit_json("go.work", data) {
            Ok(out) => out,
            Err(errs) => format!("{}\n", visible(&errs.to_bytes())),
        }
    });
}

/// Applies `go work edit` flags as the command does (the last -go and the last -toolchain first,
/// then the edits in order, SortBlocks, Cleanup) and prints with -print or -json.
pub(crate) fn render_work_edit(_name: &str, data: &[u8]) -> String {
    let (first, body) = split_flag_line(data);
    let first = first.as_str();
    let flags: Vec<&str> = first.trim_start_matches("# ").split_whitespace().collect();
    let mut f = match super::parse("go.work", body) {
        Ok(f) => f,
        Err(e) => return format!("{}\n", visible(&e.to_bytes())),
    };
    let split = |arg: &str| -> (String, String) {
        let arg = arg.trim_start_matches('-');
        let (n, v) = arg.split_once('=').unwrap_or((arg, ""));
        (n.to_owned(), v.to_owned())
    };
    // -go and -toolchain are plain string flags: the last of each counts, applied first.
    let last = |name: &str| {
        flags
            .iter()
            .rev()
            .map(|a| split(a))
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    };
    match last("go").as_deref() {
        Some("none") => f.drop_go_stmt(),
        Some(v) => f.add_go_stmt(v).expect("valid -go"),
        None => {}
    }
    match last("toolchain").as_deref() {
        Some("none") => f.drop_toolchain_stmt(),
        Some(v) => f.add_toolchain_stmt(v).expect("valid -toolchain"),
        None => {}
    }
    for arg in &flags {
        let (name, value) = split(arg);
        let pv = |s: &str| -> (String, String) {
            let (p, v) = s.split_once('@').unwrap_or((s, ""));
            (p.to_owned(), v.to_owned())
        };
        match name.as_str() {
            "use" => f.add_use(&value, ""),
            "dropuse" => f.drop_use(&value),
            "godebug" => {
                let (k, v) = value.split_once('=').unwrap_or((&value, ""));
                f.add_godebug(k, v);
            }
            "dropgodebug" => f.drop_godebug(&value),
            "replace" => {
                let (old, new) = value.split_once('=').unwrap_or((&value, ""));
                let (op, ov) = pv(old);
                let (np, nv) = if crate::path::is_directory_path(new) {
                    (new.to_owned(), String::new())
                } else {
                    pv(new)
                };
                f.add_replace(&op, &ov, &np, &nv);
            }
            "dropreplace" => {
                let (p, v) = pv(&value);
                f.drop_replace(&p, &v);
            }
            _ => {}
        }
    }
    f.sort_blocks();
    f.cleanup();
    if flags.contains(&"-json") {
        f.to_edit_json()
    } else {
        visible(&f.format())
    }
}

#[test]
fn workfile_edit_golden() {
    check_dir("workfile/edit", render_work_edit);
}
