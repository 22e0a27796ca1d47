//! The data-driven cases of `testdata/version` and `testdata/path` (compiled only for tests).
//!
//! Each `.in` line is a request `OP<TAB>ARG...` in the protocol of the x/mod driver
//! (`tests/xmod-driver/main.go`: backslash, tab, newline and carriage return escaped as `\\`,
//! `\t`, `\n`, `\r`); lines that are empty or start with `#` are copied through. The `.golden` file
//! repeats every request followed by a line `  => ANSWER...`. The goldens are written from Go's
//! answers and re-checked against them by `tests/xmod_golden.rs`; here we check that our functions
//! give the same answers.

use crate::path;
use crate::version::{gover, module, pseudo, semver};
use gomod_test_support::xmod::{escape, unescape};

/// Renders a case file: every request followed by its answer.
pub(crate) fn render(input: &[u8]) -> String {
    let text = String::from_utf8_lossy(input);
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<String> = line.split('\t').map(unescape).collect();
        let (op, args) = fields
            .split_first()
            .map_or(("", &[][..]), |(op, args)| (op.as_str(), args));
        let answer: Vec<String> = answer(op, args).iter().map(|f| escape(f)).collect();
        out.push_str("  => ");
        out.push_str(&answer.join("\t"));
        out.push('\n');
    }
    out
}

fn ok_or_err(r: Result<(), impl ToString>) -> Vec<String> {
    match r {
        Ok(()) => vec!["ok".to_owned()],
        Err(e) => vec!["err".to_owned(), e.to_string()],
    }
}

fn value_or_err(r: Result<String, impl ToString>) -> Vec<String> {
    match r {
        Ok(v) => vec!["ok".to_owned(), v],
        Err(e) => vec!["err".to_owned(), e.to_string()],
    }
}

fn counted(list: Vec<String>) -> Vec<String> {
    std::iter::once(list.len().to_string())
        .chain(list)
        .collect()
}

fn pairs(args: &[String]) -> Vec<(String, String)> {
    args.chunks(2)
        .map(|c| {
            (
                c.first().cloned().unwrap_or_default(),
                c.get(1).cloned().unwrap_or_default(),
            )
        })
        .collect()
}

fn flatten(list: Vec<(String, String)>) -> Vec<String> {
    counted(list.into_iter().flat_map(|(p, v)| [p, v]).collect())
}

fn ordering(o: std::cmp::Ordering) -> Vec<String> {
    vec![(o as i8).to_string()]
}

/// Our answer to one request, in the driver's format.
fn answer(op: &str, args: &[String]) -> Vec<String> {
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    let (a, b, c, d) = (arg(0), arg(1), arg(2), arg(3));
    let one = |s: &str| vec![s.to_owned()];
    let yes = |x: bool| vec![x.to_string()];
    match op {
        "isvalid" => yes(semver::is_valid(a)),
        "canonical" => one(&semver::canonical(a)),
        "major" => one(semver::major(a)),
        "majorminor" => one(&semver::major_minor(a)),
        "prerelease" => one(semver::prerelease(a)),
        "build" => one(semver::build(a)),
        "compare" => ordering(semver::compare(a, b)),
        "max" => one(&semver::max(a, b)),
        "sort" => {
            let mut list = args.to_vec();
            semver::sort(&mut list);
            counted(list)
        }

        "canonicalversion" => one(&module::canonical_version(a)),
        "check" => ok_or_err(module::check(a, b)),
        "versionerror" => one(&module::ModuleError::other(a, b, c).to_string()),
        "invalidversionerror" => {
            let err = if c == "pseudo" {
                module::InvalidVersionError::pseudo(b, d)
            } else {
                module::InvalidVersionError::new(b, d)
            };
            vec![
                err.to_string(),
                module::ModuleError::invalid_version(a, err).to_string(),
            ]
        }
        "modulesort" => {
            let mut list = pairs(args);
            path::sort_modules(&mut list);
            flatten(list)
        }

        "checkpath" => ok_or_err(path::check_path(a)),
        "checkimportpath" => ok_or_err(path::check_import_path(a)),
        "checkfilepath" => ok_or_err(path::check_file_path(a)),
        "splitpathversion" => match path::split_path_version(a) {
            Some((prefix, major)) => vec![prefix.to_owned(), major.to_owned(), "true".to_owned()],
            None => vec![a.to_owned(), String::new(), "false".to_owned()],
        },
        "checkpathmajor" => ok_or_err(path::check_path_major(a, b)),
        "matchpathmajor" => yes(path::match_path_major(a, b)),
        "pathmajorprefix" => one(path::path_major_prefix(a).unwrap_or("<not a major suffix>")),
        "escapepath" => value_or_err(path::escape_path(a)),
        "escapeversion" => value_or_err(path::escape_version(a)),
        "unescapepath" => value_or_err(path::unescape_path(a)),
        "unescapeversion" => value_or_err(path::unescape_version(a)),
        "isdirectorypath" => yes(path::is_directory_path(a)),
        "match" => match path::match_pattern(a, b) {
            Ok(m) => vec!["ok".to_owned(), m.to_string()],
            Err(e) => vec!["err".to_owned(), e.to_string()],
        },
        "matchprefixpatterns" => yes(path::match_prefix_patterns(a, b)),

        "ispseudo" => yes(pseudo::is_pseudo_version(a)),
        "iszeropseudo" => yes(pseudo::is_zero_pseudo_version(a)),
        "pseudobase" => value_or_err(pseudo::pseudo_version_base(a)),
        "pseudorev" => value_or_err(pseudo::pseudo_version_rev(a).map(str::to_owned)),
        "pseudotime" => value_or_err(pseudo::pseudo_version_time(a).map(|t| t.to_rfc3339())),
        "pseudoversion" => match pseudo::PseudoTime::parse(c) {
            Some(t) => one(&pseudo::pseudo_version(a, b, &t, d)),
            None => one("badtime"),
        },
        "unixtime" => match a
            .parse::<i64>()
            .ok()
            .and_then(pseudo::PseudoTime::from_unix_seconds)
        {
            Some(t) => one(&t.to_string()),
            None => one("out of range"),
        },
        "zeropseudo" => one(&pseudo::zero_pseudo_version(a)),
        "incdecimal" => one(&pseudo::inc_decimal(a)),
        "decdecimal" => one(&pseudo::dec_decimal(a)),

        "goparse" => {
            let v = gover::parse(a);
            [v.major, v.minor, v.patch, v.kind, v.pre]
                .iter()
                .map(|s| (*s).to_owned())
                .collect()
        }
        "gocompare" => ordering(gover::compare(a, b)),
        "gomax" => one(gover::max(a, b)),
        "goisvalid" => yes(gover::is_valid(a)),
        "goislang" => yes(gover::is_lang(a)),
        "golang" => one(&gover::lang(a)),
        "goprev" => one(&gover::prev(a)),
        "goisprerelease" => yes(gover::is_prerelease(a)),
        "fromtoolchain" => one(gover::from_toolchain(a)),
        "modcompare" => ordering(gover::mod_compare(a, b, c)),
        "modisvalid" => yes(gover::mod_is_valid(a, b)),
        "modisprefix" => yes(gover::mod_is_prefix(a, b)),
        "modisprerelease" => yes(gover::mod_is_prerelease(a, b)),
        "modmajorminor" => one(&gover::mod_major_minor(a, b)),
        "modsort" => {
            let mut list = pairs(args);
            gover::mod_sort(&mut list);
            flatten(list)
        }
        "gomodgoline" => yes(gover::is_go_line_version(a)),
        "gomodlaxgoline" => match gover::lax_go_line_version(a) {
            _ if gover::is_go_line_version(a) => vec!["ok".to_owned(), a.to_owned()],
            Some(v) => vec!["ok".to_owned(), String::from_utf8_lossy(v).into_owned()],
            None => vec!["err".to_owned()],
        },
        "gomodtoolchainline" => yes(gover::is_toolchain_line_name(a)),
        "goversion.compare" => ordering(gover::go_version::compare(a, b)),
        "goversion.isvalid" => yes(gover::go_version::is_valid(a)),
        "goversion.lang" => one(&gover::go_version::lang(a)),

        "quote" => one(&crate::syntax::quote(a)),
        "tofold" => one(&path::case_fold_key(a)),
        "equalfold" => yes(path::equal_fold(a, b)),
        _ => vec!["unknown-op".to_owned(), op.to_owned()],
    }
}

#[test]
fn version_cases() {
    gomod_test_support::golden::check_dir("version", |_, input| render(input));
}

#[test]
fn path_cases() {
    gomod_test_support::golden::check_dir("path", |_, input| render(input));
}

/// Every operation above, for the no-panic test.
const OPS: &[&str] = &[
    "isvalid",
    "canonical",
    "major",
    "majorminor",
    "prerelease",
    "build",
    "compare",
    "max",
    "sort",
    "canonicalversion",
    "check",
    "versionerror",
    "invalidversionerror",
    "modulesort",
    "checkpath",
    "checkimportpath",
    "checkfilepath",
    "splitpathversion",
    "checkpathmajor",
    "matchpathmajor",
    "pathmajorprefix",
    "escapepath",
    "escapeversion",
    "unescapepath",
    "unescapeversion",
    "isdirectorypath",
    "ispseudo",
    "iszeropseudo",
    "pseudobase",
    "pseudorev",
    "pseudotime",
    "pseudoversion",
    "zeropseudo",
    "goparse",
    "gocompare",
    "gomax",
    "goisvalid",
    "goislang",
    "golang",
    "goprev",
    "goisprerelease",
    "fromtoolchain",
    "modcompare",
    "modisvalid",
    "modisprefix",
    "modisprerelease",
    "modmajorminor",
    "modsort",
    "goversion.compare",
    "goversion.isvalid",
    "goversion.lang",
    "quote",
    "tofold",
    "equalfold",
];

#[test]
fn no_operation_panics_on_garbage() {
    // Strings built from the characters every grammar here cares about, plus multi-byte and
    // control characters, in all lengths up to 24: none may make any function panic.
    let alphabet: Vec<char> = "v0123456789.-+/!~_aAzZgo "
        .chars()
        .chain(['é', 'ǅ', '\u{212a}', '\u{0}', '\t', '日', '😀'])
        .collect();
    let mut state: u64 = 0x0dd_ba11;
    let mut next = move |n: usize| -> usize {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for op in OPS {
        assert_ne!(
            answer(op, &[]).first().map(String::as_str),
            Some("unknown-op"),
            "{op}"
        );
        for _ in 0..400 {
            let args: Vec<String> = (0..next(5))
                .map(|_| {
                    (0..next(25))
                        .map(|_| alphabet[next(alphabet.len())])
                        .collect()
                })
                .collect();
            let _ = answer(op, &args);
        }
    }
}
