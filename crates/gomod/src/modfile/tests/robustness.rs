//! No input and no sequence of edits makes the go.mod code panic.

use super::go_oracle::Fuzz;
use crate::modfile;

/// Arbitrary bytes, and go.mod-like text cut and spliced at random, never make any entry point
/// panic: parsing (strict, lax, go.work), formatting, JSON, and the edit operations.
#[test]
fn never_panics_on_garbage() {
    const PIECES: &[&[u8]] = &[
        b"module",
        b"go",
        b"require",
        b"replace",
        b"retract",
        b"exclude",
        b"tool",
        b"ignore",
        b"godebug",
        b"use",
        b"toolchain",
        b"(",
        b")",
        b"[",
        b"]",
        b",",
        b"=>",
        b"\n",
        b"\r\n",
        b" ",
        b"\t",
        b"//",
        b"// indirect",
        b"/*",
        b"\"",
        b"`",
        b"\\",
        b"v1.0.0",
        b"v2.0.0+incompatible",
        b"example.com/a",
        b"example.com/a/v2",
        b"./dir",
        b"1.21",
        b"\xff",
        b"\xe2\x82",
        "\u{feff}".as_bytes(),
        "é".as_bytes(),
        b"\x00",
        b"\x0b",
        b"x=y",
    ];
    const LINES: &[&[u8]] = &[
        b"module example.com/m\n",
        b"go 1.21\n",
        b"require example.com/a v1.0.0 // indirect\n",
        b"require (\n",
        b"example.com/b v1.2\n",
        b"example.com/a v1.0.0\n",
        b")\n",
        b"replace example.com/a => ./x\n",
        b"retract [v1.0.0, v1.1.0]\n",
        b"exclude example.com/a v1.0.0\n",
        b"// comment\n",
        b"\n",
        b"tool example.com/t\n",
        b"godebug a=b\n",
        b"toolchain go1.21.0\n",
        b"replace (\n",
        b"example.com/a v1.0.0 => ./y\n",
    ];
    let mut fuzz = Fuzz::new(0x1234_5678_9abc_def1);
    let mut parsed = 0;
    for round in 0..8000 {
        let mut data = Vec::new();
        for _ in 0..fuzz.below(40) {
            match round % 3 {
                0 => data.push((fuzz.next() & 0xff) as u8),
                1 => data.extend_from_slice(PIECES[fuzz.below(PIECES.len())]),
                _ => data.extend_from_slice(LINES[fuzz.below(LINES.len())]),
            }
        }
        let _ = crate::syntax::parse("go.mod", &data).map(|f| crate::syntax::format(&f));
        let _ = modfile::parse_lax("go.mod", &data).map(|mut f| {
            f.sort_blocks();
            f.cleanup();
            f.format()
        });
        let _ = crate::workfile::format("go.work", &data);
        let _ = crate::workfile::edit_json("go.work", &data);
        let _ = modfile::edit_json("go.mod", &data);
        if let Ok(mut f) = modfile::parse("go.mod", &data) {
            parsed += 1;
            f.add_require("example.com/new", "v1.0.0");
            f.drop_require("example.com/a");
            let _ = f.add_exclude("example.com/a", "v1.0.0");
            f.add_replace("example.com/a", "", "./x", "");
            f.drop_replace("example.com/a", "v1.0.0");
            let _ = f.add_retract(
                &modfile::VersionInterval {
                    low: "v1.0.0".into(),
                    high: "v1.1.0".into(),
                },
                "why\nnot",
            );
            let _ = f.add_go_stmt("1.22");
            let _ = f.add_toolchain_stmt("go1.22.0");
            f.add_godebug("k", "v");
            f.add_tool("example.com/t");
            let want: Vec<modfile::RequireSpec> = f
                .require
                .iter()
                .map(|r| modfile::RequireSpec {
                    path: r.module.path.clone(),
                    version: r.module.version.clone(),
                    indirect: !r.indirect,
                })
                .collect();
            f.set_require_at_most_two(&want);
            f.set_require_separate_indirect(&want);
            f.set_require(&want);
            f.cleanup();
            let _ = f.format();
            let _ = f.to_edit_json();
        }
    }
    // Make sure the edit operations above were exercised on a fair number of files.
    assert!(parsed > 250, "only {parsed} generated files parsed");
}
