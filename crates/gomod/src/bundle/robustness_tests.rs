//! Property tests over generated inputs for the readers of this helper's formats (go.sum,
//! vendor/modules.txt, txtar bundles): they must never panic, and their outputs must be stable
//! when fed back in. The inputs are built from fragments chosen to hit the formats' edge cases
//! (markers, white space of every kind, CR, invalid UTF-8, hashes, escaped proxy names).

use super::{txtar, Bundle};
use crate::sum::GoSum;
use crate::vendor::ModulesTxt;
use gomod_test_support::rng::Rng;

const FRAGMENTS: &[&[u8]] = &[
    b"-- ",
    b" --",
    b"-- go.mod --",
    b"-- x/@v/list --",
    b"\n",
    b"\r\n",
    b"\r",
    b" ",
    b"\t",
    "\u{a0}".as_bytes(),
    "\u{3000}".as_bytes(),
    "\u{85}".as_bytes(),
    b"\xff",
    b"\xe2\x82",
    b"#",
    b"# ",
    b"## ",
    b"=>",
    b";",
    b"explicit",
    b"go 1.21",
    b"workspace",
    b"example.com/A",
    b"v1.0.0",
    b"v1.0.0/go.mod",
    b"h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=",
    b"h2:x",
    b"!a",
    b"@v/",
    b".mod",
    b"..",
    b"/",
    b"a",
    "é".as_bytes(),
];

/// Inputs drawn from the tests' one seeded generator, so that every run sees the same inputs.
struct Generator(Rng);

impl Generator {
    fn new(seed: u64) -> Generator {
        Generator(Rng::new(seed))
    }

    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    fn input(&mut self) -> Vec<u8> {
        let count = self.next() % 40;
        let mut out = Vec::new();
        for _ in 0..count {
            let index = (self.next() % FRAGMENTS.len() as u64) as usize;
            out.extend_from_slice(FRAGMENTS.get(index).copied().unwrap_or_default());
        }
        out
    }
}

#[test]
fn readers_never_panic_and_rewrites_are_stable() {
    let mut generator = Generator::new(0x5eed);
    for _ in 0..4000 {
        let input = generator.input();

        let sum = GoSum::parse("go.sum", &input);
        let rewritten = sum.rewrite();
        let reread = GoSum::parse("go.sum", &rewritten);
        assert_eq!(
            reread.fatal_error(),
            None,
            "rewrite of {input:?} is malformed"
        );
        if std::str::from_utf8(&input).is_ok() {
            assert_eq!(
                reread.rewrite(),
                rewritten,
                "rewrite of {input:?} is not stable"
            );
        }
        let has_bad_line = input.split(|&b| b == b'\n').any(|line| {
            let n = crate::sum::go_fields(line).len();
            n != 0 && n != 3
        });
        assert_eq!(
            sum.fatal_error().is_some(),
            has_bad_line,
            "fatal error for {input:?}"
        );

        let _ = ModulesTxt::parse(&input);

        let archive = txtar::parse(&input);
        let again = txtar::parse(&txtar::format(&archive));
        assert_eq!(
            again, archive,
            "txtar format/parse of {input:?} is not stable"
        );

        let bundle = Bundle::from_txtar(&input);
        let _ = bundle.txtar_problems();
        for path in bundle.dependency_paths() {
            let _ = bundle.versions(path);
        }
    }
}

#[test]
fn representable_files_round_trip_through_txtar() {
    let mut generator = Generator::new(0xb0d1e5);
    let mut checked = 0;
    for _ in 0..4000 {
        let name = String::from_utf8_lossy(&generator.input()).into_owned();
        let mut data = generator.input();
        // Most contents get a final newline, so that the other reasons are exercised too.
        if !generator.next().is_multiple_of(4) && data.last().is_some_and(|&b| b != b'\n') {
            data.push(b'\n');
        }
        let file = txtar::File { name, data };
        if txtar::representable(&file).is_ok() {
            let archive = txtar::Archive {
                comment: Vec::new(),
                files: vec![file],
            };
            assert_eq!(txtar::parse(&txtar::format(&archive)), archive);
            checked += 1;
        }
    }
    assert!(
        checked > 400,
        "only {checked} generated files were representable"
    );
}
