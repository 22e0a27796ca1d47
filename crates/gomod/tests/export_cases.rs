//! The graph and build-list exports (`gomod::export`) on every gallery example
//! (`www/examples/*.txtar`, read in place) and on the extra cases in `testdata/export/*.txtar`.
//!
//! For each input the five documents (DOT, Mermaid, JSON, build list text and CSV) are compared
//! byte for byte with `testdata/export/golden/NAME.{dot,mmd,json,txt,csv}`; `UPDATE_GOLDEN=1`
//! rewrites them. On top of the goldens, each document is checked for what it must say: the DOT
//! parsed back by a small DOT reader has exactly the edges `go mod graph` prints (the real go's,
//! run on the same files offline, and the core's), the Mermaid text declares every node with a
//! valid id and an escaped label and draws every edge, the CSV has one well-formed row per module.

use gomod_test_support::go;
use gomod_test_support::scratch;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use gomod_test_support::case_files;

use gomod::analyze::{analyze, Options, Toolchain};
use gomod::bundle::Bundle;
use gomod::export;
use gomod::resolve::Resolution;
use scratch::{write, Scratch};

/// One input: a name and the txtar bundle, with the Go version and GOTOOLCHAIN of its header.
struct Case {
    name: String,
    txtar: Vec<u8>,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn cases() -> Vec<Case> {
    let gallery = case_files::txtar_files(&repo_root().join("www/examples"));
    assert!(
        gallery.len() >= 12,
        "gallery examples missing: {}",
        gallery.len()
    );
    let extra =
        case_files::txtar_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/export"));
    assert!(!extra.is_empty(), "no cases in testdata/export");
    gallery
        .iter()
        .chain(extra.iter())
        .map(|p| Case {
            name: p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            txtar: fs::read(p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display())),
        })
        .collect()
}

/// A header value (`go-version: 1.23.8`) of a gallery example's comment.
fn header<'a>(txtar: &'a str, key: &str) -> &'a str {
    txtar
        .lines()
        .take_while(|l| !l.starts_with("-- "))
        .find_map(|l| l.strip_prefix(key))
        .map_or("", str::trim)
}

/// The resolution the playground shows for the case, as the app computes it.
fn resolution(case: &Case) -> Option<Resolution> {
    let text = String::from_utf8_lossy(&case.txtar);
    let go_version = header(&text, "go-version:");
    let options = Options {
        go_version: (!go_version.is_empty()).then(|| go_version.to_owned()),
        toolchain: if header(&text, "gotoolchain:") == "auto" {
            Toolchain::Auto
        } else {
            Toolchain::Local
        },
    };
    analyze(&Bundle::from_txtar(&case.txtar), &options).take_resolution()
}

/// The five documents of one resolution, by golden file extension.
fn documents(res: &Resolution) -> Vec<(&'static str, String)> {
    let mut json =
        serde_json::to_string_pretty(&export::graph_json::document(res)).expect("serialisable");
    json.push('\n');
    vec![
        ("dot", export::dot::render(res)),
        ("mmd", export::mermaid::render(res)),
        ("json", json),
        ("txt", export::build_list::text(res)),
        ("csv", export::build_list::csv(res)),
    ]
}

#[test]
fn goldens() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/export/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    let mut resolved = 0;
    for case in cases() {
        let Some(res) = resolution(&case) else {
            continue;
        };
        resolved += 1;
        for (ext, got) in documents(&res) {
            let golden = dir.join(format!("{}.{ext}", case.name));
            if update {
                write(&golden, &got);
                continue;
            }
            match fs::read_to_string(&golden) {
                Ok(want) if want == got => {}
                Ok(want) => failures.push(format!(
                    "{}: differs\n--- want\n{want}\n--- got\n{got}",
                    golden.display()
                )),
                Err(e) => failures.push(format!(
                    "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
                    golden.display()
                )),
            }
        }
    }
    assert!(
        resolved >= 12,
        "only {resolved} cases have a resolved graph"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The edges of a DOT digraph: `"a" -> "b"` statements, with DOT's quoted-string escapes
/// undone. Anything else on a statement line (node statements, attributes) is skipped; a line
/// that looks like an edge but does not parse fails the test.
fn dot_edges(dot: &str) -> BTreeSet<(String, String)> {
    let mut edges = BTreeSet::new();
    assert!(dot.starts_with("digraph "), "not a digraph:\n{dot}");
    assert!(
        dot.trim_end().ends_with('}'),
        "unterminated digraph:\n{dot}"
    );
    for line in dot.lines() {
        let line = line.trim();
        if !line.contains("->") {
            continue;
        }
        let (from, rest) = dot_string(line).unwrap_or_else(|| panic!("bad edge line {line:?}"));
        let rest = rest
            .trim_start()
            .strip_prefix("->")
            .unwrap_or_else(|| panic!("{line:?}"));
        let (to, tail) = dot_string(rest.trim_start()).unwrap_or_else(|| panic!("{line:?}"));
        let tail = tail.trim();
        assert!(
            tail == ";" || (tail.starts_with('[') && tail.ends_with("];")),
            "{line:?}"
        );
        edges.insert((from, to));
    }
    edges
}

/// A DOT quoted string at the start of `s` and the text after it.
fn dot_string(s: &str) -> Option<(String, &str)> {
    let body = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &body[i + 1..])),
            '\\' => match chars.next()?.1 {
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                other => {
                    out.push('\\');
                    out.push(other);
                }
            },
            c => out.push(c),
        }
    }
    None
}

fn graph_edges(text: &str) -> BTreeSet<(String, String)> {
    text.lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

/// Runs the real `go mod graph` on the case's files: the bundle's proxy files (`PATH/@v/...`)
/// served by a file GOPROXY, everything else as the module directory. `None` when go fails.
fn real_go_mod_graph(case: &Case) -> Option<String> {
    let scratch = Scratch::new("export");
    let bundle = Bundle::from_txtar(&case.txtar);
    for f in bundle.files() {
        let target = if f.name.contains("/@v/") {
            scratch.path(&format!("proxy/{}", f.name))
        } else {
            scratch.path(&format!("module/{}", f.name))
        };
        write(&target, &f.data);
    }
    let proxy = format!("file://{}", scratch.path("proxy").display());
    let out = go::go_command()
        .current_dir(scratch.path("module"))
        .args(["mod", "graph"])
        .env("GOPROXY", proxy)
        .env("GOFLAGS", "-mod=mod")
        .env("GOPATH", scratch.path("gopath"))
        .env("GOMODCACHE", scratch.path("gopath/pkg/mod"))
        .env(
            "GOWORK",
            if bundle.file("go.work").is_some() {
                ""
            } else {
                "off"
            },
        )
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn dot_round_trips_to_go_mod_graph_edges() {
    let mut compared_with_go = 0;
    let mut with_edges = 0;
    let mut failures = Vec::new();
    for case in cases() {
        // A resolution that stopped before the graph (a go line newer than the go command)
        // has no edges to compare.
        let Some(res) = resolution(&case).filter(|r| !r.edges.is_empty()) else {
            continue;
        };
        with_edges += 1;
        let from_dot = dot_edges(&export::dot::render(&res));
        let core = graph_edges(&export::graph_text(&res));
        if from_dot != core {
            failures.push(format!(
                "{}: DOT edges {from_dot:?}\ncore {core:?}",
                case.name
            ));
        }
        // The real go runs at its own version, so compare only where the playground's Go is
        // not the point of the example (no version-dependent failure).
        if let Some(go) = real_go_mod_graph(&case) {
            let go = graph_edges(&go);
            // go's own go@/toolchain@ edges name the go command's version.
            let strip = |s: &BTreeSet<(String, String)>| -> BTreeSet<(String, String)> {
                s.iter()
                    .filter(|(_, b)| !b.starts_with("toolchain@"))
                    .cloned()
                    .collect()
            };
            if strip(&go) == strip(&from_dot) {
                compared_with_go += 1;
            } else {
                failures.push(format!(
                    "{}: go mod graph {go:?}\nDOT {from_dot:?}",
                    case.name
                ));
            }
        }
    }
    eprintln!("{with_edges} graphs round-tripped through DOT, {compared_with_go} equal to the real go mod graph");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(with_edges >= 10, "only {with_edges} cases have a graph");
    assert!(
        compared_with_go >= 8,
        "only {compared_with_go} cases compared with go"
    );
}

#[test]
fn mermaid_declares_every_node_and_draws_every_edge() {
    for case in cases() {
        let Some(res) = resolution(&case) else {
            continue;
        };
        let text = export::mermaid::render(&res);
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("flowchart LR"), "{}", case.name);
        let mut labels: std::collections::BTreeMap<String, String> = Default::default();
        let mut edges = BTreeSet::new();
        for line in lines {
            let line = line
                .strip_prefix("    ")
                .unwrap_or_else(|| panic!("{line:?}"));
            if line.starts_with("classDef ") || line.starts_with("class ") {
                continue;
            }
            if let Some((id, rest)) = line.split_once("[\"") {
                let label = rest
                    .strip_suffix("\"]")
                    .unwrap_or_else(|| panic!("{line:?}"));
                assert!(valid_id(id), "{}: id {id:?}", case.name);
                assert!(
                    !label.contains(['"', '<', '>']),
                    "{}: unescaped label {label:?}",
                    case.name
                );
                labels.insert(id.to_owned(), unescape_mermaid(label));
                continue;
            }
            let parts: Vec<&str> = line.split(' ').collect();
            let [from, arrow, to] = parts[..] else {
                panic!("{}: {line:?}", case.name)
            };
            assert!(arrow == "-->" || arrow == "-.->", "{line:?}");
            let name = |id: &str| {
                labels
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| panic!("undeclared {id}"))
            };
            edges.insert((name(from), name(to)));
        }
        assert_eq!(
            edges,
            graph_edges(&export::graph_text(&res)),
            "{}",
            case.name
        );
    }
}

fn valid_id(id: &str) -> bool {
    id.starts_with('m') && id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit())
}

fn unescape_mermaid(s: &str) -> String {
    s.replace("#quot;", "\"")
        .replace("#lt;", "<")
        .replace("#gt;", ">")
        .replace("#amp;", "&")
        .replace("#35;", "#")
}

#[test]
fn mermaid_labels_escape_what_mermaid_interprets() {
    assert_eq!(
        export::mermaid::label("example.com/a@v1.0.0"),
        "example.com/a@v1.0.0"
    );
    assert_eq!(
        export::mermaid::label("a\"b#c<d>&"),
        "a#quot;b#35;c#lt;d#gt;#amp;"
    );
    assert_eq!(export::dot::quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
}

/// RFC 4180 fields of one CSV document: quoted fields may hold commas, doubled quotes and line
/// breaks; every record ends with CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => {
                assert!(c != '\n', "bare LF ends a record");
                field.push(c);
            }
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "last record not ended by CRLF"
    );
    records
}

#[test]
fn csv_has_one_row_per_module_and_round_trips() {
    for case in cases() {
        let Some(res) = resolution(&case) else {
            continue;
        };
        let records = parse_csv(&export::build_list::csv(&res));
        assert_eq!(records[0], export::build_list::CSV_HEADER, "{}", case.name);
        assert_eq!(records.len(), res.build_list.len() + 1, "{}", case.name);
        for (row, entry) in records[1..].iter().zip(&res.build_list) {
            assert_eq!(row.len(), 6);
            assert_eq!(row[0], entry.module.path);
            assert_eq!(row[1], entry.module.version);
            let r = entry.replacement.as_ref();
            assert_eq!(row[2], r.map_or("", |r| r.path.as_str()));
            assert_eq!(row[3], r.map_or("", |r| r.version.as_str()));
        }
    }
    assert_eq!(
        export::build_list::csv_field("./my, \"x\" lib"),
        "\"./my, \"\"x\"\" lib\""
    );
}

#[test]
fn build_list_text_is_go_list_m_all() {
    let mut compared = 0;
    for case in cases() {
        let Some(res) = resolution(&case) else {
            continue;
        };
        if res.error.is_some() {
            continue;
        }
        let text = String::from_utf8_lossy(&case.txtar);
        let go_version = header(&text, "go-version:");
        let options = Options {
            go_version: (!go_version.is_empty()).then(|| go_version.to_owned()),
            toolchain: if header(&text, "gotoolchain:") == "auto" {
                Toolchain::Auto
            } else {
                Toolchain::Local
            },
        };
        let bundle = Bundle::from_txtar(&case.txtar);
        let settings = gomod::analyze::resolve_settings(&options);
        let Some(input) = gomod::resolve::bundle_input(&bundle, settings) else {
            continue;
        };
        let listed = gomod::resolve::list_all(&input);
        if listed.exit_code != 0 {
            continue;
        }
        assert_eq!(
            export::build_list::text(&res),
            listed.stdout,
            "{}",
            case.name
        );
        compared += 1;
    }
    assert!(compared >= 8, "only {compared} build lists compared");
}
