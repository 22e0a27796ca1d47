//! A key under which paths that differ only in letter case collide.
//!
//! The go command refuses two module paths (or two files of a module zip) that are equal under
//! Unicode case folding, because they would collide on case-insensitive file systems. It tests this
//! with `strings.EqualFold` semantics: *simple* case folding, rune by rune, where runes are equal
//! when they belong to the same `unicode.SimpleFold` orbit (`k`, `K` and U+212A KELVIN SIGN form
//! one orbit). Full folding (`ß` → `ss`) is not used, so lengths in runes never change.
//! The key maps every rune to the smallest member of its orbit, with ASCII letters mapped to lower
//! case, as cmd/go's `str.ToFold` does; two strings are `EqualFold` exactly when their keys are
//! equal. Rust's `to_lowercase` is a different relation (full mappings, other Unicode version),
//! so the orbits come from Go's tables (see `syntax::unicode::fold_key`).

use crate::syntax::unicode::fold_key as fold_rune;

/// The case-folding key of `s` (see the module documentation).
pub fn case_fold_key(s: &str) -> String {
    s.chars().map(fold_rune).collect()
}

/// Go's `strings.EqualFold`: whether `a` and `b` are equal under simple Unicode case folding.
pub fn equal_fold(a: &str, b: &str) -> bool {
    a.chars().map(fold_rune).eq(b.chars().map(fold_rune))
}
