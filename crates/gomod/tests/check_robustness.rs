//! `check` and `fix_bundle` never panic and always settle: every rule case and corpus go.mod,
//! cut at many points and with bytes flipped, goes through both.

use std::path::Path;

use gomod::analyze::Options;
use gomod::bundle::Bundle;
use gomod::check::{check, fix_bundle};

fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/check");
    if let Ok(entries) = std::fs::read_dir(&cases) {
        for e in entries.flatten() {
            let data = std::fs::read(e.path()).expect("read case");
            for f in Bundle::from_txtar(&data).files() {
                out.push((f.name.clone(), f.data.clone()));
            }
        }
    }
    out
}

#[test]
fn mangled_files_do_not_panic() {
    let options = Options {
        go_version: Some("1.23.8".to_owned()),
        ..Options::default()
    };
    let mut runs = 0;
    for (name, data) in inputs() {
        let step = (data.len() / 13).max(1);
        for cut in (0..=data.len()).step_by(step) {
            let mut variants = vec![data[..cut].to_vec()];
            let mut flipped = data.clone();
            if let Some(b) = flipped.get_mut(cut) {
                *b = match *b {
                    b'\n' => b'(',
                    b' ' => b'"',
                    _ => b'\n',
                };
            }
            variants.push(flipped);
            for v in variants {
                let bundle = Bundle::from_files([(name.clone(), v)]);
                let report = check(&bundle, &options);
                for d in &report.diagnostics {
                    assert!(d.span.bytes.end <= bundle.file(&d.file).map_or(0, <[u8]>::len));
                }
                let _ = fix_bundle(&bundle, &options, &[]);
                runs += 1;
            }
        }
    }
    assert!(runs > 500, "only {runs} variants");
}
