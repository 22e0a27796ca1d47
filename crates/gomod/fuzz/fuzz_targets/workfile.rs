//! go.work: parsing, formatting (idempotent, as for go.mod), JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(file) = gomod::workfile::parse("go.work", data) {
        let _ = file.to_edit_json();
    }
    if let Ok(formatted) = gomod::workfile::format("go.work", data) {
        match gomod::workfile::format("go.work", &formatted) {
            Ok(again) => assert_eq!(again, formatted, "formatting is not idempotent"),
            Err(errors) => panic!("the canonical form does not parse: {errors}"),
        }
    }
});
