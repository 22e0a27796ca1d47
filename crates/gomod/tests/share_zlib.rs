//! Differential test of the share codec's DEFLATE against python3's zlib, the reference inflater
//! and compressor: seeded generated inputs (go.mod-, go.sum- and txtar-like text, random bytes,
//! long repetitive runs past the 32 KB window) are compressed by us and inflated by zlib
//! (`zlib.decompress(x, -15)`), and compressed by zlib (`compressobj(level, DEFLATED, -15)` at
//! levels 0, 1, 6 and 9: stored, fixed and dynamic blocks) and inflated by us. Every round trip
//! must give the input back exactly. One python process handles all cases through files.
//!
//! `GOMODPLAY_SEED=<n>` replays a run; `GOMODPLAY_CASES=<n>` changes the count (default 400).

#[path = "support/rng.rs"]
mod rng;

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use gomod::share::{deflate, inflate, MAX_DECODED_BYTES};
use rng::Rng;

const SCRIPT: &str = r#"
import os, sys, zlib
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    p = os.path.join(d, name)
    if name.endswith(".in"):
        data = open(p, "rb").read()
        stem = p[:-3]
        for level in (0, 1, 6, 9):
            c = zlib.compressobj(level, zlib.DEFLATED, -15)
            open(f"{stem}.z{level}", "wb").write(c.compress(data) + c.flush())
        open(f"{stem}.back", "wb").write(zlib.decompress(open(f"{stem}.ours", "rb").read(), -15))
"#;

const WORDS: &[&str] = &[
    "module",
    "require",
    "go",
    "toolchain",
    "replace",
    "exclude",
    "retract",
    "=>",
    "(",
    ")",
    "// indirect",
    "golang.org/x/text",
    "github.com/stretchr/testify",
    "k8s.io/api",
    "v0.14.0",
    "v1.8.4",
    "v0.0.0-20231012003039-104605ab7028",
    "/go.mod",
    "h1:",
    "-- go.mod --",
    "-- go.sum --",
    "\t",
    " ",
    "\n",
    "\r\n",
    "é",
    "🎉",
];

fn text(rng: &mut Rng, len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    while out.len() < len {
        out.extend_from_slice(rng.choose(WORDS).as_bytes());
        if rng.one_in(7) {
            // A go.sum-like hash: high-entropy base64 that does not compress.
            out.extend(b"h1:");
            for _ in 0..43 {
                let c = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
                out.push(*rng.choose(c));
            }
            out.extend(b"=\n");
        }
    }
    out
}

fn case(rng: &mut Rng, i: usize) -> Vec<u8> {
    match i % 5 {
        0 => (0..rng.range(0, 3000))
            .map(|_| rng.next_u64() as u8)
            .collect(),
        1 => {
            // Few symbols: long matches and overlapping copies.
            let alphabet = rng.range(1, 4) as u8;
            (0..rng.range(0, 70_000))
                .map(|_| b'a' + rng.below(usize::from(alphabet)) as u8)
                .collect()
        }
        2 => {
            // A block repeated just beyond and within the window's reach.
            let (block_len, gap_len) = (rng.range(1, 500), rng.range(30_000, 34_000));
            let block = text(rng, block_len);
            let gap = text(rng, gap_len);
            [block.clone(), gap, block].concat()
        }
        _ => {
            let len = rng.range(0, 20_000);
            text(rng, len)
        }
    }
}

#[test]
fn deflate_and_inflate_agree_with_zlib() {
    let seed = std::env::var("GOMODPLAY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(rng::DEFAULT_SEED);
    let cases: usize = std::env::var("GOMODPLAY_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(400);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("share_zlib");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng::new(seed);
    let mut inputs = Vec::new();
    for i in 0..cases {
        let data = case(&mut rng, i);
        fs::write(dir.join(format!("{i:04}.in")), &data).unwrap();
        fs::write(dir.join(format!("{i:04}.ours")), deflate(&data)).unwrap();
        inputs.push(data);
    }
    let status = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(&dir)
        .status()
        .expect("python3 runs (the reference zlib)");
    assert!(status.success(), "python3 failed (seed {seed})");
    let mut failures = Vec::new();
    for (i, data) in inputs.iter().enumerate() {
        let back = fs::read(dir.join(format!("{i:04}.back"))).unwrap();
        if &back != data {
            failures.push(format!("case {i}: zlib inflates our output differently"));
        }
        for level in [0, 1, 6, 9] {
            let z = fs::read(dir.join(format!("{i:04}.z{level}"))).unwrap();
            match inflate(&z, MAX_DECODED_BYTES) {
                Ok(out) if &out == data => {}
                Ok(_) => failures.push(format!("case {i} level {level}: different bytes")),
                Err(e) => failures.push(format!("case {i} level {level}: {e}")),
            }
            // A truncated stream is an error, never a panic or a wrong success.
            if z.len() > 2 {
                let cut = &z[..z.len() / 2];
                if inflate(cut, MAX_DECODED_BYTES).is_ok_and(|out| &out == data) && !data.is_empty()
                {
                    failures.push(format!(
                        "case {i} level {level}: half the stream gave it all"
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "seed {seed}: {} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn random_bytes_never_panic_the_inflater() {
    let mut rng = Rng::new(rng::DEFAULT_SEED ^ 0x5a5a);
    for _ in 0..20_000 {
        let data: Vec<u8> = (0..rng.range(0, 64))
            .map(|_| rng.next_u64() as u8)
            .collect();
        if let Ok(out) = inflate(&data, 1 << 16) {
            assert!(out.len() <= 1 << 16);
        }
    }
}
