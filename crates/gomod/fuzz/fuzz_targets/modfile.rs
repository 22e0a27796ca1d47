//! go.mod: strict and lax parsing, formatting, JSON; the canonical form must parse again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = gomod::syntax::parse("go.mod", data);
    if let Ok(file) = gomod::modfile::parse("go.mod", data) {
        let _ = file.to_edit_json();
    }
    if let Ok(file) = gomod::modfile::parse_lax("go.mod", data) {
        let _ = file.to_edit_json();
    }
    if let Ok(formatted) = gomod::modfile::format("go.mod", data) {
        // Not `again == formatted`: go's own -fmt is not idempotent (a blank line before the line
        // that sorts first in a block is printed right after `(`, and the next parse drops it;
        // see `modfile::format`), so only "the canonical form parses" is a property.
        if let Err(errors) = gomod::modfile::format("go.mod", &formatted) {
            panic!("the canonical form does not parse: {errors}");
        }
    }
});
