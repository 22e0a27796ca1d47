//! Differential test of `gomod::sum` against the real go command.
//!
//! A seeded universe of dependency modules (see crates/test-support/src/sum_universe.rs) is served from a
//! file-system GOPROXY; a main module requires them and `go list -m all` (with `-mod=mod`) writes
//! go.sum, starting from a hand-made go.sum full of things the reader must handle (CRLF, blank
//! lines, odd white space including U+00A0, duplicates, unknown algorithms, the discarded
//! empty-go.mod hash, versions whose order is subtle). The test then asserts that:
//!
//! * every `/go.mod` hash the go command wrote equals `gomod_hash` of the served bytes, and the go
//!   command wrote exactly the module versions reachable in the generated graph;
//! * our go.sum writer, given the entries we read from the seed file plus the hashes we compute,
//!   in shuffled order and with repetitions, reproduces the go command's go.sum byte for byte;
//! * `go mod download -json` reports, for modules served with a zip, the `Sum` that
//!   `module_tree_hash` computes and the `GoModSum` that `gomod_hash` computes;
//! * for go.sum files with a malformed line, the go command's fatal message is `fatal_error()`.
//!
//! The seed is printed on failure; `GOMODPLAY_SEED=<n>` replays it. `GOMODPLAY_GO` selects the go
//! binary (default: the workspace's `.venv/bin/go`, installed by `make setup`).

use gomod_test_support::rng;
use gomod_test_support::sum_go;
use gomod_test_support::sum_universe;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use gomod::sum::{gomod_hash, module_tree_hash, write_sums, GoSum, ProblemKind, EMPTY_GO_MOD_HASH};
use rng::Rng;
use sum_go::{add_to_proxy, run_go, write_file, Scratch};
use sum_universe::{GenModule, Universe};

const DEFAULT_SEED: u64 = 20_261_121;
const PATH_COUNT: usize = 220;
const ZIPPED_MODULES: usize = 6;
const MALFORMED_VARIANTS: usize = 6;

#[test]
fn go_sum_hashes_and_writer_match_the_go_command() {
    let seed = rng::seed_or(DEFAULT_SEED);
    let result = std::panic::catch_unwind(|| run_oracle(seed));
    if let Err(panic) = result {
        eprintln!("oracle_sum failed with seed {seed} (replay: GOMODPLAY_SEED={seed})");
        std::panic::resume_unwind(panic);
    }
}

fn run_oracle(seed: u64) {
    let mut rng = Rng::new(seed);
    let scratch = Scratch::new(&format!("oracle-sum-{seed}"));
    let proxy = scratch.path("proxy");
    let universe = Universe::generate(&mut rng, PATH_COUNT);
    assert!(
        universe.modules.len() >= 200,
        "only {} modules generated",
        universe.modules.len()
    );
    for module in universe.modules.values() {
        add_to_proxy(&proxy, &module.path, &module.version, &module.gomod);
    }

    check_list_writes_go_sum(&scratch, &proxy, &universe, &mut rng);
    check_zip_sums(&scratch, &proxy, &universe, &mut rng);
    check_malformed_lines(&scratch, &proxy, &universe, &mut rng);
}

/// Runs `go list -m all` from a seeded go.sum and compares what it wrote with our hashes and writer.
fn check_list_writes_go_sum(scratch: &Scratch, proxy: &Path, universe: &Universe, rng: &mut Rng) {
    let main = scratch.path("main");
    let reachable = universe.reachable();
    let seeded = seed_go_sum(universe, &reachable, rng);
    write_file(&main.join("go.mod"), universe.main_gomod().as_bytes());
    write_file(&main.join("go.sum"), &seeded);

    let run = run_go(scratch, &main, proxy, &["list", "-m", "all"]);
    assert!(run.success, "go list -m all failed:\n{}", run.stderr);
    let written = fs::read(main.join("go.sum")).expect("reading go.sum written by go");

    // Every /go.mod hash of a generated module must be ours, and the set must be the reachable set.
    let ours = GoSum::parse("go.sum", &written);
    // What the go command writes has several hashes per key and unknown algorithms (it keeps the
    // seeded ones) but nothing that a rewrite would normalise away.
    let unexpected: Vec<_> = ours
        .problems()
        .iter()
        .filter(|p| {
            !matches!(
                p.kind,
                ProblemKind::SeveralHashes { .. } | ProblemKind::UnknownAlgorithm { .. }
            )
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "problems reading go's own go.sum: {unexpected:?}"
    );
    let mut hashed = BTreeSet::new();
    for (line, entry) in ours.entries() {
        let Some(version) = entry.version.strip_suffix("/go.mod") else {
            continue;
        };
        let key = (entry.path.clone(), version.to_owned());
        let Some(module) = universe.modules.get(&key) else {
            continue;
        };
        if !entry.hash.starts_with("h1:") {
            continue;
        }
        assert_eq!(
            entry.hash,
            gomod_hash(&module.gomod),
            "go.sum line {}: /go.mod hash of {}@{} differs; go.mod bytes: {:?}",
            line.number,
            module.path,
            module.version,
            String::from_utf8_lossy(&module.gomod)
        );
        hashed.insert(key);
    }
    assert!(
        hashed.len() >= 200,
        "only {} go.mod files were hashed",
        hashed.len()
    );
    assert_eq!(
        hashed, reachable,
        "the go command hashed a different set of go.mod files than the reachable graph"
    );

    // Our writer, from our reading of the seed plus our hashes, must produce go's file exactly.
    let seed_sum = GoSum::parse("go.sum", &seeded);
    assert_eq!(seed_sum.fatal_error(), None);
    let computed: Vec<(String, String, String)> = reachable
        .iter()
        .filter_map(|key| universe.modules.get(key))
        .map(|m| {
            (
                m.path.clone(),
                format!("{}/go.mod", m.version),
                gomod_hash(&m.gomod),
            )
        })
        .collect();
    let mut entries: Vec<(&str, &str, &str)> = seed_sum
        .entries()
        .map(|(_, e)| (e.path.as_str(), e.version.as_str(), e.hash.as_str()))
        .chain(
            computed
                .iter()
                .map(|(p, v, h)| (p.as_str(), v.as_str(), h.as_str())),
        )
        .collect();
    let repeats: Vec<_> = (0..20).map(|_| *rng.choose(&entries)).collect();
    entries.extend(repeats);
    rng.shuffle(&mut entries);
    let expected = write_sums(entries);
    assert_text_eq(
        &written,
        &expected,
        "go.sum written by go list -m all vs our writer",
    );
}

/// A go.sum for the main module before the go command runs: correct, unknown-algorithm and
/// discarded lines for reachable modules, entries for modules outside the graph (which the go
/// command keeps), blank lines, CRLF and odd white space; lines in random order.
fn seed_go_sum(
    universe: &Universe,
    reachable: &BTreeSet<(String, String)>,
    rng: &mut Rng,
) -> Vec<u8> {
    let mut lines: Vec<String> = Vec::new();
    let reachable: Vec<&GenModule> = reachable
        .iter()
        .filter_map(|k| universe.modules.get(k))
        .collect();
    for _ in 0..25 {
        let m = rng.choose(&reachable);
        lines.push(format!(
            "{} {}/go.mod {}",
            m.path,
            m.version,
            gomod_hash(&m.gomod)
        ));
    }
    for _ in 0..4 {
        let m = rng.choose(&reachable);
        lines.push(format!(
            "{} {}/go.mod h2:bm90LWEtcmVhbC1oYXNo",
            m.path, m.version
        ));
    }
    for _ in 0..3 {
        let m = rng.choose(&reachable);
        lines.push(format!(
            "{} {}/go.mod {EMPTY_GO_MOD_HASH}",
            m.path, m.version
        ));
    }
    // Modules outside the graph: version order by semver (v1.9.0 < v1.10.0, pre-release first,
    // +incompatible, an invalid version lowest), /go.mod after the zip entry, several hashes.
    let outside = [
        "fake.example/Zed v1.10.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "fake.example/Zed v1.9.0/go.mod h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=",
        "fake.example/Zed v1.9.0 h1:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC=",
        "fake.example/Zed v1.9.0 h1:BCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC=",
        "fake.example/Zed v1.10.0-rc.1 h1:DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD=",
        "fake.example/Zed v1.10.0-RC.1/go.mod h1:EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE=",
        "fake.example/Zed junk-version h1:FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF=",
        "fake.example/Zed v2.0.0+incompatible h1:GGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG=",
        "fake.example/Zed v2.0.0+incompatible/go.mod h1:HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH=",
        "fake.example/Zed v1.9.0 h3:unknown-algorithm",
        "fake.example/zed v0.1.0 h1:IIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIII=",
        "fake.example/Zed-b v0.0.0-20200101000000-abcdefabcdef h1:JJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJ=",
    ];
    lines.extend(outside.iter().map(|s| (*s).to_owned()));
    let extra: Vec<String> = (0..8).map(|_| rng.choose(&lines).clone()).collect();
    lines.extend(extra);
    lines.extend(["".to_owned(), "   ".to_owned(), "\t".to_owned()]);
    rng.shuffle(&mut lines);

    let mut out = String::new();
    for line in lines {
        let spaced = match rng.below(6) {
            0 => line.replacen(' ', "\t", 1),
            1 => line.replace(' ', "   "),
            2 => line.replacen(' ', "\u{A0}", 1),
            3 => format!("  {line} "),
            _ => line,
        };
        out.push_str(&spaced);
        out.push_str(if rng.chance(20) { "\r\n" } else { "\n" });
    }
    out.into_bytes()
}

/// Serves a few modules with zips (made with python3's zipfile) and compares `go mod download -json`.
fn check_zip_sums(scratch: &Scratch, proxy: &Path, universe: &Universe, rng: &mut Rng) {
    let modules: Vec<&GenModule> = universe.modules.values().collect();
    let mut chosen: Vec<&GenModule> = Vec::new();
    while chosen.len() < ZIPPED_MODULES {
        let m = *rng.choose(&modules);
        if !chosen
            .iter()
            .any(|c| c.path == m.path && c.version == m.version)
        {
            chosen.push(m);
        }
    }
    let mut expected = Vec::new();
    for (n, module) in chosen.iter().enumerate() {
        let mut files: Vec<(String, Vec<u8>)> = vec![("go.mod".to_owned(), module.gomod.clone())];
        files.push((
            "x.go".to_owned(),
            format!("package x\n\n// file {n} ✓\n").into_bytes(),
        ));
        if rng.chance(70) {
            files.push((
                "sub/deeper/y.go".to_owned(),
                format!("package deeper\r\nconst N = {}\r\n", rng.below(1000)).into_bytes(),
            ));
        }
        if rng.chance(50) {
            files.push(("LICENSE".to_owned(), b"no final newline".to_vec()));
        }
        if rng.chance(50) {
            files.push(("empty.txt".to_owned(), Vec::new()));
        }
        let staging = scratch.path(&format!("zipstage/{n}"));
        for (name, data) in &files {
            write_file(&staging.join(name), data);
        }
        let zip = proxy
            .join(sum_go::escape(&module.path))
            .join("@v")
            .join(format!("{}.zip", sum_go::escape(&module.version)));
        make_zip(
            &zip,
            &staging,
            &format!("{}@{}/", module.path, module.version),
        );
        let tree =
            module_tree_hash(&module.path, &module.version, &files).expect("hashing module tree");
        expected.push((
            module.path.clone(),
            module.version.clone(),
            tree,
            gomod_hash(&module.gomod),
        ));
    }

    let main = scratch.path("main");
    let mut args = vec!["mod".to_owned(), "download".to_owned(), "-json".to_owned()];
    args.extend(chosen.iter().map(|m| format!("{}@{}", m.path, m.version)));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = run_go(scratch, &main, proxy, &args);
    assert!(
        run.success,
        "go mod download failed:\n{}\n{}",
        run.stdout, run.stderr
    );
    let reported = download_sums(&run.stdout);
    for (path, version, tree, gomod) in expected {
        let found = reported.iter().find(|r| r.0 == path && r.1 == version);
        let Some((_, _, sum, gomod_sum)) = found else {
            panic!(
                "go mod download -json did not report {path}@{version}:\n{}",
                run.stdout
            );
        };
        assert_eq!(sum, &tree, "zip hash of {path}@{version}");
        assert_eq!(gomod_sum, &gomod, "GoModSum of {path}@{version}");
    }
}

/// Zips every file under `staging` with names `prefix + relative path`, in a shuffled order.
fn make_zip(zip: &Path, staging: &Path, prefix: &str) {
    let script = r#"
import os, random, sys, zipfile
zip_path, staging, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
names = []
for root, _, files in os.walk(staging):
    for f in files:
        full = os.path.join(root, f)
        names.append((full, prefix + os.path.relpath(full, staging).replace(os.sep, "/")))
random.Random(len(names)).shuffle(names)
with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
    for full, arc in names:
        z.write(full, arc)
"#;
    if let Some(parent) = zip.parent() {
        fs::create_dir_all(parent).expect("creating zip directory");
    }
    let status = Command::new("python3")
        .args(["-c", script])
        .arg(zip)
        .arg(staging)
        .arg(prefix)
        .status()
        .expect("running python3 to build a module zip");
    assert!(
        status.success(),
        "python3 could not build {}",
        zip.display()
    );
}

/// (Path, Version, Sum, GoModSum) of each object in `go mod download -json` output. The values
/// involved (module paths, versions, base64 hashes) never contain JSON escapes.
fn download_sums(stdout: &str) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    let mut current: [String; 4] = Default::default();
    for line in stdout.lines() {
        let line = line.trim();
        if line == "}" {
            out.push(std::mem::take(&mut current).into());
            continue;
        }
        let Some((key, value)) = line.split_once(": ") else {
            continue;
        };
        let value = value.trim_end_matches(',').trim_matches('"').to_owned();
        match key {
            "\"Path\"" => current[0] = value,
            "\"Version\"" => current[1] = value,
            "\"Sum\"" => current[2] = value,
            "\"GoModSum\"" => current[3] = value,
            "\"Error\"" => panic!("go mod download reported an error: {value}"),
            _ => {}
        }
    }
    out
}

/// go.sum files with one line of the wrong field count among valid, blank, CRLF and U+00A0-spaced
/// lines: the go command's fatal message must be ours.
fn check_malformed_lines(scratch: &Scratch, proxy: &Path, universe: &Universe, rng: &mut Rng) {
    let modules: Vec<&GenModule> = universe.modules.values().collect();
    for variant in 0..MALFORMED_VARIANTS {
        let dir = scratch.path(&format!("malformed{variant}"));
        let dep = *rng.choose(&modules);
        write_file(
            &dir.join("go.mod"),
            format!(
                "module example.com/malformed\n\ngo 1.16\n\nrequire {} {}\n",
                dep.path, dep.version
            )
            .as_bytes(),
        );
        let mut lines: Vec<String> = vec![
            format!(
                "{} {}/go.mod {}",
                dep.path,
                dep.version,
                gomod_hash(&dep.gomod)
            ),
            String::new(),
            " \t ".to_owned(),
            "\r".to_owned(),
            "a\u{A0}b c".to_owned(),
            "x.example/m v1.0.0 h1:abc=\r".to_owned(),
        ];
        let field_count = *rng.choose(&[1usize, 2, 4, 5]);
        let bad: Vec<String> = (0..field_count).map(|i| format!("f{i}")).collect();
        let separator = *rng.choose(&[" ", "\t", "\u{A0}", "  "]);
        lines.push(bad.join(separator));
        rng.shuffle(&mut lines[1..]);
        // A second malformed line after the first must not change the message.
        lines.push("only two".to_owned());
        let mut data = lines.join("\n");
        if rng.chance(50) {
            data.push('\n');
        }
        write_file(&dir.join("go.sum"), data.as_bytes());

        let go_sum_path = fs::canonicalize(&dir)
            .expect("canonical directory")
            .join("go.sum");
        let ours = GoSum::parse(&go_sum_path.to_string_lossy(), data.as_bytes());
        let run = run_go(scratch, &dir, proxy, &["list", "-m", "all"]);
        assert!(!run.success, "go accepted a malformed go.sum:\n{data}");
        let want = format!(
            "{}\n",
            ours.fatal_error()
                .expect("our reader found no malformed line")
        );
        assert_eq!(run.stderr, want, "fatal message for go.sum:\n{data:?}");
    }
}

/// Byte comparison with a readable report of the first differing line.
fn assert_text_eq(got: &[u8], want: &[u8], what: &str) {
    if got == want {
        return;
    }
    let got_text = String::from_utf8_lossy(got);
    let want_text = String::from_utf8_lossy(want);
    let got_lines: Vec<&str> = got_text.split('\n').collect();
    let want_lines: Vec<&str> = want_text.split('\n').collect();
    let first = got_lines
        .iter()
        .zip(&want_lines)
        .position(|(a, b)| a != b)
        .unwrap_or(got_lines.len().min(want_lines.len()));
    let context = |lines: &[&str]| {
        lines
            .iter()
            .skip(first.saturating_sub(2))
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    };
    panic!(
        "{what}: differ at line {} (go: {} lines, ours: {} lines)\n--- go\n{}\n--- ours\n{}",
        first + 1,
        got_lines.len(),
        want_lines.len(),
        context(&got_lines),
        context(&want_lines)
    );
}
