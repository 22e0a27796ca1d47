//! gomod::path glob matching against Go's path.Match and module.MatchPrefixPatterns, on
//! generated patterns (stars, classes, ranges, escapes, malformed syntax) and module paths.

use gomod_test_support::rng;
use gomod_test_support::xmod;

use gomod::path;
use rng::Rng;
use xmod::{compare, req, Request};

const PATTERN_PIECES: &[&str] = &[
    "*", "?", "[a-c]", "[^a-c]", "[]", "[", "]", "[a-]", "[-a]", "[\\]]", "[\\-]", "\\*", "\\",
    "a", "b", "c", "/", ".", "com", "example", "corp", "é", "[é-ü]", "[^/]", "[a", "[a-z0-9]",
    "[^]", "**", "x", "-", "^", "[\\", "[a\\",
];
const NAME_PIECES: &[&str] = &[
    "a", "b", "c", "/", ".", "com", "example", "corp", "é", "ü", "x", "-", "*", "?", "[", "]",
    "\\", "ab", "abc",
];

fn joined(rng: &mut Rng, pieces: &[&'static str], max: usize) -> String {
    (0..rng.below(max + 1)).map(|_| rng.pick(pieces)).collect()
}

fn ours(r: &Request) -> Vec<String> {
    let (a, b) = (r[1].as_str(), r[2].as_str());
    match r[0].as_str() {
        "match" => match path::match_pattern(a, b) {
            Ok(m) => vec!["ok".to_owned(), m.to_string()],
            Err(e) => vec!["err".to_owned(), e.to_string()],
        },
        "matchprefixpatterns" => vec![path::match_prefix_patterns(a, b).to_string()],
        op => panic!("unexpected op {op}"),
    }
}

#[test]
fn globs_match_go() {
    let seed = rng::seed_or(0x610b);
    let mut rng = Rng::new(seed);
    let mut requests: Vec<Request> = Vec::new();
    for _ in 0..20000 {
        let pattern = joined(&mut rng, PATTERN_PIECES, 6);
        // Half of the names are derived from the pattern so that matches are common.
        let name = if rng.one_in(2) {
            pattern
                .replace(['*', '?', '[', ']', '\\', '^'], "")
                .replace("a-c", "b")
        } else {
            joined(&mut rng, NAME_PIECES, 8)
        };
        requests.push(req("match", &[&pattern, &name]));
    }
    for _ in 0..10000 {
        let globs: Vec<String> = (0..rng.below(4))
            .map(|_| joined(&mut rng, PATTERN_PIECES, 5))
            .collect();
        let target = joined(&mut rng, NAME_PIECES, 10);
        requests.push(req("matchprefixpatterns", &[&globs.join(","), &target]));
    }
    for (globs, target) in [
        ("*.corp.example.com", "git.corp.example.com/x/y"),
        ("github.com/org/*", "github.com/org/repo/sub"),
        ("github.com/org", "github.com/org/repo"),
        ("github.com/org/", "github.com/org/repo"),
        (",,github.com", "github.com/x"),
        ("github.com/*/x", "github.com/a"),
        ("[", "x"),
    ] {
        requests.push(req("matchprefixpatterns", &[globs, target]));
    }
    compare(seed, &requests, ours);
    // The generated inputs must reach every outcome, or the comparison proves little.
    let outcomes: Vec<Vec<String>> = requests.iter().map(ours).collect();
    for wanted in [
        ["ok", "true"],
        ["ok", "false"],
        ["err", "syntax error in pattern"],
    ] {
        let n = outcomes.iter().filter(|o| *o == &wanted).count();
        assert!(n > 500, "seed {seed}: only {n} answers {wanted:?}");
    }
    let prefix_true = outcomes.iter().filter(|o| *o == &["true"]).count();
    assert!(
        prefix_true > 200,
        "seed {seed}: only {prefix_true} prefix-pattern matches"
    );
}
