//! go.sum: reading, problem descriptions, rewriting; a rewritten file reads back to the same
//! entries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let sum = gomod::sum::GoSum::parse("go.sum", data);
    for problem in sum.problems() {
        let _ = sum.describe(problem);
    }
    let _ = sum.fatal_error();
    let rewritten = sum.rewrite();
    let again = gomod::sum::GoSum::parse("go.sum", &rewritten);
    assert_eq!(
        again.rewrite(),
        rewritten,
        "rewriting go.sum is not idempotent"
    );
    let _ = gomod::sum::gomod_hash(data);
});
