//! Differential test of `gomod::bundle::txtar` against Go's own txtar code.
//!
//! golang.org/x/tools/txtar is not installed here, but the Go distribution carries the same
//! package as `internal/txtar`. At test time a small driver (below) is built in a scratch module
//! under Cargo's target directory, next to a copy of `$GOROOT/src/internal/txtar/archive.go` (the
//! copy never enters the repository). Seeded random inputs built from marker fragments, white space
//! of every kind, CR and invalid UTF-8 are parsed by both implementations, and the comment, the
//! files and the re-formatted archive must agree byte for byte. File names are compared after
//! replacing invalid UTF-8 (our names are Rust strings); the formatted archive is compared only
//! when every name is valid UTF-8.
//!
//! The seed is printed on failure; `GOMODPLAY_SEED=<n>` replays it.

use gomod_test_support::rng;
use gomod_test_support::sum_go;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use gomod::bundle::txtar;
use rng::Rng;
use sum_go::{go_command, goroot, write_file};

const DEFAULT_SEED: u64 = 424_242;
const CASES: usize = 3000;

const DRIVER: &str = r#"// Command txtardriver parses every *.txt file of a directory with Go's txtar package and prints,
// per file, tab-separated escaped fields: file name, comment, then name and data of each archive
// file, then the re-formatted archive.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gomodplay.test/txtardriver/txtar"
)

func esc(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		switch {
		case c == '\\':
			sb.WriteString(`\\`)
		case c == '\t':
			sb.WriteString(`\t`)
		case c == '\n':
			sb.WriteString(`\n`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&sb, `\x%02x`, c)
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

func main() {
	names, err := filepath.Glob(filepath.Join(os.Args[1], "*.txt"))
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			panic(err)
		}
		a := txtar.Parse(data)
		fields := []string{filepath.Base(name), esc(a.Comment)}
		for _, f := range a.Files {
			fields = append(fields, esc([]byte(f.Name)), esc(f.Data))
		}
		fields = append(fields, esc(txtar.Format(a)))
		fmt.Println(strings.Join(fields, "\t"))
	}
}
"#;

const FRAGMENTS: &[&[u8]] = &[
    b"-- ",
    b" --",
    b"--",
    b"-",
    b"-- a --",
    b"-- go.mod --\n",
    b"--  --\n",
    b"-- --\n",
    b"\n",
    b"\n",
    b"\r\n",
    b"\r",
    b" ",
    b"\t",
    b"\x0b",
    "\u{a0}".as_bytes(),
    "\u{85}".as_bytes(),
    "\u{2028}".as_bytes(),
    "\u{3000}".as_bytes(),
    b"\xff",
    b"\xc3",
    b"a",
    b"b/c",
    "é".as_bytes(),
    b"x y",
];

#[test]
fn txtar_matches_go_internal_txtar() {
    let seed = rng::seed_or(DEFAULT_SEED);
    let result = std::panic::catch_unwind(|| run_oracle(seed));
    if let Err(panic) = result {
        eprintln!("oracle_sum_txtar failed with seed {seed} (replay: GOMODPLAY_SEED={seed})");
        std::panic::resume_unwind(panic);
    }
}

fn run_oracle(seed: u64) {
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("oracle-sum-txtar");
    let driver = build_driver(&work);
    let cases_dir = work.join(format!("cases-{seed}"));
    let _ = fs::remove_dir_all(&cases_dir);
    let mut rng = Rng::new(seed);
    let mut inputs = Vec::new();
    for index in 0..CASES {
        let mut input = Vec::new();
        for _ in 0..rng.below(24) {
            let fragment = rng.choose(FRAGMENTS);
            input.extend_from_slice(fragment);
        }
        write_file(&cases_dir.join(format!("case{index:05}.txt")), &input);
        inputs.push(input);
    }
    let output = Command::new(&driver)
        .arg(&cases_dir)
        .output()
        .expect("running the txtar driver");
    assert!(
        output.status.success(),
        "txtar driver failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("driver output is ASCII");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.len(),
        CASES,
        "driver answered {} of {CASES} cases",
        lines.len()
    );

    for (input, line) in inputs.iter().zip(lines) {
        let fields: Vec<Vec<u8>> = line.split('\t').skip(1).map(unescape).collect();
        let archive = txtar::parse(input);
        let (comment, rest) = fields.split_first().expect("comment field");
        let (formatted, files) = rest.split_last().expect("format field");
        let context = || format!("input {:?}\ngo: {line}", String::from_utf8_lossy(input));
        assert_eq!(&archive.comment, comment, "comment differs; {}", context());
        assert_eq!(
            archive.files.len() * 2,
            files.len(),
            "file count differs; {}",
            context()
        );
        let mut names_exact = true;
        for (ours, theirs) in archive.files.iter().zip(files.chunks(2)) {
            let (name, data) = (&theirs[0], &theirs[1]);
            names_exact &= std::str::from_utf8(name).is_ok();
            assert_eq!(
                ours.name,
                String::from_utf8_lossy(name),
                "name differs; {}",
                context()
            );
            assert_eq!(
                &ours.data,
                data,
                "data of {:?} differs; {}",
                ours.name,
                context()
            );
        }
        if names_exact {
            assert_eq!(
                &txtar::format(&archive),
                formatted,
                "format differs; {}",
                context()
            );
        }
    }
    let _ = fs::remove_dir_all(&cases_dir);
}

/// Builds the driver against a copy of GOROOT's internal/txtar (rebuilt only when missing).
fn build_driver(work: &Path) -> PathBuf {
    let binary = work.join("txtardriver");
    if binary.exists() {
        return binary;
    }
    let goroot = goroot();
    let source = fs::read(goroot.join("src/internal/txtar/archive.go"))
        .expect("reading GOROOT's internal/txtar");
    let module = work.join("driver");
    write_file(
        &module.join("go.mod"),
        b"module gomodplay.test/txtardriver\n\ngo 1.21\n",
    );
    write_file(&module.join("txtar/archive.go"), &source);
    write_file(&module.join("main.go"), DRIVER.as_bytes());
    let status = go_command()
        .args(["build", "-o"])
        .arg(&binary)
        .arg(".")
        .current_dir(&module)
        .env("GOFLAGS", "-mod=mod")
        .env("GOCACHE", work.join("gocache"))
        .env("GOPATH", work.join("gopath"))
        .status()
        .expect("running go build");
    assert!(status.success(), "building the txtar driver failed");
    binary
}

/// Reverses the driver's escaping.
fn unescape(field: &str) -> Vec<u8> {
    let bytes = field.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            match bytes[i + 1] {
                b'\\' => out.push(b'\\'),
                b't' => out.push(b'\t'),
                b'n' => out.push(b'\n'),
                b'x' => {
                    let hex = std::str::from_utf8(&bytes[i + 2..i + 4]).expect("hex digits");
                    out.push(u8::from_str_radix(hex, 16).expect("hex byte"));
                    i += 2;
                }
                other => panic!("unknown escape \\{}", char::from(other)),
            }
            i += 2;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}
