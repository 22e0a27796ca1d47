//! go.work: parsing, formatting (whose result must parse again), JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(file) = gomod::workfile::parse("go.work", data) {
        let _ = file.to_edit_json();
    }
    if let Ok(formatted) = gomod::workfile::format("go.work", data) {
        // Not `again == formatted`: go's own -fmt is not idempotent (a blank line before the line
        // that sorts first in a block is printed right after `(`, and the next parse drops it;
        // see `modfile::format`), so only "the canonical form parses" is a property.
        if let Err(errors) = gomod::workfile::format("go.work", &formatted) {
            panic!("the canonical form does not parse: {errors}");
        }
    }
});
