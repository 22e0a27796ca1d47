//! Lax parsing (seen through `go mod graph`) and requirement rewriting (seen through `go get`),
//! against goldens from the go binary run on a file proxy.

use super::{split_flag_line, visible};
use crate::modfile;
use gomod_test_support::golden::check_dir;

/// What `go mod graph` shows of a dependency whose go.mod is the input (see
/// `tools/regen_golden.sh`, `modfile/lax`): its requirement edges and its go version, as read by
/// the lax parser, or the go command's error for a go.mod that even lax parsing rejects.
fn render_lax(_name: &str, data: &[u8]) -> String {
    const DEP: &str = "example.com/dep@v1.0.0";
    match modfile::parse_lax("go.mod", data) {
        Ok(f) => {
            let mut out = String::new();
            for r in &f.require {
                out.push_str(&format!("{DEP} {}@{}\n", r.module.path, r.module.version));
            }
            if let Some(go) = &f.go {
                out.push_str(&format!("{DEP} go@{}\n", go.version));
            }
            visible(out.as_bytes())
        }
        Err(e) => format!("go: {DEP}: parsing go.mod: {}\n", visible(&e.to_bytes())),
    }
}

#[test]
fn modfile_lax_golden() {
    check_dir("modfile/lax", render_lax);
}

/// The go.mod that `go get ARGS` writes (see `tools/regen_golden.sh`, `modfile/get`), where
/// every named module is a stub without requirements: existing requirements keep their
/// `// indirect` marking, new ones are indirect (nothing imports them), then the go command's
/// requirement layout for the file's go version applies.
fn render_get(_name: &str, data: &[u8]) -> String {
    let (first, body) = split_flag_line(data);
    let first = first.as_str();
    let mut f = match modfile::parse("go.mod", body) {
        Ok(f) => f,
        Err(e) => return format!("{}\n", visible(&e.to_bytes())),
    };
    let mut want: Vec<modfile::RequireSpec> = Vec::new();
    for r in &f.require {
        match want.iter_mut().find(|w| w.path == r.module.path) {
            Some(w) => {
                if crate::version::semver::compare(&r.module.version, &w.version).is_gt() {
                    w.version = r.module.version.clone();
                }
            }
            None => want.push(modfile::RequireSpec {
                path: r.module.path.clone(),
                version: r.module.version.clone(),
                indirect: r.indirect,
            }),
        }
    }
    for arg in first.trim_start_matches("# get ").split_whitespace() {
        let (path, version) = arg.split_once('@').unwrap_or((arg, ""));
        match want.iter_mut().find(|w| w.path == path) {
            Some(w) => w.version = version.to_owned(),
            None => want.push(modfile::RequireSpec {
                path: path.to_owned(),
                version: version.to_owned(),
                indirect: true,
            }),
        }
    }
    let go = format!("v{}", f.go_version().unwrap_or("1.16"));
    let at_least = |v: &str| crate::version::semver::compare(&go, v).is_ge();
    if at_least("v1.27") {
        f.set_require_at_most_two(&want);
    } else if at_least("v1.17") {
        f.set_require_separate_indirect(&want);
    } else {
        f.set_require(&want);
    }
    f.cleanup();
    visible(&f.format())
}

#[test]
fn modfile_get_golden() {
    check_dir("modfile/get", render_get);
}
