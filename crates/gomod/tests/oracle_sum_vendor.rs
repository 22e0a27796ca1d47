//! Differential test of `gomod::vendor::ModulesTxt` against the real go command.
//!
//! Seeded random vendor/modules.txt files mix well-formed module lines, replacements and
//! annotations with every kind of line the go command skips (short or unknown module lines, which
//! detach the following annotations, text after a version, malformed replacements, annotations with
//! reserved entries, packages with extra fields, CRLF and odd spacing). From *our* reading of each
//! file the test writes a main go.mod that is consistent with it: a requirement for every module we
//! read as explicit and a replace directive for every replacement we read. The go command, in
//! vendor mode, checks that consistency itself, so `go list -m` succeeds only if it read the same
//! explicit marks and replacements; its output must then show, for every module, the version, the
//! `go` annotation and the replacement we read.
//!
//! The seed is printed on failure; `GOMODPLAY_SEED=<n>` replays it.

use gomod_test_support::rng;
use gomod_test_support::sum_go;

use std::collections::BTreeMap;

use gomod::vendor::ModulesTxt;
use rng::Rng;
use sum_go::{run_go, write_file, Scratch};

const DEFAULT_SEED: u64 = 1_014;
const FILES: usize = 12;
const MODULES_PER_FILE: usize = 12;

#[test]
fn modules_txt_reading_matches_the_go_command() {
    let seed = rng::seed_or(DEFAULT_SEED);
    let result = std::panic::catch_unwind(|| run_oracle(seed));
    if let Err(panic) = result {
        eprintln!("oracle_sum_vendor failed with seed {seed} (replay: GOMODPLAY_SEED={seed})");
        std::panic::resume_unwind(panic);
    }
}

fn run_oracle(seed: u64) {
    let mut rng = Rng::new(seed);
    let scratch = Scratch::new(&format!("oracle-sum-vendor-{seed}"));
    let proxy = scratch.path("no-proxy");
    for file in 0..FILES {
        let text = modules_txt(&mut rng, file);
        check_file(&scratch, &proxy, file, &text);
    }
}

/// A modules.txt with one module line per module (paths `example.com/fN/mI`), varied.
fn modules_txt(rng: &mut Rng, file: usize) -> String {
    let newline = if rng.chance(30) { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = Vec::new();
    if rng.chance(20) {
        lines.push("## explicit; go 1.21".to_owned()); // before any module: ignored
    }
    for i in 0..MODULES_PER_FILE {
        let path = format!("example.com/f{file}/m{i}");
        let version = format!("v1.{}.{}", rng.below(4), rng.below(4));
        let sep = *rng.choose(&[" ", "  ", "\t"]);
        let module_line = match rng.below(10) {
            0 => format!(
                "# {path}{sep}{version} => example.com/f{file}/r{i} v1.0.{}",
                rng.below(3)
            ),
            1 => format!("# {path} {version} => ./local{i}"),
            2 => format!("# {path} {version} => ./local{i} extra"),
            3 => format!("# {path} {version} => example.com/f{file}/r{i} notaversion"),
            4 => format!("# {path} {version} trailing words"),
            _ => format!("# {path}{sep}{version}"),
        };
        lines.push(module_line);
        let explicit = rng.chance(70);
        let go = rng
            .chance(60)
            .then(|| format!("go 1.{}", 11 + rng.below(12)));
        let mut entries: Vec<String> = Vec::new();
        if explicit {
            entries.push("explicit".to_owned());
        }
        if let Some(go) = &go {
            entries.push(go.clone());
        }
        if rng.chance(20) {
            entries.push("future-reserved".to_owned());
        }
        rng.shuffle(&mut entries);
        if rng.chance(15) {
            // An unknown module line detaches what follows from this module.
            lines.push(format!("# example.com/f{file}/bad{i} notaversion"));
        }
        if rng.chance(15) {
            lines.push("# example.com/short".to_owned()); // does not detach
        }
        if !entries.is_empty() {
            if rng.chance(30) && entries.len() > 1 {
                for entry in &entries {
                    lines.push(format!("## {entry}"));
                }
            } else {
                let joiner = *rng.choose(&["; ", ";", " ; "]);
                lines.push(format!("## {}", entries.join(joiner)));
            }
        }
        // Packages: only for modules that are explicit in the text, so that the pruned-module rule
        // (vendored packages need a requirement) is met whenever our reading is right.
        if explicit {
            lines.push(path.clone());
            if rng.chance(30) {
                lines.push(format!("{path}/sub"));
            }
        }
        if rng.chance(15) {
            lines.push(format!("{path}/two fields"));
        }
        if rng.chance(10) {
            lines.push(String::new());
        }
    }
    if rng.chance(50) {
        lines.push(format!(
            "# example.com/f{file}/wild => example.com/f{file}/target v1.0.0"
        ));
    }
    if rng.chance(30) {
        lines.push(format!("# example.com/f{file}/wilddir => ./wilddir"));
    }
    let mut text = lines.join(newline);
    text.push_str(newline);
    text
}

fn check_file(scratch: &Scratch, proxy: &std::path::Path, file: usize, text: &str) {
    let txt = ModulesTxt::parse(text.as_bytes());
    let dir = scratch.path(&format!("main{file}"));
    let mut gomod = String::from("module example.com/main\n\ngo 1.21\n");
    let mut expected: BTreeMap<String, String> = BTreeMap::new();
    for (module, meta) in txt.all_metadata() {
        if meta.explicit {
            gomod.push_str(&format!("\nrequire {} {}\n", module.path, module.version));
            let replace = meta.replacement.as_ref().map_or(String::new(), |r| {
                if r.version.is_empty() {
                    format!(" => {}", r.path)
                } else {
                    format!(" => {} {}", r.path, r.version)
                }
            });
            expected.insert(
                module.path.clone(),
                format!(
                    "{} {} go={}{replace}",
                    module.path,
                    module.version,
                    meta.go_version.as_deref().unwrap_or("")
                ),
            );
        }
        if let Some(r) = &meta.replacement {
            let old = if module.version.is_empty() {
                module.path.clone()
            } else {
                format!("{} {}", module.path, module.version)
            };
            let new = if r.version.is_empty() {
                r.path.clone()
            } else {
                format!("{} {}", r.path, r.version)
            };
            gomod.push_str(&format!("\nreplace {old} => {new}\n"));
        }
    }
    write_file(&dir.join("go.mod"), gomod.as_bytes());
    write_file(&dir.join("vendor/modules.txt"), text.as_bytes());
    if expected.is_empty() {
        return;
    }
    let mut args = vec![
        "list".to_owned(),
        "-mod=vendor".to_owned(),
        "-m".to_owned(),
        "-f".to_owned(),
        "{{.Path}} {{.Version}} go={{.GoVersion}}{{with .Replace}} => {{.Path}}{{with .Version}} {{.}}{{end}}{{end}}".to_owned(),
    ];
    args.extend(expected.keys().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = run_go(scratch, &dir, proxy, &args);
    assert!(run.success, "go rejected the go.mod built from our reading:\n{}\n--- modules.txt\n{text}\n--- go.mod\n{gomod}", run.stderr);
    let mut got: Vec<&str> = run.stdout.lines().collect();
    got.sort_unstable();
    let mut want: Vec<&str> = expected.values().map(String::as_str).collect();
    want.sort_unstable();
    assert_eq!(got, want, "go list -m output\n--- modules.txt\n{text}");
}
