//! The web app analyses in a Web Worker and sends the result to the page as bytes
//! (`analyze::wire`): every rule case under `testdata/check/` must come back from its serialised
//! form equal to the analysis it was made from, findings, fixes and resolution alike.

use std::path::PathBuf;

use gomod_test_support::case_files;

use gomod::analyze::wire::Results;
use gomod::analyze::{analyze, Analysis, Options};
use gomod::bundle::{txtar, Bundle};

fn case_paths() -> Vec<PathBuf> {
    case_files::testdata_cases("check", 50)
}

#[test]
fn every_rule_case_survives_the_trip_to_the_page() {
    let paths = case_paths();
    assert!(
        paths.len() > 50,
        "the rule cases are missing: {}",
        paths.len()
    );
    let (mut findings, mut resolved) = (0, 0);
    for path in paths {
        let archive = txtar::parse(&std::fs::read(&path).expect("read case"));
        let bundle = Bundle::from_files(
            archive
                .files
                .iter()
                .map(|f| (f.name.clone(), f.data.clone())),
        );
        let analysis = analyze(&bundle, &Options::default());
        findings += analysis.report.diagnostics.len();
        resolved += usize::from(analysis.resolution.is_some());
        // The format the analysis worker posts to the page.
        let bytes = bincode::serialize(&analysis.clone().into_results()).expect("serialise");
        let back: Results =
            bincode::deserialize(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            Analysis::from_results(bundle, back),
            analysis,
            "{}",
            path.display()
        );
    }
    // The trip is tested on findings and resolutions, not on empty results.
    assert!(
        findings > 100 && resolved > 50,
        "{findings} findings, {resolved} resolutions"
    );
}

#[test]
fn an_unknown_rule_code_is_refused() {
    let json = r#"{"report":{"diagnostics":[],"skipped":[{"code":"no-such-rule","file":"","reason":"","toEnable":""}]},"resolution":null,"notRun":[],"notes":[]}"#;
    assert!(serde_json::from_str::<Results>(json).is_err());
}
