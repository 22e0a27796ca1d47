//! `go mod edit` flags replayed through the edit operations, against goldens from the go binary.

use super::{split_flag_line, visible};
use crate::modfile;
use gomod_test_support::golden::check_dir;

/// Splits `-name=value` into its parts.
fn flag(arg: &str) -> (&str, &str) {
    let arg = arg.trim_start_matches('-');
    arg.split_once('=').unwrap_or((arg, ""))
}

/// `path@version` as `go mod edit` flags write it.
fn path_version(arg: &str) -> (&str, &str) {
    arg.split_once('@').unwrap_or((arg, ""))
}

/// The `-retract` / `-dropretract` argument: `v` or `[low,high]`.
fn interval(arg: &str) -> modfile::VersionInterval {
    match arg
        .strip_prefix('[')
        .and_then(|a| a.strip_suffix(']'))
        .and_then(|a| a.split_once(','))
    {
        Some((low, high)) => modfile::VersionInterval {
            low: low.trim().to_owned(),
            high: high.trim().to_owned(),
        },
        None => modfile::VersionInterval {
            low: arg.to_owned(),
            high: arg.to_owned(),
        },
    }
}

/// Applies `go mod edit` flags the way the command does: -module, -go and -toolchain first (in
/// that order, whatever their order on the command line), the other edits in order, then
/// SortBlocks and Cleanup; prints with -print or -json.
pub(super) fn render_mod_edit(_name: &str, data: &[u8]) -> String {
    let (first, body) = split_flag_line(data);
    let first = first.as_str();
    let flags: Vec<&str> = first.trim_start_matches("# ").split_whitespace().collect();
    let mut f = match modfile::parse("go.mod", body) {
        Ok(f) => f,
        Err(e) => return format!("{}\n", visible(&e.to_bytes())),
    };
    // -module, -go and -toolchain are plain string flags: the last one of each counts, and they
    // are applied in that order before every other edit.
    let last = |name: &str| {
        flags
            .iter()
            .rev()
            .map(|a| flag(a))
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    };
    if let Some(p) = last("module") {
        f.add_module_stmt(p);
    }
    match last("go") {
        Some("none") => f.drop_go_stmt(),
        Some(v) => f.add_go_stmt(v).expect("valid -go"),
        None => {}
    }
    match last("toolchain") {
        Some("none") => f.drop_toolchain_stmt(),
        Some(v) => f.add_toolchain_stmt(v).expect("valid -toolchain"),
        None => {}
    }
    for arg in &flags {
        let (name, value) = flag(arg);
        let result = match name {
            "require" => {
                let (p, v) = path_version(value);
                f.add_require(p, v);
                Ok(())
            }
            "droprequire" => {
                f.drop_require(value);
                Ok(())
            }
            "exclude" => {
                let (p, v) = path_version(value);
                f.add_exclude(p, v)
            }
            "dropexclude" => {
                let (p, v) = path_version(value);
                f.drop_exclude(p, v);
                Ok(())
            }
            "replace" => {
                let (old, new) = value.split_once('=').unwrap_or((value, ""));
                let (op, ov) = path_version(old);
                let (np, nv) = if crate::path::is_directory_path(new) {
                    (new, "")
                } else {
                    path_version(new)
                };
                f.add_replace(op, ov, np, nv);
                Ok(())
            }
            "dropreplace" => {
                let (p, v) = path_version(value);
                f.drop_replace(p, v);
                Ok(())
            }
            "retract" => f.add_retract(&interval(value), ""),
            "dropretract" => {
                f.drop_retract(&interval(value));
                Ok(())
            }
            "godebug" => {
                let (k, v) = value.split_once('=').unwrap_or((value, ""));
                f.add_godebug(k, v);
                Ok(())
            }
            "dropgodebug" => {
                f.drop_godebug(value);
                Ok(())
            }
            "tool" => {
                f.add_tool(value);
                Ok(())
            }
            "droptool" => {
                f.drop_tool(value);
                Ok(())
            }
            "ignore" => {
                f.add_ignore(value);
                Ok(())
            }
            "dropignore" => {
                f.drop_ignore(value);
                Ok(())
            }
            _ => Ok(()),
        };
        if let Err(e) = result {
            return format!("go: {arg}: {e}\n");
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
fn modfile_edit_golden() {
    check_dir("modfile/edit", render_mod_edit);
}
