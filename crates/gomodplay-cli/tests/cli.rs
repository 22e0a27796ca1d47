//! The `gomodplay` binary end to end, differentially against the go command where it mirrors one.
//!
//! * usage mistakes and help;
//! * go's message layout for every way of naming the file (relative, `./`, absolute, with `..`,
//!   from another directory, missing, a directory) for go.mod and go.work, fmt and json: the header
//!   uses go's shortened name, the entries the name as given (go.mod) or shortened (go.work);
//! * generated go.mod and go.work texts through `gomodplay fmt` vs `go … edit -fmt -print` (the
//!   library-level test in crates/gomod/tests/oracle_fmt.rs runs many more);
//! * `fmt -w` rewrites only when the canonical form differs;
//! * `sum` prints the hash go computes for the same bytes.
//!
//! The generators and the go runner are shared with the core's tests (the `gomod-test-support` crate, crates/test-support).

use gomod_test_support::gen_modfile;
use gomod_test_support::gen_workfile;
use gomod_test_support::gocmd;
use gomod_test_support::rng;

use gocmd::{capture, describe_difference, escape, Kind, Output, Scratch};
use std::path::Path;
use std::process::Command;

fn gomodplay() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gomodplay"))
}

fn run_in(dir: &Path, mut cmd: Command, args: &[&str]) -> Output {
    capture(cmd.args(args).current_dir(dir).env("PWD", dir))
}

#[test]
fn help_and_usage_mistakes() {
    let dir = Scratch::new("cli-usage");
    let help = run_in(&dir.root, gomodplay(), &["help"]);
    assert_eq!(help.status, 0);
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("gomodplay reads go.mod"));
    assert!(help.stderr.is_empty());
    let fmt_help = run_in(&dir.root, gomodplay(), &["help", "fmt"]);
    assert_eq!(fmt_help.status, 0);
    assert!(
        String::from_utf8_lossy(&fmt_help.stdout).starts_with("usage: gomodplay fmt [-w] FILE\n")
    );

    for (args, reason) in [
        (&[][..], "gomodplay: no command given\n"),
        (&["frob"][..], "gomodplay: unknown command \"frob\"\n"),
        (
            &["fmt"][..],
            "gomodplay: no file given\nusage: gomodplay fmt [-w] FILE\n",
        ),
        (&["fmt", "a", "b"][..], "gomodplay: too many files given"),
        (&["fmt", "-x", "go.mod"][..], "gomodplay: unknown flag -x\n"),
        (
            &["sum", "-w", "go.mod"][..],
            "gomodplay: unknown flag -w\nusage: gomodplay sum FILE\n",
        ),
        (
            &["help", "frob"][..],
            "gomodplay help: unknown command \"frob\"\n",
        ),
    ] {
        let out = run_in(&dir.root, gomodplay(), args);
        assert_eq!(out.status, 2, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with(reason), "{args:?}: {stderr}");
    }
}

/// The overview lists every command: each command listed has help of its own, and each
/// command that has help is listed (explain-error and bundle were once missing from it).
#[test]
fn the_overview_lists_every_command() {
    let dir = Scratch::new("cli-overview");
    let overview =
        String::from_utf8_lossy(&run_in(&dir.root, gomodplay(), &["help"]).stdout).into_owned();
    let listed: Vec<&str> = overview
        .lines()
        .filter_map(|l| l.strip_prefix('\t'))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "gomodplay")
        .collect();
    for name in &listed {
        let help = run_in(&dir.root, gomodplay(), &["help", name]);
        assert_eq!(help.status, 0, "help {name}");
        let text = String::from_utf8_lossy(&help.stdout);
        if *name == "help" {
            assert_eq!(text, overview, "help help is the overview");
        } else {
            assert!(
                text.contains(&format!("gomodplay {name}")),
                "help {name} is not about {name}"
            );
        }
    }
    // Every command the binary accepts: a name it does not know is a usage mistake.
    let accepted = [
        "fmt",
        "json",
        "sum",
        "list",
        "graph",
        "why",
        "check",
        "fix",
        "explain",
        "explain-error",
        "share",
        "rules",
        "bundle",
        "help",
    ];
    for name in accepted {
        assert!(listed.contains(&name), "the overview does not list {name}");
    }
    assert_eq!(listed.len(), accepted.len(), "{listed:?}");
}

/// Every way of naming a file, from two working directories, through go and gomodplay.
#[test]
fn file_names_in_messages_match_go() {
    let scratch = Scratch::new("cli-names");
    let root = scratch.root.canonicalize().unwrap_or(scratch.root.clone());
    let sub = root.join("sub");
    std::fs::create_dir_all(&sub).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let broken_mod = b"module example.com/m\nfoo bar\nrequire example.com/a master\n";
    let good_mod = b"module example.com/m\ngo 1.21\nrequire (\n\texample.com/a v1.2\n)\n";
    let broken_work = b"go 1.21\nrequire example.com/a v1.0.0\nuse\n";
    let good_work = b"use ./b\ngo 1.22\nuse ./a\n";
    for (name, data) in [
        ("go.mod", &broken_mod[..]),
        ("ok.mod", &good_mod[..]),
        ("sub/x.mod", &broken_mod[..]),
        ("go.work", &broken_work[..]),
        ("ok.work", &good_work[..]),
        ("sub/x.work", &broken_work[..]),
    ] {
        std::fs::write(root.join(name), data).unwrap_or_else(|e| panic!("write {name}: {e}"));
    }
    let r = root.display().to_string();
    let mod_names = [
        "go.mod".to_string(),
        "./go.mod".into(),
        format!("{r}/go.mod"),
        format!("{r}/sub/../go.mod"),
        "sub/x.mod".into(),
        format!("{r}/sub/x.mod"),
        "ok.mod".into(),
        format!("{r}/ok.mod"),
        "nope.mod".into(),
        format!("{r}/nope.mod"),
        "sub".into(),
    ];
    let work_names: Vec<String> = [
        "go.work".to_string(),
        "./go.work".into(),
        format!("{r}/go.work"),
        format!("{r}/sub/../go.work"),
        "sub/x.work".into(),
        format!("{r}/sub/x.work"),
        "ok.work".into(),
        format!("{r}/ok.work"),
        "nope.work".into(),
        format!("{r}/nope.work"),
    ]
    .to_vec();

    let mut failures = Vec::new();
    let mut compared = 0;
    for cwd in [&root, &sub] {
        for (kind, names) in [(Kind::Mod, &mod_names[..]), (Kind::Work, &work_names[..])] {
            for name in names {
                for (ours, theirs) in [
                    (
                        vec!["fmt", name.as_str()],
                        vec!["-fmt", "-print", name.as_str()],
                    ),
                    (vec!["json", name.as_str()], vec!["-json", name.as_str()]),
                ] {
                    let mut go_args = vec![kind.subcommand(), "edit"];
                    go_args.extend(theirs);
                    let go = run_in(cwd, gocmd::go_command(), &go_args);
                    let us = run_in(cwd, gomodplay(), &ours);
                    compared += 1;
                    if go != us {
                        failures.push(format!(
                            "in {} `gomodplay {}`:\n{}",
                            cwd.display(),
                            ours.join(" "),
                            describe_difference(&go, &us)
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {compared} invocations differ from go:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn binary_vs_go(kind: Kind, seed: u64, count: usize) {
    let mut rng = rng::Rng::new(seed);
    let jobs: Vec<gocmd::Job> = (0..count)
        .map(|_| {
            let mut case = rng.fork();
            let data = match kind {
                Kind::Mod => gen_modfile::gen_modfile(&mut case),
                Kind::Work => gen_workfile::gen_workfile(&mut case),
            };
            gocmd::fmt_job(kind, kind.default_name(), &data)
        })
        .collect();
    let go = gocmd::run_jobs(&jobs);
    let ours_jobs: Vec<gocmd::Job> = jobs
        .iter()
        .map(|job| gocmd::Job {
            args: vec!["fmt".into(), job.file_name.clone()],
            ..job.clone()
        })
        .collect();
    let ours = gocmd::run_jobs_with(&ours_jobs, gomodplay);
    let failures: Vec<String> = jobs
        .iter()
        .zip(go.iter().zip(&ours))
        .enumerate()
        .filter(|(_, (_, (g, o)))| g != o)
        .map(|(i, (job, (g, o)))| {
            format!(
                "case #{i} {}:\n{}",
                escape(&job.data),
                describe_difference(g, o)
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {count} {} cases differ between `gomodplay fmt` and go (seed {seed:#x}):\n{}",
        failures.len(),
        kind.default_name(),
        failures
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn generated_gomod_through_the_binary() {
    binary_vs_go(
        Kind::Mod,
        rng::seed_from_env() ^ 0x0063_6c69,
        rng::cases_from_env(200).min(200),
    );
}

#[test]
fn generated_gowork_through_the_binary() {
    binary_vs_go(Kind::Work, rng::seed_from_env() ^ 0x636c_6977, 60);
}

#[test]
fn fmt_w_rewrites_only_changed_files() {
    let dir = Scratch::new("cli-w");
    let messy = b"module   example.com/m\ngo 1.21\nrequire (\n\texample.com/a v1.2\n)\n";
    std::fs::write(dir.root.join("go.mod"), messy).unwrap_or_else(|e| panic!("{e}"));
    let go = run_in(
        &dir.root,
        gocmd::go_command(),
        &["mod", "edit", "-fmt", "-print", "go.mod"],
    );
    assert_eq!(go.status, 0);

    let out = run_in(&dir.root, gomodplay(), &["fmt", "-w", "go.mod"]);
    assert_eq!((out.status, out.stdout.len(), out.stderr.len()), (0, 0, 0));
    let rewritten = std::fs::read(dir.root.join("go.mod")).unwrap_or_default();
    assert_eq!(
        rewritten, go.stdout,
        "-w wrote something other than go's canonical form"
    );

    // Already canonical: the file must not be written at all (its mtime stays in the past).
    let file = std::fs::File::options()
        .write(true)
        .open(dir.root.join("go.mod"))
        .unwrap_or_else(|e| panic!("{e}"));
    let past = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    file.set_modified(past).unwrap_or_else(|e| panic!("{e}"));
    drop(file);
    let out = run_in(&dir.root, gomodplay(), &["fmt", "go.mod", "-w"]);
    assert_eq!(out.status, 0);
    let modified = std::fs::metadata(dir.root.join("go.mod")).and_then(|m| m.modified());
    assert_eq!(modified.ok(), Some(past), "an unchanged file was rewritten");

    // A broken file is reported like go and left alone.
    let broken = b"module example.com/m\nrequire example.com/a master\n";
    std::fs::write(dir.root.join("go.mod"), broken).unwrap_or_else(|e| panic!("{e}"));
    let go = run_in(
        &dir.root,
        gocmd::go_command(),
        &["mod", "edit", "-fmt", "go.mod"],
    );
    let out = run_in(&dir.root, gomodplay(), &["fmt", "-w", "go.mod"]);
    assert_eq!(out, go, "{}", describe_difference(&go, &out));
    assert_eq!(
        std::fs::read(dir.root.join("go.mod")).unwrap_or_default(),
        broken
    );
}

#[test]
fn sum_prints_the_hash_go_records() {
    let dir = Scratch::new("cli-sum");
    let mut rng = rng::Rng::new(rng::seed_from_env() ^ 0x73756d);
    let files: Vec<Vec<u8>> = (0..20)
        .map(|i| match i {
            0 => Vec::new(),
            1 => b"module example.com/m\r\n".to_vec(),
            _ => gen_modfile::gen_modfile(&mut rng.fork()),
        })
        .collect();
    let want = gocmd::go_mod_sums(&files);
    for (data, want) in files.iter().zip(&want) {
        std::fs::write(dir.root.join("go.mod"), data).unwrap_or_else(|e| panic!("{e}"));
        let out = run_in(&dir.root, gomodplay(), &["sum", "go.mod"]);
        assert_eq!(out.status, 0, "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("{want}\n"),
            "{}",
            escape(data)
        );
    }
    let missing = run_in(&dir.root, gomodplay(), &["sum", "nope.mod"]);
    assert_eq!(missing.status, 1);
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "gomodplay: open nope.mod: no such file or directory\n"
    );
}

/// go copies invalid UTF-8 from the file into its messages; so must we, byte for byte.
#[test]
fn invalid_utf8_in_messages_is_printed_as_go_does() {
    let dir = Scratch::new("cli-utf8");
    for (name, kind, data) in [
        ("go.mod", Kind::Mod, &b"foo\xe5\n"[..]),
        (
            "go.mod",
            Kind::Mod,
            &b"module m\ngo \xb1.21\nrequire a\xc3/b master\n"[..],
        ),
        ("go.work", Kind::Work, &b"go 1.21\nus\xffe ./a\n"[..]),
    ] {
        std::fs::write(dir.root.join(name), data).unwrap_or_else(|e| panic!("{e}"));
        let go_args = [kind.subcommand(), "edit", "-fmt", "-print", name];
        let go = run_in(&dir.root, gocmd::go_command(), &go_args);
        let ours = run_in(&dir.root, gomodplay(), &["fmt", name]);
        assert_eq!(go.status, 1, "go accepted {}", escape(data));
        assert_eq!(ours, go, "{}", describe_difference(&go, &ours));
    }
}
