//! gomod::version::pseudo against golang.org/x/mod/module's pseudo-version functions.

use gomod_test_support::rng;
use gomod_test_support::xmod;

use gomod::version::pseudo::{self, PseudoTime};
use rng::Rng;
use xmod::{compare, req, Request};

const MAJORS: &[&str] = &["v0", "v1", "v2", "v10", "v0.0", "", "v99999999999999999999"];
const BASES: &[&str] = &[
    "",
    "v1.2.3",
    "v1.9.9",
    "v1.2.99",
    "v1.2.0",
    "v0.0.0",
    "v2.3.4+incompatible",
    "v1.0.0+meta",
    "v1.2.3-pre",
    "v1.2.3-pre.1",
    "v1.2.3-0",
    "v1.2.3-pre+incompatible",
    "v1.2",
    "v3",
    "v1.2.999999999999999999999",
    "v1.2.3-",
    "master",
];
const REVS: &[&str] = &[
    "abcdefabcdef",
    "daa7c04131f5",
    "000000000000",
    "x",
    "ABC",
    "a-b",
    "",
    "a.b",
    "g1",
];
const TIMESTAMPS: &[&str] = &[
    "20191109021931",
    "00010101000000",
    "00000101000000",
    "20200229235959",
    "21000229000000",
    "20000229000000",
    "20191301000000",
    "20191100000000",
    "20191131000000",
    "20191109240000",
    "20191109236000",
    "20191109235960",
    "99991231235959",
    "2019110902193",
    "201911090219311",
    "2019110902193a",
];

/// A pseudo-version: mostly built from parts, sometimes mutated at one place.
fn candidate(rng: &mut Rng) -> String {
    let major = *rng.choose(&["v0", "v1", "v2", "v10", "v01", "v"]);
    let ts = *rng.choose(TIMESTAMPS);
    let rev = *rng.choose(REVS);
    let build = *rng.choose(&["", "", "", "+incompatible", "+meta", "+a.b", "+", "+a..b"]);
    let mut v = match rng.below(6) {
        0 => format!("{major}.0.0-{ts}-{rev}{build}"),
        1 => format!("{major}.2.3-0.{ts}-{rev}{build}"),
        2 => format!("{major}.2.0-0.{ts}-{rev}{build}"),
        3 => format!("{major}.2.10-0.{ts}-{rev}{build}"),
        4 => {
            let pre = *rng.choose(&[
                "pre", "pre.1", "a-b", "0", "x.0", "rc.1.0", "pre+x", "1-2-3",
            ]);
            format!("{major}.2.3-{pre}.0.{ts}-{rev}{build}")
        }
        _ => format!(
            "{major}.{}.{}-{ts}-{rev}{build}",
            rng.below(3),
            rng.below(3)
        ),
    };
    if rng.one_in(6) {
        let boundaries: Vec<usize> = v.char_indices().map(|(i, _)| i).chain([v.len()]).collect();
        let at = *rng.choose(&boundaries);
        let junk = *rng.choose(&["-", ".", "0", "+", "x", "0.", ".0"]);
        v.insert_str(at, junk);
    }
    v
}

fn show<T>(r: Result<T, impl ToString>, f: impl FnOnce(T) -> String) -> Vec<String> {
    match r {
        Ok(v) => vec!["ok".to_owned(), f(v)],
        Err(e) => vec!["err".to_owned(), e.to_string()],
    }
}

fn ours(r: &Request) -> Vec<String> {
    let arg = |i: usize| r.get(i).map_or("", String::as_str);
    let a = arg(1);
    match r[0].as_str() {
        "ispseudo" => vec![pseudo::is_pseudo_version(a).to_string()],
        "iszeropseudo" => vec![pseudo::is_zero_pseudo_version(a).to_string()],
        "pseudobase" => show(pseudo::pseudo_version_base(a), |b| b),
        "pseudorev" => show(pseudo::pseudo_version_rev(a), str::to_owned),
        // Go returns the zero time alongside an error; its RFC 3339 text is what the driver prints.
        "pseudotime" => match pseudo::pseudo_version_time(a) {
            Ok(t) => vec!["ok".to_owned(), t.to_rfc3339()],
            Err(e) => vec!["err".to_owned(), e.to_string()],
        },
        "pseudoversion" => match PseudoTime::parse(arg(3)) {
            Some(t) => vec![pseudo::pseudo_version(a, arg(2), &t, arg(4))],
            None => vec!["badtime".to_owned()],
        },
        "unixtime" => match a
            .parse::<i64>()
            .ok()
            .and_then(PseudoTime::from_unix_seconds)
        {
            Some(t) => vec![t.to_string()],
            None => vec!["out of range".to_owned()],
        },
        "zeropseudo" => vec![pseudo::zero_pseudo_version(a)],
        op => panic!("unexpected op {op}"),
    }
}

#[test]
fn pseudo_version_functions_match_x_mod() {
    let seed = rng::seed_or(0x95e0);
    let mut rng = Rng::new(seed);
    let mut requests: Vec<Request> = Vec::new();
    let mut built = Vec::new();
    for major in MAJORS {
        for base in BASES {
            for ts in TIMESTAMPS {
                let rev = *rng.choose(REVS);
                requests.push(req("pseudoversion", &[major, base, ts, rev]));
                if let Some(t) = PseudoTime::parse(ts) {
                    built.push(pseudo::pseudo_version(major, base, &t, rev));
                }
            }
        }
        requests.push(req("zeropseudo", &[major]));
    }
    let mut candidates: Vec<String> = (0..5000).map(|_| candidate(&mut rng)).collect();
    candidates.extend(built);
    candidates.extend(MAJORS.iter().map(|m| pseudo::zero_pseudo_version(m)));
    for v in &candidates {
        for op in [
            "ispseudo",
            "iszeropseudo",
            "pseudobase",
            "pseudorev",
            "pseudotime",
        ] {
            requests.push(req(op, &[v]));
        }
    }
    compare(seed, &requests, ours);
    // The generated cases must reach every outcome of the parsers.
    let outcomes: Vec<Vec<String>> = requests.iter().map(ours).collect();
    let count = |f: &dyn Fn(&Vec<String>) -> bool| outcomes.iter().filter(|o| f(o)).count();
    for (what, n) in [
        ("pseudo-versions", count(&|o| o == &["true"])),
        (
            "bases",
            count(&|o| {
                o.first().is_some_and(|s| s == "ok") && o.get(1).is_some_and(|s| s.starts_with('v'))
            }),
        ),
        (
            "syntax errors",
            count(&|o| {
                o.get(1)
                    .is_some_and(|s| s.ends_with("invalid: syntax error"))
            }),
        ),
        (
            "malformed times",
            count(&|o| o.get(1).is_some_and(|s| s.contains("malformed time"))),
        ),
        (
            "negative patches",
            count(&|o| {
                o.get(1)
                    .is_some_and(|s| s.contains("negative patch number"))
            }),
        ),
        (
            "bases lacking",
            count(&|o| o.get(1).is_some_and(|s| s.contains("lacks base version"))),
        ),
    ] {
        assert!(
            n >= 20,
            "seed {seed}: only {n} {what} among the generated cases"
        );
    }
}

#[test]
fn decimal_increment_and_decrement_round_trip() {
    // inc and dec are inverse on positive decimals of any length, including carries across
    // runs of nines and borrows across runs of zeros; checked against u128 where it fits.
    let seed = rng::seed_or(0xdec);
    let mut rng = Rng::new(seed);
    for _ in 0..5000 {
        let n: u128 = match rng.below(3) {
            0 => rng.below(1000) as u128,
            1 => 10u128.pow(rng.below(30) as u32) - (rng.below(2) as u128),
            _ => u128::from(rng.next_u64()),
        };
        let s = n.to_string();
        assert_eq!(
            pseudo::inc_decimal(&s),
            (n + 1).to_string(),
            "seed {seed}: inc {s}"
        );
        let dec = pseudo::dec_decimal(&s);
        if n == 0 {
            assert_eq!(dec, "", "seed {seed}: dec 0");
        } else {
            assert_eq!(dec, (n - 1).to_string(), "seed {seed}: dec {s}");
        }
    }
    assert_eq!(
        pseudo::inc_decimal("99999999999999999999999999999999999999999"),
        format!("1{}", "0".repeat(41))
    );
}

#[test]
fn unix_times_format_like_go() {
    // Seconds since the epoch from year 0 to year 9999 (and around the leap days and the epoch),
    // formatted as the timestamp of a pseudo-version.
    let seed = rng::seed_or(0x71_3e);
    let mut rng = Rng::new(seed);
    let first = -62_167_219_200i64; // 0000-01-01T00:00:00Z
    let last = 253_402_300_799i64; // 9999-12-31T23:59:59Z
    let mut secs: Vec<i64> = vec![
        first,
        last,
        0,
        -1,
        1,
        951_782_400,
        951_868_799,
        4_107_542_400,
        1_573_265_971,
    ];
    for _ in 0..20000 {
        let span = (last - first) as u64;
        secs.push(first + (rng.next_u64() % span) as i64);
    }
    let requests: Vec<Request> = secs
        .iter()
        .map(|s| req("unixtime", &[&s.to_string()]))
        .collect();
    compare(seed, &requests, ours);
    assert_eq!(PseudoTime::from_unix_seconds(first - 1), None);
    assert_eq!(PseudoTime::from_unix_seconds(i64::MAX), None);
    assert_eq!(PseudoTime::from_unix_seconds(i64::MIN), None);
}
