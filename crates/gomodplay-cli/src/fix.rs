//! `gomodplay fix`: applies the fixes of `check` and prints the fixed bundle as txtar, or
//! writes the changed files with -w.

use std::io::Write;
use std::path::Path;

use gomod::analyze::Options;
use gomod::bundle::txtar;
use gomod::check::fix_bundle;

use crate::load::{load_bundle_files, BundleSource};
use crate::oserror::reason;

pub fn run(
    input: &Path,
    go_version: Option<String>,
    only: &[String],
    write: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let loaded = match load_bundle_files(input) {
        Ok(l) => l,
        Err(message) => {
            let _ = stderr.write_all(message.as_bytes());
            return 1;
        }
    };
    let only: Vec<&str> = only.iter().map(String::as_str).collect();
    let outcome = fix_bundle(
        &loaded.bundle,
        &Options {
            go_version,
            ..Options::default()
        },
        &only,
    );
    for applied in &outcome.applied {
        let _ = writeln!(
            stderr,
            "gomodplay: fixed {}[{}]: {}",
            applied.file, applied.code, applied.title
        );
    }
    let archive = txtar::Archive {
        comment: loaded.bundle.comment().to_vec(),
        files: outcome
            .bundle
            .files()
            .iter()
            .map(|f| txtar::File {
                name: f.name.clone(),
                data: f.data.clone(),
            })
            .collect(),
    };
    if !write {
        let _ = stdout.write_all(&txtar::format(&archive));
        let _ = stdout.flush();
    } else {
        let result = match &loaded.source {
            BundleSource::File(path) if path.extension().is_some_and(|x| x == "txtar") => {
                if outcome.changed.is_empty() {
                    Ok(())
                } else {
                    std::fs::write(path, txtar::format(&archive))
                        .map_err(|e| format!("{}: {}", path.display(), reason(&e)))
                }
            }
            BundleSource::File(path) => {
                // A single file: only changes to it can be written back.
                let data = outcome.bundle.files().first().map(|f| f.data.clone());
                match data {
                    Some(data) if !outcome.changed.is_empty() => std::fs::write(path, data)
                        .map_err(|e| format!("{}: {}", path.display(), reason(&e))),
                    _ => Ok(()),
                }
            }
            BundleSource::Dir(dir) => outcome.changed.iter().try_for_each(|name| {
                let data = outcome.bundle.file(name).unwrap_or_default();
                let path = dir.join(name);
                std::fs::write(&path, data)
                    .map_err(|e| format!("{}: {}", path.display(), reason(&e)))
            }),
        };
        if let Err(message) = result {
            let _ = writeln!(stderr, "gomodplay: {message}");
            return 1;
        }
    }
    u8::from(outcome.report.has_errors())
}
