//! gomod::path against golang.org/x/mod/module on generated module, import and file paths:
//! every character class, Windows reserved names, tildes, gopkg.in and /vN suffixes.

use gomod_test_support::rng;
use gomod_test_support::xmod;

use gomod::path;
use gomod::syntax::unicode;
use gomod::version::module;
use rng::Rng;
use xmod::{compare, counted, req, Request};

const FIRST: &[&str] = &[
    "example.com",
    "github.com",
    "gopkg.in",
    "golang.org",
    "Example.com",
    "EXAMPLE.COM",
    "x",
    "myproject",
    "-x.y",
    "x.-y",
    "x..y",
    ".x.y",
    "x.y.",
    "a_b.com",
    "a~b.com",
    "a~1.com",
    "xn--80ak6aa92e.com",
    "",
    "localhost",
    "192.168.0.1",
    "x.y:8080",
    "é.com",
    "aux.com",
    "con",
    "x+y.com",
    "go",
    "toolchain",
    ".",
    "..",
];

const ELEMS: &[&str] = &[
    "x",
    "y",
    "v2",
    "v3",
    "v10",
    "v1",
    "v0",
    "v02",
    "v2.1",
    "v",
    "vv2",
    "v2x",
    "yaml.v2",
    "yaml.v2-unstable",
    "yaml.v1",
    "pkg.v0",
    "yaml.v01",
    "yaml.v",
    "yaml.v-unstable",
    "yaml.v0-unstable",
    "yaml",
    ".v2",
    "v.2",
    ".x",
    "x.",
    "..",
    ".",
    "...",
    "aux",
    "AUX",
    "aux.foo",
    "com1.txt",
    "CON",
    "con",
    "com",
    "prn2",
    "calm1",
    "lpt9",
    "LPT0",
    "nul.tar.gz",
    "EXAMPL~1",
    "EXAMPL~1.COM",
    "z~0",
    "z09~09z~09",
    "z~",
    "z09~",
    "a~1b",
    "~",
    "~1",
    "x++",
    "испытание",
    "a b",
    "a+b",
    "a@b",
    "a!b",
    "a#b",
    "a$b",
    "a%b",
    "a&b",
    "a(b)",
    "a,b",
    "a=b",
    "a[b]",
    "a^b",
    "a{b}",
    "a\"b",
    "a'b",
    "a*b",
    "a:b",
    "a;b",
    "a<b>",
    "a?b",
    "a\\b",
    "a`b",
    "a|b",
    "\u{200b}",
    "\u{0}",
    "\u{7f}",
    "\u{1}",
    "x\ty",
    "x\ny",
    "日本",
    "ǅ",
    "Ⅻ",
    "ℌ",
    "ß",
    "ſ",
    "K",
    "\u{212a}",
    "A",
    "Z",
    "MiXeD",
    "v1.0.0",
    "-x",
    "x-",
    "_",
    "__",
    "0",
    "😀",
    "\u{fffd}",
    "\u{e000}",
    "\u{10ffff}",
    "\u{301}",
    "go.mod",
    "GO.MOD",
    "LICENSE",
];

fn elem(rng: &mut Rng) -> String {
    if rng.one_in(12) {
        // A random element from printable ASCII and a few multi-byte characters.
        let alphabet: Vec<char> = (' '..='~')
            .chain(['é', 'ß', 'Ж', '日', '\u{212a}', '\u{0}', '\t'])
            .collect();
        let len = 1 + rng.below(6);
        (0..len).map(|_| *rng.choose(&alphabet)).collect()
    } else {
        (*rng.choose(ELEMS)).to_owned()
    }
}

fn path(rng: &mut Rng) -> String {
    let mut p = if rng.one_in(6) {
        elem(rng)
    } else {
        (*rng.choose(FIRST)).to_owned()
    };
    for _ in 0..rng.below(4) {
        p.push('/');
        p.push_str(&elem(rng));
    }
    match rng.below(25) {
        0 => p.insert(0, '/'),
        1 => p.push('/'),
        2 => p.insert(0, '-'),
        3 => p = p.replacen('/', "//", 1),
        4 => p = p.to_uppercase(),
        _ => {}
    }
    p
}

fn version(rng: &mut Rng) -> String {
    const VERSIONS: &[&str] = &[
        "v1.0.0",
        "v0.1.0",
        "v2.0.0",
        "v2.3.4+incompatible",
        "v1.0.0+incompatible",
        "v3.0.0-RC1",
        "v0.0.0-20191109021931-daa7c04131f5",
        "v1.2.3-0.20191109021931-DAA7C04131F5",
        "v1",
        "v2",
        "v1.2",
        "",
        "master",
        "v1.0.0!",
        "v1.0.0-é",
        "v1.0.0/go.mod",
        "V1.0.0",
        "v1.0.0-ǅ",
        "..",
        "v1..0",
        "aux",
        "v10.0.0",
        "v1.0.0 ",
        "!v",
        "v1.0.0-!r!c1",
    ];
    let mut v = (*rng.choose(VERSIONS)).to_owned();
    if rng.one_in(5) {
        v.push_str(&elem(rng));
    }
    v
}

/// Escaped-looking text: mostly the escape of a path or version, sometimes mangled.
fn escaped(rng: &mut Rng, plain: &str) -> String {
    let mut e = path::escape_path(plain)
        .or_else(|_| path::escape_version(plain))
        .unwrap_or_else(|_| plain.to_owned());
    match rng.below(6) {
        0 => e.push('!'),
        1 => e = e.replacen('!', "!!", 1),
        2 => e = e.replacen('!', "!A", 1),
        3 => e = e.replacen('!', "!0", 1),
        _ => {}
    }
    e
}

const MAJORS: &[&str] = &[
    "",
    "/v2",
    "/v3",
    "/v1",
    "/v0",
    ".v0",
    ".v1",
    ".v2",
    ".v2-unstable",
    ".v1-unstable",
    "v2",
    "x",
    "/",
    ".",
    "/v",
    ".v",
    "/v2x",
    ".v-unstable",
    "/v02",
];

fn show(r: Result<(), impl ToString>) -> Vec<String> {
    match r {
        Ok(()) => vec!["ok".to_owned()],
        Err(e) => vec!["err".to_owned(), e.to_string()],
    }
}

fn show_value(r: Result<String, impl ToString>) -> Vec<String> {
    match r {
        Ok(v) => vec!["ok".to_owned(), v],
        Err(e) => vec!["err".to_owned(), e.to_string()],
    }
}

fn ours(r: &Request) -> Vec<String> {
    let a = r.get(1).map_or("", String::as_str);
    let b = r.get(2).map_or("", String::as_str);
    match r[0].as_str() {
        "checkpath" => show(path::check_path(a)),
        "checkimportpath" => show(path::check_import_path(a)),
        "checkfilepath" => show(path::check_file_path(a)),
        "check" => show(module::check(a, b)),
        "splitpathversion" => match path::split_path_version(a) {
            Some((prefix, major)) => vec![prefix.to_owned(), major.to_owned(), "true".to_owned()],
            None => vec![a.to_owned(), String::new(), "false".to_owned()],
        },
        "checkpathmajor" => show(path::check_path_major(a, b)),
        "matchpathmajor" => vec![path::match_path_major(a, b).to_string()],
        "pathmajorprefix" => match path::path_major_prefix(a) {
            Some(m) => vec![m.to_owned()],
            // Go panics on text that is not a suffix; the answer starts with "panic".
            None => vec!["panic".to_owned()],
        },
        "escapepath" => show_value(path::escape_path(a)),
        "escapeversion" => show_value(path::escape_version(a)),
        "unescapepath" => show_value(path::unescape_path(a)),
        "unescapeversion" => show_value(path::unescape_version(a)),
        "isdirectorypath" => vec![path::is_directory_path(a).to_string()],
        "quote" => vec![gomod::syntax::quote(a)],
        "tofold" => vec![path::case_fold_key(a)],
        "equalfold" => vec![path::equal_fold(a, b).to_string()],
        "modulesort" => {
            let mut list: Vec<(String, String)> = r[1..]
                .chunks(2)
                .map(|c| (c[0].clone(), c.get(1).cloned().unwrap_or_default()))
                .collect();
            path::sort_modules(&mut list);
            counted(list.into_iter().flat_map(|(p, v)| [p, v]).collect())
        }
        op => panic!("unexpected op {op}"),
    }
}

/// Go answers a panicking request with ["panic", message]; keep only the marker.
fn normalise_panics(mut answers: Vec<String>) -> Vec<String> {
    if answers.first().is_some_and(|a| a == "panic") {
        answers.truncate(1);
    }
    answers
}

#[test]
fn path_functions_match_x_mod() {
    let seed = rng::seed_or(0x9a_7e);
    let mut rng = Rng::new(seed);
    let paths: Vec<String> = (0..4000).map(|_| path(&mut rng)).collect();
    let mut requests: Vec<Request> = Vec::new();
    for p in &paths {
        for op in [
            "checkpath",
            "checkimportpath",
            "checkfilepath",
            "splitpathversion",
            "escapepath",
            "isdirectorypath",
        ] {
            requests.push(req(op, &[p]));
        }
        requests.push(req("unescapepath", &[&escaped(&mut rng, p)]));
        requests.push(req("quote", &[p]));
        requests.push(req("tofold", &[p]));
        let other = if rng.one_in(2) {
            p.to_lowercase()
        } else {
            p.to_uppercase()
        };
        requests.push(req("equalfold", &[p, &other]));
        let v = version(&mut rng);
        requests.push(req("check", &[p, &v]));
    }
    for _ in 0..3000 {
        let v = version(&mut rng);
        requests.push(req("escapeversion", &[&v]));
        requests.push(req("unescapeversion", &[&escaped(&mut rng, &v)]));
        let major = if rng.one_in(2) {
            (*rng.choose(MAJORS)).to_owned()
        } else {
            let p = rng.choose(&paths);
            path::split_path_version(p).map_or(String::new(), |(_, m)| m.to_owned())
        };
        requests.push(req("checkpathmajor", &[&v, &major]));
        requests.push(req("matchpathmajor", &[&v, &major]));
    }
    for m in MAJORS {
        requests.push(req("pathmajorprefix", &[m]));
    }
    for p in [
        "./x", ".", "..", "../x", ".\\x", "..\\x", "/x", "\\x", "C:", "c:\\x", "1:", "é:", ":", "",
        ".x", "...", "x/..",
    ] {
        requests.push(req("isdirectorypath", &[p]));
    }
    // Go's module.Sort is stable only up to twelve elements (insertion sort), so lists stay short.
    for _ in 0..500 {
        let n = rng.below(13);
        let mut list = Vec::new();
        for _ in 0..n {
            list.push(if rng.one_in(3) {
                "example.com/b".to_owned()
            } else {
                "example.com/a".to_owned()
            });
            let mut v = version(&mut rng);
            if rng.one_in(3) {
                v.push_str("/go.mod");
            }
            list.push(v);
        }
        let refs: Vec<&str> = list.iter().map(String::as_str).collect();
        requests.push(req("modulesort", &refs));
    }
    let answers = xmod::ask(&requests);
    let answers: Vec<Vec<String>> = answers.into_iter().map(normalise_panics).collect();
    let mut failures = Vec::new();
    for (request, theirs) in requests.iter().zip(&answers) {
        let mine = ours(request);
        if &mine != theirs && failures.len() < 40 {
            failures.push(format!(
                "  request {request:?}\n    go:   {theirs:?}\n    ours: {mine:?}"
            ));
        }
    }
    eprintln!(
        "{} requests compared with golang.org/x/mod (seed {seed})",
        requests.len()
    );
    assert!(
        failures.is_empty(),
        "answers differ from golang.org/x/mod (seed {seed}; rerun with GOMODPLAY_SEED={seed}):\n{}",
        failures.join("\n")
    );
    // Every reason a path check can give (except invalid UTF-8, which &str cannot hold, and
    // "leading slash" and "leading dash in first path element", which the earlier element checks
    // always pre-empt)
    // must occur among the generated cases, or the comparison would prove little.
    let texts: Vec<String> = answers.iter().filter_map(|a| a.get(1).cloned()).collect();
    for reason in [
        ": empty string",
        ": leading dash",
        ": double slash",
        ": trailing slash",
        ": empty path element",
        ": invalid path element",
        ": leading dot in path element",
        ": trailing dot in path element",
        ": invalid char '",
        "disallowed as path element component on Windows",
        ": trailing tilde and digits in path element",
        ": missing dot in first path element",
        "in first path element",
        ": invalid version",
        "invalid escaped module path",
        "invalid escaped version",
        "disallowed version string",
        "should be v0 or v1, not",
        "not a semantic version",
    ] {
        let n = texts.iter().filter(|t| t.contains(reason)).count();
        assert!(
            n >= 3,
            "seed {seed}: the generated cases reach {reason:?} only {n} times"
        );
    }
}

#[test]
fn every_code_point_matches_go_unicode() {
    // IsPrint, IsLetter, IsSpace, QuoteRune and the fold key for every Unicode scalar value:
    // checks the generated tables (`tools/gen_unicode`) against the Go release under test.
    let requests: Vec<Request> = (0u32..=0x10FFFF)
        .filter_map(char::from_u32)
        .map(|c| req("rune", &[&(c as u32).to_string()]))
        .collect();
    compare(0, &requests, |r| {
        let c = r[1]
            .parse::<u32>()
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{0}');
        vec![
            unicode::is_print(c).to_string(),
            unicode::is_letter(c).to_string(),
            unicode::is_space(c).to_string(),
            gomod::syntax::quote::quote_rune(c),
            path::case_fold_key(&c.to_string()),
        ]
    });
}
