//! Nothing the core exposes may panic, whatever bytes it is given.
//!
//! Seeded random bytes, token soups, version-like and path-like strings, generated go.mod/go.work
//! texts, and mutations of corpus files and generated texts (truncations, bit flips, inserted tokens,
//! huge lines, deep nesting) go through every parser: go.mod strict and lax, go.work, go.sum,
//! vendor/modules.txt, txtar bundles, pasted go error output, and the version and path functions. Each input runs under `catch_unwind`;
//! the first panic is reported with the seed and the input (escaped, and saved to a file).
//! `GOMODPLAY_SEED` replays a run; `GOMODPLAY_CASES` (default 4,000) scales the number of inputs:
//! that many random inputs, 60 % of it generated files, four times as many version/path strings,
//! and a sixteenth of it corpus mutations (about 22,700 inputs by default; unoptimised test builds
//! manage a few thousand small inputs per second through all parsers).

use gomod_test_support::gen_bytes;
use gomod_test_support::gen_modfile;
use gomod_test_support::gen_workfile;
use gomod_test_support::gocmd;
use gomod_test_support::rng;

use gomod::path;
use gomod::version::{self, gover, pseudo, semver};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

const DEFAULT_CASES: usize = 4_000;

/// Every byte-level parser, and the string functions on the input's fields.
fn exercise_bytes(data: &[u8]) {
    // Pasted go output: the same bytes read as an error log.
    let _ = gomod::explain_error::explain_error(&String::from_utf8_lossy(data), None);
    // One parse per mode, then every later step of the go commands' pipelines on its result
    // (`format` and `edit_json` are exactly parse + sort_blocks + cleanup + print).
    if let Ok(mut file) = gomod::modfile::parse("go.mod", data) {
        let _ = file.to_edit_json();
        file.sort_blocks();
        file.cleanup();
        let _ = file.format();
        let _ = file.to_edit_json();
    }
    if let Ok(file) = gomod::modfile::parse_lax("go.mod", data) {
        let _ = file.to_edit_json();
    }
    if let Ok(mut file) = gomod::workfile::parse("go.work", data) {
        let _ = file.to_edit_json();
        file.sort_blocks();
        file.cleanup();
        let _ = file.format();
        let _ = file.to_edit_json();
    }

    let sum = gomod::sum::GoSum::parse("go.sum", data);
    for problem in sum.problems() {
        let _ = sum.describe(problem);
    }
    let _ = sum.fatal_error();
    let _ = sum.rewrite();
    // Hashing cannot fail on content and is slow in unoptimised test builds: sample it.
    if data.len().is_multiple_of(8) {
        let _ = gomod::sum::gomod_hash(data);
        let _ = gomod::sum::hash1(&[("go.mod", data), ("x/y.go", data)]);
    }

    let archive = gomod::bundle::txtar::parse(data);
    let _ = gomod::bundle::txtar::format(&archive);
    for file in &archive.files {
        let _ = gomod::bundle::txtar::representable(file);
    }
    let bundle = gomod::bundle::Bundle::from_txtar(data);
    let _ = bundle.to_txtar();
    let _ = bundle.txtar_problems();
    let _ = bundle.dependency_paths();
    let _ = bundle.workspace_files().count();
    // What the "Get the whole graph" command and gomodplay bundle would read for these files.
    let _ = gomod::gather::cache_files(&gomod::bundle::Bundle::from_files([
        ("go.sum", data),
        ("go.work.sum", data),
    ]));
    let _ = gomod::gather::project_file_names(Some(data));

    let vendor = gomod::vendor::ModulesTxt::parse(data);
    let _ = vendor.is_workspace();
    let _ = vendor.vendor_list().len();

    let text = String::from_utf8_lossy(data);
    for field in text.split_whitespace().take(8) {
        exercise_str(field);
    }
}

/// Every string function of the version and path modules.
fn exercise_str(s: &str) {
    let _ = semver::is_valid(s);
    let _ = semver::canonical(s);
    let _ = semver::major(s);
    let _ = semver::major_minor(s);
    let _ = semver::prerelease(s);
    let _ = semver::build(s);
    let _ = semver::compare(s, "v1.2.3");
    let _ = semver::compare("v1.2.3-pre", s);
    let _ = semver::max(s, "v0.0.0");
    let _ = semver::compare_decimal(s, "12");
    let mut list = vec![s.to_string(), "v1.0.0".to_string(), s.to_uppercase()];
    semver::sort(&mut list);
    let _ = version::canonical_version(s);
    let _ = version::is_canonical(s);

    let _ = pseudo::is_pseudo_version(s);
    let _ = pseudo::pseudo_version_base(s);
    let _ = pseudo::pseudo_version_rev(s);
    let _ = pseudo::pseudo_version_time(s);
    let _ = pseudo::is_zero_pseudo_version(s);
    let _ = pseudo::inc_decimal(s);
    let _ = pseudo::dec_decimal(s);
    let _ = pseudo::zero_pseudo_version(s);

    let _ = gover::parse(s);
    let _ = gover::compare(s, "1.21.0");
    let _ = gover::compare("1.21rc1", s);
    let _ = gover::max(s, "1.21");
    let _ = gover::is_valid(s);
    let _ = gover::is_lang(s);
    let _ = gover::lang(s);
    let _ = gover::is_prerelease(s);
    let _ = gover::prev(s);
    let _ = gover::from_toolchain(s);
    let _ = gover::cmp_int(s, "10");
    let _ = gover::dec_int(s);
    let _ = gover::is_toolchain(s);
    let _ = gover::mod_compare("go", s, "1.21");
    let _ = gover::mod_compare("toolchain", s, "go1.21");
    let _ = gover::mod_compare("example.com/m", s, "v1.0.0");
    let _ = gover::mod_is_valid("go", s);
    let _ = gover::mod_is_prefix("toolchain", s);
    let _ = gover::mod_is_prerelease("go", s);
    let _ = gover::mod_major_minor("example.com/m", s);
    let _ = gover::mod_major_minor("go", s);
    let _ = gover::is_go_line_version(s);
    let _ = gover::lax_go_line_version(s);
    let _ = gover::is_toolchain_line_name(s);

    let _ = path::check_path(s);
    let _ = path::check_import_path(s);
    let _ = path::check_file_path(s);
    if let Some((prefix, major)) = path::split_path_version(s) {
        let _ = path::check_path_major("v2.0.0", major);
        let _ = path::path_major_prefix(major);
        let _ = prefix.len();
    }
    let _ = path::check_path_major(s, "/v2");
    let _ = path::check_path_major(s, ".v1");
    let _ = path::check_path_major("v1.0.0", s);
    let _ = path::match_path_major(s, s);
    let _ = path::path_major_prefix(s);
    let _ = path::escape_path(s);
    let _ = path::escape_version(s);
    let _ = path::unescape_path(s);
    let _ = path::unescape_version(s);
    let _ = path::case_fold_key(s);
    let _ = path::is_directory_path(s);
    let _ = path::compare_modules(s, "v1.0.0", "example.com/a", s);

    let _ = gomod::gather::keep_project_file(s);
    let _ = gomod::gather::descend_into(s);
    let _ = gomod::gather::folder_kind(s, [s, "cache"]);
}

/// Runs `inputs` through `exercise`, stopping at the first panic with a full report.
fn run_all<T: AsRef<[u8]>>(label: &str, seed: u64, inputs: &[T], exercise: fn(&[u8])) {
    let started = Instant::now();
    for (i, input) in inputs.iter().enumerate() {
        let input = input.as_ref();
        if catch_unwind(AssertUnwindSafe(|| exercise(input))).is_err() {
            let saved = gocmd::save_case(&format!("panic-{label}"), seed, i, "input", input);
            panic!(
                "{label} input #{i} (seed {seed:#x}) panicked; saved as {}\n  input: {}",
                saved.display(),
                gocmd::escape(input)
            );
        }
    }
    eprintln!(
        "{label}: {} inputs, {} bytes in all, no panic, {:.1?}",
        inputs.len(),
        inputs.iter().map(|i| i.as_ref().len()).sum::<usize>(),
        started.elapsed()
    );
}

fn corpus_files() -> Vec<Vec<u8>> {
    let dir = gomod_test_support::corpus::corpus_dir();
    let mut out = Vec::new();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(data) = std::fs::read(&path) {
                out.push(data);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn random_bytes_and_token_soups_do_not_panic() {
    let seed = rng::seed_from_env();
    let n = rng::cases_from_env(DEFAULT_CASES);
    let mut rng = rng::Rng::new(seed);
    let inputs: Vec<Vec<u8>> = (0..n)
        .map(|i| {
            if i % 2 == 0 {
                gen_bytes::random_bytes(&mut rng, 160)
            } else {
                gen_bytes::token_soup(&mut rng, 80)
            }
        })
        .collect();
    run_all("random", seed, &inputs, exercise_bytes);
}

#[test]
fn generated_and_mutated_files_do_not_panic() {
    let seed = rng::seed_from_env() ^ 0x6d75_7461;
    let n = rng::cases_from_env(DEFAULT_CASES) * 6 / 10;
    let mut rng = rng::Rng::new(seed);
    let inputs: Vec<Vec<u8>> = (0..n)
        .map(|i| {
            let mut case_rng = rng.fork();
            let text = if i % 3 == 0 {
                gen_workfile::gen_workfile(&mut case_rng)
            } else {
                gen_modfile::gen_modfile(&mut case_rng)
            };
            if i % 2 == 0 {
                gen_bytes::mutate(&mut case_rng, &text)
            } else {
                text
            }
        })
        .collect();
    run_all("generated", seed, &inputs, exercise_bytes);
}

#[test]
fn mutated_corpus_files_do_not_panic() {
    let seed = rng::seed_from_env() ^ 0x636f_7270;
    let corpus = corpus_files();
    if corpus.is_empty() {
        return;
    }
    let mut rng = rng::Rng::new(seed);
    // Corpus files are large (up to 100 KB): each goes through once whole, then mutated windows
    // of up to 3 KB of them.
    let n = rng::cases_from_env(DEFAULT_CASES) / 16;
    let mut inputs: Vec<Vec<u8>> = corpus.clone();
    for _ in 0..n {
        let original = rng.choose(&corpus);
        let start = rng.below(original.len() + 1);
        let end = (start + rng.range(100, 3_000)).min(original.len());
        inputs.push(gen_bytes::mutate(&mut rng, &original[start..end]));
    }
    run_all("corpus", seed, &inputs, exercise_bytes);
}

#[test]
fn version_and_path_strings_do_not_panic() {
    let seed = rng::seed_from_env() ^ 0x7665_7273;
    let n = rng::cases_from_env(DEFAULT_CASES) * 4;
    let mut rng = rng::Rng::new(seed);
    let inputs: Vec<String> = (0..n)
        .map(|i| match i % 4 {
            0 => gen_bytes::version_like(&mut rng),
            1 => {
                // Go language and toolchain versions: 1.21, 1.21rc1, go1.21.0 ...
                let v = gen_bytes::version_like(&mut rng);
                let bare = v.trim_start_matches('v');
                if rng.chance(50) {
                    format!("go{bare}")
                } else {
                    bare.to_string()
                }
            }
            _ => gen_bytes::path_like(&mut rng),
        })
        .collect();
    run_all("strings", seed, &inputs, |bytes| {
        exercise_str(&String::from_utf8_lossy(bytes))
    });
}
