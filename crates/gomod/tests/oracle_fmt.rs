//! Differential tests of `gomod::modfile` / `gomod::workfile` against the real go command.
//!
//! Each run generates (from one seed) at least 1,000 go.mod texts and 300 go.work texts, valid and
//! broken (see crates/test-support/src/gen_modfile.rs and gen_workfile.rs), runs
//! `go mod edit -fmt -print go.mod` / `go work edit -fmt -print go.work` on each in a scratch
//! directory, and requires the library to produce the same stdout bytes, the same stderr text and the
//! same exit status (the stderr header is the one the CLI prints: go's header for a relative file
//! name, which go does not shorten; the CLI's own path-shortening is tested in the CLI crate).
//! For every case go accepts, `go mod edit -json` / `go work edit -json` is compared with
//! `to_edit_json` too.
//!
//! Knobs: `GOMODPLAY_SEED` (replay a run; `time` for a fresh seed), `GOMODPLAY_CASES` (number of go.mod
//! cases; go.work gets 30 % of that, at least 300 by default), `GOMODPLAY_CASE` (run only the case
//! with that index), `GOMODPLAY_JOBS` (parallel go processes, default 2), `GOMODPLAY_GO` (the go
//! binary). Failing cases are saved under the temp directory and listed in the panic message.

use gomod_test_support::gen_modfile;
use gomod_test_support::gen_workfile;
use gomod_test_support::gocmd;
use gomod_test_support::rng;

use gocmd::{describe_difference, escape, Kind, Output};
use std::time::Instant;

/// How many mismatches are printed in full, saved to files, and listed by index (all are counted).
const SHOWN: usize = 6;
const SAVED: usize = 50;
const LISTED: usize = 60;

struct Mismatch {
    index: usize,
    what: &'static str,
    data: Vec<u8>,
    detail: String,
    /// A known cause, when the difference has one (see `gocmd::known_cause`).
    cause: Option<&'static str>,
}

/// Hand-picked go.mod texts that the generator reaches only by chance; they run in every run, after
/// the generated cases (their indices continue the generated ones).
const MOD_EDGE_CASES: &[&[u8]] = &[
    b"",
    b"\n\n\n",
    b"// only a comment",
    b"// only a comment\n",
    b"\xef\xbb\xbfmodule example.com/m\n",
    b"module example.com/m /* c */\n",
    b"module example.com/m\r\n\r\ngo 1.21\r\n",
    b"module example.com/m\ngo 1.21\nrequire (\n\texample.com/a v1.0.0\n",
    b"module example.com/m\nrequire (\n) x\n",
    b"module example.com/m\nrequire ()\nexclude(\n)\n",
    b"module \"example.com/m\"\nrequire \"example.com/a\" \"v1.2\"\n",
    b"module `example.com/m`\n",
    b"module \"example.com/\\q\"\n",
    b"module \"example.com/m\n",
    b"module example.com/m\nrequire example.com/a v1.0.0 // indirect\nrequire example.com/b v1.0.0 //indirect; x\n",
    b"// Deprecated: use example.com/n.\nmodule example.com/m\n",
    b"module (\n\t// Deprecated: in a block\n\texample.com/m\n)\n",
    b"module example.com/m\nretract (\n\t// rationale\n\t[v1.0.0, v1.1.0]\n\tv1.2.0 // why\n)\n",
    b"module example.com/m\nretract [v1.0.0,v1.1.0] extra\n",
    b"module example.com/m\nreplace example.com/a => ./a\nreplace example.com/a v1.0.0 => example.com/b v1.2.0\nreplace example.com/a => C:\\x\n",
    b"module example.com/m\ntool (\n\texample.com/t\n\texample.com/t\n)\nignore ./node_modules\nignore ./node_modules\n",
    b"module example.com/m\ngo 1.21.0\ntoolchain go1.22.1\ngodebug (\n\tdefault=go1.21\n\tpanicnil=1\n)\n",
    b"module example.com/m\nrequire gopkg.in/yaml.v2 v2.4.0\nrequire gopkg.in/yaml.v3 v2.0.0\nrequire example.com/a/v2 v2.0.0+incompatible\n",
    b"module example.com/m\nrequire example.com/a\xff v1.0.0\n",
    b"module example.com/m\x0b\n",
    b"module example.com/m\nfoo bar\nfoo (\n\tx\n)\n",
    b"require (\n\t// before close\n)\n",
    b"module example.com/m\n)\n",
    b"module example.com/m\n(\n",
    b"module example.com/m\nrequire a[b]c{d}e, v1\n",
    // go's -fmt is not idempotent here: the blank line moves to just after `(` (found by fuzzing).
    b"require (\n\tb.c/x v1.0.0\n\n\ta.c/x v1.0.0\n)\n",
    b"require (\n\n\ta.c/x v1.0.0\n\tb.c/x v1.0.0\n)\n",
];

fn generate(kind: Kind, seed: u64, count: usize) -> Vec<(usize, Vec<u8>)> {
    let mut rng = rng::Rng::new(seed);
    let only: Option<usize> = std::env::var("GOMODPLAY_CASE")
        .ok()
        .and_then(|s| s.trim().parse().ok());
    (0..count)
        .map(|index| {
            let mut case_rng = rng.fork();
            let data = match kind {
                Kind::Mod => gen_modfile::gen_modfile(&mut case_rng),
                Kind::Work => gen_workfile::gen_workfile(&mut case_rng),
            };
            (index, data)
        })
        .chain(
            MOD_EDGE_CASES
                .iter()
                .filter(|_| kind == Kind::Mod)
                .enumerate()
                .map(|(i, data)| (count + i, data.to_vec())),
        )
        .filter(|(index, _)| only.is_none_or(|only| only == *index))
        .collect()
}

fn differential(kind: Kind, seed: u64, count: usize) {
    let name = kind.default_name();
    let cases = generate(kind, seed, count);
    let started = Instant::now();
    let fmt_jobs: Vec<_> = cases
        .iter()
        .map(|(_, data)| gocmd::fmt_job(kind, name, data))
        .collect();
    let go_fmt = gocmd::run_jobs(&fmt_jobs);
    let accepted: Vec<usize> = (0..cases.len())
        .filter(|&i| go_fmt[i].status == 0)
        .collect();
    let json_jobs: Vec<_> = accepted
        .iter()
        .map(|&i| gocmd::json_job(kind, name, &cases[i].1))
        .collect();
    let go_json = gocmd::run_jobs(&json_jobs);
    let go_time = started.elapsed();

    let mut mismatches = Vec::new();
    let mut check = |index: usize, what: &'static str, data: &[u8], go: &Output, ours: Output| {
        if *go != ours {
            mismatches.push(Mismatch {
                index,
                what,
                data: data.to_vec(),
                detail: describe_difference(go, &ours),
                cause: gocmd::known_cause(go, &ours),
            });
        }
    };
    for ((index, data), go) in cases.iter().zip(&go_fmt) {
        check(
            *index,
            "fmt",
            data,
            go,
            gocmd::library_fmt(kind, name, data),
        );
    }
    for (&i, go) in accepted.iter().zip(&go_json) {
        let (index, data) = &cases[i];
        check(
            *index,
            "json",
            data,
            go,
            gocmd::library_json(kind, name, data),
        );
    }

    eprintln!("{}", error_kinds(&go_fmt));
    eprintln!(
        "{}: {} cases ({} accepted by go), {} go runs in {:.1?} with {} workers, seed {seed:#x}; {}",
        name,
        cases.len(),
        accepted.len(),
        fmt_jobs.len() + json_jobs.len(),
        go_time,
        gocmd::parallelism(),
        gocmd::go_version(),
    );
    if cases.len() >= 100 {
        // A generator that drifted into producing only valid or only broken files would make this
        // test much weaker without failing it; guard against that.
        let share = accepted.len() * 100 / cases.len();
        assert!(
            (15..=85).contains(&share),
            "the {name} generator's accepted share drifted to {share}% (seed {seed:#x})"
        );
    }
    report(kind, seed, cases.len(), &mismatches);
}

/// A one-line census of the kinds of errors go reported, to show what the generated cases reach:
/// each entry line with its position prefix removed, cut before its first quote or digit.
fn error_kinds(outputs: &[Output]) -> String {
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    for out in outputs {
        let text = String::from_utf8_lossy(&out.stderr);
        for line in text.lines().filter(|l| l.starts_with("go.")) {
            let message = line.split_once(": ").map_or(line, |(_, rest)| rest);
            // `VERB PATH: version "V" invalid: REASON` becomes `VERB …: version invalid: REASON`.
            let message = match message.split_once("invalid: ") {
                Some((head, reason)) if head.contains("version") => {
                    let verb = head.split([' ', ':']).next().unwrap_or("");
                    format!("{verb} …: version invalid: {reason}")
                }
                _ => message.to_string(),
            };
            let cut = message.find([
                '"', '\'', '`', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
            ]);
            let kind = message[..cut.unwrap_or(message.len())].trim_end();
            *kinds.entry(kind.to_string()).or_default() += 1;
        }
    }
    let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{n}x {k}")).collect();
    format!(
        "go error kinds reached ({}): {}",
        kinds.len(),
        list.join(" | ")
    )
}

fn report(kind: Kind, seed: u64, total: usize, mismatches: &[Mismatch]) {
    if mismatches.is_empty() {
        return;
    }
    let name = kind.default_name();
    let mut text = String::new();
    for m in mismatches.iter().take(SHOWN) {
        let saved = gocmd::save_case(kind.subcommand(), seed, m.index, name, &m.data);
        text.push_str(&format!(
            "--- {name} case #{} ({}{}), seed {seed:#x}, saved as {}\n  input: {}\n{}",
            m.index,
            m.what,
            m.cause.map(|c| format!("; known: {c}")).unwrap_or_default(),
            saved.display(),
            escape(&m.data),
            m.detail
        ));
    }
    for m in mismatches.iter().skip(SHOWN).take(SAVED) {
        gocmd::save_case(kind.subcommand(), seed, m.index, name, &m.data);
    }
    let mut indices: Vec<String> = mismatches
        .iter()
        .take(LISTED)
        .map(|m| format!("#{}({})", m.index, m.what))
        .collect();
    if mismatches.len() > LISTED {
        indices.push("...".to_string());
    }
    let mut causes = std::collections::BTreeMap::<&str, usize>::new();
    for m in mismatches {
        *causes.entry(m.cause.unwrap_or("unexplained")).or_default() += 1;
    }
    let causes: Vec<String> = causes.iter().map(|(c, n)| format!("{n} {c}")).collect();
    panic!(
        "{text}\n{} of {total} {name} cases differ from go ({}) (seed {seed:#x}; replay one with \
         GOMODPLAY_SEED={seed:#x} GOMODPLAY_CASE=N): {}",
        mismatches.len(),
        causes.join(", "),
        indices.join(" ")
    );
}

#[test]
fn gomod_format_and_json_match_go() {
    let seed = rng::seed_from_env();
    differential(Kind::Mod, seed, rng::cases_from_env(1000));
}

#[test]
fn gowork_format_and_json_match_go() {
    let seed = rng::seed_from_env() ^ 0x776f_726b;
    let count = match std::env::var("GOMODPLAY_CASES") {
        Ok(_) => rng::cases_from_env(1000) * 3 / 10,
        Err(_) => 300,
    };
    differential(Kind::Work, seed, count);
}

/// `gomod::sum::gomod_hash` against the `GoModSum` go reports for the same bytes, on 300
/// generated go.mod texts (valid, broken, CRLF, invalid UTF-8 and empty alike).
#[test]
fn gomod_hash_matches_go() {
    let seed = rng::seed_from_env() ^ 0x6831;
    let cases: Vec<Vec<u8>> = generate(Kind::Mod, seed, 300)
        .into_iter()
        .map(|(_, data)| data)
        .collect();
    let go = gocmd::go_mod_sums(&cases);
    let mut differ = Vec::new();
    for (i, (data, want)) in cases.iter().zip(&go).enumerate() {
        let got = gomod::sum::gomod_hash(data);
        if &got != want {
            differ.push(format!("case #{i} {}: go {want}, ours {got}", escape(data)));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} go.mod hashes differ (seed {seed:#x}):\n{}",
        differ.len(),
        cases.len(),
        differ.join("\n")
    );
}
