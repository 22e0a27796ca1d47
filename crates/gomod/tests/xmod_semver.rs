//! gomod::version::semver and module::canonical_version against golang.org/x/mod, on generated
//! versions near every edge of Go's grammar.

use gomod_test_support::rng;
use gomod_test_support::xmod;

use gomod::version::{module, semver};
use rng::Rng;
use xmod::{compare, req, Request};

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "9",
    "10",
    "11",
    "99",
    "100",
    "18446744073709551615",
    "18446744073709551616",
    "123456789012345678901234567890",
];
const BAD_NUMBERS: &[&str] = &["01", "00", "", "000"];

const IDENTS: &[&str] = &[
    "0",
    "1",
    "2",
    "11",
    "alpha",
    "beta",
    "rc",
    "a-b",
    "-",
    "--",
    "0a",
    "a0",
    "pre",
    "RC1",
    "x",
    "incompatible",
    "0x",
    "18446744073709551616",
    "Z",
];
const BAD_IDENTS: &[&str] = &["00", "01", "", "é", "_", " ", "007"];

const JUNK: &[&str] = &[
    "+",
    "-",
    ".",
    "..",
    "v",
    "V",
    "é",
    " ",
    "\t",
    "/",
    "0",
    "a",
    "+incompatible",
    "\u{0}",
];

fn number(rng: &mut Rng) -> String {
    if rng.one_in(8) {
        // A random decimal, sometimes with a leading zero.
        let len = 1 + rng.below(25);
        (0..len)
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect()
    } else if rng.one_in(12) {
        rng.pick(BAD_NUMBERS).to_owned()
    } else {
        rng.pick(NUMBERS).to_owned()
    }
}

fn idents(rng: &mut Rng) -> String {
    let n = 1 + rng.below(4);
    (0..n)
        .map(|_| {
            if rng.one_in(15) {
                rng.pick(BAD_IDENTS)
            } else {
                rng.pick(IDENTS)
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// A string that is often a valid Go semantic version and otherwise fails at one edge.
pub fn version(rng: &mut Rng) -> String {
    let mut v = String::new();
    match rng.below(20) {
        0 => {}
        1 => v.push('V'),
        _ => v.push('v'),
    }
    let parts = match rng.below(10) {
        0 => 1,
        1 => 2,
        2 => 4,
        _ => 3,
    };
    v.push_str(
        &(0..parts)
            .map(|_| number(rng))
            .collect::<Vec<_>>()
            .join("."),
    );
    if rng.one_in(3) {
        v.push('-');
        v.push_str(&idents(rng));
    }
    if rng.one_in(4) {
        v.push('+');
        v.push_str(&if rng.one_in(3) {
            "incompatible".to_owned()
        } else {
            idents(rng)
        });
    }
    if rng.one_in(10) {
        // Insert junk at a random character boundary.
        let boundaries: Vec<usize> = v.char_indices().map(|(i, _)| i).chain([v.len()]).collect();
        let at = *rng.choose(&boundaries);
        let junk = *rng.choose(JUNK);
        v.insert_str(at, junk);
    }
    v
}

/// Fixed versions that name the interesting edges explicitly.
const EDGES: &[&str] = &[
    "",
    "v",
    "v0",
    "v1",
    "v1.",
    "v1.2",
    "v1.2.",
    "v1.2.3",
    "v1.2.3.4",
    "v1.2-pre",
    "v1+meta",
    "v1.2+meta",
    "v1.2.3-",
    "v1.2.3+",
    "v1.2.3-+",
    "v1.2.3-a..b",
    "v1.2.3-.a",
    "v1.2.3-a.",
    "v1.2.3+a..b",
    "v1.2.3+.a",
    "v1.2.3+a.",
    "v1.2.3-01",
    "v1.2.3-0a",
    "v1.2.3-0",
    "v1.2.3+01",
    "v1.2.3-pre+meta",
    "v1.2.3+meta-pre",
    "v1.2.3+incompatible",
    "v2.0.0+incompatible",
    "v2.0.0+incompatible.1",
    "v2+incompatible",
    "v01.2.3",
    "v1.02.3",
    "v1.2.03",
    "1.2.3",
    "v1.2.3 ",
    " v1.2.3",
    "v1.0.0-alpha",
    "v1.0.0-alpha.1",
    "v1.0.0-alpha.beta",
    "v1.0.0-beta.2",
    "v1.0.0-beta.11",
    "v1.0.0-rc.1",
    "v1.10.0",
    "v1.9.0",
    "v99999999999999999999.0.0",
    "v99999999999999999998.0.0",
    "v1.2.3-99999999999999999999",
    "v1.2.3-100000000000000000000",
    "v0.0.0-20191109021931-daa7c04131f5",
    "v1.2.4-0.20191109021931-daa7c04131f5",
    "v1.2.3-pre.0.20191109021931-daa7c04131f5",
];

fn ours(r: &Request) -> Vec<String> {
    let a = r.get(1).map_or("", String::as_str);
    let b = r.get(2).map_or("", String::as_str);
    let one = |s: &str| vec![s.to_owned()];
    match r[0].as_str() {
        "isvalid" => one(&semver::is_valid(a).to_string()),
        "canonical" => one(&semver::canonical(a)),
        "major" => one(semver::major(a)),
        "majorminor" => one(&semver::major_minor(a)),
        "prerelease" => one(semver::prerelease(a)),
        "build" => one(semver::build(a)),
        "canonicalversion" => one(&module::canonical_version(a)),
        "compare" => one(&(semver::compare(a, b) as i8).to_string()),
        "max" => one(&semver::max(a, b)),
        "sort" => {
            let mut list: Vec<String> = r[1..].to_vec();
            semver::sort(&mut list);
            xmod::counted(list)
        }
        op => panic!("unexpected op {op}"),
    }
}

#[test]
fn semver_functions_match_x_mod() {
    let seed = rng::seed_or(0x5e_3e7);
    let mut rng = Rng::new(seed);
    let mut versions: Vec<String> = EDGES.iter().map(|s| (*s).to_owned()).collect();
    versions.extend((0..3000).map(|_| version(&mut rng)));

    let mut requests: Vec<Request> = Vec::new();
    for v in &versions {
        for op in [
            "isvalid",
            "canonical",
            "major",
            "majorminor",
            "prerelease",
            "build",
            "canonicalversion",
        ] {
            requests.push(req(op, &[v]));
        }
    }
    // Every pair of the fixed edges, then random pairs (biased towards shared prefixes by
    // pairing a version with a mutation of itself).
    for a in EDGES {
        for b in EDGES {
            requests.push(req("compare", &[a, b]));
        }
    }
    for _ in 0..6000 {
        let a = rng.choose(&versions).clone();
        let b = if rng.one_in(2) {
            rng.choose(&versions).clone()
        } else {
            version(&mut rng)
        };
        requests.push(req("compare", &[&a, &b]));
        requests.push(req("max", &[&a, &b]));
    }
    for _ in 0..300 {
        let n = rng.below(12);
        let list: Vec<String> = (0..n).map(|_| rng.choose(&versions).clone()).collect();
        let refs: Vec<&str> = list.iter().map(String::as_str).collect();
        requests.push(req("sort", &refs));
    }
    compare(seed, &requests, ours);
    let valid = versions.iter().filter(|v| semver::is_valid(v)).count();
    let with_pre = versions
        .iter()
        .filter(|v| !semver::prerelease(v).is_empty())
        .count();
    assert!(
        valid > 1000 && versions.len() - valid > 500,
        "seed {seed}: {valid} of {} versions valid",
        versions.len()
    );
    assert!(
        with_pre > 300,
        "seed {seed}: only {with_pre} valid pre-releases"
    );
}

#[test]
fn to_semver_version_agrees_with_canonical_form() {
    // For versions whose numbers fit in u64, the semver crate's rendering of the converted value
    // (minus build metadata) must be the canonical version without its leading `v`, and the
    // crate's ordering must agree with ours.
    let seed = rng::seed_or(0xc0_0e);
    let mut rng = Rng::new(seed);
    let versions: Vec<String> = (0..3000)
        .map(|_| version(&mut rng))
        .filter(|v| semver::is_valid(v))
        .collect();
    let mut converted = Vec::new();
    for v in &versions {
        // Our pre-release grammar must be exactly what the crate accepts, since precedence is
        // delegated to it.
        let pre = semver::prerelease(v).strip_prefix('-').unwrap_or_default();
        assert!(
            ::semver::Prerelease::new(pre).is_ok(),
            "seed {seed}: semver crate rejects pre-release of {v}"
        );
        if let Some(sv) = semver::to_semver_version(v) {
            let mut without_build = sv.clone();
            without_build.build = ::semver::BuildMetadata::EMPTY;
            assert_eq!(
                format!("v{without_build}"),
                semver::canonical(v),
                "seed {seed}: {v}"
            );
            converted.push((v, sv));
        }
    }
    assert!(
        converted.len() > 100,
        "seed {seed}: too few convertible versions"
    );
    for (a, sa) in &converted {
        let (b, sb) = rng.choose(&converted);
        assert_eq!(
            sa.cmp_precedence(sb),
            semver::compare(a, b),
            "seed {seed}: {a} vs {b}"
        );
    }
}
