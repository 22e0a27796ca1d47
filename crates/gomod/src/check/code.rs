//! Rule codes that the compiler checks against the catalogue.
//!
//! A rule reports its findings under a [`Code`], and the only way to write one is
//! `rule_code!("duplicate-require")`, which looks the text up in [`super::RULES`] while the crate
//! compiles: a misspelt or retired code is a compile error, not a finding nobody can look up.
//! The other direction (every catalogued rule is reported somewhere) is what
//! `tests/check_cases.rs` checks: each rule has a case that triggers it.

use super::rules::RULES;

/// A rule code from the catalogue (or [`Code::EVERY`] in a skipped entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Code(&'static str);

impl Code {
    /// Every rule: a skipped entry saying that no check ran on a file.
    pub(crate) const EVERY: Code = Code("*");

    /// The code `code`, which must be in the catalogue. Called in a `const` block by
    /// `rule_code!`, so the check happens while compiling and never at run time.
    #[allow(
        clippy::panic,
        reason = "runs only in the const blocks of rule_code!, so a wrong code fails the build and never panics at run time"
    )]
    pub(crate) const fn catalogued(code: &'static str) -> Code {
        if !in_catalogue(code) {
            panic!("not a rule code of check::RULES");
        }
        Code(code)
    }

    pub(crate) const fn as_str(self) -> &'static str {
        self.0
    }
}

/// A catalogued rule code, checked while compiling.
macro_rules! rule_code {
    ($code:literal) => {
        const { $crate::check::code::Code::catalogued($code) }
    };
}

const fn in_catalogue(code: &str) -> bool {
    let mut rest = RULES;
    while let [rule, tail @ ..] = rest {
        if same_text(rule.code.as_bytes(), code.as_bytes()) {
            return true;
        }
        rest = tail;
    }
    false
}

/// `a == b` for byte strings, in a form a `const fn` may use.
const fn same_text(mut a: &[u8], mut b: &[u8]) -> bool {
    loop {
        match (a, b) {
            ([], []) => return true,
            ([x, a_rest @ ..], [y, b_rest @ ..]) if *x == *y => {
                a = a_rest;
                b = b_rest;
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_catalogued_texts_are_codes() {
        assert!(in_catalogue("syntax-error"));
        assert!(!in_catalogue("syntax-erro"));
        assert!(!in_catalogue("syntax-errors"));
        assert!(!in_catalogue(""));
        assert!(RULES.iter().all(|r| in_catalogue(r.code)));
        assert_eq!(rule_code!("sum-missing").as_str(), "sum-missing");
    }
}
