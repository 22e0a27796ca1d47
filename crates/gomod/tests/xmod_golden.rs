//! The golden answers under testdata/version and testdata/path are Go's: this test asks the x/mod
//! driver every request of every `.in` file and compares the rendering with the `.golden` file
//! (the library's unit tests then hold our functions to the same files). With `UPDATE_GOLDEN=1`
//! it (re)writes the golden files from Go's answers.

use gomod_test_support::xmod;

use std::fs;
use std::path::Path;

use xmod::unescape;

fn is_request(line: &str) -> bool {
    !line.is_empty() && !line.starts_with('#')
}

/// Renders a case file with Go's answers, in the format of `src/version/cases.rs`.
fn render_with_go(text: &str) -> String {
    let requests: Vec<Vec<String>> = text
        .lines()
        .filter(|l| is_request(l))
        .map(|l| l.split('\t').map(unescape).collect())
        .collect();
    let mut answers = xmod::ask(&requests).into_iter();
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        if is_request(line) {
            let answer: Vec<String> = answers
                .next()
                .unwrap_or_default()
                .iter()
                .map(|f| xmod::escape(f))
                .collect();
            out.push_str("  => ");
            out.push_str(&answer.join("\t"));
            out.push('\n');
        }
    }
    out
}

#[test]
fn golden_files_hold_go_answers() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut checked = 0;
    let mut failures = Vec::new();
    for dir in ["version", "path"] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata")
            .join(dir);
        let mut inputs: Vec<_> = fs::read_dir(&root)
            .unwrap_or_else(|e| panic!("reading {}: {e}", root.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "in"))
            .collect();
        inputs.sort();
        for input in inputs {
            let text = fs::read_to_string(&input)
                .unwrap_or_else(|e| panic!("reading {}: {e}", input.display()));
            let want = render_with_go(&text);
            let golden = input.with_extension("golden");
            checked += 1;
            if update {
                fs::write(&golden, &want)
                    .unwrap_or_else(|e| panic!("writing {}: {e}", golden.display()));
                continue;
            }
            let have = fs::read_to_string(&golden).unwrap_or_default();
            if have != want {
                failures.push(format!(
                    "{} does not hold Go's answers; Go says:\n{want}",
                    golden.display()
                ));
            }
        }
    }
    assert!(checked >= 9, "only {checked} case files found");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
