//! go.mod: strict and lax parsing, formatting, JSON. Formatting must also be idempotent: the
//! canonical form of a canonical form is itself (go mod edit -fmt never changes its own output).
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
        match gomod::modfile::format("go.mod", &formatted) {
            Ok(again) => assert_eq!(again, formatted, "formatting is not idempotent"),
            Err(errors) => panic!("the canonical form does not parse: {errors}"),
        }
    }
});
