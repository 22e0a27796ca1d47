//! Differential test of the bundle's proxy-layout reading against the real go command.
//!
//! Seeded random `@v/list` files (valid versions, pseudo-versions of every shape, invalid and
//! padded lines, CRLF, extra fields) and `.mod` files under escaped names are written both into a
//! [`gomod::bundle::Bundle`] and onto disk as a file-system GOPROXY. Then, for every module path:
//!
//! * `go list -m -versions -retracted PATH` must print exactly `Bundle::listed_versions(PATH)`
//!   (`-retracted` stops the go command from loading the latest version's go.mod for retractions,
//!   which would need files for every listed version);
//! * with a main module requiring one `.mod`-backed version of each path, the `/go.mod` hashes the
//!   go command writes to go.sum must be those of the bytes `Bundle::dependency_gomod` returns.
//!
//! The seed is printed on failure; `GOMODPLAY_SEED=<n>` replays it.

use gomod_test_support::rng;
use gomod_test_support::sum_go;

use gomod::bundle::Bundle;
use gomod::sum::{gomod_hash, GoSum};
use rng::Rng;
use sum_go::{escape, run_go, write_file, Scratch};

const DEFAULT_SEED: u64 = 7_331;
const MODULE_COUNT: usize = 24;

#[test]
fn bundle_proxy_reading_matches_the_go_command() {
    let seed = rng::seed_or(DEFAULT_SEED);
    let result = std::panic::catch_unwind(|| run_oracle(seed));
    if let Err(panic) = result {
        eprintln!("oracle_sum_bundle failed with seed {seed} (replay: GOMODPLAY_SEED={seed})");
        std::panic::resume_unwind(panic);
    }
}

/// Version strings for list files: ordinary releases and pre-releases, the three pseudo-version
/// forms, near misses of them, and strings that are not versions at all.
fn list_entry(rng: &mut Rng) -> String {
    let n = |rng: &mut Rng| rng.below(12);
    let hex = |rng: &mut Rng, len: usize| -> String {
        (0..len)
            .map(|_| char::from(*rng.choose(b"0123456789abcdefXYZ")))
            .collect()
    };
    match rng.below(14) {
        0..=3 => format!("v{}.{}.{}", rng.below(3), n(rng), n(rng)),
        4 => format!(
            "v1.{}.0-{}",
            n(rng),
            rng.choose(&["rc.1", "RC2", "beta", "0", "pre.0.x"])
        ),
        5 => format!("v0.0.0-2020{:02}01000000-{}", 1 + n(rng), hex(rng, 12)),
        6 => {
            let len = 1 + rng.below(12);
            format!("v1.2.{}-0.20200101000000-{}", n(rng), hex(rng, len))
        }
        7 => format!("v1.2.{}-pre.0.20200101000000-{}", n(rng), hex(rng, 12)),
        8 => format!("v2.0.0-20200101000000-{}+incompatible", hex(rng, 12)),
        9 => format!("v1.2.3-0.{}-abcdef", "2".repeat(12 + rng.below(4))),
        10 => format!("v1.0.0-pre0.20200101000000-{}", hex(rng, 12)),
        11 => (*rng.choose(&[
            "v1",
            "v1.2",
            "1.2.3",
            "v1.2.3.4",
            "latest",
            "v01.2.3",
            "v1.2.3+meta",
        ]))
        .to_owned(),
        12 => format!("v1.{}.{} trailing fields", n(rng), n(rng)),
        _ => String::new(),
    }
}

fn run_oracle(seed: u64) {
    let mut rng = Rng::new(seed);
    let scratch = Scratch::new(&format!("oracle-sum-bundle-{seed}"));
    let proxy = scratch.path("proxy");
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut modules: Vec<(String, Vec<String>)> = Vec::new();
    for i in 0..MODULE_COUNT {
        let path = format!(
            "example.com/{}/m{i}",
            rng.choose(&["Upper", "lower", "MiXeD", "x-Y"])
        );
        let mut list = String::new();
        for _ in 0..rng.below(9) {
            let pad = *rng.choose(&["", " ", "\t"]);
            let end = *rng.choose(&["\n", "\n", "\r\n"]);
            list.push_str(&format!("{pad}{}{end}", list_entry(&mut rng)));
        }
        files.push((format!("{}/@v/list", escape(&path)), list.into_bytes()));
        let mut with_mod = Vec::new();
        for _ in 0..1 + rng.below(2) {
            let version = format!(
                "v1.{}.{}{}",
                rng.below(5),
                rng.below(5),
                rng.choose(&["", "-RC1", "-beta.Two"])
            );
            let gomod = format!("module {path}\r\n// {version} ✓").into_bytes();
            files.push((
                format!("{}/@v/{}.mod", escape(&path), escape(&version)),
                gomod,
            ));
            let info = format!("{{\"Version\":\"{version}\",\"Time\":\"2020-01-01T00:00:00Z\"}}\n");
            files.push((
                format!("{}/@v/{}.info", escape(&path), escape(&version)),
                info.into_bytes(),
            ));
            with_mod.push(version);
        }
        modules.push((path, with_mod));
    }
    for (name, data) in &files {
        write_file(&proxy.join(name), data);
    }
    let bundle = Bundle::from_files(files.iter().map(|(n, d)| (n.clone(), d.clone())));
    assert!(
        bundle.problems().is_empty(),
        "bundle problems: {:?}",
        bundle.problems()
    );

    let main = scratch.path("main");
    write_file(
        &main.join("go.mod"),
        b"module example.com/main\n\ngo 1.21\n",
    );
    for (path, _) in &modules {
        let run = run_go(
            &scratch,
            &main,
            &proxy,
            &["list", "-m", "-versions", "-retracted", path],
        );
        assert!(
            run.success,
            "go list -m -versions {path} failed:\n{}",
            run.stderr
        );
        let listed = bundle
            .listed_versions(path)
            .expect("every module has a list file");
        let mut ours = vec![path.clone()];
        ours.extend(listed);
        let list_file = bundle
            .file(&format!("{}/@v/list", escape(path)))
            .map(String::from_utf8_lossy);
        assert_eq!(
            run.stdout.trim_end_matches('\n'),
            ours.join(" "),
            "versions of {path} from list {list_file:?}"
        );
    }

    // A main module requiring one .mod-backed version of every path: the go command records the
    // hash of the go.mod bytes the bundle returns for it.
    let mut gomod = String::from("module example.com/main\n\ngo 1.21\n\nrequire (\n");
    for (path, with_mod) in &modules {
        gomod.push_str(&format!("\t{path} {}\n", with_mod[0]));
    }
    gomod.push_str(")\n");
    write_file(&main.join("go.mod"), gomod.as_bytes());
    let run = run_go(&scratch, &main, &proxy, &["list", "-m", "all"]);
    assert!(run.success, "go list -m all failed:\n{}", run.stderr);
    let written = std::fs::read(main.join("go.sum")).expect("go.sum written by go");
    let sums = GoSum::parse("go.sum", &written);
    for (path, with_mod) in &modules {
        let version = &with_mod[0];
        let served = bundle
            .dependency_gomod(path, version)
            .expect("the bundle has the .mod file");
        assert_eq!(
            sums.gomod_hashes(path, version),
            vec![gomod_hash(served).as_str()],
            "{path}@{version}/go.mod"
        );
    }
}
