//! Tests of go.mod reading and printing. Golden cases: every `testdata/{syntax,modfile}/*.in`
//! is a go.mod whose expected `go mod edit -fmt -print` output (or error text) was produced by
//! the go binary with `tools/regen_golden.sh`; `testdata/modfile/json` holds `go mod edit -json`
//! outputs. The submodules check edits, lax parsing and requirement rewriting the same way,
//! compare with the go binary directly (ignored tests), and hunt for panics.

mod edit_flags;
mod go_oracle;
mod lax_and_get;
mod robustness;

use crate::syntax::utf8::{runes, RUNE_ERROR};
use gomod_test_support::golden::check_dir;

/// Splits a flag case into its first line (the flags, as text without the line end) and the
/// file after it, which is kept byte for byte.
pub(crate) fn split_flag_line(data: &[u8]) -> (String, &[u8]) {
    let split = data
        .iter()
        .position(|&b| b == b'\n')
        .map_or(data.len(), |i| i + 1);
    let (first, body) = data.split_at(split);
    (String::from_utf8_lossy(first).trim_end().to_owned(), body)
}

/// Output bytes as golden text: each byte that is not part of valid UTF-8 is shown as `\xNN`,
/// as `tools/regen_golden.sh` writes the go command's output.
pub(crate) fn visible(bytes: &[u8]) -> String {
    let mut out = String::new();
    for (at, r, width) in runes(bytes) {
        if r == RUNE_ERROR && width == 1 {
            out.push_str(&format!("\\x{:02x}", bytes.get(at).copied().unwrap_or(0)));
        } else {
            out.push(r);
        }
    }
    out
}

/// What `go mod edit -fmt -print` shows for a file named go.mod: the formatted file, or the
/// error list (the go command's `go: errors parsing go.mod:` header line is left out).
fn render_fmt(_name: &str, data: &[u8]) -> String {
    match super::format("go.mod", data) {
        Ok(out) => visible(&out),
        Err(errs) => format!("{}\n", visible(&errs.to_bytes())),
    }
}

fn render_json(_name: &str, data: &[u8]) -> String {
    match super::edit_json("go.mod", data) {
        Ok(out) => out,
        Err(errs) => format!("{}\n", visible(&errs.to_bytes())),
    }
}

#[test]
fn syntax_golden() {
    check_dir("syntax", render_fmt);
}

#[test]
fn modfile_fmt_golden() {
    check_dir("modfile", render_fmt);
}

#[test]
fn modfile_json_golden() {
    check_dir("modfile/json", render_json);
}
