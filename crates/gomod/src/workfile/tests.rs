//! Golden tests: `testdata/workfile/*.in` against `go work edit -fmt -print` and
//! `testdata/workfile_json/*.in` against `go work edit -json`, both produced by the go binary
//! with `tools/regen_golden.sh`.

use crate::golden::check_dir;
use crate::modfile::tests::visible;

#[test]
fn workfile_fmt_golden() {
    check_dir("workfile", |_, data| match super::format("go.work", data) {
        Ok(out) => visible(&out),
        Err(errs) => format!("{errs}\n"),
    });
}

#[test]
fn workfile_json_golden() {
    check_dir("workfile_json", |_, data| {
        match super::edit_json("go.work", data) {
            Ok(out) => out,
            Err(errs) => format!("{errs}\n"),
        }
    });
}
