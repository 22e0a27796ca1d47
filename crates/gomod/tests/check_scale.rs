//! The report stays linear in the size of the input: a fix that rewrites a whole file is not
//! copied onto each of thousands of findings (with 10,000 modules missing their go.sum hashes
//! the copies were gigabytes), and applying the one that carries it fixes them all. Sizes are
//! counted, not timed, so a loaded machine cannot make this flaky; the times are the `scale`
//! bench's (`cargo bench -p gomod --bench scale`).

use gomod::analyze::Options;
use gomod::bundle::{proxy_file_name, Bundle};
use gomod::check::{check, fix_bundle};
use gomod_test_support::large;

/// A go.mod requiring `count` modules, their go.mod files in the bundle, and an empty go.sum.
fn bundle_missing_sums(count: usize) -> Bundle {
    let mut files = Vec::new();
    for n in 0..count {
        let (path, version) = large::required_module(n);
        let name = proxy_file_name(&path, &version, "mod").expect("a valid module path");
        files.push((name, large::dependency_go_mod(n).into_bytes()));
    }
    files.push((
        "go.mod".to_owned(),
        large::go_mod_requiring(count).into_bytes(),
    ));
    files.push(("go.sum".to_owned(), Vec::new()));
    Bundle::from_files(files)
}

#[test]
fn a_whole_file_fix_is_carried_once_and_fixes_every_finding() {
    let count = 400;
    let bundle = bundle_missing_sums(count);
    let options = Options {
        go_version: Some("1.27.3".to_owned()),
        ..Options::default()
    };
    let report = check(&bundle, &options);
    let missing: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "sum-missing")
        .collect();
    assert_eq!(missing.len(), count);
    let carriers: Vec<usize> = missing
        .iter()
        .enumerate()
        .filter(|(_, d)| d.fixes.iter().any(|f| !f.edits.is_empty()))
        .map(|(i, _)| i)
        .collect();
    // The rewritten go.sum is about 30 KB here: 400 copies would be 12 MB.
    assert_eq!(carriers, vec![0], "only the first finding carries the fix");
    for d in &missing[1..] {
        let fix = d.fixes.first().expect("the others name the fix");
        assert!(
            fix.title.contains("one fix for all sum-missing findings"),
            "{}",
            fix.title
        );
        assert_eq!(fix.commands, vec!["go mod download".to_owned()]);
    }
    let report_text_bytes: usize = report
        .diagnostics
        .iter()
        .flat_map(|d| d.fixes.iter().flat_map(|f| f.edits.iter()))
        .map(|e| e.new_text.len())
        .sum();
    let input_bytes: usize = bundle.files().iter().map(|f| f.data.len()).sum();
    assert!(
        report_text_bytes <= 4 * input_bytes + (1 << 20),
        "the fixes hold {report_text_bytes} bytes for {input_bytes} bytes of input"
    );

    let fixed = fix_bundle(&bundle, &options, &["sum-missing"]);
    assert!(
        !fixed
            .report
            .diagnostics
            .iter()
            .any(|d| d.code == "sum-missing"),
        "applying the one fix adds every missing hash"
    );
}

#[test]
fn a_few_findings_each_carry_the_fix() {
    let report = check(
        &bundle_missing_sums(3),
        &Options {
            go_version: Some("1.27.3".to_owned()),
            ..Options::default()
        },
    );
    let missing: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "sum-missing")
        .collect();
    assert_eq!(missing.len(), 3);
    assert!(missing
        .iter()
        .all(|d| d.fixes.iter().any(|f| !f.edits.is_empty())));
}
