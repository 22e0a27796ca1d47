//! txtar archives and bundles: every input is an archive; a representable archive round-trips.
#![no_main]

use gomod::bundle::{txtar, Bundle};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let archive = txtar::parse(data);
    let printed = txtar::format(&archive);
    if archive
        .files
        .iter()
        .all(|f| txtar::representable(f).is_ok())
    {
        let again = txtar::parse(&printed);
        let files = |a: &txtar::Archive| -> Vec<(String, Vec<u8>)> {
            a.files
                .iter()
                .map(|f| (f.name.clone(), f.data.clone()))
                .collect()
        };
        assert_eq!(
            files(&again),
            files(&archive),
            "txtar round trip changed the files"
        );
    }
    let bundle = Bundle::from_txtar(data);
    let _ = bundle.to_txtar();
    let _ = bundle.txtar_problems();
    let _ = bundle.dependency_paths();
    let _ = bundle.workspace_files().count();
});
