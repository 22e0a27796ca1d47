//! gomod::version::gover against the go command's gover packages and the public go/version.

use gomod_test_support::rng;
use gomod_test_support::xmod;

use gomod::version::gover;
use rng::Rng;
use xmod::{compare, counted, req, Request};

const EDGES: &[&str] = &[
    "",
    "1",
    "1.0",
    "1.0.0",
    "1.1",
    "1.2",
    "1.2.3",
    "1.20",
    "1.20.0",
    "1.20rc1",
    "1.21",
    "1.21.0",
    "1.21.1",
    "1.21rc1",
    "1.21rc2",
    "1.21rc",
    "1.21alpha",
    "1.21beta1",
    "1.21.3rc1",
    "1.22",
    "1.999testmod",
    "1.18beta2",
    "1.18rc1",
    "1.19alpha3",
    "1.19beta2",
    "01.21",
    "1.021",
    "1.21.00",
    "1.21rc01",
    "1.21rc0",
    "1.21RC1",
    "1.21-rc1",
    "1.21.0-custom",
    "1.21.",
    "1.",
    ".1",
    "2",
    "2.0",
    "10.0.0",
    "1.99999999999999999999",
    "1.100000000000000000000",
    "1.21 ",
    "v1.21",
    "go1.21",
    "1.21é",
    "1.21rc1x",
    "1.0rc1",
    "0",
    "0.0",
    "0.1",
    "00",
];

fn go_version(rng: &mut Rng) -> String {
    let number = |rng: &mut Rng| -> String {
        (*rng.choose(&[
            "0",
            "1",
            "2",
            "9",
            "10",
            "19",
            "20",
            "21",
            "22",
            "100",
            "01",
            "",
            "99999999999999999999999",
        ]))
        .to_owned()
    };
    let mut v = number(rng);
    if !rng.one_in(8) {
        v.push('.');
        v.push_str(&number(rng));
        match rng.below(4) {
            0 => {
                v.push('.');
                v.push_str(&number(rng));
            }
            1 => {
                let kind = rng.pick(&["rc", "beta", "alpha", "x", "RC", "rc-", "é"]);
                v.push_str(kind);
                if !rng.one_in(4) {
                    v.push_str(&number(rng));
                }
            }
            _ => {}
        }
    }
    if rng.one_in(12) {
        let junk = rng.pick(&[".", "-x", " x", "\tx", "a", "0"]);
        v.push_str(junk);
    }
    v
}

fn toolchain(rng: &mut Rng) -> String {
    let v = if rng.one_in(3) {
        (*rng.choose(EDGES)).to_owned()
    } else {
        go_version(rng)
    };
    let prefix = *rng.choose(&["go", "go", "go", "", "Go", "x/go", "go/"]);
    let suffix = *rng.choose(&[
        "", "", "", "-custom", " custom", "\tx", "-", "/x", "\\x", "+auto",
    ]);
    format!("{prefix}{v}{suffix}")
}

fn ours(r: &Request) -> Vec<String> {
    let arg = |i: usize| r.get(i).map_or("", String::as_str);
    let (a, b, c) = (arg(1), arg(2), arg(3));
    let one = |s: &str| vec![s.to_owned()];
    let ord = |o: std::cmp::Ordering| vec![(o as i8).to_string()];
    match r[0].as_str() {
        "goparse" => {
            let v = gover::parse(a);
            vec![v.major, v.minor, v.patch, v.kind, v.pre]
                .into_iter()
                .map(str::to_owned)
                .collect()
        }
        "gocompare" => ord(gover::compare(a, b)),
        "gomax" => one(gover::max(a, b)),
        "goisvalid" => one(&gover::is_valid(a).to_string()),
        "goislang" => one(&gover::is_lang(a).to_string()),
        "golang" => one(&gover::lang(a)),
        "goprev" => one(&gover::prev(a)),
        "goisprerelease" => one(&gover::is_prerelease(a).to_string()),
        "fromtoolchain" => one(gover::from_toolchain(a)),
        "modcompare" => ord(gover::mod_compare(a, b, c)),
        "modisvalid" => one(&gover::mod_is_valid(a, b).to_string()),
        "modisprefix" => one(&gover::mod_is_prefix(a, b).to_string()),
        "modisprerelease" => one(&gover::mod_is_prerelease(a, b).to_string()),
        "modmajorminor" => one(&gover::mod_major_minor(a, b)),
        "modsort" => {
            let mut list: Vec<(String, String)> = r[1..]
                .chunks(2)
                .map(|c| (c[0].clone(), c.get(1).cloned().unwrap_or_default()))
                .collect();
            gover::mod_sort(&mut list);
            counted(list.into_iter().flat_map(|(p, v)| [p, v]).collect())
        }
        "gomodgoline" => one(&gover::is_go_line_version(a).to_string()),
        "gomodlaxgoline" => {
            if gover::is_go_line_version(a) {
                vec!["ok".to_owned(), a.to_owned()]
            } else {
                match gover::lax_go_line_version(a) {
                    Some(v) => vec!["ok".to_owned(), String::from_utf8_lossy(v).into_owned()],
                    None => vec!["err".to_owned()],
                }
            }
        }
        "gomodtoolchainline" => one(&gover::is_toolchain_line_name(a).to_string()),
        "goversion.compare" => ord(gover::go_version::compare(a, b)),
        "goversion.isvalid" => one(&gover::go_version::is_valid(a).to_string()),
        "goversion.lang" => one(&gover::go_version::lang(a)),
        op => panic!("unexpected op {op}"),
    }
}

#[test]
fn gover_functions_match_go() {
    let seed = rng::seed_or(0x90_7e);
    let mut rng = Rng::new(seed);
    let mut versions: Vec<String> = EDGES.iter().map(|s| (*s).to_owned()).collect();
    versions.extend((0..2500).map(|_| go_version(&mut rng)));
    let toolchains: Vec<String> = (0..2500).map(|_| toolchain(&mut rng)).collect();

    let mut requests: Vec<Request> = Vec::new();
    for v in &versions {
        for op in [
            "goparse",
            "goisvalid",
            "goislang",
            "golang",
            "goprev",
            "goisprerelease",
        ] {
            requests.push(req(op, &[v]));
        }
    }
    // go and toolchain lines of go.mod files. The lax parser is driven through a one-line go.mod,
    // so these tokens avoid what the lexer would split or reinterpret (space, quotes, comments).
    for v in versions.iter().chain(&toolchains) {
        if v.contains(|c: char| c.is_whitespace() || "\"'`/()[]{},".contains(c)) || v.is_empty() {
            continue;
        }
        for variant in [
            v.clone(),
            format!("v{v}"),
            format!("{v}-foo"),
            format!("{v}.4x"),
        ] {
            requests.push(req("gomodgoline", &[&variant]));
            requests.push(req("gomodlaxgoline", &[&variant]));
            requests.push(req("gomodtoolchainline", &[&variant]));
        }
    }
    for t in &toolchains {
        requests.push(req("fromtoolchain", &[t]));
        for op in ["goversion.isvalid", "goversion.lang"] {
            requests.push(req(op, &[t]));
        }
    }
    for a in EDGES {
        for b in EDGES {
            requests.push(req("gocompare", &[a, b]));
        }
    }
    for _ in 0..5000 {
        let a = rng.choose(&versions).clone();
        let b = rng.choose(&versions).clone();
        requests.push(req("gocompare", &[&a, &b]));
        requests.push(req("gomax", &[&a, &b]));
        let (ta, tb) = (
            rng.choose(&toolchains).clone(),
            rng.choose(&toolchains).clone(),
        );
        requests.push(req("goversion.compare", &[&ta, &tb]));
        let path = *rng.choose(&["go", "toolchain", "example.com/m", ""]);
        let pool = match path {
            "go" => &versions,
            "toolchain" if rng.one_in(2) => &versions,
            "toolchain" => &toolchains,
            _ => &versions,
        };
        let (x, y) = (rng.choose(pool).clone(), rng.choose(pool).clone());
        // Ordinary modules get semantic versions too.
        let (x, y) = if path.contains('.') || path.is_empty() {
            (
                format!("v{x}"),
                if rng.one_in(2) { format!("v{y}") } else { y },
            )
        } else {
            (x, y)
        };
        requests.push(req("modcompare", &[path, &x, &y]));
        for op in [
            "modisvalid",
            "modisprefix",
            "modisprerelease",
            "modmajorminor",
        ] {
            requests.push(req(op, &[path, &x]));
        }
    }
    // Go's sort is stable only up to twelve elements (insertion sort), so lists stay short.
    for _ in 0..400 {
        let mut list = Vec::new();
        for _ in 0..rng.below(13) {
            let path = *rng.choose(&["go", "toolchain", "example.com/m"]);
            let mut v = match path {
                "go" => rng.choose(&versions).clone(),
                "toolchain" => rng.choose(&toolchains).clone(),
                _ => format!("v{}", rng.choose(&versions)),
            };
            if rng.one_in(4) {
                v.push_str("/go.mod");
            }
            list.push(path.to_owned());
            list.push(v);
        }
        let refs: Vec<&str> = list.iter().map(String::as_str).collect();
        requests.push(req("modsort", &refs));
    }
    compare(seed, &requests, ours);
    let count = |f: &dyn Fn(&str) -> bool| versions.iter().filter(|v| f(v)).count();
    let (valid, lang, pre) = (
        count(&gover::is_valid),
        count(&gover::is_lang),
        count(&gover::is_prerelease),
    );
    assert!(
        valid > 800 && versions.len() - valid > 500,
        "seed {seed}: {valid} of {} valid",
        versions.len()
    );
    assert!(
        lang > 100 && pre > 100,
        "seed {seed}: {lang} language versions, {pre} pre-releases"
    );
    let named = toolchains
        .iter()
        .filter(|t| !gover::from_toolchain(t).is_empty())
        .count();
    assert!(
        named > 300 && toolchains.len() - named > 300,
        "seed {seed}: {named} valid toolchain names"
    );
}
